"""A canary: a team-only consultation and a page restricted to a group, with a
unique word in their titles, slugs and bodies, in Polish and Ukrainian. Whatever
an anonymous visitor can fetch (every public surface, twice in case the second
answer comes from a cache, and every page a crawler reaches from the home pages)
must not contain the word."""

import re
from collections import Counter
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from consultations import services
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ImplementationUpdate,
    PagePoll,
    PageRecommendation,
    TrackerEntry,
    TrackerPage,
)
from consultations.models.records import Visibility
from home.models import CampaignIndexPage, HomePage, StandardPage
from portal.groups import MIGRANT_TEAM
from portal.localize import translate
from portal.models import FooterContent, MainMenu
from tests.factories import MemberFactory

CANARY = "zzkanarekqx"
LANGUAGES = ["pl", "uk", "en", "ru"]
# Pages of one type under one section (events, institutions, publications) and
# variants of one page by its query (a month of the calendar) share their
# template and the menus, footer and links around it: a few of each say what
# all of them would. The login page is one page whatever it returns to.
MOST_SIBLINGS = 3
CRAWL_LIMIT = 400

pytestmark = pytest.mark.django_db


class Ukrainian(dict):
    """Every source string "translated": slugs get a suffix, text a prefix."""

    def __contains__(self, text):
        return True

    def __missing__(self, text):
        if re.fullmatch(r"[a-z0-9-]+", text):
            return f"{text}-uk"
        return f"UK {text}"


def team_only_consultation(index):
    now = timezone.now()
    page = ConsultationPage(
        title=f"Tajna strategia {CANARY}",
        slug=f"{CANARY}-strategia",
        intro=f"<p>Projekt dla zespołu: {CANARY}.</p>",
        search_description=f"Opis {CANARY}",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=5),
        visibility=Visibility.TEAM,
        show_in_menus=True,
        recommendations=[
            PageRecommendation(
                title=f"Rekomendacja {CANARY}",
                text=f"Treść rekomendacji {CANARY}.",
                locale=index.locale,
            )
        ],
        polls=[
            PagePoll(
                question=f"Pytanie {CANARY}?",
                choices=[("choice", f"Tak {CANARY}"), ("choice", "Nie")],
                locale=index.locale,
            )
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restricted_page(home):
    page = home.add_child(
        instance=StandardPage(
            title=f"Strona zespołu {CANARY}",
            slug=f"{CANARY}-zespol",
            intro=f"Tylko dla zespołu {CANARY}.",
            search_description=f"Opis {CANARY}",
            show_in_menus=True,
            body=[("text", f"<p>Notatki {CANARY}</p>")],
        )
    )
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=MIGRANT_TEAM)])
    return page


def link_everywhere(pages):
    """Editors put the canary pages in every menu, footer and home page; the
    site must still leave them out for the public."""
    links = [
        {"type": "link", "value": {"page": page.pk, "url": "", "label": ""}}
        for page in pages
    ]
    for menu in MainMenu.objects.all():
        menu.items = [*menu.items.raw_data, *links]
        menu.save()
    for footer in FooterContent.objects.all():
        footer.links = [*footer.links.raw_data, *links]
        footer.save()
    for home in HomePage.objects.all():
        home.featured = [
            *home.featured.raw_data,
            *[
                {
                    "type": "featured_page",
                    "value": {"page": page.pk, "heading": "", "text": ""},
                }
                for page in pages
            ],
        ]
        home.save_revision().publish()
    # and link them from the text and buttons of every public standard page.
    text = "".join(f'<a linktype="page" id="{page.pk}">zespół</a>' for page in pages)
    public = StandardPage.objects.live().public().exclude(pk__in=[p.pk for p in pages])
    for standard in public:
        standard.body = [
            *standard.body.raw_data,
            {"type": "text", "value": f"<p>{text}</p>"},
            *[
                {
                    "type": "call_to_action",
                    "value": {"text": "Dołącz", "page": page.pk, "url": ""},
                }
                for page in pages
            ],
        ]
        standard.save_revision().publish()


@pytest.fixture
def canary_site(demo):
    uk = Locale.objects.get(language_code="uk")
    pl_home = HomePage.objects.get(locale__language_code="pl")
    consultation = team_only_consultation(
        ConsultationIndexPage.objects.get(locale__language_code="pl")
    )
    consultation_uk = translate(consultation, uk, Ukrainian())
    page = restricted_page(pl_home)
    page_uk = translate(page, uk, Ukrainian())
    assert page_uk.get_view_restrictions().exists()

    record = consultation.record
    recommendation = record.recommendations.get()
    member = MemberFactory()
    services.post_comment(
        author=member,
        consultation=record,
        text=f"Komentarz {CANARY}",
        language="pl",
        recommendation=recommendation,
    )
    services.record_stance(member, recommendation, "support", CANARY, "pl")
    entry = TrackerEntry.objects.create(
        title="Monitoring: tłumacze", recommendation=recommendation
    )
    ImplementationUpdate.objects.create(
        entry=entry, date=timezone.localdate(), status="in_progress"
    )
    link_everywhere([consultation, page, consultation_uk, page_uk])
    return {"consultation": consultation, "page": page}


