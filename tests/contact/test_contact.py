import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contact.models import ContactMessage, ContactPage, ContactTopic
from home.models import HomePage
from portal.localize import translate
from tests.contact.conftest import UKRAINIAN
from tests.contact.factories import ContactMessageFactory, ContactPageFactory
from tests.factories import publish


class ContactPageRulesTest(WagtailPageTestCase):
    def test_the_contact_page_sits_under_a_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_an_editor_creates_the_contact_page_with_its_topics(self):
        self.client.force_login(self.create_test_user())
        self.assertCanCreate(
            HomePage.objects.get(locale__language_code="pl"),
            ContactPage,
            nested_form_data(
                {
                    "title": "Kontakt",
                    "intro": rich_text("<p>Napisz do nas.</p>"),
                    "privacy_notice": rich_text("<p>Trzymamy rok.</p>"),
                    "thank_you_text": rich_text("<p>Dziękujemy.</p>"),
                    "topics": inline_formset(
                        [
                            {"label": "Prasa", "notify_address": "prasa@example.org"},
                            {"label": "Zespół", "notify_address": "team@example.org"},
                        ],
                        min=1,
                    ),
                }
            ),
        )
        page = ContactPage.objects.get(title="Kontakt")
        assert [(t.label, t.locale.language_code) for t in page.topics.all()] == [
            ("Prasa", "pl"),
            ("Zespół", "pl"),
        ]


VALID = {
    "name": "Olena",
    "email": "olena@example.org",
    "topic": "",  # the chosen topic's translation key, set by each test
    "message": "Chciałabym napisać artykuł o klubach.",
    "privacy_consent": "on",
}


def choose(page, label):
    topic = page.topics.get(label=label)
    return {**VALID, "topic": str(topic.translation_key)}


def test_the_page_renders_in_polish_with_its_topics(client, contact):
    response = client.get(contact.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kontakt</h1>" in html
    assert "Sprawy ogólne" in html and "Media i prasa" in html
    assert 'name="homepage"' in html  # the honeypot


def test_a_ukrainian_reader_sees_the_topics_in_ukrainian(client, contact_uk):
    response = client.get("/uk/kontakty/")

    assert response.status_code == 200
    form = response.context["form"]
    assert [label for _, label in form.fields["topic"].choices] == [
        "Загальні питання",
        "ЗМІ та преса",
    ]
    assert "Media i prasa" not in response.content.decode()


def test_a_message_is_stored_and_its_topics_address_is_told_without_its_text(
    client, contact_uk
):
    response = client.post("/uk/kontakty/", choose(contact_uk, "ЗМІ та преса"))

    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    message = ContactMessage.objects.get()
    assert (message.topic, message.routed_to, message.language) == (
        "ЗМІ та преса",
        "prasa@example.org",
        "uk",
    )
    assert message.page_id == contact_uk.pk
    assert message.consent_given_at is not None
    [email] = mail.outbox
    assert email.to == ["prasa@example.org"]
    assert "Media i prasa" in email.body  # staff read the default language
    assert f"/admin/contact_messages/inspect/{message.pk}/" in email.body
    for private in ["Olena", "olena@example.org", "artykuł"]:
        assert private not in email.body
        assert private not in email.subject


def test_the_address_is_the_same_in_every_language_after_a_resync(
    client, contact, contact_uk
):
    """The address is synchronised, not translated: an editor who changes it in
    Polish changes where Ukrainian messages go once the translation is synced."""
    topics = list(contact.topics.all())
    topics[1].notify_address = "media@example.org"
    contact.topics = topics
    contact.save_revision().publish()
    translate(contact, contact_uk.locale, UKRAINIAN)  # re-sync

    client.post("/uk/kontakty/", choose(contact_uk, "ЗМІ та преса"))

    assert ContactMessage.objects.get().routed_to == "media@example.org"
    assert mail.outbox[0].to == ["media@example.org"]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"topic": ""}, {"topic"}),
        ({"topic": "00000000-0000-0000-0000-000000000000"}, {"topic"}),
        ({"email": ""}, {"email"}),
        ({"email": "not-an-address"}, {"email"}),
        ({"message": ""}, {"message"}),
        ({"message": "x" * 4001}, {"message"}),
        ({"message": "null\x00byte"}, {"message"}),
        ({"name": "x" * 121}, {"name"}),
        ({"privacy_consent": ""}, {"privacy_consent"}),
    ],
)
def test_bad_input_gets_field_errors_keeps_the_text_and_stores_nothing(
    client, contact, changes, errors
):
    data = {**choose(contact, "Media i prasa"), **changes}

    response = client.post(contact.url, data)

    assert response.status_code == 400
    assert set(response.context["form"].errors) == errors
    if "message" not in errors:
        assert data["message"] in response.content.decode()
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_a_topic_of_another_contact_page_is_refused(client, contact, home_pages):
    other_page = ContactPageFactory(parent=home_pages["pl"], slug="inny-kontakt")
    other_page.topics = [ContactTopic(label="Inny", notify_address="x@example.org")]
    other_page = publish(other_page)

    response = client.post(contact.url, choose(other_page, "Inny"))

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"topic"}
    assert ContactMessage.objects.count() == 0


