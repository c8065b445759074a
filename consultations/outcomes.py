"""Views of what came out of a consultation: results, the report for the authority
(HTML, CSV, XLSX) and the public implementation tracker."""

import csv
import io
from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from consultations import audit, rules
from consultations.models import (
    Institution,
    PolicyArea,
    RecommendationVersion,
    TrackerEntry,
)
from consultations.models.records import Visibility
from consultations.models.tracker import ImplementationStatus
from consultations.results import (
    SORTS,
    author_names,
    consultation_results,
    poll_results,
)
from consultations.views import Refusal, _record_for, refusals

# --- Results ------------------------------------------------------------------------


@refusals
def results(request, page):
    record = _record_for(request, page)
    if not rules.can_see_results(request.user, record):
        raise Refusal(_("The results of this consultation are not published yet."))
    sort = request.GET.get("sort", "number")
    if sort not in SORTS:
        sort = "number"
    rows, _general = consultation_results(record, page.locale, sort=sort)
    polls = poll_results(record)
    # Poll wording in the reader's language comes from this language's page.
    items = list(page.polls.all())
    questions = {item.translation_key: item.question for item in items}
    choices = {block.id: block.value for item in items for block in item.choices}
    for poll in polls:
        poll.question.display_text = questions.get(
            poll.question.key, poll.question.question_text
        )
        for choice, _count, _share in poll.choices:
            choice.display_text = choices.get(str(choice.key), choice.choice_text)
    return TemplateResponse(
        request,
        "consultations/results.html",
        {
            "page": page,
            "record": record,
            "phase": record.phase(),
            "rows": rows,
            "polls": polls,
            "sort": sort,
            "can_download": rules.can_download_report(request.user, record),
        },
    )


# --- The report for the authority ---------------------------------------------------


def report_locale(request, default):
    """The report is in the page's language, or in ?language=xx if asked."""
    code = request.GET.get("language")
    if code in dict(settings.LANGUAGES):
        return Locale.objects.get(language_code=code)
    return default


def report_context(record, locale):
    rows, general = consultation_results(record, locale, with_words=True)
    everyone = [c for row in rows for c in row.comments] + general
    return {
        "record": record,
        "rows": rows,
        "general_comments": general,
        "names": author_names(record, everyone),
        "polls": poll_results(record),
        "generated_at": timezone.now(),
        "report_language": locale.language_code,
    }


def _require_report(request, record, kind, locale):
    if not rules.can_download_report(request.user, record):
        raise Refusal(_("Only the organisation's editors can download this report."))
    audit.log_report_download(record, request.user, kind, locale.language_code)


@refusals
def report(request, page):
    record = _record_for(request, page)
    locale = report_locale(request, page.locale)
    _require_report(request, record, "html", locale)
    with translation.override(locale.language_code):
        context = {**report_context(record, locale), "page": page}
        response = TemplateResponse(request, "consultations/report.html", context)
        response.render()
    return response


@refusals
def report_csv(request, page):
    record = _record_for(request, page)
    locale = report_locale(request, page.locale)
    _require_report(request, record, "csv", locale)
    return csv_response(record, locale)


@refusals
def report_xlsx(request, page):
    record = _record_for(request, page)
    locale = report_locale(request, page.locale)
    _require_report(request, record, "xlsx", locale)
    return xlsx_response(record, locale)


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
        *[label for _choice, label in _stance_labels()],
        _("Stances"),
        _("Responded (of the team)"),
        _("Comments"),
        _("The authority's response"),
    ]


def _stance_labels():
    from consultations.models.participation import StanceChoice

    return StanceChoice.choices


def summary_rows(context):
    return [
        [
            result.number,
            result.wording.title if result.wording else "",
            *[count for _choice, _label, count, _share in result.rows],
            result.total,
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


def csv_response(record, locale):
    with translation.override(locale.language_code):
        context = report_context(record, locale)
        buffer = io.StringIO()
        # The byte order mark tells spreadsheet programs the file is UTF-8, so
        # Polish and Cyrillic letters open intact.
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(comment_header())
        writer.writerows(comment_rows(context))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(record, "csv")}"'
    )
    return response


