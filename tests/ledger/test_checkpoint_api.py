"""The ledger's public API and portal page, and its commands (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from saylau import cli
from saylau.core.actors import Actor
from saylau.ledger.core import merkle
from saylau.ledger.services import Event, create_checkpoint, generate_key, record_many

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


@pytest.fixture(autouse=True)
def key_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SAYLAU_LEDGER_KEY", str(tmp_path / "key.json"))


def _fill(n, kind="results.protocol"):
    with transaction.atomic():
        record_many(actor=ACTOR, events=[Event(f"{kind}.created", kind, i, after={"v": i}) for i in range(n)])


def test_api_serves_checkpoints_receipts_and_proofs_that_verify(client):
    assert client.get("/api/ledger/checkpoints/latest/").status_code == 404
    _fill(9)
    _fill(3, kind="observation.submission")
    generate_key(actor=ACTOR, name="mission")
    first = create_checkpoint(actor=ACTOR)
    _fill(5)
    last = create_checkpoint(actor=ACTOR)
    assert [c["size"] for c in client.get("/api/ledger/checkpoints/").json()] == [last.size, first.size]
    assert client.get("/api/ledger/keys/").json()[0]["verifier_key"].startswith("mission+")
    receipt = client.get("/api/ledger/entries/4/receipt/").json()
    assert receipt["checkpoint"]["size"] == last.size and receipt["object"] == "results.protocol:3"
    proof = [bytes.fromhex(x) for x in receipt["inclusion"]]
    assert merkle.verify_inclusion(3, last.size, bytes.fromhex(receipt["leaf"]), proof, bytes.fromhex(last.root))
    assert client.get("/api/ledger/entries/11/receipt/").json()["object"] is None  # a report: not public
    got = client.get(f"/api/ledger/proofs/consistency/?from={first.size}").json()
    assert merkle.verify_consistency(first.size, last.size, bytes.fromhex(first.root), bytes.fromhex(last.root),
                                     [bytes.fromhex(x) for x in got["consistency"]])
    got = client.get("/api/ledger/proofs/inclusion/?entry=2").json()
    assert got["size"] == last.size and len(got["inclusion"]) >= 4


@pytest.mark.parametrize("query", ["entry=x", "entry=0", "entry=5&size=99999", "", "entry=9&size=3"])
def test_bad_proof_requests_get_400_in_json(client, query):
    _fill(4)
    generate_key(actor=ACTOR, name="mission")
    create_checkpoint(actor=ACTOR)
    response = client.get(f"/api/ledger/proofs/inclusion/?{query}")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert client.get("/api/ledger/entries/999/receipt/").status_code == 404


def test_portal_lists_keys_and_checkpoints_and_streams_entries(client):
    _fill(3)
    _fill(2, kind="observation.submission")
    generate_key(actor=ACTOR, name="mission")
    made = create_checkpoint(actor=ACTOR)
    page = client.get("/portal/ledger/").content.decode()
    assert "mission+" in page and made.note.splitlines()[2] in page
    lines = [json.loads(x) for x in b"".join(client.get("/portal/open-data/ledger-entries.jsonl").streaming_content).splitlines()]
    assert [x["sequence"] for x in lines] == list(range(1, 8))
    assert sum("payload" in x for x in lines) == 5  # 3 protocols, the key and the checkpoint


def test_commands_say_what_to_run_first_then_work(tmp_path, capsys):
    _fill(6)
    assert cli.main(["ledger", "checkpoint"]) == 2
    assert "ledger keygen" in capsys.readouterr().err
    assert cli.main(["ledger", "prove", "--entry", "2"]) == 2
    assert "ledger checkpoint" in capsys.readouterr().err
    assert cli.main(["ledger", "keygen", "--name", "mission"]) == 0
    assert cli.main(["ledger", "checkpoint"]) == 0
    out = capsys.readouterr().out
    assert "\n7\n" in out and "\u2014 mission " in out
    assert cli.main(["ledger", "prove", "--entry", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["size"] == 7
    assert cli.main(["ledger", "prove", "--entry", "20"]) == 2
    assert cli.main(["ledger", "publish", "--out", str(tmp_path / "pub")]) == 0
    assert (tmp_path / "pub" / "entries.jsonl").exists()


def test_checkpoints_on_a_schedule_only_when_entries_were_added(capsys):
    _fill(3)
    assert cli.main(["ledger", "keygen", "--name", "mission"]) == 0
    assert cli.main(["ledger", "checkpoint", "--every", "0", "--rounds", "3"]) == 0
    out = capsys.readouterr().out
    assert out.count("checkpoint of") == 1  # then nothing new but its own entry
    _fill(2)
    assert cli.main(["ledger", "checkpoint", "--every", "0", "--rounds", "2"]) == 0
    assert capsys.readouterr().out.count("checkpoint of") == 1
