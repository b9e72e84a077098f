"""Publish per-station results as open data (CSV, JSON, Parquet), progressively."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import polars as pl
from django.db import transaction
from django.utils import timezone

from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record
from saylau.results import frames
from saylau.results.choices import LINES
from saylau.results.models import Publication

FILES = ("stations.csv", "stations.json", "stations.parquet")


def station_table(election: Election, until: dt.datetime | None = None) -> pl.DataFrame:
    """One row per station that had a protocol by ``until``: codes, the figures the
    results system holds, their source and version, and the arrival time."""
    frame, k = frames.protocols(election)
    figures = frames.station_figures(frame)
    if until is not None:
        stamp = until.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        figures = figures.filter(pl.col("received_at").is_not_null() & (pl.col("received_at") <= stamp))
    units = frames.units(election)
    paths = units.select("unit_id", "path").with_columns(parts=pl.col("path").str.split("/"))
    figures = figures.join(paths, on="unit_id", how="left").with_columns(
        region_code=pl.col("parts").list.get(1, null_on_oob=True),
        district_code=pl.col("parts").list.get(2, null_on_oob=True),
        station_code=pl.col("parts").list.get(-1),
    )
    return figures.select(
        "station_code", "district_code", "region_code", pl.col("used").alias("source"), "version",
        (pl.col("version") > 1).alias("corrected"), *LINES, *frames.vote_columns(k), "received_at",
    ).sort("station_code")


@transaction.atomic
def publish(*, actor: Actor, election: Election, out_dir: str | Path, until: dt.datetime | None = None) -> Publication:
    """Write ``stations.csv``, ``.json`` and ``.parquet`` to ``out_dir`` and record the publication."""
    until = until or timezone.now()
    table = station_table(election, until)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    table.write_csv(out / FILES[0])
    table.write_json(out / FILES[1])
    table.write_parquet(out / FILES[2])
    files = {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in FILES}
    publication = Publication(election=election, created_at=timezone.now(), until=until.replace(microsecond=0),
                              stations=table.height, files=files)
    publication.full_clean()
    publication.save()
    record(actor=actor, event=Event("results.publication.made", "results.publication", publication.pk,
                                    str(publication), None,
                                    {"election": election.pk, "until": publication.until, "stations": table.height,
                                     "files": files}))
    return publication
