from datetime import timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape

from consultations import services
from consultations.models import Comment, CommentEdit, MemberProfile
from tests.consultations.conftest import route

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_member(member):
    MemberProfile.objects.create(user=member, display_name="Kalyna")
    return member


def post_comment(client, page, **data):
    return client.post(route(page, "comment"), {"language": "pl", **data})


def test_a_member_comments_on_a_recommendation(
    client, consultation_page, recommendation, named_member
):
    client.force_login(named_member)

    response = post_comment(
        client,
        consultation_page,
        text="Bardzo potrzebne.",
        recommendation=recommendation.pk,
    )

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(
        f"/recommendations/{recommendation.pk}/#comment-{comment.pk}"
    )
    assert (comment.recommendation, comment.author, comment.language) == (
        recommendation,
        named_member,
        "pl",
    )
    assert comment.draft_version == 1
    page = client.get(route(consultation_page, "recommendation", recommendation.pk))
    assert "Bardzo potrzebne." in page.content.decode()


def test_the_first_comment_asks_for_a_display_name_shown_instead_of_the_account(
    client, consultation_page, member, other_member
):
    client.force_login(member)
    missing = post_comment(client, consultation_page, text="Pierwszy komentarz")
    post_comment(
        client, consultation_page, text="Pierwszy komentarz", display_name="Mewa"
    )
    client.force_login(other_member)
    taken = post_comment(client, consultation_page, text="Drugi", display_name="MEWA")

    assert missing.status_code == 400
    assert taken.status_code == 400
    assert "Ktoś już używa tego pseudonimu" in taken.content.decode()
    assert Comment.objects.count() == 1
    html = client.get(consultation_page.url).content.decode()
    assert "Mewa" in html
    assert member.username not in html


def test_editors_see_which_account_wrote_a_comment(
    client, consultation_page, record, named_member, editor
):
    services.post_comment(
        author=named_member, consultation=record, text="Uwaga", language="pl"
    )
    client.force_login(editor)

    html = client.get(consultation_page.url).content.decode()

    assert "Kalyna" in html and f"({named_member.username})" in html


def test_replies_form_a_thread_under_their_comment(
    client, consultation_page, record, named_member, other_member
):
    first = services.post_comment(
        author=named_member, consultation=record, text="A", language="pl"
    )
    MemberProfile.objects.create(user=other_member, display_name="Irys")
    client.force_login(other_member)

    post_comment(client, consultation_page, text="Odpowiedź", parent=first.pk)
    reply = Comment.objects.get(parent=first)
    post_comment(
        client, consultation_page, text="Odpowiedź na odpowiedź", parent=reply.pk
    )

    deeper = Comment.objects.get(parent=reply)
    assert reply.thread == first and deeper.thread == first
    html = client.get(consultation_page.url).content.decode()
    assert html.index("Odpowiedź") < html.index("Odpowiedź na odpowiedź")
    assert html.count('class="comment-list comment-list--replies"') == 2


