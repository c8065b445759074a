"""The Counsellors group and what Editors lost, as the data migration leaves them."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from portal.groups import COUNSELLORS, EDITORS
from tests.counselling.factories import CounsellorFactory

pytestmark = pytest.mark.django_db

MIGRATION = "0004_counsellors"
REQUEST_PERMISSIONS = {
    f"counselling.{action}_counsellingrequest"
    for action in ["add", "view", "change", "delete"]
}


def permissions_of(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_on_a_fresh_database_counsellors_hold_the_requests_and_editors_do_not():
    assert permissions_of(COUNSELLORS) == {
        "wagtailadmin.access_admin",
        "counselling.view_counsellingrequest",
        "counselling.change_counsellingrequest",
        "counselling.delete_counsellingrequest",
    }
    assert permissions_of(EDITORS) & REQUEST_PERMISSIONS == set()
    assert "wagtailadmin.access_admin" in permissions_of(EDITORS)


def test_the_migration_reverses_and_applies_again(counsellor):
    migration = importlib.import_module(f"counselling.migrations.{MIGRATION}")
    apps = MigrationLoader(connection).project_state(("counselling", MIGRATION)).apps
    fresh = permissions_of(COUNSELLORS), permissions_of(EDITORS)

    migration.editors_read_requests_again(apps, None)

    assert permissions_of(COUNSELLORS) == set()
    assert permissions_of(EDITORS) & REQUEST_PERMISSIONS == {
        "counselling.view_counsellingrequest",
        "counselling.delete_counsellingrequest",
    }
    assert counsellor.groups.filter(name=COUNSELLORS).exists()  # members kept

    migration.only_counsellors_read_requests(apps, None)

    assert (permissions_of(COUNSELLORS), permissions_of(EDITORS)) == fresh


def test_a_counsellor_has_the_admin_but_no_page_or_image_permission(home_pages):
    counsellor = CounsellorFactory()

    assert counsellor.has_perm("wagtailadmin.access_admin")
    assert counsellor.has_perm("counselling.change_counsellingrequest")
    assert not counsellor.has_perm("counselling.add_counsellingrequest")
    assert not home_pages["pl"].permissions_for_user(counsellor).can_edit()
