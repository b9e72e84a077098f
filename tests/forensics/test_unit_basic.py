"""Basic tests per unit and per candidate; EFToolkit's definitions against an
independent reference written here from its R code (BasicElectionForensics.R)."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest
from scipy.stats import norm

from saylau import cli
from saylau import forensics as fx
from saylau.forensics._unit_basic import _norm_inter, _row_quantile


def _data(seed=5, n=60):
    rng = np.random.default_rng(seed)
    reg = rng.integers(40, 3000, n)
    turnout = rng.uniform(0.3, 0.95, n)
    given = np.round(reg * turnout).astype(int)
    invalid = rng.integers(0, 6, n)
    valid = given - invalid
    a = np.round(valid * rng.uniform(0.2, 0.8, n)).astype(int)
    a[:3] = valid[:3]  # three stations where A has every valid ballot
    b = valid - a
    units = np.array(["north", "south", "east"])[np.arange(n) % 3]
    return fx.stations_from_arrays(reg, given, valid, invalid, np.column_stack([a, b]),
                                   candidates=["A", "B"], units={"region": units})


# -- an independent reading of EFToolkit's R functions, written with plain Python --------

def r_second_digit(x):  # SecondDigitGetter(num, 2): as.character, then the 2nd character
    s = str(int(x))
    return int(s[1]) if len(s) >= 2 else None


def r_last_digit(x):  # LastDigitGetter: the last character
    return int(str(int(x))[-1])


def r_round(x):  # R's round(x, 0): IEC 60559, halves to even; Python's round does the same
    return int(round(x))


def moments(x):  # moments::skewness and moments::kurtosis
    n = len(x)
    m = sum(x) / n
    m2 = sum((v - m) ** 2 for v in x) / n
    m3 = sum((v - m) ** 3 for v in x) / n
    m4 = sum((v - m) ** 4 for v in x) / n
    return m3 / m2**1.5, m4 / m2**2


def eftoolkit_reference(reg, votes_total, counts, is_turnout):
    """NPAnal on one unit; for candidates also sobyanin_sukhovolsky and correlation_coef."""
    if is_turnout:
        pct = [min(v / r, 1.0) for v, r in zip(votes_total, reg, strict=True)]
    else:
        pct = [min(c / t, 1.0) for c, t in zip(counts, votes_total, strict=True)]
    second = [d for d in map(r_second_digit, counts) if d is not None]
    last = [r_last_digit(c) for c in counts]
    out = {
        "2BL": sum(second) / len(second),
        "LastC": sum(last) / len(last),
        "P05s": sum(1 for p in pct if r_last_digit(r_round(p * 100)) in (0, 5)) / len(pct),
        "C05s": sum(1 for d in last if d in (0, 5)) / len(last),
    }
    out["Skew"], out["Kurt"] = moments(pct)
    if not is_turnout:
        share = [c / t for c, t in zip(counts, votes_total, strict=True)]
        turnout = [t / r for t, r in zip(votes_total, reg, strict=True)]
        n = len(share)
        mt, ms = sum(turnout) / n, sum(share) / n
        sxy = sum((a - mt) * (b - ms) for a, b in zip(turnout, share, strict=True))
        sxx = sum((a - mt) ** 2 for a in turnout)
        syy = sum((b - ms) ** 2 for b in share)
        out["Sobyanin"] = sxy / sxx - ms  # lm(voteshare ~ turnout) slope minus mean share
        out["Corr"] = sxy / math.sqrt(sxx * syy)
    return out


def test_eftoolkit_mode_equals_the_r_definitions_to_three_decimals():
    s = _data()
    ub = fx.unit_basic_tests(s, ["region"], definitions=fx.EFTOOLKIT, replicates=50, seed=1)
    total = s.received  # EFToolkit's TotalVotes: the share's denominator
    checked = 0
    for level, rows in ub.rows.items():
        for row in rows:
            mask = (np.ones(s.n, bool) if level == "National"
                    else s.units["region"] == row.unit)
            reg, tv = s.registered[mask].tolist(), total[mask].tolist()
            if row.quantity == "Turnout":
                ref = eftoolkit_reference(reg, tv, tv, True)
            else:
                j = s.candidates.index(row.quantity)
                ref = eftoolkit_reference(reg, tv, s.votes[mask, j].tolist(), False)
            assert row.obs == int(mask.sum())
            for name, value in ref.items():
                assert round(row.estimates[name].value, 3) == round(value, 3), (row.unit, name)
                checked += 1
    assert checked == 4 * (6 + 8 + 8)  # National + 3 regions; turnout 6, A and B 8 each
    # the tests EFToolkit does not bootstrap carry no interval, as in its table
    national_a = next(r for r in ub.rows["National"] if r.quantity == "A")
    assert math.isnan(national_a.estimates["Sobyanin"].ci_low)
    assert not math.isnan(national_a.estimates["Kurt"].ci_low)


def test_saylau_definitions_differ_where_documented():
    s = _data()
    sy = fx.unit_basic_tests(s, replicates=0).rows["National"]
    ef = fx.unit_basic_tests(s, definitions=fx.EFTOOLKIT, replicates=0).rows["National"]
    a_sy, a_ef = sy[1].estimates, ef[1].estimates
    assert a_sy["Kurt"].value == pytest.approx(a_ef["Kurt"].value - 3.0)  # excess vs raw
    # LastC: saylau counts >= 100 only
    a = s.votes[:, 0]
    big = a[a >= 100]
    assert a_sy["LastC"].value == pytest.approx(np.mean(big % 10))
    assert a_ef["LastC"].value == pytest.approx(np.mean(a % 10))
    # Sobyanin: slope of A/registered on issued/registered
    t = s.given / s.registered
    y = a / s.registered
    assert a_sy["Sobyanin"].value == pytest.approx(np.polyfit(t, y, 1)[0])
    # one option changes one definition
    raw = fx.unit_basic_tests(s, replicates=0, definitions=fx.definitions("saylau", kurtosis="raw"))
    assert raw.rows["National"][1].estimates["Kurt"].value == pytest.approx(a_ef["Kurt"].value)
    assert raw.definitions.name == "saylau, changed"


def test_shares_of_valid_ballots_change_the_figures():
    s = _data()
    valid = s.with_share_of("valid")
    row = fx.unit_basic_tests(valid, replicates=0, definitions=fx.EFTOOLKIT).rows["National"][1]
    ref = eftoolkit_reference(valid.registered.tolist(), valid.valid.tolist(),
                              valid.votes[:, 0].tolist(), False)
    assert round(row.estimates["P05s"].value, 3) == round(ref["P05s"], 3)
    assert round(row.estimates["Skew"].value, 3) == round(ref["Skew"], 3)


def test_boot_basic_interval_by_hand():
    t = np.arange(1.0, 100.0)[None, :]  # 99 replicates 1..99
    # (R + 1) * 0.025 = 2.5: between the 2nd and 3rd order statistics on the normal scale
    q1, q2, q3 = norm.ppf(0.025), norm.ppf(2 / 100), norm.ppf(3 / 100)
    assert _norm_inter(t, 0.025)[0] == pytest.approx(2 + (q1 - q2) / (q3 - q2) * 1.0)
    # (R + 1) * 0.5 = 50: exactly the 50th
    assert _norm_inter(t, 0.5)[0] == 50.0
    # 9 replicates: (9 + 1) * 0.025 = 0.25 -> the smallest (R warns of extreme order statistics)
    assert _norm_inter(np.arange(9.0)[None, :], 0.025)[0] == 0.0
    assert _row_quantile(t, 0.025)[0] == pytest.approx(np.quantile(np.arange(1.0, 100.0), 0.025))


def test_per_unit_rows_equal_the_unit_alone():
    s = _data()
    ub = fx.unit_basic_tests(s, ["region"], replicates=200, seed=3)
    south = s.subset(s.units["region"] == "south")
    alone = fx.unit_basic_tests(south, replicates=0).rows["National"]
    rows = [r for r in ub.rows["region"] if r.unit == "south"]
    assert [r.quantity for r in rows] == ["Turnout", "A", "B"]
    for r, a in zip(rows, alone, strict=True):
        for name, e in r.estimates.items():
            assert e.value == pytest.approx(a.estimates[name].value, nan_ok=True)
    # the layout: a row of values and a row of intervals per unit, quantity-major
    table = ub.table("region")
    assert table[0][:3] == ["Level", "Candidate's Name", "_2BL"] and table[0][-1] == "Obs"
    assert [row[:2] for row in table[1::2]][:4] == [["east", "Turnout"], ["north", "Turnout"],
                                                    ["south", "Turnout"], ["east", "A"]]
    assert table[2][2].startswith("(") and table[1][-1] == "20"


def test_russia_2012_per_region_in_one_command(tmp_path, capsys):
    from .conftest import RU

    code = cli.main(["forensics", str(RU / "2012.csv.zip"), "--preset", "ru-kobak-2012",
                     "--basic-only", "--eftoolkit", "--replicates", "50", "--out",
                     str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    with (tmp_path / "forensics-basic-region.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    regions = 83  # 83 federal subjects plus Baikonur and abroad in this file
    assert len(rows) == 1 + 2 * 6 * (regions + 2)
    data = json.loads((tmp_path / "forensics-basic.json").read_text(encoding="utf-8"))
    national = data["rows"]["National"]
    putin = next(r for r in national if r["quantity"].startswith("Путин"))
    # raw kurtosis = saylau's excess + 3 (0.0665 in docs/forensics.md)
    assert putin["estimates"]["Kurt"]["value"] == pytest.approx(3.0665, abs=1e-3)
