"""The benchmarks' scratch PostgreSQL databases on ``BENCH_PG`` (default
``postgres://postgres@127.0.0.1:5432``): made afresh before a run and dropped
after it, so a shared server keeps nothing of a benchmark."""

from __future__ import annotations

import os

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def create(name: str) -> str:
    """Database ``name``, empty (dropped first if a run left it); its URL."""
    drop(name)
    _execute(f"CREATE DATABASE {name}")
    return f"{PG}/{name}"


def drop(name: str) -> None:
    """Drop database ``name`` if it exists, whoever is still connected to it."""
    _execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _execute(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(statement)
