"""The kz-2011 nomination at 1/100 through the services (SQLite and PostgreSQL): every line
verified against the register finds the simulation's true reason, the sessions' decisions
equal the truth, and the accredited proxies are the statement's counts scaled."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl
import pytest

from saylau.core.actors import Actor
from saylau.ledger import checks
from saylau.ledger.checks import load_snapshots
from saylau.nomination import selectors, services
from saylau.nomination.core import sampling
from saylau.nomination.core.simulation import PROXIES, PROXIES_INCUMBENT, simulate_nomination
from saylau.nomination.models import Accreditation, Nominee, SignatureLine, VerificationSession

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")
SCALE = 0.01


def _world():
    from saylau.observation.demo import ingest_simulation
    from saylau.registry.core.simulation import simulate_register
    from saylau.simulate import simulate
    from saylau.simulate.load import load

    sim = simulate("kz-2011", scale=SCALE, seed=2011)
    election = load(sim, actor=ACTOR)
    ingest_simulation(sim, election, actor=ACTOR)  # the mission, its observers and their reports
    register = simulate_register(SCALE, 2011, stations=sim.stations)
    return election, register, simulate_nomination(register, seed=2011), sim


def plan_for(lines: int, tolerated: float, seed: int) -> sampling.Plan:
    """The demo's plan: half the lines, then a fifth more when the first half has too many invalid."""
    return sampling.Plan(first=math.ceil(lines / 2), tolerated=tolerated, second=math.ceil(lines / 5), seed=seed)


def test_simulation_verified_and_decided_as_the_truth():
    election, register, sim, election_sim = _world()
    counts = services.import_simulation(actor=ACTOR, election=election, sim=sim, register=register)
    assert counts["nominees"] == 22 and counts["registered"] == 4
    assert counts["signature lines"] == sim.lines.height
    with pytest.raises(services.NominationError, match="has nominees already"):
        services.import_simulation(actor=ACTOR, election=election, sim=sim, register=register)

    # every line against the register, each nominee with its own collection window
    collectors = set(sim.collectors.filter(pl.col("accredited"))["collector"].to_list())
    services.verify_lines(actor=ACTOR, election=election, register=register.current, stations=register.stations,
                          deaths=register.deaths, collectors=collectors)
    got = pl.DataFrame(list(SignatureLine.objects.filter(nominee__election=election).values("line_id", "reason")))
    both = sim.truth_lines.join(got.with_columns(pl.col("reason").replace("", None).alias("found")), on="line_id")
    assert both.height == sim.lines.height
    truly, found = both["reason"].is_not_null(), both["found"].is_not_null()
    hits = int((truly & found).sum())
    precision, recall = hits / int(found.sum()), hits / int(truly.sum())
    assert precision >= 0.99 and recall >= 0.99, (precision, recall)
    same = float((both["reason"].fill_null("") == both["found"].fill_null("")).mean())
    assert same >= 0.99, same

    # the sessions decide as the truth says
    rule = sampling.SpreadRule(required=sim.required, regions_share=2 / 3, per_region=sim.per_region)
    truth = {r["nominee"]: r["decision"] for r in sim.truth_nominees.iter_rows(named=True) if r["decision"]}
    decided = {}
    for code in truth:
        nominee = Nominee.objects.get(election=election, code=code)
        lines = SignatureLine.objects.filter(nominee=nominee).count()
        made = services.run_session(
            actor=ACTOR, nominee=nominee, held_on=dt.date(2011, 2, 28), plan=plan_for(lines, sim.tolerated, 11),
            required=sim.required, proxy_present=False, register=register.current, stations=register.stations,
            deaths=register.deaths, collectors=collectors, spread_rule=rule)
        decided[code] = made[-1].decision
        if code != "N21":
            continue
        full = services.run_session(
            actor=ACTOR, nominee=nominee, held_on=dt.date(2011, 3, 1), plan=sampling.Plan(0, sim.tolerated),
            required=sim.required, proxy_present=True, register=register.current, stations=register.stations,
            deaths=register.deaths, collectors=collectors, spread_rule=rule)
        assert full[0].mode == "full" and full[0].decision == truth[code]
        assert full[0].projected_valid == sim.truth_nominees.filter(pl.col("nominee") == code)["valid"][0]
    assert decided == truth

    # proxies: the statement's 31,916 and 28,902, scaled
    by_candidate = {r["nominee_code"]: r["accredited"] for r in selectors.accreditation_by_candidate(election)}
    assert sum(by_candidate.values()) == round(PROXIES * SCALE)
    assert by_candidate["N01"] == round(PROXIES_INCUMBENT * SCALE)
    truth_acc = sim.truth_accreditations.filter(pl.col("accreditation_id").str.starts_with("P"))
    assert selectors.accreditation_by_kind(election)["proxy"]["refused"] == int((truth_acc["status"] == "refused").sum())

    # the commissions' record: sessions mostly without the proxy, struck lines mostly without a reason
    record = selectors.official_record(election)
    assert record["struck"] == int(sim.official["struck"].sum())
    assert record["without_reason"] == int((sim.official["struck"] & sim.official["reason_recorded"].is_null()).sum())
    commission = VerificationSession.objects.filter(nominee__election=election, source="commission")
    assert commission.count() == sim.sessions.height
    assert commission.filter(proxy_present=True).count() == int(sim.sessions["proxy_present"].sum())

    # observers' reports of restricted access, each linked to the accreditation of who reported it
    restricted = {s["uuid"] for s in election_sim.submissions if s["answers"].get("observers_restricted") == "yes"}
    rows = selectors.access_restrictions(election)
    assert restricted and len({r["submission"] for r in rows}) == len(restricted)
    assert all(r["badge"] and r["badge"].startswith("IO-") and r["kind"] == "international_observer" for r in rows)
    mission = Accreditation.objects.filter(election=election, kind="international_observer", observer__isnull=False)
    assert mission.count() == election.observers.count()

    figures = selectors.statement_figures(election)
    assert figures.nominees.nominees == 22 and figures.nominees.registered == 4
    assert figures.accreditation.proxies == round(PROXIES * SCALE)
    assert figures.signatures.struck_without_reason == record["without_reason"]
    load_snapshots()
    assert checks.verify_database().ok
