from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions


def grant_editors(apps, schema_editor):
    for model in ["mainmenu", "footercontent"]:
        grant_model_permissions(
            apps, EDITORS, "portal", model, ["add", "change", "delete"]
        )
    grant_model_permissions(apps, EDITORS, "portal", "sitesettings", ["change"])


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_site_settings_menu_footer")]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
