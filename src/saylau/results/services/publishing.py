"""Publish per-station results as open data (CSV, JSON, Parquet), progressively.

Each publication writes three tables, each as CSV, JSON and Parquet, and a
Data Package descriptor that documents them:

- ``stations.*``: one row per station; the candidates' votes are the stable
  machine columns ``votes_<n>`` (``n`` the ballot number), whatever the names;
- ``candidates.*``: one row per candidate: ``number``, ``column`` (the vote
  column of ``stations``), ``name_en``, ``name_ru``, ``name_kk`` (empty when
  the import had no names: the candidate is then known by its number);
- ``datapackage.json``: a `Frictionless Data Package
  <https://specs.frictionlessdata.io/data-package/>`_ listing the files with
  a Table Schema of each: every column's type and description, the vote
  columns titled ``"<n> <name>"`` in English with the Russian and Kazakh
  names in their description.

Protocols without an arrival time. A protocol's ``received_at`` is when it
reached the results system; an import whose file gives no arrival time (the
Russian CEC's files, most published results) stores none. The rule: such a
protocol is **in every publication**, with ``received_at`` empty, because it is
in the results system when the publication is made; a cut at ``until``
(``saylau results publish --until``) leaves out only protocols whose arrival
time is known and later. The command says how many published protocols have no
arrival time, so none is taken in or left out silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import polars as pl
from django.db import transaction
from django.utils import timezone

from saylau.core import protocol
from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record
from saylau.results import frames, selectors
from saylau.results.models import Publication

TABLES = ("stations", "candidates")
FORMATS = ("csv", "json", "parquet")
DESCRIPTOR = "datapackage.json"
FILES = (*(f"{table}.{fmt}" for table in TABLES for fmt in FORMATS), DESCRIPTOR)

#: what each column of ``stations`` holds (the vote columns are described per candidate)
STATION_COLUMNS = {
    "station_code": ("string", "Polling station code"),
    "district_code": ("string", "District (DEC) code"),
    "region_code": ("string", "Region code"),
    "source": ("string", "Which protocol the figures come from: 'entered' (entered by the DEC) or "
                         "'official' (the PEC's protocol)"),
    "version": ("integer", "Version of that protocol (1 = as first received)"),
    "corrected": ("boolean", "The protocol was corrected after it was first received"),
    **{line: ("integer", protocol.line_label(line, "en")) for line in protocol.LINES},
    "received_at": ("string", "When the protocol arrived (ISO 8601, UTC); empty when its source gave no "
                              "arrival time: such a protocol is in every publication"),
}
CANDIDATE_COLUMNS = {
    "number": ("integer", "Ballot number"),
    "column": ("string", "The column of this candidate's votes in stations"),
    "name_en": ("string", "Name in English (empty when not known)"),
    "name_ru": ("string", "Name in Russian (English when not known)"),
    "name_kk": ("string", "Name in Kazakh (English when not known)"),
}


def station_table(election: Election, until: dt.datetime | None = None) -> pl.DataFrame:
    """One row per station that had a protocol by ``until``: codes, the figures the
    results system holds, their source and version, and the arrival time.
    A protocol without an arrival time is in every cut (empty ``received_at``;
    see the module's rule)."""
    frame, k = frames.protocols(election)
    return station_rows(frame, k, frames.units(election), until)


def station_rows(frame: pl.DataFrame, k: int, units: pl.DataFrame, until: dt.datetime | None = None) -> pl.DataFrame:
    """:func:`station_table` from protocols and units already read (``frames.protocols``, ``frames.units``)."""
    figures = frames.station_figures(frame)
    if until is not None:
        stamp = until.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        figures = figures.filter(pl.col("received_at").is_null() | (pl.col("received_at") <= stamp))
    paths = units.select("unit_id", "path").with_columns(parts=pl.col("path").str.split("/"))
    figures = figures.join(paths, on="unit_id", how="left").with_columns(
        region_code=pl.col("parts").list.get(1, null_on_oob=True),
        district_code=pl.col("parts").list.get(2, null_on_oob=True),
        station_code=pl.col("parts").list.get(-1),
    )
    return figures.select(
        "station_code", "district_code", "region_code", pl.col("used").alias("source"), "version",
        (pl.col("version") > 1).alias("corrected"), *protocol.LINES, *protocol.vote_columns(k), "received_at",
    ).sort("station_code")


def descriptor(election: Election, stations: pl.DataFrame, candidates: list[protocol.CandidateName]) -> dict:
    """The Data Package descriptor of a publication: its files and their columns."""
    names = {c.column: c for c in candidates}

    def field(name: str, kind: str, description: str, title: str = "") -> dict:
        return {"name": name, "type": kind, **({"title": title} if title else {}), "description": description}

    station_fields = []
    for column in stations.columns:
        number = protocol.candidate_number(column)
        if number is None:
            kind, description = STATION_COLUMNS[column]
            station_fields.append(field(column, kind, description))
            continue
        candidate = names.get(column, protocol.CandidateName(number))
        spelled = "; ".join(f"{lang}: {candidate.name(lang)}" for lang in protocol.LANGS if candidate.name(lang))
        station_fields.append(field(column, "integer", f"Votes for candidate No. {number}"
                                    + (f" ({spelled})" if spelled else " (name not known)"),
                                    title=candidate.label("en")))
    candidate_fields = [field(name, kind, description) for name, (kind, description) in CANDIDATE_COLUMNS.items()]
    resources = []
    for table, fields, key in (("stations", station_fields, "station_code"), ("candidates", candidate_fields, "number")):
        for fmt in FORMATS:
            resources.append({"name": f"{table}-{fmt}", "path": f"{table}.{fmt}", "format": fmt,
                              **({"mediatype": "text/csv", "encoding": "utf-8"} if fmt == "csv" else {}),
                              "schema": {"fields": fields, "primaryKey": [key]}})
    return {"profile": "data-package", "name": f"{election.slug}-results",
            "title": f"{election.name('en')}: results by polling station", "resources": resources}


@transaction.atomic
def publish(*, actor: Actor, election: Election, out_dir: str | Path, until: dt.datetime | None = None) -> Publication:
    """Write ``stations.csv``, ``.json`` and ``.parquet`` to ``out_dir`` and record the publication."""
    until = until or timezone.now()
    table = station_table(election, until)
    candidates = selectors.candidates(election)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in (("stations", table), ("candidates", protocol.candidates_frame(candidates))):
        frame.write_csv(out / f"{name}.csv")
        frame.write_json(out / f"{name}.json")
        frame.write_parquet(out / f"{name}.parquet")
    (out / DESCRIPTOR).write_text(json.dumps(descriptor(election, table, candidates), ensure_ascii=False, indent=2)
                                  + "\n", encoding="utf-8")
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
