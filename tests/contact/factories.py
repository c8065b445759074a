import factory
import wagtail_factories
from django.utils import timezone

from contact.models import ContactMessage, ContactPage, ContactTopic


class ContactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContactPage

    title = "Kontakt"
    slug = "kontakt"


class ContactTopicFactory(factory.django.DjangoModelFactory):
    """A topic of a page (``page`` must be given), in the page's language."""

    class Meta:
        model = ContactTopic

    label = factory.Sequence(lambda n: f"Temat {n}")
    notify_address = factory.Sequence(lambda n: f"team-{n}@example.org")
    locale = factory.LazyAttribute(lambda topic: topic.page.locale)


class ContactMessageFactory(factory.django.DjangoModelFactory):
    """A message as the public form stores it (``page`` must be given)."""

    class Meta:
        model = ContactMessage

    topic = "Media i prasa"
    routed_to = "prasa@example.org"
    name = "Olena"
    email = "olena@example.org"
    message = "Chciałabym napisać artykuł o klubach."
    consent_given_at = factory.LazyFunction(timezone.now)
    language = "uk"
