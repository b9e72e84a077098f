"""Checkpoints, proofs, publication, and the independent verifier catching
tampering from checkpoints and receipts alone (SQLite and PostgreSQL).

The verifier (verifier/saylau_verify.py) shares no code with saylau; the
roots here are recomputed by it, not by saylau's Merkle module."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction

from saylau.core.actors import Actor
from saylau.core.errors import UserError
from saylau.ledger import selectors, signing, tree
from saylau.ledger.core import note
from saylau.ledger.core.chain import entry_hash
from saylau.ledger.models import Checkpoint, LedgerEntry, LedgerHead, MerkleNode
from saylau.ledger.publication import write
from saylau.ledger.services import Event, create_checkpoint, generate_key, record_many

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
TABLE = LedgerEntry._meta.db_table
# the verifier is a script beside saylau, imported as its users would run it (worker processes import it too)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "verifier"))
import saylau_verify as verify  # noqa: E402


@pytest.fixture(autouse=True)
def key_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SAYLAU_LEDGER_KEY", str(tmp_path / "key.json"))


def _fill(start, n, kind="results.protocol"):
    with transaction.atomic():
        record_many(actor=ACTOR, events=[Event(f"{kind}.created", kind, i, after={"value": i})
                                         for i in range(start, start + n)])


def _hashes():
    return list(LedgerEntry.objects.order_by("sequence").values_list("hash", flat=True))


def _vkey():
    return selectors.keys().last().verifier_key


def _check(folder, **kw):
    return verify.check(folder, [_vkey()], kw.get("notes", []), kw.get("receipts", []), kw.get("proofs", []))


def _keep(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_checkpoint_root_proofs_and_incremental_tree():
    _fill(1, 37)
    vkey = generate_key(actor=ACTOR, name="mission.example/kz-2011")
    first = create_checkpoint(actor=ACTOR)
    assert first.size == 38  # 37 entries and the key's
    leaves = [verify.h_leaf(bytes.fromhex(h)) for h in _hashes()]
    assert bytes.fromhex(first.root) == verify.roots_at(leaves, {38})[38]
    assert note.open_note(first.note, [vkey]).size == 38
    _fill(100, 21)
    second = create_checkpoint(actor=ACTOR)
    assert second.size == 38 + 1 + 21  # the first checkpoint's own entry is in the second
    leaves = [verify.h_leaf(bytes.fromhex(h)) for h in _hashes()]
    assert bytes.fromhex(second.root) == verify.roots_at(leaves, {second.size})[second.size]
    assert MerkleNode.objects.filter(level=0).count() == second.size
    for sequence in (1, 17, 38, 39, second.size):
        proof = [bytes.fromhex(x) for x in selectors.inclusion(sequence, second.size)]
        assert verify.root_by_path(sequence - 1, second.size, leaves[sequence - 1], proof) == bytes.fromhex(second.root)
    proof = [bytes.fromhex(x) for x in selectors.consistency(first.size, second.size)]
    old, new = verify.roots_by_consistency(first.size, second.size, bytes.fromhex(first.root), proof)
    assert (old.hex(), new.hex()) == (first.root, second.root)


def test_without_a_key_the_command_says_what_to_run():
    _fill(1, 3)
    with pytest.raises(UserError, match="ledger keygen"):
        create_checkpoint(actor=ACTOR)


def test_a_rotated_key_signs_new_checkpoints_and_old_ones_still_verify(tmp_path):
    _fill(1, 5)
    old_key = generate_key(actor=ACTOR, name="mission")
    old = create_checkpoint(actor=ACTOR)
    new_key = generate_key(actor=ACTOR, name="mission")
    new = create_checkpoint(actor=ACTOR)
    assert note.open_note(old.note, [old_key]).size == old.size
    with pytest.raises(note.NoteError):
        note.open_note(old.note, [new_key])
    assert note.open_note(new.note, [new_key]).size == new.size
    write(tmp_path / "pub")
    problems, stats = verify.check(tmp_path / "pub", [], [], [], [])  # keys.txt lists both
    assert not problems and stats["checkpoints"] == 2


def test_publication_verifies_and_private_payloads_stay_out(tmp_path):
    _fill(1, 10)
    _fill(50, 4, kind="observation.submission")
    generate_key(actor=ACTOR, name="mission")
    create_checkpoint(actor=ACTOR)
    counts = write(tmp_path / "pub")
    assert counts["entries"] == 16 and counts["public"] == 12  # 10 protocols, the key, the checkpoint; not the 4 reports
    text = (tmp_path / "pub" / "entries.jsonl").read_text()
    assert "observation.submission" not in text
    receipt = _keep(tmp_path, "r.json", selectors.receipt(3))
    problems, stats = _check(tmp_path / "pub", receipts=[receipt])
    assert problems == [] and stats["entries"] == 16 and stats["receipts"] == 1
    assert verify.main([str(tmp_path / "pub"), "--key", _vkey(), "--receipt", str(receipt)]) == 0


def _rehash_from(sequence):
    """Recompute every hash from ``sequence`` on, as a forger with database access would."""
    rows = list(LedgerEntry.objects.filter(sequence__gte=sequence - 1).order_by("sequence"))
    previous = rows[0].hash if rows[0].sequence < sequence else "0" * 64
    with connection.cursor() as cursor:
        for row in rows:
            if row.sequence < sequence:
                continue
            digest = entry_hash(previous, row.payload)
            cursor.execute(f"UPDATE {TABLE} SET previous_hash = %s, hash = %s WHERE id = %s", [previous, digest, row.pk])
            previous = digest
        cursor.execute(f"UPDATE {LedgerHead._meta.db_table} SET hash = %s, sequence = %s", [previous, rows[-1].sequence])


def _forge(sequence, old, new):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET payload = REPLACE(payload, %s, %s) WHERE sequence = %s", [old, new, sequence])


def _setup(tmp_path):
    _fill(1, 20)
    generate_key(actor=ACTOR, name="mission")
    cp = create_checkpoint(actor=ACTOR)
    receipt = _keep(tmp_path, "observer-receipt.json", selectors.receipt(7))
    kept = _keep(tmp_path, "observer-checkpoint.txt", cp.note)
    return cp, receipt, kept


@pytest.mark.parametrize("case", ["edit", "delete", "reorder", "insert-and-rehash", "rewrite-after-checkpoint"])
def test_tampering_is_found_by_the_verifier_from_checkpoints_and_receipts(tmp_path, case):
    cp, receipt, kept = _setup(tmp_path)
    if case == "edit":
        _forge(5, '"value":5', '"value":6')
    elif case == "delete":
        LedgerEntry.objects.filter(sequence=9).delete()
    elif case == "reorder":
        a, b = LedgerEntry.objects.get(sequence=4), LedgerEntry.objects.get(sequence=5)
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET payload = %s WHERE id = %s", [b.payload, a.pk])
            cursor.execute(f"UPDATE {TABLE} SET payload = %s WHERE id = %s", [a.payload, b.pk])
    elif case == "insert-and-rehash":  # the forged entry of issue #21: every later hash recomputed
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET sequence = sequence + 1000 WHERE sequence >= 10")
            cursor.execute(f"UPDATE {TABLE} SET sequence = sequence - 999 WHERE sequence >= 1010")
        forged = LedgerEntry.objects.get(sequence=11)
        LedgerEntry.objects.create(sequence=10, event="results.protocol.created", object_type="results.protocol",
                                   object_id="999", batch_id="x", created_at=forged.created_at,
                                   payload=forged.payload.replace('"value":10', '"value":110'),
                                   previous_hash="", hash="")
        _rehash_from(10)
    else:  # the whole chain from entry 3 rewritten (a protocol changed by 100 votes), hashes recomputed
        _forge(3, '"value":3', '"value":103')
        _rehash_from(3)
    # the mission publishes what its database now holds, and even drops the old checkpoint
    Checkpoint.objects.all().delete()
    MerkleNode.objects.all().delete()
    create_checkpoint(actor=ACTOR) if case in ("insert-and-rehash", "rewrite-after-checkpoint") else None
    write(tmp_path / "pub")
    problems, _ = _check(tmp_path / "pub", notes=[kept], receipts=[receipt])
    assert problems, case


def test_a_rollback_of_the_last_entries_is_found_from_a_receipt(tmp_path):
    _fill(1, 10)
    generate_key(actor=ACTOR, name="mission")
    create_checkpoint(actor=ACTOR)
    _fill(100, 5)
    create_checkpoint(actor=ACTOR)
    receipt = _keep(tmp_path, "late.json", selectors.receipt(14))
    # roll back: the last entries, the later checkpoint and its nodes go; the head moves back
    last_kept = Checkpoint.objects.order_by("size").first().size + 1
    LedgerEntry.objects.filter(sequence__gt=last_kept).delete()
    Checkpoint.objects.filter(size__gt=last_kept).delete()
    MerkleNode.objects.all().delete()
    write(tmp_path / "pub")
    problems, _ = _check(tmp_path / "pub", receipts=[receipt])
    assert any("rolled back" in p for p in problems), problems


def test_a_split_view_is_found_when_two_observers_compare(tmp_path):
    _fill(1, 12)
    generate_key(actor=ACTOR, name="mission")
    honest = create_checkpoint(actor=ACTOR)
    # the mission (holding the key) shows observer B a tree of the same size with another root
    name, private = signing.read()
    other = note.sign(note.Checkpoint(name, honest.size, bytes(32), note.utc_now()), name, private)
    a = _keep(tmp_path, "a.txt", honest.note)
    b = _keep(tmp_path, "b.txt", other)
    problems, _ = verify.check(None, [_vkey()], [a, b], [], [])
    assert any("split view" in p for p in problems)
    # and with different sizes, the consistency proof the mission serves fails against B's head
    _fill(100, 3)
    later = create_checkpoint(actor=ACTOR)
    forged = note.sign(note.Checkpoint(name, later.size, base64.b64decode(base64.b64encode(b"\x01" * 32)),
                                       note.utc_now()), name, private)
    proof = _keep(tmp_path, "proof.json", {"size1": honest.size, "size2": later.size,
                                           "consistency": selectors.consistency(honest.size, later.size)})
    ok, _ = verify.check(None, [_vkey()], [a, _keep(tmp_path, "later.txt", later.note)], [], [proof])
    assert ok == []
    bad, _ = verify.check(None, [_vkey()], [a, _keep(tmp_path, "forged.txt", forged)], [], [proof])
    assert any("not a prefix" in p for p in bad)


def test_a_gap_in_the_entries_stops_the_tree_with_a_clear_message():
    _fill(1, 6)
    LedgerEntry.objects.filter(sequence=3).delete()
    with transaction.atomic():
        with pytest.raises(tree.TreeError, match="entry 3 is missing"):
            tree.sync()


def test_the_verifier_reads_the_entries_in_chunks_with_the_same_result(tmp_path):
    _fill(1, 40)
    generate_key(actor=ACTOR, name="mission")
    create_checkpoint(actor=ACTOR)
    write(tmp_path / "pub")
    path = tmp_path / "pub" / "entries.jsonl"
    whole = verify.read_entries(path, workers=1)[0]
    parts = verify.read_entries(path, workers=3)
    assert b"".join(p["leaves"] for p in parts) == whole["leaves"] and whole["count"] == 42
    # a link broken exactly where a chunk starts is still found
    lines = path.read_text().splitlines(keepends=True)
    item = json.loads(lines[21])
    item["previous_hash"] = "f" * 64
    lines[21] = json.dumps(item) + "\n"
    path.write_text("".join(lines))
    problems, _ = verify.check(tmp_path / "pub", [_vkey()], [], [], [])
    assert any("entry 22: previous_hash" in p for p in problems)
    for workers in (2, 3, 5):
        chunks = verify.read_entries(path, workers=workers)
        found = [p for c in chunks for p in c["problems"]]
        firsts = [(c["first"], c["previous"]) for c in chunks]
        assert found or any(first == 22 and prev == "f" * 64 for first, prev in firsts)


def test_the_observer_apps_download_is_read_receipt_by_receipt(tmp_path):
    _fill(1, 8)
    generate_key(actor=ACTOR, name="mission")
    create_checkpoint(actor=ACTOR)
    write(tmp_path / "pub")
    kept = [{"sequence": s, "hash": LedgerEntry.objects.get(sequence=s).hash, "form": "voting"} for s in (2, 5)]
    download = _keep(tmp_path, "saylau-receipts-aigerim.json", {"user": "aigerim", "receipts": kept})
    problems, stats = _check(tmp_path / "pub", receipts=[download])
    assert problems == [] and stats["receipts"] == 2
    _forge(5, '"value":5', '"value":55')
    _rehash_from(5)
    MerkleNode.objects.all().delete()
    Checkpoint.objects.all().delete()
    create_checkpoint(actor=ACTOR)
    write(tmp_path / "pub")
    problems, _ = _check(tmp_path / "pub", receipts=[download])
    assert any("entry 5 is published with another hash" in p for p in problems)
