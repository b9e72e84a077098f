"""SQLite's log is copied back by the checkpointing thread, not by the commit."""

from __future__ import annotations

import os
import sqlite3
import time

from saylau.db import checkpoint


def _filled(path) -> sqlite3.Connection:
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA wal_autocheckpoint=0")
    c.execute("CREATE TABLE t (x TEXT)")
    c.execute("BEGIN")
    c.executemany("INSERT INTO t VALUES (?)", (("x" * 500,) for _ in range(20_000)))
    c.execute("COMMIT")
    return c


def test_a_commit_leaves_the_log_and_one_passive_checkpoint_copies_it(tmp_path):
    path = str(tmp_path / "db.sqlite3")
    c = _filled(path)
    assert os.path.getsize(path + "-wal") > checkpoint.LOG_BYTES  # the commit copied nothing back
    busy, frames, copied = checkpoint.checkpoint(path)
    assert busy == 0 and frames > 1000 and copied == frames
    assert c.execute("SELECT COUNT(*) FROM t").fetchone() == (20_000,)


def test_the_thread_checkpoints_a_long_log(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "INTERVAL", 0.05)
    path = str(tmp_path / "db.sqlite3")
    c = _filled(path)
    before = os.path.getsize(path)
    checkpoint.start(path)
    assert checkpoint.start(path) is checkpoint.start(path)  # one thread per process and database
    for _ in range(200):
        if os.path.getsize(path) > before + checkpoint.LOG_BYTES:
            break
        time.sleep(0.05)
    assert os.path.getsize(path) > before + checkpoint.LOG_BYTES  # the rows reached the database file
    _, frames, copied = checkpoint.checkpoint(path)
    assert frames == copied and c.execute("SELECT COUNT(*) FROM t").fetchone() == (20_000,)


def test_saylau_sqlite_connections_leave_checkpoints_to_the_thread(tmp_path):
    from django.conf import settings

    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert "wal_autocheckpoint=0" in options["init_command"]
