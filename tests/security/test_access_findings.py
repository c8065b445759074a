"""The attack list of the access-policy review: each finding, tried as an attacker
would, with a test that failed before its fix.

1. A hidden comment shown to everyone once its author deleted their account
   (here: ``test_a_hidden_comment_stays_hidden_after_its_author_leaves``).
2. Cultural assistants reading and translating any comment by its id
   (here: ``test_an_assistant_reaches_only_the_comments_in_the_queue``).
3. Formula injection in the CSV and XLSX reports
   (here: ``test_report_cells_never_become_formulas``).
4. Members impersonating the organisation by display name
   (tests/consultations/test_display_names.py).
5. The "my data" export missing edit history and filed reports
   (tests/consultations/test_own_data.py).
6. The page cache storing a copy per query string (tests/portal/test_page_cache.py).
7. Legal-advice requests readable by every editor (tests/counselling/).
8. A publish in one process unseen by another without Redis
   (tests/portal/test_scale_out.py and tests/portal/test_settings.py).
"""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from consultations import services
from consultations.models import CommentTranslation, MemberProfile
from consultations.models.records import Visibility
from portal.groups import CULTURAL_ASSISTANTS
from tests.consultations.conftest import make_consultation, route
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("http://example.invalid","Kliknij")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def public_page(index_page):
    return make_consultation(index_page, visibility=Visibility.PUBLIC)


def test_a_hidden_comment_stays_hidden_after_its_author_leaves(
    client, public_page, member, editor
):
    comment = services.post_comment(
        author=member,
        consultation=public_page.record,
        text="Tekst ukryty przez moderację",
        language="pl",
    )
    services.hide_comment(comment, editor, "Powód znany tylko autorowi")
    member.delete()

    page = client.get(public_page.url).content.decode()

    assert "Tekst ukryty przez moderację" not in page
    assert "Powód znany tylko autorowi" not in page


@pytest.fixture
def assistant(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=CULTURAL_ASSISTANTS))
    return user


def test_an_assistant_reaches_only_the_comments_in_the_queue(
    client, public_page, record, member, editor, assistant
):
    def comment(consultation, text, language="uk"):
        return services.post_comment(
            author=member, consultation=consultation, text=text, language=language
        )

    in_queue = comment(public_page.record, "Коментар для перекладу")
    hidden = comment(public_page.record, "Прихований коментар")
    services.hide_comment(hidden, editor, "Образливий")
    withdrawn = comment(public_page.record, "Відкликаний коментар")
    services.withdraw_comment(withdrawn)
    team_only = comment(record, "Коментар лише для команди")
    client.force_login(assistant)

    queue = client.get("/admin/consultations/translations/").content.decode()
    opened = {
        c: client.get(f"/admin/consultations/translations/{c.pk}/")
        for c in (in_queue, hidden, withdrawn, team_only)
    }
    saved = {
        c: client.post(
            f"/admin/consultations/translations/{c.pk}/",
            {"text": "Przetłumaczone", "checked": "on"},
        )
        for c in (hidden, withdrawn, team_only)
    }

    assert "Коментар для перекладу" in queue
    assert opened[in_queue].status_code == 200
    for refused in (hidden, withdrawn, team_only):
        # The admin's refusal: back to the dashboard, with a message.
        assert (opened[refused].status_code, opened[refused]["Location"]) == (
            302,
            "/admin/",
        )
        assert saved[refused].status_code == 302
    assert "Прихований" not in queue and "лише для команди" not in queue
    assert not CommentTranslation.objects.exists()


def test_report_cells_never_become_formulas(client, index_page, member, editor):
    page = make_consultation(index_page, visibility=Visibility.PUBLIC)
    record = page.record
    record.results_published = True
    record.save()
    recommendation = record.recommendations.get(number=1)
    MemberProfile.objects.create(user=member, display_name="=CMD|' /C calc'!A0")
    services.record_stance(
        member, recommendation, "support_with_changes", FORMULAS[0], "pl"
    )
    for text in FORMULAS:
        services.post_comment(
            author=member,
            consultation=record,
            recommendation=recommendation,
            text=text,
            language="pl",
        )

    csv_text = client.get(route(page, "report_csv")).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get(route(page, "report_xlsx")).content))

    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]
    assert cells, "the CSV has rows"
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    for text in FORMULAS:
        assert "'" + text in cells
    written = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert not [cell for cell in written if cell.data_type == "f"]
    # XML reads a carriage return back as a line feed.
    values = {
        cell.value.replace("\n", "\r") for cell in written if cell.data_type == "s"
    }
    assert set(FORMULAS) <= values
    assert "=CMD|' /C calc'!A0" in values
