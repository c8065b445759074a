import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from home.models import HomePage
from portal.groups import EDITORS, MIGRANT_TEAM


def counts():
    return {
        "users": get_user_model().objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
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

    editor = authenticate(username="editor", password="demo-password-1")
    assert editor.groups.filter(name=EDITORS).exists()
    members = get_user_model().objects.filter(groups__name=MIGRANT_TEAM)
    assert sorted(m.username for m in members) == sorted(
        f"member{n}" for n in range(1, 13)
    )
    assert authenticate(username="member12", password="demo-password-1")
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
    assert authenticate(username="member1", password="first-password-1")


@pytest.mark.django_db
def test_seed_demo_runs_without_debug_when_forced(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-environment-3")

    call_command("seed_demo", force=True, verbosity=0)

    assert authenticate(username="member3", password="from-the-environment-3")


@pytest.mark.django_db
def test_seed_demo_keeps_an_editors_home_page_text(settings, home_pages):
    settings.DEBUG = True
    home = home_pages["pl"]
    home.intro = "<p>Tekst redakcji</p>"
    home.save_revision().publish()

    call_command("seed_demo", password="demo-password-1", verbosity=0)

    home.refresh_from_db()
    assert home.intro == "<p>Tekst redakcji</p>"
