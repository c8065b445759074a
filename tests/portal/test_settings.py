"""Settings read from the environment, checked in a fresh interpreter each time."""

import json
import os
import subprocess
import sys
from pathlib import Path

from axes.backends import AxesBackend
from django.conf import settings
from django.utils.module_loading import import_string

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x9!k2-this-is-a-long-production-secret-key-for-tests-only-7Qz",
    "ALLOWED_HOSTS": "migrant-voices.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://migrant-voices.example.org",
    "DATABASE_URL": "sqlite:////tmp/portal-check.sqlite3",
    # Not the checkout's own cache/ directory.
    "CACHE_DIR": "/tmp/portal-check-cache",
}
LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def run(args, env):
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_in(env, *names):
    # Reading settings needs no app registry: without django.setup() a check
    # costs a tenth of the time.
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_pass_the_deployment_check():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}

    result = run(["manage.py", "check"], env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_hosts_and_email_come_from_the_environment():
    env = {
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "a.example.org, b.example.org",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "587",
        "EMAIL_USE_TLS": "true",
        "DEFAULT_FROM_EMAIL": "portal@example.org",
    }

    values = settings_in(
        env,
        "ALLOWED_HOSTS",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_USE_TLS",
        "DEFAULT_FROM_EMAIL",
    )

    assert values == {
        "ALLOWED_HOSTS": ["a.example.org", "b.example.org"],
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_USE_TLS": True,
        "DEFAULT_FROM_EMAIL": "portal@example.org",
    }


def test_sqlite_waits_for_the_write_lock_instead_of_failing():
    values = settings_in(
        {"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DATABASE_URL": ""},
        "DATABASES",
    )
    database = values["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"].endswith("db.sqlite3")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 5


def test_postgresql_from_database_url_keeps_connections_open():
    values = settings_in(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
        },
        "DATABASES",
    )
    database = values["DATABASES"]["default"]

    assert database["ENGINE"] == "portal.postgresql"
    assert database["HOST"] == "db.internal"
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_prepared_statements_can_be_switched_off_for_a_pooler():
    values = settings_in(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": "postgres://portal:secret@pgbouncer:6432/portal",
            "DATABASE_PREPARE_THRESHOLD": "off",
        },
        "DATABASES",
    )

    assert values["DATABASES"]["default"]["OPTIONS"]["prepare_threshold"] is None


