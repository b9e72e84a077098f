"""Write a :class:`~saylau.simulate.Simulation` into the database and the data directory.

The structure goes through the geography services, as an import does (a ledger
entry per object); the station-level protocols, the mission and the ground
truth are written as Parquet files in ``<data dir>/simulation/`` for the
pipelines that read them (results, observation, forensics) and for tests.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import polars as pl
from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography import services
from saylau.geography.models import Election
from saylau.simulate import Simulation

log = logging.getLogger(__name__)
SLUG = "kz-2011"


def _station_rows(sim: Simulation) -> pl.DataFrame:
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
    )


@transaction.atomic
def load(sim: Simulation, *, actor: Actor, slug: str = SLUG) -> Election:
    """Create the simulated election in the database, through the import's writers (one
    ledger entry per object, see :mod:`saylau.geography.services.structure`), and return it."""
    election = services.create_election(
        actor=actor, slug=slug, kind="presidential", date=dt.date(2011, 4, 3),
        name_en="Early presidential election, Kazakhstan, 3 April 2011 (simulated)",
        name_ru="Внеочередные выборы Президента, Казахстан, 3 апреля 2011 г. (симуляция)",
        name_kk="Президенттің кезектен тыс сайлауы, Қазақстан, 2011 жылғы 3 сәуір (симуляция)",
    )
    reason = f"simulation {sim.profile}, scale {sim.scale:g}, seed {sim.seed}"
    services.write_stations(actor=actor, election=election, rows=_station_rows(sim), reason=reason)
    services.write_parties(actor=actor, election=election, rows=sim.parties, reason=reason)
    services.write_candidates(actor=actor, election=election, rows=sim.candidates, reason=reason)
    services.write_commission_members(actor=actor, election=election, rows=sim.members, reason=reason)
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
