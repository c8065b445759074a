"""Links into another language, and content shown in one, say so: an English
reader following a link to a page only in Polish is told before they click, by a
tag that is text (not colour) and by ``hreflang``; Polish text shown on an English
page carries ``lang="pl"`` and a note in English."""

import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.groups import MIGRANT_TEAM
from portal.languages import IN_LANGUAGE
from portal.models import FooterContent, MainMenu
from tests.factories import StandardPageFactory, publish, translate

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """Each <a>: its attributes, its whole text, the text a screen reader reads
    (without aria-hidden parts), and the text of elements carrying a lang."""

    def __init__(self):
        super().__init__()
        self.links, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append({"attrs": attrs, "text": "", "spoken": "", "lang": {}})
        hidden = attrs.get("aria-hidden") == "true" or any(
            hidden for _tag, hidden, _lang in self.stack
        )
        lang = attrs.get("lang") or next(
            (lang for *_rest, lang in reversed(self.stack) if lang), None
        )
        self.stack.append((tag, hidden, attrs.get("lang") and lang))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not self.links or not any(tag == "a" for tag, *_ in self.stack):
            return
        link = self.links[-1]
        link["text"] += data
        if not any(hidden for _tag, hidden, _lang in self.stack):
            link["spoken"] += data
        for *_rest, lang in reversed(self.stack):
            if lang:
                link["lang"][lang] = link["lang"].get(lang, "") + data
                break


def link_to(response, href):
    parser = Links()
    parser.feed(response.content.decode())
    found = [link for link in parser.links if link["attrs"].get("href") == href]
    assert found, f"no link to {href}"
    return found[0]


def squeeze(text):
    return " ".join(text.split())


def assert_marked_polish(link, title, reader="en"):
    """hreflang, a visible "PL", "in Polish" (in the reader's language) for screen
    readers, the Polish title in lang="pl"."""
    with translation.override(reader):
        in_polish = f"({IN_LANGUAGE['pl']})"
    assert link["attrs"].get("hreflang") == "pl"
    assert squeeze(link["text"]).startswith("PL")
    assert in_polish in squeeze(link["spoken"])
    assert "PL" not in link["spoken"]  # the code is shown; its name is read
    assert squeeze(link["lang"].get("pl", "")) == title


def assert_unmarked(link):
    assert "hreflang" not in link["attrs"]
    assert "language-tag" not in repr(link)
    assert "in Polish" not in link["text"]


@pytest.fixture
def contact(home_pages):
    """A page only in Polish so far."""
    return StandardPageFactory(parent=home_pages["pl"], title="Kontakt", slug="kontakt")


def link(page):
    return ("link", {"page": page, "url": "", "label": ""})


def test_a_menu_link_to_a_polish_only_page_says_so_until_it_is_translated(
    client, home_pages, contact
):
    MainMenu.objects.create(locale=home_pages["en"].locale, items=[link(contact)])

    before = link_to(client.get("/en/"), "/pl/kontakt/")
    translate(contact, home_pages["en"].locale, title="Contact", slug="contact")
    after = link_to(client.get("/en/"), "/en/contact/")

    assert_marked_polish(before, "Kontakt")
    assert_unmarked(after)
    assert squeeze(after["text"]) == "Contact"


def test_a_footer_link_and_the_footers_text_in_polish_say_so(
    client, home_pages, contact
):
    FooterContent.objects.create(
        locale=home_pages["pl"].locale,
        contact="<p>Lublin, ul. Przykładowa 1</p>",
        links=[link(contact)],
    )

    response = client.get("/en/")  # no English footer: the Polish one
    html = response.content.decode()

    assert_marked_polish(link_to(response, "/pl/kontakt/"), "Kontakt")
    assert '<div lang="pl"><p>Lublin, ul. Przykładowa 1</p></div>' in html
    assert '<span class="language-note" lang="en">(in Polish)</span>' in html

    translate(contact, home_pages["en"].locale, title="Contact", slug="contact")
    FooterContent.objects.get().copy_for_translation(home_pages["en"].locale).save()
    translated = client.get("/en/")

    assert_unmarked(link_to(translated, "/en/contact/"))
    assert 'class="language-note"' not in translated.content.decode()


def test_a_home_page_card_to_a_polish_only_page_says_so(client, home_pages, contact):
    home = home_pages["en"]
    home.featured = [
        ("featured_page", {"page": contact, "heading": "", "text": "Write to us."}),
        ("call_to_action", {"text": "Get in touch", "page": contact, "url": ""}),
    ]
    publish(home)

    response = client.get("/en/")
    card = link_to(response, "/pl/kontakt/")

    assert_marked_polish(card, "Kontakt")
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    assert main.count('hreflang="pl"') == 2
    button = Links()
    button.feed(response.content.decode())
    buttons = [a for a in button.links if a["attrs"].get("class") == "button"]
    assert buttons[0]["attrs"]["hreflang"] == "pl"
    # The button's words are the English page's own: no lang of their own.
    assert squeeze(buttons[0]["spoken"]) == "(in Polish) Get in touch"

    translate(contact, home_pages["en"].locale, title="Contact", slug="contact")
    translated = client.get("/en/")

    assert_unmarked(link_to(translated, "/en/contact/"))
    assert 'hreflang="pl"' not in translated.content.decode().split("<main")[1]


