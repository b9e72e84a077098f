"""Loading a simulation into the database (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import polars as pl
import pytest

from saylau.core.actors import Actor
from saylau.geography.models import Candidate, Commission, CommissionMember, Station, Unit
from saylau.simulate import simulate
from saylau.simulate.load import load, write_files

pytestmark = pytest.mark.django_db


def test_load_writes_the_structure_and_files(tmp_path):
    sim = simulate(scale=0.02, seed=5)
    election = load(sim, actor=Actor.system("test"))
    assert Unit.objects.filter(election=election, level=1).count() == 16
    assert Unit.objects.filter(election=election, level=2).count() == len(sim.districts)
    assert Station.objects.count() == len(sim.stations)
    assert sum(Station.objects.values_list("registered_voters", flat=True)) == sim.stations["registered"].sum()
    assert Commission.objects.count() == len(sim.commissions)
    assert CommissionMember.objects.count() == len(sim.members)
    assert CommissionMember.objects.filter(nominating_party__opposition=True).exists()
    assert Candidate.objects.filter(incumbent=True).count() == 1
    station = Station.objects.select_related("unit__parent").get(unit__code=sim.stations["code"][0])
    assert station.unit.parent.code == sim.stations["district_code"][0]
    out = write_files(sim, tmp_path / "sim")
    assert pl.read_parquet(out / "results.parquet").equals(sim.results)
    assert json.loads((out / "truth.json").read_text())["voting"]["observations"] == sim.truth["voting"]["observations"]
