"""Which pages everyone may see."""

from functools import lru_cache

from django.db.models import CharField, Exists, Func, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from django.db.models.lookups import GreaterThan
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


# A page's ancestors are the pages whose paths begin its own, one step (four
# characters) at a time: to this depth they are named, so the database finds
# each by the path's index; a deeper page (none in the portal's tree) is
# compared with every restricted page's path as well.
NAMED_ANCESTORS = 8


class AncestorPaths(Func):
    """The paths of the pages on the way to a page, itself included (its own
    path repeats past its depth), to ``NAMED_ANCESTORS`` levels: an SQL list
    for ``__in``. Written out here rather than as eight ``Substr`` expressions,
    which Django took longer to compile than the rest of a list's query."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        path_sql, params = compiler.compile(self.source_expressions[0])
        ends = range(Page.steplen, Page.steplen * NAMED_ANCESTORS + 1, Page.steplen)
        parts = ", ".join(f"SUBSTR({path_sql}, 1, {end})" for end in ends)
        return f"({parts})", tuple(params) * len(ends)


def _below_named(depth):
    return GreaterThan(depth, NAMED_ANCESTORS)


def under_view_restrictions():
    """True for a page that ``view_restrictions_of`` would find restrictions for,
    as an expression of the page's own query: so a page read to be served knows
    it is public without a query of its restrictions."""

    def restrictions(pages):
        checked = pages.annotate(checked=Coalesce("alias_of_id", "id"))
        return Exists(
            PageViewRestriction.objects.filter(page_id__in=checked.values("checked"))
        )

    path, depth = OuterRef(OuterRef("path")), OuterRef(OuterRef("depth"))
    near = Page.objects.filter(path__in=AncestorPaths(path))
    deep = Page.objects.filter(
        _below_named(depth), path=Substr(path, 1, Length("path"))
    )
    return restrictions(near) | restrictions(deep)


def restricted():
    """True for a page that a view restriction covers (on the page or an
    ancestor), as an expression of the page's query."""
    path, depth = OuterRef("path"), OuterRef("depth")
    near = PageViewRestriction.objects.filter(page__path__in=AncestorPaths(path))
    deep = PageViewRestriction.objects.filter(
        _below_named(depth), page__path=Substr(path, 1, Length("page__path"))
    )
    return Exists(near) | Exists(deep)


def public(pages):
    """These pages less those a view restriction covers (on the page or an
    ancestor): what Wagtail's ``PageQuerySet.public()`` gives, in the same query.
    Wagtail's first reads every restriction with its page, then names each one's
    path in the query; with a few dozen team-only pages that cost a query and a
    few milliseconds wherever a menu or a list was built."""
    return pages.exclude(restricted())


def with_translations(page_ids, language_code, only=()):
    """{chosen page id: (the chosen page, its version in this language or None)}
    in one query, whatever their state; each page carries ``is_restricted``.
    ``only`` names the fields the caller reads, where it reads few: a page row
    has thirty columns, six of them times."""
    page_ids = sorted({pk for pk in page_ids if pk})
    if not page_ids:
        return {}
    read = _with_translations_read(len(page_ids), tuple(only))
    candidates = list(read.queryset(language_code, *page_ids))
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
def _with_translations_read(count, only):
    """``with_translations``'s query for so many pages, its SQL built once (for
    the counts lists and menus have: kept for 64 of them)."""
    pages = Page.objects.all()
    if only:
        pages = pages.only(*only, "translation_key", "locale__language_code")
    return CompiledRead(
        # Every version of the chosen pages (found by the translation key's
        # index), of those the chosen ones and the ones in this language.
        lambda language_code, *page_ids: (
            pages.filter(
                Q(
                    translation_key__in=Page.objects.filter(pk__in=page_ids).values(
                        "translation_key"
                    )
                )
                & (Q(pk__in=page_ids) | Q(locale__language_code=language_code))
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
