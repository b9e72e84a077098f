"""Spatial clustering (PySAL) against Moran's I by hand and a planted hot spot."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import polars as pl
import pytest

from saylau import cli
from saylau import forensics as fx
from saylau.forensics._spatial import read_adjacency, spatial_clusters


def _line():
    # four units in a row, one station each, turnout 10, 20, 30, 40 %
    reg = np.full(4, 100)
    given = np.array([10, 20, 30, 40])
    return fx.stations_from_arrays(reg, given, given, np.zeros(4, int),
                                   np.column_stack([given // 2, given - given // 2]),
                                   units={"u": np.array(["a", "b", "c", "d"])})


def test_morans_i_by_hand():
    # row-standardised path a-b-c-d; z = (-15, -5, 5, 15); sum z^2 = 500
    # sum_ij w_ij z_i z_j = 75 + (37.5 - 12.5) + (-12.5 + 37.5) + 75 = 200 (a, b, c, d rows)
    # I = (n / S0) * 200 / 500 = 0.4, with S0 = n for row-standardised weights
    r = spatial_clusters(_line(), "u", adjacency=[("a", "b"), ("b", "c"), ("c", "d")],
                         permutations=99)
    assert r.variables["turnout"].moran_i == pytest.approx(0.4)
    assert r.variables["turnout"].moran_expected == pytest.approx(-1 / 3)
    assert r.neighbours == "adjacency list" and r.places == ["a", "b", "c", "d"]
    # the anomaly rate is constant (no station flagged): nothing to cluster, said so
    assert np.isnan(r.variables["anomaly"].moran_i) and r.variables["anomaly"].local == []


def _grid(seed=0):
    rng = np.random.default_rng(seed)
    ux, uy = np.meshgrid(np.arange(10), np.arange(10))
    unit = np.repeat(np.arange(100), 20)
    n = unit.size
    hot = (ux.ravel()[unit] < 3) & (uy.ravel()[unit] < 3)
    reg = np.full(n, 1000)
    given = rng.binomial(reg, np.where(hot, 0.8, 0.55))
    w = rng.binomial(given, 0.5)
    s = fx.stations_from_arrays(reg, given, given, np.zeros(n, int),
                                np.column_stack([w, given - w]),
                                units={"u": unit.astype(str)})
    coords = np.column_stack([uy.ravel()[unit] + rng.random(n) * 0.1,
                              ux.ravel()[unit] + rng.random(n) * 0.1])
    return dataclasses.replace(s, coords=coords), ux.ravel(), uy.ravel()


def test_planted_hot_spot_is_found():
    s, ux, uy = _grid()
    r = spatial_clusters(s, "u", permutations=199, k=4)
    v = r.variables["turnout"]
    assert v.moran_i > 0.5 and v.moran_p < 0.01
    hot = {int(c.place) for c in v.local if c.kind == "hot"}
    corner = {i for i in range(100) if ux[i] < 3 and uy[i] < 3}
    assert len(hot & corner) >= 6 and len(hot - corner) <= 2


def test_command_with_coordinates_and_adjacency(tmp_path, capsys):
    s, ux, uy = _grid()
    frame = pl.DataFrame({"unit": s.units["u"], "reg": s.registered, "given": s.given,
                          "A": s.votes[:, 0], "B": s.votes[:, 1], "lat": s.coords[:, 0],
                          "lon": s.coords[:, 1]})
    path = tmp_path / "s.csv"
    frame.write_csv(path)
    base = ["forensics", str(path), "--registered", "reg", "--given", "given", "--candidate",
            "A", "--candidate", "B", "--unit", "unit", "--replicates", "20",
            "--klimek-repeats", "0"]
    assert cli.main([*base, "--latitude", "lat", "--longitude", "lon", "--out",
                     str(tmp_path / "c")]) == 0
    data = json.loads((tmp_path / "c" / "forensics.json").read_text())
    assert data["spatial"]["variables"]["turnout"]["moran_i"] > 0.5
    html = (tmp_path / "c" / "forensics.html").read_text()
    assert "Spatial clustering by unit" in html and "map of turnout" in html
    # adjacency: a grid's rook neighbours
    adj = tmp_path / "adj.csv"
    lines = ["unit,neighbour"] + [f"{i},{i + 1}" for i in range(100) if i % 10 != 9] + [
        f"{i},{i + 10}" for i in range(90)]
    adj.write_text("\n".join(lines) + "\n")
    assert len(read_adjacency(adj)) == 180
    assert cli.main([*base, "--adjacency", str(adj), "--out", str(tmp_path / "a")]) == 0
    data = json.loads((tmp_path / "a" / "forensics.json").read_text())
    assert data["spatial"]["neighbours"] == "adjacency list"
    assert data["spatial"]["variables"]["turnout"]["moran_p"] < 0.01
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,neighbour\n1,nowhere\n")
    assert cli.main([*base, "--adjacency", str(bad), "--out", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert "not in the level 'unit'" in err and err.count("\n") == 1
