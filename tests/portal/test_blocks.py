"""Pages chosen in a stream (``PageInReaderLanguageBlock`` in portal/blocks.py):
read together with their versions in the reader's language, so a card or a button
costs no query of its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.models import HomePage
from portal.blocks import reader_version
from tests.factories import StandardPageFactory, publish, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def chosen(home_pages):
    pages = [
        publish(StandardPageFactory(parent=home_pages["pl"], title=f"Strona {n}"))
        for n in range(3)
    ]
    translate(pages[0], home_pages["uk"].locale, title="Контакти", slug="kontakty")
    return pages


@pytest.fixture
def home(home_pages, chosen):
    home = home_pages["uk"]
    home.featured = [
        ("featured_page", {"page": page, "heading": "", "text": ""}) for page in chosen
    ] + [
        ("call_to_action", {"text": "Далі", "page": page, "url": ""}) for page in chosen
    ]
    publish(home)
    return HomePage.objects.get(pk=home.pk)


def targets(stream):
    return [block.block.get_context(block.value)["target"].title for block in stream]


def test_cards_and_buttons_read_their_pages_once_in_the_readers_language(home):
    with translation.override("uk"):
        with CaptureQueriesContext(connection) as queries:
            versions = [reader_version(block.value["page"]) for block in home.featured]
        shown = targets(home.featured)

    # One query for the cards' pages, one for the buttons'.
    assert len(queries) == 2
    assert [translated.title for _chosen, translated in versions[:3] if translated] == [
        "Контакти"
    ]
    assert shown == ["Контакти", "Strona 1", "Strona 2"] * 2


def test_a_stream_read_for_another_language_is_looked_up_again(home):
    with translation.override("pl"):
        list(home.featured)  # converted for a Polish reader

    with translation.override("uk"):
        shown = targets(home.featured)

    assert shown == ["Контакти", "Strona 1", "Strona 2"] * 2


def test_a_stream_is_read_where_no_language_is_active(home, chosen):
    with translation.override(None):
        pages = [block.value["page"] for block in home.featured]

    assert [page.pk for page in pages] == [page.pk for page in chosen] * 2