def test_a_rich_text_link_to_a_polish_only_page_says_so(client, home_pages, contact):
    page = StandardPageFactory(parent=home_pages["en"], title="News", slug="news")
    page.body = json.dumps(
        [
            {
                "type": "text",
                "value": f'<p>Ask <a linktype="page" id="{contact.pk}">us</a>.</p>',
            }
        ]
    )
    publish(page)

    before = link_to(client.get("/en/news/"), "/pl/kontakt/")
    translate(contact, home_pages["en"].locale, title="Contact", slug="contact")
    after = link_to(client.get("/en/news/"), "/en/contact/")

    assert before["attrs"]["hreflang"] == "pl"
    assert squeeze(before["spoken"]) == "(in Polish) us"
    assert squeeze(before["text"]) == "PL(in Polish) us"
    assert_unmarked(after)


def test_the_tag_is_text_for_everyone_not_colour(client, home_pages, contact):
    """What axe checks: the link's name tells its language in words, and the
    visible tag is characters on the page, not a coloured mark."""
    MainMenu.objects.create(locale=home_pages["en"].locale, items=[link(contact)])

    html = client.get("/en/").content.decode()

    assert (
        '<span class="language-tag" lang="en"><span aria-hidden="true">PL</span>'
        '<span class="visually-hidden">(in Polish)</span></span>'
    ) in html


@pytest.fixture
def residence_pages(home_pages):
    translated = StandardPageFactory(
        parent=home_pages["pl"], title="Karta pobytu krok po kroku"
    )
    translate(translated, home_pages["uk"].locale, title="Карта побуту (Karta pobytu)")
    polish_only = StandardPageFactory(
        parent=home_pages["pl"],
        title="Karta pobytu: opłaty",
        intro="Ile kosztuje karta pobytu.",
    )
    team_only = StandardPageFactory(
        parent=home_pages["pl"], title="Karta pobytu: notatki zespołu"
    )
    restriction = PageViewRestriction.objects.create(
        page=team_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MIGRANT_TEAM))
    return polish_only


def test_search_shows_the_readers_language_first_then_other_languages_labelled(
    client, residence_pages
):
    response = client.get("/uk/search/", {"q": "karta pobytu"})
    html = response.content.decode()

    titles = [page.title for page in response.context["results"]]
    assert titles == ["Карта побуту (Karta pobytu)", "Karta pobytu: opłaty"]
    assert response.context["results"].paginator.count == 2
    # The Polish version of the translated page is not offered a second time.
    assert "Karta pobytu krok po kroku" not in html
    assert "notatki zespołu" not in html
    assert_marked_polish(
        link_to(response, residence_pages.url), "Karta pobytu: opłaty", reader="uk"
    )
    assert '<p lang="pl">Ile kosztuje karta pobytu.</p>' in html
    assert 'class="language-note" lang="uk"' in html


def test_search_pages_across_the_two_lists(client, home_pages):
    for number in range(7):
        page = StandardPageFactory(parent=home_pages["pl"], title=f"Szkoła {number}")
        translate(page, home_pages["uk"].locale, title=f"Szkoła uk {number}")
    for number in range(6):
        StandardPageFactory(parent=home_pages["pl"], title=f"Szkoła pl {number}")

    first = client.get("/uk/search/", {"q": "szkoła"}).context["results"]
    second = client.get("/uk/search/", {"q": "szkoła", "page": 2}).context["results"]

    assert first.paginator.count == 13
    languages = [result.language for result in [*first, *second]]
    assert languages == [None] * 7 + ["pl"] * 6


def test_search_in_two_languages_keeps_its_query_budget(
    client, home_pages, uncached_pages
):
    def add_pages(count):
        for _ in range(count):
            page = StandardPageFactory(parent=home_pages["pl"], intro="Szkoła.")
            translate(page, home_pages["uk"].locale)
            StandardPageFactory(parent=home_pages["pl"], intro="Szkoła.")

    def count():
        client.get("/uk/search/", {"q": "szkoła"})  # warm
        with CaptureQueriesContext(connection) as queries:
            client.get("/uk/search/", {"q": "szkoła"})
        return len(queries)

    add_pages(2)
    few = count()
    add_pages(3)

    assert count() == few == 13
