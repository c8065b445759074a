"""Which language's version of a translatable thing a reader is shown.

Snippets and other ``TranslatableMixin`` models have one row per language, sharing a
``translation_key``. A reader gets the version in their language; where there is
none yet, the default language's (the one editors write in), else whichever exists.
A version shown in another language than the reader's is marked, so templates can
put ``lang`` on it and say so (``consultations/templatetags/language_fallback.py``).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant

AVAILABLE_IN = {
    "pl": _("available in Polish"),
    "uk": _("available in Ukrainian"),
    "en": _("available in English"),
    "ru": _("available in Russian"),
}


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
    return AVAILABLE_IN.get(language_code) or _("available in %(language)s") % {
        "language": language_code
    }
