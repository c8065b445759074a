import json

import pytest
from django.contrib.auth import get_user_model

from consultations import services
from consultations.models import Comment, MemberProfile, Stance
from consultations.views.account import own_data
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_took_part(record, recommendation, member, other_member):
    MemberProfile.objects.create(user=member, display_name="Kalyna")
    question = record.poll_questions.get(allows_multiple=False)
    for person, text in [(member, "Moje zdanie"), (other_member, "Cudze zdanie")]:
        services.record_stance(person, recommendation, "support", f"Powód {text}", "pl")
        services.post_comment(
            author=person, consultation=record, text=text, language="pl"
        )
        services.answer_poll(person, question, [question.choices.first()], "pl")


def test_the_json_export_holds_exactly_my_own_data(client, member, both_took_part):
    client.force_login(member)

    response = client.get("/pl/accounts/my-data.json")

    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["username"] == member.username
    assert data["account"]["display_name"] == "Kalyna"
    assert [c["text"] for c in data["comments"]] == ["Moje zdanie"]
    assert [s["reason"] for s in data["stances"]] == ["Powód Moje zdanie"]
    assert len(data["poll_answers"]) == 1
    assert "Cudze" not in response.content.decode()


def test_the_my_data_page_lists_what_i_said(client, member, both_took_part):
    client.force_login(member)

    html = client.get("/pl/accounts/my-data/").content.decode()

    assert "Moje zdanie" in html and "Powód Moje zdanie" in html
    assert "Cudze zdanie" not in html


def test_deleting_my_account_needs_my_password_and_keeps_my_words_anonymously(
    client, member, both_took_part
):
    client.force_login(member)

    refused = client.post("/pl/accounts/delete/", {"password": "not-mine"})
    deleted = client.post("/pl/accounts/delete/", {"password": PASSWORD})

    assert refused.status_code == 400
    assert deleted.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert Comment.objects.filter(author=None, text="Moje zdanie").exists()
    assert Stance.objects.count() == 2
    assert "_auth_user_id" not in client.session


@pytest.fixture
def edited_and_reported(record, member, other_member, editor, both_took_part):
    """My comment edited twice; I reported another member's comment, which a
    moderator resolved, and they reported mine."""
    mine = Comment.objects.get(author=member)
    services.edit_comment(mine, "Druga wersja")
    services.edit_comment(mine, "Trzecia wersja")
    theirs = Comment.objects.get(author=other_member)
    services.report_comment(theirs, member, "spam", "Reklama kursów")
    services.resolve_reports(theirs, editor)
    services.report_comment(mine, other_member, "offensive", "Skarga sąsiada")
    return mine, theirs


def test_the_json_export_holds_the_earlier_texts_of_my_comments(
    client, member, edited_and_reported
):
    client.force_login(member)

    data = json.loads(client.get("/pl/accounts/my-data.json").content)

    [comment] = data["comments"]
    assert comment["text"] == "Trzecia wersja"
    assert [e["text"] for e in comment["earlier_texts"]] == [
        "Moje zdanie",
        "Druga wersja",
    ]
    assert all(e["replaced_at"] for e in comment["earlier_texts"])


def test_the_json_export_holds_my_reports_and_nobody_elses(
    client, member, editor, other_member, edited_and_reported
):
    _mine, theirs = edited_and_reported
    client.force_login(member)

    response = client.get("/pl/accounts/my-data.json")

    [report] = json.loads(response.content)["reports"]
    assert report["comment_id"] == theirs.pk
    assert report["consultation"] == theirs.consultation.title
    assert (report["reason"], report["reason_label"]) == (
        "spam",
        "To spam lub reklama",
    )
    assert report["details"] == "Reklama kursów"
    assert report["resolved"] is True
    assert report["created_at"]
    text = response.content.decode()
    assert "Skarga sąsiada" not in text
    assert editor.username not in text and other_member.username not in text


def test_the_my_data_page_shows_earlier_texts_and_my_reports(
    client, member, edited_and_reported
):
    client.force_login(member)

    html = client.get("/pl/accounts/my-data/").content.decode()

    assert '<span lang="pl" dir="auto">Moje zdanie</span>' in html
    assert "Druga wersja" in html
    assert "Reklama kursów" in html and "To spam lub reklama" in html
    assert "Skarga sąsiada" not in html


def test_own_data_takes_the_same_queries_however_many_comments(
    record, member, other_member, django_assert_num_queries
):
    def comment_edit_and_report(number):
        comment = services.post_comment(
            author=member, consultation=record, text=f"Zdanie {number}", language="pl"
        )
        services.edit_comment(comment, f"Poprawione {number}")
        theirs = services.post_comment(
            author=other_member,
            consultation=record,
            text=f"Inne {number}",
            language="pl",
        )
        services.report_comment(theirs, member, "other", "")

    question = record.poll_questions.get(allows_multiple=False)
    services.answer_poll(member, question, [question.choices.first()], "pl")
    comment_edit_and_report(1)
    with django_assert_num_queries(7):
        one = own_data(member)
    for number in range(2, 6):
        comment_edit_and_report(number)
    with django_assert_num_queries(7):
        five = own_data(member)

    assert len(one["comments"]) == len(one["reports"]) == 1
    assert len(five["comments"]) == len(five["reports"]) == 5
    assert all(c["earlier_texts"] for c in five["comments"])
