"""Names of the groups the permission rules refer to, and the
helpers data migrations use to grant permissions to them.

The helpers take a migration's ``apps`` registry: permissions are normally created by
``post_migrate``, after every migration has run, so a data migration that grants
them must create the rows it needs.
"""

MIGRANT_TEAM = "Migrant team"
EDITORS = "Editors"
# Cultural assistants translate members' comments into Polish for the authority.
CULTURAL_ASSISTANTS = "Cultural assistants"
# Counsellors of the legal advice centre: the only group that reads counselling
# requests, which may be about domestic violence or residence status.
COUNSELLORS = "Counsellors"


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def model_permissions(apps, app_label, model, actions):
    return [
        get_permission(apps, app_label, model, f"{action}_{model}")
        for action in actions
    ]


def grant_model_permissions(apps, group_name, app_label, model, actions):
    """Give a group ``<action>_<model>`` permissions, e.g. for a snippet model."""
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*model_permissions(apps, app_label, model, actions))


def revoke_model_permissions(apps, group_name, app_label, model, actions):
    """Take ``<action>_<model>`` permissions from a group, if it exists."""
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(*model_permissions(apps, app_label, model, actions))
