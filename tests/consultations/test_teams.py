"""Each consultation counts its own group, and a closed one the members its group
had when it closed: quorum and progress, reminders, "who has not responded" and
the results' "of N"."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations import notifications, services
from consultations.models import Consultation, ConsultationPage, Notification
from consultations.models.records import ConsultationTeamMember, Visibility
from portal.demo import KUJAWSKO_POMORSKIE_TEAM, LUBLIN_GROUP
from tests.consultations.conftest import make_consultation, route
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def in_groups(*groups, **fields):
    user = UserFactory(**fields)
    user.groups.add(*groups)
    return user


def consultation_of(index_page, group, **options):
    page = make_consultation(index_page, **options)
    page.participant_group = group
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def groups(db):
    return {
        "kp": Group.objects.create(name="Zespół regionalny (test)"),
        "lublin": Group.objects.create(name="Grupa lubelska (test)"),
    }


@pytest.fixture
def people(groups):
    kp, lublin = groups["kp"], groups["lublin"]
    return {
        "kp_only": in_groups(kp, username="kp-only"),
        "lublin_only": in_groups(lublin, username="lublin-only"),
        "both_a": in_groups(kp, lublin, username="both-a"),
        "both_b": in_groups(kp, lublin, username="both-b"),
    }


@pytest.fixture
def pages(index_page, groups):
    return {
        name: consultation_of(index_page, group, closes=10)
        for name, group in groups.items()
    }


def first_recommendation(page):
    return page.record.recommendations.get(number=1)


def usernames(users):
    return sorted(user.username for user in users)


# --- Each consultation counts its own group -----------------------------------------


@pytest.mark.parametrize(
    "name, team, outside",
    [
        ("lublin", ["both-a", "both-b", "lublin-only"], "kp_only"),
        ("kp", ["both-a", "both-b", "kp-only"], "lublin_only"),
    ],
)
def test_progress_counts_only_the_consultations_own_group(
    pages, people, name, team, outside
):
    record = pages[name].record
    for person in people.values():
        # Through the service, past the policy: even a stance by someone outside
        # the group (left it while open) is not counted as the team's.
        services.record_stance(
            person, first_recommendation(pages[name]), "support", "", "pl"
        )

    progress = services.team_progress(record)

    assert usernames(record.team()) == team
    assert (progress["responded"], progress["total"]) == (3, 3)
    assert people[outside].pk not in progress["responded_ids"]


@pytest.mark.parametrize("name, team", [("lublin", "lublin_only"), ("kp", "kp_only")])
def test_reminders_go_only_to_the_consultations_own_group(
    pages, people, name, team, django_capture_on_commit_callbacks
):
    for other in set(pages) - {name}:
        # Only this consultation is live.
        pages[other].unpublish()
    record = pages[name].record
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_due_reminders()
    opened = {tuple(message.to) for message in mail.outbox}
    assert opened == {(people[key].email,) for key in (team, "both_a", "both_b")}

    mail.outbox.clear()
    services.record_stance(
        people["both_a"], first_recommendation(pages[name]), "support", "", "pl"
    )
    with (
        time_machine.travel(record.closes_at - timedelta(hours=30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notifications.send_due_reminders()
    assert {tuple(m.to) for m in mail.outbox} == {
        (people[team].email,),
        (people["both_b"].email,),
    }
    assert set(
        Notification.objects.filter(kind="closing").values_list(
            "member__username", flat=True
        )
    ) == {people[team].username, "both-b"}


@pytest.mark.parametrize(
    "name, missing", [("lublin", ["lublin-only"]), ("kp", ["kp-only"])]
)
def test_who_has_not_responded_lists_only_the_consultations_own_group(
    client, pages, people, editor, name, missing
):
    for key in ("both_a", "both_b"):
        services.record_stance(
            people[key], first_recommendation(pages[name]), "oppose", "", "pl"
        )
    client.force_login(editor)

    response = client.get(pages[name].url)

    assert usernames(response.context["progress"]["missing"]) == missing
    assert response.context["progress"]["total"] == 3


# --- Frozen at closing --------------------------------------------------------------


@pytest.fixture
def closing(index_page, groups, people):
    """The Lublin consultation, both-a having taken a stance, just closed."""
    page = consultation_of(index_page, groups["lublin"], closes=1)
    services.record_stance(
        people["both_a"], first_recommendation(page), "support", "", "pl"
    )
    return page


def after_closing(page, days=1):
    closes_at = Consultation.objects.get(pk=page.record.pk).closes_at
    return time_machine.travel(closes_at + timedelta(days=days))


def counted(page):
    """(responded, of N, the usernames listed as not responded) as an editor sees
    them on the consultation's page, read afresh from the database."""
    record = Consultation.objects.get(pk=page.record.pk)
    progress = services.team_progress(record)
    missing = get_user_model().objects.filter(
        pk__in=[pk for pk in progress["missing_ids"] if pk]
    )
    return progress["responded"], progress["total"], usernames(missing)


def test_a_member_who_leaves_after_closing_still_counts_as_not_responding(
    closing, groups, people
):
    with after_closing(closing):
        call_command("send_consultation_notifications", verbosity=0)  # cron
        people["lublin_only"].groups.remove(groups["lublin"])
        people["both_b"].is_active = False
        people["both_b"].save()

        assert counted(closing) == (1, 3, ["both-b", "lublin-only"])


def test_a_member_who_leaves_after_closing_keeps_their_stance_counted(
    client, closing, groups, people, editor
):
    with after_closing(closing):
        services.freeze_closed_teams()
        people["both_a"].groups.remove(groups["lublin"])
        client.force_login(editor)
        response = client.get(route(closing, "results"))

    first = next(r for r in response.context["rows"] if r.number == 1)
    assert (first.responded, first.team_size) == (1, 3)


