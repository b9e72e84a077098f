"""The statement's candidate registration, campaign and observers figures on the kz-2011
nomination at 1/100, loaded through the services and checked against the register, equal
the simulation's ground truth (``saylau.nomination.core.simulation``): the nominees and
their outcome, the lines the commissions struck with and without a reason, their sessions
with the proxy present, the invalid lines by their true reason, and the proxies accredited
(the statement's 31,916 and 28,902 scaled)."""

from __future__ import annotations

import polars as pl
import pytest

from saylau.core.actors import Actor

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("tests")
SCALE = 0.01


def _loaded():
    from saylau.nomination import services
    from saylau.nomination.core.simulation import simulate_nomination
    from saylau.registry.core.simulation import simulate_register
    from saylau.simulate import simulate
    from saylau.simulate.load import load

    election_sim = simulate("kz-2011", scale=SCALE, seed=2011)
    election = load(election_sim, actor=ACTOR)
    register = simulate_register(SCALE, 2011, stations=election_sim.stations)
    sim = simulate_nomination(register, seed=2011)
    services.import_simulation(actor=ACTOR, election=election, sim=sim, register=register)
    collectors = set(sim.collectors.filter(pl.col("accredited"))["collector"].to_list())
    services.verify_lines(actor=ACTOR, election=election, register=register.current, stations=register.stations,
                          deaths=register.deaths, collectors=collectors)
    return election, sim


def test_the_statement_quotes_the_simulations_truth():
    from saylau.nomination.core.simulation import PROXIES, PROXIES_INCUMBENT
    from saylau.statement.core.compose import compose
    from saylau.statement.selectors import collect

    election, sim = _loaded()
    inputs = collect(election)
    s = inputs.nomination
    truth = sim.truth_nominees
    assert (s.nominees, s.status("registered")) == (22, 4)
    assert dict(s.by_status) == dict(truth.group_by("status").len().iter_rows())
    official = sim.official.filter(pl.col("struck"))
    unrecorded = official.filter(pl.col("reason_recorded").is_null() | (pl.col("reason_recorded") == ""))
    assert (s.struck, s.struck_without_reason) == (official.height, unrecorded.height)
    assert (s.sessions, s.sessions_with_proxy) == (sim.sessions.height, int(sim.sessions["proxy_present"].sum()))
    true_reasons = dict(sim.truth_lines.filter(pl.col("reason").is_not_null()).group_by("reason").len().iter_rows())
    assert s.lines_checked == sim.lines.height
    assert dict(s.invalid_by_reason) == true_reasons  # every invalid line found, with its true reason
    accredited = sim.truth_accreditations.filter(pl.col("status") == "accredited")["accreditation_id"]
    proxies = sim.proxies.filter(pl.col("accreditation_id").is_in(accredited.implode()))
    incumbent = sim.nominees.filter(pl.col("incumbent"))["nominee"][0]
    assert s.proxies == proxies.height == round(PROXIES * SCALE)
    incumbents = [n for names, n, is_incumbent in s.proxies_by_candidate if is_incumbent]
    assert incumbents == [proxies.filter(pl.col("nominee") == incumbent).height] == [round(PROXIES_INCUMBENT * SCALE)]
    text = " ".join("".join(p if isinstance(p, str) else p.text for p in sentence)
                    for section in compose(inputs, "en").sections for sentence in section.sentences)
    assert (f"Territorial commissions recorded no reason for {unrecorded.height:,} of {official.height:,} "
            "invalidated signatures.") in text
    assert f"Candidates registered {proxies.height:,} proxies" in text
