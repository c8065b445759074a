import pytest

from consultations import services

pytestmark = pytest.mark.django_db


def test_the_admin_dashboard_shows_participation_and_waiting_work(
    client, record, recommendation, member, other_member, editor
):
    services.record_stance(member, recommendation, "support", "", "pl")
    comment = services.post_comment(
        author=member, consultation=record, text="x y", language="pl"
    )
    services.report_comment(comment, other_member, "spam", "")
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert record.title in html
    assert "1 / 2" in html  # one of the two team members responded
    assert "consultation-overview" in html
