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


def test_a_new_sqlite_database_takes_16_kib_pages_and_the_log(tmp_path, monkeypatch) -> None:
    """The settings' init_command sets the page size before WAL, so a new database
    file takes 16 KiB pages (set after WAL it would keep 4 KiB without a word)."""
    import sqlite3

    from saylau import settings

    monkeypatch.delenv("DATABASE_URL", raising=False)
    command = settings._database()["OPTIONS"]["init_command"]
    new = sqlite3.connect(tmp_path / "new.sqlite3")
    new.executescript(command)
    new.execute("CREATE TABLE t (x INTEGER)")
    assert new.execute("PRAGMA page_size").fetchone()[0] == 16384
    assert new.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    new.close()
    old = sqlite3.connect(tmp_path / "old.sqlite3")  # made with 4 KiB pages: it keeps them
    old.execute("PRAGMA page_size=4096")
    old.execute("CREATE TABLE t (x INTEGER)")
    old.close()
    again = sqlite3.connect(tmp_path / "old.sqlite3")
    again.executescript(command)
    assert again.execute("PRAGMA page_size").fetchone()[0] == 4096 and again.execute("SELECT * FROM t").fetchall() == []
    again.close()
