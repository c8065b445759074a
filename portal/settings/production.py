from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names).")

# The caches every process must share (base.py: Redis, or files on this one
# machine), not each process's own memory.
_LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
_SHARE = "Set REDIS_URL, or keep the files under CACHE_DIR (portal/settings/base.py)"
if PAGE_CACHE_SECONDS and CACHES[PAGE_CACHE_ALIAS]["BACKEND"] == _LOCAL_MEMORY:  # noqa: F405
    raise ImproperlyConfigured(
        "The page cache is in each process's own memory: a page published, "
        "unpublished or restricted by another gunicorn worker or by a manage.py "
        "command (cron's publish_scheduled) would go on being served as stored. "
        f"{_SHARE}, or turn the page cache off with PAGE_CACHE_SECONDS=0."
    )
if CACHES["default"]["BACKEND"] == _LOCAL_MEMORY:  # noqa: F405
    raise ImproperlyConfigured(
        "The default cache is in each process's own memory: each gunicorn worker "
        f"would count the forms' rate limit on its own. {_SHARE}."
    )

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Cookies only over HTTPS (Referrer-Policy, nosniff, frame protection and the
# Content-Security-Policy are set for every environment in base.py).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
