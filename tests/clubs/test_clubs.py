import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from clubs.models import (
    ClubFormField,
    ClubIndexPage,
    ClubMeeting,
    ClubPage,
    JoinRequest,
    SpokenLanguage,
)
from home.models import HomePage
from tests.factories import (
    ClubFormFieldFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    ImageFactory,
    publish,
    translate,
)

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


class ClubPageRulesTest(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="pl")
        self.index = ClubIndexPageFactory(parent=self.home)
        self.client.force_login(self.create_test_user())

    def test_the_club_index_sits_under_a_home_page_and_holds_clubs(self):
        self.assertAllowedParentPageTypes(ClubIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ClubIndexPage, {ClubPage})

    def test_clubs_live_only_in_a_club_index(self):
        self.assertAllowedParentPageTypes(ClubPage, {ClubIndexPage})
        self.assertAllowedSubpageTypes(ClubPage, set())
        self.assertCanNotCreateAt(HomePage, ClubPage)

    def test_an_editor_creates_a_club_index(self):
        self.assertCanCreate(
            self.home,
            ClubIndexPage,
            nested_form_data(
                {"title": "Kluby i sieci", "intro": rich_text("<p>Kluby</p>")}
            ),
        )

    def test_an_editor_creates_a_club_with_meetings_photos_and_a_join_form(self):
        image = ImageFactory()
        data = nested_form_data(
            {
                "title": "Klub Kobiet",
                "slug": "klub-kobiet",
                "summary": "Spotykamy się w środy.",
                "city": "Grupa",
                "image": image.pk,
                "image_alt_text": "Kobiety przy stole",
                "body": streamfield([("text", rich_text("<p>O klubie</p>"))]),
                "schedule": "W każdą środę, 16:00–18:00",
                "meeting_place": "Świetlica",
                "meetings": inline_formset(
                    [{"date": "2030-01-08", "start_time": "16:00", "end_time": "18:00"}]
                ),
                "gallery_images": inline_formset(
                    [{"image": image.pk, "alt_text": "Wspólne gotowanie"}]
                ),
                "form_fields": inline_formset(
                    [
                        {
                            "label": "Imię",
                            "field_type": "singleline",
                            "required": "on",
                        },
                        {"label": "E-mail", "field_type": "email", "required": "on"},
                    ]
                ),
                "privacy_notice": rich_text("<p>Dane trzymamy rok.</p>"),
                "to_address": "klub@example.org",
            }
        )
        data["languages"] = [
            SpokenLanguage.objects.get(code="uk").pk,
            SpokenLanguage.objects.get(code="ru").pk,
        ]
        self.assertCanCreate(self.index, ClubPage, data)

        club = ClubPage.objects.get(slug="klub-kobiet")
        assert sorted(language.code for language in club.languages.all()) == [
            "ru",
            "uk",
        ]
        assert [field.clean_name for field in club.form_fields.all()] == [
            "imie",
            "e_mail",
        ]
        assert club.meetings.count() == 1
        assert club.gallery_images.get().alt_text == "Wspólne gotowanie"

    def test_a_meeting_cannot_end_before_it_starts(self):
        data = nested_form_data(
            {
                "title": "Klub",
                "slug": "klub",
                "summary": "…",
                "city": "Toruń",
                "body": streamfield([]),
                "meetings": inline_formset(
                    [{"date": "2030-01-08", "start_time": "18:00", "end_time": "16:00"}]
                ),
                "gallery_images": inline_formset([]),
                "form_fields": inline_formset([]),
            }
        )
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add", args=("clubs", "clubpage", self.index.pk)
            ),
            data,
        )

        assert response.status_code == 200
        assert not ClubPage.objects.filter(slug="klub").exists()
        assert "Spotkanie nie może się skończyć, zanim się zacznie." in (
            response.content.decode()
        )


@pytest.fixture
def clubs_pl(home_pages):
    return publish(ClubIndexPageFactory(parent=home_pages["pl"]))


@pytest.fixture
def clubs_uk(clubs_pl, home_pages):
    return translate(clubs_pl, home_pages["uk"].locale, title="Клуби", slug="kluby")


def languages(*codes):
    return list(SpokenLanguage.objects.filter(code__in=codes))


def club_titles(response):
    return [club.title for club in response.context["clubs"]]


