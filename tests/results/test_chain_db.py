"""The results chain on kz-2011 against the simulation's ground truth (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from django.core.exceptions import ValidationError

from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.results import selectors, services
from saylau.results.models import Correction, Discrepancy, Protocol

from .helpers import ACTOR, kz, truth

pytestmark = pytest.mark.django_db


def test_tabulation_finds_exactly_the_manipulated_stations():
    sim, election, counts = kz(0.05)
    run = services.tabulate(actor=ACTOR, election=election)
    found = set(Discrepancy.objects.filter(run=run, kind="entered").values_list("unit__code", flat=True))
    r = sim.results
    expected = set(r.filter(pl.col("inflated") | (pl.col("altered_at_dec") & (pl.col("shifted_votes") > 0))
                            | pl.col("arithmetic_error"))["station_code"].to_list())
    assert found == expected and len(found) > 50
    # the sizes are the manipulation: inflated ballots on the incumbent's line, sloppy invalid lines
    d = {(x.unit.code, x.line): x.difference for x in Discrepancy.objects.filter(run=run, kind="entered").select_related("unit")}
    for row in r.filter(pl.col("inflated")).head(20).iter_rows(named=True):
        assert d[(row["station_code"], "valid")] == row["inflated_ballots"]
    for row in r.filter(pl.col("arithmetic_error") & ~pl.col("inflated") & ~pl.col("altered_at_dec")).iter_rows(named=True):
        assert d[(row["station_code"], "invalid")] == row["official_invalid"] - row["counted_invalid"]
    # every tier adds up; observers' copies equal the PEC protocols
    assert run.summary["discrepancies"]["tier"] == 0 and run.summary["discrepancies"]["observer"] == 0
    assert run.summary["stations"] == r.height and counts["observer"] > 0


def test_corrections_are_flagged_as_the_truth_says_and_history_stays():
    sim, election, counts = kz(0.05)
    corrections = Correction.objects.filter(protocol__election=election).select_related("protocol__unit")
    without = {c.protocol.unit.code for c in corrections if c.without_decision}
    assert without == truth(sim, "corrected") - truth(sim, "correction_decision")
    assert {c.protocol.unit.code for c in corrections if c.decision_id} == truth(sim, "correction_decision")
    c = corrections.filter(without_decision=False).first()
    history = selectors.protocol_history(c.protocol)
    assert [p.version for p in history] == [1, 2] and history[1].supersedes_id == history[0].id
    row = sim.results.filter(pl.col("station_code") == c.protocol.unit.code).row(0, named=True)
    assert history[0].votes[0] == row["entered_votes_1"] and history[1].votes[0] == row["official_votes_1"]
    assert c.changes["votes_1"] == [row["entered_votes_1"], row["official_votes_1"]]


def test_a_correction_needs_the_current_version_and_records_its_decision():
    sim, election, _ = kz(0.02, observers=False)
    protocol = selectors.current_protocols(election).filter(tier="DEC", source="entered").first()
    commission = protocol.unit.parent.commission
    decision = services.record_decision(actor=ACTOR, election=election, commission=commission, number="17/3",
                                        date=dt.date(2011, 4, 4))
    fix = services.correct_protocol(actor=ACTOR, protocol=protocol, lines={"invalid": protocol.invalid + 1},
                                    decision=decision, reason="recount")
    assert not fix.without_decision and fix.changes == {"invalid": [protocol.invalid, protocol.invalid + 1]}
    with pytest.raises(ValidationError, match="current version"):
        services.correct_protocol(actor=ACTOR, protocol=protocol, lines={"invalid": 0})
    silent = services.correct_protocol(actor=ACTOR, protocol=fix.protocol, lines={"invalid": 0})
    assert silent.without_decision and silent.decision is None
    assert [p.version for p in selectors.protocol_history(protocol)] == [1, 2, 3]
    load_snapshots()
    assert checks.verify_database().ok, checks.verify_database().problems


def test_checks_quarantine_failures_with_reasons_and_judge_the_winner():
    sim, election, _ = kz(0.05)
    services.ensure_template(actor=ACTOR, election=election, tolerance_absolute=0)
    run = services.run_checks(actor=ACTOR, election=election)
    assert run.quarantined > 0 and run.checked == Protocol.objects.filter(election=election).count() - counts_corrected(election)
    staff = _staff()
    q = selectors.quarantined(staff, election).first()
    assert q.reasons and q.reasons[0]["code"] in q.codes and q.reasons[0]["reason"]
    # every official entry with sloppy arithmetic is held back
    held = set(selectors.quarantined(staff, election).filter(protocol__source="entered")
               .values_list("protocol__unit__code", flat=True))
    assert truth(sim, "arithmetic_error") <= held
    assert run.winner["could_change"] is False and "cannot change the winner" in run.winner["reason"]


def test_totals_publication_and_open_data(tmp_path):
    sim, election, _ = kz(0.05)
    official = selectors.totals(election)
    assert official["registered"] == sim.stations["registered"].sum()
    assert official["votes"][1] == sim.results["official_votes_1"].sum()
    assert selectors.totals(election, "pec")["valid"] == sim.results["counted_valid"].sum()
    status = selectors.publication_status(election)
    assert status["protocols_received"] == sim.results.height and status["protocols_published"] == 0
    until = dt.datetime(2011, 4, 3, 17, 0, tzinfo=dt.UTC)
    publication = services.publish(actor=ACTOR, election=election, out_dir=tmp_path, until=until)
    table = pl.read_parquet(tmp_path / "stations.parquet")
    assert 0 < table.height == publication.stations < sim.results.height
    assert (table["received_at"] <= "2011-04-03T17:00:00Z").all()
    assert pl.read_csv(tmp_path / "stations.csv").height == table.height
    assert selectors.publication_status(election)["protocols_published"] == table.height


def counts_corrected(election) -> int:
    return Correction.objects.filter(protocol__election=election).count()


def _staff():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("analyst", password="x", is_staff=True)


def test_double_blind_entry_is_compared_line_by_line():
    sim, election, _ = kz(0.02, observers=False)
    unit = election.units.filter(level=3).order_by("code").first()
    lines = {"registered": 900, "valid": 500, "invalid": 3}
    a = services.record_protocol(actor=ACTOR, election=election, unit=unit, tier="PEC", source="entry_a",
                                 lines=lines, votes=[400, 50, 30, 20])
    services.record_protocol(actor=ACTOR, election=election, unit=unit, tier="PEC", source="entry_b",
                             lines={**lines, "invalid": 8}, votes=[400, 50, 30, 20])
    with pytest.raises(ValidationError, match="correct it instead"):
        services.record_protocol(actor=ACTOR, election=election, unit=unit, tier="PEC", source="entry_a",
                                 lines=lines, votes=[1, 2, 3, 4])
    run = services.tabulate(actor=ACTOR, election=election)
    rows = list(Discrepancy.objects.filter(run=run, kind="double_entry").values_list("unit_id", "line", "difference"))
    assert rows == [(unit.pk, "invalid", -5)] and a.version == 1
    load_snapshots()
    assert checks.verify_database().ok, checks.verify_database().problems
