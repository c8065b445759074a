"""Consultations and security: what may be cached, what the audit log holds, and
that everything people write is shown escaped."""

import logging

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from consultations import audit, services
from consultations.models import CommentReport, MemberProfile
from consultations.models.records import Visibility
from portal.groups import CULTURAL_ASSISTANTS
from tests.consultations.conftest import make_consultation, route
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x"


def assert_escaped(response):
    html = response.content.decode()
    assert SCRIPT not in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert ESCAPED in html


def never_stored(response):
    return "no-store" in response.get("Cache-Control", "") and "private" in (
        response.get("Cache-Control", "")
    )


@pytest.fixture
def public_page(index_page):
    page = make_consultation(index_page, visibility=Visibility.PUBLIC)
    page.results_published = True
    page.live_results = True
    page.save_revision().publish()
    return page


@pytest.fixture
def comment(record, member):
    return services.post_comment(
        author=member,
        consultation=record,
        text="Tekst, którego nie ma w logach",
        language="pl",
    )


# --- Caching ---------------------------------------------------------------------


def test_a_team_only_consultation_is_never_stored(client, consultation_page, member):
    client.force_login(member)

    overview = client.get(consultation_page.url)
    detail = client.get(
        route(consultation_page, "recommendation", consultation_page.record.pk)
    )

    assert overview.status_code == 200
    assert never_stored(overview)
    assert never_stored(detail)


def test_anonymous_visitors_sent_to_log_in_get_an_uncached_redirect(
    client, consultation_page
):
    response = client.get(consultation_page.url)

    assert response.status_code == 302
    assert never_stored(response)


def test_a_public_consultation_is_never_stored_even_for_anonymous_visitors(
    client, public_page
):
    """New stances and comments publish no page: a stored copy would go stale."""
    overview = client.get(public_page.url)
    results = client.get(route(public_page, "results"))

    assert overview.status_code == results.status_code == 200
    assert never_stored(overview)
    assert never_stored(results)


def test_a_member_sees_their_own_stance_on_a_public_consultation_uncached(
    client, public_page, member
):
    recommendation = public_page.record.recommendations.get(number=1)
    services.record_stance(member, recommendation, "support", "", "pl")
    client.force_login(member)

    overview = client.get(public_page.url)
    detail = client.get(route(public_page, "recommendation", recommendation.pk))
    results = client.get(route(public_page, "results"))

    assert never_stored(overview)
    assert never_stored(detail)
    assert never_stored(results)


@pytest.mark.parametrize("name", ["report", "report_csv", "report_xlsx"])
def test_report_downloads_are_never_stored(client, consultation_page, editor, name):
    client.force_login(editor)

    response = client.get(route(consultation_page, name))

    assert response.status_code == 200
    assert never_stored(response)


def test_admin_report_downloads_are_never_stored(client, record, editor):
    client.force_login(editor)

    response = client.get(f"/admin/consultations/outcomes/{record.pk}/report/csv/")

    assert response.status_code == 200
    assert never_stored(response)


# --- The audit log ----------------------------------------------------------------


def moderate(client, comment, **data):
    return client.post(f"/admin/consultations/moderation/{comment.pk}/", data)


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action))


def test_hiding_and_showing_a_comment_are_in_the_audit_log(client, editor, comment):
    client.force_login(editor)

    moderate(client, comment, action="hide", reason="Obraźliwe")
    moderate(client, comment, action="unhide")

    (hidden,) = entries(audit.HIDE)
    (shown,) = entries(audit.UNHIDE)
    assert hidden.user == shown.user == editor
    assert hidden.object_id == str(comment.consultation_id)
    assert hidden.data["comment"] == comment.pk
    assert hidden.label == f"#{comment.pk}"
    assert comment.text not in str(hidden.label) + str(hidden.data)


def test_dismissing_reports_and_replying_are_in_the_audit_log(
    client, editor, comment, other_member
):
    services.report_comment(comment, other_member, "spam", "")
    client.force_login(editor)

    moderate(client, comment, action="dismiss")
    moderate(client, comment, action="reply", text="Dziękujemy", language="pl")

    assert [e.user for e in entries(audit.DISMISS_REPORTS)] == [editor]
    (reply,) = entries(audit.REPLY)
    assert (reply.user, reply.data["comment"]) == (editor, comment.pk)
    assert "Dziękujemy" not in str(reply.label) + str(reply.data)


