from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("clubs", "0004_institutions_from_free_text")]

    operations = [
        migrations.RemoveField(model_name="culturalassistant", name="institutions_text")
    ]
