"""The current state of media outlets, periods, items and codings, for ``saylau ledger
verify`` (declared: the command reads ``SNAPSHOTS`` from every ``ledger_snapshots``)."""

from __future__ import annotations

from saylau.media.core import states


def _snapshot(kind):
    def read() -> dict[str, object]:
        from saylau.media import models

        model = {"media.outlet": models.Outlet, "media.period": models.Period, "media.slot": models.Slot, "media.item": models.Item,
                 "media.coding": models.Coding}[kind[0]]
        return {str(o.pk): states.state(kind, o) for o in model.objects.all().iterator(chunk_size=5000)}

    return read


SNAPSHOTS = {kind[0]: _snapshot(kind) for kind in states.KINDS}
