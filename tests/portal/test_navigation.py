"""The main menu and the footer editors manage, in each reader's language."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction, Site

from portal.groups import MIGRANT_TEAM
from portal.models import FooterContent, MainMenu, SiteSettings
from tests.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


def link(page=None, url="", label=""):
    return ("link", {"page": page, "url": url, "label": label})


def menu_links(response):
    html = response.content.decode()
    start = html.index('<nav class="main-nav"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def about(home_pages):
    about = StandardPageFactory(parent=home_pages["pl"], title="O nas", slug="o-nas")
    translate(about, home_pages["uk"].locale, title="Про нас", slug="pro-nas")
    return about


def test_the_menu_leads_to_the_readers_translation_of_each_page(
    client, home_pages, about
):
    untranslated = StandardPageFactory(parent=home_pages["pl"], title="Kontakt")
    menu = MainMenu.objects.create(
        locale=home_pages["pl"].locale,
        items=[
            link(about),
            link(untranslated),
            link(url="https://example.org/", label="Partner"),
        ],
    )
    uk_menu = menu.copy_for_translation(home_pages["uk"].locale)
    uk_menu.save()

    polish = menu_links(client.get("/pl/o-nas/"))
    ukrainian = menu_links(client.get("/uk/"))
    english = menu_links(client.get("/en/"))  # no English menu: the Polish one

    assert '<a href="/pl/o-nas/" aria-current="page">O nas</a>' in polish
    assert '<a href="/uk/pro-nas/">Про нас</a>' in ukrainian
    assert f'<a href="{untranslated.url}" hreflang="pl">' in ukrainian
    assert '<span lang="pl">Kontakt</span></a>' in ukrainian
    assert '<a href="https://example.org/">Partner</a>' in ukrainian
    assert '<a href="/pl/o-nas/" hreflang="pl">' in english
    assert '<span lang="pl">O nas</span></a>' in english


def test_the_menu_never_names_a_restricted_or_unpublished_page(client, home_pages):
    team_only = StandardPageFactory(parent=home_pages["pl"], title="Sprawy zespołu")
    restriction = PageViewRestriction.objects.create(
        page=team_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MIGRANT_TEAM))
    below = StandardPageFactory(parent=team_only, title="Protokoły")
    draft = StandardPageFactory(parent=home_pages["pl"], title="Szkic", live=False)
    shown = StandardPageFactory(parent=home_pages["pl"], title="Publiczna")
    MainMenu.objects.create(
        locale=home_pages["pl"].locale,
        items=[link(team_only), link(below), link(draft), link(shown)],
    )

    html = client.get("/pl/").content.decode()

    assert "Publiczna" in html
    for secret in ["Sprawy zespołu", "Protokoły", "Szkic"]:
        assert secret not in html


def test_without_a_menu_there_is_no_empty_navigation(client):
    assert 'class="main-nav"' not in client.get("/pl/").content.decode()


def test_one_menu_per_language(home_pages):
    MainMenu.objects.create(locale=home_pages["pl"].locale)
    second = MainMenu(locale=home_pages["pl"].locale)

    with pytest.raises(ValidationError):
        second.full_clean()
    MainMenu(locale=home_pages["uk"].locale).full_clean()


def test_the_footer_shows_the_readers_text_and_the_site_settings(
    client, home_pages, about
):
    footer = FooterContent.objects.create(
        locale=home_pages["pl"].locale,
        contact="<p>Lublin, ul. Przykładowa 1</p>",
        funder_acknowledgement="<p>Sfinansowano z Funduszy EOG.</p>",
        links=[link(about)],
    )
    uk_footer = footer.copy_for_translation(home_pages["uk"].locale)
    uk_footer.contact = "<p>Люблін, вул. Приміщення 1</p>"
    uk_footer.funder_acknowledgement = "<p>Профінансовано з Фондів ЄЕЗ.</p>"
    uk_footer.save()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "kontakt@example.org"
    settings.social_links = [
        ("link", {"network": "mastodon", "url": "https://social.example.org/@mv"})
    ]
    settings.save()

    ukrainian = client.get("/uk/").content.decode()
    russian = client.get("/ru/").content.decode()  # no Russian footer: the Polish one

    assert "Люблін, вул. Приміщення 1" in ukrainian
    assert "Профінансовано з Фондів ЄЕЗ." in ukrainian
    assert '<a href="/uk/pro-nas/">Про нас</a>' in ukrainian
    assert 'href="mailto:kontakt@example.org"' in ukrainian
    assert ">Mastodon</a>" in ukrainian
    assert "Sfinansowano z Funduszy EOG." in russian


def test_before_editors_write_a_footer_the_standard_acknowledgement_shows(client):
    html = client.get("/en/").content.decode()

    assert "EEA and Norway Grants" in html


def test_a_funder_logo_needs_alt_text():
    from tests.factories import ImageFactory

    settings = SiteSettings(
        site=Site.objects.get(is_default_site=True), funder_logo=ImageFactory()
    )

    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "funder_logo_alt_text" in error.value.message_dict
