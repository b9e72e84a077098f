"""Forensics on the kz-2011 simulation: the official (manipulated) results are
flagged; the honest layer of the same simulation is not, more often than the
nominal 5 per cent, by every test whose null an honest election satisfies.

Skew, Kurt (turnout against a normal distribution) and 2BL (second digits
against Benford) are not in the false-positive check: the honest kz-2011
electorate mixes urban and rural regions, so its turnout is neither normal
nor its counts Benford-distributed, and those three reject honest data too
(docs/forensics.md, "Reading the flags").
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from saylau import forensics as fx
from saylau.simulate import simulate

ALPHA = 0.05
NOMINAL = ("integer either", "rozenas share", "rozenas turnout", "LastC", "C05s", "P05s", "Sobyanin", "Corr", "DipT")


def _stations(sim, prefix: str) -> fx.Stations:
    r = sim.results
    given = (r[f"{prefix}issued_in_station"] + r[f"{prefix}issued_mobile"] + r[f"{prefix}issued_early"]).to_numpy()
    votes = np.column_stack([r[f"{prefix}votes_{i}"].to_numpy() for i in range(1, 5)])
    return fx.stations_from_arrays(
        r[f"{prefix}registered"], given, r[f"{prefix}valid"], r[f"{prefix}invalid"], votes, winner="c1",
        units={"region": sim.stations["region_code"].to_numpy()},
    )


@pytest.fixture(scope="module")
def kz():
    sim = simulate(scale=1.0, seed=1)
    return sim, _stations(sim, "official_"), _stations(sim, "honest_")


def test_official_results_are_flagged_and_honest_ones_are_not(kz):
    sim, official, honest = kz
    b_official = fx.basic_tests(official, replicates=300, seed=1)
    b_honest = fx.basic_tests(honest, replicates=300, seed=1)
    assert b_official["Corr"].significant and b_official["Corr"].ci_low > 0.05
    assert not b_honest["Corr"].significant
    # Shpilkin: the excess over the honest layer's positive floor is a large part of the
    # extra ballots the truth holds (inflation, stuffing and shifted votes)
    truth = int((sim.results["inflated_ballots"] + sim.results["stuffed"] + sim.results["shifted_votes"]).sum())
    gap = fx.shpilkin(official).excess_votes - fx.shpilkin(honest).excess_votes
    assert 0.25 * truth < gap < 1.25 * truth
    assert fx.fit_klimek(official, repeats=2, seed=3).f_i > fx.fit_klimek(honest, repeats=2, seed=3).f_i + 0.05


def test_false_positive_rate_on_the_honest_layer_is_nominal():
    seeds = 40
    rejections = dict.fromkeys(NOMINAL, 0)
    for seed in range(seeds):
        s = _stations(simulate(scale=0.3, seed=500 + seed), "honest_")
        flags = {
            "integer either": fx.integer_percentages(s, replicates=200, seed=seed).either.p_value <= ALPHA,
            "rozenas share": fx.rozenas(s, replicates=200, seed=seed).p_value <= ALPHA,
            "rozenas turnout": fx.rozenas(s, quantity="turnout", replicates=200, seed=seed).p_value <= ALPHA,
        }
        flags.update({t.name: t.significant for t in fx.basic_tests(s, replicates=200, seed=seed, level=1 - ALPHA).tests})
        for name in NOMINAL:
            rejections[name] += bool(flags[name])
    for name, count in rejections.items():
        tail = stats.binom.sf(count - 1, seeds, ALPHA)
        assert tail > 0.001, f"{name}: {count} of {seeds} honest kz-2011 simulations rejected"
