"""The audit recorded in the database: a ledger entry per object, clerical
decisions with their reason, ledger verification, the CLI end to end."""

import json

import polars as pl
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


def test_field_audit_forms_answers_and_intervals_through_the_observation_channels(election, small_register):
    """The two forms are imported through the observation forms service (once), answers
    come back as submissions and give estimates with intervals, kept on the run."""
    import uuid

    from saylau.observation.services import SubmissionInput, submit_many
    from saylau.registry import forms
    from saylau.registry.core import audit, fieldaudit

    assert services.install_field_audit_forms(actor=CLERK, election=election) == list(forms.FORM_IDS)
    assert services.install_field_audit_forms(actor=CLERK, election=election) == []
    from saylau.geography.models import Station

    stations = list(Station.objects.filter(unit__election=election).values_list("unit__code", flat=True)[:4])
    entries = small_register.current.head(8)["voter_id"].to_list()
    outcomes = ["found", "deceased", "found", "found", "unknown_at_address", "found", "found", "found"]
    items = [SubmissionInput(uuid=str(uuid.uuid4()), form=forms.LIST_TO_PEOPLE, station_code=stations[i // 4],
                             answers={"station_code": stations[i // 4], "voter_id": v, "outcome": o})
             for i, (v, o) in enumerate(zip(entries, outcomes, strict=True))]
    person = small_register.current.row(0, named=True)
    items += [SubmissionInput(uuid=str(uuid.uuid4()), form=forms.PEOPLE_TO_LIST, station_code=stations[k],
                              answers={"station_code": stations[k], "interview": 1, "surname": s, "given_name": g,
                                       "birth_date": b})
              for k, (s, g, b) in enumerate([(person["surname"], person["given_name"], person["birth_date"].isoformat()),
                                             ("Омаров", "Ерлан", "1986-12-06")])]
    results = submit_many(actor=CLERK, election=election, items=items, channel="simulation")
    assert all(r.ok for r in results), [r.errors for r in results if not r.ok]
    l2p, p2l = selectors.field_answers(election)
    assert sorted(l2p["outcome"].to_list()) == sorted(outcomes) and len(p2l) == 2
    found = {f.key: f for f in audit.field_findings(l2p, p2l, small_register.current)}
    assert (found["field_l2p_any"].numerator, found["field_l2p_any"].denominator) == (2, 8)
    assert (found["field_p2l_not_listed"].numerator, found["field_p2l_not_listed"].denominator) == (1, 2)
    direct = fieldaudit.estimate(l2p.with_columns(error=l2p["outcome"] != "found"))
    assert found["field_l2p_any"].low == direct.low and found["field_l2p_any"].high == direct.high


def test_demo_field_audits_go_through_the_forms_and_cover_the_truth(election):
    from types import SimpleNamespace

    from saylau.geography.models import Station
    from saylau.registry import demo
    from saylau.registry.core.simulation import register_stations, simulate_register

    codes = set(Station.objects.filter(unit__election=election).values_list("unit__code", flat=True))
    stations = register_stations(0.002, 11).filter(pl.col("code").is_in(list(codes)))
    sim = simulate_register(0.002, seed=11, stations=stations)
    field, stored = demo._field_audits(SimpleNamespace(election=election, seed=11), sim, CLERK)
    f = {x.key: x for x in field}
    assert stored["l2p_stations"] >= 10 and stored["p2l_stations"] >= 10
    assert f["field_p2l_not_listed"].low <= stored["p2l_truth"] <= f["field_p2l_not_listed"].high
    assert f["field_l2p_any"].low <= stored["l2p_truth"] <= f["field_l2p_any"].high
