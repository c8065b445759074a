"""Editors read counselling requests and delete them when their time is up; the
admin offers no way to add or change one (see counselling/wagtail_hooks.py)."""

from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions


def grant_editors(apps, schema_editor):
    grant_model_permissions(
        apps, EDITORS, "counselling", "counsellingrequest", ["view", "delete"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0001_initial"),
        ("portal", "0001_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
