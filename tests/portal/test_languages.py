import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("uk-UA,uk;q=0.9,en;q=0.5", "/uk/"),
        ("ru", "/ru/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("pl", "/pl/"),
        ("de-DE,de;q=0.9", "/pl/"),  # a language we don't have: Polish
        ("", "/pl/"),
    ],
)
def test_root_sends_visitors_to_the_language_their_browser_asks_for(
    client, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_interface_strings_are_translated(client):
    for language, skip_link in [
        ("pl", "Przejdź do treści"),
        ("uk", "Перейти до змісту"),
        ("en", "Skip to main content"),
        ("ru", "Перейти к содержанию"),
    ]:
        html = client.get(f"/{language}/").content.decode()
        assert skip_link in html, language


def render_language_links(page, path, language):
    request = RequestFactory().get(path)
    with translation.override(language):
        return (
            Template(
                "{% load portal_tags %}{% language_links as links %}"
                "{% for l in links %}{{ l.code }}={{ l.url }}={{ l.alternate }};"
                "{% endfor %}"
            )
            .render(Context({"request": request, "page": page}))
            .rstrip(";")
            .split(";")
        )


@pytest.fixture
def page_in_polish_and_ukrainian(home_pages):
    page = home_pages["pl"].add_child(instance=Page(title="O nas", slug="o-nas"))
    translation = page.copy_for_translation(home_pages["uk"].locale)
    translation.title = "Про нас"
    translation.slug = "pro-nas"
    translation.save_revision().publish()
    translation.refresh_from_db()
    return page, translation


def test_switcher_leads_to_the_translation_of_the_current_page(
    page_in_polish_and_ukrainian,
):
    page, translation = page_in_polish_and_ukrainian

    links = render_language_links(translation, "/uk/pro-nas/", "uk")

    assert links == [
        "pl=/pl/o-nas/=True",
        "uk=/uk/pro-nas/=True",
        # Not translated into English or Russian: that language's home page, and
        # no hreflang alternate for it.
        "en=/en/=False",
        "ru=/ru/=False",
    ]


@pytest.mark.django_db
def test_home_page_names_its_translations_as_hreflang_alternates(client):
    html = client.get("/pl/").content.decode()

    for language in ["pl", "uk", "en", "ru"]:
        assert (
            f'<link rel="alternate" hreflang="{language}" '
            f'href="http://testserver/{language}/">'
        ) in html


def test_hreflang_alternates_name_only_real_translations(page_in_polish_and_ukrainian):
    page, translation = page_in_polish_and_ukrainian

    links = render_language_links(page, "/pl/o-nas/", "pl")
    assert [link for link in links if link.endswith("True")] == [
        "pl=/pl/o-nas/=True",
        "uk=/uk/pro-nas/=True",
    ]


def test_an_unpublished_translation_is_not_offered(page_in_polish_and_ukrainian):
    page, translation = page_in_polish_and_ukrainian
    translation.unpublish()

    links = render_language_links(page, "/pl/o-nas/", "pl")

    assert "uk=/uk/=False" in links


@pytest.mark.django_db
def test_switcher_on_an_account_page_keeps_the_view(client):
    html = client.get("/ru/accounts/login/").content.decode()

    assert 'href="/uk/accounts/login/"' in html
    assert 'href="/pl/accounts/login/"' in html
    assert 'lang="ru"' in html


@pytest.mark.django_db
def test_switcher_marks_the_current_language(client):
    html = client.get("/en/").content.decode()

    assert (
        '<a href="/en/" lang="en" hreflang="en" aria-current="true">English</a>' in html
    )
    assert '<a href="/uk/" lang="uk" hreflang="uk">Українська</a>' in html


@pytest.mark.django_db
def test_unknown_page_gets_a_translated_404(client):
    response = client.get("/uk/no-such-page/")

    assert response.status_code == 404
    assert "Сторінку не знайдено" in response.content.decode()
