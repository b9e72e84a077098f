"""``saylau quickcount`` subcommands on the Mexico 2012 file."""

from __future__ import annotations

import json

import polars as pl

from saylau import cli

from .conftest import MEXICO_CSV


def test_plan(capsys):
    assert cli.main(["quickcount", "plan", str(MEXICO_CSV), "--preset", "mexico-2012",
                     "--p", "0.38", "--margin", "0.003", "--candidate", "pri_pvem"]) == 0
    out = capsys.readouterr().out
    assert "method: frame" in out and "stations needed:" in out


def test_sample_then_estimate(tmp_path, capsys, mexico_table):
    sample = tmp_path / "sample.csv"
    argv = ["quickcount", "sample", str(MEXICO_CSV), "--preset", "mexico-2012",
            "--n", "3000", "--seed", "77", "--output", str(sample)]
    assert cli.main(argv) == 0
    drawn = pl.read_csv(sample)
    assert drawn.height == 3000 and set(drawn["seed"].to_list()) == {77}
    assert cli.main(argv[:-1] + [str(tmp_path / "again.csv")]) == 0
    assert pl.read_csv(tmp_path / "again.csv").equals(drawn)  # same seed, same stations

    results = tmp_path / "results.parquet"
    mexico_table.join(drawn.select("casilla_id"), on="casilla_id").write_parquet(results)
    official = tmp_path / "official.json"
    official.write_text(json.dumps({"pri_pvem": 0.3823, "pan": 0.10}))
    out_json = tmp_path / "estimates.json"
    assert cli.main(["quickcount", "estimate", str(MEXICO_CSV), str(results),
                     "--preset", "mexico-2012", "--official", str(official),
                     "--output", str(out_json)]) == 0
    estimates = {r["name"]: r for r in json.loads(out_json.read_text())["estimates"]}
    assert estimates["pan"]["inside"] is False  # 10 % is nowhere near PAN's 25.4 %
    assert abs(estimates["pri_pvem"]["estimate"] - 0.3823) < 4 * estimates["pri_pvem"]["se"]
    assert "turnout" in estimates
    printed = capsys.readouterr().out
    assert "OUTSIDE" in printed


def test_simulate_coverage(capsys):
    assert cli.main(["quickcount", "simulate-coverage", str(MEXICO_CSV), "--preset",
                     "mexico-2012", "--replicates", "40", "--n", "2000"]) == 0
    out = capsys.readouterr().out
    assert "pri_pvem" in out and "40 samples of 2,000 stations" in out
