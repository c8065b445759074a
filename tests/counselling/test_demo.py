from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse

from portal.groups import COUNSELLORS


def test_seed_demo_creates_a_counsellor_who_reads_requests(demo, demo_password, client):
    # The login lockout (django-axes) needs the request to know the address.
    request = RequestFactory().post("/admin/login/")
    counsellor = authenticate(request, username="counsellor", password=demo_password)
    assert counsellor is not None
    assert list(counsellor.groups.values_list("name", flat=True)) == [COUNSELLORS]
    client.force_login(counsellor)
    assert client.get(reverse("counselling_requests:index")).status_code == 200
