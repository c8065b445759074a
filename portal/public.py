"""Which pages everyone may see."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def restricted():
    """True for a page that a view restriction covers (on the page or an
    ancestor), as an expression of the page's query."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(pages):
    """These pages less those a view restriction covers (on the page or an
    ancestor): what Wagtail's ``PageQuerySet.public()`` gives, in the same query.
    Wagtail's first reads every restriction with its page, then names each one's
    path in the query; with a few dozen team-only pages that cost a query and a
    few milliseconds wherever a menu or a list was built."""
    return pages.exclude(restricted())


def shown_in_language(page_ids, language_code):
    """{chosen page id: the page to show for it, or None}: the chosen page's
    version in this language, else the page itself, if that one is live and
    public; all in one query. What a featured card shows: never the title of a
    page restricted to a group, a login or a password."""
    page_ids = {pk for pk in page_ids if pk}
    if not page_ids:
        return {}
    candidates = list(
        Page.objects.filter(
            Q(pk__in=page_ids)
            | Q(
                translation_key__in=Page.objects.filter(pk__in=page_ids).values(
                    "translation_key"
                ),
                locale__language_code=language_code,
            )
        )
        .annotate(is_restricted=restricted())
        .select_related("locale")
    )
    in_language = {
        page.translation_key: page
        for page in candidates
        if page.locale.language_code == language_code
    }
    shown = {}
    for page in candidates:
        if page.pk in page_ids:
            target = in_language.get(page.translation_key, page)
            shown[page.pk] = (
                target if target.live and not target.is_restricted else None
            )
    return shown
