"""The command line, run as a user runs it (SQLite in a fresh data directory)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from saylau import cli

ROOT = Path(__file__).resolve().parent.parent


def _env():
    return {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SAYLAU_DATA_DIR")}


def _saylau(*args, data_dir, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "saylau", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=_env(), timeout=timeout,
    )


def _as_typed(command: str, cwd, timeout=300):
    """A command line exactly as printed (``saylau ...``), run in ``cwd``."""
    argv = shlex.split(command, comments=True)
    assert argv[0] == "saylau", command
    return subprocess.run([sys.executable, "-m", "saylau", *argv[1:]], capture_output=True, text=True,
                          env=_env(), cwd=cwd, timeout=timeout)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """``saylau demo --scale 0.01`` run as `make demo` runs it: no --data-dir, so in ./demo-data."""
    cwd = tmp_path_factory.mktemp("demo-run")
    done = _as_typed("saylau demo --scale 0.01", cwd, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return cwd, done


def test_demo_small_scale_builds_and_summarises(demo):
    cwd, done = demo
    assert "regions" in done.stdout and "16" in done.stdout
    assert "voting visits" in done.stdout
    assert (cwd / "demo-data" / "saylau.sqlite3").exists()
    assert (cwd / "demo-data" / "simulation" / "kz-2011" / "truth.json").exists()
    assert not (cwd / "saylau-data").exists()


def test_the_commands_the_demo_prints_work_as_printed(demo):
    cwd, done = demo
    printed = done.stdout.split("Try next", 1)[1].splitlines()[1:]
    commands = [line.strip() for line in printed if line.strip().startswith("saylau ")]
    assert any("findings --by region_code" in c for c in commands), done.stdout[-2000:]
    for command in commands:
        assert "--data-dir demo-data" in command
        if " serve" in command:  # runs until stopped: check that it parses and names the demo's data
            args = cli.build_parser().parse_args(shlex.split(command)[1:])
            assert args.command == "serve" and args.data_dir == "demo-data"
            continue
        ran = _as_typed(command, cwd)
        assert ran.returncode == 0, f"{command}\n{ran.stdout[-1000:]}{ran.stderr[-2000:]}"
        assert "Traceback" not in ran.stderr
    assert (cwd / "demo-data" / "outputs" / "findings.xlsx").exists()
    assert not (cwd / "saylau-data").exists()


def test_the_readme_s_commands_after_the_demo_work_as_printed(demo):
    cwd, _ = demo
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## After the demo.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) >= 5 and any("findings --by region_code" in c for c in commands)
    (cwd / "tests").mkdir(exist_ok=True)
    if not (cwd / "tests" / "data").exists():
        (cwd / "tests" / "data").symlink_to(ROOT / "tests" / "data")  # the README runs from the repository
    for command in commands:
        ran = _as_typed(command, cwd)
        assert ran.returncode == 0, f"{command}\n{ran.stdout[-1000:]}{ran.stderr[-2000:]}"
    assert _as_typed("saylau findings --data-dir demo-data --out f.json", cwd).returncode == 0
    rows = json.loads((cwd / "f.json").read_text(encoding="utf-8"))
    assert rows and {"metric", "numerator", "denominator", "share", "ci_low", "ci_high", "sentence"} <= set(rows[0])


def test_a_command_on_a_data_directory_that_does_not_exist_creates_nothing(tmp_path):
    """The README's `saylau findings --by region_code` after the demo used to answer
    'no such election' and leave an empty ./saylau-data behind."""
    done = _as_typed("saylau findings --by region_code", tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert f"no data directory at {tmp_path / 'saylau-data'}" in line
    assert "run `saylau simulate` or `saylau election create` first" in line and "./demo-data" in line
    assert not (tmp_path / "saylau-data").exists()


def test_global_options_before_or_after_the_subcommand(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    created = _as_typed(f"saylau election create --slug e1 --name E --date 2011-04-03 --data-dir {a}", tmp_path)
    assert created.returncode == 0, created.stderr
    assert _as_typed(f"saylau --data-dir {b} election create --slug e2 --name F --date 2012-03-04", tmp_path).returncode == 0
    for command in (f"saylau --data-dir {a} election list", f"saylau election list --data-dir {a}",
                    f"saylau --data-dir {b} election list --data-dir {a}"):  # the later one wins
        listed = _as_typed(command, tmp_path)
        assert listed.returncode == 0 and "e1" in listed.stdout and "e2" not in listed.stdout, command
    nested = _as_typed(f"saylau results check --data-dir {a}", tmp_path)  # two levels down
    assert nested.returncode == 2 and "no protocols for election 'e1' yet" in nested.stderr
    assert not (tmp_path / "saylau-data").exists()


def test_every_subcommand_accepts_the_data_directory_after_it():
    parser = cli.build_parser()
    for argv in (["findings", "--data-dir", "x"], ["quickcount", "run", "--data-dir", "x"],
                 ["demo", "--data-dir", "x"], ["ledger", "verify", "--data-dir", "x"]):
        assert parser.parse_args(argv).data_dir == "x"
    assert parser.parse_args(["--data-dir", "y", "demo"]).data_dir == "y"  # the demo's own option keeps it


def test_demo_help_names_its_data_directory(capsys):
    with pytest.raises(SystemExit):
        cli.main(["demo", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--data-dir DATA_DIR" in text and "default ./demo-data" in text


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
