"""The audit recorded in the database: a ledger entry per object, clerical
decisions with their reason, ledger verification, the CLI end to end."""

import json

import pytest

from saylau.core.actors import Actor
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.ledger.models import LedgerEntry
from saylau.registry import selectors, services
from saylau.registry.models import AuditRun, CandidatePair, Flag

pytestmark = pytest.mark.django_db
CLERK = Actor.system("clerk-test")


def _record(election, outcome):
    return services.record_audit(actor=CLERK, election=election, snapshot="current", previous="previous",
                                 engine="duckdb", outcome=outcome)


def test_record_audit_writes_an_entry_per_object(election, small_outcome):
    before = LedgerEntry.objects.count()
    run = _record(election, small_outcome)
    assert run.matches == int((small_outcome.pairs["status"] == "match").sum())
    assert CandidatePair.objects.filter(run=run).count() == len(small_outcome.pairs)
    assert Flag.objects.filter(run=run).count() == len(small_outcome.flags)
    added = LedgerEntry.objects.count() - before
    assert added == 1 + len(small_outcome.pairs) + len(small_outcome.flags)
    load_snapshots()
    assert checks.verify_database().ok


def test_decision_is_kept_with_its_reason_and_ledgered(election, small_outcome):
    run = _record(election, small_outcome)
    pair = CandidatePair.objects.filter(run=run).first()
    services.decide_pair(actor=CLERK, pair=pair, same_person=False, reason="relatives", note="twins")
    pair.refresh_from_db()
    assert (pair.status, pair.reason, pair.decided_by) == ("rejected", "relatives", "clerk-test")
    entry = LedgerEntry.objects.order_by("-sequence").first()
    payload = json.loads(entry.payload)
    assert payload["event"] == "registry.pair.updated"
    assert payload["before"]["status"] != payload["after"]["status"] == "rejected"
    load_snapshots()
    assert checks.verify_database().ok


def test_a_decision_contradicting_its_reason_is_refused(election, small_outcome):
    run = _record(election, small_outcome)
    pair = CandidatePair.objects.filter(run=run).first()
    with pytest.raises(services.RegisterError):
        services.decide_pair(actor=CLERK, pair=pair, same_person=True, reason="different_people")
    with pytest.raises(services.RegisterError):
        services.decide_pair(actor=CLERK, pair=pair, same_person=True, reason="nonsense")


def test_an_edited_pair_is_found_by_verify(election, small_outcome):
    run = _record(election, small_outcome)
    CandidatePair.objects.filter(run=run).update(status="rejected")  # behind saylau's back
    load_snapshots()
    assert not checks.verify_database().ok


def test_findings_come_from_the_latest_run(election, small_outcome):
    assert selectors.findings(election) is None
    run = _record(election, small_outcome)
    f = selectors.findings(election)
    assert f["run"] == run.pk and f["findings"]["duplicate_pairs"]["denominator"] == small_outcome.records


def test_cli_audit_end_to_end(tmp_path, election, monkeypatch, capsys):
    from saylau.cli import main

    monkeypatch.setenv("SAYLAU_DATA_DIR", str(tmp_path))
    assert main(["register", "simulate", "--scale", "0.002", "--seed", "3"]) == 0
    from saylau.registry import commands

    slug = election.slug

    class Args:
        data_dir = None
        snapshot = None
        previous = None
        engine = "duckdb"
        spark_master = "local[2]"
        election = slug
        out = str(tmp_path / "open")

    assert commands.audit(Args()) == 0
    out = capsys.readouterr().out
    assert "duplicate pair(s)" in out
    assert AuditRun.objects.filter(election=election).count() == 1
    doc = json.loads((tmp_path / "open" / "register-audit.json").read_text())
    # open data: aggregates only, no voter's id or name anywhere
    text = (tmp_path / "open" / "register-audit.json").read_text()
    assert doc["records"] > 0 and "V0000" not in text


def test_statement_voter_registration_section_in_three_languages(election, small_outcome):
    from saylau.statement.core import compose
    from saylau.statement.selectors import collect

    _record(election, small_outcome)
    inputs = collect(election)
    for lang, word in (("en", "registered twice"), ("ru", "дважды"), ("kk", "екі рет")):
        text = "".join(p if isinstance(p, str) else p.text
                       for s in compose.sentences_for("voter_registration", inputs, lang) for p in s)
        assert word in text
        n = small_outcome.findings[1].numerator  # duplicate pairs
        assert str(n) in text.replace("\u00a0", "").replace(" ", "")


def test_demo_step(tmp_path, election):
    from saylau.core.steps import DemoContext
    from saylau.registry.demo import STEPS

    ctx = DemoContext(data_dir=tmp_path, out_dir=tmp_path / "out", scale=0.002, seed=2011, election=election)
    rows = STEPS[0].run(ctx)
    assert any("precision" in r.value for r in rows)
    assert AuditRun.objects.filter(election=election).count() == 1
    assert (tmp_path / "out" / "registry" / "register-audit.json").exists()
