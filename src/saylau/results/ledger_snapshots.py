"""What the ledger vouches for in the results chain, as the database holds it now.

``saylau ledger verify`` compares each function's result with the ``after``
state of the latest ledger entry of every object, so a row edited, deleted
or inserted directly in the database is found. Every protocol, imported in
bulk or recorded on its own, has its own entries; protocols are compared as
canonical JSON texts built column-wise (:func:`storage.state_texts`), so a
million of them are checked without a Python loop.

Declared, not registered: ``saylau ledger verify`` reads ``SNAPSHOTS`` and
``TEXT_SNAPSHOTS`` from every package's ``ledger_snapshots`` module.
"""

from __future__ import annotations

import polars as pl

from saylau.results import storage
from saylau.results.models import (
    CheckRun,
    Correction,
    DataEntry,
    Decision,
    EntryReview,
    ProtocolBlock,
    ProtocolTemplate,
    Publication,
    TabulationRun,
)
from saylau.results.services.bulk import block_state
from saylau.results.services.checking import quarantine_digest, run_state
from saylau.results.services.entry import entry_state, review_state
from saylau.results.services.protocols import correction_state, decision_state, template_state
from saylau.results.services.tabulating import discrepancy_digest


def protocols() -> pl.DataFrame:
    """Every protocol row (all versions) as ``object_id`` and its canonical state text."""
    rows = storage.load(current_only=False)
    return pl.DataFrame({"object_id": rows["id"].cast(pl.Utf8), "state": storage.state_texts(rows)})


def blocks() -> dict[str, object]:
    return {str(b["id"]): block_state(b) for b in ProtocolBlock.objects.values("id", "election_id", "origin", "count")}


def decisions() -> dict[str, object]:
    return {str(d.pk): decision_state(d) for d in Decision.objects.all()}


def corrections() -> dict[str, object]:
    return {str(c["id"]): correction_state(c) for c in Correction.objects.values(
        "id", "protocol_id", "previous_id", "decision_id", "without_decision", "changes", "reason")}


def check_runs() -> dict[str, object]:
    out = {}
    for run in CheckRun.objects.all():
        pairs = run.quarantines.values_list("protocol_id", "codes")
        out[str(run.pk)] = run_state(run, quarantine_digest(pairs))
    return out


def tabulation_runs() -> dict[str, object]:
    out = {}
    for run in TabulationRun.objects.all():
        rows = run.discrepancies.values_list("kind", "unit_id", "line", "official", "expected", "missing")
        out[str(run.pk)] = {"election": run.election_id, "summary": run.summary, "digest": discrepancy_digest(rows)}
    return out


def templates() -> dict[str, object]:
    return {str(t.pk): template_state(t) for t in ProtocolTemplate.objects.prefetch_related("lines")}


def publications() -> dict[str, object]:
    return {str(p.pk): {"election": p.election_id, "until": p.until, "stations": p.stations, "files": p.files}
            for p in Publication.objects.all()}


def data_entries() -> dict[str, object]:
    return {str(e.pk): entry_state(e) for e in DataEntry.objects.all()}


def entry_reviews() -> dict[str, object]:
    return {str(r.pk): review_state(r) for r in EntryReview.objects.all()}


TEXT_SNAPSHOTS = {"results.protocol": protocols}
SNAPSHOTS = {
    "results.protocolblock": blocks,
    "results.decision": decisions,
    "results.correction": corrections,
    "results.checkrun": check_runs,
    "results.tabulationrun": tabulation_runs,
    "results.protocoltemplate": templates,
    "results.publication": publications,
    "results.dataentry": data_entries,
    "results.entryreview": entry_reviews,
}
