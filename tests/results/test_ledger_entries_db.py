"""Every protocol, bulk-imported or not, has its own ledger entry holding its whole state."""

from __future__ import annotations

import json

import pytest

from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.core.chain import canonical_json
from saylau.ledger.models import LedgerEntry
from saylau.results import services, storage
from saylau.results.models import Protocol, ProtocolBlock
from saylau.results.services.protocols import protocol_state

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db


def test_one_entry_per_protocol_with_its_state():
    load_snapshots()
    _, election, _ = kz(0.01)
    station = election.units.filter(level=3).exclude(protocols__source="entry_a").first()
    odd = services.record_protocol(actor=ACTOR, election=election, unit=station, tier="PEC", source="entry_a",
                                   lines={"registered": 10, "valid": 3}, votes=[1, 2, 0, 0],
                                   submission_id='a "quoted"\\id\n')
    services.correct_protocol(actor=ACTOR, protocol=odd, lines={"valid": 4}, reason="typo")
    rows = storage.load(current_only=False)
    assert rows["block_id"].null_count() == 2  # the two recorded one by one
    # the column-wise state text is canonical_json(protocol_state(row)), byte for byte
    assert storage.state_texts(rows).to_list() == [canonical_json(protocol_state(r)).decode()
                                                   for r in rows.iter_rows(named=True)]
    entries = LedgerEntry.objects.filter(object_type="results.protocol")
    assert entries.count() == Protocol.objects.count() == rows.height
    by_id = {e.object_id: e for e in entries}
    for r in rows.filter(rows["block_id"].is_not_null()).head(50).iter_rows(named=True):
        entry = by_id[str(r["id"])]
        payload = json.loads(entry.payload)
        assert payload["after"] == protocol_state(r)
        assert entry.event == ("results.protocol.corrected" if r["supersedes_id"] else "results.protocol.imported")
        code = election.units.get(pk=r["unit_id"]).code
        assert payload["object"]["repr"] == f"{r['tier']} {r['source']} protocol of {code} v{r['version']}"
    corrected = rows.filter(rows["supersedes_id"].is_not_null() & rows["block_id"].is_not_null())
    assert corrected.height and by_id[str(corrected["id"][0])].event == "results.protocol.corrected"
    payload = json.loads(by_id[str(corrected["id"][0])].payload)
    code = election.units.get(pk=corrected["unit_id"][0]).code
    assert payload["object"]["repr"] == f"DEC entered protocol of {code} v2" and payload["reason"]
    # each import is one block with its own entry: where the protocols came from, how many
    for block in ProtocolBlock.objects.all():
        assert block.count == rows.filter(rows["block_id"] == block.pk).height
        entry = LedgerEntry.objects.get(object_type="results.protocolblock", object_id=str(block.pk))
        assert json.loads(entry.payload)["after"] == {"election": election.pk, "origin": block.origin,
                                                      "count": block.count}
    assert checks.verify_database().ok
