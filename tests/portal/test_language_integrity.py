"""Every page a Ukrainian, English or Russian reader can reach speaks the language
its ``lang`` attribute says, and every link into another language says so.

The demo content is seeded once for this module, in a transaction rolled back at
the end, and crawled as an anonymous visitor, a member of the team and an editor:
from each language's home page, its live pages and the account pages, following
every link that stays in the language. The detector and the page reader are in
tests/languages.py (tested in test_language_detector.py).
"""

from collections import Counter, defaultdict, deque
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from wagtail.models import Page

from consultations.models import ConsultationPage
from tests.conftest import clear_caches
from tests.languages import (
    LinkViolation,
    TextViolation,
    check_page,
    language_of_url,
    links_of,
)

LANGUAGES = ["uk", "en", "ru"]
ROLES = ["anonymous", "member", "editor"]
ACCOUNT_PAGES = [
    "accounts/login/",
    "accounts/",
    "accounts/my-data/",
    "accounts/display-name/",
    "accounts/e-mails/",
    "accounts/password/",
    "accounts/password/reset/",
    "accounts/delete/",
]
# Not pages to read: actions, downloads, the admin, one-time links.
NOT_CRAWLED = (
    "/accounts/logout/",
    "/accounts/my-data.json",
    "/accounts/e-mails/off/",
    "/accounts/password/reset/sent/",
    "/report/csv/",
    "/report/xlsx/",
)
# Each page type, by the template that renders it.
PAGE_TYPES = {
    "home": "home/home_page.html",
    "standard page": "home/standard_page.html",
    "campaign index": "home/campaign_index_page.html",
    "campaign": "home/campaign_page.html",
    "club index": "clubs/club_index_page.html",
    "club": "clubs/club_page.html",
    "counselling": "counselling/counselling_page.html",
    "contact": "contact/contact_page.html",
    "consultation index": "consultations/consultation_index_page.html",
    "consultation": "consultations/consultation_page.html",
    "recommendation": "consultations/recommendation.html",
    "results": "consultations/results.html",
    "tracker": "consultations/tracker_page.html",
    "initiatives index": "initiatives/initiative_index_page.html",
    "initiative": "initiatives/initiative_page.html",
    "cooperative": "initiatives/cooperative_page.html",
    "partner institutions": "consultations/institution_index_page.html",
    "institution": "consultations/institution.html",
    "calendar": "events/calendar_page.html",
    "event": "events/event_page.html",
    "team": "events/team_page.html",
    "publications index": "publications/publication_index_page.html",
    "publication": "publications/publication_page.html",
    "search results": "portal/search.html",
    "account": "consultations/account/start.html",
    "my data": "consultations/account/my_data.html",
    "login": "registration/login.html",
}
# A bound on each crawl, so a page that links to endless variants of itself
# (filters, pages of a list) cannot make the test slow.
MOST_PAGES = 200
# Pages of one type under one parent (events of a calendar, institutions, a
# consultation's recommendations) share their template and its words: a few of
# each say what all of them would. An editor reads what a member reads (and
# team-only pages too), with the editing tools added: one of each says what the
# tools add.
MOST_SIBLINGS = {"anonymous": 3, "member": 3, "editor": 1}


def parent_of(path):
    return urlsplit(path).path.rstrip("/").rsplit("/", 1)[0]


def is_crawled(path, language):
    parts = urlsplit(path)
    return language_of_url(parts.path) == language and not any(
        fragment in parts.path for fragment in NOT_CRAWLED
    )


def start_paths(language):
    """(path, sample key) to start from: the home and account pages, every live
    page of the language (keyed by parent and page type, so a few of each are
    enough) and two searches."""
    prefix = f"/{language}/"
    paths = [(prefix, prefix)] + [
        (prefix + page, prefix + page) for page in ACCOUNT_PAGES
    ]
    paths += [
        (page.url, (parent_of(page.url), page.content_type_id))
        for page in Page.objects.live().filter(locale__language_code=language)
        if page.url
    ]
    # Search for a word of this language's consultations and of the Polish ones:
    # the reader's language first, the others labelled.
    for code in [language, "pl"]:
        for consultation in ConsultationPage.objects.filter(locale__language_code=code)[
            :1
        ]:
            word = max(consultation.title.split(), key=len)
            path = f"{prefix}search/?q={word}"
            paths.append((path, path))
    return paths


class Crawl:
    def __init__(self):
        self.violations = defaultdict(set)  # violation: roles that saw it
        self.page_types = defaultdict(set)  # language: page types visited
        self.broken = set()  # (role, path, status, linked from)
        self.visited = 0

    def run(self, client, role, language):
        siblings = Counter()

        def sampled(key):
            siblings[key] += 1
            return siblings[key] <= MOST_SIBLINGS[role]

        starts = start_paths(language)
        queue = deque((path, None) for path, key in starts if sampled(key))
        # Pages left out of the sample are not reached through links either.
        seen = {urlsplit(path).path for path, _ in starts if "?" not in path}
        seen |= {path for path, _ in starts if "?" in path}
        visited = 0
        while queue and visited < MOST_PAGES:
            path, linked_from = queue.popleft()
            response = client.get(path)
            visited += 1
            if response.status_code == 404 or response.status_code >= 500:
                self.broken.add((role, path, response.status_code, linked_from))
            if response.status_code != 200 or "html" not in response.get(
                "Content-Type", ""
            ):
                continue
            if response.templates:
                for name, template in PAGE_TYPES.items():
                    if response.templates[0].name == template:
                        self.page_types[language].add(name)
            html = response.content.decode()
            for violation in check_page(html, path):
                self.violations[violation].add(role)
            for link in links_of(html, path):
                key = urlsplit(link).path
                if key not in seen and is_crawled(link, language):
                    seen.add(key)
                    if sampled(parent_of(link)):
                        queue.append((link, path))
        self.visited += visited


