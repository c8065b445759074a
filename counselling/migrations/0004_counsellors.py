"""Only counsellors read counselling requests.

The public form promises that only the legal advice centre's staff read a request,
and requests may be about domestic violence or residence status. 0002 let every
editor read and delete them; this creates the Counsellors group, gives it the admin
and the requests (view, change for triage, delete), and takes them from Editors.

Reversing gives Editors back what 0002 granted and takes the Counsellors group's
permissions away, but keeps the group and its members: a group without permissions
grants nothing, and migrating forward again needs no one re-added.
"""

from django.db import migrations

from portal.groups import (
    COUNSELLORS,
    EDITORS,
    get_permission,
    grant_model_permissions,
    revoke_model_permissions,
)

REQUESTS = ("counselling", "counsellingrequest")
COUNSELLOR_ACTIONS = ["view", "change", "delete"]
EDITOR_ACTIONS_BEFORE = ["view", "delete"]  # what 0002 granted


def access_admin(apps):
    return get_permission(apps, "wagtailadmin", "admin", "access_admin")


def only_counsellors_read_requests(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    counsellors, _ = Group.objects.get_or_create(name=COUNSELLORS)
    counsellors.permissions.add(access_admin(apps))
    grant_model_permissions(apps, COUNSELLORS, *REQUESTS, COUNSELLOR_ACTIONS)
    # Every action, not only those 0002 granted: none is for editors.
    revoke_model_permissions(
        apps, EDITORS, *REQUESTS, ["add", "view", "change", "delete"]
    )


def editors_read_requests_again(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    grant_model_permissions(apps, EDITORS, *REQUESTS, EDITOR_ACTIONS_BEFORE)
    revoke_model_permissions(apps, COUNSELLORS, *REQUESTS, COUNSELLOR_ACTIONS)
    for counsellors in Group.objects.filter(name=COUNSELLORS):
        counsellors.permissions.remove(access_admin(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0003_status_assignee"),
        ("portal", "0001_groups"),
    ]

    operations = [
        migrations.RunPython(
            only_counsellors_read_requests, editors_read_requests_again
        )
    ]
