"""The person behind a session is read with their groups (portal/auth.py)."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user,
)
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.auth import user_with_groups
from portal.groups import EDITORS, MIGRANT_TEAM
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_of_two_groups_comes_with_both_in_one_query():
    member = MemberFactory()
    member.groups.add(Group.objects.get_or_create(name=EDITORS)[0])

    with CaptureQueriesContext(connection) as queries:
        loaded = user_with_groups(member.pk)
        names = sorted(group.name for group in loaded.groups.all())

    assert len(queries) == 1
    assert loaded == member and loaded.username == member.username
    assert loaded.password == member.password
    assert names == sorted([EDITORS, MIGRANT_TEAM])


def test_someone_in_no_group_is_found_with_no_groups():
    user = UserFactory()

    with CaptureQueriesContext(connection) as queries:
        loaded = user_with_groups(user.pk)
        groups = list(loaded.groups.all())

    assert len(queries) == 1
    assert loaded == user and groups == []


def test_no_such_user_is_none():
    assert user_with_groups(10**9) is None


def test_a_logged_in_member_is_loaded_with_their_groups_and_a_deactivated_one_not(
    client,
):
    member = MemberFactory()
    client.force_login(member)
    request = type("Request", (), {"session": client.session})()

    loaded = get_user(request)
    with CaptureQueriesContext(connection) as queries:
        groups = [group.name for group in loaded.groups.all()]

    assert loaded == member and groups == [MIGRANT_TEAM]
    assert len(queries) == 0
    member.is_active = False
    member.save()
    assert not get_user(request).is_authenticated


def test_sessions_from_before_the_new_backends_stay_logged_in(
    settings, django_capture_on_commit_callbacks
):
    """portal/migrations/0004: sessions name the backend that logged them in."""
    renaming = import_module("portal.migrations.0004_sessions_name_the_new_backends")
    engine = import_module(settings.SESSION_ENGINE)
    member = MemberFactory()
    before = engine.SessionStore()
    before[SESSION_KEY] = str(member.pk)
    before[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    before[HASH_SESSION_KEY] = member.get_session_auth_hash()
    before.save()

    def person():
        request = type("Request", (), {})()
        request.session = engine.SessionStore(before.session_key)
        return get_user(request)

    editor = type("SchemaEditor", (), {"connection": connection})()
    logged_out = person()
    with django_capture_on_commit_callbacks(execute=True):
        renaming.forwards(apps, editor)
    kept = person()
    with django_capture_on_commit_callbacks(execute=True):
        renaming.backwards(apps, editor)

    assert not logged_out.is_authenticated
    assert kept == member
    assert engine.SessionStore(before.session_key)[BACKEND_SESSION_KEY] == (
        "django.contrib.auth.backends.ModelBackend"
    )


def test_permissions_are_those_djangos_backend_finds():
    from django.contrib.auth.backends import ModelBackend as DjangosBackend
    from django.contrib.auth.models import Permission

    from portal.auth import ModelBackend

    member = MemberFactory()
    own = Permission.objects.get(codename="add_group")
    through_group = Permission.objects.get(codename="change_group")
    group = Group.objects.create(name="Permission holders")
    group.permissions.add(through_group)
    member.user_permissions.add(own)
    member.groups.add(group)
    outsider = UserFactory()

    for person in (member, outsider):
        ours, djangos = (
            (
                backend.get_user_permissions(fresh),
                backend.get_group_permissions(fresh),
                backend.get_all_permissions(fresh),
            )
            for backend, fresh in (
                (ModelBackend(), type(person).objects.get(pk=person.pk)),
                (DjangosBackend(), type(person).objects.get(pk=person.pk)),
            )
        )
        assert ours == djangos
    assert ours[2] == set()  # the outsider's
    member = type(member).objects.get(pk=member.pk)
    assert ModelBackend().get_all_permissions(member) == {
        "auth.add_group",
        "auth.change_group",
    }
    member.is_active = False
    assert ModelBackend().get_user_permissions(member) == set()
    assert ModelBackend().get_group_permissions(member) == set()


def test_an_unsaved_person_gets_no_permission_by_the_backends_reads():
    from django.contrib.auth.backends import ModelBackend as DjangosBackend

    from portal.auth import ModelBackend

    MemberFactory()  # permissions exist that no one holds directly
    unsaved = type(MemberFactory()).objects.model(username="not-saved-yet")
    for backend in (ModelBackend(), DjangosBackend()):
        with pytest.raises(ValueError):
            backend.get_user_permissions(unsaved)


def test_a_superuser_has_every_permission_as_with_djangos_backend():
    from django.contrib.auth.backends import ModelBackend as DjangosBackend

    from portal.auth import ModelBackend

    superuser = UserFactory(is_superuser=True)
    assert ModelBackend().get_all_permissions(superuser) == (
        DjangosBackend().get_all_permissions(
            type(superuser).objects.get(pk=superuser.pk)
        )
    )
    assert ModelBackend().has_perm(superuser, "auth.add_group")
