"""Forged or replayed requests get a 4xx with a message, never a 500 or a stored row."""

import pytest
from django.test import Client

from consultations import services
from consultations.models import Comment, CommentReport, PollAnswer, Stance
from consultations.models.records import Visibility
from tests.consultations.conftest import make_consultation, route

pytestmark = pytest.mark.django_db


def nothing_stored():
    return not (
        Stance.objects.exists()
        or PollAnswer.objects.exists()
        or CommentReport.objects.exists()
        or Comment.objects.exclude(text="Istniejący").exists()
    )


@pytest.fixture
def existing_comment(record, other_member):
    return services.post_comment(
        author=other_member, consultation=record, text="Istniejący", language="pl"
    )


@pytest.fixture
def other_consultation(index_page):
    return make_consultation(index_page, visibility=Visibility.TEAM)


def test_unknown_recommendation_id_is_404(client, consultation_page, member):
    client.force_login(member)

    response = client.post(
        route(consultation_page, "stance", 999999), {"choice": "support"}
    )

    assert response.status_code == 404
    assert nothing_stored()


def test_a_recommendation_of_another_consultation_is_404(
    client, consultation_page, other_consultation, member
):
    foreign = other_consultation.record.recommendations.first()
    client.force_login(member)

    stance = client.post(
        route(consultation_page, "stance", foreign.pk), {"choice": "support"}
    )
    comment = client.post(
        route(consultation_page, "comment"),
        {
            "text": "x" * 10,
            "language": "pl",
            "display_name": "Ktoś",
            "recommendation": foreign.pk,
        },
    )

    assert (stance.status_code, comment.status_code) == (404, 404)
    assert nothing_stored()


def test_a_reply_to_a_comment_of_another_consultation_is_404(
    client, consultation_page, other_consultation, other_member, member
):
    foreign = services.post_comment(
        author=other_member,
        consultation=other_consultation.record,
        text="Obcy",
        language="pl",
    )
    client.force_login(member)

    response = client.post(
        route(consultation_page, "comment"),
        {
            "text": "Odpowiedź",
            "language": "pl",
            "display_name": "Ktoś",
            "parent": foreign.pk,
        },
    )

    assert response.status_code == 404
    assert Comment.objects.filter(parent=foreign).count() == 0


def test_a_poll_question_of_another_consultation_is_404(
    client, consultation_page, other_consultation, member
):
    foreign = other_consultation.record.poll_questions.first()
    client.force_login(member)

    response = client.post(route(consultation_page, "answer_poll", foreign.pk), {})

    assert response.status_code == 404
    assert nothing_stored()


@pytest.mark.parametrize(
    "data",
    [
        {"text": "Komentarz", "language": "xx", "display_name": "Ktoś"},
        {
            "text": "Komentarz",
            "language": "pl",
            "display_name": "Ktoś",
            "parent": "abc",
        },
        {"text": "Komentarz", "language": "pl", "display_name": "K"},
    ],
    ids=["unknown-language", "parent-not-a-number", "display-name-too-short"],
)
def test_malformed_comment_posts_are_400(client, consultation_page, member, data):
    client.force_login(member)

    response = client.post(route(consultation_page, "comment"), data)

    assert response.status_code == 400
    assert nothing_stored()


def test_posts_without_a_csrf_token_are_refused(
    consultation_page, recommendation, member
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(
        route(consultation_page, "stance", recommendation.pk), {"choice": "support"}
    )

    assert response.status_code == 403
    assert nothing_stored()


def test_get_on_an_action_is_405(client, consultation_page, recommendation, member):
    client.force_login(member)

    assert (
        client.get(route(consultation_page, "stance", recommendation.pk)).status_code
        == 405
    )
    assert client.get(route(consultation_page, "comment")).status_code == 405


def test_acting_on_an_archived_recommendation_is_409(
    client, consultation_page, recommendation, member
):
    page = consultation_page.get_latest_revision_as_object()
    page.recommendations = list(page.recommendations.all())[1:]
    page.save_revision().publish()
    client.force_login(member)

    response = client.post(
        route(consultation_page, "stance", recommendation.pk), {"choice": "support"}
    )

    assert response.status_code == 409
    assert "usunięta z projektu" in response.content.decode()
    assert nothing_stored()


def test_replying_to_a_withdrawn_comment_is_409(
    client, consultation_page, existing_comment, member
):
    services.withdraw_comment(existing_comment)
    client.force_login(member)

    response = client.post(
        route(consultation_page, "comment"),
        {
            "text": "Odpowiedź",
            "language": "pl",
            "display_name": "Ktoś",
            "parent": existing_comment.pk,
        },
    )

    assert response.status_code == 409
    assert not Comment.objects.filter(parent=existing_comment).exists()
