"""A fresh database gets the four locales and a home page at the root of each."""

import uuid

from django.db import migrations
from django.utils import timezone

# Titles are content, so they live in the database, not in message catalogues.
HOME_TITLES = {
    "pl": "Głos Migrantów",
    "uk": "Голос мігрантів",
    "en": "Migrant Voices",
    "ru": "Голос мигрантов",
}


def child_path(parent_path, position):
    """Treebeard's materialised path for the n-th child (steplen 4, base 36)."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    while position:
        position, remainder = divmod(position, 36)
        step = digits[remainder] + step
    return parent_path + step.rjust(4, "0")


def create_locales_and_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in HOME_TITLES
    }

    # Wagtail's welcome page (and the default site that points at it) go away.
    welcome_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(depth=2, content_type=welcome_type).delete()

    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    translation_key = uuid.uuid4()
    now = timezone.now()
    siblings = Page.objects.filter(depth=2).count()
    for position, (code, title) in enumerate(HOME_TITLES.items(), start=siblings + 1):
        slug = "home" if code == "pl" else f"home-{code}"
        HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=home_type,
            path=child_path(root.path, position),
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locales[code],
            translation_key=translation_key,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="Migrant Voices",
        root_page=HomePage.objects.get(slug="home", depth=2),
        is_default_site=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_locales_and_home_pages, migrations.RunPython.noop),
    ]
