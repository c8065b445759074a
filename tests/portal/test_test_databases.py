"""The suite's migrated templates (tests/databases.py): named after the code, made
once and copied, and never waited for by a process that can migrate its own
database instead."""

import fcntl
import os
import sqlite3
import time

import psycopg

from tests import databases


def test_the_template_is_named_after_the_code_and_not_the_tests(tmp_path, monkeypatch):
    (tmp_path / "clubs" / "migrations").mkdir(parents=True)
    migration = tmp_path / "clubs" / "migrations" / "0001_initial.py"
    migration.write_text("operations = []\n")
    (tmp_path / "tests").mkdir()
    monkeypatch.setattr(databases, "BASE_DIR", tmp_path)
    first = databases.fingerprint()

    (tmp_path / "tests" / "test_new.py").write_text("def test(): pass\n")
    assert databases.fingerprint() == first

    migration.write_text("operations = [1]\n")
    assert databases.fingerprint() != first


def test_a_process_finding_the_template_being_made_does_not_wait(monkeypatch):
    url = databases.postgres_url()
    monkeypatch.setattr(databases, "fingerprint", lambda: "being_made")
    name = "test_portal_not_copied"
    with psycopg.connect(
        databases.with_database(url, "postgres"), autocommit=True
    ) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [databases.MAKING_A_TEMPLATE])

        assert databases.copy_of_template(url, name) is False

        made = other.execute(
            "SELECT datname FROM pg_database WHERE datname IN (%s, %s)",
            [name, databases.TEMPLATE_PREFIX + "being_made"],
        ).fetchall()
        assert made == []


def test_the_sqlite_template_is_made_once_then_copied(tmp_path, monkeypatch):
    migrated = []

    def migrate(url):
        migrated.append(url)
        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            database.execute("PRAGMA journal_mode=WAL")
            database.execute("CREATE TABLE django_migrations (name TEXT)")
            database.execute("INSERT INTO django_migrations VALUES ('0001_initial')")
        database.close()

    monkeypatch.setattr(databases, "migrate", migrate)
    monkeypatch.setattr(databases, "fingerprint", lambda: "code")
    templates = tmp_path / "templates"
    templates.mkdir()
    stale = templates / f"{databases.TEMPLATE_PREFIX}old.sqlite3"
    young = templates / f"{databases.TEMPLATE_PREFIX}other.sqlite3"
    stale.write_bytes(b"")
    young.write_bytes(b"")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))

    for name in ("first.sqlite3", "second.sqlite3"):
        assert databases.sqlite_copy_of_template(tmp_path / name, templates)

    assert len(migrated) == 1
    for name in ("first.sqlite3", "second.sqlite3"):
        with sqlite3.connect(tmp_path / name) as copy:
            rows = copy.execute("SELECT name FROM django_migrations").fetchall()
        copy.close()
        assert rows == [("0001_initial",)]
    assert sorted(path.name for path in templates.glob("*.sqlite3")) == [
        f"{databases.TEMPLATE_PREFIX}code.sqlite3",
        young.name,
    ]


def test_a_process_finding_the_sqlite_template_being_made_does_not_wait(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(databases, "fingerprint", lambda: "being_made")
    with open(tmp_path / "making.lock", "w") as other:
        fcntl.flock(other, fcntl.LOCK_EX)

        copied = databases.sqlite_copy_of_template(tmp_path / "test.sqlite3", tmp_path)

    assert copied is False
    assert not (tmp_path / "test.sqlite3").exists()
