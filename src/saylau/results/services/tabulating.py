"""Tabulate: sum the tiers up and list every discrepancy with its size."""

from __future__ import annotations

import hashlib

import numpy as np
import polars as pl
from django.db import transaction
from django.utils import timezone

from saylau.core import protocol
from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record
from saylau.results import frames
from saylau.results.choices import DiscrepancyKind, ProtocolSource, ProtocolTier
from saylau.results.core.tabulate import (
    build_tree,
    compare_copies,
    compare_with_children,
    sum_up,
    to_mapping,
)
from saylau.results.models import Discrepancy, TabulationRun


def discrepancy_digest(rows) -> str:
    """SHA-256 over ``kind|unit|line|official|expected|missing`` lines, sorted."""
    text = "\n".join("|".join(str(x) for x in r) for r in sorted(rows))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rows(kind: str, d) -> list[tuple]:
    return [(kind, int(u), str(ln), int(o), int(e), int(m))
            for u, ln, o, e, m in zip(d.unit, d.line, d.official, d.expected, d.missing, strict=True)]


def _copies(a: pl.DataFrame, b: pl.DataFrame, cols: list[str]):
    return compare_copies(a["unit_id"].to_numpy(), frames.arrays(a, cols), b["unit_id"].to_numpy(), frames.arrays(b, cols))


def compare(election: Election, protocols: tuple[pl.DataFrame, int] | None = None) -> tuple[dict, list[tuple]]:
    """Every comparison of the chain, without writing: ``(summary, rows)``.

    ``protocols``: ``frames.protocols(election)`` when the caller has read them already.
    """
    frame, k = protocols or frames.protocols(election, columns=frames.FIGURES)
    cols = protocol.line_columns(k)
    tree_units = frames.units(election, names=False)
    tree = build_tree(tree_units["unit_id"].to_numpy(), tree_units["parent_id"].fill_null(-1).to_numpy())
    figures = frames.station_figures(frame)
    higher = frame.filter((pl.col("source") == ProtocolSource.OFFICIAL) & (pl.col("tier") != ProtocolTier.PEC))
    own = pl.concat([figures.select("unit_id", *cols), higher.select("unit_id", *cols)], how="vertical_relaxed")
    lines = tree_units.select("unit_id").join(own, on="unit_id", how="left", maintain_order="left")
    official = frames.arrays(lines, cols)
    totals, missing = sum_up(tree, official)
    rows = _rows(DiscrepancyKind.TIER, compare_with_children(tree, official))
    pec = frames.pick(frame, ProtocolTier.PEC, ProtocolSource.OFFICIAL)
    observer = frames.pick(frame, ProtocolTier.PEC, ProtocolSource.OBSERVER)
    entered = frames.pick(frame, ProtocolTier.DEC, ProtocolSource.ENTERED)
    if pec.height and observer.height:  # official = PEC protocol, expected = observer's copy
        rows += _rows(DiscrepancyKind.OBSERVER, _copies(pec, observer, cols))
    if pec.height and entered.height:  # official = DEC-entered figure, expected = PEC protocol
        rows += _rows(DiscrepancyKind.ENTERED, _copies(entered, pec, cols))
    a = frame.filter(pl.col("source") == ProtocolSource.ENTRY_A)
    b = frame.filter(pl.col("source") == ProtocolSource.ENTRY_B)
    if a.height and b.height:
        rows += _rows(DiscrepancyKind.DOUBLE_ENTRY, _copies(a, b, cols))
    root = tree_units.filter(pl.col("parent_id").is_null())["unit_id"].to_list()
    national = to_mapping(totals, tree, root[0]) if root else {}
    by_kind: dict[str, set] = {}
    for r in rows:
        by_kind.setdefault(r[0], set()).add(r[1])
    summary = {
        "protocols": frame.height, "stations": int(figures.height),
        "stations_missing": int(missing[np.flatnonzero(tree.parent < 0)].sum()) if root else 0,
        "totals": {key: int(v) for key, v in national.items()},
        "discrepancies": {kind: sum(1 for r in rows if r[0] == kind) for kind in DiscrepancyKind.values},
        "units_with_discrepancies": {kind: len(by_kind.get(kind, ())) for kind in DiscrepancyKind.values},
    }
    return summary, rows


@transaction.atomic
def tabulate(*, actor: Actor, election: Election) -> TabulationRun:
    """Sum up the tiers, compare every protocol with what it should equal, store the discrepancies."""
    return tabulate_frame(actor=actor, election=election, frame=None, k=None)


def tabulate_frame(*, actor: Actor, election: Election, frame: pl.DataFrame | None, k: int | None) -> TabulationRun:
    """:func:`tabulate` on protocols the caller has just read in its transaction (or reads them)."""
    summary, rows = compare(election, None if frame is None else (frame, k))
    run = TabulationRun(election=election, created_at=timezone.now(), summary=summary)
    run.full_clean()
    run.save()
    Discrepancy.objects.bulk_create([
        Discrepancy(run=run, kind=kind, unit_id=unit, line=line, official=o, expected=e, difference=o - e, missing=m)
        for kind, unit, line, o, e, m in rows], batch_size=5000)
    record(actor=actor, event=Event("results.tabulation.run", "results.tabulationrun", run.pk, str(run), None,
                                    {"election": election.pk, "summary": summary, "digest": discrepancy_digest(rows)}))
    return run
