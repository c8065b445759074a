"""The PostgreSQL backend (portal/postgresql): a kept connection that the server
has ended is found out before a request's first query without sending anything,
and a healthy one is kept. Against a real server, in both runs."""

import time

import dj_database_url
import psycopg
import pytest
from django.db.backends.base.base import NO_DB_ALIAS
from django.db.utils import ConnectionHandler

from portal.postgresql.base import DatabaseWrapper
from tests.databases import postgres_url, with_database

MAINTENANCE = with_database(postgres_url(), "postgres")


@pytest.fixture
def kept(django_db_blocker):
    """A connection as the portal keeps one between requests (CONN_MAX_AGE, health
    checks), to the server's maintenance database."""
    settings = dj_database_url.parse(
        MAINTENANCE, conn_max_age=600, conn_health_checks=True
    )
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
    while kept.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)  # until the server's goodbye has arrived

    assert not kept.is_usable()
    a_new_request(kept)
    assert backend_of(kept) not in {ended, None}


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
