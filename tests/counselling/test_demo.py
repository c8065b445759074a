import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from portal.groups import COUNSELLORS

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_a_counsellor_who_reads_requests(settings, client):
    settings.DEBUG = True

    call_command("seed_demo", password="demo-password-1", verbosity=0)

    # The login lockout (django-axes) needs the request to know the address.
    request = RequestFactory().post("/admin/login/")
    counsellor = authenticate(
        request, username="counsellor", password="demo-password-1"
    )
    assert counsellor is not None
    assert list(counsellor.groups.values_list("name", flat=True)) == [COUNSELLORS]
    client.force_login(counsellor)
    assert client.get(reverse("counselling_requests:index")).status_code == 200
