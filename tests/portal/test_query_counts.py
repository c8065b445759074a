"""Queries per page type: pinned, and flat when a list grows.

Each page is requested once first, so that image renditions exist and Wagtail's
site-root cache is warm, as on a running site; the second request is counted.
The public page cache is off here: these are the costs of rendering, which a
visitor pays when a page is not stored (tests/portal/test_page_cache.py).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from clubs.models import ClubGalleryImage, ClubMeeting, SpokenLanguage
from consultations.models import Institution
from home.models import CampaignIndexPage
from portal.models import FooterContent, MainMenu, SiteSettings
from portal.views import SEARCH_RESULTS_PER_PAGE
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignTopicFactory,
    ClubFormFieldFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    CounsellingPageFactory,
    CulturalAssistantFactory,
    ImageFactory,
    StandardPageFactory,
    publish,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def count_queries(client, url, **params):
    assert client.get(url, params).status_code == 200  # warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def site_furniture(home_pages):
    """A menu, a footer and settings, as every real page has them."""
    pl = home_pages["pl"].locale
    about = StandardPageFactory(parent=home_pages["pl"], title="O nas", slug="o-nas")
    links = [("link", {"page": about, "url": "", "label": ""})]
    MainMenu.objects.create(locale=pl, items=links * 3)
    FooterContent.objects.create(locale=pl, contact="<p>Lublin</p>", links=links)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "kontakt@example.org"
    settings.save()
    return about


def images(count):
    """Three images shared by ``count`` pages, each page holding its own image
    object: a query per page still shows, with three renditions made, not 30."""
    shared = [ImageFactory() for _ in range(min(count, 3))]
    return [shared[number % len(shared)] for number in range(count)]


def add_campaigns(index, count):
    topics = [CampaignTopicFactory(), CampaignTopicFactory()]
    for image in images(count):
        CampaignPageFactory(
            parent=index,
            topics=topics,
            hero_image=image,
            hero_image_alt_text="Ilustracja",
        )


def add_clubs(index, count):
    languages = list(SpokenLanguage.objects.filter(code__in=["uk", "ru"]))
    for number, image in enumerate(images(count)):
        ClubPageFactory(
            parent=index,
            image=image,
            image_alt_text="Zdjęcie",
            languages=languages,
            city=["Bydgoszcz", "Toruń", "Grupa"][number % 3],
        )


def add_assistants(count):
    """Assistants, each working with two institutions of their own."""
    for number in range(count):
        institutions = [
            Institution.objects.create(
                name=f"Urząd {number}-{n}", locale=Locale.get_default()
            )
            for n in range(2)
        ]
        CulturalAssistantFactory(speaks=["uk", "pl"], works_with=institutions)


def add_photos_and_meetings(club, count):
    for number in range(count):
        ClubGalleryImage.objects.create(
            page=club, image=ImageFactory(), alt_text="Zdjęcie"
        )
        ClubMeeting.objects.create(
            page=club,
            date=datetime.date(2099, 1, 1) + datetime.timedelta(days=number),
            start_time=datetime.time(17),
        )


# Each builder makes a page of one type with a few of everything, and returns its
# address and query parameters.


def home(home_pages):
    return "/pl/", {}


def standard_page(home_pages):
    page = StandardPageFactory(parent=home_pages["pl"], body=[("text", "<p>Treść</p>")])
    return page.url, {}


def campaign_index(home_pages):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    add_campaigns(index, 3)
    return index.url, {}


def campaign_page(home_pages):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    add_campaigns(index, 4)
    return index.get_children().last().url, {}


def campaign_feed(home_pages):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    add_campaigns(index, 3)
    return index.url + "feed/", {}


def club_index(home_pages):
    index = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    add_clubs(index, 3)
    return index.url, {"language": "uk"}


def club_page(home_pages):
    index = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    club = ClubPageFactory(parent=index, image=ImageFactory(), image_alt_text="Klub")
    ClubFormFieldFactory(page=club, label="Imię")
    add_photos_and_meetings(club, 2)
    return club.url, {}


def network_page(home_pages):
    index = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    network = ClubPageFactory(parent=index, lists_cultural_assistants=True)
    add_assistants(3)
    return network.url, {"language": "uk"}


def counselling_page(home_pages):
    return CounsellingPageFactory(parent=home_pages["pl"]).url, {}


def search(home_pages):
    for number in range(3):
        StandardPageFactory(parent=home_pages["pl"], title=f"Szkoła {number}")
    return "/pl/search/", {"q": "szkoła"}


def sitemap(home_pages):
    for _ in range(3):
        StandardPageFactory(parent=home_pages["pl"])
    return "/sitemap.xml", {}


PINNED = {
    home: 8,  # what is going on: the calendar and index (1), consultations (1)
    standard_page: 7,
    campaign_index: 12,
    campaign_page: 11,
    campaign_feed: 4,
    club_index: 13,
    club_page: 13,
    network_page: 18,  # institutions: originals, links, names, their page (2)
    counselling_page: 7,
    search: 12,  # the other languages counted too, and the table of locales
    sitemap: 5,
}


@pytest.mark.parametrize("build", PINNED, ids=lambda build: build.__name__)
def test_queries_per_page_type_are_pinned(client, home_pages, site_furniture, build):
    url, params = build(home_pages)

    assert count_queries(client, url, **params) == PINNED[build]


# Longer lists, same queries -----------------------------------------------------


def test_campaign_index_with_3_or_30_campaigns(client, home_pages, monkeypatch):
    monkeypatch.setattr(CampaignIndexPage, "campaigns_per_page", 30)
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    add_campaigns(index, 3)
    few = count_queries(client, index.url)

    add_campaigns(index, 27)

    assert count_queries(client, index.url) == few
    assert len(client.get(index.url).context["campaigns"]) == 30


def test_campaign_feed_with_3_or_20_campaigns(client, home_pages):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    add_campaigns(index, 3)
    few = count_queries(client, index.url + "feed/")

    add_campaigns(index, 17)

    assert count_queries(client, index.url + "feed/") == few
    assert client.get(index.url + "feed/").content.count(b"<entry>") == 20


def test_club_index_with_3_or_30_clubs(client, home_pages):
    index = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    add_clubs(index, 3)
    few = count_queries(client, index.url)

    add_clubs(index, 27)

    assert count_queries(client, index.url) == few
    assert len(client.get(index.url).context["clubs"]) == 30


def test_club_page_with_1_or_10_photos_and_meetings(client, home_pages):
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_pages["pl"]))
    add_photos_and_meetings(club, 1)
    few = count_queries(client, club.url)

    add_photos_and_meetings(club, 9)

    assert count_queries(client, club.url) == few
    context = client.get(club.url).context
    assert (len(context["gallery"]), len(context["upcoming_meetings"])) == (10, 10)


def test_assistants_directory_with_3_or_30_assistants(client, home_pages):
    index = ClubIndexPageFactory(parent=home_pages["pl"])
    network = ClubPageFactory(parent=index, lists_cultural_assistants=True)
    add_assistants(3)
    few = count_queries(client, network.url)

    add_assistants(27)

    assert count_queries(client, network.url) == few
    assert len(client.get(network.url).context["assistants"]) == 30


def test_search_with_3_or_10_results(client, home_pages):
    def add_results(count):
        for _ in range(count):
            StandardPageFactory(parent=home_pages["pl"], intro="Szkoła dla dzieci.")

    add_results(3)
    few = count_queries(client, "/pl/search/", q="szkoła")

    add_results(SEARCH_RESULTS_PER_PAGE - 3)

    assert count_queries(client, "/pl/search/", q="szkoła") == few
    results = client.get("/pl/search/", {"q": "szkoła"}).context["results"]
    assert len(results) == SEARCH_RESULTS_PER_PAGE


def test_sitemap_with_3_or_30_pages(client, home_pages):
    def add_pages(count):
        for _ in range(count):
            StandardPageFactory(parent=home_pages["pl"])

    add_pages(3)
    few = count_queries(client, "/sitemap.xml")

    add_pages(27)

    assert count_queries(client, "/sitemap.xml") == few
    assert client.get("/sitemap.xml").content.count(b"<url>") == 30 + 4  # + homes
