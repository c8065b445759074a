"""The partner institutions: a list, and a page per institution with the
cultural assistants who work with it and the recommendations addressed to it,
with their progress. What a visitor may read of the consultations is asked of
``consultations.access``."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404

from consultations.access import viewable
from consultations.models import (
    ConsultationPage,
    ImplementationUpdate,
    Institution,
    PageRecommendation,
    Recommendation,
    RecommendationVersion,
    TrackerEntry,
)
from portal.languages import Shown, choose_versions, localized, reader_language


def institution_index(request, index_page):
    """Every institution, in the reader's language, by city and name."""
    language = reader_language()
    institutions = sorted(
        localized(Institution.objects.all(), language).values(),
        key=lambda institution: (institution.city, institution.name.lower()),
    )
    for institution in institutions:
        institution.page_url = index_page.institution_url(institution, request)
    return index_page.render(request, context_overrides={"institutions": institutions})


def institution(request, index_page, slug):
    language = reader_language()
    versions = list(Institution.objects.filter(slug=slug).select_related("locale"))
    if not versions:
        raise Http404
    # Every language's copy shares the slug, and only they do.
    key = min(versions, key=lambda version: version.pk).translation_key
    shown = choose_versions(
        [version for version in versions if version.translation_key == key], language
    )[key]
    assistants = assistant_model().working_with(key, language)
    return index_page.render(
        request,
        template="consultations/institution.html",
        context_overrides={
            "institution": shown,
            "assistants": assistants,
            "recommendations": recommendations_for(request, key, language),
        },
    )


def assistant_model():
    """The cultural assistants (the clubs app's model, which links to
    institutions): found through that link, so this app does not import it."""
    return Institution._meta.get_field("cultural_assistants").related_model


def recommendations_for(request, key, language):
    """What is addressed to the institution, as rows for the page: the tracked
    recommendations that name it, and the recommendations of consultations
    addressed to it that nobody tracks yet. A recommendation of a consultation
    this visitor may not read is left out (the "view" rule's query)."""
    readable = Recommendation.objects.filter(viewable(request.user, "consultation__"))

    tracked = TrackerEntry.objects.filter(institution__translation_key=key)
    tracked = tracked.filter(
        Q(recommendation=None) | Q(recommendation__in=readable.values("pk"))
    )
    entries = TrackerEntry.for_reader(
        tracked.select_related("locale").prefetch_related(
            Prefetch("updates", ImplementationUpdate.objects.select_related("locale"))
        ),
        language,
    )
    addressed = PageRecommendation.objects.filter(
        institution__translation_key=key, page__live=True
    ).values("translation_key")
    tracked_ids = {entry.recommendation_id for entry in entries}
    records = {
        record.pk: record
        for record in readable.filter(
            # A recommendation removed from the draft stays if it is tracked.
            Q(pk__in=tracked_ids) | Q(key__in=addressed, archived_at=None)
        ).select_related("consultation__source_locale")
    }
    titles = _titles(records.values(), language)
    links = _links(request, records.values(), language)

    rows = [
        {
            "title": (
                titles[entry.recommendation_id]
                if entry.fallback_language and entry.recommendation_id in titles
                else Shown(entry.title, entry.fallback_language)
            ),
            "source": entry.source,
            "entry": entry,
            "current": entry.latest,
            "url": links.get(entry.recommendation_id),
        }
        for entry in entries
    ]
    rows += [
        {
            "title": titles.get(record.pk) or Shown(str(record.number)),
            "source": "",
            "entry": None,
            "current": None,
            "url": links.get(record.pk),
        }
        for record in records.values()
        if record.pk not in tracked_ids
    ]
    rows.sort(key=lambda row: str(row["title"]).lower())
    return rows


def _titles(records, language):
    """{recommendation pk: its latest title in the reader's language, else in
    the consultation's own}."""
    by_pk = {record.pk: record for record in records}
    titles = {}
    for version in (
        RecommendationVersion.objects.filter(recommendation__in=list(by_pk))
        .select_related("locale")
        .order_by("draft_version")
    ):
        record = by_pk[version.recommendation_id]
        if version.locale_id == record.consultation.source_locale_id:
            titles.setdefault(record.pk, {})["source"] = version
        if version.locale.language_code == language:
            titles.setdefault(record.pk, {})["reader"] = version
    shown = {}
    for pk, found in titles.items():
        if "reader" in found:
            shown[pk] = Shown(found["reader"].title)
        elif "source" in found:
            code = by_pk[pk].consultation.source_locale.language_code
            shown[pk] = Shown(found["source"].title, code)
    return shown


def _links(request, records, language):
    """{recommendation pk: the address of its page in the reader's language,
    else in the consultation's own}."""
    keys = {record.consultation.key for record in records}
    if not keys:
        return {}
    pages = {}
    for page in (
        ConsultationPage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
    ):
        pages.setdefault(page.translation_key, {})[page.locale.language_code] = page
    links = {}
    for record in records:
        versions = pages.get(record.consultation.key, {})
        page = (
            versions.get(language)
            or versions.get(record.consultation.source_locale.language_code)
            or versions.get(settings.LANGUAGE_CODE)
        )
        if page is not None:
            links[record.pk] = page.get_url(request) + page.reverse_subpage(
                "recommendation", args=[record.pk]
            )
    return links
