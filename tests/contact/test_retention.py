import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from contact.models import ContactMessage
from tests.contact.factories import ContactMessageFactory

pytestmark = pytest.mark.django_db


def test_messages_older_than_the_retention_period_are_deleted(contact, settings):
    settings.SUBMISSION_RETENTION_DAYS = 365
    for days in [366, 364]:
        message = ContactMessageFactory(page=contact, message=f"{days} days old")
        sent = timezone.now() - datetime.timedelta(days=days)
        ContactMessage.objects.filter(pk=message.pk).update(submitted_at=sent)

    call_command("delete_expired_submissions", "--dry-run", verbosity=0)
    assert ContactMessage.objects.count() == 2

    call_command("delete_expired_submissions", verbosity=0)
    assert list(ContactMessage.objects.values_list("message", flat=True)) == [
        "364 days old"
    ]
