"""The other end of a publication's links: "from the publication …" on the pages of
the consultations and recommendations it led to.

    {% load publication_tags %}{% source_publications consultation=record %}
"""

from django import template
from django.db.models import Q

from portal.languages import choose_versions, reader_language
from publications.models import PublicationPage

register = template.Library()


def publications_citing(consultation=None, recommendation=None, language=None):
    """The live, public publications that led to this consultation (or to one of
    its recommendations) or to this recommendation, in the reader's language
    where translated, newest first: one query when there are none, three when
    there are (``public()`` reads the view restrictions)."""
    links = Q(pk__in=[])
    if consultation is not None:
        links |= Q(consultation_links__consultation=consultation) | Q(
            recommendation_links__recommendation__consultation=consultation
        )
    if recommendation is not None:
        links |= Q(recommendation_links__recommendation=recommendation)
    keys = set(
        PublicationPage.objects.filter(links).values_list("translation_key", flat=True)
    )
    if not keys:
        return []
    versions = (
        PublicationPage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
    )
    chosen = choose_versions(versions, reader_language(language))
    return sorted(
        chosen.values(), key=lambda page: (page.publication_date, page.pk), reverse=True
    )


@register.inclusion_tag(
    "publications/includes/source_publications.html", takes_context=True
)
def source_publications(context, consultation=None, recommendation=None):
    return {
        "request": context.get("request"),
        "publications": publications_citing(consultation, recommendation),
    }
