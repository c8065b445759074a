"""Test databases copied from one migrated template, on PostgreSQL and SQLite.

Migrating an empty database takes about half a minute: paid by each process of a
run and by the outage test of the SQLite run, it was the largest fixed cost of the
suite. Here the first of them to need it migrates a template, named after
everything a migration reads (the project's code and the installed packages); the
others, and later runs of the same code, copy it: with ``CREATE DATABASE …
TEMPLATE`` on PostgreSQL, which takes about a second, and as a file on SQLite, kept
in the user's cache folder. A process that finds another making the template
migrates its own database, as before, rather than wait. Changed code or packages
name a new template; when one is made, those made more than a day before are
dropped. The same code and packages migrate to the same database, so a copy is
what a migration would have made.
"""

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parents[1]
TEMPLATE_PREFIX = "test_template_"
# The key of the PostgreSQL advisory lock held while a template is made.
MAKING_A_TEMPLATE = 730_162_001
KEPT_FOR = timedelta(days=1)
# Not read by migrations: the tests, the environment, uploads and collected files.
NOT_CODE = {"tests", "media", "static", "staticfiles", "locale", "node_modules"}


def fingerprint():
    """A digest of the project's Python code and the installed packages."""
    digest = hashlib.sha256()
    folders = [
        folder
        for folder in sorted(BASE_DIR.iterdir())
        if folder.is_dir()
        and not folder.name.startswith(".")
        and folder.name not in NOT_CODE
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            digest.update(str(path.relative_to(BASE_DIR)).encode())
            digest.update(path.read_bytes())
    for package in sorted(
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in importlib.metadata.distributions()
    ):
        digest.update(package.encode())
    return digest.hexdigest()[:16]


def postgres_url():
    """The PostgreSQL server to use, also in the SQLite run: CI always has one."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    return os.environ.get(
        "TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
    )


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def url_of(settings_dict):
    """A postgres:// URL of a Django PostgreSQL connection's settings."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def migrate(url):
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        },
        check=True,
    )


def copy_of_template(url, name, wait=False):
    """Make the database ``name`` on ``url``'s server a copy of the migrated
    template, making the template first if no one has: True. When another process
    is making it just now: False, or with ``wait`` the copy once it is made."""
    template = TEMPLATE_PREFIX + fingerprint()
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as admin:

        def exists(database):
            return admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database]
            ).fetchone()

        if not exists(template):
            if wait:
                admin.execute("SELECT pg_advisory_lock(%s)", [MAKING_A_TEMPLATE])
            elif not admin.execute(
                "SELECT pg_try_advisory_lock(%s)", [MAKING_A_TEMPLATE]
            ).fetchone()[0]:
                return False
            try:
                if not exists(template):
                    make_template(admin, url, template)
            finally:
                admin.execute("SELECT pg_advisory_unlock(%s)", [MAKING_A_TEMPLATE])
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return True


def make_template(admin, url, template):
    # Templates of other code made more than a day ago go; younger ones may be
    # in use by another checkout's run.
    now = datetime.now(UTC)
    stale = admin.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s) "
        "AND coalesce(shobj_description(oid, 'pg_database'), '') < %s",
        [TEMPLATE_PREFIX, (now - KEPT_FOR).isoformat(timespec="seconds")],
    ).fetchall()
    for (database,) in stale:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    # Made under another name and renamed once migrated: a run stopped midway
    # leaves no half-made template behind the real name.
    making = f"{template}_making"
    admin.execute(f'DROP DATABASE IF EXISTS "{making}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{making}"')
    migrate(with_database(url, making))
    admin.execute(f'ALTER DATABASE "{making}" RENAME TO "{template}"')
    made = now.isoformat(timespec="seconds")
    admin.execute(f"COMMENT ON DATABASE \"{template}\" IS '{made}'")


def sqlite_templates():
    """The folder of SQLite templates: the user's cache, shared by checkouts."""
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "portal-tests"


def sqlite_copy_of_template(name, folder=None):
    """Make the SQLite file ``name`` a copy of the migrated template, making the
    template first if no one has: True. False when another process is making it."""
    folder = folder or sqlite_templates()
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / f"{TEMPLATE_PREFIX}{fingerprint()}.sqlite3"
    if not template.exists():
        with open(folder / "making.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            if not template.exists():
                make_sqlite_template(template)
    _remove_sqlite(Path(name))
    try:
        shutil.copyfile(template, name)
    except FileNotFoundError:
        return False  # dropped by another checkout's run since: migrate instead
    return True


def make_sqlite_template(template):
    for stale in template.parent.glob(f"{TEMPLATE_PREFIX}*.sqlite3"):
        if time.time() - stale.stat().st_mtime > KEPT_FOR.total_seconds():
            stale.unlink(missing_ok=True)
    # Made under another name and renamed once migrated, as on PostgreSQL.
    making = template.with_suffix(".making")
    _remove_sqlite(making)
    migrate(f"sqlite:///{making}")
    # One self-contained file: the write-ahead log folded in and switched off
    # (each connection to a copy switches it on again, settings' init_command).
    with sqlite3.connect(making) as database:
        database.execute("PRAGMA journal_mode=DELETE")
    database.close()
    os.replace(making, template)


def _remove_sqlite(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
