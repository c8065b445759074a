from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions


def grant_editors(apps, schema_editor):
    grant_model_permissions(
        apps, EDITORS, "home", "campaigntopic", ["add", "change", "delete"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_campaigns_and_standard_pages"),
        ("portal", "0001_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