def test_errors_are_in_the_readers_language_and_linked_to_the_fields(
    client, contact_uk
):
    response = client.post(
        "/uk/kontakty/", {**choose(contact_uk, "ЗМІ та преса"), "email": "olena@"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert '<a href="#id_email">' in html
    with translation.override("uk"):
        assert str(response.context["form"].errors["email"][0]) in html
        assert "Введіть" in str(response.context["form"].errors["email"][0])


def test_a_filled_honeypot_stores_nothing_and_keeps_the_text(client, contact):
    data = {**choose(contact, "Media i prasa"), "homepage": "spam"}

    response = client.post(contact.url, data)

    assert response.status_code == 400
    assert response.context["form"].caught_in_honeypot
    assert data["message"] in response.content.decode()
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_over_the_limit_a_translated_429_keeps_the_message(
    client, contact_uk, settings
):
    settings.PUBLIC_FORM_RATE_LIMIT = (1, 600)
    data = choose(contact_uk, "ЗМІ та преса")
    client.post("/uk/kontakty/", data)

    response = client.post("/uk/kontakty/", {**data, "message": "Друге питання"})

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Ви надіслали кілька форм" in html
    assert "Друге питання" in html
    assert ContactMessage.objects.count() == 1


def test_the_limit_of_the_counselling_form_does_not_block_this_one(
    client, contact, home_pages, settings
):
    from tests.factories import CounsellingPageFactory

    settings.PUBLIC_FORM_RATE_LIMIT = (1, 600)
    counselling = publish(CounsellingPageFactory(parent=home_pages["pl"]))
    client.post(
        counselling.url,
        {
            "topic": "work",
            "preferred_language": "pl",
            "contact_method": "email",
            "email": "olena@example.org",
            "message": "Pytanie",
            "privacy_consent": "on",
        },
    )

    response = client.post(contact.url, choose(contact, "Media i prasa"))

    assert response.status_code == 200
    assert ContactMessage.objects.count() == 1


def test_a_mail_server_that_is_down_does_not_lose_the_message(
    client, contact, monkeypatch
):
    import smtplib

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("contact.models.pages.send_mail", refuse)

    response = client.post(contact.url, choose(contact, "Media i prasa"))

    assert response.status_code == 200
    assert ContactMessage.objects.count() == 1


# Messages hold people's words: deleting their page is refused -------------------


def test_the_contact_page_cannot_be_deleted_while_it_holds_messages(
    client, editor, contact, contact_uk
):
    ContactMessageFactory(page=contact_uk)
    client.force_login(editor)

    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[contact.pk]), follow=True
    )

    assert response.status_code == 200
    assert Page.objects.filter(pk__in=[contact.pk, contact_uk.pk]).count() == 2
    with translation.override("pl"):  # the admin's language
        counted = f"{ContactMessage._meta.verbose_name_plural}: 1"
    assert counted in response.content.decode()
    assert ContactMessage.objects.count() == 1
