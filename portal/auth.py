"""The authentication backends: Django's and django-axes's, reading the person
behind a session together with their groups.

Every page restricted to a group asks for the person's groups, twice (our check
in ``portal/wagtail_hooks.py`` and Wagtail's own ``accept_request``), and so does
the consultation policy (``consultations/access.py``). Members' pages and their
posts are all of that kind: reading the groups with the user, in one query
instead of two, spares them a round trip on every request.
"""

from functools import cache

from axes.backends import AxesBackend
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

from portal.queries import CompiledRead


@cache
def _user_with_groups_read():
    User = get_user_model()
    user_fields = [field.attname for field in User._meta.concrete_fields]
    group_fields = [field.attname for field in Group._meta.concrete_fields]
    read = CompiledRead(
        lambda user_id: User._default_manager.filter(pk=user_id).values_list(
            *user_fields, *(f"groups__{name}" for name in group_fields)
        ),
        fields=[User._meta.pk],
        stand_ins=[1],
    )
    return read, user_fields, group_fields


def user_with_groups(user_id):
    """The user with this id, their groups already fetched (as
    ``prefetch_related("groups")`` leaves them), in one query whose SQL is built
    once (portal/queries.py); None if there is no such user. A left join: a user in
    no group is still one row."""
    User = get_user_model()
    read, user_fields, group_fields = _user_with_groups_read()
    rows = read.rows(user_id)
    if not rows:
        return None
    split = len(user_fields)
    user = User.from_db(DEFAULT_DB_ALIAS, user_fields, rows[0][:split])
    groups = [
        Group.from_db(DEFAULT_DB_ALIAS, group_fields, row[split:])
        for row in rows
        if row[split] is not None
    ]
    # What prefetch_related_objects leaves on the user: the manager's queryset,
    # already evaluated. user.groups.all() and prefetch_related_objects (which
    # then has nothing to fetch) both read it.
    fetched = user.groups.all()
    fetched._result_cache = groups
    fetched._prefetch_done = True
    user._prefetched_objects_cache = {User.groups.field.name: fetched}
    return user


@cache
def _permissions_read(source):
    """A person's permissions of their own (``user``) or through their groups
    (``group``), as ``ModelBackend`` reads them, with SQL built once: a member's
    every view of a consultation asks whether they may moderate it."""
    through = {"user": "user", "group": "group__user"}[source]
    return CompiledRead(
        lambda user_id: (
            Permission.objects.filter(**{through: user_id})
            .values_list("content_type__app_label", "codename")
            .order_by()
        ),
        fields=[get_user_model()._meta.pk],
        stand_ins=[1],
    )


class UserWithGroups:
    def get_user(self, user_id):
        user = user_with_groups(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def _get_permissions(self, user_obj, obj, from_name):
        """Django's, for an active person who is not a superuser, with the
        compiled reads above."""
        cache_name = f"_{from_name}_perm_cache"
        if (
            from_name not in ("user", "group")
            or obj is not None
            or user_obj.is_anonymous
            or user_obj.pk is None  # unsaved: Django's code refuses it
            or not user_obj.is_active
            or user_obj.is_superuser
            or hasattr(user_obj, cache_name)
        ):
            return super()._get_permissions(user_obj, obj, from_name)
        rows = _permissions_read(from_name).rows(user_obj.pk)
        setattr(
            user_obj, cache_name, {f"{label}.{codename}" for label, codename in rows}
        )
        return getattr(user_obj, cache_name)


class LockoutBackend(UserWithGroups, AxesBackend):
    """django-axes's backend, first: a locked-out login is refused before the
    password is checked. It authenticates no one itself, but can load the user
    (``force_login`` in tests uses the first backend)."""


class ModelBackend(UserWithGroups, backends.ModelBackend):
    """Django's: the one that checks passwords and permissions."""