def public_surfaces():
    urls = ["/robots.txt", "/sitemap.xml", "/"]
    for language in LANGUAGES:
        urls += [
            f"/{language}/",
            f"/{language}/search/?q={CANARY}",
            f"/{language}/search/?q=Tajna",
            f"/{language}/search/?q=Rekomendacja",
            f"/{language}/search/?q=Notatki",
            f"/{language}/no-such-page-{language}/",
            f"/{language}/accounts/login/",
        ]
    for index in CampaignIndexPage.objects.all():
        urls += [index.url, index.url + "feed/", index.url + "feed/rss/"]
    for index in ConsultationIndexPage.objects.all():
        urls.append(index.url)
    for page in ConsultationPage.objects.filter(visibility=Visibility.PUBLIC):
        urls += [page.url, page.url + "results/", page.url + "report/"]
    for tracker in TrackerPage.objects.all():
        urls.append(tracker.url)
    return urls


# What the canary pages say around the word: a page that shows the word only
# because the visitor typed it (search echoes the query) still may not show these.
MARKERS = [
    f"{CANARY}-",  # the slugs
    f"strategia {CANARY}",
    f"zespołu {CANARY}",
    f"rekomendacja {CANARY}",
    f"notatki {CANARY}",
    f"komentarz {CANARY}",
    f"opis {CANARY}",
]


def leaks(url, response):
    text = response.content.decode(errors="replace") + " ".join(
        f"{name}: {value}" for name, value in response.headers.items()
    )
    text = text.lower()
    if CANARY in url:
        return any(marker in text for marker in MARKERS)
    return CANARY in text


def test_no_public_surface_names_the_canary(canary_site):
    client = Client()
    urls = public_surfaces()

    leaked = []
    for attempt in ("first", "second"):
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, (url, response.status_code)
            if leaks(url, response):
                leaked.append((attempt, url, response.status_code))

    assert leaked == []
    assert len(urls) > 40


def test_the_restricted_pages_themselves_send_anonymous_visitors_to_log_in(
    canary_site,
):
    client = Client()
    for page in canary_site.values():
        for translation in page.get_translations(inclusive=True):
            response = client.get(translation.url)
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
            assert CANARY not in response.content.decode().lower()


def same_site_links(base_url, html):
    for href in re.findall(r"""(?:href|src|action)=["']([^"'#]+)""", html):
        url = urljoin(base_url, href.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(("/admin/", "/static/", "/media/", "/documents/")):
                yield path


def sibling_key(url):
    """Pages counted together for the sample, or None for a page always crawled:
    the home pages' sections and the account pages."""
    parts = urlsplit(url)
    if parts.query:
        return parts.path
    segments = parts.path.strip("/").split("/")
    if len(segments) <= 2 or segments[1] == "accounts":
        return None
    return "/".join(segments[:-1])


def without_return_address(url):
    parts = urlsplit(url)
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.startswith("next=")
    )
    return parts._replace(scheme="", netloc="", query=query).geturl()


def test_a_crawler_reaching_every_linked_page_never_meets_the_canary(canary_site):
    client = Client()
    queue = [f"/{language}/" for language in LANGUAGES] + ["/sitemap.xml"]
    seen = set(queue)
    siblings = Counter()
    leaked, fetched = [], 0

    while queue and fetched < CRAWL_LIMIT:
        url = queue.pop(0)
        response = client.get(url)
        fetched += 1
        assert response.status_code < 500, (url, response.status_code)
        if leaks(url, response):
            leaked.append(url)
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif "html" in response.get("Content-Type", "") or url.endswith(".xml"):
            html = response.content.decode(errors="replace")
            links = list(same_site_links(url, html))
            links += re.findall(r"<loc>http://testserver([^<]+)</loc>", html)
        else:
            links = []
        for link in links:
            link = without_return_address(link)
            if link in seen:
                continue
            seen.add(link)
            key = sibling_key(link)
            if key is not None:
                siblings[key] += 1
                if siblings[key] > MOST_SIBLINGS:
                    continue
            queue.append(link)

    assert leaked == []
    assert queue == [], "the crawl stopped at its limit before reaching every page"
    assert fetched > 60  # the crawl did reach the site, not only the home pages
