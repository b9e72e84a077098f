"""SQL fragments whose spelling depends on the database (PostgreSQL or SQLite).

The apps write their queries once with these; :func:`per_backend` builds a
statement once per database backend.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.db import connection


def per_backend(build: Callable[[], str]) -> Callable[[], str]:
    """``build()`` (a statement's text, made with these fragments) once per database backend."""
    texts: dict[str, str] = {}

    @functools.wraps(build)
    def text() -> str:
        found = texts.get(connection.vendor)
        return found if found is not None else texts.setdefault(connection.vendor, build())

    return text


def _pg() -> bool:
    return connection.vendor == "postgresql"


def json_agg(expr: str) -> str:
    """An aggregate: the values of ``expr`` as one JSON array (``[]`` when there are no rows)."""
    return f"COALESCE(json_agg({expr}), '[]')" if _pg() else f"json_group_array({expr})"


def json_array(*exprs: str) -> str:
    """A JSON array of the values of ``exprs``."""
    return f"{'json_build_array' if _pg() else 'json_array'}({', '.join(exprs)})"


def json_text(expr: str) -> str:
    """A JSON column as its stored text (PostgreSQL's ``jsonb`` writes ``", "`` and ``": "``)."""
    return f"{expr}::text" if _pg() else expr


def utc_text(expr: str) -> str:
    """A timestamp column as UTC ISO 8601 text to the second: ``2024-03-01T07:30:00Z``."""
    if _pg():
        return f"to_char({expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    return f"strftime('%Y-%m-%dT%H:%M:%SZ', {expr})"
