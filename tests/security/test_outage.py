"""The database going away gives a friendly 503 page, and the portal recovers
when it is back, without a restart."""

import contextlib
import itertools
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client

from tests.databases import copy_of_template, postgres_url, with_database

BASE_DIR = Path(__file__).resolve().parents[2]
FRIENDLY = "Zaraz wracamy"  # "Back in a moment", in Polish


def refuse_queries(message, error=OperationalError):
    def wrapper(execute, sql, params, many, context):
        raise error(message)

    return connection.execute_wrapper(wrapper)


@pytest.mark.django_db
def test_a_lost_connection_gives_a_translated_503_with_retry_after(home_pages):
    client = Client(raise_request_exception=False)

    with refuse_queries("server closed the connection unexpectedly"):
        response = client.get("/uk/")

    html = response.content.decode()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert '<html lang="uk">' in html
    assert "Незабаром повернемося" in html
    assert "Traceback" not in html and "closed the connection" not in html


@pytest.mark.django_db
def test_a_failed_form_post_says_nothing_was_saved(home_pages, member):
    client = Client(raise_request_exception=False)
    client.force_login(member)

    with refuse_queries("terminating connection due to administrator command"):
        response = client.post("/pl/accounts/display-name/", {"display_name": "Ola"})

    assert response.status_code == 503
    assert "nic nie zostało zapisane" in response.content.decode()


@pytest.mark.django_db
def test_redis_going_away_gives_the_same_page(home_pages, monkeypatch):
    from redis.exceptions import ConnectionError as RedisConnectionError

    class UnreachableCache:
        def get(self, *args, **kwargs):
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379.")

    monkeypatch.setattr("portal.cache.page_cache", UnreachableCache)

    response = Client(raise_request_exception=False).get("/pl/")

    assert response.status_code == 503
    assert FRIENDLY in response.content.decode()


@pytest.mark.django_db
def test_other_database_errors_stay_server_errors(home_pages):
    client = Client(raise_request_exception=False)

    with refuse_queries('relation "x" does not exist', ProgrammingError):
        response = client.get("/pl/")

    assert response.status_code == 500
    assert FRIENDLY not in response.content.decode()


# --- Against a real PostgreSQL that goes away ---------------------------------------


class CuttableProxy:
    """A TCP proxy to PostgreSQL. ``cut()`` drops every open connection and
    refuses new ones, as a database restart or a network failure does;
    ``restore()`` lets connections through again."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.is_cut = threading.Event()
        self.lock = threading.Lock()
        self.open_sockets = set()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return  # closed
            if self.is_cut.is_set():
                client.close()
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open_sockets |= {client, server}
            for source, sink in ((client, server), (server, client)):
                threading.Thread(
                    target=self._pipe, args=(source, sink), daemon=True
                ).start()

    def _pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source, sink)

    def _close(self, *sockets):
        with self.lock:
            for sock in sockets:
                self.open_sockets.discard(sock)
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def cut(self):
        self.is_cut.set()
        self._close(*list(self.open_sockets))

    def restore(self):
        self.is_cut.clear()

    def close(self):
        self.listener.close()
        self.cut()


@pytest.fixture(scope="module")
def postgres_database(django_db_setup, django_db_blocker):
    """A migrated PostgreSQL database: the test database on a PostgreSQL run,
    else a copy of the migrated template (tests/databases.py), dropped after this
    module. Unreachable → the test fails."""
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            yield with_database(postgres_url(), connection.settings_dict["NAME"])
        return
    url = postgres_url()
    name = f"test_{urlsplit(url).path.strip('/') or 'portal'}_outage"
    database_url = with_database(url, name)
    try:
        copy_of_template(url, name, wait=True)
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is needed for this test: {error}", pytrace=False)
    yield database_url
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def proxy(postgres_database):
    parts = urlsplit(postgres_database)
    proxy = CuttableProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    yield proxy
    proxy.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def portal_behind_proxy(postgres_database, proxy, tmp_path):
    """The portal in gunicorn, as in production, reaching PostgreSQL through the
    proxy with persistent connections (CONN_MAX_AGE) and health checks."""
    parts = urlsplit(postgres_database)
    through_proxy = urlunsplit(
        parts._replace(
            netloc=re.sub(r"@.*$", "", parts.netloc) + f"@127.0.0.1:{proxy.port}"
        )
    )
    port = free_port()
    log = tmp_path / "gunicorn.log"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--threads=4",
            "--timeout=30",
        ],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": through_proxy,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        },
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while fetch(base_url + "/robots.txt")[0] != 200:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)
    except OSError:
        return None, "", {}


def test_the_portal_survives_postgresql_going_away(portal_behind_proxy, proxy):
    home = portal_behind_proxy + "/pl/"
    # The first request makes the site settings (an edit: a new cache generation);
    # by the third, the home page comes from the public page cache.
    assert [fetch(home)[0] for _ in range(2)] == [200, 200]
    assert fetch(home)[2].get("X-Cache") == "HIT"
    reads = itertools.count()

    def uncached_read():
        # A new search each time: neither the page cache nor the kept routes,
        # menus and fragments can answer it for the database.
        return fetch(f"{portal_behind_proxy}/pl/search/?q=kurs{next(reads)}")

    statuses = []
    stop = threading.Event()

    def keep_reading():
        while not stop.is_set():
            status, html, _headers = uncached_read()
            statuses.append((status, html[:300]))

    reader = threading.Thread(target=keep_reading)
    reader.start()
    time.sleep(0.5)
    proxy.cut()  # mid-traffic
    time.sleep(1)
    down = [uncached_read(), fetch(portal_behind_proxy + "/uk/search/?q=kurs")]
    stored = fetch(home)
    stop.set()
    reader.join()

    for (status, html, headers), friendly in zip(
        down, [FRIENDLY, "Незабаром повернемося"], strict=True
    ):
        assert status == 503, html[:500]
        assert friendly in html
        assert "Traceback" not in html
        assert headers["Retry-After"]
    assert {status for status, _html in statuses} == {200, 503}, statuses
    # Anonymous visitors still get the pages stored before the database went away.
    assert stored[0] == 200 and stored[2].get("X-Cache") == "HIT"

    proxy.restore()
    deadline = time.monotonic() + 10
    while (status := uncached_read()[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status == 200
    assert fetch(portal_behind_proxy + "/uk/search/?q=kurs")[0] == 200