def client_for(role):
    client = Client()
    if role != "anonymous":
        username = "member1" if role == "member" else "editor"
        client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture(scope="module")
def crawl(seeded_demo, django_db_blocker):
    result = Crawl()
    # With the page cache, as on the site: each address is fetched once per role,
    # so each page is rendered (and the test client knows its template), with
    # the menus, footer and routes kept between pages.
    with django_db_blocker.unblock(), transaction.atomic():
        clear_caches()
        for role in ROLES:
            client = client_for(role)
            for language in LANGUAGES:
                result.run(client, role, language)
        transaction.set_rollback(True)
    clear_caches()
    return result


def report(violations):
    """One line per violation, the same text or link on many pages (a menu, the
    footer) once, with the pages it is on."""
    pages = defaultdict(set)
    roles = defaultdict(set)
    for violation, seen_by in violations.items():
        same = replace(violation, url="")
        pages[same].add(violation.url)
        roles[same] |= seen_by
    lines = []
    for same in sorted(pages, key=str):
        urls = sorted(pages[same])
        where = (
            urls[0]
            if len(urls) == 1
            else f"{len(urls)} pages ({', '.join(urls[:3])}{', …' * (len(urls) > 3)})"
        )
        lines.append(f"{where}{same} [{', '.join(sorted(roles[same]))}]")
    return "\n".join(lines)


def test_the_crawl_reaches_every_page_type_in_every_language(crawl):
    missing = {
        language: sorted(set(PAGE_TYPES) - crawl.page_types[language])
        for language in LANGUAGES
    }

    assert not any(missing.values()), "page types not reached: " + "; ".join(
        f"{language}: {', '.join(types)}" for language, types in missing.items()
    )


def test_every_crawled_link_answers(crawl):
    assert sorted(crawl.broken) == []


def test_no_text_reads_as_another_language_than_its_lang_attribute(crawl):
    texts = {
        v: roles for v, roles in crawl.violations.items() if type(v) is TextViolation
    }

    assert not texts, f"{len(texts)} texts in another language:\n{report(texts)}"


def test_every_link_into_another_language_carries_hreflang(crawl):
    links = {
        v: roles for v, roles in crawl.violations.items() if type(v) is LinkViolation
    }

    assert not links, f"{len(links)} links without hreflang:\n{report(links)}"


# --- The check cannot be fooled ------------------------------------------------------

UNTAGGED_POLISH = "<p>To zdanie jest po polsku i nikt go nie przetłumaczył.</p>"
POLISH_LINK = '<a href="/pl/konsultacje/">Konsultacje w języku polskim</a>'


@pytest.fixture
def inject_into_every_page(settings):
    """Render every page with extra HTML where the site's messages go (an include
    of base.html), as a careless template change would."""

    def inject(html):
        original = (settings.BASE_DIR / "templates/includes/messages.html").read_text()
        settings.TEMPLATES = [
            {
                **settings.TEMPLATES[0],
                "APP_DIRS": False,
                "OPTIONS": {
                    **settings.TEMPLATES[0]["OPTIONS"],
                    "loaders": [
                        (
                            "django.template.loaders.locmem.Loader",
                            {"includes/messages.html": html + original},
                        ),
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                },
            }
        ]

    return inject


def visible_violations(client, path):
    return check_page(client.get(path).content.decode(), path)


@pytest.mark.django_db
def test_an_untagged_polish_sentence_on_a_ukrainian_page_is_reported(
    client, inject_into_every_page
):
    assert visible_violations(client, "/uk/") == []
    inject_into_every_page(UNTAGGED_POLISH)

    (violation,) = visible_violations(client, "/uk/")

    assert violation == TextViolation(
        url="/uk/",
        text="To zdanie jest po polsku i nikt go nie przetłumaczył.",
        expected="uk",
        found="pl",
        where="p",
    )


@pytest.mark.django_db
def test_the_same_sentence_marked_as_polish_is_not_reported(
    client, inject_into_every_page
):
    inject_into_every_page(UNTAGGED_POLISH.replace("<p>", '<p lang="pl">'))

    assert visible_violations(client, "/uk/") == []


@pytest.mark.django_db
def test_a_link_to_a_polish_page_without_hreflang_is_reported(
    client, inject_into_every_page
):
    inject_into_every_page(f'<p lang="pl">{POLISH_LINK}</p>')

    (violation,) = visible_violations(client, "/uk/")

    assert (violation.href, violation.target_language, violation.hreflang) == (
        "/pl/konsultacje/",
        "pl",
        None,
    )


@pytest.mark.django_db
def test_a_link_to_a_polish_page_with_hreflang_is_not_reported(
    client, inject_into_every_page
):
    inject_into_every_page(POLISH_LINK.replace("<a ", '<a hreflang="pl" lang="pl" '))

    assert visible_violations(client, "/uk/") == []


@pytest.mark.django_db
def test_every_violation_of_a_page_is_reported_not_only_the_first(
    client, inject_into_every_page
):
    inject_into_every_page(
        UNTAGGED_POLISH
        + POLISH_LINK
        + '<img src="/static/img/favicon.svg" alt="Zdjęcie spotkania w bibliotece">'
        + "<p>Это предложение написано по-русски, а не по-украински.</p>"
    )

    found = {
        (type(violation).__name__, getattr(violation, "found", None))
        for violation in visible_violations(client, "/uk/")
    }

    assert len(visible_violations(client, "/uk/")) == 5
    assert found == {
        ("TextViolation", "pl"),
        ("TextViolation", "ru"),
        ("LinkViolation", None),
    }
