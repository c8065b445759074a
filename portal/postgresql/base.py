from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLWrapper
from psycopg import Error, pq


class DatabaseWrapper(PostgreSQLWrapper):
    def is_usable(self):
        """Whether the kept connection still reaches the server, without sending
        it anything. Django's check (CONN_HEALTH_CHECKS) sends ``SELECT 1`` at the
        start of every request that reads the database: a round trip, and about a
        tenth of the Python work of a stance post. A server that restarts or ends
        the connection (a restart, ``pg_terminate_backend``, an idle timeout) says
        so and closes the socket; reading what has arrived, which never waits,
        finds that, and Django then opens a new connection before the request's
        first query. A server gone without a word (a cable pulled) fails that
        query instead, as it would fail after a ``SELECT 1`` had passed a moment
        earlier."""
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        try:
            connection.pgconn.consume_input()
        except Error:
            return False
        return connection.pgconn.status == pq.ConnStatus.OK
