import pytest

from consultations import services
from consultations.models import Comment, CommentReport, MemberProfile
from tests.consultations.conftest import route

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(record, member):
    MemberProfile.objects.create(user=member, display_name="Lipa")
    return services.post_comment(
        author=member, consultation=record, text="Komentarz do oceny", language="pl"
    )


def test_a_member_reports_a_comment(client, consultation_page, comment, other_member):
    client.force_login(other_member)

    form = client.get(route(consultation_page, "report_comment", comment.pk))
    response = client.post(
        route(consultation_page, "report_comment", comment.pk),
        {"reason": "offensive", "details": "Obraża innych"},
    )

    assert form.status_code == 200
    assert response.status_code == 302
    report = CommentReport.objects.get()
    assert (report.comment, report.reporter, report.reason) == (
        comment,
        other_member,
        "offensive",
    )


def test_a_report_needs_a_reason(client, consultation_page, comment, other_member):
    client.force_login(other_member)

    response = client.post(
        route(consultation_page, "report_comment", comment.pk), {"reason": "x"}
    )

    assert response.status_code == 400
    assert not CommentReport.objects.exists()


def test_reporting_twice_keeps_one_report(
    client, consultation_page, comment, other_member
):
    client.force_login(other_member)
    url = route(consultation_page, "report_comment", comment.pk)
    client.post(url, {"reason": "spam"})

    client.post(url, {"reason": "offensive"})

    assert CommentReport.objects.get().reason == "offensive"


def test_members_cannot_report_their_own_comment(
    client, consultation_page, comment, member
):
    client.force_login(member)

    response = client.post(
        route(consultation_page, "report_comment", comment.pk), {"reason": "spam"}
    )

    assert response.status_code == 403


def test_reported_comments_head_the_moderation_queue(
    client, comment, record, other_member, editor
):
    services.post_comment(
        author=other_member, consultation=record, text="Spokojny", language="pl"
    )
    services.report_comment(comment, other_member, "offensive", "")
    client.force_login(editor)

    response = client.get("/admin/consultations/moderation/")

    assert response.status_code == 200
    assert [c.pk for c in response.context["comments"]] == [comment.pk]
    everything = client.get("/admin/consultations/moderation/?show=all")
    assert len(everything.context["comments"]) == 2


def test_hiding_keeps_the_comment_and_tells_its_author_why(
    client, consultation_page, comment, member, other_member, editor
):
    services.report_comment(comment, other_member, "offensive", "")
    client.force_login(editor)
    url = f"/admin/consultations/moderation/{comment.pk}/"

    refused = client.post(url, {"action": "hide", "reason": ""})
    hidden = client.post(url, {"action": "hide", "reason": "Narusza zasady dyskusji"})

    assert refused.status_code == 400
    assert hidden.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at and comment.hidden_by == editor
    assert comment.text == "Komentarz do oceny"
    assert not CommentReport.objects.filter(resolved_at=None).exists()

    client.force_login(member)
    author_view = client.get(consultation_page.url).content.decode()
    client.force_login(other_member)
    others_view = client.get(consultation_page.url).content.decode()
    assert (
        "Narusza zasady dyskusji" in author_view and "Komentarz do oceny" in author_view
    )
    assert "Komentarz do oceny" not in others_view
    assert "Ten komentarz został ukryty przez moderatorów." in others_view


def test_editors_reply_as_the_organisation_with_a_badge(
    client, consultation_page, comment, editor, member
):
    client.force_login(editor)

    client.post(
        f"/admin/consultations/moderation/{comment.pk}/",
        {"action": "reply", "text": "Dziękujemy za uwagę.", "language": "pl"},
    )

    reply = Comment.objects.get(parent=comment)
    assert reply.is_official and reply.author == editor
    client.force_login(member)
    html = client.get(consultation_page.url).content.decode()
    assert "Zespół Głosu Migrantów" in html and "badge--official" in html
    assert editor.username not in html


def test_members_cannot_open_the_moderation_queue(client, comment, member):
    client.force_login(member)

    response = client.get(f"/admin/consultations/moderation/{comment.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
