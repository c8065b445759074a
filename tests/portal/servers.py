"""Application servers in processes of their own, against the suite's database: for
tests of what several processes share (tests/portal/test_scale_out.py,
tests/portal/test_shared_cache.py)."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or ""
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env, log, workers=2):
    """A gunicorn server on a free port; returns the process and its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "portal.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    return process, f"http://127.0.0.1:{port}"


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def wait_until_serving(url, process, logs):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = "\n".join(path.read_text() for path in logs.iterdir())
            pytest.fail(f"gunicorn stopped:\n{log}", pytrace=False)
        try:
            if requests.get(f"{url}/robots.txt", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.2)
    pytest.fail(f"gunicorn at {url} did not answer within a minute", pytrace=False)
