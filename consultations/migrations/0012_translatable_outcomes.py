"""Responses, tracker entries and updates are translatable: the language and
translation key set by the previous migration become required, and a
recommendation has one response and one tracker entry per language. Editors may
change responses as snippets, to translate them with wagtail-localize."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

from portal.groups import EDITORS, grant_model_permissions


def grant_editors(apps, schema_editor):
    grant_model_permissions(
        apps, EDITORS, "consultations", "recommendationresponse", ["change"]
    )


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("consultations", "0011_outcomes_in_the_default_language")]

    operations = [
        *required("recommendationresponse"),
        *required("trackerentry"),
        *required("implementationupdate"),
        migrations.AlterField(
            model_name="recommendationresponse",
            name="recommendation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="responses",
                to="consultations.recommendation",
                verbose_name="recommendation",
            ),
        ),
        migrations.AlterField(
            model_name="trackerentry",
            name="recommendation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="tracker_entries",
                to="consultations.recommendation",
                verbose_name="recommendation of a consultation",
            ),
        ),
        migrations.AddConstraint(
            model_name="recommendationresponse",
            constraint=models.UniqueConstraint(
                fields=("recommendation", "locale"),
                name="one_response_per_recommendation_and_language",
            ),
        ),
        migrations.AddConstraint(
            model_name="trackerentry",
            constraint=models.UniqueConstraint(
                fields=("recommendation", "locale"),
                name="one_tracker_entry_per_recommendation_and_language",
            ),
        ),
        migrations.AlterModelOptions(
            name="implementationupdate",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "progress update",
                "verbose_name_plural": "progress updates",
            },
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