def test_club_list_filters_by_city_and_by_language(client, clubs_pl):
    ClubPageFactory(
        parent=clubs_pl, title="A", city="Bydgoszcz", languages=languages("uk")
    )
    ClubPageFactory(
        parent=clubs_pl, title="B", city="Grupa", languages=languages("ru", "uk")
    )
    ClubPageFactory(
        parent=clubs_pl, title="C", city="Bydgoszcz", languages=languages("ar")
    )

    assert club_titles(client.get("/pl/kluby/")) == ["A", "B", "C"]
    assert club_titles(client.get("/pl/kluby/", {"city": "Bydgoszcz"})) == ["A", "C"]
    assert club_titles(client.get("/pl/kluby/", {"language": "uk"})) == ["A", "B"]
    both = client.get("/pl/kluby/", {"city": "Bydgoszcz", "language": "uk"})
    assert club_titles(both) == ["A"]
    form = both.context["filter_form"]
    assert [choice for choice, _ in form.fields["city"].choices] == [
        "",
        "Bydgoszcz",
        "Grupa",
    ]
    assert [choice for choice, _ in form.fields["language"].choices] == [
        "",
        "ar",
        "ru",
        "uk",
    ]


def test_an_unknown_filter_value_is_a_translated_400(client, clubs_pl, clubs_uk):
    ClubPageFactory(parent=clubs_pl)

    response = client.get("/uk/kluby/", {"city": "Atlantyda"})

    assert response.status_code == 400
    assert club_titles(response) == []
    assert "Зробить коректний вибір" in response.content.decode()  # Django's


def test_club_list_shows_only_live_public_clubs_of_the_language(
    client, clubs_pl, clubs_uk, home_pages
):
    shown = ClubPageFactory(parent=clubs_pl, title="Widoczny")
    translate(shown, home_pages["uk"].locale, title="Видимий")
    ClubPageFactory(parent=clubs_pl, title="Szkic", live=False)

    assert club_titles(client.get("/pl/kluby/")) == ["Widoczny"]
    assert club_titles(client.get("/uk/kluby/")) == ["Видимий"]


def test_past_meetings_drop_off_by_themselves(client, clubs_pl):
    club = ClubPageFactory(parent=clubs_pl)
    for day, hour in [(9, 17), (10, 18), (12, 17), (10, 9)]:
        ClubMeeting.objects.create(
            page=club,
            date=datetime.date(2025, 3, day),
            start_time=datetime.time(hour),
        )

    with time_machine.travel(datetime.datetime(2025, 3, 10, 20, 0, tzinfo=WARSAW)):
        today = client.get(club.url).context["upcoming_meetings"]
    with time_machine.travel(datetime.datetime(2025, 3, 11, 0, 30, tzinfo=WARSAW)):
        tomorrow = client.get(club.url).context["upcoming_meetings"]

    # A meeting is listed until its day is over, in Warsaw's time.
    assert [(m.date.day, m.start_time.hour) for m in today] == [
        (10, 9),
        (10, 18),
        (12, 17),
    ]
    assert [(m.date.day, m.start_time.hour) for m in tomorrow] == [(12, 17)]


# Join form ------------------------------------------------------------------------


@pytest.fixture
def club(clubs_pl):
    club = ClubPageFactory(parent=clubs_pl, title="Klub Kobiet", slug="klub-kobiet")
    ClubFormFieldFactory(page=club, label="Imię", field_type="singleline")
    ClubFormFieldFactory(page=club, label="E-mail", field_type="email")
    return publish(club)


@pytest.fixture
def club_uk(club, clubs_uk, home_pages):
    return translate(club, home_pages["uk"].locale, title="Жіночий клуб", slug="klub")


def test_a_club_page_names_the_languages_spoken_there_in_the_reader_s_language(
    client, club
):
    club.languages.set(languages("uk", "ar", "pl"))
    publish(club)

    html = client.get(club.url).content.decode()

    # "Języki": "Languages spoken", in Polish; the languages in the order of their
    # codes, named in Polish
    assert "<dt>Języki</dt>" in html
    assert "<dd>Arabski, Polski, Ukraiński</dd>" in html


def test_a_club_s_preview_shows_the_languages_as_edited(club):
    club.languages.set(languages("uk"))
    publish(club)
    club.languages.set(languages("ar", "pl"))  # in the editor, not saved

    html = club.make_preview_request().content.decode()

    assert "<dd>Arabski, Polski</dd>" in html


VALID = {"imie": "Olena", "e_mail": "olena@example.org", "privacy_consent": "on"}


def test_a_join_request_is_stored_and_e_mailed(client, club):
    response = client.post(club.url, VALID)

    assert response.status_code == 200
    assert "Dziękujemy" in response.content.decode()
    request = JoinRequest.objects.get()
    assert request.page_id == club.pk
    assert request.form_data == {
        "imie": "Olena",
        "e_mail": "olena@example.org",
        "privacy_consent": True,
    }
    [message] = mail.outbox
    assert message.to == ["club@example.org"]
    assert "Olena" in message.body


def test_a_join_request_without_consent_or_with_a_bad_address_is_refused(
    client, club_uk
):
    response = client.post(
        "/uk/kluby/klub/", {"imie": "Olena", "e_mail": "not-an-address"}
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"e_mail", "privacy_consent"}
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Введіть коректну email адресу." in html  # Django's own words
    assert JoinRequest.objects.count() == 0
    assert mail.outbox == []


