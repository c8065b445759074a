"""Results, the report for the authority and its exports hold what the database
holds, computed independently here."""

import csv
import io
from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from consultations import services
from consultations.models import CommentTranslation, MemberProfile, Stance
from consultations.models.records import ReportNames, Visibility
from tests.consultations.conftest import make_consultation, route
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

# (member index, recommendation number, choice, reason)
STANCES = [
    (0, 1, "support", ""),
    (1, 1, "support_with_changes", "Dodać język białoruski"),
    (2, 1, "oppose", "Za drogie"),
    (3, 1, "support", ""),
    (0, 2, "oppose", "Nie tędy droga"),
    (1, 2, "oppose", ""),
    (2, 2, "abstain", ""),
    (0, 3, "support", ""),
]


@pytest.fixture
def people(db):
    members = [MemberFactory() for _ in range(5)]
    for number, member in enumerate(members):
        MemberProfile.objects.create(user=member, display_name=f"Pseudonim {number}")
    return members


@pytest.fixture
def public_page(index_page):
    page = make_consultation(
        index_page, visibility=Visibility.PUBLIC, opens=-3, closes=-1
    )
    page.results_published = True
    page.save_revision().publish()
    return page


@pytest.fixture
def filled(public_page, people):
    record = public_page.record
    numbers = {r.number: r for r in record.recommendations.all()}
    with time_machine.travel(timezone.now() - timedelta(days=2)):
        for member, number, choice, reason in STANCES:
            services.record_stance(
                people[member], numbers[number], choice, reason, "pl"
            )
        first = services.post_comment(
            author=people[0],
            consultation=record,
            recommendation=numbers[1],
            text="Tłumacz także nocą",
            language="pl",
        )
        services.post_comment(
            author=people[1],
            consultation=record,
            parent=first,
            text="Так, і вночі",
            language="uk",
        )
        withdrawn = services.post_comment(
            author=people[2],
            consultation=record,
            recommendation=numbers[2],
            text="Wycofane zdanie",
            language="pl",
        )
        services.withdraw_comment(withdrawn)
    return record


def expected_counts(record):
    counts = Counter((number, choice) for _m, number, choice, _r in STANCES)
    return {
        r.number: {
            choice: counts[(r.number, choice)]
            for choice, _ in Stance._meta.get_field("choice").choices
        }
        for r in record.recommendations.all()
    }


def test_results_page_shows_the_numbers_the_database_holds(client, public_page, filled):
    response = client.get(route(public_page, "results"))

    assert response.status_code == 200
    expected = expected_counts(filled)
    for row in response.context["rows"]:
        assert {choice: count for choice, _l, count, _s in row.rows} == expected[
            row.number
        ]
        assert row.total == sum(expected[row.number].values())
    first = next(r for r in response.context["rows"] if r.number == 1)
    assert first.comment_count == 2  # a comment and its reply
    second = next(r for r in response.context["rows"] if r.number == 2)
    assert second.comment_count == 0  # the withdrawn one does not count
    team_on_first = {m for m, number, _c, _r in STANCES if number == 1}
    assert (first.responded, first.team_size) == (len(team_on_first), 5)
    # Each figure stands on its own line, so it starts as a sentence does.
    assert (
        f"Stanowisko zajęło {first.responded} z 5 osób z zespołu"
        in response.content.decode()
    )


def test_results_sort_by_support_and_by_disagreement(client, public_page, filled):
    by_support = client.get(route(public_page, "results") + "?sort=support")
    by_disagreement = client.get(route(public_page, "results") + "?sort=disagreement")

    assert [r.number for r in by_support.context["rows"]] == [3, 1, 2]
    assert [r.number for r in by_disagreement.context["rows"]] == [2, 1, 3]


def test_results_are_hidden_until_the_rules_allow(client, index_page, member, outsider):
    page = make_consultation(index_page)  # team only, open, no live results
    url = route(page, "results")
    client.force_login(member)
    while_open = client.get(url)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        after_close = client.get(url)
    client.force_login(outsider)
    outsider_view = client.get(url)

    assert while_open.status_code == 403
    assert after_close.status_code == 200
    assert outsider_view.status_code == 403


def test_live_results_when_the_consultation_allows_them(client, index_page, member):
    page = make_consultation(index_page)
    page.live_results = True
    page.save_revision().publish()
    client.force_login(member)

    assert client.get(route(page, "results")).status_code == 200


