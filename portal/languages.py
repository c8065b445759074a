"""What to show when something has no version in the reader's language.

One rule for pages, snippets and links: the reader's language's version, else the
default language's (the source editors write first), and whatever is shown in
another language says so: ``lang`` on the element and a short note or tag in the
reader's own language (templates/components/language_tag.html,
language_note.html).
"""

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
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
