"""A finite mixture model of incremental and extreme fraud: the likelihood.

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
in a fraud class integrates over x by quadrature on nodes that do not depend
on the parameters (the transformation is inverted once per node, with its
Jacobian t / ((1 - x) tau (1 - x^alpha))); theta only reweights the nodes.
Each station's binomial sampling noise (t (1 - t) / registered,
v (1 - v) / ballots, carried back through the inversion) is added to sigma^2;
the truncation normaliser is the honest distribution's (one per parameter set),
which keeps the likelihood smooth in alpha.

This module gives the log-likelihood and its exact gradient in a
reparametrised vector (class logits, logits of the means, logs of the
spreads and of theta); ``_mixture_fit`` maximises it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import special

from saylau.forensics._io import Stations
from saylau.forensics._parallel import workers

EXTREME_SD = 0.075  # as in EFToolkit's EvalFit: dconvE(..., 0, 0.075, ...)
_LOG_2PI = np.log(2 * np.pi)
_CHUNK = 8192  # stations per block of the likelihood (memory, threads)


def _gauss(pieces, k: int):
    """Composite Gauss-Legendre nodes and weights over consecutive pieces."""
    u, w = np.polynomial.legendre.leggauss(k)
    xs, ws = [], []
    for lo, hi in zip(pieces[:-1], pieces[1:], strict=True):
        xs.append(lo + (u + 1) / 2 * (hi - lo))
        ws.append(w / 2 * (hi - lo))
    return np.concatenate(xs), np.concatenate(ws)


# incremental magnitudes: dense near 0, where a small theta puts its mass
_X_I, _W_I = _gauss(np.r_[0.0, 0.01, 0.03, np.linspace(0.06, 0.999, 25)], 3)
# extreme magnitudes x = 1 - y, y ~ |N(0, 0.075)| (mass beyond 6 sd ignored)
_Y_E, _W_E = _gauss(np.linspace(0.0, 0.45, 7), 3)
_X_E = 1 - _Y_E
_LOGW_E = np.log(_W_E) - 0.5 * (_Y_E / EXTREME_SD) ** 2
_LOGW_E -= special.logsumexp(_LOGW_E)


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


NAMES = ("f_i", "f_e", "mu_t", "sigma_t", "mu_v", "sigma_v", "theta", "alpha")
# bounds of the reparametrised vector (logit f_i, logit f_e against honest,
# logit mu_t, log sigma_t, logit mu_v, log sigma_v, log theta, log alpha)
BOUNDS = [(-25.0, 8.0), (-25.0, 8.0), (-6.0, 6.0), (np.log(0.003), np.log(0.6)),
          (-6.0, 6.0), (np.log(0.003), np.log(0.6)), (np.log(0.02), np.log(2.0)),
          (np.log(0.5), np.log(10.0))]


def to_vector(p: MixtureParameters) -> np.ndarray:
    honest = max(1 - p.f_i - p.f_e, 1e-12)
    raw = [np.log(max(p.f_i, 1e-11) / honest), np.log(max(p.f_e, 1e-11) / honest),
           special.logit(p.mu_t), np.log(p.sigma_t), special.logit(p.mu_v), np.log(p.sigma_v),
           np.log(p.theta), np.log(p.alpha)]
    return np.array([min(max(v, lo), hi) for v, (lo, hi) in zip(raw, BOUNDS, strict=True)])


def from_vector(z, fraud: bool = True) -> MixtureParameters:
    if fraud:
        e = np.exp(np.array([0.0, z[0], z[1]]) - max(0.0, z[0], z[1]))
        f_i, f_e = e[1] / e.sum(), e[2] / e.sum()
    else:
        f_i = f_e = 0.0
    return MixtureParameters(float(f_i), float(f_e), float(special.expit(z[2])),
                             float(np.exp(z[3])), float(special.expit(z[4])),
                             float(np.exp(z[5])), float(np.exp(z[6])), float(np.exp(z[7])))


def proportions(stations: Stations):
    """Turnout, share, and each one's binomial sampling variance at the station.
    Proportions at 0 or 1 move half a voter inside."""
    reg = stations.registered.astype(float)
    den = stations.denominator.astype(float)
    t = np.clip(stations.given / reg, 0.5 / reg, 1 - 0.5 / reg)
    v = np.clip(stations.winner_votes / den, 0.5 / den, 1 - 0.5 / den)
    return t, v, t * (1 - t) / reg, v * (1 - v) / den


# every column: the honest class (x = 0), the incremental nodes, the extreme nodes
_X = np.concatenate([[0.0], _X_I, _X_E])
_LN_X = np.log(np.maximum(_X, 1e-300))  # x^alpha = exp(alpha ln x) is 0 at x = 0
_NI = _X_I.size


class _Block:
    """The (station, column) pairs of a block of stations whose latent turnout
    lies in (0, 1), flattened station by station, with what does not depend on
    the parameters."""

    def __init__(self, t, v, nt, nv):
        tau = (t[:, None] - _X) / (1 - _X)
        row, col = np.nonzero((tau > 0) & (tau < 1))  # column 0 always
        self.n = t.size
        self.starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
        self.row, self.col = row, col
        self.tau = tau[row, col]
        x = _X[col]
        self.x, self.ln_x = x, _LN_X[col]
        self.tv, self.t, self.nv = (t * v)[row], t[row], nv[row]
        self.noise_t = nt[row] / (1 - x) ** 2
        self.base_jac = np.log(self.t) - np.log1p(-x) - np.log(self.tau)

    def subset(self, keep) -> _Block:
        """The same stations with only the entries ``keep`` (column 0 always kept)."""
        out = object.__new__(_Block)
        out.n = self.n
        out.row, out.col = self.row[keep], self.col[keep]
        out.starts = np.flatnonzero(np.r_[True, out.row[1:] != out.row[:-1]])
        for name in ("tau", "x", "ln_x", "tv", "t", "nv", "noise_t", "base_jac"):
            setattr(out, name, getattr(self, name)[keep])
        return out

    def segment_logsumexp(self, log):
        top = np.maximum.reduceat(log, self.starts)
        top = np.where(np.isfinite(top), top, 0.0)
        with np.errstate(divide="ignore"):
            return np.log(np.add.reduceat(np.exp(log - top[self.row]), self.starts)) + top


def _log_normal(x, mu, sigma, noise):
    """log N(x; mu, s) with s^2 = sigma^2 + noise, and d/dx, d/dmu, d/dsigma."""
    s2 = sigma**2 + noise
    s = np.sqrt(s2)
    z = (x - mu) / s
    log = -0.5 * z * z - 0.5 * _LOG_2PI - np.log(s)
    return log, -z / s, z / s, (z * z - 1) / s2 * sigma, s


def _log_mass(mu, sigma):
    """log P(0 < N(mu, sigma) < 1), and its derivatives in mu and sigma."""
    a, b = -mu / sigma, (1 - mu) / sigma
    mass = special.ndtr(b) - special.ndtr(a)
    pa, pb = np.exp(-0.5 * a * a) / np.sqrt(2 * np.pi), np.exp(-0.5 * b * b) / np.sqrt(2 * np.pi)
    return (np.log(mass), (pa - pb) / (sigma * mass),
            -(pb * (1 - mu) + pa * mu) / (sigma**2 * mass))


class Likelihood:
    """The mixture log-likelihood of a set of stations and its gradient."""

    def __init__(self, t, v, nt, nv, threads: int | None = None):
        self.n = t.size
        self.threads = threads
        self.blocks = [_Block(t[k:k + _CHUNK], v[k:k + _CHUNK], nt[k:k + _CHUNK],
                              nv[k:k + _CHUNK]) for k in range(0, t.size, _CHUNK)]
        self.weights = None  # per block: each station's multiplicity (a bootstrap)

    def entries(self) -> int:
        return sum(b.col.size for b in self.blocks)

    def pruned(self, p: MixtureParameters, below: float = 40.0) -> Likelihood:
        """The entries whose posterior weight at ``p`` is above exp(-below) of
        their station's: the rest add nothing near ``p``."""
        log_w, _ = self._log_w(p, True)
        out = object.__new__(Likelihood)
        out.n, out.threads, out.weights = self.n, self.threads, None
        blocks = []
        for blk in self.blocks:
            log, total, _ = self._entries(blk, p, log_w, False)
            blocks.append(blk.subset((log - total[blk.row] > -below) | (blk.col == 0)))
        out.blocks = blocks
        return out

    def weighted(self, weights) -> Likelihood:
        """The same likelihood with each station counted ``weights`` times."""
        out = object.__new__(Likelihood)
        out.n, out.threads, out.blocks = float(np.sum(weights)), self.threads, self.blocks
        out.weights = [np.asarray(weights[k:k + _CHUNK], float)
                       for k in range(0, len(weights), _CHUNK)]
        return out

    @staticmethod
    def _log_w(p: MixtureParameters, fraud: bool):
        """Log prior weight of every column (class probability times node
        weight), and the incremental nodes' normalised log weights."""
        lw_i = np.log(_W_I) - 0.5 * (_X_I / p.theta) ** 2
        lw_i -= special.logsumexp(lw_i)
        if not fraud:
            out = np.full(_X.size, -np.inf)
            out[0] = 0.0
            return out, lw_i
        with np.errstate(divide="ignore"):
            return np.concatenate([[np.log(1 - p.f_i - p.f_e)], np.log(p.f_i) + lw_i,
                                   np.log(p.f_e) + _LOGW_E]), lw_i

    @staticmethod
    def _entries(blk: _Block, p: MixtureParameters, log_w, grad: bool, w=None):
        xa = np.exp(p.alpha * blk.ln_x)
        kx = xa * blk.ln_x  # d x^alpha / d alpha
        one_xa = 1 - xa
        nu = (blk.tv - xa * blk.tau - blk.x * (1 - blk.tau)) / (blk.tau * one_xa)
        noise_v = blk.nv * (blk.t / (blk.tau * one_xa)) ** 2
        lt, _, dmt, dst, _ = _log_normal(blk.tau, p.mu_t, p.sigma_t, blk.noise_t)
        lv, dxv, dmv, dsv, s_v = _log_normal(nu, p.mu_v, p.sigma_v, noise_v)
        log = lt + lv + blk.base_jac - np.log(one_xa) + log_w[blk.col]
        total = blk.segment_logsumexp(log)
        if not grad:
            return log, total, None
        r = np.exp(log - total[blk.row])
        if w is not None:
            r = r * w[blk.row]
            total = total * w
        g = r * (kx / one_xa)  # d/d alpha of the Jacobian, then of the share's density
        # dsv is d/d sigma = d/ds * sigma / s, and d s / d noise = 1 / (2 s)
        d_alpha = g + r * dxv * (-(1 - nu) * kx / one_xa) + r * dsv / p.sigma_v * noise_v * (
            kx / one_xa)
        # plain sums, not np.dot: a BLAS call may start threads of its own
        sums = np.array([(r * dmt).sum(), (r * dst).sum(), (r * dmv).sum(), (r * dsv).sum(),
                         d_alpha.sum()])
        return log, total, (np.bincount(blk.col, r, minlength=_X.size), sums)

    def value_and_grad(self, z, fraud: bool = True):
        """(-log L, its gradient in the reparametrised vector) for the optimiser."""
        p = from_vector(z, fraud)
        log_w, lw_i = self._log_w(p, fraud)

        def one(k):
            w = None if self.weights is None else self.weights[k]
            _, total, (by_col, sums) = self._entries(self.blocks[k], p, log_w, True, w)
            return total.sum(), by_col, sums

        parts = self._map(one, items=range(len(self.blocks)))
        by_col = sum(q[1] for q in parts)
        g_mt, g_st, g_mv, g_sv, g_a = sum(q[2] for q in parts)
        # the honest latent values are truncated to (0, 1): one normaliser each
        mt, dmt, dst = _log_mass(p.mu_t, p.sigma_t)
        mv, dmv, dsv = _log_mass(p.mu_v, p.sigma_v)
        ll = sum(q[0] for q in parts) - self.n * (mt + mv)
        g_mt, g_st = g_mt - self.n * dmt, g_st - self.n * dst
        g_mv, g_sv = g_mv - self.n * dmv, g_sv - self.n * dsv
        if not np.isfinite(ll):
            return 1e300, np.zeros(8)
        grad = np.zeros(8)
        if fraud:
            grad[0] = by_col[1:1 + _NI].sum() - self.n * p.f_i
            grad[1] = by_col[1 + _NI:].sum() - self.n * p.f_e
            # theta reweights the incremental nodes: d log w_k / d log theta
            d = _X_I**2 / p.theta**2
            grad[6] = (by_col[1:1 + _NI] * (d - (np.exp(lw_i) * d).sum())).sum()
            grad[7] = g_a * p.alpha
        grad[2] = g_mt * p.mu_t * (1 - p.mu_t)
        grad[3] = g_st * p.sigma_t
        grad[4] = g_mv * p.mu_v * (1 - p.mu_v)
        grad[5] = g_sv * p.sigma_v
        return -ll, -grad

    def posteriors(self, p: MixtureParameters, threads: int | None = None):
        """Each station's posterior probability of incremental and extreme fraud,
        and the log-likelihood."""
        log_w, _ = self._log_w(p, True)

        def one(blk):
            log, total, _ = self._entries(blk, p, log_w, False)
            r = np.exp(log - total[blk.row])  # the normalisers cancel here
            inc = np.bincount(blk.row, np.where((blk.col >= 1) & (blk.col <= _NI), r, 0.0),
                              blk.n)
            ext = np.bincount(blk.row, np.where(blk.col > _NI, r, 0.0), blk.n)
            return inc, ext, total.sum()

        parts = self._map(one, threads)
        mass = _log_mass(p.mu_t, p.sigma_t)[0] + _log_mass(p.mu_v, p.sigma_v)[0]
        return (np.concatenate([q[0] for q in parts]), np.concatenate([q[1] for q in parts]),
                float(sum(q[2] for q in parts)) - self.n * mass)

    def _map(self, task, threads: int | None = None, items=None):
        items = self.blocks if items is None else items
        n = min(threads or self.threads or workers(), len(self.blocks))
        if n <= 1:
            return [task(b) for b in items]
        with ThreadPoolExecutor(max_workers=n) as pool:
            return list(pool.map(task, items))
