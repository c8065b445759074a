"""Responses, tracker entries and their updates become translatable (with the
next migration): each gets a locale and a translation key.

Existing rows are kept: each is put in the default language (the one editors write
in) with a fresh translation key of its own. The way back works while no row has a
translation; once translations exist it stops with a message rather than delete
them, since the old schema had room for one row per recommendation only.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TRANSLATED = ["recommendationresponse", "trackerentry", "implementationupdate"]


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    return (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    )


def into_default_language(apps, schema_editor):
    for name in TRANSLATED:
        model = apps.get_model("consultations", name)
        rows = model.objects.filter(locale=None)
        if not rows.exists():
            continue
        locale = default_locale(apps)
        for row in rows.only("pk"):
            model.objects.filter(pk=row.pk).update(
                locale=locale, translation_key=uuid.uuid4()
            )


def refuse_to_drop_translations(apps, schema_editor):
    locale = default_locale(apps)
    for name in TRANSLATED:
        model = apps.get_model("consultations", name)
        if model.objects.exclude(locale=locale).exists():
            raise RuntimeError(
                f"Some {name} rows are translations. The earlier schema has no room "
                "for them; delete them in the admin first if you really go back."
            )


def translatable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0010_stance_reason_translations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # The rows get their language here; the next migration makes it required
    # (PostgreSQL refuses to alter a table with row updates pending in the same
    # transaction).
    operations = [
        *translatable_fields("recommendationresponse"),
        *translatable_fields("trackerentry"),
        *translatable_fields("implementationupdate"),
        migrations.RunPython(into_default_language, refuse_to_drop_translations),
    ]
