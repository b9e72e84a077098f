"""Maximum-likelihood fit of the finite mixture model, with a station bootstrap.

The log-likelihood of ``_mixture`` (exact gradient) is maximised by L-BFGS-B
on a reparametrised vector, from several starting points, keeping the best;
alpha, which moves the quadrature's latent values, is profiled: a grid, then
a bounded one-dimensional search between the best grid point's neighbours.
Uncertainty: refits on stations resampled with replacement (alpha held at
its estimate), giving percentile intervals for every parameter and for every
station's posterior probabilities of incremental and extreme fraud.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from saylau.forensics._io import Stations
from saylau.forensics._mixture import (
    BOUNDS,
    EXTREME_SD,
    NAMES,
    Likelihood,
    MixtureParameters,
    from_vector,
    proportions,
    to_vector,
)
from saylau.forensics._parallel import seed_sequence, workers

# chi-square with 4 degrees of freedom (f_i, f_e, theta, alpha) at 0.99: a
# conservative bar, since theta and alpha mean nothing without fraud
MIN_LR = 13.28
# (f_i, f_e, theta, alpha) of the starting points; the honest peak comes from the data
STARTS = ((0.02, 0.002, 0.1, 2.0), (0.15, 0.01, 0.3, 2.0), (0.4, 0.03, 0.6, 3.0),
          (0.1, 0.005, 0.3, 1.0))


@dataclass(frozen=True)
class MixtureFit:
    parameters: MixtureParameters
    intervals: dict[str, tuple[float, float]]  # bootstrap percentile intervals
    log_likelihood: float
    iterations: int  # of the optimiser, at the final alpha
    converged: bool
    stations: int
    bootstrap: int
    level: float
    station_incremental: np.ndarray  # posterior probability per station
    station_extreme: np.ndarray
    station_incremental_ci: np.ndarray  # (stations, 2) bootstrap interval
    station_extreme_ci: np.ndarray
    fraud_stations: float  # expected number of stations with any fraud
    no_fraud_log_likelihood: float  # the same model with f_i = f_e = 0
    likelihood_ratio: float  # 2 (log L - log L without fraud): descriptive, see the docs
    fitted_stations: int = 0  # stations the parameters were fitted on (a sample when fewer)

    def summary(self) -> dict:
        p = self.parameters
        return {name: {"value": getattr(p, name), "ci": self.intervals.get(name)}
                for name in NAMES}


def _peak(t, v) -> tuple[float, float, float, float]:
    """Honest peak from the lower half (fraud only pushes turnout and share up)."""
    mt, mv = float(np.median(t)), float(np.median(v))
    st = float(np.sqrt(np.mean((t[t <= mt] - mt) ** 2)))
    sv = float(np.sqrt(np.mean((v[v <= mv] - mv) ** 2)))
    return mt, max(st, 0.01), mv, max(sv, 0.01)


def _optimise(lik: Likelihood, z0, fraud: bool = True, alpha: float | None = None,
              maxiter: int = 500, ftol: float = 1e-13):
    bounds = list(BOUNDS)
    if alpha is not None:
        bounds[7] = (np.log(alpha), np.log(alpha))
        z0 = np.r_[z0[:7], np.log(alpha)]
    res = optimize.minimize(lik.value_and_grad, z0, args=(fraud,), jac=True,
                            method="L-BFGS-B", bounds=bounds,
                            options={"maxiter": maxiter, "ftol": ftol, "gtol": 1e-7})
    return -float(res.fun), np.asarray(res.x), int(res.nit), bool(res.success)


def fit_mixture(stations: Stations, *, bootstrap: int = 50, seed: int | None = 0,
                level: float = 0.95, alpha: float | None = None,
                max_stations: int | None = None, min_lr: float = MIN_LR) -> MixtureFit:
    """Maximum-likelihood fit of the mixture with a station bootstrap.

    ``alpha``: hold the stealing exponent fixed instead of estimating it.
    ``min_lr``: the likelihood ratio against the model without fraud below
    which the model without fraud is the estimate (in every bootstrap refit
    too).
    ``max_stations``: fit on a simple random sample of that many stations
    (drawn from ``seed``) when there are more; every station's posterior
    probabilities are still computed, at the fitted parameters.
    """
    full = proportions(stations)
    n = full[0].size
    sample_seed, boot_seed = seed_sequence(seed).spawn(2)
    if max_stations is not None and n > max_stations:
        pick = np.sort(np.random.default_rng(sample_seed).choice(n, max_stations,
                                                                 replace=False))
        data = tuple(a[pick] for a in full)
    else:
        data = full
    mt, st, mv, sv = _peak(data[0], data[1])
    lik = Likelihood(*data)
    # several starts, a few steps each; the best one is followed to the end on
    # the entries that matter near it, then polished on all of them
    tries = [_optimise(lik, to_vector(MixtureParameters(fi, fe, mt, st, mv, sv, th, al)),
                       alpha=alpha, maxiter=12) for fi, fe, th, al in STARTS]
    z_best = max(tries, key=lambda got: got[0])[1]
    z_best = _optimise(lik.pruned(from_vector(z_best)), z_best, alpha=alpha)[1]
    ll, z_hat, iterations, converged = _optimise(lik, z_best, alpha=alpha)
    # the same model without fraud, from the fraud fit's honest peak and the start's
    ll0, z0 = max((_optimise(lik, z, fraud=False, alpha=alpha)[:2] for z in (
        z_hat, to_vector(MixtureParameters(0.1, 0.01, mt, st, mv, sv, 0.3, 2.0)))),
        key=lambda got: got[0])
    lr = max(0.0, 2 * (ll - ll0))
    # without evidence of fraud the honest model is the estimate: near f = 0
    # "every station a little manipulated" fits as well as "none" (theta small)
    p = from_vector(z_hat) if lr >= min_lr else from_vector(z0, fraud=False)
    lik_all = lik if data is full else Likelihood(*full)
    post_i, post_e, _ = lik_all.posteriors(p)
    intervals: dict[str, tuple[float, float]] = {}
    ci_i = np.full((n, 2), np.nan)
    ci_e = np.full((n, 2), np.nan)
    if bootstrap:
        m = data[0].size
        near = lik.pruned(from_vector(z_hat))
        near.threads = 1
        near_all = near if data is full else lik_all.pruned(from_vector(z_hat))

        def replicate(child):
            counts = np.bincount(np.random.default_rng(child).integers(0, m, m), minlength=m)
            rep = near.weighted(counts)
            l1, z1 = _optimise(rep, z_hat, alpha=alpha, ftol=1e-10)[:2]
            l0, z0_ = _optimise(rep, z0, fraud=False, alpha=alpha, ftol=1e-10)[:2]
            q = from_vector(z1) if 2 * (l1 - l0) >= min_lr else from_vector(z0_, fraud=False)
            bi, be, _ = near_all.posteriors(q, threads=1)
            return q, bi.astype(np.float32), be.astype(np.float32)

        with ThreadPoolExecutor(max_workers=workers()) as pool:
            reps = list(pool.map(replicate, boot_seed.spawn(bootstrap)))
        tail = (1 - level) / 2
        for name in NAMES:
            values = np.array([getattr(q, name) for q, _, _ in reps])
            lo, hi = np.quantile(values, [tail, 1 - tail])
            intervals[name] = (float(lo), float(hi))
        ci_i = np.quantile(np.stack([r[1] for r in reps]), [tail, 1 - tail], axis=0).T
        ci_e = np.quantile(np.stack([r[2] for r in reps]), [tail, 1 - tail], axis=0).T
    return MixtureFit(
        parameters=p, intervals=intervals, log_likelihood=ll if lr >= min_lr else ll0,
        iterations=iterations,
        converged=converged, stations=n, bootstrap=bootstrap, level=level,
        station_incremental=post_i, station_extreme=post_e, station_incremental_ci=ci_i,
        station_extreme_ci=ci_e, fraud_stations=float((post_i + post_e).sum()),
        no_fraud_log_likelihood=ll0, likelihood_ratio=lr,
        fitted_stations=int(data[0].size),
    )


def simulate_mixture(registered, p: MixtureParameters, *, seed: int | None = 0):
    """Stations drawn from the model (binomial counts; the winner and one other
    candidate), with each station's true class.

    Returns (Stations, classes) with classes 0 (none), 1 (incremental), 2 (extreme).
    """
    from saylau.forensics._io import stations_from_arrays

    rng = np.random.default_rng(seed)
    reg = np.asarray(registered, dtype=np.int64)
    n = reg.size

    def tn(mu, sigma):
        out = rng.normal(mu, sigma, n)
        bad = (out <= 0) | (out >= 1)
        while bad.any():
            out[bad] = rng.normal(mu, sigma, int(bad.sum()))
            bad = (out <= 0) | (out >= 1)
        return out

    tau, nu = tn(p.mu_t, p.sigma_t), tn(p.mu_v, p.sigma_v)
    u = rng.random(n)
    classes = np.where(u < p.f_e, 2, np.where(u < p.f_e + p.f_i, 1, 0))
    x = np.zeros(n)
    inc = classes == 1
    while True:  # |N(0, theta)| truncated to (0, 1)
        draw = np.abs(rng.normal(0, p.theta, n))
        redo = inc & (x == 0)
        x[redo] = draw[redo]
        x[inc & (x >= 1)] = 0
        if not (inc & (x == 0)).any():
            break
    ext = classes == 2
    y = np.abs(rng.normal(0, EXTREME_SD, n))
    x[ext] = 1 - np.minimum(y[ext], 0.999)
    t = tau + x * (1 - tau)
    w = tau * nu + x**p.alpha * tau * (1 - nu) + x * (1 - tau)
    given = rng.binomial(reg, t)
    winner = rng.binomial(given, np.clip(w / t, 0, 1))
    votes = np.column_stack([winner, given - winner])
    keep = given > 0
    s = stations_from_arrays(reg[keep], given[keep], given[keep],
                             np.zeros(int(keep.sum()), np.int64), votes[keep],
                             candidates=["winner", "other"], winner="winner")
    return s, classes[keep]

