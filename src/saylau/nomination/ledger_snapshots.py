"""What the ledger vouches for in nomination: nominees, their decisions and eligibility checks,
signature sheets and lines, verification sessions and accreditations.

``saylau ledger verify`` compares each object's state now with the ``after`` of its latest
entry, and so finds a row edited, deleted or inserted behind saylau's back. Signature lines
are many: their states are built column-wise from one query (as imports build them).
"""

from __future__ import annotations

import polars as pl

from saylau.geography.core.states import DATE, field_value, state, state_expr
from saylau.nomination.core import states
from saylau.nomination.models import (
    Accreditation,
    EligibilityCheck,
    Nominee,
    SignatureLine,
    SignatureSheet,
    StatusDecision,
    VerificationSession,
)


def _snapshot(kind, queryset):
    def read() -> dict[str, object]:
        return {str(obj.pk): state(kind, obj) for obj in queryset()}
    return read


def line_states() -> pl.DataFrame:
    """Every signature line as ``object_id`` (text) and ``state`` (canonical JSON text), column-wise."""
    columns = [f.column for f in states.LINE.fields]
    dates = {i for i, f in enumerate(states.LINE.fields) if f.type == DATE}
    schema = {"id": pl.Int64, **states.LINE.schema}
    parts = []
    rows = SignatureLine.objects.order_by("id").values_list("id", *columns)
    for chunk in _chunks(rows.iterator(chunk_size=20_000), 20_000):
        parts.append(pl.DataFrame([(r[0], *(field_value(states.LINE.fields[i], v) if i in dates else v
                                            for i, v in enumerate(r[1:]))) for r in chunk],
                                  schema=schema, orient="row"))
    frame = pl.concat(parts) if parts else pl.DataFrame(schema=schema)
    return frame.select(object_id=pl.col("id").cast(pl.Utf8), state=state_expr(states.LINE))


def _chunks(rows, size: int):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


SNAPSHOTS = {
    states.NOMINEE.object_type: _snapshot(states.NOMINEE, Nominee.objects.all),
    states.DECISION.object_type: _snapshot(states.DECISION, StatusDecision.objects.all),
    states.CHECK.object_type: _snapshot(states.CHECK, EligibilityCheck.objects.all),
    states.SHEET.object_type: _snapshot(states.SHEET, SignatureSheet.objects.all),
    states.SESSION.object_type: _snapshot(states.SESSION, VerificationSession.objects.all),
    states.ACCREDITATION.object_type: _snapshot(states.ACCREDITATION, Accreditation.objects.all),
}
TEXT_SNAPSHOTS = {states.LINE.object_type: line_states}
