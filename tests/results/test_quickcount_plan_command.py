"""``saylau quickcount plan`` with its documented defaults, and the commands of
docs/quickcount.md run as printed."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import polars as pl
import pytest

from saylau import cli

from .conftest import MEXICO_CSV

ROOT = Path(__file__).resolve().parents[2]


def _run(argv, capsys):
    capsys.readouterr()
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _needed(out: str) -> int:
    return int(re.search(r"stations needed: ([\d,]+)", out).group(1).replace(",", ""))


@pytest.fixture
def flat_frame(tmp_path):
    """100 stations in two strata, 1,000 registered voters each, no vote columns."""
    path = tmp_path / "frame.csv"
    pl.DataFrame({"id": range(100), "s": ["a", "b"] * 50, "r": [1000] * 100}).write_csv(path)
    return path


def test_plan_without_candidate_icc_or_deff_uses_the_default_icc(flat_frame, capsys) -> None:
    columns = ["--id-column", "id", "--stratum-column", "s", "--registered-column", "r"]
    status, out, err = _run(["quickcount", "plan", str(flat_frame), *columns, "--margin", "0.05"], capsys)
    assert status == 0, err
    assert "default --icc 0.05" in out
    # by hand: m = 1000 * 0.6 = 600 votes per station (all equal, so m~ = 600);
    # deff = 1 + 599 * 0.05 = 30.95; n0 = 30.95 * 1.959964^2 * 0.25 / (0.05^2 * 600) = 19.8155;
    # n = ceil(19.8155 / (1 + 19.8155 / 100)) = ceil(16.538) = 17
    assert _needed(out) == 17 and "design effect: 30.95" in out
    explicit = _run(["quickcount", "plan", str(flat_frame), *columns, "--margin", "0.05", "--icc", "0.05"], capsys)[1]
    assert _needed(explicit) == 17


def test_plan_default_on_a_frame_with_votes_plans_for_the_hardest_candidate(capsys) -> None:
    base = ["quickcount", "plan", str(MEXICO_CSV), "--preset", "mexico-2012", "--margin", "0.003"]
    status, out, _ = _run(base, capsys)
    assert status == 0 and "prd_pt_mc needs the most stations" in out
    each = {c: _needed(_run([*base, "--candidate", c], capsys)[1]) for c in ("pri_pvem", "pan", "prd_pt_mc")}
    assert _needed(out) == max(each.values()) == each["prd_pt_mc"]


@pytest.mark.parametrize(("extra", "says"), [
    (["--p", "1.5"], "expected 0 < --p < 1"),
    (["--candidate", "nobody"], "expected column(s) 'nobody'"),
])
def test_plan_refusals_are_one_line(extra, says, capsys) -> None:
    status, out, err = _run(["quickcount", "plan", str(MEXICO_CSV), "--preset", "mexico-2012", "--margin", "0.01",
                             *extra], capsys)
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and says in err


def test_plan_of_a_missing_file(tmp_path, capsys) -> None:
    status, _, err = _run(["quickcount", "plan", str(tmp_path / "none.csv"), "--preset", "mexico-2012",
                           "--margin", "0.01"], capsys)
    assert status == 2 and "none.csv: no such file" in err


def test_the_documented_commands_work_as_printed(tmp_path, capsys, monkeypatch) -> None:
    text = (ROOT / "docs" / "quickcount.md").read_text(encoding="utf-8")
    block = re.search(r"## Command line.*?```sh\n(.*?)```", text, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    plans = [c for c in commands if "quickcount plan" in c]
    assert any("--icc" in c for c in plans)
    assert any(not {"--candidate", "--icc", "--deff"} & set(c.split()) for c in plans)  # the defaults
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "data").symlink_to(ROOT / "tests" / "data")  # the docs run from the repository
    monkeypatch.chdir(tmp_path)
    for command in commands:
        argv = shlex.split(command, comments=True)
        assert argv[0] == "saylau"
        status, out, err = _run(argv[1:], capsys)
        assert status == 0, f"{command}\n{out}{err}"
