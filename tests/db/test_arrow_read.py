"""On SQLite outside a transaction the protocols are read as Arrow columns by a
second connection (``saylau.db.read_arrow``); inside one, through Django's cursor.
Both must give the same frame, NULLs, empty texts and late-typed columns included.
The test database is in memory (no second connection can open it), so this runs
on a database file in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = r'''
import sys
from saylau import db
db.setup(sys.argv[1])
from django.db import connection, transaction
from polars.testing import assert_frame_equal
from saylau.db import read_arrow
from saylau.results import frames, storage
from tests.results.helpers import kz

sim, election, counts = kz(0.01)
assert read_arrow("SELECT 1 AS one") is not None  # the Arrow path is taken here
arrow = storage.load(election.pk)
units = frames.units(election)
with transaction.atomic():
    assert read_arrow("SELECT 1") is None  # inside a transaction: Django's connection reads
    cursor = storage.load(election.pk)
    cursor_units = frames.units(election)
import polars as pl
with connection.cursor() as c:  # a column NULL for a few thousand rows before its first text
    c.execute("CREATE TABLE late (n INTEGER, t TEXT, i INTEGER)")
    c.executemany("INSERT INTO late VALUES (%s, %s, %s)",
                  [(n, "late" if n >= 5000 else None, n if n % 2 else None) for n in range(6000)])
late = {"n": ("p.n", pl.Int64), "t": ("p.t", pl.Utf8), "i": ("p.i", pl.Int64)}
late_arrow = storage.read(late, "FROM late p")
with transaction.atomic():
    late_cursor = storage.read(late, "FROM late p")
assert arrow.height > 100 and set(late_arrow["t"]) == {"", "late"} and late_arrow["i"].null_count() == 3000
assert_frame_equal(arrow, cursor)
assert_frame_equal(units, cursor_units)
assert_frame_equal(late_arrow.sort("n"), late_cursor.sort("n"))
print("same", arrow.height)
'''


def test_arrow_and_cursor_reads_agree(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")])
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data")], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split()[0] == "same"
