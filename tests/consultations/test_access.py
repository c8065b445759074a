"""What the refusals look like through the site. Which role may do what in which
phase is specified without HTTP in test_policy.py; that each view asks the policy
is shown in test_views_ask_the_policy.py."""

import pytest

from consultations.models import Stance
from consultations.models.records import Visibility
from tests.consultations.conftest import make_consultation, route

pytestmark = pytest.mark.django_db


def test_outsider_is_told_why_in_their_language(client, ukrainian_page, outsider):
    client.force_login(outsider)

    response = client.get(ukrainian_page.url)

    assert ukrainian_page.url.startswith("/uk/")
    assert response.status_code == 403
    assert "Цей обліковий запис не має доступу" in response.content.decode()


def test_public_consultation_is_readable_by_everyone_but_not_open_to_act(
    client, index_page, outsider
):
    page = make_consultation(index_page, visibility=Visibility.PUBLIC)
    recommendation = page.record.recommendations.get(number=1)

    assert client.get(page.url).status_code == 200
    assert (
        client.get(route(page, "recommendation", recommendation.pk)).status_code == 200
    )
    anonymous = client.post(
        route(page, "stance", recommendation.pk), {"choice": "support"}
    )
    client.force_login(outsider)
    refused = client.post(
        route(page, "stance", recommendation.pk), {"choice": "support"}
    )

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert refused.status_code == 403
    assert not Stance.objects.exists()


def test_team_only_consultations_are_listed_only_for_the_team(
    client, index_page, consultation_page, member, outsider
):
    public = make_consultation(index_page, visibility=Visibility.PUBLIC)
    public.title = "Konsultacja publiczna"
    public.save_revision().publish()

    anonymous_listing = client.get(index_page.url).content.decode()
    client.force_login(outsider)
    outsider_listing = client.get(index_page.url).content.decode()
    client.force_login(member)
    member_listing = client.get(index_page.url).content.decode()

    for listing in (anonymous_listing, outsider_listing):
        assert "Konsultacja publiczna" in listing
        assert "Strategia województwa" not in listing
    assert "Strategia województwa" in member_listing
