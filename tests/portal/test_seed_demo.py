import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from clubs.models import ClubFormField, ClubMeeting, ClubPage, CulturalAssistant
from consultations.models import ConsultationIndexPage, ConsultationPage, TrackerPage
from counselling.models import CounsellingPage
from home.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignTopic,
    HomePage,
    StandardPage,
)
from portal.groups import EDITORS, MIGRANT_TEAM
from portal.models import FooterContent, MainMenu, SiteSettings


def log_in(**credentials):
    # The login lockout (django-axes) needs the request to know the address.
    request = RequestFactory().post("/pl/accounts/login/")
    return authenticate(request, **credentials)


def counts():
    return {
        "users": get_user_model().objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "topics": CampaignTopic.objects.count(),
        "assistants": CulturalAssistant.objects.count(),
        "form fields": ClubFormField.objects.count(),
        "meetings": ClubMeeting.objects.count(),
        "menus": MainMenu.objects.count(),
        "footers": FooterContent.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", password="demo-password-1", verbosity=0)

    assert not get_user_model().objects.filter(username="editor").exists()


@pytest.mark.django_db
def test_seed_demo_fills_the_site_and_creates_the_accounts(settings):
    settings.DEBUG = True

    call_command("seed_demo", password="demo-password-1", verbosity=0)

    editor = log_in(username="editor", password="demo-password-1")
    assert editor.groups.filter(name=EDITORS).exists()
    members = get_user_model().objects.filter(groups__name=MIGRANT_TEAM)
    assert sorted(m.username for m in members) == sorted(
        f"member{n}" for n in range(1, 13)
    )
    assert log_in(username="member12", password="demo-password-1")
    for home in HomePage.objects.all():
        assert home.intro, home.locale
        assert home.live and not home.has_unpublished_changes


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo", password="first-password-1", verbosity=0)
    before = counts()

    call_command("seed_demo", password="second-password-2", verbosity=0)

    assert counts() == before
    assert log_in(username="member1", password="first-password-1")


@pytest.mark.django_db
def test_seed_demo_runs_without_debug_when_forced(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-environment-3")

    call_command("seed_demo", force=True, verbosity=0)

    assert log_in(username="member3", password="from-the-environment-3")


@pytest.mark.django_db
def test_seed_demo_keeps_an_editors_home_page_text(settings, home_pages):
    settings.DEBUG = True
    home = home_pages["pl"]
    home.intro = "<p>Tekst redakcji</p>"
    home.save_revision().publish()

    call_command("seed_demo", password="demo-password-1", verbosity=0)

    home.refresh_from_db()
    assert home.intro == "<p>Tekst redakcji</p>"


PAGE_TYPES = [
    HomePage,
    StandardPage,
    CampaignIndexPage,
    CampaignPage,
    ClubPage,
    CounsellingPage,
    ConsultationIndexPage,
    ConsultationPage,
    TrackerPage,
]


@pytest.mark.django_db
def test_every_page_type_renders_with_demo_content_in_polish_and_ukrainian(
    settings, client
):
    from clubs.models import ClubIndexPage

    settings.DEBUG = True
    call_command("seed_demo", password="demo-password-1", verbosity=0)
    settings.DEBUG = False
    # An editor may read everything, team-only consultations included.
    client.force_login(get_user_model().objects.get(username="editor"))

    for language in ["pl", "uk"]:
        pages = (
            Page.objects.live()
            .filter(locale__language_code=language, depth__gt=1)
            .specific()
        )
        assert {type(page) for page in pages} >= {*PAGE_TYPES, ClubIndexPage}
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            html = response.content.decode()
            assert f'<html lang="{language}"' in html
            assert f"<h1>{page.title}</h1>" in html, page.url


@pytest.mark.django_db
def test_the_demo_has_the_campaigns_clubs_and_a_ukrainian_translation(settings):
    settings.DEBUG = True
    call_command("seed_demo", password="demo-password-1", verbosity=0)

    campaigns = CampaignPage.objects.filter(locale__language_code="pl")
    clubs = ClubPage.objects.filter(locale__language_code="pl")
    assert campaigns.count() == 3
    assert {club.city for club in clubs} == {"Bydgoszcz", "Grupa", "Toruń"}
    assert clubs.filter(lists_cultural_assistants=True).count() == 1
    for page in Page.objects.filter(locale__language_code="pl", depth__gt=2):
        translation = page.get_translation(Locale.objects.get(language_code="uk"))
        assert translation.live and translation.title != page.title, page.title
    home = HomePage.objects.get(locale__language_code="uk")
    featured = [block.value["page"] for block in home.featured]
    assert CampaignIndexPage.objects.get(locale__language_code="uk") in [
        page.specific for page in featured
    ]
