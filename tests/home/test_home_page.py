import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clubs.models import ClubIndexPage
from consultations.models import (
    ConsultationIndexPage,
    InstitutionIndexPage,
    TrackerPage,
)
from contact.models import ContactPage
from counselling.models import CounsellingPage
from events.models import CalendarPage, TeamPage
from home.models import CampaignIndexPage, HomePage, StandardPage
from initiatives.models import InitiativeIndexPage
from publications.models import PublicationIndexPage


class HomePageRulesTest(WagtailPageTestCase):
    def test_home_pages_sit_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_page_takes_the_sections_of_the_site(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                CampaignIndexPage,
                ClubIndexPage,
                ConsultationIndexPage,
                TrackerPage,
                CounsellingPage,
                ContactPage,
                InitiativeIndexPage,
                CalendarPage,
                TeamPage,
                PublicationIndexPage,
                InstitutionIndexPage,
                StandardPage,
            },
        )

    def test_every_locale_has_a_renderable_home_page(self):
        homes = HomePage.objects.select_related("locale")
        self.assertEqual(
            {home.locale.language_code for home in homes}, {"pl", "uk", "en", "ru"}
        )
        for home in homes:
            self.assertPageIsRenderable(home)

    def test_an_editor_can_create_a_home_page_with_featured_content(self):
        self.client.force_login(self.create_test_user())
        root = Page.objects.get(depth=1)
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Druga strona główna",
                    "slug": "druga",
                    "intro": rich_text("<p>Wstęp</p>"),
                    "featured": streamfield(
                        [("text", rich_text("<p>Wyróżniony tekst</p>"))]
                    ),
                }
            ),
        )


@pytest.mark.django_db
def test_the_default_site_serves_the_polish_home_page():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert site.root_page.locale.language_code == "pl"
    # Wagtail's welcome page is gone.
    assert (
        not Page.objects.filter(depth=2)
        .exclude(content_type__model="homepage")
        .exists()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "uk", "en", "ru"])
def test_home_page_renders_in_its_language(client, home_pages, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert response.context["page"] == home_pages[language]
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert f"<h1>{home_pages[language].title}</h1>" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_home_page_shows_intro_and_featured_content(client, home_pages):
    home = home_pages["uk"]
    home.intro = "<p>Ласкаво просимо</p>"
    home.featured = [("text", "<h2>Клуби</h2><p>Зустрічі щочетверга</p>")]
    home.save_revision().publish()

    html = client.get("/uk/").content.decode()

    assert "Ласкаво просимо" in html
    assert "Зустрічі щочетверга" in html
