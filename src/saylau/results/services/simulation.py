"""Import the protocols of a kz-2011 simulation (``Simulation.results`` or its Parquet file).

What becomes what:

- PEC official protocol (tier PEC, source ``official``) = ``counted_*``: what the
  PEC counted and signed, as observers copy it;
- DEC-entered station figures (tier DEC, source ``entered``, unit = station) =
  ``entered_*`` first, then corrected to ``official_*`` where ``corrected`` (with a
  DEC decision where ``correction_decision``, else flagged as without one);
  stations never corrected get ``official_*`` directly;
- DEC, TEC and CEC official protocols = the sums of the entered figures below
  them, as the administration tabulated them.

Arrival times are spread over election night, the same for the same data.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.protocol import LINES, line_columns, vote_column, vote_columns, vote_columns_in
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Commission, Election, Unit
from saylau.ledger.services import Event, record_many
from saylau.results import storage
from saylau.results.choices import ProtocolSource, ProtocolTier
from saylau.results.models import Decision, Protocol
from saylau.results.services.bulk import write_protocols
from saylau.results.services.protocols import decision_state, ensure_template, import_corrections

CLOSE_UTC = dt.time(14, 0)  # 20:00 in Astana


def _votes_text(frame: pl.DataFrame, prefix: str, k: int) -> pl.Expr:
    return pl.concat_str([pl.lit("["), pl.concat_str([pl.col(c).cast(pl.Utf8) for c in vote_columns(k, prefix)],
                                                     separator=","), pl.lit("]")])


def _at(day: dt.date, seconds: pl.Expr) -> pl.Expr:
    start = dt.datetime.combine(day, CLOSE_UTC)
    return (pl.lit(start) + pl.duration(seconds=seconds)).dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def _lines(prefix: str) -> list[pl.Expr]:
    return [pl.col(f"{prefix}{k}").cast(pl.Int64).alias(k) for k in LINES]


@transaction.atomic
def import_simulation(*, actor: Actor, election: Election, results: pl.DataFrame) -> dict[str, int]:
    """Import every protocol of a simulated election; returns counts per kind."""
    k = len(vote_columns_in(results.columns, "counted_"))
    if Protocol.objects.filter(election=election, tier=ProtocolTier.PEC, source=ProtocolSource.OFFICIAL).exists():
        raise ValueError(f"{election.slug} already has PEC protocols: the simulation was imported before")
    ensure_template(actor=actor, election=election)
    units = pl.DataFrame(
        list(Unit.objects.filter(election=election, level=UnitLevel.STATION).values_list("code", "id", "parent_id")),
        schema={"station_code": pl.Utf8, "unit_id": pl.Int64, "district_id": pl.Int64}, orient="row")
    data = results.join(units, on="station_code", how="left")
    if data["unit_id"].null_count():
        missing = data.filter(pl.col("unit_id").is_null())["station_code"].head(5).to_list()
        raise ValueError(f"stations not in {election.slug}: {missing}")
    n = data.height
    spread = (pl.int_range(0, n) * 7919 % 21600).cast(pl.Int64)
    data = data.with_columns(_delay=spread)
    pec = data.select("unit_id", *_lines("counted_"), unit_code="station_code", votes=_votes_text(data, "counted_", k),
                      received_at=_at(election.date, pl.col("_delay")))
    write_protocols(actor=actor, election=election, frame=pec.with_columns(
        tier=pl.lit(ProtocolTier.PEC), source=pl.lit(ProtocolSource.OFFICIAL)), origin="simulation: PEC protocols")
    first = data.select("unit_id", *_lines("entered_"), unit_code="station_code", votes=_votes_text(data, "entered_", k),
                        received_at=_at(election.date, pl.col("_delay") + 3600))
    ids = write_protocols(actor=actor, election=election, frame=first.with_columns(
        tier=pl.lit(ProtocolTier.DEC), source=pl.lit(ProtocolSource.ENTERED)), origin="simulation: DEC entry")
    data = data.with_columns(entered_id=pl.Series(ids, dtype=pl.Int64))
    corrected = data.filter(pl.col("corrected"))
    decision_ids = _decisions(actor, election, corrected)
    fixes = corrected.select(
        pl.col("entered_id").alias("previous_id"), *_lines("official_"), votes=_votes_text(corrected, "official_", k),
        unit_code=pl.col("station_code"),
        received_at=_at(election.date + dt.timedelta(days=1), pl.col("_delay") // 4),
        decision_id=pl.Series(decision_ids, dtype=pl.Int64),
        reason=pl.when(pl.col("correction_decision")).then(pl.lit("corrected by DEC decision"))
        .otherwise(pl.lit("changed at the DEC without a decision")),
    )
    import_corrections(actor=actor, election=election, frame=fixes, origin="simulation: corrections")
    tiers = _tier_protocols(actor, election, data, k)
    return {"PEC protocols": n, "DEC-entered figures": n, "corrections": corrected.height,
            "corrections without decision": int((~corrected["correction_decision"]).sum()),
            "decisions": sum(1 for d in decision_ids if d is not None), **tiers}


def _decisions(actor: Actor, election: Election, corrected: pl.DataFrame) -> list[int | None]:
    commissions = dict(Commission.objects.filter(unit__election=election, unit__level=UnitLevel.DISTRICT)
                       .values_list("unit_id", "id"))
    made = []
    rows = corrected.select("district_id", "correction_decision", "station_code").iter_rows()
    for i, (district, backed, station) in enumerate(rows):
        if backed:
            made.append(Decision(election=election, commission_id=commissions[district], number=f"{i + 1}",
                                 date=election.date + dt.timedelta(days=1),
                                 summary=f"Correction of the protocol of station {station}"))
    made = Decision.objects.bulk_create(made)
    record_many(actor=actor, events=[Event("results.decision.created", "results.decision", d.pk, str(d.number),
                                           None, decision_state(d)) for d in made])
    it = iter(d.pk for d in made)
    return [next(it) if backed else None for backed in corrected["correction_decision"].to_list()]


def _tier_protocols(actor: Actor, election: Election, data: pl.DataFrame, k: int) -> dict[str, int]:
    """DEC, TEC and CEC official protocols: sums of the current entered figures below them."""
    current = storage.expand_votes(
        storage.load(election.pk, where=f"p.source = '{ProtocolSource.ENTERED}'"), k)
    tree = pl.DataFrame(list(Unit.objects.filter(election=election).values_list("id", "parent_id", "level", "code")),
                        schema={"unit_id": pl.Int64, "parent_id": pl.Int64, "level": pl.Int64, "unit_code": pl.Utf8},
                        orient="row")
    sums = current.select("unit_id", *line_columns(k), "received_at")
    counts = {}
    for tier in ("DEC", "TEC", "CEC"):
        up = sums.join(tree.select("unit_id", "parent_id"), on="unit_id").group_by("parent_id").agg(
            *[pl.col(c).sum() for c in line_columns(k)],
            pl.col("received_at").max()).rename({"parent_id": "unit_id"}).sort("unit_id")
        up = up.with_columns(received_at=(pl.col("received_at").str.to_datetime("%Y-%m-%dT%H:%M:%SZ")
                                          + pl.duration(minutes=30)).dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
        frame = up.with_columns(tier=pl.lit(tier), source=pl.lit(ProtocolSource.OFFICIAL),
                                votes=_votes_text(up, "", k)).join(tree.select("unit_id", "unit_code"), on="unit_id",
                                                                   how="left", maintain_order="left")
        write_protocols(actor=actor, election=election, frame=frame, origin=f"simulation: {tier} protocols")
        counts[f"{tier} protocols"] = up.height
        sums = up
    return counts


def observed_copies(sim) -> pl.DataFrame:
    """Observers' protocol copies in a simulation, as the observation app gives them."""
    rows = []
    for s in sim.submissions:
        a = s["answers"]
        if s["form"] != "counting" or "p_registered" not in a:
            continue
        row = {"station_code": s["station_code"], "submission_id": s["uuid"], "submitted_at": s["submitted_at"]}
        row.update({k: a[f"p_{k}"] for k in LINES})
        row.update({vote_column(c["candidate_number"]): c["votes"] for c in a["candidate_votes"]})
        rows.append(row)
    return pl.DataFrame(rows)


__all__ = ["import_simulation", "observed_copies"]
