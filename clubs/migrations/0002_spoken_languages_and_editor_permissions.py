"""The languages editors tick most often, and Editors' permissions on the snippets."""

from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions

# Languages of the region's migrants and of the institutions that serve them.
COMMON_LANGUAGES = [
    "pl", "uk", "ru", "be", "en", "ar", "ka", "hy", "tr", "vi",
    "kk", "uz", "tg", "ky", "fa", "hi", "de", "fr", "es",
]  # fmt: skip


def add_languages_and_permissions(apps, schema_editor):
    SpokenLanguage = apps.get_model("clubs", "SpokenLanguage")
    for code in COMMON_LANGUAGES:
        SpokenLanguage.objects.get_or_create(code=code)
    for model in ["culturalassistant", "spokenlanguage"]:
        grant_model_permissions(
            apps, EDITORS, "clubs", model, ["add", "change", "delete"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0001_initial"),
        ("portal", "0001_groups"),
    ]

    operations = [
        migrations.RunPython(add_languages_and_permissions, migrations.RunPython.noop)
    ]
