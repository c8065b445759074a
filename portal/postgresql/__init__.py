"""Django's PostgreSQL backend, with a health check that costs no round trip
(``base.py``). ``DATABASE_URL=postgres://…`` selects it (portal/settings/base.py)."""
