"""Which pages everyone may see."""

from functools import lru_cache

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Locale, Page, PageViewRestriction

from portal.queries import CompiledRead


def view_restrictions_of(page):
    """The view restrictions on a page and its ancestors, as Wagtail's
    ``page.get_view_restrictions()`` finds them (an alias's are its original's),
    in one query instead of two: the ancestors' paths are read off the page's."""
    paths = [
        page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
    ]
    checked = (
        Page.objects.filter(path__in=paths)
        .annotate(checked=Coalesce("alias_of_id", "id"))
        .values("checked")
    )
    return PageViewRestriction.objects.filter(page_id__in=checked)


def under_view_restrictions():
    """True for a page that ``view_restrictions_of`` would find restrictions for,
    as an expression of the page's own query: so a page read to be served knows
    it is public without a query of its restrictions."""
    on_the_way = Page.objects.filter(
        path=Substr(OuterRef(OuterRef("path")), 1, Length("path"))
    ).annotate(checked=Coalesce("alias_of_id", "id"))
    return Exists(
        PageViewRestriction.objects.filter(page_id__in=on_the_way.values("checked"))
    )


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


def with_translations(page_ids, language_code):
    """{chosen page id: (the chosen page, its version in this language or None)}
    in one query, whatever their state; each page carries ``is_restricted``."""
    page_ids = sorted({pk for pk in page_ids if pk})
    if not page_ids:
        return {}
    candidates = list(
        _with_translations_read(len(page_ids)).queryset(language_code, *page_ids)
    )
    in_language = {
        page.translation_key: page
        for page in candidates
        if page.locale.language_code == language_code
    }
    return {
        page.pk: (page, in_language.get(page.translation_key))
        for page in candidates
        if page.pk in page_ids
    }


@lru_cache(maxsize=64)
def _with_translations_read(count):
    """``with_translations``'s query for so many pages, its SQL built once (for
    the counts lists and menus have: kept for 64 of them)."""
    return CompiledRead(
        lambda language_code, *page_ids: (
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
        ),
        fields=[Locale._meta.get_field("language_code"), *[Page._meta.pk] * count],
        stand_ins=["xx", *range(1, count + 1)],
    )


def is_shown(page):
    """Live and under no view restriction (a page from ``with_translations``)."""
    return page is not None and page.live and not page.is_restricted


def shown(chosen, translation):
    """The page a featured card shows for a chosen page and its version in the
    reader's language (from ``with_translations``): that version, else the page
    itself, if live and public; else None."""
    target = translation or chosen
    return target if is_shown(target) else None
