"""Cultural assistants translate comments for the authority in the admin; editors
do too, and manage the implementation tracker."""

from django.db import migrations

from portal.groups import (
    CULTURAL_ASSISTANTS,
    EDITORS,
    get_permission,
    grant_model_permissions,
)


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    assistants, _ = Group.objects.get_or_create(name=CULTURAL_ASSISTANTS)
    assistants.permissions.add(
        get_permission(apps, "wagtailadmin", "admin", "access_admin")
    )
    for group_name in (EDITORS, CULTURAL_ASSISTANTS):
        grant_model_permissions(
            apps, group_name, "consultations", "comment", ["translate"]
        )
    grant_model_permissions(
        apps, EDITORS, "consultations", "trackerentry", ["add", "change", "delete"]
    )


class Migration(migrations.Migration):
    dependencies = [("consultations", "0003_outcomes")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