def test_a_filled_honeypot_stores_nothing_and_says_why(client, club):
    response = client.post(club.url, {**VALID, "homepage": "http://spam.example/"})

    assert response.status_code == 400
    assert response.context["form"].caught_in_honeypot
    assert JoinRequest.objects.count() == 0
    assert mail.outbox == []


def test_an_address_over_the_limit_gets_a_translated_429_and_keeps_its_text(
    client, club_uk, settings
):
    settings.PUBLIC_FORM_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert client.post("/uk/kluby/klub/", VALID).status_code == 200

    response = client.post("/uk/kluby/klub/", {**VALID, "imie": "Оксана"})

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "Ви надіслали кілька форм" in html
    assert 'value="Оксана"' in html
    assert JoinRequest.objects.count() == 2


def test_the_limit_counts_each_address_separately(client, club, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = (1, 3600)
    assert client.post(club.url, VALID, REMOTE_ADDR="192.0.2.1").status_code == 200

    assert client.post(club.url, VALID, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(club.url, VALID, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_trusted_proxy_the_limit_counts_the_visitors_address(
    client, club, settings
):
    settings.PUBLIC_FORM_RATE_LIMIT = (1, 3600)
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    first = client.post(club.url, VALID, HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)
    other = client.post(club.url, VALID, HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy)
    forged = client.post(
        club.url, VALID, HTTP_X_FORWARDED_FOR="198.51.100.7, 192.0.2.1", **proxy
    )

    assert (first.status_code, other.status_code) == (200, 200)
    assert forged.status_code == 429  # the nearest proxy saw 192.0.2.1


def test_a_mail_server_failure_does_not_lose_the_request(client, club, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens

    response = client.post(club.url, VALID)

    assert response.status_code == 200
    assert JoinRequest.objects.count() == 1


def test_the_translated_form_keeps_the_field_names_of_the_original(club, club_uk):
    assert [f.clean_name for f in club_uk.form_fields.all()] == ["imie", "e_mail"]
    assert {f.locale.language_code for f in club_uk.form_fields.all()} == {"uk"}


def test_a_club_without_form_fields_shows_no_form(client, clubs_pl):
    club = ClubPageFactory(parent=clubs_pl)

    response = client.get(club.url)

    assert response.status_code == 200
    assert "form" not in response.context
    assert client.post(club.url, VALID).status_code == 200
    assert JoinRequest.objects.count() == 0


# People's words outlive the page ---------------------------------------------------


def test_join_requests_survive_edits_and_unpublishing(client, club):
    client.post(club.url, VALID)
    club = ClubPage.objects.get(pk=club.pk)
    club.form_fields = [ClubFormField(label="Nowe pole", field_type="singleline")]
    club.save_revision().publish()
    club.unpublish()

    assert JoinRequest.objects.get().form_data["imie"] == "Olena"


def test_an_editor_cannot_delete_a_club_that_holds_join_requests(client, club, editor):
    client.post(club.url, VALID)
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[club.pk]), follow=True
    )

    assert response.status_code == 200
    assert Page.objects.filter(pk=club.pk).exists()
    assert JoinRequest.objects.count() == 1
    # The admin speaks the editor's language: Polish by default.
    assert "zgłoszenia do klubu: 1" in response.content.decode()


def test_deleting_the_club_index_or_the_source_of_a_translation_is_refused_too(
    client, club, club_uk, clubs_pl, editor
):
    client.post("/uk/kluby/klub/", VALID)  # a request sent through the translation
    client.force_login(editor)

    for page in [clubs_pl, club]:
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        assert response.status_code == 302

    assert Page.objects.filter(pk=club_uk.pk).exists()
    assert JoinRequest.objects.count() == 1


def test_bulk_deleting_a_club_with_requests_is_refused(client, club, clubs_pl, editor):
    client.post(club.url, VALID)
    client.force_login(editor)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
        + f"?id={club.pk}&childOf={clubs_pl.pk}"
    )

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert Page.objects.filter(pk=club.pk).exists()
    assert JoinRequest.objects.count() == 1


def test_an_editor_deletes_a_club_nobody_wrote_to(client, clubs_pl, editor):
    club = ClubPageFactory(parent=clubs_pl)
    client.force_login(editor)

    client.post(reverse("wagtailadmin_pages:delete", args=[club.pk]))

    assert not Page.objects.filter(pk=club.pk).exists()


def test_the_database_itself_refuses_to_drop_join_requests(club):
    from django.db.models import ProtectedError

    JoinRequest.objects.create(page=club, form_data={"imie": "Olena"})

    with pytest.raises(ProtectedError):
        club.delete()


@pytest.mark.parametrize("label", ["Privacy consent", "Homepage"])
def test_an_editors_field_cannot_take_the_name_of_a_field_every_form_has(label):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        ClubFormField(label=label, field_type="singleline").clean()
    assert "label" in error.value.message_dict
