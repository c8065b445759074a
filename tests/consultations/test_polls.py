import pytest

from consultations.models import PollAnswer
from tests.consultations.conftest import route

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(record, consultation_page):
    multiple = record.poll_questions.get(allows_multiple=True)
    single = record.poll_questions.get(allows_multiple=False)
    items = {item.translation_key: item for item in consultation_page.polls.all()}
    return {
        "multiple": (multiple, [b.id for b in items[multiple.key].choices]),
        "single": (single, [b.id for b in items[single.key].choices]),
    }


def answer(client, page, question, choices):
    return client.post(
        route(page, "answer_poll", question.pk), {f"poll{question.pk}-choices": choices}
    )


def test_a_member_answers_a_multiple_choice_question(
    client, consultation_page, questions, member
):
    question, block_ids = questions["multiple"]
    client.force_login(member)

    response = answer(client, consultation_page, question, block_ids[:2])

    assert response.status_code == 302
    assert response["Location"].endswith(f"#poll-{question.pk}")
    saved = PollAnswer.objects.get(question=question, member=member)
    assert sorted(str(c.key) for c in saved.choices.all()) == sorted(block_ids[:2])


def test_changing_an_answer_keeps_one_answer_per_member(
    client, consultation_page, questions, member
):
    question, block_ids = questions["single"]
    client.force_login(member)
    answer(client, consultation_page, question, [block_ids[0]])

    answer(client, consultation_page, question, [block_ids[1]])

    saved = PollAnswer.objects.get(question=question)
    assert [str(c.key) for c in saved.choices.all()] == [block_ids[1]]


@pytest.mark.parametrize(
    ("which", "pick"),
    [
        ("multiple", lambda ids: ids),  # three answers where two are allowed
        ("multiple", lambda ids: []),
        ("single", lambda ids: ["11111111-1111-1111-1111-111111111111"]),
        ("single", lambda ids: ids),  # two answers to a single-choice question
    ],
    ids=["over-the-limit", "none", "choice-not-in-list", "two-for-single"],
)
def test_bad_answers_are_refused(
    client, consultation_page, questions, member, which, pick
):
    question, block_ids = questions[which]
    client.force_login(member)

    response = answer(client, consultation_page, question, pick(block_ids))

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not PollAnswer.objects.exists()


def test_a_choice_of_another_question_is_refused(
    client, consultation_page, questions, member
):
    single, _ = questions["single"]
    _, other_ids = questions["multiple"]
    client.force_login(member)

    response = answer(client, consultation_page, single, [other_ids[0]])

    assert response.status_code == 400
    assert not PollAnswer.objects.exists()
