from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site
from wagtail.test.utils import WagtailPageTestCase

from consultations.models import (
    ImplementationUpdate,
    Institution,
    PolicyArea,
    TrackerEntry,
    TrackerPage,
)
from home.models import HomePage
from portal.models import SiteSettings

pytestmark = pytest.mark.django_db


class TrackerPageRulesTest(WagtailPageTestCase):
    def test_the_tracker_lives_under_a_home_page(self):
        self.assertAllowedParentPageTypes(TrackerPage, {HomePage})
        self.assertAllowedSubpageTypes(TrackerPage, set())


@pytest.fixture
def tracker(home_pages):
    page = home_pages["pl"].add_child(
        instance=TrackerPage(title="Co się zmieniło", slug="tracker")
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def areas(db):
    pl = Locale.objects.get(language_code="pl")
    return list(PolicyArea.objects.filter(locale=pl).order_by("sort_order")[:2])


@pytest.fixture
def city_hall(db):
    return Institution.objects.create(
        name="Urząd Miasta Lublin", locale=Locale.objects.get(language_code="pl")
    )


def track(title, area, institution, *updates):
    entry = TrackerEntry.objects.create(title=title, area=area, institution=institution)
    for day, status in updates:
        ImplementationUpdate.objects.create(
            entry=entry, date=date(2026, 1, day), status=status
        )
    return entry


def test_progress_per_area_counts_the_latest_status(client, tracker, areas, city_hall):
    health, education = areas
    track("A", health, city_hall, (1, "in_progress"), (5, "implemented"))
    track("B", health, None, (3, "in_progress"))
    track("C", education, city_hall, (2, "implemented"), (4, "abandoned"))

    response = client.get(tracker.url)

    progress = {row["name"]: row for row in response.context["progress"]}
    assert progress[health.name]["total"] == 2
    assert progress[health.name]["implemented"] == 1
    statuses = {status: n for status, _label, n in progress[education.name]["statuses"]}
    assert statuses["abandoned"] == 1


def test_the_tracker_filters_by_area_and_institution(client, tracker, areas, city_hall):
    health, education = areas
    track("Zdrowie w urzędzie", health, city_hall, (1, "implemented"))
    track("Zdrowie gdzie indziej", health, None, (1, "implemented"))
    track("Szkoła", education, city_hall, (1, "not_started"))

    by_area = client.get(tracker.url, {"area": health.translation_key})
    by_both = client.get(
        tracker.url,
        {"area": health.translation_key, "institution": city_hall.translation_key},
    )
    nonsense = client.get(tracker.url, {"area": "not-a-key"})

    assert {row["entry"].title for row in by_area.context["entries"]} == {
        "Zdrowie w urzędzie",
        "Zdrowie gdzie indziej",
    }
    assert [row["entry"].title for row in by_both.context["entries"]] == [
        "Zdrowie w urzędzie"
    ]
    assert len(nonsense.context["entries"]) == 3


def test_the_ukrainian_tracker_names_areas_in_ukrainian(
    client, tracker, areas, home_pages
):
    from portal.localize import translate

    uk = Locale.objects.get(language_code="uk")
    translate(tracker, uk, {"Co się zmieniło": "Що змінилося", "tracker": "tracker-uk"})
    track("A", areas[0], None, (1, "implemented"))

    html = client.get("/uk/tracker-uk/").content.decode()

    assert (
        PolicyArea.objects.get(translation_key=areas[0].translation_key, locale=uk).name
        in html
    )


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_tracker_costs_the_same_for_3_or_30_entries(
    client, tracker, areas, city_hall, uncached_pages
):
    for n in range(3):
        track(
            f"Wpis {n}", areas[n % 2], city_hall, (1, "in_progress"), (2, "implemented")
        )
    few = queries_for(client, tracker.url)
    for n in range(27):
        track(f"Więcej {n}", areas[n % 2], city_hall, (1, "in_progress"))
    many = queries_for(client, tracker.url)

    assert few == many == 11  # with the partner institutions page looked up


def test_a_filter_the_tracker_offers_is_kept_and_one_it_ignores_is_not(
    client, tracker, areas, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    health, _education = areas
    known = {"area": health.translation_key, "institution": ""}

    client.get(tracker.url, known)
    again = client.get(tracker.url, known)
    client.get(tracker.url, {"area": "not-a-key"})
    ignored = client.get(tracker.url, {"area": "not-a-key"})

    assert again["X-Cache"] == "HIT"
    assert ignored.status_code == 200 and "X-Cache" not in ignored
