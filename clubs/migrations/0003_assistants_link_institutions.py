import modelcluster.fields
from django.db import migrations

import clubs.models


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0002_spoken_languages_and_editor_permissions"),
        ("consultations", "0016_partner_institutions"),
    ]

    operations = [
        migrations.RenameField(
            model_name="culturalassistant",
            old_name="institutions",
            new_name="institutions_text",
        ),
        migrations.AddField(
            model_name="culturalassistant",
            name="institutions",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Offices, schools, clinics… An institution missing here is added under Snippets › Institutions.",
                limit_choices_to=clubs.models.institutions_in_default_language,
                related_name="cultural_assistants",
                to="consultations.institution",
                verbose_name="institutions supported",
            ),
        ),
    ]
