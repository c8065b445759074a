import pytest

from contact.models import ContactTopic
from portal.localize import translate
from tests.contact.factories import ContactPageFactory
from tests.factories import publish

TOPICS = [
    ("Sprawy ogólne", "kontakt@example.org"),
    ("Media i prasa", "prasa@example.org"),
]
UKRAINIAN = {
    "Kontakt": "Контакти",
    "kontakt": "kontakty",
    "Sprawy ogólne": "Загальні питання",
    "Media i prasa": "ЗМІ та преса",
}


@pytest.fixture
def contact(home_pages):
    """A contact page in Polish with two topics, each told at its own address."""
    page = ContactPageFactory(parent=home_pages["pl"])
    page.topics = [
        ContactTopic(label=label, notify_address=address) for label, address in TOPICS
    ]
    return publish(page)


@pytest.fixture
def contact_uk(contact, locales):
    """Its Ukrainian translation, made with wagtail-localize as a translator would."""
    return translate(contact, locales["uk"], UKRAINIAN)
