"""The 14 areas of the local integration system, in four languages, and the
Editors' permissions on this app's snippets and on comment moderation."""

import uuid

from django.db import migrations

from portal.groups import EDITORS, grant_model_permissions

POLICY_AREAS = [
    # pl, uk, en, ru
    ("Ochrona zdrowia", "Охорона здоров’я", "Health care", "Здравоохранение"),
    ("Edukacja", "Освіта", "Education", "Образование"),
    ("Praca", "Робота", "Work", "Работа"),
    ("Mieszkalnictwo", "Житло", "Housing", "Жильё"),
    ("Pomoc społeczna", "Соціальна допомога", "Social assistance", "Социальная помощь"),
    (
        "Pobyt i legalizacja",
        "Перебування та легалізація",
        "Residence and legalisation",
        "Пребывание и легализация",
    ),
    ("Przemoc domowa", "Домашнє насильство", "Domestic violence", "Домашнее насилие"),
    (
        "Nauka języka polskiego",
        "Вивчення польської мови",
        "Learning Polish",
        "Изучение польского языка",
    ),
    ("Kultura", "Культура", "Culture", "Культура"),
    (
        "Usługi publiczne i administracja",
        "Публічні послуги та адміністрація",
        "Public services and administration",
        "Государственные услуги и администрация",
    ),
    (
        "Bezpieczeństwo i policja",
        "Безпека та поліція",
        "Safety and police",
        "Безопасность и полиция",
    ),
    (
        "Przeciwdziałanie dyskryminacji",
        "Протидія дискримінації",
        "Anti-discrimination",
        "Противодействие дискриминации",
    ),
    (
        "Udział w życiu publicznym",
        "Участь у громадському житті",
        "Participation in public life",
        "Участие в общественной жизни",
    ),
    (
        "Informacja i komunikacja",
        "Інформація та комунікація",
        "Information and communication",
        "Информация и коммуникация",
    ),
]
LANGUAGES = ["pl", "uk", "en", "ru"]


def create_policy_areas(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    PolicyArea = apps.get_model("consultations.PolicyArea")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for position, names in enumerate(POLICY_AREAS, start=1):
        translation_key = uuid.uuid4()
        for language, name in zip(LANGUAGES, names, strict=True):
            if language in locales:
                PolicyArea.objects.create(
                    name=name,
                    sort_order=position,
                    locale=locales[language],
                    translation_key=translation_key,
                )


def grant_editor_permissions(apps, schema_editor):
    for model in ["policyarea", "institution"]:
        grant_model_permissions(
            apps, EDITORS, "consultations", model, ["add", "change", "delete"]
        )
    grant_model_permissions(apps, EDITORS, "consultations", "comment", ["moderate"])


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("home", "0002_locales_and_home_pages"),
        ("portal", "0001_groups"),
    ]

    operations = [
        migrations.RunPython(create_policy_areas, migrations.RunPython.noop),
        migrations.RunPython(grant_editor_permissions, migrations.RunPython.noop),
    ]
