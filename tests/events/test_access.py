"""Who sees a team meeting: the policy as a table, per role (no HTTP)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from events import access
from events.models import EventPage
from tests.events.conftest import add_event, member_of, team_meeting
from tests.factories import EditorFactory, MemberFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "kp_member",
    "lublin_member",
    "both",
    "inactive_kp",
    "editor",
]
# role → (sees the public workshop, sees the KP team's meeting, sees Lublin's)
EXPECTED = {
    "anonymous": (True, False, False),
    "outsider": (True, False, False),
    "kp_member": (True, True, False),
    "lublin_member": (True, False, True),
    "both": (True, True, True),
    "inactive_kp": (True, False, False),
    "editor": (True, True, True),
}


def person(role, teams):
    if role == "anonymous":
        return AnonymousUser()
    if role == "outsider":
        return MemberFactory()
    if role == "kp_member":
        return member_of(teams["kp"])
    if role == "lublin_member":
        return member_of(teams["lublin"])
    if role == "both":
        return member_of(teams["kp"], teams["lublin"])
    if role == "inactive_kp":
        return member_of(teams["kp"], is_active=False)
    return EditorFactory()


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_which_event(role, calendar, teams):
    workshop = add_event(calendar)
    kp = team_meeting(calendar, teams["kp"])
    lublin = team_meeting(calendar, teams["lublin"])
    user = person(role, teams)

    seen = tuple(access.can_view(user, page) for page in (workshop, kp, lublin))
    assert seen == EXPECTED[role]
    # The database form of the rule agrees with the rule.
    listed = set(EventPage.objects.filter(access.visible_events(user)))
    assert listed == {
        page for page, sees in zip((workshop, kp, lublin), seen, strict=True) if sees
    }


def test_team_meetings_are_restricted_in_wagtail_to_the_team_and_editors(
    calendar, teams
):
    meeting = team_meeting(calendar, teams["kp"])
    workshop = add_event(calendar)
    assert not EventPage.objects.public().filter(pk=meeting.pk).exists()
    assert EventPage.objects.public().filter(pk=workshop.pk).exists()
    groups = set(
        meeting.get_view_restrictions().get().groups.values_list("name", flat=True)
    )
    assert groups == {"Team KP", "Editors"}


def test_a_meeting_turned_into_a_workshop_is_public_again(calendar, teams):
    meeting = team_meeting(calendar, teams["kp"])
    meeting.kind, meeting.team = "workshop", None
    meeting.save_revision().publish()
    assert EventPage.objects.public().filter(pk=meeting.pk).exists()


def test_start_page_lists_only_ones_own_teams_upcoming_meetings(calendar, teams):
    kp = team_meeting(calendar, teams["kp"])
    team_meeting(calendar, teams["lublin"])
    add_event(calendar)
    assert list(access.team_events(member_of(teams["kp"]))) == [kp]
    assert not access.team_events(EditorFactory()).exists()
    assert not access.team_events(AnonymousUser()).exists()
