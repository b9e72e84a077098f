"""A finite mixture model of incremental and extreme fraud, fitted by EM.

The model is the Klimek-like finite mixture of Mebane and Egami as coded in
EFToolkit (``ComputeFiniteMixtureModel``: ``dconv``, ``dconvI``, ``dconvE``),
the maximum-likelihood ancestor of Mebane's "eforensics" model. Each station
is in one of three classes:

* **no fraud** (probability 1 - f_i - f_e): its true turnout tau and the
  winner's true share nu are independent normals, truncated to (0, 1):
  tau ~ N(mu_t, sigma_t), nu ~ N(mu_v, sigma_v);
* **incremental fraud** (f_i): a magnitude x ~ |N(0, theta)| (truncated to
  (0, 1)); a fraction x of the non-voters' ballots is added for the winner
  and a fraction x^alpha of the other candidates' votes moves to the winner;
* **extreme fraud** (f_e): the same with x = 1 - |N(0, 0.075)|.

So the observed turnout is t = tau + x (1 - tau) and the winner's share
v = (tau nu + x^alpha tau (1 - nu) + x (1 - tau)) / t. The density of (t, v)
in a fraud class integrates over x by Gauss-Legendre quadrature (the
transformation is inverted at each node, with its Jacobian
t / ((1 - x) tau (1 - x^alpha))).

EM: the E-step gives each station's posterior probability of each class (and
of each quadrature node); the M-step sets f_i and f_e to the mean posterior
probabilities, mu and sigma to the posterior-weighted moments of the latent
honest turnout and share (truncation to (0, 1) ignored in this step), and
theta to the posterior-weighted root mean square magnitude. alpha is chosen
by profile likelihood over a grid. Uncertainty: a bootstrap over stations
(each replicate refitted from the full fit), giving percentile intervals for
every parameter and for every station's fraud probabilities.

Proportions at 0 or 1 are moved half a voter inside (0.5 / registered, or
0.5 / ballots for the share), so exact 100 % stations keep a finite density.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import special

from saylau.forensics._io import Stations
from saylau.forensics._parallel import seed_sequence, workers

EXTREME_SD = 0.075  # as in EFToolkit's EvalFit: dconvE(..., 0, 0.075, ...)
_NODES_I, _NODES_E = 32, 24
_LOG_2PI = np.log(2 * np.pi)


@dataclass(frozen=True)
class MixtureParameters:
    f_i: float
    f_e: float
    mu_t: float
    sigma_t: float
    mu_v: float
    sigma_v: float
    theta: float
    alpha: float


@dataclass(frozen=True)
class MixtureFit:
    parameters: MixtureParameters
    intervals: dict[str, tuple[float, float]]  # bootstrap percentile intervals
    log_likelihood: float
    iterations: int
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

    def summary(self) -> dict:
        p = self.parameters
        return {name: {"value": getattr(p, name), "ci": self.intervals.get(name)}
                for name in ("f_i", "f_e", "mu_t", "sigma_t", "mu_v", "sigma_v", "theta",
                             "alpha")}


def _proportions(stations: Stations):
    """Turnout, share, and each one's binomial sampling variance at the station."""
    reg = stations.registered.astype(float)
    den = stations.denominator.astype(float)
    t = np.clip(stations.given / reg, 0.5 / reg, 1 - 0.5 / reg)
    v = np.clip(stations.winner_votes / den, 0.5 / den, 1 - 0.5 / den)
    return t, v, t * (1 - t) / reg, v * (1 - v) / den


def _log_tn(x, mu, sigma):
    """Log density of N(mu, sigma) truncated to (0, 1); -inf outside. ``sigma``
    may be per station (a column), the honest spread plus binomial noise."""
    z = (x - mu) / sigma
    mass = special.ndtr((1 - mu) / sigma) - special.ndtr(-mu / sigma)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = -0.5 * z**2 - 0.5 * _LOG_2PI - np.log(sigma) - np.log(mass)
    return np.where((x > 0) & (x < 1), out, -np.inf)


def _nodes(kind: str, theta: float):
    """Quadrature nodes x and log weights (the magnitude's density times the rule's weight)."""
    if kind == "i":
        u, w = np.polynomial.legendre.leggauss(_NODES_I)
        hi = min(1.0, 6 * theta)
        x = (u + 1) / 2 * hi
        w = w / 2 * hi
        dens = np.exp(-0.5 * (x / theta) ** 2)
    else:
        u, w = np.polynomial.legendre.leggauss(_NODES_E)
        hi = min(1.0, 6 * EXTREME_SD)
        y = (u + 1) / 2 * hi
        w = w / 2 * hi
        x = 1 - y
        dens = np.exp(-0.5 * (y / EXTREME_SD) ** 2)
    weights = w * dens
    return x, np.log(weights / weights.sum())