def test_the_public_sees_results_only_once_published(client, index_page):
    page = make_consultation(
        index_page, visibility=Visibility.PUBLIC, opens=-3, closes=-1
    )

    before = client.get(route(page, "results"))
    page.results_published = True
    page.save_revision().publish()
    after = client.get(route(page, "results"))

    assert before.status_code == 302  # anonymous: log in first
    assert after.status_code == 200


def test_report_has_every_recommendation_reason_and_comment(
    client, public_page, filled
):
    html = client.get(route(public_page, "report")).content.decode()

    for recommendation in filled.recommendations.all():
        assert f"Rekomendacja {recommendation.number}:" in html
    assert "Dodać język białoruski" in html and "Za drogie" in html
    assert "Pseudonim 0" in html and "Tłumacz także nocą" in html
    assert "Так, і вночі" in html
    assert "Wycofane zdanie" not in html


def test_anonymised_report_names_nobody(client, public_page, filled):
    page = public_page.get_latest_revision_as_object()
    page.report_names = ReportNames.ANONYMISED
    page.save_revision().publish()

    html = client.get(route(public_page, "report")).content.decode()

    assert "Pseudonim" not in html
    assert "Uczestnik 1" in html and "Uczestnik 2" in html


def test_report_shows_only_checked_translations_beside_the_original(
    client, public_page, filled, editor
):
    reply = filled.comments.get(language="uk")
    services.save_translation(reply, editor, "Tak, i w nocy", checked=False)
    unchecked = client.get(route(public_page, "report")).content.decode()
    services.save_translation(reply, editor, "Tak, i w nocy", checked=True)
    checked = client.get(route(public_page, "report")).content.decode()

    assert "Tak, i w nocy" not in unchecked
    assert '<div lang="uk" dir="ltr">Так, і вночі</div>' in checked
    assert "Tak, i w nocy" in checked
    assert CommentTranslation.objects.get().checked_by == editor


def test_report_in_another_language_on_request(client, public_page, filled):
    html = client.get(route(public_page, "report") + "?language=uk").content.decode()

    assert "Рекомендація 1:" in html


def test_csv_has_one_row_per_comment_with_polish_and_cyrillic_intact(
    client, public_page, filled
):
    response = client.get(route(public_page, "report_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert len(header) == 11 and header[0] == "Rekomendacja"
    assert len(body) == filled.comments.count() == 3
    texts = {row[9] for row in body}
    assert {"Tłumacz także nocą", "Так, і вночі", ""} == texts  # withdrawn: no text
    assert {row[4] for row in body} >= {"Pseudonim 0", "Pseudonim 1"}


def test_xlsx_has_a_summary_a_sheet_per_recommendation_and_the_comments(
    client, public_page, filled
):
    response = client.get(route(public_page, "report_xlsx"))

    workbook = load_workbook(io.BytesIO(response.content))
    recommendations = list(filled.recommendations.all())
    assert len(workbook.sheetnames) == 1 + len(recommendations) + 1
    summary = list(workbook.worksheets[0].iter_rows(values_only=True))
    expected = expected_counts(filled)
    for row in summary[1:]:
        assert list(row[2:6]) == list(expected[row[0]].values())
    comments = list(workbook.worksheets[-1].iter_rows(values_only=True))
    assert len(comments) == 1 + 3
    assert "Так, і вночі" in [row[9] for row in comments]


@pytest.mark.parametrize("which", ["report", "report_csv", "report_xlsx"])
def test_only_editors_download_the_report_of_a_team_consultation(
    client, consultation_page, member, editor, which
):
    url = route(consultation_page, which)
    client.force_login(member)
    refused = client.get(url)
    client.force_login(editor)
    allowed = client.get(url)

    assert refused.status_code == 403
    assert allowed.status_code == 200


def test_editors_download_from_the_admin_even_after_the_page_is_gone(
    client, public_page, filled, editor, member
):
    public_page.delete()
    client.force_login(member)
    refused = client.get(f"/admin/consultations/outcomes/{filled.pk}/report/csv/")
    client.force_login(editor)
    csv_file = client.get(f"/admin/consultations/outcomes/{filled.pk}/report/csv/")
    html = client.get(f"/admin/consultations/outcomes/{filled.pk}/report/?language=uk")

    assert refused.status_code in (302, 403)
    assert (
        csv_file.status_code == 200
        and "Tłumacz także nocą" in csv_file.content.decode()
    )
    assert html.status_code == 200 and "Рекомендація 1:" in html.content.decode()