def test_report_downloads_on_the_site_and_in_the_admin_are_in_the_audit_log(
    client, consultation_page, record, editor
):
    client.force_login(editor)

    client.get(route(consultation_page, "report_csv") + "?language=uk")
    client.get(f"/admin/consultations/outcomes/{record.pk}/report/xlsx/")

    downloads = sorted(entries(audit.REPORT_DOWNLOAD), key=lambda e: e.pk)
    assert [(e.user, e.data) for e in downloads] == [
        (editor, {"format": "csv", "language": "uk"}),
        (editor, {"format": "xlsx", "language": "pl"}),
    ]
    assert {e.object_id for e in downloads} == {str(record.pk)}


def test_a_refused_download_is_not_logged_as_a_download(
    client, consultation_page, member
):
    client.force_login(member)

    response = client.get(route(consultation_page, "report_csv"))

    assert response.status_code == 403
    assert entries(audit.REPORT_DOWNLOAD) == []


def test_editors_read_moderation_and_downloads_in_site_history(
    client, editor, comment, consultation_page
):
    client.force_login(editor)
    moderate(client, comment, action="hide", reason="Spam")
    client.get(route(consultation_page, "report_csv"))

    hides = client.get(f"/admin/reports/site-history/?action={audit.HIDE}")
    downloads = client.get(
        f"/admin/reports/site-history/?action={audit.REPORT_DOWNLOAD}"
    )

    assert hides.status_code == downloads.status_code == 200
    assert "Komentarz ukryty" in hides.content.decode()  # Comment hidden
    assert f"#{comment.pk}" in hides.content.decode()
    assert "Pobrano raport" in downloads.content.decode()  # Report downloaded
    assert consultation_page.record.title in downloads.content.decode()


def test_members_cannot_read_the_audit_log(client, member):
    client.force_login(member)

    response = client.get("/admin/reports/site-history/")

    assert response.status_code == 302


def test_moderation_writes_no_comment_text_or_address_to_any_log(
    client, editor, comment, caplog
):
    caplog.set_level(logging.DEBUG)
    client.force_login(editor)

    moderate(client, comment, action="hide", reason="Powód")
    moderate(client, comment, action="unhide")

    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert comment.text not in everything
    assert comment.author.email not in everything
    assert editor.email not in everything


# --- Escaping ---------------------------------------------------------------------


def test_comment_text_and_display_name_are_escaped_on_the_page(
    client, public_page, member
):
    MemberProfile.objects.create(user=member, display_name=SCRIPT[:40])
    services.post_comment(
        author=member, consultation=public_page.record, text=SCRIPT, language="pl"
    )

    response = client.get(public_page.url)

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert_escaped(response)


def test_hide_reason_is_escaped_for_the_author(client, consultation_page, comment):
    services.hide_comment(comment, None, SCRIPT)
    client.force_login(comment.author)

    response = client.get(consultation_page.url)

    assert_escaped(response)


def test_comment_report_and_hide_reason_are_escaped_for_moderators(
    client, editor, comment, other_member
):
    comment.text = SCRIPT
    comment.save()
    services.report_comment(comment, other_member, "other", SCRIPT)
    services.hide_comment(comment, editor, SCRIPT)
    client.force_login(editor)

    queue = client.get("/admin/consultations/moderation/?show=hidden")
    detail = client.get(f"/admin/consultations/moderation/{comment.pk}/")

    assert CommentReport.objects.get().details == SCRIPT
    assert "<script>alert" not in queue.content.decode()
    assert_escaped(detail)


def test_stance_reasons_and_comments_are_escaped_in_results_and_report(
    client, public_page, member, editor
):
    recommendation = public_page.record.recommendations.get(number=1)
    services.record_stance(member, recommendation, "oppose", SCRIPT, "pl")
    services.post_comment(
        author=member,
        consultation=public_page.record,
        recommendation=recommendation,
        text=SCRIPT,
        language="pl",
    )
    client.force_login(editor)

    assert_escaped(client.get(route(public_page, "report")))
    assert (
        "<script>alert"
        not in client.get(route(public_page, "results")).content.decode()
    )


def test_cultural_assistants_do_not_read_the_moderation_log(
    client, editor, comment, consultation_page
):
    assistant = UserFactory(username="asystentka")
    assistant.groups.add(Group.objects.get(name=CULTURAL_ASSISTANTS))
    client.force_login(editor)
    moderate(client, comment, action="hide", reason="Spam")
    client.get(route(consultation_page, "report_csv"))
    client.force_login(assistant)

    history = client.get("/admin/reports/site-history/")

    html = history.content.decode()
    assert history.status_code == 200
    assert "Komentarz ukryty" not in html and f"#{comment.pk}" not in html
    assert "Pobrano raport" not in html
