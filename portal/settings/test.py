import os
from urllib.parse import urlsplit, urlunsplit


def _worker_redis_url(url, worker):
    """The Redis database of one pytest-xdist worker (gw0, gw1, …): the suite's
    database number plus the worker's, so a test clearing its caches never empties
    another worker's. Servers a test starts inherit the result, not the shift."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{database}"))


# Marked decided in the worker, with or without a shift: a server a test starts
# with a Redis URL of its own (the scale-out test's) must not shift it again.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker and not os.environ.get("REDIS_WORKER"):
    if os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = _worker_redis_url(os.environ["REDIS_URL"], _worker)
    os.environ["REDIS_WORKER"] = _worker

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A real password hash costs ~0.4 s of CPU; tests log in often.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared in-memory SQLite: browser tests and concurrency tests use
    # several connections, which need real locks and the busy timeout.
    # TEST_SQLITE_NAME lets two checkouts run their suites at once.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_NAME") or str(BASE_DIR / ".test-db.sqlite3")  # noqa: F405
    }

if not REDIS_URL and "CACHE_DIR" not in os.environ:  # noqa: F405
    # The suite runs in one process (its live server is a thread of it), and each
    # test starts with empty caches: local memory, and no files shared with another
    # checkout's run. A test that starts servers in other processes sets CACHE_DIR
    # to share files among them, as a deployment without Redis does.
    CACHES = {  # noqa: F405
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            "KEY_PREFIX": cache["KEY_PREFIX"],
            "TIMEOUT": cache["TIMEOUT"],
        }
        for alias, cache in CACHES.items()  # noqa: F405
    }
