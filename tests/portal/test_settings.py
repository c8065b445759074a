"""Settings read from the environment, checked in a fresh interpreter each time."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x9!k2-this-is-a-long-production-secret-key-for-tests-only-7Qz",
    "ALLOWED_HOSTS": "migrant-voices.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://migrant-voices.example.org",
    "DATABASE_URL": "sqlite:////tmp/portal-check.sqlite3",
}


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
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
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

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.internal"
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True


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
    assert {cache["BACKEND"] for cache in caches.values()} == {
        "django.core.cache.backends.redis.RedisCache"
    }
    assert {cache["LOCATION"] for cache in caches.values()} == {
        "redis://cache.internal:6379/2"
    }
    # One Redis database, kept apart by prefix.
    assert len({cache["KEY_PREFIX"] for cache in caches.values()}) == 3
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_without_redis_sessions_stay_in_the_database():
    values = settings_in(PRODUCTION_ENV, "CACHES", "SESSION_ENGINE")

    assert values["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


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
