"""Prepared, server-side-bound statements on Django's own connection.

Django's psycopg backend binds parameters on the client and turns psycopg's
prepared statements off, so PostgreSQL parses and plans every statement
anew; for the short joins of the hot path (the single-submission POST)
planning costs several times more than running them. A :func:`cursor` from
here binds on the server, and its statements are prepared on the connection
and their plans reused. It shares Django's connection and so its
transaction. Behind a connection pooler that cannot keep prepared statements
(PgBouncer in transaction mode), set ``SAYLAU_DB_PREPARE=off``.

:func:`fetch_one` is what the apps call: one row, through a prepared
statement on PostgreSQL and through Django's cursor elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import psycopg
from django.db import connection

PREPARE = os.environ.get("SAYLAU_DB_PREPARE", "on").lower() not in ("off", "0", "no", "false")


def cursor() -> psycopg.Cursor:
    """A psycopg cursor with server-side binding on Django's connection (PostgreSQL only)."""
    connection.ensure_connection()
    conn = connection.connection
    if PREPARE and conn.prepare_threshold is None:
        conn.prepare_threshold = 2  # Django's client-side cursors never prepare; only these do
    return psycopg.Cursor(conn)


#: statement texts as the bytes psycopg sends: encoded once, and the same bytes object each
#: time, whose hash psycopg's caches of converted and prepared statements then need not recompute
_ENCODED: dict[str, bytes] = {}


def encoded(sql: str) -> bytes:
    """``sql`` as UTF-8 bytes, the same object for the same text (kept for at most
    1,000 texts: the fast paths' statements are a handful)."""
    found = _ENCODED.get(sql)
    if found is None:
        if len(_ENCODED) >= 1000:
            _ENCODED.clear()
        found = _ENCODED[sql] = sql.encode()
    return found


def fetch_one(sql: str, params: Sequence = (), *, for_update: bool = False) -> tuple | None:
    """The first row of ``sql`` (``%s`` placeholders), or None.

    On PostgreSQL a prepared statement (planned once per connection); elsewhere
    Django's cursor. ``for_update``: the row stays locked until the transaction
    ends, on databases with row locks (SQLite has one writer at a time anyway).
    """
    if for_update and connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    if connection.vendor == "postgresql":
        with cursor() as c:
            return c.execute(encoded(sql), params).fetchone()
    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchone()
