"""Prepared, server-side-bound statements on Django's own PostgreSQL connection.

Django's psycopg backend binds parameters on the client and turns psycopg's
prepared statements off, so PostgreSQL parses and plans every statement
anew; for the short joins of the hot path (the single-submission POST)
planning costs several times more than running them. A :func:`cursor` from
here binds on the server, and its statements are prepared on the connection
and their plans reused. It shares Django's connection and so its
transaction. Behind a connection pooler that cannot keep prepared statements
(PgBouncer in transaction mode), set ``SAYLAU_DB_PREPARE=off``.

Rows to insert travel as one JSON parameter (:func:`records`) read back by
``jsonb_to_recordset`` (:func:`recordset`): one statement text whatever the
number of rows, and one ``json.dumps`` per group instead of Python-side
quoting of each value (what Django 5.2's ``bulk_create`` does with ``UNNEST``
arrays, at about 0.2 ms a row for JSON answers).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from decimal import Decimal

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


def fields(model) -> list:
    """The concrete columns of ``model`` other than its primary key, in order."""
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _plain(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value


def records(columns: list, objs) -> str:
    """The rows as one JSON document (a list of objects keyed by column name) for
    :func:`recordset`: one ``json.dumps`` per group, and JSON columns travel as
    JSON, not as text quoted inside text."""
    names = [(f.column, f.attname, f.get_internal_type() == "JSONField") for f in columns]
    return json.dumps([{c: getattr(o, a) if j else _plain(getattr(o, a)) for c, a, j in names} for o in objs],
                      ensure_ascii=False, separators=(",", ":"))


def recordset(columns: list, alias: str = "x") -> str:
    """``jsonb_to_recordset(%s::jsonb) AS x(column type, ...)`` reading :func:`records`:
    one statement text for any number of rows, so it is prepared once."""
    quote = connection.ops.quote_name
    typed = ", ".join(f"{quote(f.column)} {f.db_type(connection)}" for f in columns)
    return f"jsonb_to_recordset(%s::jsonb) AS {alias}({typed})"
