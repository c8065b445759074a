"""Editors read report downloads in the admin's Site history: Wagtail shows a log
entry to those with a permission on its model, here the consultation record."""

from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "consultations", "consultation", ["view"])


class Migration(migrations.Migration):
    dependencies = [("consultations", "0005_deterministic_order")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
