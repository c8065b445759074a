"""What to show when something has no version in the reader's language.

One rule for pages, snippets and links: the reader's language's version, else the
default language's (the source editors write first), and whatever is shown in
another language says so: ``lang`` on the element and a short note or tag in the
reader's own language (templates/components/language_tag.html,
language_note.html).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

# Each phrase is whole, so that translators can decline the language's name
# ("польською", "по-польски") as their grammar needs.
IN_LANGUAGE = {
    "pl": _("in Polish"),
    "uk": _("in Ukrainian"),
    "en": _("in English"),
    "ru": _("in Russian"),
}
AVAILABLE_IN_LANGUAGE = {
    "pl": _("available in Polish"),
    "uk": _("available in Ukrainian"),
    "en": _("available in English"),
    "ru": _("available in Russian"),
}


def in_language_or_default(queryset, language_code):
    """The items of a translatable queryset in this language, and, for those not
    translated into it, in the default language: one item per translation key,
    in one query."""
    default = settings.LANGUAGE_CODE
    if language_code == default:
        return queryset.filter(locale__language_code=default)
    translated = queryset.filter(locale__language_code=language_code).values(
        "translation_key"
    )
    return queryset.filter(
        Q(locale__language_code=language_code)
        | Q(locale__language_code=default) & ~Q(translation_key__in=translated)
    )


def by_translation_key(items, language_code):
    """Items by translation key, this language's where there are two."""
    chosen = {}
    for item in items:
        if (
            item.translation_key not in chosen
            or item.locale.language_code == language_code
        ):
            chosen[item.translation_key] = item
    return chosen


def locale_codes(request=None):
    """Language code by locale id, looked up once per request."""
    codes = getattr(request, "_portal_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._portal_locale_codes = codes
    return codes


def language_of(item, request=None):
    """The language code of a page or snippet, without a query when its locale (or
    the request's table of locales) is at hand already."""
    if item is None:
        return None
    if item._meta.get_field("locale").is_cached(item):
        return item.locale.language_code
    return locale_codes(request).get(item.locale_id)


def other_language(item, request=None, language_code=None):
    """The item's language if it is not the reader's, else None."""
    code = language_of(item, request)
    return code if code and code != (language_code or get_language()) else None


def language_tag_html(language_code):
    """The small visible tag a link into another language carries."""
    return render_to_string(
        "components/language_tag.html", {"language_code": language_code}
    )


# --- Translatable models: which row a reader is shown -------------------------------


@dataclass
class Shown:
    """A text to show, with the language it falls back to if it is not the
    reader's (as ``choose_versions`` marks instances)."""

    text: str
    fallback_language: str | None = None

    def __str__(self):
        return self.text


def reader_language(language=None):
    """The content language to show: the one given, else the active one."""
    return get_supported_content_language_variant(language or get_language())


def choose_versions(versions, language=None, mark=True):
    """{translation_key: the version to show} from instances in any languages (their
    ``locale`` fetched with them). Unless ``mark`` is false, each chosen instance
    gets ``fallback_language``: its language code when it is not the reader's, else
    None."""
    language = reader_language(language)
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)

    def rank(version):
        code = version.locale.language_code
        return (code != language, code != default, version.pk or 0)

    by_key = defaultdict(list)
    for version in versions:
        by_key[version.translation_key].append(version)
    chosen = {}
    for key, candidates in by_key.items():
        version = min(candidates, key=rank)
        if mark:
            code = version.locale.language_code
            version.fallback_language = None if code == language else code
        chosen[key] = version
    return chosen


def localized(queryset, language=None):
    """``choose_versions`` over a queryset that holds every language's rows."""
    return choose_versions(queryset.select_related("locale"), language)


def localized_by_pk(model, pks, language=None):
    """{pk: the version to show} for some rows of a translatable model, e.g. the
    snippets foreign keys point at, in one query."""
    pks = {pk for pk in pks if pk is not None}
    if not pks:
        return {}
    versions = list(
        model.objects.filter(
            translation_key__in=model.objects.filter(pk__in=pks).values(
                "translation_key"
            )
        ).select_related("locale")
    )
    chosen = choose_versions(versions, language)
    return {
        version.pk: chosen[version.translation_key]
        for version in versions
        if version.pk in pks
    }


def localize(instance, language=None):
    """One instance's version to show (None stays None)."""
    if instance is None:
        return None
    return localized_by_pk(type(instance), [instance.pk], language)[instance.pk]


def available_in(language_code):
    """The note beside a text shown in another language, in the reader's language."""
    return AVAILABLE_IN_LANGUAGE.get(language_code) or _(
        "available in %(language)s"
    ) % {"language": language_code}
