"""Create wagtail-localize translations in code, as a translator would in its editor.

Used by the demo content, and by tests that need a synced translation.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
    get_schema_version,
)


def translate(instance, locale, strings, user=None):
    """Translate a page or snippet into ``locale`` with ``strings``, a mapping from
    each source string (as wagtail-localize segments it) to its translation, and
    publish the result. Returns the translated instance.
    """
    # As stored: a page just published in memory still reads as unpublished, and
    # its strings would be extracted again for the next language (_is_current).
    stored = type(instance)._default_manager.get(pk=instance.pk)
    source, created = TranslationSource.get_or_create_from_instance(stored)
    if not created and not _is_current(source, stored):
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
    # A snippet without drafts can only be saved "published", which for it is a
    # plain save.
    has_drafts = isinstance(instance, DraftStateMixin)
    translation.save_target(user=user, publish=not has_drafts)
    target = instance.get_translation(locale)
    if has_drafts:
        type(target).objects.get(pk=target.pk).latest_revision.publish(user=user)
        target.refresh_from_db()
    return target


def _is_current(source, instance):
    """Whether ``source`` holds ``instance`` (as stored) as it is now, as when the
    instance was just translated into another language: extracting its strings
    again (what ``update_from_db`` does) is most of what a translation costs."""
    if isinstance(instance, ClusterableModel):
        content = instance.to_json()
    else:
        content = json.dumps(
            get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder
        )
    return content == source.content_json and source.schema_version == (
        get_schema_version(instance._meta.app_label)
    )
