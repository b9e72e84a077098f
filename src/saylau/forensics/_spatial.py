"""Spatial clustering of turnout, share and anomalies (PySAL: libpysal, esda).

Places are the units of one level (a region, a commune) or the stations
themselves. Neighbours come either from coordinates (each place's k nearest
places, ``libpysal.weights.KNN``; a unit sits at the mean of its stations'
coordinates) or from an adjacency list (pairs of neighbouring units,
``libpysal.weights.W``). Weights are row-standardised.

For each variable (turnout, the winner's share, and the anomaly rate: the
share of a place's stations on the list of stations to look at) the result
holds global Moran's I with its permutation p-value (``esda.Moran``) and the
local Getis-Ord G* z-score and permutation p-value of every place
(``esda.G_Local`` with ``star=True``): a hot spot is a place whose
neighbourhood, itself included, is higher than chance would put together.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from saylau.core.errors import UserError
from saylau.forensics._io import Stations

VARIABLES = ("turnout", "share", "anomaly")


@dataclass(frozen=True)
class LocalCluster:
    place: str
    value: float
    z: float  # Getis-Ord G* z-score
    p_value: float  # permutation p-value (one-sided, as esda reports it)
    kind: str  # "hot", "cold" or ""


@dataclass(frozen=True)
class SpatialVariable:
    name: str
    moran_i: float
    moran_expected: float  # -1 / (n - 1)
    moran_z: float
    moran_p: float  # permutation p-value
    local: list[LocalCluster] = field(default_factory=list)


@dataclass(frozen=True)
class SpatialResult:
    level: str  # unit column, or "stations"
    neighbours: str  # "k nearest (k=...)" or "adjacency list"
    places: list[str]
    coords: np.ndarray | None  # (places, 2) latitude, longitude; None for adjacency only
    variables: dict[str, SpatialVariable]
    permutations: int
    islands: list[str] = field(default_factory=list)  # places without a neighbour (left out)


def read_adjacency(path) -> list[tuple[str, str]]:
    """Pairs of neighbouring units from a CSV with two columns (a header first)."""
    import csv
    from pathlib import Path

    pairs = []
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"adjacency file {path}: cannot be read ({error})") from None
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise UserError(f"adjacency file {path}: line {number} has {row!r}; expected two "
                            "unit names (a unit and its neighbour)")
        pairs.append((row[0].strip(), row[1].strip()))
    if not pairs:
        raise UserError(f"adjacency file {path}: no pair of neighbours after the header")
    return pairs


def _place_values(stations: Stations, level: str, anomalous: np.ndarray):
    if level == "stations":
        labels = np.arange(stations.n).astype(str)
        if stations.labels is not None:
            labels = stations.labels.astype(str)
        return (list(labels), 100 * stations.turnout, 100 * stations.share,
                anomalous.astype(float), stations.coords)
    if level not in stations.units:
        known = ", ".join(stations.units) or "none"
        raise UserError(f"spatial level {level!r}: not a unit column (unit columns: {known}); "
                        "or use 'stations'")
    names, index = np.unique(stations.units[level], return_inverse=True)
    m = names.size

    def add(x):
        return np.bincount(index, weights=np.asarray(x, dtype=float), minlength=m)

    n = np.bincount(index, minlength=m)
    turnout = 100 * add(stations.given) / add(stations.registered)
    share = 100 * add(stations.winner_votes) / add(stations.denominator)
    anomaly = add(anomalous) / n
    coords = None
    if stations.coords is not None:
        coords = np.column_stack([add(stations.coords[:, 0]) / n, add(stations.coords[:, 1]) / n])
    return [str(x) for x in names], turnout, share, anomaly, coords


def spatial_clusters(stations: Stations, level: str, *, anomalous=None, adjacency=None,
                     k: int = 6, permutations: int = 999, seed: int = 0,
                     alpha: float = 0.05) -> SpatialResult:
    """Moran's I and local Getis-Ord G* of turnout, share and anomaly rate over places."""
    import esda
    from libpysal import weights

    anomalous = np.zeros(stations.n, bool) if anomalous is None else np.asarray(anomalous)
    places, turnout, share, anomaly, coords = _place_values(stations, level, anomalous)
    islands: list[str] = []
    if adjacency is not None:
        known = set(places)
        unknown = sorted({a for pair in adjacency for a in pair} - known)
        if unknown:
            raise UserError(f"adjacency list: {len(unknown)} unit(s) not in the level "
                            f"{level!r}, e.g. {unknown[0]!r}")
        neighbours: dict[str, set[str]] = {p: set() for p in places}
        for a, b in adjacency:
            if a != b:
                neighbours[a].add(b)
                neighbours[b].add(a)
        islands = [p for p in places if not neighbours[p]]
        keep = np.array([bool(neighbours[p]) for p in places])
        kept = [p for p in places if neighbours[p]]
        w = weights.W({p: sorted(neighbours[p]) for p in kept}, id_order=kept, silence_warnings=True)
        how = "adjacency list"
    else:
        if coords is None:
            raise UserError("spatial clustering needs station coordinates (--latitude and "
                            "--longitude) or an adjacency list of units (--adjacency)")
        keep = np.ones(len(places), bool)
        kept = places
        k_used = min(k, len(places) - 1)
        if k_used < 1:
            raise UserError(f"spatial clustering needs at least two places at level {level!r}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w = weights.KNN.from_array(coords[:, ::-1], k=k_used, ids=kept)
        how = f"k nearest (k={k_used})"
    if len(kept) < 3:
        raise UserError(f"spatial clustering needs at least three places with neighbours at "
                        f"level {level!r}; found {len(kept)}")
    w.transform = "r"
    result = {}
    for name, values in zip(VARIABLES, (turnout, share, anomaly), strict=True):
        y = np.asarray(values, dtype=float)[keep]
        if not np.isfinite(y).all() or np.ptp(y) == 0:  # nothing to cluster
            result[name] = SpatialVariable(name, float("nan"), -1.0 / (len(kept) - 1),
                                           float("nan"), float("nan"), [])
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            np.random.seed(seed)  # esda draws its permutations from NumPy's global generator
            mi = esda.Moran(y, w, permutations=permutations)
            g = esda.G_Local(y, w, star=True, permutations=permutations, seed=seed)
        local = []
        for i, p in enumerate(kept):
            z = float(g.Zs[i])
            pv = float(g.p_sim[i])
            kind = ("hot" if z > 0 else "cold") if pv < alpha else ""
            local.append(LocalCluster(p, float(y[i]), z, pv, kind))
        result[name] = SpatialVariable(name, float(mi.I), float(mi.EI), float(mi.z_sim),
                                       float(mi.p_sim), local)
    return SpatialResult(level, how, kept, None if coords is None else coords[keep], result,
                         permutations, islands)


def spatial_map_png(result: SpatialResult, variable: str = "anomaly") -> bytes | None:
    """Places at their coordinates coloured by the variable; hot spots ringed red,
    cold spots blue. None without coordinates."""
    if result.coords is None:
        return None
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    v = result.variables[variable]
    values = np.array([c.value for c in v.local])
    kinds = np.array([c.kind for c in v.local])
    lat, lon = result.coords[:, 0], result.coords[:, 1]
    fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
    sc = ax.scatter(lon, lat, c=values, s=14, cmap="viridis")
    for kind, colour in (("hot", "#c00"), ("cold", "#06c")):
        sel = kinds == kind
        if sel.any():
            ax.scatter(lon[sel], lat[sel], s=60, facecolors="none", edgecolors=colour,
                       linewidths=1.2, label=f"{kind} spot (G*, p < 0.05)")
    fig.colorbar(sc, ax=ax, label={"turnout": "turnout, %", "share": "winner share, %",
                                   "anomaly": "share of stations to look at"}[variable])
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_title(f"{variable} by {result.level}: Moran's I {v.moran_i:.3f} (p={v.moran_p:.3f})")
    if (kinds != "").any():
        ax.legend(loc="best", fontsize=8)
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
