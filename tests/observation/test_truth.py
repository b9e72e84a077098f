"""Findings from the kz-2011 simulation, ingested through the service, equal its ground truth."""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest

from saylau.core.actors import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def sim():
    from saylau.simulate import simulate

    return simulate("kz-2011", scale=1.0, seed=2011)


def test_findings_equal_ground_truth(sim) -> None:
    from saylau.ledger.checks import load_snapshots, verify_database
    from saylau.observation.core.findings import evaluate
    from saylau.observation.core.metrics import METRICS_BY_ID
    from saylau.observation.demo import ingest_simulation
    from saylau.observation.selectors import mission_summary, protocol_copies, submissions_frame
    from saylau.simulate.load import load

    actor = Actor.system("tests")
    election = load(sim, actor=actor)
    counts = ingest_simulation(sim, election, actor=actor)
    assert counts == {"created": len(sim.submissions)}
    frame = submissions_frame(election)
    assert frame.height == len(sim.submissions)
    truth = sim.truth

    def obs(metric_id: str) -> tuple[int, int]:
        f = evaluate(replace(METRICS_BY_ID[metric_id], unit="observations"), frame)[0]
        return f.numerator, f.denominator

    for phase in ("opening", "voting", "counting", "tabulation"):
        assert obs(f"{phase}.assessment_negative") == (truth[phase]["negative"], truth[phase]["observations"])
    voting = frame.filter(pl.col("form") == "voting")
    for item, n in truth["voting"]["stations_with"].items():
        assert obs(f"voting.{item}")[0] == truth["voting"][item]
        assert voting.filter(pl.col(item) == "yes")["station_code"].n_unique() == n
    assert obs("voting.unauthorised_persons_directing")[0] == truth["voting"]["unauthorised_persons_directing"]
    assert obs("voting.party_observers_present")[0] == truth["voting"]["party_observers_present"]
    assert voting["station_code"].n_unique() == truth["voting"]["stations"]
    c = truth["counting"]
    assert obs("counting.stacks_of_ballots")[0] == c["stacks_of_ballots"]
    assert obs("counting.observers_restricted")[0] == c["observers_restricted"]
    assert obs("counting.choices_not_announced")[0] == c["choices_not_announced"]
    assert obs("counting.protocol_difficulties")[0] == c["protocol_difficulties"]
    assert obs("counting.protocol_presigned")[0] == c["protocol_presigned"]
    assert obs("counting.protocol_not_posted")[0] == c["protocol_not_posted"]
    t = truth["tabulation"]
    assert obs("tabulation.not_transparent")[0] == t["not_transparent"]
    total = {m: evaluate(METRICS_BY_ID[f"tabulation.{m}"], frame)[0].numerator
             for m in ("protocols_completed_at_dec", "protocols_corrected_without_decision")}
    assert total == {"protocols_completed_at_dec": 49, "protocols_corrected_without_decision": 29}
    assert total["protocols_completed_at_dec"] == t["protocols_completed_at_dec"]
    # hours are local (Astana, UTC+6): voting between 8 and 20
    assert voting["hour"].min() >= 8 and voting["hour"].max() <= 20
    copies = protocol_copies(election)
    assert copies.height == c["observations"] - c["protocol_not_posted"]
    assert {"registered", "valid", "votes_1", "votes_4"} <= set(copies.columns)
    assert (copies["invalid"] + copies["valid"] == copies["found_in_boxes"]).all()
    summary = mission_summary(election)
    assert summary["observers"] == len(sim.observers)
    assert summary["parliamentarians"] == int(sim.observers["parliamentarian"].sum())
    assert summary["decs_observed"] == t["decs"]
    assert summary["stations_observed"]["voting"] == truth["voting"]["stations"]
    load_snapshots()  # every package's declared snapshots, as `saylau ledger verify` loads them
    report = verify_database()
    assert report.ok, str(report)
