"""The other end of a publication's links: "from the publication …" on the pages of
the consultations and recommendations it led to.

    {% load publication_tags %}{% source_publications consultation=record %}
"""

from collections import defaultdict
from functools import cache

from django import template
from django.db.models import Q

from consultations.models import Consultation
from portal.languages import choose_versions, reader_language
from portal.public import public
from portal.queries import CompiledRead
from publications.models import PublicationPage, PublicationRecommendation

register = template.Library()


def publications_citing(consultation=None, recommendation=None, language=None):
    """The live, public publications that led to this consultation (or to one of
    its recommendations) or to this recommendation, in the reader's language
    where translated, newest first: one query when there are none, three when
    there are (``public()`` reads the view restrictions)."""
    if consultation is not None and recommendation is None:
        # A consultation page's, on each of its views: the SQL built once.
        if _pk(consultation) is None:
            return []
        keys = set(_citing_consultation_read().rows(_pk(consultation)))
    else:
        keys = set(
            PublicationPage.objects.filter(
                _links(consultation, recommendation)
            ).values_list("translation_key", flat=True)
        )
    return _newest_first(_shown(keys, language).values())


def _links(consultation, recommendation):
    links = Q(pk__in=[])
    if consultation is not None:
        links |= Q(consultation_links__consultation=consultation) | Q(
            recommendation_links__recommendation__consultation=consultation
        )
    if recommendation is not None:
        links |= Q(recommendation_links__recommendation=recommendation)
    return links


def _pk(instance_or_pk):
    return getattr(instance_or_pk, "pk", instance_or_pk)


@cache
def _citing_consultation_read():
    return CompiledRead(
        lambda consultation_id: PublicationPage.objects.filter(
            _links(consultation_id, None)
        ).values_list("translation_key", flat=True),
        fields=[Consultation._meta.pk],
        stand_ins=[1],
    )


def _shown(keys, language=None):
    """{translation key: the live, public publication to show}."""
    if not keys:
        return {}
    versions = (
        public(PublicationPage.objects.live())
        .filter(translation_key__in=keys)
        .select_related("locale")
    )
    return choose_versions(versions, reader_language(language))


def _newest_first(pages):
    return sorted(
        pages, key=lambda page: (page.publication_date, page.pk), reverse=True
    )


@register.simple_tag
def with_source_publications(rows):
    """The implementation tracker's rows, each given ``publications``: those that
    led to its recommendation. One query, three when there are any.

        {% with_source_publications entries as entries %}
    """
    keys_by_recommendation = defaultdict(set)
    for recommendation_id, key in PublicationRecommendation.objects.filter(
        recommendation__in={row["entry"].recommendation_id for row in rows} - {None}
    ).values_list("recommendation", "page__translation_key"):
        keys_by_recommendation[recommendation_id].add(key)
    shown = _shown(set().union(*keys_by_recommendation.values()))
    for row in rows:
        keys = keys_by_recommendation.get(row["entry"].recommendation_id, ())
        row["publications"] = _newest_first(shown[k] for k in keys if k in shown)
    return rows


@register.inclusion_tag(
    "publications/includes/source_publications.html", takes_context=True
)
def source_publications(context, consultation=None, recommendation=None):
    return {
        "request": context.get("request"),
        "publications": publications_citing(consultation, recommendation),
    }
