"""The PostgreSQL backend (portal/postgresql): a kept connection that the server
has ended is replaced before a request's first query, a healthy one is kept and
checked without a query, and one whose prepared query a migration made stale is
replaced when the request ends. Against a real server, in both runs."""

import datetime
import time
import uuid

import dj_database_url
import psycopg
import pytest
from django.db.backends.base.base import NO_DB_ALIAS
from django.db.utils import ConnectionHandler, DataError, NotSupportedError

from portal.postgresql.base import DatabaseWrapper, UtcTimestamptzLoader
from tests.databases import postgres_url, with_database

MAINTENANCE = with_database(postgres_url(), "postgres")
PREPARED_AFTER = 5


@pytest.fixture
def kept(django_db_blocker):
    """A connection as the portal keeps one between requests (CONN_MAX_AGE, health
    checks), to the server's maintenance database."""
    settings = dj_database_url.parse(
        MAINTENANCE, conn_max_age=600, conn_health_checks=True
    )
    # Prepared statements as portal/settings/base.py asks for them.
    settings["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": PREPARED_AFTER,
    }
    # Django's defaults filled in, as for a configured database.
    settings = ConnectionHandler({"default": settings}).settings["default"]
    # Outside the project's aliases, as Django's own maintenance connection is:
    # django.contrib.postgres then looks up no types through the default one.
    wrapper = DatabaseWrapper(settings, alias=NO_DB_ALIAS)
    with django_db_blocker.unblock():
        try:
            wrapper.connect()
        except psycopg.OperationalError as error:
            pytest.fail(f"PostgreSQL is needed for this test: {error}", pytrace=False)
        yield wrapper
        wrapper.close()


def backend_of(wrapper):
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def a_new_request(wrapper):
    # What Django does when a request starts (request_started).
    wrapper.close_if_unusable_or_obsolete()


def test_a_connection_the_server_ended_is_replaced_before_the_next_query(kept):
    ended = backend_of(kept)
    with psycopg.connect(MAINTENANCE, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [ended])
        deadline = time.monotonic() + 5
        while (
            time.monotonic() < deadline
            and admin.execute(
                "SELECT 1 FROM pg_stat_activity WHERE pid = %s", [ended]
            ).fetchone()
        ):
            time.sleep(0.05)  # until the server has let it go

    a_new_request(kept)

    assert backend_of(kept) not in {ended, None}


def test_a_query_prepared_before_a_migration_changed_its_column_is_not_kept(kept):
    table = f"prepared_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(MAINTENANCE, autocommit=True) as admin:
        admin.execute(f'CREATE TABLE "{table}" (id int PRIMARY KEY, name varchar(10))')
        admin.execute(f'INSERT INTO "{table}" VALUES (1, %s)', ["Ola"])
        try:

            def read():
                with kept.cursor() as cursor:
                    cursor.execute(f'SELECT "name" FROM "{table}" WHERE "id" = %s', [1])
                    return cursor.fetchone()[0]

            for _ in range(PREPARED_AFTER + 1):
                read()
            admin.execute(f'ALTER TABLE "{table}" ALTER COLUMN name TYPE varchar(20)')
            with pytest.raises(NotSupportedError, match="cached plan"):
                read()

            kept.close_if_unusable_or_obsolete()  # as the request ends

            assert read() == "Ola"
        finally:
            kept.close()
            admin.execute(f'DROP TABLE "{table}"')


def test_a_healthy_connection_is_kept_and_checked_without_a_query(kept, monkeypatch):
    backend = backend_of(kept)
    a_new_request(kept)
    sent = []
    for method in ("cursor", "execute"):
        original = getattr(kept.connection, method)
        monkeypatch.setattr(
            kept.connection,
            method,
            lambda *args, _original=original, **kwargs: (
                sent.append(args),
                _original(*args, **kwargs),
            )[1],
        )

    kept.close_if_health_check_failed()  # as the request's first query does

    assert sent == []
    monkeypatch.undo()
    assert backend_of(kept) == backend


TIMES = """
    SELECT '2026-01-01 10:00:00.5+00'::timestamptz
           - g * interval '1 day 1 minute 1.000123 second'
    FROM generate_series(-2900000, 700000, 997) g
    UNION ALL SELECT NULL
    UNION ALL SELECT '0001-01-02 00:00:00+00'
    UNION ALL SELECT '9999-12-30 23:59:59.999999+00'
    UNION ALL SELECT '2026-03-29 01:30:00+02'
"""


def read_as_django_does(zone):
    """The values Django's own timestamptz loader gives, in a session in ``zone``."""
    from django.db.backends.postgresql.psycopg_any import get_adapters_template

    # Django's own map, as its backend makes it (not the cached one it shares).
    context = get_adapters_template.__wrapped__(True, datetime.UTC)
    with psycopg.connect(MAINTENANCE, context=context) as connection:
        connection.execute("SELECT set_config('TimeZone', %s, false)", [zone])
        return connection.execute(TIMES).fetchall()


def read_through(wrapper, zone):
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT set_config('TimeZone', %s, false)", [zone])
        cursor.execute(TIMES)
        return cursor.fetchall()


@pytest.mark.parametrize("zone", ["UTC", "Europe/Warsaw"])
def test_times_read_are_those_djangos_loader_gives(kept, zone):
    """psycopg's C loader in a UTC session (as Django sets it), Django's in any
    other: the same values, in the same zone object, either way."""
    expected = read_as_django_does(zone)
    read = read_through(kept, zone)
    assert len(read) > 3000
    assert read == expected
    assert {row[0].tzinfo for row in read if row[0]} == {datetime.UTC}
    assert [type(row[0]) for row in read] == [type(row[0]) for row in expected]


def test_a_time_out_of_pythons_range_fails_as_with_django(kept):
    with kept.cursor() as cursor, pytest.raises(DataError, match="after year 10K"):
        cursor.execute("SELECT 'infinity'::timestamptz")
        cursor.fetchall()


def test_the_c_loader_is_the_one_registered(kept):
    from django.db.backends.postgresql.psycopg_any import get_adapters_template

    oid = psycopg.adapters.types["timestamptz"].oid
    loader = kept.connection.adapters.get_loader(oid, psycopg.pq.Format.TEXT)
    assert loader is UtcTimestamptzLoader
    # psycopg's own loader does the parsing on a connection in UTC...
    parsing = loader(oid, kept.connection)._load.__self__
    assert type(parsing) is type(psycopg.adapters.get_loader(oid, 0)(oid))
    # ...and Django's shared map, which its own backend uses, is left alone.
    shared = get_adapters_template(True, datetime.UTC)
    assert shared.get_loader(oid, psycopg.pq.Format.TEXT) is not UtcTimestamptzLoader
    with kept.cursor() as cursor:
        cursor.execute("SELECT now()")
        (now,) = cursor.fetchone()
    assert now.tzinfo is datetime.UTC
