"""The suite's PostgreSQL template (tests/databases.py): named after the code, and
never waited for by a process that can migrate its own database instead."""

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
