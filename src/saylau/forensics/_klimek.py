"""Klimek et al. (2012) fraud model fitted by simulated grid search.

Honest stations draw turnout t ~ N(tau, sigma_tau) and winner share
v ~ N(nu, sigma_nu) (clipped to [0, 1]); the four are estimated from the
data's main peak (mode, and the spread on the side away from the fraud).
A fraction f_i of stations has incremental fraud: a fraction x = |N(0, theta)|
of the non-voters is added to the winner (ballot stuffing) and a fraction
x ** alpha of the other candidates' votes is moved to the winner (stealing).
A fraction f_e has extreme fraud: the same with x = 1 - |N(0, 0.075)|.

Each repeat draws one set of random numbers for every station (common random
numbers), then evaluates every grid point (f_i, f_e, alpha, theta) by the
squared distance between the simulated and the observed 2-D
turnout-share histograms. Because fraud types are assigned by a single
uniform u (extreme if u < f_e, incremental if u > 1 - f_i), each histogram is
a sum of precomputed cumulative pieces and the whole grid costs a few array
operations per (alpha, theta) pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saylau.forensics._io import Stations
from saylau.forensics._parallel import seed_sequence

EXTREME_SD = 0.075


@dataclass(frozen=True)
class KlimekFit:
    f_i: float  # mean over repeats
    f_e: float
    alpha: float
    theta: float
    f_i_sd: float
    f_e_sd: float
    alpha_sd: float
    theta_sd: float
    tau: float
    sigma_tau: float
    nu: float
    sigma_nu: float
    scale: float  # fitted multiplier of the peak-based sigma_tau and sigma_nu
    repeats: tuple[tuple[float, ...], ...]  # f_i, f_e, alpha, theta, scale, loss


def _mode(x) -> float:
    """Mode of x in [0, 1]: 0.5-point histogram smoothed over +-1 point."""
    counts, edges = np.histogram(x, bins=200, range=(0.0, 1.0))
    smooth = np.convolve(counts, np.array([1, 2, 3, 2, 1]) / 9.0, mode="same")
    k = int(np.argmax(smooth[:190]))  # not the 95-100 % pile of extreme fraud
    return float(0.5 * (edges[k] + edges[k + 1]))


def honest_parameters(turnout, share) -> tuple[float, float, float, float]:
    """(tau, sigma_tau, nu, sigma_nu): the modes of turnout and winner share
    (Klimek's main peak), and the root mean square deviation below each mode,
    the side that fraud does not push into."""
    out = []
    for x in (np.asarray(turnout, float), np.asarray(share, float)):
        centre = _mode(x)
        below = x[x <= centre]
        sd = float(np.sqrt(np.mean((below - centre) ** 2))) if below.size else 0.1
        out += [centre, max(sd, 1e-3)]
    return tuple(out)


def simulate_fraud(t, v, x_inc, x_ext, kind, alpha):
    """Turnout and share after fraud; kind 0 honest, 1 incremental, 2 extreme."""
    x = np.where(kind == 1, x_inc, np.where(kind == 2, x_ext, 0.0))
    a = np.where(kind == 2, 1.0, alpha)
    t2 = t + x * (1.0 - t)
    w = t * v + x * (1.0 - t) + x**a * t * (1.0 - v)
    with np.errstate(divide="ignore", invalid="ignore"):
        v2 = np.where(t2 > 0, w / t2, v)
    return t2, np.clip(v2, 0.0, 1.0)


def _bin(t, v, bins):
    i = np.minimum((np.clip(t, 0, 1) * bins).astype(np.int64), bins - 1)
    j = np.minimum((np.clip(v, 0, 1) * bins).astype(np.int64), bins - 1)
    return i * bins + j


def _cumulative(cells, segment, nseg, bins):
    """Row k: histogram of the stations in segments 0..k."""
    h = np.bincount(segment * bins * bins + cells, minlength=nseg * bins * bins)
    return np.cumsum(h.reshape(nseg, bins * bins), axis=0)


def fit_klimek(
    stations: Stations,
    *,
    repeats: int = 5,
    seed: int | None = 0,
    f_i_grid=None,
    f_e_grid=None,
    alpha_grid=None,
    theta_grid=None,
    scale_grid=None,
    bins: int = 50,
    honest: tuple[float, float, float, float] | None = None,
) -> KlimekFit:
    """Fit f_i, f_e, alpha (and theta) by grid search; mean and sd over repeats."""
    f_i_grid = np.asarray(f_i_grid if f_i_grid is not None else np.arange(0, 0.601, 0.02))
    f_e_grid = np.asarray(f_e_grid if f_e_grid is not None else np.arange(0, 0.0401, 0.002))
    alpha_grid = np.asarray(alpha_grid if alpha_grid is not None
                            else [1.0, 1.5, 2.0, 3.0, 4.0, 5.0])
    theta_grid = np.asarray(theta_grid if theta_grid is not None else [0.2, 0.4, 0.6])
    scale_grid = np.asarray(scale_grid if scale_grid is not None else [1.0, 1.25, 1.5])
    t_obs, v_obs = stations.turnout, stations.share
    tau, s_tau, nu, s_nu = honest or honest_parameters(t_obs, v_obs)
    n = stations.n
    nb = bins * bins
    observed = np.bincount(_bin(t_obs, v_obs, bins), minlength=nb) / n
    results = []
    for child in seed_sequence(seed).spawn(repeats):
        rng = np.random.default_rng(child)
        z_t, z_v = rng.standard_normal(n), rng.standard_normal(n)
        u = rng.random(n)
        z_inc = np.abs(rng.standard_normal(n))
        x_ext = 1.0 - np.minimum(EXTREME_SD * np.abs(rng.standard_normal(n)), 1.0)
        # extreme: u < f_e; incremental: 1 - u < f_i (segment k: below grid[k])
        seg_e = np.searchsorted(f_e_grid, u, side="right")
        in_e = seg_e < f_e_grid.size
        seg_i = np.searchsorted(f_i_grid, 1.0 - u, side="right")
        in_i = seg_i < f_i_grid.size
        best = (np.inf, 0.0, 0.0, 0.0, 0.0, 1.0)
        for scale in scale_grid:
            t = np.clip(tau + scale * s_tau * z_t, 0, 1)
            v = np.clip(nu + scale * s_nu * z_v, 0, 1)
            honest_cells = _bin(t, v, bins)
            total_honest = np.bincount(honest_cells, minlength=nb)
            ext_cells = _bin(*simulate_fraud(t, v, 0, x_ext, 2, 1.0), bins)
            pre_h = _cumulative(honest_cells[in_e], seg_e[in_e], f_e_grid.size, bins)
            pre_x = _cumulative(ext_cells[in_e], seg_e[in_e], f_e_grid.size, bins)
            suf_h = _cumulative(honest_cells[in_i], seg_i[in_i], f_i_grid.size, bins)
            base = (total_honest[None, None, :] - pre_h[:, None, :] - suf_h[None, :, :]
                    + pre_x[:, None, :])
            for theta in theta_grid:
                x_inc = np.minimum(theta * z_inc[in_i], 1.0)
                for alpha in alpha_grid:
                    cells = _bin(*simulate_fraud(t[in_i], v[in_i], x_inc, 0, 1, alpha), bins)
                    suf_x = _cumulative(cells, seg_i[in_i], f_i_grid.size, bins)
                    sim = (base + suf_x[None, :, :]) / n
                    loss = np.sum((sim - observed) ** 2, axis=2)  # (f_e, f_i)
                    # overlapping fractions (f_e + f_i > 1) are impossible
                    loss = np.where(f_e_grid[:, None] + f_i_grid[None, :] <= 1.0, loss, np.inf)
                    k = np.unravel_index(np.argmin(loss), loss.shape)
                    if loss[k] < best[0]:
                        best = (float(loss[k]), float(f_i_grid[k[1]]), float(f_e_grid[k[0]]),
                                float(alpha), float(theta), float(scale))
        results.append((best[1], best[2], best[3], best[4], best[5], best[0]))
    arr = np.array([r[:5] for r in results])
    sd = arr.std(axis=0, ddof=1) if len(results) > 1 else np.zeros(5)
    mean = arr.mean(axis=0)
    return KlimekFit(
        f_i=float(mean[0]), f_e=float(mean[1]), alpha=float(mean[2]), theta=float(mean[3]),
        f_i_sd=float(sd[0]), f_e_sd=float(sd[1]), alpha_sd=float(sd[2]), theta_sd=float(sd[3]),
        tau=tau, sigma_tau=float(s_tau * mean[4]), nu=nu, sigma_nu=float(s_nu * mean[4]),
        scale=float(mean[4]), repeats=tuple(results),
    )
