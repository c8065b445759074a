import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from clubs.models import JoinRequest
from counselling.models import CounsellingRequest
from tests.factories import (
    ClubIndexPageFactory,
    ClubPageFactory,
    CounsellingPageFactory,
)

pytestmark = pytest.mark.django_db


def counselling_request(page, days_ago):
    request = CounsellingRequest.objects.create(
        page=page,
        topic="work",
        preferred_language="uk",
        contact_method="email",
        email="a@example.org",
        message="…",
        consent_given_at=timezone.now(),
        language="uk",
    )
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    CounsellingRequest.objects.filter(pk=request.pk).update(submitted_at=sent)


def join_request(page, days_ago):
    request = JoinRequest.objects.create(page=page, form_data={"imie": "Olena"})
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    JoinRequest.objects.filter(pk=request.pk).update(submit_time=sent)


def test_requests_older_than_the_retention_period_are_deleted(home_pages, settings):
    settings.SUBMISSION_RETENTION_DAYS = 365
    counselling = CounsellingPageFactory(parent=home_pages["pl"])
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_pages["pl"]))
    for days in [366, 364]:
        counselling_request(counselling, days)
        join_request(club, days)

    call_command("delete_expired_submissions", "--dry-run", verbosity=0)
    assert (CounsellingRequest.objects.count(), JoinRequest.objects.count()) == (2, 2)

    call_command("delete_expired_submissions", verbosity=0)
    assert (CounsellingRequest.objects.count(), JoinRequest.objects.count()) == (1, 1)
