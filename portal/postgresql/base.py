import datetime
import select
from functools import lru_cache

from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLWrapper
from django.db.backends.postgresql.psycopg_any import BaseTzLoader
from django.db.utils import DatabaseErrorWrapper
from django.utils.functional import cached_property
from psycopg import Error, adapters, errors, pq
from psycopg.adapt import AdaptersMap, Loader

# psycopg's own loader of a timestamptz in text: its C implementation where
# psycopg[binary] is installed.
_PSYCOPG_TIMESTAMPTZ = adapters.get_loader(
    adapters.types["timestamptz"].oid, pq.Format.TEXT
)


class _DjangoUtcLoader(BaseTzLoader):
    timezone = datetime.UTC


class UtcTimestamptzLoader(Loader):
    """A timestamptz as Django reads it when it keeps time in UTC, parsed by
    psycopg's C loader.

    Django registers a loader of its own (``BaseTzLoader``): psycopg's Python
    parser, then the value's zone replaced by Django's. A cold page reads a few
    hundred such values (a page row has six) and spent about a twentieth of its
    time parsing them. On a connection whose session time zone is UTC, which
    Django sets when it connects, psycopg's loader already gives that value with
    ``datetime.timezone.utc``: the same object, six times faster. On any other
    session zone (a query that set its own), Django's loader is used.

    ``timezone`` is what Django's ``create_cursor`` compares with its own."""

    timezone = datetime.UTC

    def __init__(self, oid, context=None):
        super().__init__(oid, context)
        in_utc = (
            self.connection is not None
            and self.connection.info.timezone is datetime.UTC
        )
        loader = _PSYCOPG_TIMESTAMPTZ if in_utc else _DjangoUtcLoader
        self._load = loader(oid, context).load

    def load(self, data):
        return self._load(data)


@lru_cache
def _with_utc_loader(template):
    """Django's adapters with ``UtcTimestamptzLoader``: a copy, since Django's
    template is shared (cached) by every connection of its own backend."""
    adapters_map = AdaptersMap(template)
    adapters_map.register_loader("timestamptz", UtcTimestamptzLoader)
    return adapters_map


class DatabaseWrapper(PostgreSQLWrapper):
    # A prepared query the server can no longer run as prepared (a migration changed
    # the type of a column it reads: "cached plan must not change result type")
    # fails on every run on this connection; it is replaced instead.
    stale_prepared_queries = False

    def get_connection_params(self):
        params = super().get_connection_params()
        if self.timezone is datetime.UTC:  # USE_TZ, the database's in UTC
            params["context"] = _with_utc_loader(params["context"])
        return params

    @cached_property
    def wrap_database_errors(self):
        return _ErrorWrapper(self)

    def connect(self):
        super().connect()
        self.stale_prepared_queries = False

    def is_usable(self):
        """Whether the kept connection still reaches the server, mostly without
        sending it anything. Django's check (CONN_HEALTH_CHECKS) sends ``SELECT 1``
        at the start of every request that reads the database: a round trip, and
        about a tenth of the Python work of a stance post. Between requests a
        connection is idle and the server sends nothing unasked, except to say it is
        ending the connection (a restart, ``pg_terminate_backend``, an idle timeout)
        or, rarely, a notice; so when nothing has arrived it is usable, and when
        something has, or the connection is not idle (a result left unread, a failed
        transaction), ``SELECT 1`` decides. A server gone without a word (a cable
        pulled) fails the request's first query instead, as it would fail after a
        ``SELECT 1`` that had passed a moment earlier."""
        connection = self.connection
        if (
            connection is None
            or connection.closed
            or connection.broken
            or self.stale_prepared_queries
        ):
            return False
        if connection.pgconn.transaction_status != pq.TransactionStatus.IDLE:
            return super().is_usable()
        try:
            # poll, not select: select fails on descriptors past 1023.
            waiting = select.poll()
            waiting.register(connection.pgconn.socket, select.POLLIN)
            unasked = waiting.poll(0)
        except (OSError, Error):
            return False
        return super().is_usable() if unasked else True


class _ErrorWrapper(DatabaseErrorWrapper):
    def __exit__(self, exc_type, exc_value, traceback):
        if isinstance(exc_value, errors.FeatureNotSupported):
            # SQLSTATE 0A000, which the stale prepared query raises; Django then
            # asks ``is_usable`` when the request ends.
            self.wrapper.stale_prepared_queries = True
        return super().__exit__(exc_type, exc_value, traceback)
