"""Two application servers behind one address share everything a visitor notices.

Two gunicorn processes on two ports, against the test database (PostgreSQL in CI's
second run) and this machine's Redis, as two servers behind a load balancer: a page
published through one is served fresh by the other, a login on one is valid on
the other, a rate limit counts requests to both, and a notification queued by one
is sent by the task worker.
"""

import os
import re
import subprocess
import sys

import pytest
import redis
import requests
from django.conf import settings

from consultations.models import Comment, ConsultationPage, Notification
from consultations.models.records import Phase
from counselling.models import CounsellingPage, CounsellingRequest
from home.models import StandardPage
from tests.conftest import DEMO_PASSWORD
from tests.portal.servers import (
    BASE_DIR,
    database_url,
    start_gunicorn,
    stop,
    wait_until_serving,
)

RATE_LIMIT = 4
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(scope="module")
def shared_redis():
    """The suite's Redis when it runs against one, else a database of its own.
    A missing Redis fails the test: it is part of the deployment being shown."""
    url = settings.REDIS_URL or os.environ.get(
        "SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/14"
    )
    client = redis.Redis.from_url(url)
    client.ping()
    client.flushdb()  # no pages or generation left from an earlier run
    return url


@pytest.fixture(scope="module")
def servers(live_site, shared_redis, django_db_blocker, tmp_path_factory):
    """Base URLs of two gunicorn servers sharing the database and Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": shared_redis,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PUBLIC_FORM_RATE_LIMIT": str(RATE_LIMIT),
    }
    logs = tmp_path_factory.mktemp("gunicorn")
    started = [start_gunicorn(env, logs / f"{name}.log") for name in ("a", "b")]
    processes = [process for process, _url in started]
    try:
        for process, url in started:
            wait_until_serving(url, process, logs)
        with django_db_blocker.unblock():
            yield [url for _process, url in started]
    finally:
        stop(processes)


def csrf_token(session, url):
    response = session.get(url)
    assert response.status_code == 200, url
    return CSRF_INPUT.search(response.text).group(1)


def log_in(session, server, username, path="/pl/accounts/login/"):
    token = csrf_token(session, server + path)
    response = session.post(
        server + path,
        {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": server + path},
        allow_redirects=False,
    )
    assert response.status_code == 302, f"login as {username} on {server} failed"
    return response.cookies[settings.SESSION_COOKIE_NAME]


def as_member_of(session_id, server, path):
    return requests.get(
        server + path,
        cookies={settings.SESSION_COOKIE_NAME: session_id},
        allow_redirects=False,
    )


def test_a_login_on_one_server_is_valid_on_the_other_until_logout(servers):
    a, b = servers
    on_a = requests.Session()
    session_id = log_in(on_a, a, "member3")

    account = as_member_of(session_id, b, "/pl/accounts/")
    assert account.status_code == 200
    assert "member3" in account.text

    on_b = requests.Session()
    on_b.cookies.set(settings.SESSION_COOKIE_NAME, session_id)
    token = csrf_token(on_b, f"{b}/pl/accounts/")
    on_b.post(
        f"{b}/pl/accounts/logout/",
        {"csrfmiddlewaretoken": token},
        headers={"Referer": f"{b}/pl/accounts/"},
    )

    after_logout = as_member_of(session_id, a, "/pl/accounts/")
    assert after_logout.status_code == 302
    assert "/accounts/login/" in after_logout.headers["Location"]


def test_a_page_published_through_one_server_is_served_fresh_by_the_other(servers):
    a, b = servers
    page = StandardPage.objects.live().filter(locale__language_code="pl").first()
    url = page.url
    assert requests.get(b + url).status_code == 200
    stored = requests.get(b + url)
    assert stored.headers["X-Cache"] == "HIT"

    # An editor saves a draft, then publishes it through server A.
    page.title = "Nowy tytuł strony"
    page.save_revision()
    editor = requests.Session()
    log_in(editor, a, "editor", path="/admin/login/")
    publish = f"{a}/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
    response = editor.post(
        publish,
        {"csrfmiddlewaretoken": csrf_token(editor, publish)},
        headers={"Referer": publish},
        allow_redirects=False,
    )
    assert (response.status_code, response.headers["Location"]) == (302, "/admin/")

    fresh = requests.get(b + url)
    assert fresh.headers["X-Cache"] == "MISS"
    assert "Nowy tytuł strony" in fresh.text
    assert requests.get(b + url).headers["X-Cache"] == "HIT"


def test_the_form_rate_limit_counts_requests_to_both_servers(servers):
    a, b = servers
    path = CounsellingPage.objects.live().filter(locale__language_code="pl")[0].url
    stored_before = CounsellingRequest.objects.count()
    statuses = []
    for server in (a, b) * RATE_LIMIT:
        visitor = requests.Session()
        response = visitor.post(
            server + path,
            {
                "topic": "residence",
                "preferred_language": "uk",
                "name": "Olena",
                "contact_method": "email",
                "email": "olena@example.org",
                "message": "Moja karta pobytu wygasa w przyszłym miesiącu.",
                "privacy_consent": "on",
                "csrfmiddlewaretoken": csrf_token(visitor, server + path),
            },
            headers={"Referer": server + path},
        )
        statuses.append(response.status_code)

    assert statuses == [200] * RATE_LIMIT + [429] * RATE_LIMIT
    assert CounsellingRequest.objects.count() == stored_before + RATE_LIMIT


def test_a_notification_queued_by_one_server_is_sent_by_the_worker(servers):
    a, b = servers
    page = next(
        page
        for page in ConsultationPage.objects.live().filter(locale__language_code="pl")
        if page.record.phase() == Phase.OPEN
    )
    author, replier = requests.Session(), requests.Session()
    log_in(author, a, "member5")
    log_in(replier, b, "member6")

    def comment(session, server, **fields):
        token = csrf_token(session, server + page.url)
        return session.post(
            f"{server}{page.url}comments/",
            {
                "text": "Zgadzam się z tym kierunkiem.",
                "language": "pl",
                "display_name": f"Osoba {fields.get('parent', 'A')}",
                "csrfmiddlewaretoken": token,
                **fields,
            },
            headers={"Referer": server + page.url},
        )

    assert comment(author, a).status_code == 200
    first = Comment.objects.filter(author__username="member5").latest("pk")
    assert comment(replier, b, parent=first.pk).status_code == 200

    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url(),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        },
        check=True,
        timeout=120,
    )
    assert Notification.objects.filter(
        member__username="member5", kind="reply"
    ).exists()