def _class_terms(t, v, nt, nv, p: MixtureParameters, kind: str):
    """Per station and node: log density + log weight, and the latent tau, nu."""
    x, logw = _nodes(kind, p.theta)
    xa = x**p.alpha
    tt, vv = t[:, None], v[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        tau = (tt - x) / (1 - x)
        nu = (tt * vv - xa * tau - x * (1 - tau)) / (tau * (1 - xa))
        log_jac = np.log(tt) - np.log1p(-x) - np.log(tau) - np.log1p(-xa)
        # the binomial noise of t and v carried back through the inversion
        noise_t = nt[:, None] / (1 - x) ** 2
        noise_v = nv[:, None] * (tt / (tau * (1 - xa))) ** 2
        s_t = np.sqrt(p.sigma_t**2 + noise_t)
        s_v = np.sqrt(p.sigma_v**2 + noise_v)
    log = _log_tn(tau, p.mu_t, s_t) + _log_tn(nu, p.mu_v, s_v) + log_jac + logw
    log = np.where(np.isfinite(log), log, -np.inf)
    return log, tau, nu, x, noise_t, noise_v


def _spreads(nt, nv, p: MixtureParameters):
    return np.sqrt(p.sigma_t**2 + nt), np.sqrt(p.sigma_v**2 + nv)


def _e_step(t, v, nt, nv, p: MixtureParameters):
    st, sv = _spreads(nt, nv, p)
    log0 = _log_tn(t, p.mu_t, st) + _log_tn(v, p.mu_v, sv)
    parts = [(np.log(max(1 - p.f_i - p.f_e, 1e-300)) + log0[:, None], t[:, None], v[:, None],
              None, nt[:, None], nv[:, None])]
    for kind, f in (("i", p.f_i), ("e", p.f_e)):
        if f > 1e-12:
            log, tau, nu, x, noise_t, noise_v = _class_terms(t, v, nt, nv, p, kind)
            parts.append((np.log(f) + log, tau, nu, x, noise_t, noise_v))
        else:
            parts.append(None)
    stacked = np.concatenate([q[0] for q in parts if q is not None], axis=1)
    total = special.logsumexp(stacked, axis=1)
    # a station no class can produce (numerically) would poison every sum
    total = np.where(np.isfinite(total), total, np.inf)
    return parts, total


def _m_step(t, v, nt, nv, parts, total, p: MixtureParameters) -> MixtureParameters:
    n = t.size
    resp = [None if q is None else np.exp(q[0] - total[:, None]) for q in parts]
    sums = [0.0 if r is None else float(r.sum()) for r in resp]
    f_i, f_e = sums[1] / n, sums[2] / n
    wt = wtt = wv = wvv = weight = noise_t = noise_v = 0.0
    for r, q in zip(resp, parts, strict=True):
        if r is None:
            continue
        ok = r > 0
        rr = r[ok]
        ta, nu = np.broadcast_to(q[1], r.shape)[ok], np.broadcast_to(q[2], r.shape)[ok]
        weight += rr.sum()
        wt += (rr * ta).sum()
        wtt += (rr * ta**2).sum()
        wv += (rr * nu).sum()
        wvv += (rr * nu**2).sum()
        noise_t += (rr * np.broadcast_to(q[4], r.shape)[ok]).sum()
        noise_v += (rr * np.broadcast_to(q[5], r.shape)[ok]).sum()
    mu_t, mu_v = wt / weight, wv / weight
    # the latent values' spread less their mean binomial noise (a moment step)
    sigma_t = float(np.sqrt(max(wtt / weight - mu_t**2 - noise_t / weight, 2.5e-5)))
    sigma_v = float(np.sqrt(max(wvv / weight - mu_v**2 - noise_v / weight, 2.5e-5)))
    theta = p.theta
    if resp[1] is not None and sums[1] > 1e-9:
        x = parts[1][3]
        theta = float(np.sqrt((resp[1] * x[None, :] ** 2).sum() / sums[1]))
        theta = min(max(theta, 0.01), 1.0)
    return MixtureParameters(f_i, f_e, float(mu_t), sigma_t, float(mu_v), sigma_v, theta,
                             p.alpha)


def _start(t, v, alpha: float) -> MixtureParameters:
    """Honest peak from the lower half (fraud only pushes turnout and share up)."""
    mt, mv = float(np.median(t)), float(np.median(v))
    st = float(np.sqrt(np.mean((t[t <= mt] - mt) ** 2)))
    sv = float(np.sqrt(np.mean((v[v <= mv] - mv) ** 2)))
    return MixtureParameters(0.1, 0.01, mt, max(st, 0.01), mv, max(sv, 0.01), 0.2, alpha)


def _em(t, v, nt, nv, p: MixtureParameters, max_iter: int, tol: float):
    """EM until no parameter moves by more than ``tol`` (slow linear convergence
    makes a log-likelihood criterion stop too early, which would shrink the
    bootstrap's spread)."""
    for iteration in range(1, max_iter + 1):
        parts, total = _e_step(t, v, nt, nv, p)
        q = _m_step(t, v, nt, nv, parts, total, p)
        change = max(abs(getattr(q, k) - getattr(p, k)) for k in
                     ("f_i", "f_e", "mu_t", "sigma_t", "mu_v", "sigma_v", "theta"))
        p = q
        if change <= tol:
            parts, total = _e_step(t, v, nt, nv, p)
            return p, float(total.sum()), iteration, True
    parts, total = _e_step(t, v, nt, nv, p)
    return p, float(total.sum()), max_iter, False


def _posteriors(t, v, nt, nv, p: MixtureParameters):
    parts, total = _e_step(t, v, nt, nv, p)
    out = []
    for q in parts[1:]:
        if q is None:
            out.append(np.zeros(t.size))
        else:
            out.append(np.exp(special.logsumexp(q[0], axis=1) - total))
    return out[0], out[1]


def fit_mixture(stations: Stations, *, alphas=(1.0, 2.0, 3.0, 4.0), bootstrap: int = 50,
                seed: int | None = 0, level: float = 0.95, max_iter: int = 1000,
                tol: float = 1e-5) -> MixtureFit:
    """Fit the mixture by EM (alpha by profile likelihood), with a station bootstrap."""
    t, v, nt, nv = _proportions(stations)
    start = _start(t, v, alphas[0])
    none = MixtureParameters(0.0, 0.0, start.mu_t, start.sigma_t, start.mu_v, start.sigma_v,
                             start.theta, start.alpha)
    no_fraud = _em(t, v, nt, nv, none, max_iter, tol)
    ll0 = no_fraud[1]
    # the moment step makes this a generalised EM that can end below the fit
    # without fraud; the best log-likelihood found wins, the no-fraud fit included
    best = no_fraud
    for alpha in alphas:
        fit = _em(t, v, nt, nv, _start(t, v, alpha), max_iter, tol)
        if fit[1] > best[1]:
            best = fit
    p, ll, iterations, converged = best
    post_i, post_e = _posteriors(t, v, nt, nv, p)
    names = ("f_i", "f_e", "mu_t", "sigma_t", "mu_v", "sigma_v", "theta")
    intervals: dict[str, tuple[float, float]] = {}
    ci_i = np.full((t.size, 2), np.nan)
    ci_e = np.full((t.size, 2), np.nan)
    if bootstrap:
        children = seed_sequence(seed).spawn(bootstrap)

        def replicate(child):
            rng = np.random.default_rng(child)
            pick = rng.integers(0, t.size, t.size)
            q, *_ = _em(t[pick], v[pick], nt[pick], nv[pick], p, max_iter, tol)
            bi, be = _posteriors(t, v, nt, nv, q)
            return q, bi.astype(np.float32), be.astype(np.float32)

        with ThreadPoolExecutor(max_workers=workers()) as pool:
            reps = list(pool.map(replicate, children))
        alpha_ = 1 - level
        for name in names:
            values = np.array([getattr(q, name) for q, _, _ in reps])
            lo, hi = np.quantile(values, [alpha_ / 2, 1 - alpha_ / 2])
            intervals[name] = (float(lo), float(hi))
        bi = np.stack([r[1] for r in reps])
        be = np.stack([r[2] for r in reps])
        ci_i = np.quantile(bi, [alpha_ / 2, 1 - alpha_ / 2], axis=0).T
        ci_e = np.quantile(be, [alpha_ / 2, 1 - alpha_ / 2], axis=0).T
    return MixtureFit(
        parameters=p, intervals=intervals, log_likelihood=ll, iterations=iterations,
        converged=converged, stations=int(t.size), bootstrap=bootstrap, level=level,
        station_incremental=post_i, station_extreme=post_e, station_incremental_ci=ci_i,
        station_extreme_ci=ci_e, fraud_stations=float((post_i + post_e).sum()),
        no_fraud_log_likelihood=ll0, likelihood_ratio=max(0.0, 2 * (ll - ll0)),
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
