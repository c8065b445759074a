"""The demo's publications, as readers of the demo site find them."""

from django.contrib.auth import get_user_model

from consultations.models import ConsultationPage
from portal.models import MainMenu
from publications.demo import ANNEX_TITLE, MONITORING_SLUG, PUBLICATIONS
from publications.models import PublicationIndexPage, PublicationPage

LANGUAGES = ["pl", "uk", "en", "ru"]


def menu_pages(language):
    menu = MainMenu.objects.get(locale__language_code=language)
    return [block.value["page"].specific for block in menu.items]


def test_the_demo_publications_in_every_language_with_documents_and_links(demo, client):
    for language in LANGUAGES:
        index = PublicationIndexPage.objects.get(locale__language_code=language)
        assert index in menu_pages(language)
        html = client.get(index.url).content.decode()
        for spec in PUBLICATIONS:
            assert spec[language]["title"] in html, language
        assert PublicationPage.objects.filter(
            locale__language_code=language, live=True
        ).count() == len(PUBLICATIONS)

    report = PublicationPage.objects.get(
        locale__language_code="uk", slug=PUBLICATIONS[0]["uk"]["slug"]
    )
    html = client.get(report.url).content.decode()
    ukrainian = html.index(PUBLICATIONS[0]["uk"]["document"])
    assert ukrainian < html.index(PUBLICATIONS[0]["pl"]["document"])
    assert f'<span lang="pl">{PUBLICATIONS[0]["pl"]["document"]}</span>' in html
    # The working annex is the Lublin group's and the editors'.
    assert ANNEX_TITLE not in html
    users = get_user_model().objects
    client.force_login(users.get(username="member7"))  # Kujawsko-Pomorskie only
    assert ANNEX_TITLE not in client.get(report.url).content.decode()
    client.force_login(users.get(username="member10"))  # the Lublin group
    assert ANNEX_TITLE in client.get(report.url).content.decode()
    client.logout()

    # The monitoring consultation, in Ukrainian, names the report and the Outline.
    consultation = ConsultationPage.objects.get(
        locale__language_code="uk",
        translation_key__in=ConsultationPage.objects.filter(
            slug=MONITORING_SLUG
        ).values("translation_key"),
    )
    html = client.get(consultation.url).content.decode()
    assert f'href="{report.url}"' in html
    assert PUBLICATIONS[1]["uk"]["title"] in html
    assert PUBLICATIONS[2]["uk"]["title"] not in html  # a leaflet led to nothing
    assert f'href="{consultation.url}"' in client.get(report.url).content.decode()
