import re

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, publish, translate


class StandardPageRulesTest(WagtailPageTestCase):
    def test_standard_pages_sit_under_the_home_page_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_an_editor_creates_an_accessibility_statement(self):
        self.client.force_login(self.create_test_user())
        home = HomePage.objects.get(locale__language_code="pl")
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Deklaracja dostępności",
                    "slug": "deklaracja-dostepnosci",
                    "intro": "Chcemy, by portal był dostępny dla każdego.",
                    "body": streamfield(
                        [("text", rich_text("<h2>Stan dostępności</h2><p>…</p>"))]
                    ),
                }
            ),
        )


@pytest.mark.django_db
def test_a_standard_page_and_its_translation_render_with_breadcrumbs(
    client, home_pages
):
    about = StandardPageFactory(
        parent=home_pages["pl"],
        title="O nas",
        slug="o-nas",
        body=[("text", "<p>Kim jesteśmy.</p>")],
    )
    team = StandardPageFactory(parent=about, title="Zespół", slug="zespol")
    translate(about, home_pages["uk"].locale, title="Про нас", slug="pro-nas")

    polish = client.get("/pl/o-nas/zespol/").content.decode()
    ukrainian = client.get("/uk/pro-nas/").content.decode()

    assert team.title in polish
    assert '<nav class="breadcrumbs" aria-label="Ścieżka nawigacji">' in polish
    assert '<a href="/pl/o-nas/">O nas</a>' in polish
    assert '<a href="/pl/o-nas/zespol/" aria-current="page">Zespół</a>' in polish
    assert "<h1>Про нас</h1>" in ukrainian
    assert "Kim jesteśmy." in ukrainian  # body not translated yet: the source's


@pytest.mark.django_db
def test_the_home_page_has_no_breadcrumbs(client):
    assert 'class="breadcrumbs"' not in client.get("/pl/").content.decode()


def breadcrumbs_of(response):
    html = response.content.decode()
    return html[
        html.index('<nav class="breadcrumbs"') : html.index(
            "</nav>", html.index('<nav class="breadcrumbs"')
        )
    ]


@pytest.mark.django_db
def test_breadcrumbs_are_the_same_from_a_new_or_a_kept_route_and_skip_drafts(
    client, home_pages, member
):
    about = publish(
        StandardPageFactory(parent=home_pages["pl"], title="O nas", slug="o-nas")
    )
    draft = StandardPageFactory(parent=about, title="Szkic", slug="szkic", live=False)
    deep = publish(StandardPageFactory(parent=draft, title="Głęboko", slug="gleboko"))
    # Logged in, so never served from the page cache: the first request looks the
    # address up (the ancestors read with the page), the second finds it kept.
    client.force_login(member)

    found = breadcrumbs_of(client.get(deep.url))
    kept = breadcrumbs_of(client.get(deep.url))

    assert found == kept
    assert f'<a href="{home_pages["pl"].url}">{home_pages["pl"].title}</a>' in found
    assert '<a href="/pl/o-nas/">O nas</a>' in found
    assert "Szkic" not in found


def language_links_of(response):
    return re.findall(
        r'<link rel="alternate" hreflang="[^"]+" href="[^"]+">',
        response.content.decode(),
    )


@pytest.mark.django_db
def test_language_links_are_the_same_from_a_new_or_a_kept_route_and_skip_drafts(
    client, home_pages, member
):
    about = publish(
        StandardPageFactory(parent=home_pages["pl"], title="O nas", slug="o-nas")
    )
    ukrainian = translate(about, home_pages["uk"].locale, slug="pro-nas")
    english = translate(about, home_pages["en"].locale, slug="about")
    english.unpublish()
    client.force_login(member)  # as above: looked up, then kept

    found = language_links_of(client.get(about.url))
    kept = language_links_of(client.get(about.url))

    assert found == kept
    assert any(ukrainian.url in link for link in found)
    assert not any(english.url in link for link in found)
