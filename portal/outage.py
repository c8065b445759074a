"""A friendly page while the database (or Redis, when configured) is away.

A lost or refused connection is an outage, not a bug: visitors get a
translated "back in a moment" page with status 503 and Retry-After instead of the
generic error page. The page is a static template: rendering it needs neither the
database nor a request context. Django's own handling stays in place around it:
the error is logged and ``got_request_exception`` is sent, as for any 500.

This is the site's ``handler500``, so it also covers a connection lost in a
middleware (saving a session, say), not only in a view. Other database errors
(a bad query, a violated constraint) are bugs and keep the 500 page. Once the
database is back, Django opens a new connection on the next request: nothing
needs restarting.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

RETRY_AFTER_SECONDS = 60

OUTAGES = (
    # django.db wraps psycopg's and sqlite3's errors in these two classes: a
    # refused or dropped connection, a server shutting down, a locked database.
    OperationalError,
    InterfaceError,
    # Redis is a required service when REDIS_URL is set (the page cache, sessions).
    RedisConnectionError,
    RedisTimeoutError,
)


def is_outage(error):
    return isinstance(error, OUTAGES)


def outage_response():
    response = HttpResponse(
        render_to_string("503.html"),
        status=503,
        content_type="text/html; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A cache in front (or the page cache) must not keep serving the outage.
    add_never_cache_headers(response)
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django calls this from inside its ``except`` block, so the error is at hand."""
    if is_outage(sys.exc_info()[1]):
        return outage_response()
    return defaults.server_error(request, template_name)
