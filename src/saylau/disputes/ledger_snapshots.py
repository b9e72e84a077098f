"""What the ledger vouches for in disputes: legal bases, calendar days, cases, their documents and links.

``saylau ledger verify`` compares each object's state now with the ``after`` of
its latest entry. A case's timeline (:class:`~saylau.disputes.models.CaseEvent`)
is not vouched for separately: each of its steps is the reason and actor of
the case's own entry.
"""

from __future__ import annotations

from saylau.disputes.core import states
from saylau.disputes.models import CalendarDay, Case, CaseDocument, CaseLink, LegalBasis
from saylau.geography.core.states import state


def _snapshot(kind, queryset):
    def read() -> dict[str, object]:
        return {str(obj.pk): state(kind, obj) for obj in queryset()}
    return read


SNAPSHOTS = {
    states.BASIS.object_type: _snapshot(states.BASIS, LegalBasis.objects.all),
    states.DAY.object_type: _snapshot(states.DAY, CalendarDay.objects.all),
    states.CASE.object_type: _snapshot(states.CASE, lambda: Case.objects.prefetch_related("bases")),
    states.DOCUMENT.object_type: _snapshot(states.DOCUMENT, CaseDocument.objects.all),
    states.LINK.object_type: _snapshot(states.LINK, CaseLink.objects.all),
}
