"""Kept page routes (portal/routing.py): a logged-in reader, whom the page cache
never serves, gets each page found again without walking the tree, and never a
page that an editor has since unpublished, moved or renamed."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from portal import routing
from portal.groups import MIGRANT_TEAM
from portal.models import SiteSettings
from tests.consultations.conftest import make_consultation, route
from tests.factories import MemberFactory, StandardPageFactory, UserFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_settings(db):
    """Made on a site's first request, as on any running site; making them is an
    edit that starts a new generation."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def reader(client):
    client.force_login(MemberFactory())
    return client


@pytest.fixture
def pages(home_pages):
    about = publish(StandardPageFactory(parent=home_pages["pl"], slug="o-nas"))
    team = publish(StandardPageFactory(parent=about, slug="zespol"))
    contact = publish(StandardPageFactory(parent=home_pages["pl"], slug="kontakt"))
    return about, team, contact


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_each_address_leads_to_its_own_page_again_with_fewer_queries(reader, pages):
    walked = {page.url: queries_for(reader, page.url) for page in pages}

    for page in pages:
        response, queries = queries_for(reader, page.url)
        assert response.status_code == 200
        assert response.context["page"] == page
        # The page's ancestors are no longer fetched one by one.
        assert queries < walked[page.url][1]


def test_a_routable_pages_own_views_are_found_through_a_kept_route(reader, index_page):
    consultation = make_consultation(index_page)
    recommendation = consultation.record.recommendations.get(number=1)
    reader.get(consultation.url)

    detail = reader.get(route(consultation, "recommendation", recommendation.pk))
    missing = reader.get(route(consultation, "recommendation", 999_999))
    unknown = reader.get(consultation.url + "nie-ma-takiej-strony/")

    assert detail.status_code == 200
    assert detail.context["recommendation"] == recommendation
    assert missing.status_code == 404
    assert unknown.status_code == 404


def test_an_unpublished_page_is_not_found_through_its_kept_route(reader, pages):
    about, team, _contact = pages
    reader.get(team.url)

    team.unpublish()

    assert reader.get(team.url).status_code == 404


def test_a_renamed_or_moved_page_is_found_only_at_its_new_address(reader, pages):
    about, team, contact = pages
    old_team_url, old_contact_url = team.url, contact.url
    reader.get(old_team_url)
    reader.get(old_contact_url)

    contact.slug = "napisz"
    publish(contact)
    team.move(contact.get_parent(), pos="last-child")
    team.refresh_from_db()
    contact.refresh_from_db()

    moved = reader.get(old_team_url)

    assert reader.get(old_contact_url).status_code == 404
    # Wagtail leaves a redirect where a moved page was.
    assert (moved.status_code, moved["Location"]) == (301, team.url)
    assert reader.get(contact.url).context["page"] == contact
    assert reader.get(team.url).context["page"] == team


def test_a_page_found_through_a_kept_route_shows_what_was_last_published(reader, pages):
    about, _team, _contact = pages
    reader.get(about.url)

    about.title = "O naszym zespole"
    about.save_revision()
    saved = reader.get(about.url)
    publish(about)
    published = reader.get(about.url)

    assert saved.context["page"].title != "O naszym zespole"
    assert published.context["page"].title == "O naszym zespole"


def breadcrumbs(response):
    html = response.content.decode()
    start = html.index('class="breadcrumbs"')
    return html[start : html.index("</nav>", start)]


def test_the_breadcrumbs_come_with_a_kept_route_and_show_a_new_title_at_once(
    reader, index_page
):
    consultation = make_consultation(index_page)
    old_title = index_page.title
    reader.get(consultation.url)
    sent = []

    def counted(execute, sql, *args):
        # Not CaptureQueriesContext: its log stops growing once full.
        sent.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(counted):
        kept = reader.get(consultation.url)

    index_page.title = "Konsultacje społeczne"
    publish(index_page)
    renamed = reader.get(consultation.url)

    assert f'href="{index_page.url}">{old_title}</a>' in breadcrumbs(kept)
    assert f'href="{index_page.url}">Konsultacje społeczne</a>' in breadcrumbs(renamed)
    # The pages above it were kept with the route, not read again.
    assert sent and not [sql for sql in sent if '"depth" >=' in sql]


def test_a_new_text_is_shown_at_once_to_members_and_visitors(reader, pages):
    about, _team, _contact = pages
    visitor = Client()
    reader.get(about.url)
    visitor.get(about.url)

    about.intro = "Nowy wstęp do strony."
    publish(about)  # the same title and address: the generation stays

    assert "Nowy wstęp do strony." in reader.get(about.url).content.decode()
    assert "Nowy wstęp do strony." in visitor.get(about.url).content.decode()


def test_a_change_to_who_may_see_a_page_applies_at_once(reader, pages):
    about, team, _contact = pages
    member_group, other_group = (
        Group.objects.get(name=MIGRANT_TEAM),
        Group.objects.create(name="Inni"),
    )
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([member_group])
    allowed = reader.get(team.url)

    restriction.groups.set([other_group])

    assert allowed.status_code == 200
    assert reader.get(team.url).status_code == 403


def test_a_kept_route_brings_the_pages_view_restrictions(reader, pages, monkeypatch):
    about, team, _contact = pages
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=MIGRANT_TEAM)])
    outsider = Client()
    outsider.force_login(UserFactory())
    reader.get(team.url)
    outsider.get(team.url)
    read = []
    original = routing.read_kept
    monkeypatch.setattr(
        routing, "read_kept", lambda key: read.append(key) or original(key)
    )

    assert reader.get(team.url).status_code == 200
    assert outsider.get(team.url).status_code == 403
    # Read on their own, Wagtail's or ours, they would be read under their key.
    assert not [key for key in read if key.startswith("restrictions:")]


def test_the_home_page_and_its_site_are_found_again(reader, home_pages):
    first = reader.get(home_pages["pl"].url)
    again = reader.get(home_pages["pl"].url)

    assert first.status_code == again.status_code == 200
    assert again.context["page"] == home_pages["pl"]


def test_kept_objects_a_release_can_no_longer_load_are_found_again(
    reader, pages, monkeypatch
):
    about, _team, _contact = pages

    class PickledBeforeARelease:
        def get(self, key):
            raise AttributeError("Can't get attribute 'OldPage' on <module>")

        def get_many(self, keys):
            raise AttributeError("Can't get attribute 'OldPage' on <module>")

        def set(self, *args):
            pass

    monkeypatch.setattr("portal.routing.page_cache", PickledBeforeARelease)

    response = reader.get(about.url)

    assert response.status_code == 200
    assert response.context["page"] == about
