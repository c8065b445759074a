"""Editors read contact messages and delete them once answered; the admin offers no
way to add or change one (see contact/wagtail_hooks.py)."""

from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions, revoke_model_permissions

MESSAGES = ("contact", "contactmessage")
EDITOR_ACTIONS = ["view", "delete"]


def grant_editors(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, *MESSAGES, EDITOR_ACTIONS)


def revoke_editors(apps, schema_editor):
    revoke_model_permissions(apps, EDITORS, *MESSAGES, EDITOR_ACTIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("portal", "0001_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, revoke_editors)]
