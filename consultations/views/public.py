"""What everyone a consultation is open to may read of it: the list of
consultations, the results, the report for the authority and the public
implementation tracker. Each asks ``consultations.access``."""

from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils.translation import pgettext

from consultations import listing, reports
from consultations.access import ConsultationAccess, viewable
from consultations.models import (
    ImplementationUpdate,
    Institution,
    InstitutionIndexPage,
    PolicyArea,
    RecommendationVersion,
    TrackerEntry,
)
from consultations.models.tracker import ImplementationStatus
from consultations.results import (
    SORTS,
    consultation_results,
    poll_results,
    polls_in_language,
)
from consultations.views.refusals import refusals
from portal.cache import query_read
from portal.languages import Shown, localized, reader_language

# --- The list of consultations -------------------------------------------------------


def index(request, index_page):
    """Every consultation under this index that this visitor may read, each in
    the reader's language when it has it, with the languages it is available in."""
    entries = listing.under(index_page, request.user)
    return index_page.render(request, context_overrides={"consultations": entries})


# --- Results ------------------------------------------------------------------------


@refusals
def results(request, page):
    access = ConsultationAccess.for_page(request, page)
    access.require("see_results")
    record = access.consultation
    sort = request.GET.get("sort", "number")
    if sort not in SORTS:
        sort = "number"
    rows, _general = consultation_results(record, page.locale, sort=sort)
    polls = poll_results(record)
    polls_in_language(polls, record, page.locale)
    return TemplateResponse(
        request,
        "consultations/results.html",
        {
            "page": page,
            "record": record,
            "access": access,
            "phase": access.phase,
            "rows": rows,
            "polls": polls,
            "sort": sort,
        },
    )


# --- The report for the authority ---------------------------------------------------


@refusals
def report(request, page, kind):
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    return reports.download(request, access.consultation, kind, page.locale, page)


# --- The implementation tracker ------------------------------------------------------


def tracker(request, tracker_page):
    context = tracker_context(request)
    # Each institution named links to its page on the partner institutions page.
    index_page = InstitutionIndexPage.for_language(reader_language())
    if index_page is not None:
        context["institution_index"] = index_page
        for row in context["entries"]:
            if row["institution"] is not None:
                row["institution_url"] = index_page.institution_url(
                    row["institution"], request
                )
    return tracker_page.render(request, context_overrides=context)


def tracker_context(request):
    language = reader_language()
    areas = localized(PolicyArea.objects.all(), language)
    institutions = localized(Institution.objects.all(), language)
    versions = TrackerEntry.objects.select_related(
        "locale", "area", "institution"
    ).prefetch_related(
        Prefetch("updates", ImplementationUpdate.objects.select_related("locale"))
    )
    area_key = request.GET.get("area") or ""
    institution_key = request.GET.get("institution") or ""
    # A filter left at "all" sends an empty value; anything else unknown is
    # ignored, and then the page is not kept under that address.
    if area_key in {str(k) for k in areas}:
        versions = versions.filter(area__translation_key=area_key)
        query_read(request, "area")
    elif area_key == "":
        query_read(request, "area")
    if institution_key in {str(k) for k in institutions}:
        versions = versions.filter(institution__translation_key=institution_key)
        query_read(request, "institution")
    elif institution_key == "":
        query_read(request, "institution")
    entries = TrackerEntry.for_reader(versions, language)
    # A recommendation from a public consultation is named in the reader's
    # language. A team-only consultation's wording stays with the team: the entry
    # shows the title the editor gave it.
    titles = dict(
        RecommendationVersion.objects.filter(
            viewable(AnonymousUser(), "recommendation__consultation__"),
            recommendation__in=[e.recommendation_id for e in entries],
            locale__language_code=language,
        )
        .order_by("draft_version")
        .values_list("recommendation", "title")
    )
    for entry in entries:
        if entry.fallback_language and entry.recommendation_id in titles:
            entry.display_title = Shown(titles[entry.recommendation_id])
        else:
            entry.display_title = Shown(entry.title, entry.fallback_language)

    def shown(snippets, related):
        return snippets.get(related.translation_key) if related else None

    per_area = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        status = (
            entry.latest.status if entry.latest else ImplementationStatus.NOT_STARTED
        )
        per_area[shown(areas, entry.area)][status] += 1
    progress = [
        {
            "name": area.name if area else pgettext("policy area", "Other"),
            "area": area,
            "total": sum(statuses.values()),
            "implemented": statuses[ImplementationStatus.IMPLEMENTED],
            "in_progress": statuses[ImplementationStatus.IN_PROGRESS],
            "statuses": [
                (status, label, statuses[status])
                for status, label in ImplementationStatus.choices
            ],
        }
        for area, statuses in per_area.items()
    ]
    progress.sort(key=lambda row: str(row["name"]))
    return {
        "entries": [
            {
                "entry": entry,
                "current": entry.latest,
                "area": shown(areas, entry.area),
                "institution": shown(institutions, entry.institution),
            }
            for entry in entries
        ],
        "progress": progress,
        "areas": sorted(areas.items(), key=lambda kv: kv[1].name),
        "institutions": sorted(institutions.items(), key=lambda kv: kv[1].name),
        "area_key": area_key,
        "institution_key": institution_key,
        "statuses": ImplementationStatus.choices,
    }
