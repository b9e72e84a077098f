"""Write a :class:`~saylau.simulate.Simulation` into the database and the data directory.

The structure goes through the same tables as an import; the station-level
protocols, the mission and the ground truth are written as Parquet files in
``<data dir>/simulation/`` for the pipelines that read them (results,
observation, forensics) and for tests.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import polars as pl
from django.db import transaction

from saylau.actors import Actor
from saylau.geography.choices import TIER_OF_LEVEL, UnitLevel
from saylau.geography.models import (
    Candidate,
    Commission,
    CommissionMember,
    Election,
    Party,
    Station,
    Unit,
)
from saylau.geography.services import create_election
from saylau.simulate import Simulation

log = logging.getLogger(__name__)
BATCH = 5000
SLUG = "kz-2011"


def _units(election, level, frame: pl.DataFrame, parents: dict[str, Unit], parent_col: str | None) -> dict[str, Unit]:
    rows = frame.select("code", "name_en", "name_ru", "name_kk", *( [parent_col] if parent_col else [])).iter_rows(named=True)
    units = []
    for r in rows:
        parent = parents[r[parent_col]] if parent_col else next(iter(parents.values()))
        units.append(Unit(
            election=election, level=level, code=r["code"], parent=parent, path=f"{parent.path}/{r['code']}",
            name_en=r["name_en"], name_ru=r["name_ru"], name_kk=r["name_kk"],
        ))
    Unit.objects.bulk_create(units, batch_size=BATCH)
    Commission.objects.bulk_create([Commission(unit=u, tier=TIER_OF_LEVEL[level]) for u in units], batch_size=BATCH)
    return {u.code: u for u in units}


@transaction.atomic
def load(sim: Simulation, *, actor: Actor, slug: str = SLUG) -> Election:
    """Create the simulated election in the database and return it."""
    election = create_election(
        actor=actor, slug=slug, kind="presidential", date=dt.date(2011, 4, 3),
        name_en="Early presidential election, Kazakhstan, 3 April 2011 (simulated)",
        name_ru="Внеочередные выборы Президента, Казахстан, 3 апреля 2011 г. (симуляция)",
        name_kk="Президенттің кезектен тыс сайлауы, Қазақстан, 2011 жылғы 3 сәуір (симуляция)",
    )
    national = Unit.objects.get(election=election, level=UnitLevel.NATIONAL)
    regions = _units(election, UnitLevel.REGION, sim.regions, {national.code: national}, None)
    districts = _units(election, UnitLevel.DISTRICT, sim.districts, regions, "region_code")
    stations = _units(election, UnitLevel.STATION, sim.stations, districts, "district_code")
    Station.objects.bulk_create(
        [
            Station(
                unit=stations[r["code"]], kind=r["kind"], special_kind=r["special_kind"],
                registered_voters=r["registered"], area=r["area"],
                latitude=round(r["latitude"], 5), longitude=round(r["longitude"], 5),
            )
            for r in sim.stations.iter_rows(named=True)
        ],
        batch_size=BATCH,
    )
    parties = {}
    for r in sim.parties.iter_rows(named=True):
        parties[r["code"]] = Party.objects.create(election=election, **r)
    for r in sim.candidates.iter_rows(named=True):
        Candidate.objects.create(
            election=election, number=r["number"], name_en=r["name_en"], name_ru=r["name_ru"],
            name_kk=r["name_kk"], nominator=r["nominator"], party=parties.get(r["party_code"]),
            nominating_body=r["nominating_body"], status=r["status"], incumbent=r["incumbent"],
        )
    commission_id = {
        (tier, code): pk
        for tier, code, pk in Commission.objects.filter(unit__election=election).values_list("tier", "unit__code", "pk")
    }
    party_id = {code: p.pk for code, p in parties.items()}
    CommissionMember.objects.bulk_create(
        [
            CommissionMember(
                commission_id=commission_id[(r["tier"], r["unit_code"])], full_name=r["full_name"],
                role=r["role"], gender=r["gender"], nominating_party_id=party_id.get(r["nominating_party"]),
                nominating_body=r["nominating_body"], organisation=r["organisation"],
                ethnicity=r["ethnicity"], voting=r["voting"],
            )
            for r in sim.members.iter_rows(named=True)
        ],
        batch_size=BATCH,
    )
    log.info("loaded simulation %s scale %s seed %s", sim.profile, sim.scale, sim.seed)
    return election


def write_files(sim: Simulation, directory: Path) -> Path:
    """Write the simulation's tables and ground truth below ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("stations", "results", "observers", "teams", "deployments", "members"):
        getattr(sim, name).write_parquet(directory / f"{name}.parquet")
    subs = pl.DataFrame([{**s, "answers": json.dumps(s["answers"], ensure_ascii=False)} for s in sim.submissions])
    subs.write_parquet(directory / "submissions.parquet")
    (directory / "truth.json").write_text(json.dumps(
        {"profile": sim.profile, "scale": sim.scale, "seed": sim.seed, **sim.truth}, indent=2, ensure_ascii=False
    ))
    return directory
