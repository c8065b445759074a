"""The report for the authority: one consultation's results, stances' reasons and
comments, as an HTML page, a CSV file or an XLSX workbook. ``download`` is the one
way to get one, from the site and from the admin alike: it asks the policy, logs
the download and builds the file.

People's words go into spreadsheet cells. Text that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is read as a formula by Excel and
LibreOffice (OWASP: "CSV injection"), and the authority opens these files: such
cells are neutralised in CSV and written as text in XLSX.
"""

import csv
import io

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from consultations import audit
from consultations.access import ConsultationAccess
from consultations.models.participation import StanceChoice
from consultations.results import (
    author_names,
    consultation_results,
    poll_results,
    polls_in_language,
)

KINDS = ("html", "csv", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def report_locale(request, default):
    """The report is in the page's language, or in ?language=xx if asked."""
    code = request.GET.get("language")
    if code in dict(settings.LANGUAGES):
        return Locale.objects.get(language_code=code)
    return default


def download(request, record, kind, default_locale, page=None):
    """The report in one format, for whoever the policy lets download it."""
    access = ConsultationAccess(request.user, record)
    access.require("download")
    locale = report_locale(request, default_locale)
    audit.log_report_download(record, request.user, kind, locale.language_code)
    if kind == "html":
        return html_response(request, record, locale, page)
    if kind == "csv":
        return csv_response(record, locale)
    return xlsx_response(record, locale)


def report_context(record, locale):
    rows, general = consultation_results(record, locale, with_words=True)
    everyone = [c for row in rows for c in row.comments] + general
    polls = poll_results(record)
    texts = polls_in_language(polls, record, locale)
    return {
        "record": record,
        "title": texts.title(record),
        "rows": rows,
        "general_comments": general,
        "names": author_names(record, everyone),
        "polls": polls,
        "generated_at": timezone.now(),
        "report_language": locale.language_code,
    }


def html_response(request, record, locale, page=None):
    with translation.override(locale.language_code):
        context = {**report_context(record, locale), "page": page}
        response = TemplateResponse(request, "consultations/report.html", context)
        response.render()
    return response


def comment_rows(context):
    """One row per comment, with the report's columns."""
    names = context["names"]
    rows = []
    for result in [*context["rows"], None]:
        comments = result.comments if result else context["general_comments"]
        for comment in comments:
            shown = comment.withdrawn_at is None and comment.hidden_at is None
            translated = getattr(comment, "translation", None)
            checked = translated is not None and translated.is_checked
            rows.append(
                [
                    result.number if result else "",
                    result.wording.title if result and result.wording else "",
                    comment.pk,
                    comment.parent_id or "",
                    names[comment.pk],
                    comment.language,
                    comment.draft_version,
                    timezone.localtime(comment.created_at).strftime("%Y-%m-%d %H:%M"),
                    _comment_state(comment),
                    comment.text if shown else "",
                    translated.text if shown and checked else "",
                ]
            )
    return rows


def _comment_state(comment):
    if comment.withdrawn_at:
        return _("withdrawn")
    if comment.hidden_at:
        return _("hidden")
    return _("visible")


def comment_header():
    return [
        _("Recommendation"),
        _("Title"),
        _("Comment"),
        _("In reply to"),
        _("Author"),
        _("Language"),
        _("Draft version"),
        _("Written"),
        _("State"),
        _("Text"),
        _("Checked Polish translation"),
    ]


def summary_header():
    return [
        _("Recommendation"),
        _("Title"),
        *[label for _choice, label in StanceChoice.choices],
        _("Stances"),
        _("On the current wording"),
        _("On an earlier wording"),
        _("Responded (of the team)"),
        _("Comments"),
        _("The authority's response"),
    ]


def summary_rows(context):
    return [
        [
            result.number,
            result.wording.title if result.wording else "",
            *[count for _choice, _label, count, _share in result.rows],
            result.total,
            result.on_current,
            result.on_earlier,
            f"{result.responded}/{result.team_size}",
            result.comment_count,
            result.response.get_outcome_display()
            if result.response and result.response.is_published
            else "",
        ]
        for result in context["rows"]
    ]


def _filename(record, extension):
    return f"{slugify(record.title)[:60] or 'consultation'}-report.{extension}"


def _attachment(response, record, extension):
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(record, extension)}"'
    )
    return response


# --- CSV -----------------------------------------------------------------------------


def csv_cell(value):
    """A value as a CSV cell that no spreadsheet reads as a formula: text that
    starts like one is prefixed with an apostrophe, which spreadsheets show as
    text and do not evaluate."""
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(record, locale):
    with translation.override(locale.language_code):
        context = report_context(record, locale)
        buffer = io.StringIO()
        # The byte order mark tells spreadsheet programs the file is UTF-8, so
        # Polish and Cyrillic letters open intact.
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        for row in [comment_header(), *comment_rows(context)]:
            writer.writerow([csv_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, record, "csv")


# --- XLSX ----------------------------------------------------------------------------


def add(sheet, row):
    """Append a row. Numbers stay numbers; everything else (lazy translations
    too) is written as text, never as a formula: openpyxl makes any string that
    starts with "=" a formula unless the cell's type says text."""
    from openpyxl.cell import Cell

    cells = []
    for value in row:
        cell = Cell(
            sheet, value=value if isinstance(value, (int, float)) else str(value)
        )
        if cell.data_type == "f":
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)


def xlsx_response(record, locale):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with translation.override(locale.language_code):
        context = report_context(record, locale)
        workbook = Workbook()
        summary = workbook.active
        summary.title = _("Summary")[:31]
        add(summary, summary_header())
        for row in summary_rows(context):
            add(summary, row)
        for result in context["rows"]:
            _recommendation_sheet(workbook, result)
        comments = workbook.create_sheet(_("Comments")[:31])
        add(comments, comment_header())
        for row in comment_rows(context):
            add(comments, row)
        for sheet in workbook.worksheets:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _attachment(response, record, "xlsx")


def _recommendation_sheet(workbook, result):
    sheet = workbook.create_sheet(
        _("Recommendation %(number)s")[:25] % {"number": result.number}
    )
    wording = result.wording
    add(sheet, [_("Title"), wording.title if wording else ""])
    add(sheet, [_("Text"), wording.text if wording else ""])
    add(sheet, [_("Draft version"), wording.draft_version if wording else ""])
    add(sheet, [])
    add(sheet, [_("Stance"), _("Number"), _("Share")])
    for _choice, label, count, share in result.rows:
        add(sheet, [label, count, round(share, 3)])
    add(sheet, [])
    add(sheet, [_("Reasons given"), "", _("Checked Polish translation")])
    for stance in result.reasons:
        translation = getattr(stance, "translation", None)
        checked = translation and translation.is_checked and translation.is_current
        add(
            sheet,
            [
                stance.get_choice_display(),
                stance.reason,
                translation.text if checked else "",
            ],
        )
    response = result.response
    if response and response.is_published:
        add(sheet, [])
        add(sheet, [_("The organisation's position"), response.organisation_position])
        add(sheet, [_("The authority's response"), response.get_outcome_display()])
        add(sheet, [_("The authority's reasoning"), response.authority_reasoning])
