"""The consultation page's recommendation cards (``_cards`` in
consultations/views/members.py): rendered once for every reader of the page's
language and kept, each member's own stance added to them, and renewed at once by
a new wording, a translation or a renamed area."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from consultations import services
from consultations.models import PolicyArea
from portal.models import SiteSettings
from tests.consultations.test_versions import reword_first

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_settings(db):
    """Made on a site's first request, as on any running site; making them is an
    edit that starts a new generation."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))


def overview_for(user, page):
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(page.url).content.decode()
    return html, len(queries)


def cards(html):
    """{number: the card's text, tags and spaces dropped}."""
    found = re.findall(r'<li class="recommendation-card".*?</li>', html, re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", card).split()) for card in found]
    return dict(enumerate(texts, start=1))


@pytest.fixture
def renderings(monkeypatch):
    """Each time the cards are rendered rather than taken from the cache."""
    from consultations.views import members

    made = []
    render = members._render_cards

    def counted(*args):
        made.append(args)
        return render(*args)

    monkeypatch.setattr(members, "_render_cards", counted)
    return made


def test_each_member_sees_their_own_stance_on_the_shared_cards(
    consultation_page, record, member, other_member, renderings
):
    first, second = record.recommendations.order_by("number")[:2]
    services.record_stance(member, first, "support", "", "pl")
    services.record_stance(other_member, second, "oppose", "", "pl")

    for_member, rendering = overview_for(member, consultation_page)
    for_other, from_the_cache = overview_for(other_member, consultation_page)

    # The second reader's cards came from the cache: rendered once, and their
    # wordings, areas and institutions were not read again.
    assert len(renderings) == 1
    assert from_the_cache <= rendering - 4
    assert cards(for_member)[1].startswith("1. Tłumacze w szpitalach")
    assert cards(for_other)[1].startswith("1. Tłumacze w szpitalach")
    assert "Twoje stanowisko: Popieram" in cards(for_member)[1]
    assert "Nie zajęłaś/zająłeś jeszcze stanowiska" in cards(for_member)[2]
    assert "Nie zajęłaś/zająłeś jeszcze stanowiska" in cards(for_other)[1]
    assert "Twoje stanowisko: Jestem przeciw" in cards(for_other)[2]


def test_a_new_wording_shows_at_once_with_the_changed_badge(
    consultation_page, record, recommendation, member, other_member, renderings
):
    services.record_stance(member, recommendation, "support", "", "pl")
    overview_for(member, consultation_page)
    overview_for(other_member, consultation_page)

    reword_first(consultation_page, "Szpitale zapewniają tłumaczenie na arabski.")
    html, _queries = overview_for(member, consultation_page)

    assert len(renderings) == 2  # before and after the new wording
    assert "tłumaczenie na arabski." in cards(html)[1]
    assert "Brzmienie zmieniło się od tego czasu" in cards(html)[1]
    assert (
        "Brzmienie zmieniło się od tego czasu"
        not in cards(overview_for(other_member, consultation_page)[0])[1]
    )


def test_a_renamed_area_shows_at_once(consultation_page, member):
    before, _queries = overview_for(member, consultation_page)
    area = PolicyArea.objects.get(pk=consultation_page.recommendations.first().area_id)
    old_name = area.name
    area.name = "Zdrowie i opieka"
    area.save()

    after, _queries = overview_for(member, consultation_page)

    assert f"Obszar: {old_name}" in cards(before)[1]
    assert "Obszar: Zdrowie i opieka" in cards(after)[1]


def test_the_ukrainian_page_shows_its_own_cards(
    consultation_page, ukrainian_page, member
):
    overview_for(member, consultation_page)

    html, _queries = overview_for(member, ukrainian_page)

    assert cards(html)[1].startswith("1. Перекладачі в лікарнях")
