"""The results-chain section from the database equals the simulation's ground truth.

A simulation is loaded, its observers' submissions ingested (their protocol
copies), its protocols imported, checked and tabulated as the demo does; the
figures ``collect`` gathers are then compared with counts made here straight
from the simulation's own frames (what each commission counted, entered and
corrected), not through the results package.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from saylau.core.actors import Actor
from saylau.core.protocol import LINES
from saylau.simulate import simulate
from saylau.simulate.load import load
from saylau.statement.core.compose import compose
from saylau.statement.core.model import Figure
from saylau.statement.selectors import collect

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain_loaded():
    from saylau.observation.demo import ingest_simulation
    from saylau.results import services
    from saylau.results.services.simulation import import_simulation

    actor = Actor.system("test")
    sim = simulate(scale=0.03, seed=23)
    election = load(sim, actor=actor)
    ingest_simulation(sim, election, actor=actor)
    import_simulation(actor=actor, election=election, results=sim.results)
    services.import_observer_copies(actor=actor, election=election)
    services.check_and_tabulate(actor=actor, election=election)
    return sim, election


def _lines(r: pl.DataFrame, prefix: str, k: int) -> np.ndarray:
    return np.column_stack([r[f"{prefix}{c}"].to_numpy() for c in (*LINES, *[f"votes_{i}" for i in
                                                                              range(1, k + 1)])])


def _copies(sim) -> dict[str, dict[str, int]]:
    """The observers' protocol copies in the simulated submissions: station -> line -> figure
    (a station copied twice keeps its latest copy, as the import does)."""
    out: dict[str, tuple[str, dict[str, int]]] = {}
    for s in sim.submissions:
        a = s["answers"]
        if s["form"] != "counting" or "p_registered" not in a:
            continue
        row = {k: a[f"p_{k}"] for k in LINES}
        row.update({f"votes_{c['candidate_number']}": c["votes"] for c in a["candidate_votes"]})
        if s["station_code"] not in out or out[s["station_code"]][0] <= s["submitted_at"]:
            out[s["station_code"]] = (s["submitted_at"], row)
    return {code: row for code, (_, row) in out.items()}


def test_results_chain_equals_ground_truth(chain_loaded):
    sim, election = chain_loaded
    r = sim.results
    k = sim.candidates.height
    chain = collect(election).results_chain
    assert chain is not None and chain.election == election.slug

    # the DEC's figures (official_ after any correction) against what the PEC counted and signed
    differ = (_lines(r, "official_", k) != _lines(r, "counted_", k)).any(axis=1)
    by_kind = {c.kind: c for c in chain.comparisons}
    entered = by_kind["entered"]
    assert (entered.differing, entered.compared) == (int(differ.sum()), r.height)
    assert entered.differing > 0
    truth = set(r.filter(pl.Series(differ))["station_code"].to_list())
    assert {d.station for d in entered.biggest} <= truth and len(entered.biggest) == 3
    counted = {row["station_code"]: row for row in r.iter_rows(named=True)}
    for d in entered.biggest:  # the entry's figure and the PEC's, as the simulation made them
        assert (d.value, d.pec) == (counted[d.station][f"official_{d.line}"], counted[d.station][f"counted_{d.line}"])
    # the candidates' votes first: the largest difference in any candidate's votes leads
    gaps = np.abs(_lines(r, "official_", k) - _lines(r, "counted_", k))[:, len(LINES):]
    assert entered.biggest[0].line.startswith("votes_")
    assert abs(entered.biggest[0].difference) == int(gaps.max())

    # the observers' copies against the PEC's protocol
    copies = _copies(sim)
    observer = by_kind["observer"]
    wrong = sum(1 for code, row in copies.items()
                if any(v is not None and v != counted[code][f"counted_{line}"] for line, v in row.items()))
    assert (observer.differing, observer.compared) == (wrong, len(copies))

    # corrections: the simulation's corrected stations, and those without a decision
    corrected = r["corrected"].to_numpy()
    without = corrected & ~r["correction_decision"].to_numpy()
    assert (chain.corrections.total, chain.corrections.without_decision) == (int(corrected.sum()), int(without.sum()))
    assert set(chain.corrections.examples) <= set(r.filter(pl.Series(without))["station_code"].to_list())

    # quarantine: every protocol checked once; each rule's count no more than those quarantined
    q = chain.quarantine
    assert q.checked > r.height and 0 < q.quarantined < q.checked
    assert all(0 < n <= q.quarantined for _, n in q.by_rule)
    # the sloppy arithmetic the simulation wrote into official protocols breaks valid + invalid = found
    sloppy = int(r["arithmetic_error"].sum())
    assert dict(q.by_rule).get("VALID_INVALID", 0) >= sloppy > 0

    # the quick count: the estimate is the ratio of the copies' sums; the official figure the
    # ratio of the official protocols' sums
    qc = chain.quick_count
    assert qc.copies == len(copies) and qc.stations == r.height
    t = qc.turnout
    issued = sum(row["issued_in_station"] + row["issued_mobile"] + row["issued_early"] for row in copies.values())
    assert (t.numerator, t.denominator) == (issued, sum(row["registered"] for row in copies.values()))
    assert t.estimate == pytest.approx(t.numerator / t.denominator)
    official_issued = int((r["official_issued_in_station"] + r["official_issued_mobile"]
                           + r["official_issued_early"]).sum())
    assert (t.official_numerator, t.official_denominator) == (official_issued, int(r["official_registered"].sum()))
    assert t.lower < t.estimate < t.upper
    # the same estimates and intervals as the results package's quick count
    from saylau.results import selectors

    theirs = {i["name"]: i for i in selectors.quick_count(election, source="observer")["estimates"]}
    for mine in (t, qc.leader):
        assert (mine.estimate, mine.lower, mine.upper) == pytest.approx(
            (theirs[mine.name]["estimate"], theirs[mine.name]["lower"], theirs[mine.name]["upper"]), rel=1e-12)
        assert mine.inside == theirs[mine.name]["inside"]
    leader = qc.leader
    assert leader.name == "votes_1" and leader.official_numerator == int(r["official_votes_1"].sum())
    assert leader.official_denominator == int(r["official_valid"].sum())

    # forensics: stations at or above 100 per cent turnout, and where one candidate has every vote
    reg = r["official_registered"].to_numpy()
    usable = reg > 0
    f = chain.forensics
    assert f.stations == int(usable.sum())
    assert f.turnout_100 == int(((official_issued_per := (r["official_issued_in_station"] + r["official_issued_mobile"]
                                                          + r["official_issued_early"]).to_numpy()) >= reg)[usable].sum())
    votes = _lines(r, "official_", k)[:, len(LINES):]
    valid = r["official_valid"].to_numpy()
    assert f.candidate_all == int((((votes == valid[:, None]) & (valid[:, None] > 0)).any(axis=1))[usable].sum())
    assert f.winner_votes == int(r["official_votes_1"].to_numpy()[usable].sum())
    assert official_issued_per.sum() == official_issued

    # the sentences carry those figures, linked to the election's pages
    section = next(s for s in compose(collect(election), "kk").sections if s.id == "results_chain")
    figures = {p.metric: p for s in section.sentences for p in s if isinstance(p, Figure)}
    assert (figures["results.differ.entered"].numerator, figures["results.differ.entered"].denominator) == \
        (entered.differing, entered.compared)
    assert all(f"election={election.slug}" in fig.link for fig in figures.values())


def test_pages_the_links_name_answer(chain_loaded, client):
    """Every drill-down the section links to is a page of the web application that answers."""
    from saylau.web.roles import Role
    from saylau.web.services import create_user

    sim, election = chain_loaded
    user = create_user(actor=Actor.system("test"), username="analyst", role=Role.ANALYST, password="x-Long-pass-1")
    client.force_login(user)
    links = {p.link for s in compose(collect(election), "en").sections if s.id == "results_chain"
             for sentence in s.sentences for p in sentence if isinstance(p, Figure) and p.link}
    assert any(u.startswith("/tables/") for u in links) and any(u.startswith("/dashboards/") for u in links)
    for url in sorted(links):
        if url.startswith("/portal/"):
            continue  # station pages answer once the results are published
        assert client.get(url).status_code == 200, url


def test_cached_collect_follows_the_ledger(chain_loaded):
    """The statement page's inputs are kept until the ledger's head moves, then read again."""
    from saylau.results import services
    from saylau.statement.selectors import cached_collect, ledger_head

    sim, election = chain_loaded
    first = cached_collect(election)
    assert cached_collect(election) is first
    head = ledger_head()
    services.check_and_tabulate(actor=Actor.system("test"), election=election)  # a change of state, ledgered
    assert ledger_head() != head
    again = cached_collect(election)
    assert again is not first
    assert again.results_chain.quarantine == first.results_chain.quarantine  # same protocols, same checks
