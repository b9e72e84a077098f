"""What the ledger vouches for in the results chain, as the database holds it now.

``saylau ledger verify`` compares each function's result with the ``after``
state of the latest ledger entry of every object, so a row edited, deleted
or inserted directly in the database is found. Bulk-imported protocols are
vouched for by their block's entry (count and SHA-256 of the rows); a
protocol recorded on its own, by its own entry.
"""

from __future__ import annotations

import hashlib

from saylau.ledger.checks import register_snapshot
from saylau.results import storage
from saylau.results.models import (
    CheckRun,
    Correction,
    Decision,
    ProtocolBlock,
    ProtocolTemplate,
    Publication,
    TabulationRun,
)
from saylau.results.services.bulk import block_state
from saylau.results.services.checking import quarantine_digest, run_state
from saylau.results.services.protocols import (
    correction_state,
    decision_state,
    protocol_state,
    template_state,
)
from saylau.results.services.tabulating import discrepancy_digest

EMPTY = {"count": 0, "digest": hashlib.sha256(b"").hexdigest()}


def protocols() -> dict[str, object]:
    rows = storage.load(current_only=False, where="p.block_id IS NULL")
    return {str(r["id"]): protocol_state(r) for r in rows.iter_rows(named=True)}


def blocks() -> dict[str, object]:
    digests = storage.block_digests(storage.load(current_only=False, where="p.block_id IS NOT NULL"))
    out = {}
    for b in ProtocolBlock.objects.values("id", "election_id", "origin"):
        out[str(b["id"])] = block_state(b, digests.pop(b["id"], EMPTY))
    for block_id, digest in digests.items():  # rows pointing at a block that is gone
        out[str(block_id)] = {"election": None, "origin": "?", **digest}
    return out


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


register_snapshot("results.protocol", protocols)
register_snapshot("results.protocolblock", blocks)
register_snapshot("results.decision", decisions)
register_snapshot("results.correction", corrections)
register_snapshot("results.checkrun", check_runs)
register_snapshot("results.tabulationrun", tabulation_runs)
register_snapshot("results.protocoltemplate", templates)
register_snapshot("results.publication", publications)
