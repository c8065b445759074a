"""The permission matrix: role × action × phase, through the real views."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from consultations import services
from consultations.models import Comment, Stance
from consultations.models.records import Visibility
from tests.consultations.conftest import make_consultation, route

pytestmark = pytest.mark.django_db

PHASE_OFFSETS = {
    "upcoming": timedelta(days=-2),
    "open": timedelta(0),
    "closed": timedelta(days=2),
}


@pytest.fixture
def people(member, other_member, outsider, editor):
    return {"anonymous": None, "outsider": outsider, "member": member, "editor": editor}


@pytest.fixture
def others_comment(record, other_member):
    return services.post_comment(
        author=other_member, consultation=record, text="Cudzy komentarz", language="pl"
    )


def act(client, page, record, action, comment):
    recommendation = record.recommendations.get(number=1)
    if action == "read":
        return client.get(page.url)
    if action == "stance":
        return client.post(
            route(page, "stance", recommendation.pk),
            {"choice": "support", "reason": ""},
        )
    if action == "comment":
        return client.post(
            route(page, "comment"),
            {"text": "Mój komentarz", "language": "pl", "display_name": "Ktoś"},
        )
    if action == "edit_others_comment":
        return client.post(
            route(page, "edit_comment", comment.pk), {"text": "Zmienione"}
        )
    if action == "moderate":
        return client.get("/admin/consultations/moderation/")
    raise AssertionError(action)


# (role, action, phase) → expected outcome, for a team-only consultation.
# "login": sent to the login page; "ok": allowed; "403": refused with an explanation.
MATRIX = {
    ("anonymous", "read"): dict.fromkeys(PHASE_OFFSETS, "login"),
    ("outsider", "read"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("member", "read"): dict.fromkeys(PHASE_OFFSETS, "ok"),
    ("editor", "read"): dict.fromkeys(PHASE_OFFSETS, "ok"),
    ("anonymous", "stance"): dict.fromkeys(PHASE_OFFSETS, "login"),
    ("outsider", "stance"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("member", "stance"): {"upcoming": "403", "open": "ok", "closed": "403"},
    ("editor", "stance"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("anonymous", "comment"): dict.fromkeys(PHASE_OFFSETS, "login"),
    ("outsider", "comment"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("member", "comment"): {"upcoming": "403", "open": "ok", "closed": "403"},
    ("editor", "comment"): {"upcoming": "403", "open": "ok", "closed": "ok"},
    ("anonymous", "edit_others_comment"): dict.fromkeys(PHASE_OFFSETS, "login"),
    ("outsider", "edit_others_comment"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("member", "edit_others_comment"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("editor", "edit_others_comment"): dict.fromkeys(PHASE_OFFSETS, "403"),
    ("anonymous", "moderate"): dict.fromkeys(PHASE_OFFSETS, "admin-login"),
    ("outsider", "moderate"): dict.fromkeys(PHASE_OFFSETS, "admin-login"),
    ("member", "moderate"): dict.fromkeys(PHASE_OFFSETS, "admin-login"),
    ("editor", "moderate"): dict.fromkeys(PHASE_OFFSETS, "ok"),
}
CASES = [
    pytest.param(role, action, phase, outcome, id=f"{role}-{action}-{phase}-{outcome}")
    for (role, action), phases in MATRIX.items()
    for phase, outcome in phases.items()
]


@pytest.mark.parametrize(("role", "action", "phase", "outcome"), CASES)
def test_permission_matrix(
    client,
    consultation_page,
    record,
    people,
    others_comment,
    role,
    action,
    phase,
    outcome,
):
    if people[role]:
        client.force_login(people[role])
    stances, comments = Stance.objects.count(), Comment.objects.count()

    with time_machine.travel(timezone.now() + PHASE_OFFSETS[phase], tick=False):
        assert record.phase() == phase
        response = act(client, consultation_page, record, action, others_comment)

    if outcome == "ok":
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "login" not in response["Location"]
    elif outcome == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/pl/accounts/login/?next=")
    elif outcome == "admin-login":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code == 403
        assert "<h1>" in response.content.decode()  # an explanation, not a bare error
    if outcome != "ok" or action in ("read", "moderate"):
        assert (Stance.objects.count(), Comment.objects.count()) == (stances, comments)
    else:
        assert (
            Stance.objects.count() + Comment.objects.count() == stances + comments + 1
        )


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
