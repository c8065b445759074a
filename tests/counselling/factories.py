import factory
from django.utils import timezone

from counselling.models import CounsellingRequest
from portal.groups import COUNSELLORS
from tests.factories import UserFactory, member_of


class CounsellorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"counsellor-{n}")
    team = member_of(COUNSELLORS)


class CounsellingRequestFactory(factory.django.DjangoModelFactory):
    """A request as the public form stores it (``page`` must be given)."""

    class Meta:
        model = CounsellingRequest

    topic = CounsellingRequest.Topic.RESIDENCE
    preferred_language = "uk"
    name = "Olena"
    contact_method = CounsellingRequest.ContactMethod.EMAIL
    email = "olena@example.org"
    message = "Moja karta pobytu wygasa w przyszłym miesiącu."
    consent_given_at = factory.LazyFunction(timezone.now)
    language = "uk"
