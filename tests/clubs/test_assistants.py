import pytest
from wagtail.models import Locale

from consultations.models import Institution
from tests.factories import (
    ClubIndexPageFactory,
    ClubPageFactory,
    CulturalAssistantFactory,
    publish,
    translate,
)


@pytest.fixture
def network(home_pages):
    index = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    network = ClubPageFactory(
        parent=index,
        title="Sieć asystentów",
        slug="asystenci",
        lists_cultural_assistants=True,
    )
    translate(index, home_pages["uk"].locale, title="Клуби", slug="kluby")
    translate(network, home_pages["uk"].locale, title="Мережа", slug="merezha")
    return network


def names(response):
    return [assistant.display_name for assistant in response.context["assistants"]]


def test_the_network_page_lists_assistants_and_filters_by_language(client, network):
    CulturalAssistantFactory(display_name="Olena", speaks=["uk", "ru", "pl"])
    CulturalAssistantFactory(display_name="Rami", speaks=["ar", "en", "pl"])
    CulturalAssistantFactory(display_name="Nino", speaks=["ka", "ru"])

    everyone = client.get("/pl/kluby/asystenci/")
    arabic = client.get("/pl/kluby/asystenci/", {"language": "ar"})
    russian = client.get("/pl/kluby/asystenci/", {"language": "ru"})

    assert names(everyone) == ["Nino", "Olena", "Rami"]
    assert names(arabic) == ["Rami"]
    assert names(russian) == ["Nino", "Olena"]
    choices = [
        code
        for code, _ in everyone.context["assistant_filter_form"]
        .fields["language"]
        .choices
    ]
    assert choices[0] == "" and set(choices[1:]) == {"uk", "ru", "pl", "ar", "en", "ka"}


def test_ukrainian_readers_see_translated_assistants_and_the_rest_in_polish(
    client, network, home_pages
):
    uk = home_pages["uk"].locale
    office = Institution.objects.create(
        name="Urząd Wojewódzki", locale=Locale.get_default()
    )
    translated_office = office.copy_for_translation(uk)
    translated_office.name = "Воєводське управління"
    translated_office.save()
    library = Institution.objects.create(name="Biblioteka", locale=Locale.get_default())
    olena = CulturalAssistantFactory(
        display_name="Olena", works_with=[office, library], speaks=["uk"]
    )
    CulturalAssistantFactory(display_name="Maryna", speaks=["uk"])
    translated = olena.copy_for_translation(uk)
    translated.display_name = "Олена"
    translated.save()
    translated.languages.set(olena.languages.all())
    # A translation's own links do not count: the original's do.
    translated.institutions.set([])
    translated.save()

    response = client.get("/uk/kluby/merezha/", {"language": "uk"})

    assert names(response) == ["Maryna", "Олена"]
    olena_uk = response.context["assistants"][1]
    assert [i.name for i, _url in olena_uk.partner_links] == [
        "Biblioteka",
        "Воєводське управління",
    ]
    html = response.content.decode()
    assert "Воєводське управління" in html
    assert "Urząd Wojewódzki" not in html
    assert 'lang="pl">Biblioteka' in html


def test_an_unknown_language_is_a_400_with_a_message(client, network):
    CulturalAssistantFactory(speaks=["uk"])

    response = client.get("/pl/kluby/asystenci/", {"language": "xx"})

    assert response.status_code == 400
    assert response.context["assistants"] == []
    assert "language" in response.context["assistant_filter_form"].errors


def test_other_clubs_do_not_list_assistants(client, network):
    CulturalAssistantFactory()
    club = ClubPageFactory(parent=network.get_parent())

    response = client.get(club.url)

    assert "assistants" not in response.context


def test_an_editor_links_an_assistant_to_institutions_of_the_default_language(
    client, home_pages
):
    from tests.factories import EditorFactory

    pl, uk = Locale.get_default(), home_pages["uk"].locale
    office = Institution.objects.create(name="Urząd Wojewódzki", locale=pl)
    office_uk = office.copy_for_translation(uk)
    office_uk.name = "Воєводське управління"
    office_uk.save()
    olena = CulturalAssistantFactory(display_name="Olena", speaks=["uk"])
    client.force_login(EditorFactory())
    url = f"/admin/snippets/clubs/culturalassistant/edit/{olena.pk}/"

    form = client.get(url).context["form"]
    response = client.post(
        url,
        {
            "display_name": "Olena",
            "city": "Toruń",
            "languages": [olena.languages.get().pk],
            "institutions": [office.pk],
            "email": "",
            "phone": "",
        },
    )

    # Only the originals are offered: a translation is never chosen by itself.
    assert list(form.fields["institutions"].queryset) == [office]
    assert response.status_code == 302
    assert list(olena.institutions.all()) == [office]


def test_a_translation_synced_again_keeps_showing_the_originals_links(
    client, network, home_pages
):
    from portal.localize import translate as localize

    uk = home_pages["uk"].locale
    office = Institution.objects.create(
        name="Urząd Wojewódzki", locale=Locale.get_default()
    )
    library = Institution.objects.create(name="Biblioteka", locale=Locale.get_default())
    olena = CulturalAssistantFactory(
        display_name="Olena", city="Toruń", works_with=[office], speaks=["uk"]
    )
    strings = {"Olena": "Олена", "Toruń": "Торунь"}
    localize(olena, uk, strings)
    olena.institutions.set([library])
    olena.save()
    translated = localize(olena, uk, strings)  # synced again with wagtail-localize

    response = client.get("/uk/kluby/merezha/")

    assert translated.display_name == "Олена"
    shown = response.context["assistants"][0]
    assert shown.pk == translated.pk
    assert [i.name for i, _url in shown.partner_links] == ["Biblioteka"]
