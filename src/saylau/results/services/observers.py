"""Observers' copies of PEC protocols, kept as their own source."""

from __future__ import annotations

import polars as pl
from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.protocol import LINES, vote_columns, vote_columns_in
from saylau.core.tabular import CellError, TableError
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.results import storage
from saylau.results.choices import ProtocolSource, ProtocolTier
from saylau.results.services.bulk import write_protocols


def import_observer_copies(*, actor: Actor, election: Election) -> int:
    """Take the observers' protocol copies from the observation app and store them.

    Reads ``saylau.observation.selectors.protocol_copies(election)`` (imported
    here, when called). Returns the number of protocols written.
    """
    from saylau.observation.selectors import protocol_copies

    return import_observer_frame(actor=actor, election=election, frame=protocol_copies(election))


def _time_text(column: pl.Series) -> pl.Series:
    if column.dtype == pl.Utf8:
        column = column.str.to_datetime(time_zone="UTC", strict=False)
    if column.dtype.time_zone is None:  # type: ignore[union-attr]
        column = column.dt.replace_time_zone("UTC")
    return column.dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%dT%H:%M:%SZ")


@transaction.atomic
def import_observer_frame(*, actor: Actor, election: Election, frame: pl.DataFrame) -> int:
    """Store observer copies from a frame (``station_code, submission_id, submitted_at``,
    the lines and ``votes_1..votes_k``). The latest submission per station wins;
    a station whose current copy came from the same submission is skipped (a
    retry is a no-op); a newer submission makes a new version."""
    if frame.is_empty():
        return 0
    k = len(vote_columns_in(frame.columns))
    frame = frame.with_columns(received_at=_time_text(frame["submitted_at"]),
                               submission_id=pl.col("submission_id").cast(pl.Utf8))
    latest = frame.sort("received_at").group_by("station_code", maintain_order=True).last()
    units = pl.DataFrame(list(Unit.objects.filter(election=election, level=UnitLevel.STATION).values_list("code", "id")),
                         schema={"station_code": pl.Utf8, "unit_id": pl.Int64}, orient="row")
    latest = latest.with_columns(pl.col("station_code").cast(pl.Utf8)).join(units, on="station_code", how="left")
    unknown = latest.filter(pl.col("unit_id").is_null())
    if unknown.height:
        raise TableError("observer copies", [CellError(0, "station_code", f"a station of {election.slug}", c)
                                             for c in unknown["station_code"].head(50).to_list()])
    current = storage.load(election.pk, where=f"p.source = '{ProtocolSource.OBSERVER}'").select(
        "unit_id", pl.col("id").alias("supersedes_id"), pl.col("version").alias("_v"), pl.col("submission_id").alias("_s"))
    rows = latest.join(current, on="unit_id", how="left").filter(
        pl.col("_s").is_null() | (pl.col("_s") != pl.col("submission_id")))
    votes = pl.concat_str([pl.lit("["), pl.concat_str([pl.col(c).cast(pl.Int64).cast(pl.Utf8)
                                                       for c in vote_columns(k)], separator=","), pl.lit("]")])
    rows = rows.with_columns(
        tier=pl.lit(ProtocolTier.PEC), source=pl.lit(ProtocolSource.OBSERVER), votes=votes, unit_code=pl.col("station_code"),
        version=(pl.col("_v").fill_null(0) + 1).cast(pl.Int64), submission_id=pl.col("submission_id").cast(pl.Utf8),
        **{c: pl.col(c).cast(pl.Int64) for c in LINES},
    )
    return len(write_protocols(actor=actor, election=election, frame=rows, origin="observer copies"))
