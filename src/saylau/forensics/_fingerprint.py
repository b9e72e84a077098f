"""Turnout-by-winner-share fingerprint and the kurtosis of the log-odds share."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from saylau.forensics._io import Stations


@dataclass(frozen=True)
class Fingerprint:
    """2-D histogram: ``stations[i, j]`` counts stations with turnout in bin i
    and winner share in bin j; ``voters`` adds up ballots issued instead."""

    edges: np.ndarray
    stations: np.ndarray
    voters: np.ndarray
    logodds_kurtosis: float  # excess kurtosis of log(v / (1 - v)), 0 < v < 1
    logodds_n: int


def excess_kurtosis(x) -> float:
    """Population excess kurtosis m4 / m2^2 - 3 (as scipy.stats.kurtosis)."""
    x = np.asarray(x, dtype=float)
    d = x - x.mean()
    m2 = np.mean(d**2)
    return float(np.mean(d**4) / m2**2 - 3.0) if m2 > 0 else float("nan")


def logodds_kurtosis(share) -> tuple[float, int]:
    """Excess kurtosis of the log-odds of the shares strictly between 0 and 1."""
    v = np.asarray(share, dtype=float)
    v = v[(v > 0) & (v < 1)]
    if v.size < 4:
        return float("nan"), int(v.size)
    return excess_kurtosis(np.log(v / (1.0 - v))), int(v.size)


def fingerprint(stations: Stations, *, bins: int = 100) -> Fingerprint:
    """The election fingerprint on a ``bins`` x ``bins`` grid over [0, 1]^2."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    t = np.clip(stations.turnout, 0.0, 1.0)
    v = np.clip(stations.share, 0.0, 1.0)
    i = np.minimum((t * bins).astype(np.int64), bins - 1)
    j = np.minimum((v * bins).astype(np.int64), bins - 1)
    flat = i * bins + j
    count = np.bincount(flat, minlength=bins * bins).reshape(bins, bins)
    voters = np.bincount(flat, weights=stations.given, minlength=bins * bins).reshape(bins, bins)
    k, n = logodds_kurtosis(stations.share)
    return Fingerprint(edges, count, voters, k, n)


def fingerprint_png(fp: Fingerprint, title: str = "",
                    labels: tuple[str, str, str] = ("turnout, %", "winner's share, %",
                                                    "stations")) -> bytes:
    """The fingerprint (station counts, log colour scale) as PNG bytes; ``labels``:
    the x axis, the y axis and the colour bar."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import LogNorm

    fig, ax = plt.subplots(figsize=(5.5, 4.5), dpi=100)
    data = np.ma.masked_equal(fp.stations.T, 0)
    mesh = ax.pcolormesh(100 * fp.edges, 100 * fp.edges, data, norm=LogNorm(), cmap="viridis")
    fig.colorbar(mesh, ax=ax, label=labels[2])
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.set_title(title or "Election fingerprint")
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def histogram_png(values, weights=None, *, bins=200, xlabel="", title="", marks=()) -> bytes:
    """A 1-D histogram as PNG bytes, with optional vertical marks."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.2), dpi=100)
    ax.hist(values, bins=bins, weights=weights, color="#3b6ea5")
    for x in marks:
        ax.axvline(x, color="#c0392b", lw=1)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
