from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from consultations import notifications, services
from consultations.models import MemberProfile, Notification, RecommendationResponse
from consultations.notifications import switch_off_token
from tests.consultations.conftest import make_consultation, route
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commenters(record, recommendation):
    people = []
    for number, language in enumerate(["uk", "ru"]):
        member = MemberFactory()
        MemberProfile.objects.create(
            user=member, display_name=f"Osoba {number}", language=language
        )
        services.post_comment(
            author=member,
            consultation=record,
            recommendation=recommendation,
            text="Uwaga",
            language=language,
        )
        people.append(member)
    return people


def publish_response(client, editor, recommendation, publish=True, **fields):
    client.force_login(editor)
    data = {
        "organisation_position": "Popieramy.",
        "outcome": "accepted_in_part",
        "authority_reasoning": "Częściowo.",
        "responded_on": "2026-11-20",
        "adopted_in_version": "",
        **fields,
    }
    if publish:
        data["publish"] = "on"
    return client.post(
        f"/admin/consultations/outcomes/recommendation/{recommendation.pk}/", data
    )


def test_publishing_a_response_tells_each_commenter_once_in_their_language(
    client, recommendation, commenters, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_response(client, editor, recommendation)
    with django_capture_on_commit_callbacks(execute=True):
        publish_response(client, editor, recommendation)  # saved again: no new e-mail

    assert response.status_code == 302
    assert len(mail.outbox) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    ukrainian = by_address[commenters[0].email]
    russian = by_address[commenters[1].email]
    assert "Відповідь щодо рекомендації 1" in ukrainian.subject
    assert "Ответ по рекомендации 1" in russian.subject
    assert "/e-mails/off/" in ukrainian.body


def test_an_unpublished_response_is_not_shown_to_members(
    client, consultation_page, recommendation, editor, member
):
    publish_response(client, editor, recommendation, publish=False)
    client.force_login(member)

    page = client.get(route(consultation_page, "recommendation", recommendation.pk))

    assert RecommendationResponse.objects.get().published_at is None
    assert page.context["response"] is None


def test_the_recommendation_page_shows_the_whole_chain(
    client, consultation_page, record, recommendation, editor, member
):
    page = consultation_page.get_latest_revision_as_object()
    items = list(page.recommendations.all())
    items[0].text = "Szpitale zapewniają tłumaczenie na ukraiński i arabski."
    page.recommendations = items
    page.save_revision().publish()
    publish_response(client, editor, recommendation, adopted_in_version="2")
    entry = services_tracker(recommendation)
    client.force_login(member)

    html = client.get(
        route(consultation_page, "recommendation", recommendation.pk)
    ).content.decode()

    assert "arabski.</ins>" in html  # the change in the draft
    assert "Popieramy." in html and "Częściowo." in html  # the response
    assert entry.updates.first().note in html  # the implementation


def services_tracker(recommendation):
    from consultations.models import ImplementationUpdate, TrackerEntry

    entry = TrackerEntry.objects.create(title="Tłumacze", recommendation=recommendation)
    ImplementationUpdate.objects.create(
        entry=entry,
        date=timezone.now().date(),
        status="in_progress",
        note="Pierwszy tłumacz zatrudniony",
    )
    return entry


def test_a_draft_version_that_does_not_exist_is_refused(client, recommendation, editor):
    response = publish_response(client, editor, recommendation, adopted_in_version="7")

    assert response.status_code == 400
    assert not RecommendationResponse.objects.exists()


def test_a_reply_tells_the_author_of_the_comment_and_nobody_else(
    record, member, other_member, django_capture_on_commit_callbacks
):
    MemberProfile.objects.create(user=member, display_name="Kalyna", language="uk")
    first = services.post_comment(
        author=member, consultation=record, text="A", language="pl"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(
            author=member,
            consultation=record,
            parent=first,
            text="Ja sama",
            language="pl",
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(
            author=other_member,
            consultation=record,
            parent=first,
            text="Odpowiedź",
            language="pl",
        )

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Хтось відповів на ваш коментар" in mail.outbox[0].subject
    assert "Odpowiedź" in mail.outbox[0].body


def test_reminders_go_once_and_only_to_those_who_want_them(
    index_page, member, other_member, django_capture_on_commit_callbacks
):
    make_consultation(index_page, closes=10)
    MemberProfile.objects.create(user=other_member, notify_opening=False)

    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notifications.send_due_reminders()

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert Notification.objects.filter(kind="opening").count() == 1


def test_the_closing_reminder_goes_only_to_those_who_have_not_responded(
    record, recommendation, member, other_member, django_capture_on_commit_callbacks
):
    services.record_stance(member, recommendation, "support", "", "pl")
    with (
        time_machine.travel(record.closes_at - timedelta(hours=30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notifications.send_due_reminders()

    closing = [m for m in mail.outbox if "Zostały dwa dni" in m.subject]
    assert [m.to for m in closing] == [[other_member.email]]


def test_the_link_in_an_e_mail_switches_that_kind_off(client, member):
    token = switch_off_token(member, "reply")

    asked = client.get(f"/pl/accounts/e-mails/off/{token}/")
    done = client.post(f"/pl/accounts/e-mails/off/{token}/")
    forged = client.post(f"/pl/accounts/e-mails/off/{token[:-2]}xx/")

    assert asked.status_code == 200
    assert done.status_code == 200
    profile = MemberProfile.objects.get(user=member)
    assert profile.notify_replies is False and profile.notify_opening is True
    assert forged.status_code == 400


def test_a_member_changes_language_and_e_mail_kinds(client, member):
    client.force_login(member)

    response = client.post(
        "/pl/accounts/e-mails/",
        {"language": "ru", "notify_opening": "on", "notify_replies": "on"},
    )

    profile = MemberProfile.objects.get(user=member)
    assert response.status_code == 302
    assert profile.language == "ru"
    assert (profile.notify_closing, profile.notify_responses) == (False, False)
