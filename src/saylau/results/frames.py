"""The election's protocols and units as Polars frames, read in one query each."""

from __future__ import annotations

import numpy as np
import polars as pl

from saylau.core.protocol import LINES
from saylau.geography.models import Election, Unit
from saylau.results import storage
from saylau.results.choices import ProtocolSource, ProtocolTier
from saylau.results.models import ProtocolLine


def n_candidates(election: Election) -> int:
    return ProtocolLine.objects.filter(template__election=election, candidate_number__isnull=False).count()


#: what checking and tabulating read of each protocol
FIGURES = ("id", "unit_id", "tier", "source", "supersedes_id", *LINES, "votes")


def protocols(election: Election, *, current_only: bool = True, where: str = "",
              columns: tuple[str, ...] = storage.COLUMNS) -> tuple[pl.DataFrame, int]:
    """Current (or all) protocols with ``votes_1..votes_k`` columns, and ``k``
    (``columns``: the stored columns read, e.g. :data:`FIGURES`)."""
    k = n_candidates(election)
    frame = storage.load(election.pk, current_only=current_only, where=where, columns=columns)
    return storage.expand_votes(frame, k), k


def units(election: Election, *, names: bool = True) -> pl.DataFrame:
    """The election's units (``unit_id, parent_id, level`` and, with ``names``,
    ``code, path``, then ordered by level and path; else by id), read in one pass."""
    columns = {"unit_id": ("id", pl.Int64), "parent_id": ("parent_id", pl.Int64), "level": ("level", pl.Int64)}
    if names:
        columns |= {"code": ("code", pl.Utf8), "path": ("path", pl.Utf8)}
    frame = storage.read(columns, f"FROM {Unit._meta.db_table} WHERE election_id = {int(election.pk)}")
    if not names:
        return frame if frame["unit_id"].is_sorted() else frame.sort("unit_id")
    return frame.sort("level", "path")


def pick(frame: pl.DataFrame, tier: str, source: str) -> pl.DataFrame:
    return frame.filter((pl.col("tier") == tier) & (pl.col("source") == source))


def station_figures(frame: pl.DataFrame) -> pl.DataFrame:
    """Per station, the figures the results system holds: the DEC-entered ones where
    there are any, else the PEC's official protocol. ``used`` names the source."""
    pec = pick(frame, ProtocolTier.PEC, ProtocolSource.OFFICIAL).with_columns(used=pl.lit("official"))
    entered = pick(frame, ProtocolTier.DEC, ProtocolSource.ENTERED).with_columns(used=pl.lit("entered"))
    rest = pec.join(entered.select("unit_id"), on="unit_id", how="anti")
    return pl.concat([entered, rest], how="vertical_relaxed").sort("unit_id")


def arrays(frame: pl.DataFrame, columns: list[str]) -> dict[str, np.ndarray]:
    """float64 arrays, NaN where a line is missing."""
    return {c: frame[c].cast(pl.Float64).fill_null(float("nan")).to_numpy() for c in columns}
