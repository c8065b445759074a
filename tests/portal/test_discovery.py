"""sitemap.xml, robots.txt and the error pages."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.groups import MIGRANT_TEAM
from tests.factories import StandardPageFactory, translate

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {}
    for url in ET.fromstring(response.content).iter(f"{SITEMAP}url"):
        urls[url.find(f"{SITEMAP}loc").text] = {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
    return urls


@pytest.mark.django_db
def test_sitemap_lists_every_language_with_hreflang_alternates(client, home_pages):
    about = StandardPageFactory(parent=home_pages["pl"], title="O nas", slug="o-nas")
    translate(about, home_pages["uk"].locale, title="Про нас", slug="pro-nas")
    StandardPageFactory(
        parent=home_pages["pl"], title="Tylko po polsku", slug="pl-only"
    )

    urls = sitemap_urls(client)

    base = "http://localhost"
    assert urls[f"{base}/pl/o-nas/"] == {
        "pl": f"{base}/pl/o-nas/",
        "uk": f"{base}/uk/pro-nas/",
        "x-default": f"{base}/pl/o-nas/",
    }
    assert urls[f"{base}/uk/pro-nas/"] == urls[f"{base}/pl/o-nas/"]
    assert urls[f"{base}/pl/pl-only/"] == {}
    assert set(urls[f"{base}/en/"]) == {"pl", "uk", "en", "ru", "x-default"}


@pytest.mark.django_db
def test_sitemap_leaves_out_restricted_and_unpublished_pages(client, home_pages):
    team_only = StandardPageFactory(parent=home_pages["pl"], slug="zespol")
    restriction = PageViewRestriction.objects.create(
        page=team_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MIGRANT_TEAM))
    StandardPageFactory(parent=team_only, slug="pod-spodem")
    secret = StandardPageFactory(parent=home_pages["pl"], slug="haslo")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    StandardPageFactory(parent=home_pages["pl"], slug="szkic", live=False)
    public = StandardPageFactory(parent=home_pages["pl"], slug="publiczna")
    # A restricted translation is not offered as an alternate either.
    hidden_translation = translate(public, home_pages["uk"].locale, slug="publichna")
    PageViewRestriction.objects.create(
        page=hidden_translation, restriction_type=PageViewRestriction.LOGIN
    )

    urls = sitemap_urls(client)

    listed = "\n".join(urls)
    for slug in ["zespol", "pod-spodem", "haslo", "szkic", "publichna"]:
        assert slug not in listed
    assert urls["http://localhost/pl/publiczna/"] == {}


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_search(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /uk/search/" in text


@pytest.mark.django_db
def test_404_is_translated_and_offers_search(client):
    response = client.get("/ru/nothing-here/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Страница не найдена" in html
    assert 'action="/ru/search/"' in html


@pytest.mark.django_db
def test_500_is_translated_and_needs_no_database(settings):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("uk"):
        html = render_to_string("500.html")

    assert "Щось пішло не так" in html
    assert 'href="/uk/"' in html


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_gets_a_translated_403(home_pages):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/uk/accounts/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "Термін дії форми минув" in response.content.decode()


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_gets_a_translated_400():
    client = Client(raise_request_exception=False)

    response = client.get("/uk/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "Неправильний запит" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("served_before", ["pl", "ru"])
def test_a_bad_requests_language_is_its_addresses_not_the_last_served(served_before):
    client = Client(raise_request_exception=False)
    translation.activate(served_before)  # as a worker's last request leaves it

    polish = client.get("/pl/", HTTP_HOST="evil.example")
    english = client.get("/en/o-nas/", HTTP_HOST="evil.example")
    unprefixed = client.get("/robots-missing", HTTP_HOST="evil.example")

    assert polish.status_code == english.status_code == unprefixed.status_code == 400
    assert "Błędne żądanie" in polish.content.decode()
    assert "Bad request" in english.content.decode()
    assert '<html lang="pl">' in unprefixed.content.decode()
