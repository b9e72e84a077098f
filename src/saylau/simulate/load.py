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

from saylau.core.actors import Actor
from saylau.geography import importing
from saylau.geography.models import Election
from saylau.geography.services import create_election
from saylau.simulate import Simulation

log = logging.getLogger(__name__)
SLUG = "kz-2011"


def _station_rows(sim: Simulation) -> list[dict]:
    """The simulated stations in the columns of a stations import file."""
    def named(frame: pl.DataFrame, prefix: str) -> pl.DataFrame:
        return frame.select(
            pl.col("code").alias(f"{prefix}_code"),
            *(pl.col(f"name_{lang}").alias(f"{prefix}_name_{lang}") for lang in ("en", "ru", "kk")),
        )

    return (
        sim.stations.rename({"code": "station_code", "registered": "registered_voters", "name_en": "station_name_en",
                             "name_ru": "station_name_ru", "name_kk": "station_name_kk"})
        .join(named(sim.districts, "district"), on="district_code")
        .join(named(sim.regions, "region"), on="region_code")
        .with_columns(pl.col("latitude").round(5), pl.col("longitude").round(5))
        .to_dicts()
    )


@transaction.atomic
def load(sim: Simulation, *, actor: Actor, slug: str = SLUG) -> Election:
    """Create the simulated election in the database, through the import's writers, and return it."""
    election = create_election(
        actor=actor, slug=slug, kind="presidential", date=dt.date(2011, 4, 3),
        name_en="Early presidential election, Kazakhstan, 3 April 2011 (simulated)",
        name_ru="Внеочередные выборы Президента, Казахстан, 3 апреля 2011 г. (симуляция)",
        name_kk="Президенттің кезектен тыс сайлауы, Қазақстан, 2011 жылғы 3 сәуір (симуляция)",
    )
    importing.write_stations(election, _station_rows(sim))
    importing.write_parties(election, sim.parties.to_dicts())
    importing.write_candidates(election, sim.candidates.to_dicts())
    importing.write_commission_members(election, sim.members.iter_rows(named=True))
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