def test_whitenoise_comes_directly_after_the_security_middleware():
    middleware = settings.MIDDLEWARE

    assert middleware[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert middleware.index("django.middleware.locale.LocaleMiddleware") < (
        middleware.index("django.middleware.common.CommonMiddleware")
    )


def test_production_serves_compressed_hashed_static_files():
    values = settings_in(PRODUCTION_ENV, "STORAGES", "DEBUG")

    assert values["DEBUG"] is False
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_with_redis_every_cache_and_the_sessions_are_shared():
    values = settings_in(
        {**PRODUCTION_ENV, "REDIS_URL": "redis://cache.internal:6379/2"},
        "CACHES",
        "SESSION_ENGINE",
    )

    caches = values["CACHES"]
    assert set(caches) == {"default", "pages", "renditions"}
    assert {alias: cache["BACKEND"] for alias, cache in caches.items()} == {
        "default": "portal.cache.RedisCache",
        "pages": "portal.cache.RedisCache",
        "renditions": "portal.cache.RedisRenditionCache",
    }
    assert {cache["LOCATION"] for cache in caches.values()} == {
        "redis://cache.internal:6379/2"
    }
    # One Redis database, kept apart by prefix.
    assert len({cache["KEY_PREFIX"] for cache in caches.values()}) == 3
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_the_redis_cache_reuses_one_client_per_connection_pool():
    from portal.cache import RedisCache

    url = settings.REDIS_URL or os.environ.get(
        "SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/14"
    )
    cache = RedisCache(url, {"KEY_PREFIX": "client-test"})

    cache.set("answer", {"stance": "support"})

    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    assert cache.get("answer") == {"stance": "support"}
    assert cache.delete("answer")


def test_without_redis_every_process_on_the_machine_shares_files():
    # Not the REDIS_URL the suite itself may run with (CI's PostgreSQL run).
    values = settings_in(
        {**PRODUCTION_ENV, "REDIS_URL": "", "CACHE_DIR": "var/cache"},
        "CACHES",
        "SESSION_ENGINE",
    )

    caches = values["CACHES"]
    assert {alias: cache["BACKEND"] for alias, cache in caches.items()} == {
        "default": "portal.cache.FileBasedCache",
        "pages": "portal.cache.FileBasedCache",
        "renditions": "portal.cache.FileBasedRenditionCache",
    }
    # A directory each, relative to the project whichever directory cron or
    # gunicorn starts in.
    assert {alias: cache["LOCATION"] for alias, cache in caches.items()} == {
        "default": str(BASE_DIR / "var/cache/portal"),
        "pages": str(BASE_DIR / "var/cache/pages"),
        "renditions": str(BASE_DIR / "var/cache/renditions"),
    }
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def production_with_caches_in_local_memory(aliases, env=PRODUCTION_ENV):
    """The production settings over a base whose caches are each process's own,
    as they were before the shared files."""
    code = (
        "import portal.settings.base as base\n"
        f"for alias in {aliases!r}: base.CACHES[alias]['BACKEND'] = {LOCAL_MEMORY!r}\n"
        "import portal.settings.production"
    )
    return run(["-c", code], {**env, "REDIS_URL": ""})


def test_production_refuses_a_page_cache_in_each_process_memory():
    result = production_with_caches_in_local_memory(["pages"])

    assert result.returncode != 0
    assert "ImproperlyConfigured: The page cache is in each process's own memory" in (
        result.stderr
    )


def test_production_accepts_local_memory_for_a_page_cache_turned_off():
    env = {**PRODUCTION_ENV, "PAGE_CACHE_SECONDS": "0"}

    result = production_with_caches_in_local_memory(["pages"], env)

    assert result.returncode == 0, result.stderr


def test_production_refuses_rate_limit_counters_in_each_process_memory():
    result = production_with_caches_in_local_memory(["default"])

    assert result.returncode != 0
    assert "The default cache is in each process's own memory" in result.stderr


def test_media_go_to_object_storage_when_a_bucket_is_set():
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__module__, s.bucket_name, s.endpoint_url)"
    )
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "portal-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
    }

    result = run(["-c", code], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "storages.backends.s3",
        "portal-media",
        "https://objects.example.org",
    ]


def test_production_sends_hsts_and_keeps_cookies_to_https():
    values = settings_in(
        PRODUCTION_ENV,
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
    )

    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert all(values.values())


def test_a_production_response_carries_hsts_and_the_security_headers():
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/robots.txt', secure=True, "
        "headers={'host': 'migrant-voices.example.org'}); "
        "print(r.status_code); [print(h, ':', r[h]) for h in ("
        "'Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', "
        "'X-Frame-Options', 'Content-Security-Policy', 'Permissions-Policy')]"
    )

    result = run(["-c", code], {**PRODUCTION_ENV, "DATABASE_URL": "sqlite://"})

    assert result.returncode == 0, result.stderr
    output = result.stdout
    assert output.startswith("200")
    assert "Strict-Transport-Security : max-age=31536000; includeSubDomains" in output
    assert "X-Content-Type-Options : nosniff" in output
    assert "Referrer-Policy : same-origin" in output
    assert "X-Frame-Options : DENY" in output
    assert "default-src 'self'" in output.split("Content-Security-Policy : ")[1]


def test_the_login_lockout_has_a_cool_off_and_locks_account_and_address_together():
    from datetime import timedelta

    cool_off = settings.AXES_COOLOFF_TIME
    assert cool_off == timedelta(minutes=15)
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert issubclass(import_string(settings.AUTHENTICATION_BACKENDS[0]), AxesBackend)
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
