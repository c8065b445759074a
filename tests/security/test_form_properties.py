"""Property-based tests of the consultation forms: whatever a member posts (any
unicode, NUL bytes, huge text, forged choices and ids), the answer is a page or a
4xx, never a server error, and a refused post stores nothing at all.

Each example runs in its own savepoint, rolled back after it, so examples do not
see each other's rows (the fixtures are made once per test, hence the health check
that is switched off)."""

from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consultations import services
from consultations.models import (
    Comment,
    CommentReport,
    MemberProfile,
    PollAnswer,
    Stance,
)
from tests.consultations.conftest import route
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Strings that cannot be sent as UTF-8 (lone surrogates) are left out: a browser
# cannot send them either.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
nasty = st.one_of(
    any_text,
    any_text.map(lambda text: f"{text}\x00{text}"),
    st.sampled_from([10_000, 100_000, 3_000_000]).map(lambda n: "ż" * n),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "0",
            "-1",
            "99999999999999999999999",
            "1e9",
            "None",
            "support",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
        ]
    ),
)


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def assert_not_a_server_error(response):
    assert response.status_code < 500, response.status_code
    assert response.status_code in (200, 302, 400, 403, 404, 405, 409, 413, 429)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture(autouse=True)
def no_comment_rate_limit(settings):
    settings.CONSULTATIONS_COMMENT_LIMIT = 1_000_000


def test_stance_form(member_client, consultation_page, recommendation):
    url = route(consultation_page, "stance", recommendation.pk)

    @EXAMPLES
    @given(
        choice=st.one_of(st.sampled_from(["support", "support_with_changes"]), nasty),
        reason=nasty,
    )
    @example(choice="support_with_changes", reason=" Więcej tłumaczy ")
    @example(choice="support_with_changes", reason="\x00")
    def post(choice, reason):
        with rolled_back():
            response = member_client.post(url, {"choice": choice, "reason": reason})

            assert_not_a_server_error(response)
            stances = list(Stance.objects.all())
            if response.status_code == 302:
                assert [(s.choice, s.reason) for s in stances] == [
                    (choice, reason.strip())
                ]
            else:
                assert stances == []

    post()


def test_comment_form(
    member_client, consultation_page, record, recommendation, other_member
):
    """The member has no display name yet: the form asks for one, and a refused
    comment must not leave the name stored either."""
    MemberProfile.objects.create(user=other_member, display_name="Straße")
    other = services.post_comment(
        author=other_member,
        consultation=record,
        text="Pierwszy",
        language="pl",
    )
    ids = st.one_of(st.just(""), st.just(str(recommendation.pk)), nasty)

    @EXAMPLES
    @given(
        text=nasty,
        language=st.one_of(st.sampled_from(["pl", "uk"]), nasty),
        display_name=nasty,
        recommendation_id=ids,
        parent=st.one_of(st.just(str(other.pk)), ids),
    )
    @example(
        text="Dobry komentarz",
        language="uk",
        display_name="Nowa",
        recommendation_id=str(recommendation.pk),
        parent="",
    )
    # Taken, in other letters: ẞ lower-cases to ß, but ß does not upper-case to ẞ.
    @example(
        text="Dobry komentarz",
        language="pl",
        display_name="STRAẞE",
        recommendation_id="",
        parent="",
    )
    def post(text, language, display_name, recommendation_id, parent):
        with rolled_back():
            comments, profiles = Comment.objects.count(), MemberProfile.objects.count()

            response = member_client.post(
                route(consultation_page, "comment"),
                {
                    "text": text,
                    "language": language,
                    "display_name": display_name,
                    "recommendation": recommendation_id,
                    "parent": parent,
                },
            )

            assert_not_a_server_error(response)
            if response.status_code == 302:
                assert Comment.objects.count() == comments + 1
                assert Comment.objects.latest("pk").text == text.strip()
                assert MemberProfile.objects.count() == profiles + 1
            else:
                assert Comment.objects.count() == comments
                assert MemberProfile.objects.count() == profiles

    post()


def test_poll_form(member_client, consultation_page, record):
    question = record.poll_questions.get(allows_multiple=True)
    item = consultation_page.polls.get(translation_key=question.key)
    block_ids = [block.id for block in item.choices]
    field = f"poll{question.pk}-choices"

    @EXAMPLES
    @given(
        question_id=st.one_of(st.just(question.pk), st.integers(-5, 10**12)),
        choices=st.lists(st.one_of(st.sampled_from(block_ids), nasty), max_size=4),
    )
    @example(question_id=question.pk, choices=block_ids[:2])
    def post(question_id, choices):
        with rolled_back():
            url = route(consultation_page, "answer_poll", abs(question_id))
            response = member_client.post(url, {field: choices})

            assert_not_a_server_error(response)
            answers = list(PollAnswer.objects.all())
            if response.status_code == 302:
                assert len(answers) == 1
                chosen = {str(c.key) for c in answers[0].choices.all()}
                assert chosen == set(choices)
                assert 1 <= len(chosen) <= question.max_choices
            else:
                assert answers == []

    post()


def test_display_name_form(member_client, member, other_member):
    MemberProfile.objects.create(user=other_member, display_name="Olena")
    MemberProfile.objects.create(user=MemberFactory(), display_name="Straße")

    @EXAMPLES
    @given(name=st.one_of(st.sampled_from(["olena", "OLENA", "Ołena"]), nasty))
    @example(name=" Nowa ")
    @example(name="STRAẞE")
    def post(name):
        with rolled_back():
            response = member_client.post(
                "/pl/accounts/display-name/", {"display_name": name}
            )

            assert_not_a_server_error(response)
            profile = MemberProfile.objects.filter(user=member).first()
            if response.status_code == 302:
                assert profile.display_name == (name.strip() or None)
            else:
                assert profile is None

    post()


def test_report_form(member_client, consultation_page, record, other_member):
    comment = services.post_comment(
        author=other_member, consultation=record, text="Cudzy", language="pl"
    )
    url = route(consultation_page, "report_comment", comment.pk)

    @EXAMPLES
    @given(
        reason=st.one_of(st.sampled_from(["spam", "offensive"]), nasty), details=nasty
    )
    def post(reason, details):
        with rolled_back():
            response = member_client.post(url, {"reason": reason, "details": details})

            assert_not_a_server_error(response)
            reports = list(CommentReport.objects.all())
            if response.status_code == 302:
                assert [(r.reason, r.details) for r in reports] == [
                    (reason, details.strip())
                ]
            else:
                assert reports == []

    post()


def test_a_comment_refused_for_its_rate_leaves_no_display_name_behind(
    member_client, consultation_page, settings
):
    settings.CONSULTATIONS_COMMENT_LIMIT = 0

    response = member_client.post(
        route(consultation_page, "comment"),
        {"text": "Mój komentarz", "language": "pl", "display_name": "Olena"},
    )

    assert response.status_code == 429
    assert not MemberProfile.objects.exists()
    assert not Comment.objects.exists()
