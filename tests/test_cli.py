"""The command line, run as a user runs it (SQLite in a fresh data directory)."""

from __future__ import annotations

import os
import subprocess
import sys


def _saylau(*args, data_dir, timeout=300):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "saylau", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, timeout=timeout,
    )


def test_demo_small_scale_builds_and_summarises(tmp_path):
    done = _saylau("demo", "--scale", "0.01", data_dir=tmp_path / "demo")
    assert done.returncode == 0, done.stderr
    assert "regions" in done.stdout and "16" in done.stdout
    assert "voting visits" in done.stdout
    assert (tmp_path / "demo" / "saylau.sqlite3").exists()
    assert (tmp_path / "demo" / "simulation" / "kz-2011" / "truth.json").exists()


def test_demo_refuses_to_wipe_a_foreign_directory(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "precious.txt").write_text("keep")
    done = _saylau("demo", "--scale", "0.01", data_dir=tmp_path / "mine")
    assert done.returncode == 2 and "not a saylau data directory" in done.stdout
    assert (tmp_path / "mine" / "precious.txt").exists()


def test_import_reports_errors_with_row_and_column(tmp_path):
    data = tmp_path / "d"
    assert _saylau("election", "create", "--slug", "e1", "--name", "E", "--date", "2011-04-03", data_dir=data).returncode == 0
    bad = tmp_path / "s.csv"
    bad.write_text("region_code,region_name_en,district_code,district_name_en,station_code,registered_voters,area\n01,A,D1,D,0001,-5,urban\n")
    done = _saylau("import", "stations", str(bad), data_dir=data)
    assert done.returncode == 2
    assert "row 2, column 'registered_voters'" in done.stderr
    good = tmp_path / "g.csv"
    good.write_text(bad.read_text().replace("-5", "500"))
    done = _saylau("import", "stations", str(good), data_dir=data)
    assert done.returncode == 0 and "1 stations" in done.stdout


def test_simulate_is_reproducible_from_the_command_line(tmp_path):
    first = _saylau("simulate", "--scale", "0.01", "--seed", "4", data_dir=tmp_path / "a")
    second = _saylau("simulate", "--scale", "0.01", "--seed", "4", data_dir=tmp_path / "b")
    assert second.returncode == 0, second.stderr
    assert first.returncode == 0, first.stderr
    a = (tmp_path / "a" / "simulation" / "kz-2011" / "results.parquet").read_bytes()
    b = (tmp_path / "b" / "simulation" / "kz-2011" / "results.parquet").read_bytes()
    assert a == b
