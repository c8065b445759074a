"""Without Redis, every process on the machine shares the caches (files under
CACHE_DIR): a page unpublished or restricted by a manage.py command, or by
another gunicorn worker, is no longer served as stored by any of them, and the
forms' rate-limit counters count every worker's requests for their whole period."""

import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pytest
import requests
from wagtail.models import Page

from home.models import HomePage
from portal.cache import FileBasedCache
from tests.factories import StandardPageFactory, publish
from tests.portal.servers import (
    BASE_DIR,
    database_url,
    start_gunicorn,
    stop,
    wait_until_serving,
)

HOUR = 60 * 60


def file_cache(directory, **options):
    return FileBasedCache(str(directory), {"TIMEOUT": 300, "OPTIONS": options})


def test_a_counter_keeps_its_period_when_counted(tmp_path, monkeypatch):
    counters = file_cache(tmp_path)
    counters.add("submissions", 1, HOUR)
    counters.incr("submissions")

    # Past the cache's default timeout (5 minutes), within the counter's hour.
    later = time.time() + 10 * 60
    monkeypatch.setattr(time, "time", lambda: later)

    assert counters.get("submissions") == 2


def test_an_expired_counter_cannot_be_counted(tmp_path, monkeypatch):
    counters = file_cache(tmp_path)
    counters.add("submissions", 1, HOUR)
    later = time.time() + 2 * HOUR
    monkeypatch.setattr(time, "time", lambda: later)

    with pytest.raises(ValueError):
        counters.incr("submissions")


def count(directory, times):
    counters = file_cache(directory)
    for _ in range(times):
        counters.incr("submissions")


def test_processes_counting_at_once_lose_no_count(tmp_path):
    file_cache(tmp_path).add("submissions", 0, HOUR)

    # Forked: the children need no Django set-up of their own.
    with ProcessPoolExecutor(4, mp_context=get_context("fork")) as processes:
        list(processes.map(count, [tmp_path] * 4, [50] * 4))

    assert file_cache(tmp_path).get("submissions") == 200


def test_a_full_cache_drops_expired_entries_before_live_ones(tmp_path, monkeypatch):
    # CULL_FREQUENCY=1: when full, Django's cull deletes as many as it may.
    pages = file_cache(tmp_path, MAX_ENTRIES=10, CULL_FREQUENCY=1)
    pages.set("generation", 1, None)
    for n in range(9):
        pages.set(f"page:{n}", "old page", 60)
    later = time.time() + 2 * 60
    monkeypatch.setattr(time, "time", lambda: later)

    pages.set("page:new", "new page", 60)

    assert pages.get("generation") == 1
    assert pages.get("page:new") == "new page"
    assert pages.get("page:0") is None


# --- Two processes -----------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_files_env(live_site, tmp_path_factory):
    """The environment of a deployment without Redis: the caches are files."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
        "CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
        "PAGE_CACHE_SECONDS": "300",
    }
    env.pop("REDIS_URL", None)
    return env


@pytest.fixture(scope="module")
def server(shared_files_env, django_db_blocker, tmp_path_factory):
    """A gunicorn server without Redis. One worker, so that the page it stored is
    the one it answers with: with each process's own memory, a second worker would
    answer fresh by chance."""
    logs = tmp_path_factory.mktemp("gunicorn")
    process, url = start_gunicorn(shared_files_env, logs / "server.log", workers=1)
    try:
        wait_until_serving(url, process, logs)
        with django_db_blocker.unblock():
            yield url
    finally:
        stop([process])


@pytest.fixture
def public_page(server):
    home = HomePage.objects.get(locale__language_code="pl")
    # A new address each time: this process's own writes reach its own cache only.
    page = publish(StandardPageFactory(parent=home))
    yield page
    Page.objects.get(pk=page.pk).delete()


def in_another_process(env, code):
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        check=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ("Page.objects.get(pk={pk}).specific.unpublish()", 404),
        (
            "PageViewRestriction.objects.create(page_id={pk}, "
            "restriction_type=PageViewRestriction.LOGIN)",
            302,
        ),
    ],
    ids=["unpublished", "restricted"],
)
def test_a_change_made_by_a_command_is_served_at_once_by_the_server(
    server, shared_files_env, public_page, change, status
):
    url = server + public_page.url
    first = requests.get(url, allow_redirects=False)
    second = requests.get(url, allow_redirects=False)
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert public_page.title in second.text

    in_another_process(
        shared_files_env,
        "from wagtail.models import Page, PageViewRestriction; "
        + change.format(pk=public_page.pk),
    )

    after = requests.get(url, allow_redirects=False)
    assert after.status_code == status
    assert public_page.title not in after.text
