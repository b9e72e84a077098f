"""What the ledger vouches for in the register audit: runs, pairs (with their decisions) and flags."""

from __future__ import annotations

from saylau.geography.core.states import state
from saylau.registry.core import states
from saylau.registry.models import AuditRun, CandidatePair, Flag


def _snapshot(kind, queryset):
    def read() -> dict[str, object]:
        return {str(obj.pk): state(kind, obj) for obj in queryset()}
    return read


SNAPSHOTS = {
    states.RUN.object_type: _snapshot(states.RUN, AuditRun.objects.all),
    states.PAIR.object_type: _snapshot(states.PAIR, CandidatePair.objects.all),
    states.FLAG.object_type: _snapshot(states.FLAG, Flag.objects.all),
}
