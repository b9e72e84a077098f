"""The finite mixture model of incremental and extreme fraud on data simulated with known fraud."""

from __future__ import annotations

import numpy as np
import pytest

from saylau import forensics as fx

TRUTH = fx.MixtureParameters(f_i=0.2, f_e=0.02, mu_t=0.55, sigma_t=0.07, mu_v=0.45,
                             sigma_v=0.07, theta=0.4, alpha=2.0)


@pytest.fixture(scope="module")
def registers():
    return np.random.default_rng(0).integers(300, 3000, 1500)


def test_recovers_the_fraud_it_was_given(registers):
    s, classes = fx.simulate_mixture(registers, TRUTH, seed=4)
    fit = fx.fit_mixture(s, alphas=(2.0,), bootstrap=6, seed=1)
    p = fit.parameters
    given_i, given_e = (classes == 1).mean(), (classes == 2).mean()
    # measured on this design: f_i is over-estimated by about 0.02 (docs/forensics.md)
    assert abs(p.f_i - given_i) < 0.045 and abs(p.f_e - given_e) < 0.01
    assert abs(p.mu_t - TRUTH.mu_t) < 0.01 and abs(p.mu_v - TRUTH.mu_v) < 0.01
    assert abs(p.theta - TRUTH.theta) < 0.08
    lo, hi = fit.intervals["f_e"]
    assert lo <= given_e <= hi
    assert fit.likelihood_ratio > 100
    # stations: extreme ones are found, honest ones are not blamed
    assert fit.station_extreme[classes == 2].mean() > 0.8
    assert fit.station_extreme[classes == 0].mean() < 0.02
    assert fit.station_incremental[classes == 1].mean() > 3 * fit.station_incremental[
        classes == 0].mean()
    assert fit.station_incremental_ci.shape == (s.n, 2)
    assert (fit.station_incremental_ci[:, 0] <= fit.station_incremental_ci[:, 1]).all()


def test_honest_data_shows_no_evidence_of_fraud(registers):
    honest = fx.MixtureParameters(**{**TRUTH.__dict__, "f_i": 0.0, "f_e": 0.0})
    s, _ = fx.simulate_mixture(registers, honest, seed=4)
    fit = fx.fit_mixture(s, alphas=(2.0,), bootstrap=0)
    assert fit.parameters.f_e < 0.002
    # the likelihood gains almost nothing from a fraud class
    assert fit.likelihood_ratio < 10