class ReplyForms(HTMLParser):
    """The fields of each reply form on a page: {comment id: {name: value}}, plus
    every element id and every label's target."""

    def __init__(self):
        super().__init__()
        self.forms, self.ids, self.label_targets = {}, [], []
        self.comment = self.fields = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "li" and attrs.get("id", "").startswith("comment-"):
            self.comment = int(attrs["id"].removeprefix("comment-"))
        elif tag == "summary":
            self.fields = self.forms.setdefault(self.comment, {})
        elif tag == "label":
            self.label_targets.append(attrs["for"])
        elif self.fields is not None and tag in ("input", "textarea", "select"):
            self.fields[attrs["name"]] = attrs.get("value", "")
            self.select = attrs["name"] if tag == "select" else None
        elif self.fields is not None and tag == "option" and "selected" in attrs:
            self.fields[self.select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "details":
            self.fields = None


@pytest.mark.parametrize("needs_display_name", [False, True])
def test_each_reply_form_answers_the_comment_it_sits_under(
    client, consultation_page, record, member, other_member, needs_display_name
):
    MemberProfile.objects.create(user=other_member, display_name="Irys")
    first, second = (
        services.post_comment(
            author=other_member, consultation=record, text=text, language="pl"
        )
        for text in ("Pierwszy", "Drugi")
    )
    if not needs_display_name:
        MemberProfile.objects.create(user=member, display_name="Kalyna")
    client.force_login(member)

    page = ReplyForms()
    page.feed(client.get(consultation_page.url).content.decode())

    assert page.forms.keys() == {first.pk, second.pk}
    for comment in (first, second):
        fields = page.forms[comment.pk]
        assert fields["parent"] == str(comment.pk)
        assert ("display_name" in fields) is needs_display_name
        for name in ("text", "language"):
            assert f"reply-{comment.pk}-{name}" in page.label_targets
    assert len(page.ids) == len(set(page.ids))
    data = {**page.forms[second.pk], "text": "Odpowiedź", "display_name": "Kalyna"}
    response = client.post(route(consultation_page, "comment"), data)
    assert response.status_code == 302
    assert Comment.objects.get(text="Odpowiedź").parent == second


@pytest.mark.parametrize(
    "payload",
    [
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        '"><svg onload=alert(1)>',
        "javascript:alert(1)",
    ],
)
def test_markup_in_comments_is_shown_as_text(
    client, consultation_page, named_member, payload
):
    client.force_login(named_member)
    post_comment(client, consultation_page, text=f"Uwaga {payload}")

    html = client.get(consultation_page.url).content.decode()

    text = f"Uwaga {payload}"
    # Exactly the escaped text: no tag, attribute or link made of it.
    assert (
        f'<div class="comment__text" lang="pl" dir="ltr">{escape(text)}</div>' in html
    )
    assert Comment.objects.get().text == text


def test_links_become_safe_and_line_breaks_stay(
    client, consultation_page, named_member
):
    client.force_login(named_member)
    post_comment(
        client, consultation_page, text="Zobacz https://example.org/raport\ndruga linia"
    )

    html = client.get(consultation_page.url).content.decode()

    assert '<a href="https://example.org/raport" rel="nofollow">' in html
    assert "https://example.org/raport</a><br>druga linia" in html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Najpierw napisz komentarz."),
        (" ", "Najpierw napisz komentarz."),
        ("x" * 4001, "4000"),
    ],
    ids=["empty", "blank", "too-long"],
)
def test_bad_comments_are_refused(
    client, consultation_page, named_member, text, message
):
    client.force_login(named_member)

    response = post_comment(client, consultation_page, text=text)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_an_author_edits_within_15_minutes_and_the_old_text_is_kept(
    client, consultation_page, record, named_member
):
    comment = services.post_comment(
        author=named_member, consultation=record, text="Pierwsza wersja", language="pl"
    )
    client.force_login(named_member)

    response = client.post(
        route(consultation_page, "edit_comment", comment.pk), {"text": "Druga"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.text == "Druga" and comment.edited_at
    assert CommentEdit.objects.get(comment=comment).previous_text == "Pierwsza wersja"


def test_editing_after_15_minutes_is_refused(
    client, consultation_page, record, named_member
):
    comment = services.post_comment(
        author=named_member, consultation=record, text="Stare", language="pl"
    )
    client.force_login(named_member)

    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        response = client.post(
            route(consultation_page, "edit_comment", comment.pk), {"text": "Nowe"}
        )

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.text == "Stare"


def test_withdrawing_leaves_a_placeholder_and_the_replies(
    client, consultation_page, record, named_member, other_member
):
    comment = services.post_comment(
        author=named_member, consultation=record, text="Do wycofania", language="pl"
    )
    services.post_comment(
        author=other_member,
        consultation=record,
        parent=comment,
        text="Odpowiedź",
        language="pl",
    )
    client.force_login(named_member)

    response = client.post(route(consultation_page, "withdraw_comment", comment.pk))

    html = client.get(consultation_page.url).content.decode()
    assert response.status_code == 302
    assert "Do wycofania" not in html
    assert "Ten komentarz został wycofany przez autora lub autorkę." in html
    assert "Odpowiedź" in html
    assert (
        Comment.objects.get(pk=comment.pk).text == "Do wycofania"
    )  # kept, not deleted


def test_members_cannot_edit_or_withdraw_others_comments(
    client, consultation_page, record, named_member, other_member
):
    comment = services.post_comment(
        author=named_member, consultation=record, text="Moje", language="pl"
    )
    client.force_login(other_member)

    edit = client.post(
        route(consultation_page, "edit_comment", comment.pk), {"text": "Cudze"}
    )
    withdraw = client.post(route(consultation_page, "withdraw_comment", comment.pk))

    comment.refresh_from_db()
    assert (edit.status_code, withdraw.status_code) == (403, 403)
    assert comment.text == "Moje" and comment.withdrawn_at is None


def test_too_many_comments_get_a_429_and_nothing_is_stored(
    client, consultation_page, named_member, settings
):
    settings.CONSULTATIONS_COMMENT_LIMIT = 3
    client.force_login(named_member)
    for number in range(3):
        post_comment(client, consultation_page, text=f"Komentarz {number}")

    response = post_comment(client, consultation_page, text="Jeden za dużo")

    assert response.status_code == 429
    assert "Odczekaj kilka minut" in response.content.decode()
    assert Comment.objects.count() == 3


def test_deleting_an_account_anonymises_comments_and_keeps_the_counts(
    client, consultation_page, record, recommendation, named_member
):
    services.post_comment(
        author=named_member, consultation=record, text="Zostaje", language="pl"
    )
    services.record_stance(named_member, recommendation, "support", "", "pl")

    get_user_model().objects.filter(pk=named_member.pk).delete()

    comment = Comment.objects.get()
    assert comment.author is None and comment.text == "Zostaje"
    assert recommendation.stances.count() == 1
    html = client.get(consultation_page.url)
    assert html.status_code == 302  # team-only; check as an editor below


def test_a_member_changes_their_display_name_on_the_account_page(
    client, named_member, other_member
):
    MemberProfile.objects.create(user=other_member, display_name="Irys")
    client.force_login(named_member)

    taken = client.post("/pl/accounts/display-name/", {"display_name": "irys"})
    changed = client.post("/pl/accounts/display-name/", {"display_name": "Kalyna 2"})

    assert taken.status_code == 400
    assert changed.status_code == 302
    named_member.member_profile.refresh_from_db()
    assert named_member.member_profile.display_name == "Kalyna 2"
    assert "Kalyna 2" in client.get("/pl/accounts/").content.decode()


def test_a_comment_sent_twice_is_stored_once(client, consultation_page, named_member):
    client.force_login(named_member)

    first = post_comment(client, consultation_page, text="Dwa kliknięcia")
    again = post_comment(client, consultation_page, text="Dwa kliknięcia")
    other = post_comment(client, consultation_page, text="Inny komentarz")

    comment = Comment.objects.get(text="Dwa kliknięcia")
    assert first["Location"] == again["Location"]
    assert first["Location"].endswith(f"#comment-{comment.pk}")
    assert Comment.objects.count() == 2
    assert other.status_code == 302


def test_the_same_words_later_or_elsewhere_are_a_new_comment(
    client, consultation_page, record, recommendation, named_member
):
    client.force_login(named_member)
    post_comment(client, consultation_page, text="Zgadzam się")
    post_comment(
        client, consultation_page, text="Zgadzam się", recommendation=recommendation.pk
    )

    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        post_comment(client, consultation_page, text="Zgadzam się")

    assert Comment.objects.filter(text="Zgadzam się").count() == 3
