import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from counselling.models import CounsellingPage, CounsellingRequest
from home.models import HomePage
from tests.counselling.factories import CounsellorFactory
from tests.factories import publish, translate


class CounsellingPageRulesTest(WagtailPageTestCase):
    def test_the_counselling_page_sits_under_a_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(CounsellingPage, {HomePage})
        self.assertAllowedSubpageTypes(CounsellingPage, set())

    def test_an_editor_creates_the_counselling_page(self):
        self.client.force_login(self.create_test_user())
        self.assertCanCreate(
            HomePage.objects.get(locale__language_code="pl"),
            CounsellingPage,
            nested_form_data(
                {
                    "title": "Porady prawne",
                    "intro": rich_text("<p>Bezpłatne porady.</p>"),
                    "body": streamfield([("text", rich_text("<p>We wtorki.</p>"))]),
                    "privacy_notice": rich_text("<p>Trzymamy rok.</p>"),
                    "notify_addresses": "a@example.org, b@example.org",
                }
            ),
        )


@pytest.fixture
def counselling_uk(counselling, home_pages):
    return translate(
        counselling, home_pages["uk"].locale, title="Консультації", slug="porady"
    )


VALID = {
    "topic": "residence",
    "preferred_language": "uk",
    "name": "Olena",
    "contact_method": "email",
    "email": "olena@example.org",
    "phone": "",
    "message": "Moja karta pobytu wygasa w przyszłym miesiącu.",
    "privacy_consent": "on",
}


def test_a_request_is_stored_and_staff_are_told_without_its_content(
    client, counselling_uk
):
    response = client.post("/uk/porady/", VALID)

    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    request = CounsellingRequest.objects.get()
    assert (request.topic, request.preferred_language, request.language) == (
        "residence",
        "uk",
        "uk",
    )
    assert request.page_id == counselling_uk.pk
    assert request.consent_given_at is not None
    [message] = mail.outbox
    assert message.to == ["advice@example.org"]
    assert "Pobyt i legalizacja" in message.body  # staff read Polish
    assert f"/admin/counselling_requests/inspect/{request.pk}/" in message.body
    for private in ["Olena", "olena@example.org", "karta pobytu"]:
        assert private not in message.body


def test_without_addresses_every_active_counsellor_is_told_and_no_editor(
    client, counselling, counsellor, editor
):
    CounsellorFactory(is_active=False)
    CounsellorFactory(email="")
    counselling.notify_addresses = ""
    publish(counselling)

    client.post(counselling.url, VALID)

    assert [message.to for message in mail.outbox] == [[counsellor.email]]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"topic": ""}, {"topic"}),
        ({"topic": "immigration-police"}, {"topic"}),
        ({"message": ""}, {"message"}),
        ({"message": "x" * 4001}, {"message"}),
        ({"contact_method": "email", "email": ""}, {"email"}),
        ({"contact_method": "email", "email": "not-an-address"}, {"email"}),
        ({"contact_method": "phone", "phone": ""}, {"phone"}),
        ({"contact_method": "phone", "phone": "call me maybe"}, {"phone"}),
        ({"contact_method": "pigeon"}, {"contact_method"}),
        ({"privacy_consent": ""}, {"privacy_consent"}),
        ({"message": "null\x00byte"}, {"message"}),
        ({"name": "x" * 121}, {"name"}),
        ({"preferred_language": "de"}, {"preferred_language"}),
    ],
)
def test_bad_input_gets_field_errors_and_stores_nothing(
    client, counselling, changes, errors
):
    response = client.post(counselling.url, {**VALID, **changes})

    assert response.status_code == 400
    assert set(response.context["form"].errors) == errors
    assert CounsellingRequest.objects.count() == 0
    assert mail.outbox == []


def test_errors_are_in_the_readers_language_and_linked_to_the_fields(
    client, counselling_uk
):
    response = client.post(
        "/uk/porady/", {**VALID, "contact_method": "phone", "phone": ""}
    )

    html = response.content.decode()
    assert 'role="alert"' in html
    assert '<a href="#id_phone">' in html
    assert "Вкажіть номер телефону або виберіть електронну пошту." in html


def test_a_filled_honeypot_stores_nothing(client, counselling):
    response = client.post(counselling.url, {**VALID, "homepage": "spam"})

    assert response.status_code == 400
    assert response.context["form"].caught_in_honeypot
    assert CounsellingRequest.objects.count() == 0


def test_over_the_limit_a_translated_429_keeps_the_message(
    client, counselling_uk, settings
):
    settings.PUBLIC_FORM_RATE_LIMIT = (1, 600)
    client.post("/uk/porady/", VALID)

    response = client.post("/uk/porady/", {**VALID, "message": "Друге питання"})

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Ви надіслали кілька форм" in html
    assert "Друге питання" in html
    assert CounsellingRequest.objects.count() == 1


def test_the_limit_of_one_form_does_not_block_the_other(
    client, counselling, settings, home_pages
):
    from tests.factories import (
        ClubFormFieldFactory,
        ClubIndexPageFactory,
        ClubPageFactory,
    )

    settings.PUBLIC_FORM_RATE_LIMIT = (1, 600)
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_pages["pl"]))
    ClubFormFieldFactory(page=club, label="Imię")
    client.post(counselling.url, VALID)

    response = client.post(club.url, {"imie": "Olena", "privacy_consent": "on"})

    assert response.status_code == 200


# Requests hold people's words: deleting their page is refused -------------------


@pytest.fixture
def stored_request(client, counselling):
    client.post(counselling.url, VALID)
    return CounsellingRequest.objects.get()


def test_the_counselling_page_cannot_be_deleted_while_it_holds_requests(
    client, editor, stored_request, counselling
):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[counselling.pk]), follow=True
    )

    assert response.status_code == 200
    assert Page.objects.filter(pk=counselling.pk).exists()
    assert "prośby o poradę: 1" in response.content.decode()


def test_advice_is_offered_in_the_readers_language_first(client, counselling_uk):
    form = client.get("/uk/porady/").context["form"]

    assert form["preferred_language"].value() == "uk"
    assert "" not in dict(form.fields["preferred_language"].choices)
