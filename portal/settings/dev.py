from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = (
    os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
)
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# Serve static files straight from the apps, as WhiteNoise does in production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
