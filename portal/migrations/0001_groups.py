"""The "Editors" and "Migrant team" groups.

Editors (the organisation's staff) manage pages, images, documents, snippets,
redirects and translations in the Wagtail admin. Migrant team members take part on
the public site and get no admin permission at all.
"""

from django.db import migrations

from portal.groups import EDITORS, MIGRANT_TEAM, get_permission, grant_model_permissions

PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COLLECTION_ACTIONS = ["add", "change", "choose", "delete"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    Group.objects.get_or_create(name=MIGRANT_TEAM)
    # Wagtail's initial data makes "Editors" (without publishing) and "Moderators";
    # the organisation has one editorial role, so Editors get it all.
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    editors.permissions.add(
        get_permission(apps, "wagtailadmin", "admin", "access_admin")
    )
    editors.permissions.add(
        get_permission(apps, "wagtail_localize", "translation", "submit_translation")
    )
    grant_model_permissions(
        apps, EDITORS, "wagtailredirects", "redirect", ["add", "change", "delete"]
    )

    root_page = Page.objects.get(depth=1)
    GroupPagePermission.objects.filter(group=editors).delete()
    for action in PAGE_ACTIONS:
        GroupPagePermission.objects.create(
            group=editors,
            page=root_page,
            permission=get_permission(apps, "wagtailcore", "page", f"{action}_page"),
        )

    root_collection = Collection.objects.get(depth=1)
    for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
        for action in COLLECTION_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors,
                collection=root_collection,
                permission=get_permission(apps, app_label, model, f"{action}_{model}"),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
