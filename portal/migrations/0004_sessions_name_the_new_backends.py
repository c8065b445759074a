"""The authentication backends became portal/auth.py's. A session names the backend
that logged its person in, and Django treats a session naming a backend no longer
listed as logged out: without this, everyone logged in at the release (members
with a stance half written, editors mid-edit) would be sent to the login page.
The way back renames them back, for a release rolled back."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from django.db import migrations, transaction
from django.utils import timezone

RENAMED = {
    "axes.backends.AxesBackend": "portal.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend": "portal.auth.ModelBackend",
}


def _rename(apps, using, names):
    Session = apps.get_model("sessions", "Session")
    store = SessionStore()
    renamed = []
    for session in (
        Session.objects.using(using).filter(expire_date__gt=timezone.now()).iterator()
    ):
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) in names:
            data[BACKEND_SESSION_KEY] = names[data[BACKEND_SESSION_KEY]]
            session.session_data = store.encode(data)
            session.save(using=using, update_fields=["session_data"])
            renamed.append(session.session_key)
    if renamed and cached_db.__name__ == settings.SESSION_ENGINE:
        # Sessions are read through the cache first: its copies still name the
        # old backends. Without them, the next request reads the database's:
        # once the renaming has committed, or it could cache the old row again.
        transaction.on_commit(
            lambda: caches[settings.SESSION_CACHE_ALIAS].delete_many(
                [cached_db.KEY_PREFIX + key for key in renamed]
            ),
            using=using,
        )


def forwards(apps, schema_editor):
    _rename(apps, schema_editor.connection.alias, RENAMED)


def backwards(apps, schema_editor):
    _rename(
        apps,
        schema_editor.connection.alias,
        {new: old for old, new in RENAMED.items()},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_editor_permissions"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