def add(sheet, row):
    """Append a row; lazy translations become plain text for openpyxl."""
    sheet.append(
        [value if isinstance(value, (int, float)) else str(value) for value in row]
    )


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
            sheet = workbook.create_sheet(
                _("Recommendation %(number)s")[:25] % {"number": result.number}
            )
            add(sheet, [_("Title"), result.wording.title if result.wording else ""])
            add(sheet, [_("Text"), result.wording.text if result.wording else ""])
            add(
                sheet,
                [
                    _("Draft version"),
                    result.wording.draft_version if result.wording else "",
                ],
            )
            add(sheet, [])
            add(sheet, [_("Stance"), _("Number"), _("Share")])
            for _choice, label, count, share in result.rows:
                add(sheet, [label, count, round(share, 3)])
            add(sheet, [])
            add(sheet, [_("Reasons given")])
            for stance in result.reasons:
                add(sheet, [stance.get_choice_display(), stance.reason])
            if result.response and result.response.is_published:
                add(sheet, [])
                add(
                    sheet,
                    [
                        _("The organisation's position"),
                        result.response.organisation_position,
                    ],
                )
                add(
                    sheet,
                    [
                        _("The authority's response"),
                        result.response.get_outcome_display(),
                    ],
                )
                add(
                    sheet,
                    [
                        _("The authority's reasoning"),
                        result.response.authority_reasoning,
                    ],
                )
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
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(record, "xlsx")}"'
    )
    return response


# --- The implementation tracker ------------------------------------------------------


def _localized_names(model, locale):
    """{translation_key: name in this language (or the original)} for a snippet."""
    names = {}
    for item in model.objects.filter(
        locale__in={locale.pk, Locale.get_default().pk}
    ).order_by("locale_id"):
        if item.locale_id == locale.pk or item.translation_key not in names:
            names[item.translation_key] = item.name
    return names


def tracker_context(request):
    locale = Locale.get_active()
    areas = _localized_names(PolicyArea, locale)
    institutions = _localized_names(Institution, locale)
    entries = TrackerEntry.objects.select_related(
        "area", "institution"
    ).prefetch_related("updates")
    area_key = request.GET.get("area") or ""
    institution_key = request.GET.get("institution") or ""
    if area_key in {str(k) for k in areas}:
        entries = entries.filter(area__translation_key=area_key)
    if institution_key in {str(k) for k in institutions}:
        entries = entries.filter(institution__translation_key=institution_key)
    entries = list(entries)
    # A recommendation from a public consultation is named in the reader's
    # language. A team-only consultation's wording stays with the team: the entry
    # shows the title the editor gave it.
    titles = dict(
        RecommendationVersion.objects.filter(
            recommendation__tracker_entry__in=entries,
            recommendation__consultation__visibility=Visibility.PUBLIC,
            locale=locale,
        )
        .order_by("draft_version")
        .values_list("recommendation__tracker_entry", "title")
    )
    for entry in entries:
        entry.display_title = titles.get(entry.pk, entry.title)

    per_area = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        current = entry.current
        status = current.status if current else ImplementationStatus.NOT_STARTED
        key = entry.area.translation_key if entry.area else None
        per_area[key][status] += 1
    progress = [
        {
            "name": areas.get(key, _("Other")),
            "total": sum(statuses.values()),
            "implemented": statuses[ImplementationStatus.IMPLEMENTED],
            "in_progress": statuses[ImplementationStatus.IN_PROGRESS],
            "statuses": [
                (status, label, statuses[status])
                for status, label in ImplementationStatus.choices
            ],
        }
        for key, statuses in per_area.items()
    ]
    progress.sort(key=lambda row: row["name"])
    return {
        "entries": [
            {
                "entry": entry,
                "current": entry.current,
                "area": areas.get(entry.area.translation_key) if entry.area else "",
                "institution": institutions.get(entry.institution.translation_key)
                if entry.institution
                else "",
            }
            for entry in entries
        ],
        "progress": progress,
        "areas": sorted(areas.items(), key=lambda kv: kv[1]),
        "institutions": sorted(institutions.items(), key=lambda kv: kv[1]),
        "area_key": area_key,
        "institution_key": institution_key,
        "statuses": ImplementationStatus.choices,
    }
