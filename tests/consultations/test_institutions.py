"""Partner institutions: the list, a page per institution (its cultural
assistants, the recommendations addressed to it and their progress), the links
to it from the tracker and the assistants, and the migration of the assistants'
free-text institutions."""

import importlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from clubs.models import CulturalAssistant
from consultations.models import (
    ImplementationUpdate,
    Institution,
    InstitutionIndexPage,
    PageRecommendation,
    TrackerEntry,
    TrackerPage,
)
from consultations.models.records import Visibility
from home.models import HomePage
from portal.localize import translate
from tests.consultations.conftest import make_consultation
from tests.factories import CulturalAssistantFactory, MemberFactory

pytestmark = pytest.mark.django_db


class InstitutionIndexPageRulesTest(WagtailPageTestCase):
    def test_the_partner_institutions_page_lives_under_a_home_page(self):
        self.assertAllowedParentPageTypes(InstitutionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(InstitutionIndexPage, set())


@pytest.fixture
def pl(db):
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def uk(db):
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def partners(home_pages, uk):
    page = home_pages["pl"].add_child(
        instance=InstitutionIndexPage(title="Instytucje", slug="instytucje")
    )
    page.save_revision().publish()
    translate(page, uk, {"Instytucje": "Установи", "instytucje": "ustanovy"})
    return page


def institution(name, pl, uk=None, name_uk=None, city="Bydgoszcz"):
    original = Institution.objects.create(name=name, city=city, locale=pl)
    if uk is not None:
        translated = original.copy_for_translation(uk)
        translated.name = name_uk
        translated.save()
    return original


@pytest.fixture
def hospital(pl, uk):
    return institution("Szpital Wojewódzki", pl, uk, "Воєводська лікарня")


def track(title, institution, status, recommendation=None, source=""):
    entry = TrackerEntry.objects.create(
        title=title,
        institution=institution,
        recommendation=recommendation,
        source=source,
    )
    ImplementationUpdate.objects.create(
        entry=entry, date=date(2026, 3, 1), status=status
    )
    return entry


def address(page, number, institution):
    """Address the page's recommendation ``number`` (from 1) to an institution."""
    PageRecommendation.objects.filter(page=page, sort_order=number - 1).update(
        institution=institution
    )
    return page.record.recommendations.get(number=number)


@pytest.fixture
def addressed(index_page, hospital):
    """A public and a team-only consultation, with what they address to the
    hospital, tracked or not, and a tracked recommendation of a monitoring
    report."""
    public = make_consultation(index_page, visibility=Visibility.PUBLIC, polls=False)
    team = make_consultation(index_page, visibility=Visibility.TEAM, polls=False)
    track(
        "Tłumacze w izbie przyjęć",
        hospital,
        "in_progress",
        recommendation=address(public, 1, hospital),
    )
    address(public, 2, hospital)  # addressed, not tracked yet
    track(
        "Kolejki w rejestracji",
        hospital,
        "not_started",
        recommendation=address(team, 3, hospital),
    )
    track(
        "Informacja po ukraińsku",
        hospital,
        "implemented",
        source="Raport z monitoringu",
    )
    return public, team


def page_url(partners, institution):
    return partners.url + partners.reverse_subpage(
        "institution", args=[institution.slug]
    )


def titles(response):
    return {str(row["title"]) for row in response.context["recommendations"]}


def test_the_institution_page_shows_its_assistants_and_public_recommendations(
    client, partners, hospital, addressed
):
    rami = CulturalAssistantFactory(display_name="Rami", works_with=[hospital])
    CulturalAssistantFactory(display_name="Olena")

    response = client.get(page_url(partners, hospital))

    assert response.status_code == 200
    assert response.context["assistants"] == [rami]
    assert titles(response) == {
        "Tłumacze w izbie przyjęć",
        "Kursy języka polskiego",
        "Informacja po ukraińsku",
    }
    statuses = {
        str(row["title"]): row["current"].status if row["current"] else None
        for row in response.context["recommendations"]
    }
    assert statuses == {
        "Tłumacze w izbie przyjęć": "in_progress",
        "Kursy języka polskiego": None,
        "Informacja po ukraińsku": "implemented",
    }
    html = response.content.decode()
    assert "<h1><span>Szpital Wojewódzki</span></h1>" in html
    # The team-only consultation's recommendation stays with the team.
    assert "Kolejki w rejestracji" not in html
    assert "Krótsze kolejki" not in html
    public, _team = addressed
    first = public.record.recommendations.get(number=1)
    assert f'href="{public.url}recommendations/{first.pk}/"' in html


def test_a_member_of_the_team_sees_the_team_only_recommendation_too(
    client, partners, hospital, addressed
):
    client.force_login(MemberFactory())

    response = client.get(page_url(partners, hospital))

    assert "Kolejki w rejestracji" in titles(response)


def test_the_ukrainian_page_names_what_it_can_in_ukrainian_and_marks_the_rest(
    client, partners, hospital, addressed, uk
):
    rami = CulturalAssistantFactory(display_name="Rami", works_with=[hospital])
    rami_uk = rami.copy_for_translation(uk)
    rami_uk.display_name = "Рамі"
    rami_uk.save()

    response = client.get(
        page_url(partners, hospital).replace("/pl/instytucje/", "/uk/ustanovy/")
    )

    assert response.status_code == 200
    assert response.context["institution"].name == "Воєводська лікарня"
    assert [a.display_name for a in response.context["assistants"]] == ["Рамі"]
    html = response.content.decode()
    assert '<html lang="uk"' in html
    # Nothing addressed to it is translated yet: shown in Polish, marked so.
    assert 'lang="pl">Informacja po ukraińsku</span>' in html
    assert "Kolejki w rejestracji" not in html


def test_an_unknown_institution_is_a_404(client, partners):
    assert client.get(partners.url + "nie-ma-takiej/").status_code == 404


def test_an_institution_gets_an_address_shared_by_its_translations(pl, uk, hospital):
    translated = Institution.objects.get(
        translation_key=hospital.translation_key, locale=uk
    )

    assert hospital.slug == translated.slug == "szpital-wojewodzki"
    second = institution("Szpital Wojewódzki", pl)
    assert second.slug == "szpital-wojewodzki-2"
    second.slug = hospital.slug
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "slug" in error.value.message_dict


def test_the_index_lists_every_institution_with_a_link(client, partners, hospital, pl):
    office = institution("Urząd Miasta Torunia", pl, city="Toruń")

    response = client.get(partners.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{page_url(partners, office)}"' in html
    assert f'href="{page_url(partners, hospital)}"' in html


def test_the_tracker_links_institutions_to_their_pages(
    client, home_pages, partners, hospital
):
    tracker = home_pages["pl"].add_child(
        instance=TrackerPage(title="Co się zmieniło", slug="tracker")
    )
    tracker.save_revision().publish()
    track("Tłumacze", hospital, "in_progress")

    html = client.get(tracker.url).content.decode()

    assert f'<a href="{page_url(partners, hospital)}">Szpital Wojewódzki</a>' in html
    assert f'href="{partners.url}"' in html


def test_the_assistants_directory_links_institutions_to_their_pages(
    client, partners, hospital
):
    assistants = [CulturalAssistantFactory(display_name="Rami", works_with=[hospital])]

    CulturalAssistant.attach_institutions(assistants, "pl")

    assert assistants[0].partner_links == [(hospital, page_url(partners, hospital))]


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_institution_page_and_the_index_cost_the_same_for_3_or_30(
    client, partners, hospital, index_page, pl, uncached_pages
):
    def add(n):
        consultation = make_consultation(
            index_page, visibility=Visibility.PUBLIC, polls=False
        )
        for number in range(1, 4):
            track(
                f"Wpis {n}-{number}",
                hospital,
                "in_progress",
                address(consultation, number, hospital),
            )
        CulturalAssistantFactory(works_with=[hospital], speaks=["uk"])
        institution(f"Urząd {n}", pl)

    add(0)
    few = (
        queries_for(client, page_url(partners, hospital)),
        queries_for(client, partners.url),
    )
    for n in range(1, 10):
        add(n)
    many = (
        queries_for(client, page_url(partners, hospital)),
        queries_for(client, partners.url),
    )

    assert few == many == (17, 7)


# --- The migration of the free-text institutions ------------------------------------

MIGRATION = "0004_institutions_from_free_text"


@pytest.fixture
def before_the_links(db):
    """The schema as the data migration finds it: the free text beside the links
    (added here, and gone with the test's transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE clubs_culturalassistant "
            "ADD COLUMN institutions_text text NOT NULL DEFAULT ''"
        )
    apps = MigrationLoader(connection).project_state(("clubs", MIGRATION)).apps
    return importlib.import_module(f"clubs.migrations.{MIGRATION}"), apps


def test_free_text_lines_become_links_and_unmatched_lines_institutions(
    before_the_links, pl, uk
):
    migration, apps = before_the_links
    office = institution("Urząd Miasta Torunia", pl, uk, "Міська рада Торуня")
    olena = CulturalAssistantFactory(display_name="Olena")
    olena_uk = olena.copy_for_translation(uk)
    olena_uk.save()
    rami = CulturalAssistantFactory(display_name="Rami")
    Historical = apps.get_model("clubs", "CulturalAssistant")
    Historical.objects.filter(pk=olena.pk).update(
        institutions_text="urząd  miasta TORUNIA\n\nPoradnia psychologiczna\n"
    )
    Historical.objects.filter(pk=olena_uk.pk).update(
        institutions_text="Міська рада Торуня\nПсихологічна консультація"
    )
    # A line in another language matches the institution's translation.
    Historical.objects.filter(pk=rami.pk).update(institutions_text="Міська рада Торуня")

    migration.links_from_text(apps, None)

    created = Institution.objects.get(name="Poradnia psychologiczna")
    assert created.locale == pl and created.slug == "poradnia-psychologiczna"
    assert set(olena.institutions.all()) == {office, created}
    assert set(olena_uk.institutions.all()) == {office, created}
    assert list(rami.institutions.all()) == [office]
    # The translation's lines say the same as the original's: no copies made.
    assert not Institution.objects.filter(name="Психологічна консультація").exists()

    migration.text_from_links(apps, None)

    assert Historical.objects.get(pk=olena.pk).institutions_text == (
        "Poradnia psychologiczna\nUrząd Miasta Torunia"
    )


# --- The demo -----------------------------------------------------------------------


def test_the_demo_has_15_institutions_each_with_an_assistant_in_every_language(
    demo, client
):
    for language in ["pl", "uk", "en", "ru"]:
        assert Institution.objects.filter(locale__language_code=language).count() == 15
        assert (
            CulturalAssistant.objects.filter(locale__language_code=language).count()
            == 15
        )
    originals = CulturalAssistant.objects.filter(locale__language_code="pl")
    assert not originals.filter(institutions=None).exists()
    linked = Institution.objects.filter(cultural_assistants__in=originals).distinct()
    assert linked.count() == 15

    partners = InstitutionIndexPage.objects.get(locale__language_code="uk")
    lublin = Institution.objects.get(name="Urząd Miasta Lublin")
    index = client.get(partners.url)
    response = client.get(page_url(partners, lublin))

    assert index.status_code == response.status_code == 200
    assert "Міська рада Любліна" in index.content.decode()
    assert response.context["institution"].name == "Міська рада Любліна"
    assert [a.display_name for a in response.context["assistants"]] == ["Леся"]
    rows = response.context["recommendations"]
    assert rows and all(row["current"] for row in rows)
    assert all(row["title"].fallback_language is None for row in rows)


def test_an_institution_without_an_address_is_listed_without_a_link(
    client, partners, pl
):
    institution("Urząd bez adresu", pl)
    Institution.objects.filter(name="Urząd bez adresu").update(slug="")

    response = client.get(partners.url)

    assert response.status_code == 200
    assert "<span>Urząd bez adresu</span>" in response.content.decode()
