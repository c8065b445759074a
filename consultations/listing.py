"""Consultations as lists, for the consultations index and the home page: those a
reader may read (asked of ``consultations.access``), each in the reader's
language when it has it, else in the language their account names, else in its
original one."""

from collections import defaultdict

from django.utils import timezone

from consultations.access import viewable
from consultations.models import Consultation, ConsultationPage
from consultations.models.records import Phase, Visibility


def entries(user, pages, language, now=None):
    """One entry per consultation among ``pages`` (any languages) ``user`` may
    read: its page to show, its record, phase and the languages it has."""
    versions = _versions(pages)
    records = Consultation.objects.filter(
        viewable(user), key__in=list(versions)
    ).select_related("source_locale")
    return _entries(user, records, versions, language, now)


def _versions(pages):
    """{translation key: {language code: live page}}"""
    by_key = defaultdict(dict)
    for page in pages.live().select_related("locale"):
        by_key[page.translation_key][page.locale.language_code] = page
    return by_key


def _entries(user, records, versions, language, now=None):
    now = now or timezone.now()
    wanted = [language, account_language(user)]
    found = []
    for record in records:
        pages = versions.get(record.key)
        if not pages:  # not live in any language
            continue
        code = next(
            (c for c in wanted if c in pages), record.source_locale.language_code
        )
        page = pages.get(code) or next(iter(pages.values()))
        found.append(
            {
                "page": page,
                "record": record,
                "phase": record.phase(now),
                "languages": sorted(pages),
                "in_other_language": page.locale.language_code != language,
                "team_only": record.visibility != Visibility.PUBLIC,
            }
        )
    return found


def under(index_page, user):
    """Every consultation under this index, in any of its languages, latest first."""
    pages = ConsultationPage.objects.none()
    for each in index_page.get_translations(inclusive=True):
        pages |= ConsultationPage.objects.child_of(each)
    found = entries(user, pages, index_page.locale.language_code)
    return sorted(found, key=lambda entry: entry["record"].opens_at, reverse=True)


def current(user, language, limit=3, now=None):
    """The open consultations (closing soonest first), then the upcoming ones
    (opening soonest first): what the home page says is going on."""
    now = now or timezone.now()
    # The records this reader may read first, and the pages of those only: when
    # none is open or upcoming for them, as for most visitors most of the time,
    # no page is read.
    records = list(
        Consultation.objects.filter(viewable(user), closes_at__gt=now).select_related(
            "source_locale"
        )
    )
    if not records:
        return []
    pages = ConsultationPage.objects.filter(
        translation_key__in=[record.key for record in records]
    )
    found = _entries(user, records, _versions(pages), language, now)

    def order(entry):
        record = entry["record"]
        if entry["phase"] == Phase.OPEN:
            return (0, record.closes_at)
        return (1, record.opens_at)

    return sorted(found, key=order)[:limit]


def account_language(user):
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    return profile.language if profile else None