def test_a_deleted_account_still_counts_with_what_it_did(client, closing, people):
    with after_closing(closing):
        services.freeze_closed_teams()
        people["both_a"].delete()  # responded
        people["lublin_only"].delete()  # did not

        assert counted(closing) == (1, 3, ["both-b"])
        progress = services.team_progress(closing.record)
    assert progress["missing_ids"].count(None) == 1


def test_an_editor_sees_deleted_accounts_among_those_who_did_not_respond(
    client, closing, people, editor
):
    with after_closing(closing):
        services.freeze_closed_teams()
        people["lublin_only"].delete()
        client.force_login(editor)
        response = client.get(closing.url)

    assert response.context["progress"]["missing_deleted"] == 1
    # "1 member of the team at closing whose account has since been deleted"
    assert "której konto zostało później usunięte" in response.content.decode()


def test_a_member_who_joins_after_closing_does_not_count(closing, groups):
    with after_closing(closing):
        services.freeze_closed_teams()
        newcomer = in_groups(groups["lublin"], username="newcomer")

        assert counted(closing) == (1, 3, ["both-b", "lublin-only"])
        assert newcomer not in Consultation.objects.get(pk=closing.record.pk).team()


def test_the_first_look_after_closing_records_the_team(client, closing, groups, people):
    """Without cron, results or progress record it, and it holds from then on."""
    with after_closing(closing):
        assert counted(closing) == (1, 3, ["both-b", "lublin-only"])
        people["lublin_only"].groups.remove(groups["lublin"])
        in_groups(groups["lublin"], username="newcomer")

        assert counted(closing) == (1, 3, ["both-b", "lublin-only"])


def test_recording_twice_changes_nothing(closing, groups, people):
    with after_closing(closing):
        assert services.freeze_closed_teams() == 1
        record = Consultation.objects.get(pk=closing.record.pk)
        frozen_at = record.team_frozen_at
        people["lublin_only"].groups.remove(groups["lublin"])
        in_groups(groups["lublin"], username="newcomer")

        assert services.freeze_closed_teams() == 0
        assert services.freeze_team(record) is False
        call_command("send_consultation_notifications", verbosity=0)

    record.refresh_from_db()
    assert record.team_frozen_at == frozen_at
    assert ConsultationTeamMember.objects.filter(consultation=record).count() == 3
    with after_closing(closing, days=30):
        assert counted(closing) == (1, 3, ["both-b", "lublin-only"])


def test_an_open_consultation_is_not_recorded(closing):
    assert services.freeze_closed_teams() == 0
    assert not ConsultationTeamMember.objects.exists()
    assert Consultation.objects.get(pk=closing.record.pk).team_frozen_at is None


def test_a_reopened_consultation_counts_its_group_again_and_is_recorded_anew(
    closing, groups, people
):
    with after_closing(closing):
        services.freeze_closed_teams()
        people["lublin_only"].groups.remove(groups["lublin"])
        page = ConsultationPage.objects.get(pk=closing.pk)
        page.closes_at = timezone.now() + timedelta(days=5)
        page.save_revision().publish()

        assert counted(closing) == (1, 2, ["both-b"])
    with after_closing(closing):  # the new closing date
        late = in_groups(groups["lublin"], username="late")
        assert services.freeze_closed_teams() == 1
        late.groups.remove(groups["lublin"])

        assert counted(closing) == (1, 3, ["both-b", "late"])


@pytest.mark.usefixtures("uncached_pages")
def test_the_results_page_costs_the_same_for_a_small_and_a_large_team(
    client, index_page, editor
):
    def closed_consultation_with_team(size):
        group = Group.objects.create(name=f"Team of {size}")
        page = consultation_of(
            index_page, group, visibility=Visibility.PUBLIC, closes=1
        )
        recommendation = first_recommendation(page)
        for _ in range(size):
            member = in_groups(group)
            services.record_stance(member, recommendation, "support", "", "pl")
        return page

    def queries(page):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(route(page, "results"))
        assert response.status_code == 200
        return len(captured), response.context["rows"][0].team_size

    small, large = closed_consultation_with_team(3), closed_consultation_with_team(30)
    client.force_login(editor)
    with after_closing(large):
        for page in (small, large):
            client.get(route(page, "results"))  # warms caches, records the team
        small, large = queries(small), queries(large)

    assert (small[1], large[1]) == (3, 30)
    assert small[0] == large[0]
    # One of them reads the recorded team (test_query_counts.py has the rest).
    assert large[0] == 27


# --- The demo -----------------------------------------------------------------------


def test_the_demo_has_two_teams_and_each_consultation_counts_its_own(demo):
    kp = get_user_model().objects.filter(groups__name=KUJAWSKO_POMORSKIE_TEAM)
    lublin = get_user_model().objects.filter(groups__name=LUBLIN_GROUP)
    kp, lublin = set(kp), set(lublin)
    assert kp - lublin and lublin - kp and len(kp & lublin) >= 2
    assert len(kp | lublin) == 12

    for record in Consultation.objects.all():
        group = record.participant_group.name
        assert group in (KUJAWSKO_POMORSKIE_TEAM, LUBLIN_GROUP)
        team = set(record.team())
        assert team == (kp if group == KUJAWSKO_POMORSKIE_TEAM else lublin)
        # Everyone who took a stance is in the consultation's own group.
        takers = get_user_model().objects.filter(
            consultation_stances__recommendation__consultation=record
        )
        assert set(takers) <= team
        assert services.team_progress(record)["total"] == len(team)
    strategy = Consultation.objects.get(title__startswith="Projekt strategii")
    assert strategy.participant_group.name == KUJAWSKO_POMORSKIE_TEAM
