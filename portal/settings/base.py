"""Settings shared by every environment; secrets and hosts come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "clubs",
    "counselling",
    "contact",
    "initiatives",
    "publications",
    "consultations",
    "events",
    "axes",
    "csp",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # PostgreSQL's full-text search for Wagtail's database search backend.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Directly after SecurityMiddleware, as WhiteNoise's documentation asks.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a stored public page needs neither.
    "portal.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After the CSRF check: a refused post needs no page.
    "portal.routing.PageRouteCacheMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # After Django's own csrf processor (portal/cache.py).
                "portal.cache.csrf_stand_in",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://… selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing on a file database.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # Take the write lock when a transaction starts, and wait for it rather than
        # failing with "database is locked" when two requests write at once.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's, with a health check that sends nothing (portal/postgresql).
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
    # Parameters sent apart from the query (psycopg's server-side binding), so a
    # query is the same text whatever its values, and prepared once it has been
    # sent a few times on a connection: PostgreSQL then neither parses nor plans
    # it again, which halved its share of a page's work (README, "Benchmark").
    # DATABASE_PREPARE_THRESHOLD=off for a pooler that cannot keep prepared
    # statements (PgBouncer before 1.21 in transaction mode).
    _prepare = os.environ.get("DATABASE_PREPARE_THRESHOLD", "5").strip().lower()
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=None if _prepare in {"off", "none", ""} else int(_prepare),
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. With REDIS_URL (redis://host:6379/0) every application server shares
# them: rate-limit counters, cached sessions, the public page cache and image
# renditions. Without it they are files under CACHE_DIR, shared by every process
# on this machine (gunicorn's workers, cron's manage.py commands), so a page
# published or unpublished by any of them is seen by all at once: one machine
# only. Never each process's own memory: a process would keep serving the pages
# it stored after another one unpublished them (production.py refuses it).
REDIS_URL = os.environ.get("REDIS_URL", "")
# Relative to the project, whatever directory a process was started from.
CACHE_DIR = BASE_DIR / os.environ.get("CACHE_DIR", "cache")
PAGE_CACHE_ALIAS = "pages"
# How long a public page is kept (seconds); publishing invalidates it at once. 0
# turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 5 * 60))


def _cache(prefix, timeout=300, kind="Cache"):
    if REDIS_URL:
        backend = {
            "BACKEND": f"portal.cache.Redis{kind}",
            "LOCATION": REDIS_URL,
        }
    else:
        backend = {
            "BACKEND": f"portal.cache.FileBased{kind}",
            # A directory each: clearing or culling one cache leaves the others.
            "LOCATION": str(CACHE_DIR / prefix),
            # Files past this are culled, expired ones first (portal/cache.py):
            # what bounds the disk a flood of distinct searches can fill.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    return {**backend, "KEY_PREFIX": prefix, "TIMEOUT": timeout}


CACHES = {
    "default": _cache("portal"),
    PAGE_CACHE_ALIAS: _cache("pages", PAGE_CACHE_SECONDS),
    # Wagtail looks renditions up here before asking the database; what it found
    # here is not written back (portal/cache.py).
    "renditions": _cache("renditions", 60 * 60 * 24 * 7, "RenditionCache"),
}
if REDIS_URL:
    # Sessions live in the database and are read through Redis; without Redis,
    # from the database alone.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # django-axes's and Django's backends, loading the user with their groups
    # (portal/auth.py). First, so a locked-out login is refused before the
    # password is checked; the full AxesBackend (not the standalone one) can also
    # load the user, which force_login in tests needs of the first backend.
    "portal.auth.LockoutBackend",
    "portal.auth.ModelBackend",
]

LOGIN_URL = "login"
# Pages restricted to a group send visitors to our login page, in their language.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "login"

# Languages: Polish is the default; every page and message exists in these four.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("en", _("English")),
    ("ru", _("Russian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Warsaw"
# Where Django's own date formats don't suit readers in Poland (portal/formats/).
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on S3-compatible object storage (AWS, MinIO, Ceph…) when a bucket is set,
# so every application server sees the same uploads. The bucket stays private:
# image URLs are signed, and documents are streamed through Wagtail's serve view,
# which enforces their privacy. boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY from the environment itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False

# Complex page forms in the Wagtail editor can exceed Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Logins, login failures, lockouts and refused requests (portal/security.py).
        "portal.security": {"level": "INFO"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Migrant Voices"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Background tasks (e-mail notifications). Immediate in development and tests; in
# production TASKS_BACKEND=django_tasks_db.DatabaseBackend with `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Consultations: at most this many comments per member in this many seconds.
CONSULTATIONS_COMMENT_LIMIT = 10
CONSULTATIONS_COMMENT_WINDOW = 10 * 60

# Public forms: at most this many stored submissions per address and period
# (seconds). Generous, since many people can share one address (a reception
# centre, a library). See portal/spam.py.
PUBLIC_FORM_RATE_LIMIT = (int(os.environ.get("PUBLIC_FORM_RATE_LIMIT", 10)), 60 * 60)
# How many reverse proxies in front of the app append to X-Forwarded-For. With 0
# the limit counts REMOTE_ADDR, which behind a proxy is the proxy's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# How long join and counselling requests are kept, as the forms' privacy notices
# say; `manage.py delete_expired_submissions` (run daily) deletes older ones.
SUBMISSION_RETENTION_DAYS = 365

# --- Security ----------------------------------------------------------------------
# What is enforced where is in the README's "Security" section.

# Login lockout (django-axes), on the public login and the Wagtail admin's. Locks the
# combination of account and address: many people share one address (a reception
# centre, a library), and locking the address would lock out all of them.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Axes locks out forever unless told otherwise.
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# Axes names the client in its log lines; ours carry a keyed hash, not the username
# (often an e-mail address). Successful logins are logged by portal.security, not
# kept in a table with usernames and addresses.
AXES_CLIENT_STR_CALLABLE = "portal.security.axes_client_str"
AXES_DISABLE_ACCESS_LOG = True
# The same address the forms' rate limit counts (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "portal.spam.client_address"

# Headers sent in every environment (production adds HSTS and secure cookies).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}

# The public site runs no inline script and no inline style; embedded videos come
# from the providers Wagtail's embeds know. The admin has its own policy
# (ADMIN_CONTENT_SECURITY_POLICY, portal/middleware.py).
VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_FRAME_SOURCES,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail 8's admin still writes inline scripts (InlinePanel, date pickers) and
# inline styles, so its pages allow them; the preview panel frames the page being
# edited from the admin's own origin.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, *VIDEO_FRAME_SOURCES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# The dashboard's update check would call wagtail.io from editors' browsers, and
# avatars would send a hash of each editor's e-mail address to Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Documents go through Wagtail's serve view, which enforces collection privacy;
# /media/documents/ is never served directly (portal/urls.py, README).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.DocumentForm"
# Only these open in the browser; anything else (HTML, SVG …) is a download.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
