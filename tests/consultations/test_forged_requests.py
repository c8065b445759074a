"""Forged or replayed requests get a 4xx with a message, never a 500 or a stored row."""

import pytest
from django.test import Client

from consultations import services
from consultations.models import (
    Comment,
    CommentReport,
    CommentTranslation,
    PollAnswer,
    RecommendationResponse,
    Stance,
)
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


@pytest.mark.parametrize(
    "action", ["edit_comment", "withdraw_comment", "report_comment"]
)
def test_a_comment_of_another_consultation_cannot_be_reached_through_this_page(
    client, consultation_page, other_consultation, member, other_member, action
):
    mine = services.post_comment(
        author=member,
        consultation=other_consultation.record,
        text="Obcy",
        language="pl",
    )
    theirs = services.post_comment(
        author=other_member,
        consultation=other_consultation.record,
        text="Obcy 2",
        language="pl",
    )
    client.force_login(member)
    target = theirs if action == "report_comment" else mine

    response = client.post(
        route(consultation_page, action, target.pk),
        {"text": "Zmienione", "reason": "spam"},
    )

    assert response.status_code == 404
    assert set(Comment.objects.values_list("text", flat=True)) == {"Obcy", "Obcy 2"}
    assert not Comment.objects.exclude(withdrawn_at=None).exists()
    assert not CommentReport.objects.exists()


def test_nothing_is_added_to_a_closed_consultation(
    client, index_page, member, other_member
):
    page = make_consultation(index_page, opens=-3, closes=-1)
    record = page.record
    recommendation = record.recommendations.get(number=1)
    question = record.poll_questions.get(allows_multiple=False)
    item = page.polls.get(translation_key=question.key)
    services.record_stance(member, recommendation, "support", "", "pl")
    Stance.objects.update(draft_version=0)
    client.force_login(member)

    responses = [
        client.post(route(page, "stance", recommendation.pk), {"choice": "oppose"}),
        client.post(route(page, "confirm_stance", recommendation.pk)),
        client.post(
            route(page, "answer_poll", question.pk),
            {f"poll{question.pk}-choices": item.choices[0].id},
        ),
        client.post(route(page, "comment"), {"text": "Spóźniony", "language": "pl"}),
    ]

    assert [r.status_code for r in responses] == [403] * 4
    assert list(Stance.objects.values_list("choice", "draft_version")) == [
        ("support", 0)
    ]
    assert not PollAnswer.objects.exists()
    assert not Comment.objects.exists()


def test_a_draft_consultation_and_its_routes_are_not_found(
    client, index_page, consultation_page, member
):
    draft = make_consultation(index_page)
    recommendation = draft.record.recommendations.get(number=1)
    draft.unpublish()
    client.force_login(member)

    urls = [
        f"/pl/konsultacje/{draft.slug}/",
        f"/pl/konsultacje/{draft.slug}/recommendations/{recommendation.pk}/",
        f"/pl/konsultacje/{draft.slug}/results/",
        f"/pl/konsultacje/{draft.slug}/report/csv/",
    ]
    stance = client.post(
        f"/pl/konsultacje/{draft.slug}/recommendations/{recommendation.pk}/stance/",
        {"choice": "support"},
    )

    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    assert stance.status_code == 404
    assert nothing_stored()


def test_a_switch_off_link_cannot_be_forged_for_another_member(
    client, member, other_member
):
    from django.core import signing

    from consultations.notifications import SALT, profile_of, switch_off_token

    _payload, signature = switch_off_token(member, "reply").split(":", 1)
    forged = [
        # another member's id with my signature
        signing.b64_encode(
            f'{{"user":{other_member.pk},"kind":"reply"}}'.encode()
        ).decode()
        + ":"
        + signature,
        signing.dumps({"user": other_member.pk, "kind": "reply"}, salt="other"),
        signing.dumps({"user": other_member.pk, "kind": "all"}, salt=SALT),
        "not-a-token",
    ]
    client.force_login(member)

    statuses = [
        client.post(f"/pl/accounts/e-mails/off/{token}/").status_code
        for token in forged
    ]

    assert statuses == [400] * len(forged)
    assert profile_of(other_member).notify_replies is True


@pytest.mark.parametrize("download", ["report", "report_csv", "report_xlsx"])
def test_the_report_of_a_team_consultation_is_not_for_the_public(
    client, consultation_page, record, recommendation, member, download
):
    services.post_comment(
        author=member, consultation=record, text="Tajny komentarz", language="pl"
    )

    anonymous = client.get(route(consultation_page, download))
    admin_download = client.get(
        {
            "report": f"/admin/consultations/outcomes/{record.pk}/report/",
            "report_csv": f"/admin/consultations/outcomes/{record.pk}/report/csv/",
            "report_xlsx": f"/admin/consultations/outcomes/{record.pk}/report/xlsx/",
        }[download]
    )
    client.force_login(member)
    as_member = client.get(route(consultation_page, download))

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert admin_download.status_code in (302, 403)
    assert as_member.status_code == 403
    for response in (anonymous, admin_download, as_member):
        assert "attachment" not in response.get("Content-Disposition", "")
        assert b"Tajny komentarz" not in response.content


def test_admin_views_refuse_a_member(
    client, record, recommendation, member, other_member
):
    comment = services.post_comment(
        author=other_member, consultation=record, text="Cudzy", language="uk"
    )
    client.force_login(member)

    pages = [
        "/admin/consultations/moderation/",
        f"/admin/consultations/moderation/{comment.pk}/",
        "/admin/consultations/outcomes/",
        f"/admin/consultations/outcomes/{record.pk}/",
        f"/admin/consultations/outcomes/recommendation/{recommendation.pk}/",
        "/admin/consultations/translations/",
        f"/admin/consultations/translations/{comment.pk}/",
    ]
    posts = [
        client.post(pages[1], {"action": "hide", "reason": "x"}),
        client.post(pages[4], {"outcome": "accepted", "publish": "on"}),
        client.post(pages[6], {"text": "Tłumaczenie", "checked": "on"}),
    ]

    for response in [client.get(url) for url in pages] + posts:
        assert response.status_code in (302, 403), response.status_code
        assert b"Cudzy" not in response.content
    comment.refresh_from_db()
    assert comment.hidden_at is None
    assert not RecommendationResponse.objects.exists()
    assert not CommentTranslation.objects.exists()
