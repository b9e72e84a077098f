"""Every acknowledged submission carries its receipt (the ledger entry that
recorded it), on the short path and through DRF; a resubmission gets the same
receipt; once a checkpoint covers it, the receipt's proof leads to the signed root."""

from __future__ import annotations

import pytest

from saylau.core.actors import Actor
from saylau.ledger.core import merkle, note
from saylau.ledger.models import LedgerEntry
from saylau.ledger.services import create_checkpoint, generate_key

from .test_api import client_for, post
from .test_fastpath import send, served, session  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def key_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SAYLAU_LEDGER_KEY", str(tmp_path / "key.json"))


def _entry_of(data):
    return LedgerEntry.objects.get(object_type="observation.submission", object_id=str(data["id"]),
                                   event="observation.submission.accepted")


def test_the_short_path_and_drf_both_return_the_receipt_and_it_checks(mission, served, client) -> None:  # noqa: F811
    fast, body = send(session(mission["aigerim"]))
    assert fast.status_code == 201 and served[-1] == "fast"
    receipt = fast.json()["receipt"]
    entry = _entry_of(fast.json())
    assert receipt == {"sequence": entry.sequence, "hash": entry.hash}
    again, _ = post(client_for(mission["aigerim"]), **{})
    assert again.status_code == 201 and again.json()["receipt"]["sequence"] > receipt["sequence"]
    # the same report sent again: already stored, the same receipt
    resent = session(mission["aigerim"]).post("/api/observation/submissions/", __import__("json").dumps(body),
                                              content_type="application/json")
    assert resent.status_code == 200 and resent.json()["receipt"] == receipt

    vkey = generate_key(actor=Actor.system("test"), name="mission")
    made = create_checkpoint(actor=Actor.system("test"))
    current = client.get(f"/api/ledger/entries/{receipt['sequence']}/receipt/").json()
    assert current["hash"] == receipt["hash"] and note.open_note(current["checkpoint"]["note"], [vkey]).size == made.size
    proof = [bytes.fromhex(x) for x in current["inclusion"]]
    assert merkle.verify_inclusion(receipt["sequence"] - 1, made.size, merkle.entry_leaf(receipt["hash"]), proof,
                                   bytes.fromhex(made.root))


def test_sms_and_openrosa_acknowledgements_carry_a_short_receipt(mission) -> None:
    from django.contrib.auth.models import Group, User

    from saylau.ledger.selectors import receipt_code

    gateway = User.objects.create_user("gateway")
    gateway.groups.add(Group.objects.get_or_create(name="sms_gateway")[0])
    text = "V 0111 A0 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2"
    ok = client_for(gateway).post("/api/observation/sms/", {"phone": "+7 701 000 0001", "text": text},
                                  format="json").json()
    entry = _entry_of(ok["submission"])
    assert ok["reply"].endswith(f"Квитанция {entry.sequence}-{entry.hash[:8]}")  # the observer writes Russian
    assert receipt_code({"sequence": 7, "hash": "ab" * 32}, "kk") == "Түбіртек 7-abababab"
    assert receipt_code(None) == ""
