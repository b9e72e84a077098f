"""The database: Django set up on the data directory, and the one interface
of the fast paths, where every difference between PostgreSQL and SQLite is
kept (no app module asks which database it runs on).

``setup`` points Django at the data directory, sets it up and migrates; the
command line, ``saylau serve`` and the benchmarks call it. The fast paths use
the names below (this package's public surface), all on Django's own
connection and so in the caller's transaction:

- ``fetch_one``: one row through a statement bound and prepared on the
  server (PostgreSQL plans it once per connection) (:mod:`.prepared`);
- ``insert_rows``: model instances inserted from one JSON record set, with
  one more statement in the same round trip; ``insert_with_children``: rows
  and a child row for each in one statement; ``bulk_create`` on SQLite
  (:mod:`.records`); ``instance``: an unsaved model instance without
  ``Model.__init__``'s work per field;
- ``frame_writer``: Polars frames written with ``COPY`` or ``executemany``;
  ``stored_timestamps``: UTC ISO text as each database stores it;
  ``read_text_frame``: a query's rows as a frame of text columns;
  ``lock_table``, ``reserve_ids``: a table locked for a bulk write, and ids for its rows (:mod:`.bulk`);
- ``json_agg``, ``json_array``, ``json_text``, ``utc_text``: SQL fragments
  spelt per database; ``per_backend``: a statement's text built once per
  database backend (:mod:`.sql`);
- ``checkpoint_sqlite_log``: the ``connection_created`` receiver that starts
  the process's SQLite log checkpointer (:mod:`.checkpoint`);
- ``GroupCommit``: concurrent threads' writes grouped into one transaction
  (pure Python, :mod:`.groupcommit`).
"""

from __future__ import annotations

import os

from saylau.db.bulk import frame_writer, lock_table, read_text_frame, reserve_ids, stored_timestamps
from saylau.db.checkpoint import on_connection as checkpoint_sqlite_log
from saylau.db.groupcommit import GroupCommit
from saylau.db.prepared import fetch_one
from saylau.db.records import insert_rows, insert_with_children, instance
from saylau.db.sql import json_agg, json_array, json_text, per_backend, utc_text

__all__ = [
    "GroupCommit", "checkpoint_sqlite_log", "fetch_one", "frame_writer", "insert_rows", "insert_with_children",
    "instance", "json_agg", "json_array", "json_text", "lock_table", "per_backend", "read_text_frame", "reserve_ids", "setup",
    "stored_timestamps", "utc_text",
]


def setup(data_dir: str | None, *, migrate: bool = True) -> None:
    """Point Django at the data directory, set it up and migrate."""
    from saylau.core import datadir

    path = datadir.ensure(datadir.resolve(data_dir))
    os.environ[datadir.ENV_VAR] = str(path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saylau.settings")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
