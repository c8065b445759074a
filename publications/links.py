"""A publication's links to the consultations and recommendations it led to, as a
reader sees them: only those the reader may read (the consultation module's
``viewable`` rule: a team-only consultation is not named to anyone else), each in
the reader's language where it is translated, else marked with its language.
"""

from collections import defaultdict

from consultations.access import viewable
from consultations.models import (
    Consultation,
    ConsultationPage,
    Recommendation,
    RecommendationVersion,
)
from portal.languages import choose_versions


def consultation_pages(records, language):
    """{consultation key: the live page of it to link, in the reader's language
    where there is one, with ``fallback_language``}: one query."""
    pages = (
        ConsultationPage.objects.live()
        .filter(translation_key__in=[record.key for record in records])
        .select_related("locale")
    )
    return choose_versions(pages, language)


def consultations_for(consultation_ids, user, language):
    """The pages of the linked consultations this reader may read."""
    records = list(
        Consultation.objects.filter(viewable(user), pk__in=consultation_ids).order_by(
            "-opens_at"
        )
    )
    pages = consultation_pages(records, language)
    return [pages[record.key] for record in records if record.key in pages]


def recommendations_for(recommendation_ids, user, language):
    """The linked recommendations this reader may read, each with ``title`` (a
    version of its wording: the latest in the reader's language, else the latest
    in the consultation's), ``fallback_language`` and ``page``, the consultation
    page to open it on. Three queries."""
    recommendations = list(
        Recommendation.objects.filter(
            viewable(user, "consultation__"), pk__in=recommendation_ids
        )
        .select_related("consultation__source_locale")
        .order_by("consultation__opens_at", "consultation", "number")
    )
    if not recommendations:
        return []
    pages = consultation_pages({r.consultation for r in recommendations}, language)
    wordings = defaultdict(dict)
    for version in RecommendationVersion.objects.filter(
        recommendation__in=recommendations
    ).select_related("locale"):
        # Ordered by draft version: the latest of each language wins.
        wordings[version.recommendation_id][version.locale.language_code] = version
    shown = []
    for recommendation in recommendations:
        page = pages.get(recommendation.consultation.key)
        source = recommendation.consultation.source_locale.language_code
        versions = wordings[recommendation.pk]
        wording = versions.get(language) or versions.get(source)
        if page is None or wording is None:
            continue
        recommendation.page = page
        recommendation.title = wording.title
        code = wording.locale.language_code
        recommendation.fallback_language = None if code == language else code
        shown.append(recommendation)
    return shown
