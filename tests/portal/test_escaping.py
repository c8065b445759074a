"""Whatever people type comes back escaped: in the search results page, and in the
admin where editors read join and counselling requests. (Consultations: see
tests/consultations/test_security.py; browsers: tests/browser.)"""

import pytest
from django.urls import reverse

from counselling.models import CounsellingRequest
from tests.counselling.factories import CounsellorFactory
from tests.factories import (
    ClubFormFieldFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    CounsellingPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x"


def assert_escaped(response):
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert ESCAPED in html


def test_the_search_query_is_escaped(client):
    response = client.get("/pl/search/", {"q": SCRIPT[:40]})

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)" in html


def test_a_join_request_is_escaped_where_editors_read_it(client, home_pages, editor):
    clubs = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    club = ClubPageFactory(parent=clubs, title="Klub", slug="klub")
    ClubFormFieldFactory(page=club, label="Imię", field_type="singleline")
    ClubFormFieldFactory(page=club, label="O sobie", field_type="multiline")
    club = publish(club)
    client.post(club.url, {"imie": SCRIPT, "o_sobie": SCRIPT, "privacy_consent": "on"})
    client.force_login(editor)

    response = client.get(reverse("wagtailforms:list_submissions", args=[club.pk]))

    assert response.status_code == 200
    assert_escaped(response)


def test_a_counselling_request_is_escaped_where_counsellors_read_it(client, home_pages):
    counselling = publish(CounsellingPageFactory(parent=home_pages["pl"]))
    client.post(
        counselling.url,
        {
            "topic": "residence",
            "preferred_language": "uk",
            "name": SCRIPT[:40],
            "contact_method": "email",
            "email": "olena@example.org",
            "phone": "",
            "message": SCRIPT,
            "privacy_consent": "on",
        },
    )
    stored = CounsellingRequest.objects.get()
    client.force_login(CounsellorFactory())

    for view in ["inspect", "edit"]:
        response = client.get(reverse(f"counselling_requests:{view}", args=[stored.pk]))

        assert response.status_code == 200
        assert_escaped(response)
