"""SQLite's write-ahead log copied into the database by a helper thread, not by
the commit that filled it.

In WAL mode SQLite copies the log back into the database file (a checkpoint)
inside the commit that leaves the log longer than 1,000 pages. After a bulk
write that commit does the whole copy and its ``fsync``: committing a million
protocols and their ledger entries spent about 3 s of CPU and 10-15 s of disk
there, measured here, while the caller waited. saylau's SQLite connections
turn that off (``PRAGMA wal_autocheckpoint=0`` in the settings) and each
process runs one daemon thread (:func:`start`, on the first connection) that
checkpoints in ``PASSIVE`` mode (it never blocks readers or writers) whenever
the log has grown past :data:`LOG_BYTES`, looking once every
:data:`INTERVAL` seconds. SQLite also checkpoints when the last connection to a
database closes, so a short command leaves no long log behind.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time

LOG_BYTES = 4 * 1024 * 1024
INTERVAL = 1.0

_started: dict[tuple[int, str], threading.Thread] = {}
_lock = threading.Lock()


def checkpoint(path: str, *, connection: sqlite3.Connection | None = None) -> tuple[int, int, int]:
    """One ``PASSIVE`` checkpoint of the database at ``path``: SQLite's
    ``(busy, frames in the log, frames copied)``."""
    own = connection or sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        return tuple(own.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())
    finally:
        if connection is None:
            own.close()


def _run(path: str) -> None:
    log = path + "-wal"
    connection = None
    while True:
        time.sleep(INTERVAL)
        try:
            if os.path.getsize(log) < LOG_BYTES:
                continue
            connection = connection or sqlite3.connect(path, timeout=0, isolation_level=None)
            checkpoint(path, connection=connection)
        except (OSError, sqlite3.Error):  # no log yet, or the database is busy: try again later
            continue


def start(path: str) -> threading.Thread:
    """The checkpointing thread of this process for the database at ``path``
    (started once per process: a forked worker starts its own)."""
    key = (os.getpid(), os.path.abspath(path))
    with _lock:
        thread = _started.get(key)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(target=_run, args=(key[1],), name="saylau-sqlite-checkpoint", daemon=True)
            thread.start()
            _started[key] = thread
        return thread


def on_connection(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: start the thread for a SQLite database file."""
    name = connection.settings_dict.get("NAME")
    if connection.vendor == "sqlite" and name and not connection.is_in_memory_db() and os.path.exists(str(name)):
        start(str(name))
