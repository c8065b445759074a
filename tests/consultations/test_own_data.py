import json

import pytest
from django.contrib.auth import get_user_model

from consultations import services
from consultations.models import Comment, MemberProfile, Stance
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
