"""Create wagtail-localize translations in code, as a translator would in its editor.

Used by the demo content, and by tests that need a synced translation.
"""

from wagtail.models import DraftStateMixin
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, locale, strings, user=None):
    """Translate a page or snippet into ``locale`` with ``strings``, a mapping from
    each source string (as wagtail-localize segments it) to its translation, and
    publish the result. Returns the translated instance.
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        if text not in strings:
            raise KeyError(f"No {locale.language_code} translation of {text!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    # save_target(publish=True) defers publishing to the end of the transaction and
    # then saves the page as it was in memory: a parent translated in the same
    # transaction as its children gets its numchild reset to 0 and its children
    # vanish from routing. Publish the saved revision here instead, freshly loaded.
    # Snippets without drafts are simply saved (wagtail-localize refuses to save
    # them "unpublished").
    translation.save_target(
        user=user, publish=not isinstance(instance, DraftStateMixin)
    )
    target = instance.get_translation(locale)
    if isinstance(target, DraftStateMixin):
        type(target).objects.get(pk=target.pk).latest_revision.publish(user=user)
        target.refresh_from_db()
    return target
