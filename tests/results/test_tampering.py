"""Every direct SQL edit, deletion, insertion or reordering of results or ledger rows is
found by ``saylau ledger verify`` (run on SQLite and again on PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection

from saylau import cli
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry
from saylau.results import services
from saylau.results.models import Correction, Decision, Protocol

from .helpers import ACTOR, kz

pytestmark = pytest.mark.django_db
LEDGER = LedgerEntry._meta.db_table
PROTOCOL = Protocol._meta.db_table


@pytest.fixture
def election():
    load_snapshots()
    _, election, _ = kz(0.02)
    single = services.record_decision(actor=ACTOR, election=election, commission=election.units.get(level=0).commission,
                                      number="1", date=election.date)
    services.run_checks(actor=ACTOR, election=election)
    services.tabulate(actor=ACTOR, election=election)
    assert single.pk and checks.verify_database().ok, checks.verify_database().problems
    return election


def _sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _broken(*fragments: str) -> str:
    report = checks.verify_database()
    text = str(report)
    assert not report.ok, "tampering went unnoticed"
    for fragment in fragments:
        assert fragment in text, text
    return text


def _pec(election):
    return Protocol.objects.filter(election=election, tier="PEC", source="official").order_by("id")


def _only(*problems: str) -> None:
    report = checks.verify_database()
    assert not report.ok, "tampering went unnoticed"
    assert report.problems == list(problems), str(report)


def test_an_edited_protocol_line_is_found(election):
    p = _pec(election).first()
    assert p.block_id is not None  # imported in bulk
    _sql(f"UPDATE {PROTOCOL} SET valid = valid + 1 WHERE id = %s", [p.id])
    _only(f"results.protocol {p.id}: differs from its last ledger entry (edited directly)")


def test_each_edited_bulk_imported_protocol_is_named_on_its_own(election):
    pec = list(_pec(election))
    a, b = pec[10], pec[-10]
    assert a.block_id == b.block_id  # the same import
    entries = LedgerEntry.objects.filter(object_type="results.protocol", object_id__in=[str(a.id), str(b.id)])
    assert sorted(e.event for e in entries) == ["results.protocol.imported"] * 2
    _sql(f"UPDATE {PROTOCOL} SET registered = registered - 1 WHERE id IN (%s, %s)", [a.id, b.id])
    _only(*[f"results.protocol {i}: differs from its last ledger entry (edited directly)"
            for i in sorted([str(a.id), str(b.id)])])


def test_edited_votes_and_arrival_times_are_found(election):
    p = _pec(election).last()
    p.votes[0] += 5
    Protocol.objects.filter(pk=p.pk).update(votes=p.votes)
    _only(f"results.protocol {p.id}: differs from its last ledger entry (edited directly)")


def test_an_edited_arrival_time_is_found(election):
    p = _pec(election)[3]
    _sql(f"UPDATE {PROTOCOL} SET received_at = NULL WHERE id = %s", [p.id])
    _only(f"results.protocol {p.id}: differs from its last ledger entry (edited directly)")


def test_an_edited_correction_version_is_found(election):
    p = Protocol.objects.filter(election=election, supersedes__isnull=False).first()
    _sql(f"UPDATE {PROTOCOL} SET issued_early = COALESCE(issued_early, 0) + 1 WHERE id = %s", [p.id])
    _only(f"results.protocol {p.id}: differs from its last ledger entry (edited directly)")


def test_a_deleted_protocol_is_found(election):
    p = Protocol.objects.filter(election=election, tier="TEC").first()
    _sql(f"DELETE FROM {PROTOCOL} WHERE id = %s", [p.id])
    _only(f"results.protocol {p.id}: in the ledger but missing from the database (deleted directly)")


def test_an_inserted_protocol_is_found(election):
    p = _pec(election).first()
    columns = "election_id, unit_id, tier, source, version, votes, submission_id, valid"
    _sql(f"INSERT INTO {PROTOCOL} ({columns}) VALUES (%s, %s, 'PEC', 'observer', 9, '[1]', '', 1)",
         [election.pk, p.unit_id])
    _broken("results.protocol", "in the database but never recorded in the ledger (inserted directly)")


def test_an_inserted_protocol_inside_a_block_is_found(election):
    p = _pec(election).first()
    columns = "election_id, unit_id, tier, source, version, votes, submission_id, block_id"
    _sql(f"INSERT INTO {PROTOCOL} ({columns}) VALUES (%s, %s, 'PEC', 'observer', 9, '[1]', '', %s)",
         [election.pk, p.unit_id, p.block_id])
    new = Protocol.objects.get(election=election, source="observer", version=9)
    _only(f"results.protocol {new.id}: in the database but never recorded in the ledger (inserted directly)")


def test_reordered_protocol_rows_are_found(election):
    a, b = _pec(election)[:2]
    _sql(f"UPDATE {PROTOCOL} SET id = -1 WHERE id = %s", [a.id])
    _sql(f"UPDATE {PROTOCOL} SET id = %s WHERE id = %s", [a.id, b.id])
    _sql(f"UPDATE {PROTOCOL} SET id = %s WHERE id = -1", [b.id])
    _only(*[f"results.protocol {i}: differs from its last ledger entry (edited directly)"
            for i in sorted([str(a.id), str(b.id)])])


def test_an_import_edited_directly_is_found(election):
    p = _pec(election).first()
    _sql("UPDATE results_protocolblock SET origin = 'forged.csv' WHERE id = %s", [p.block_id])
    _only(f"results.protocolblock {p.block_id}: differs from its last ledger entry (edited directly)")


def test_a_decision_or_correction_changed_behind_saylaus_back_is_found(election):
    c = Correction.objects.filter(decision__isnull=False).first()
    Correction.objects.filter(pk=c.pk).update(decision=None, without_decision=True)
    _broken(f"results.correction {c.pk}: differs")
    Decision.objects.filter(pk=c.decision_id).update(number="forged")
    _broken(f"results.decision {c.decision_id}: differs")


def test_a_quarantine_released_directly_is_found(election):
    run = election.check_runs.first()
    run.quarantines.first().delete()
    _broken(f"results.checkrun {run.pk}: differs")


def test_a_discrepancy_removed_directly_is_found(election):
    run = election.tabulation_runs.first()
    run.discrepancies.first().delete()
    _broken(f"results.tabulationrun {run.pk}: differs")


def test_ledger_rows_edited_deleted_or_reordered_are_found(election):
    last = LedgerEntry.objects.order_by("-sequence").first().sequence
    entry = LedgerEntry.objects.filter(event="results.protocol.imported").order_by("sequence")[5]
    seq = entry.sequence
    _sql(f"UPDATE {LEDGER} SET payload = REPLACE(payload, '\"valid\":', '\"valid\":1') WHERE sequence = %s", [seq])
    _broken(f"entry {seq}", "does not match its payload")
    _sql(f"UPDATE {LEDGER} SET payload = %s WHERE sequence = %s", [entry.payload, seq])
    assert checks.verify_database().ok
    _sql(f"UPDATE {LEDGER} SET object_id = '1' WHERE sequence = %s", [seq])
    _broken(f"entry {seq}: its columns differ from its hashed payload")
    _sql(f"UPDATE {LEDGER} SET object_id = %s WHERE sequence = %s", [entry.object_id, seq])
    assert checks.verify_database().ok
    _sql(f"UPDATE {LEDGER} SET sequence = -1 WHERE sequence = 4")
    _sql(f"UPDATE {LEDGER} SET sequence = 4 WHERE sequence = 5")
    _sql(f"UPDATE {LEDGER} SET sequence = 5 WHERE sequence = -1")
    _broken("entry 4")
    _sql(f"UPDATE {LEDGER} SET sequence = -1 WHERE sequence = 4")
    _sql(f"UPDATE {LEDGER} SET sequence = 4 WHERE sequence = 5")
    _sql(f"UPDATE {LEDGER} SET sequence = 5 WHERE sequence = -1")
    assert checks.verify_database().ok
    _sql(f"DELETE FROM {LEDGER} WHERE sequence = %s", [last - 1])
    _broken(f"entry {last}", "missing (deleted)")


def test_the_cli_reports_tampering(election, capsys):
    assert cli.main(["ledger", "verify"]) == 0
    p = _pec(election).first()
    _sql(f"UPDATE {PROTOCOL} SET registered = 0 WHERE id = %s", [p.id])
    assert cli.main(["ledger", "verify"]) == 1
    assert f"results.protocol {p.id}: differs" in capsys.readouterr().out
