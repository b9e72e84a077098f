"""Sampling frame, allocation and the stratified random sample of stations.

Assumptions:

* a station (polling station, *casilla*) is one cluster of voters; the
  frame lists every station once, with its stratum and its registered voters;
* the frame is put into a canonical order (stratum, then station id) when it
  is built, so a sample drawn with a given seed is the same whatever order the
  input rows came in. Re-drawing with the recorded seed, frame and sizes gives
  the same stations: that is what an auditor checks;
* random numbers come from NumPy's ``default_rng`` (PCG64) seeded with the
  recorded integer seed. Within each stratum every station gets a uniform
  random key and the ``n_h`` smallest keys are taken, which is a simple random
  sample without replacement in each stratum.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

log = logging.getLogger(__name__)

BIT_GENERATOR = "PCG64"


def _readonly(array: np.ndarray) -> np.ndarray:
    array = np.ascontiguousarray(array)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class SamplingFrame:
    """Every station of the population, sorted by (stratum code, id).

    ``strata`` holds codes ``0..H-1``; ``stratum_labels[code]`` is the label
    given by the caller. ``offsets[h]:offsets[h + 1]`` is the block of stratum
    ``h``. ``votes`` optionally holds vote columns (a past election, or the
    true result when simulating) in the same order.
    """

    ids: np.ndarray
    strata: np.ndarray
    stratum_labels: np.ndarray
    registered: np.ndarray
    offsets: np.ndarray
    votes: Mapping[str, np.ndarray] = field(default_factory=dict)

    @property
    def n_stations(self) -> int:
        return int(self.ids.size)

    @property
    def n_strata(self) -> int:
        return int(self.stratum_labels.size)

    @property
    def stratum_sizes(self) -> np.ndarray:
        """Number of stations ``N_h`` in each stratum."""
        return np.diff(self.offsets)

    def stratum_totals(self, values: np.ndarray) -> np.ndarray:
        """Sum of a per-station array (frame order) within each stratum."""
        return np.bincount(self.strata, weights=values, minlength=self.n_strata)


def build_frame(
    ids: Sequence | np.ndarray,
    strata: Sequence | np.ndarray,
    registered: Sequence | np.ndarray,
    votes: Mapping[str, Sequence | np.ndarray] | None = None,
) -> SamplingFrame:
    """Build a frame from station columns (any order; ids must be unique).

    Returns the frame in canonical (stratum, id) order with read-only arrays.
    Raises ``ValueError`` on duplicate ids, unequal lengths or negative
    registered counts.
    """
    ids = np.asarray(ids)
    labels, codes = np.unique(np.asarray(strata), return_inverse=True)
    registered = np.asarray(registered, dtype=np.float64)
    votes = {k: np.asarray(v, dtype=np.float64) for k, v in (votes or {}).items()}
    n = ids.size
    if codes.size != n or registered.size != n or any(v.size != n for v in votes.values()):
        raise ValueError("frame columns must all have one value per station")
    if np.unique(ids).size != n:
        raise ValueError("station ids in the frame are not unique")
    if np.any(registered < 0) or np.any(np.isnan(registered)):
        raise ValueError("registered voters must be non-negative numbers")
    order = np.lexsort((ids, codes))
    codes = codes[order]
    offsets = np.concatenate(([0], np.cumsum(np.bincount(codes, minlength=labels.size))))
    return SamplingFrame(
        ids=_readonly(ids[order]),
        strata=_readonly(codes.astype(np.int64)),
        stratum_labels=_readonly(labels),
        registered=_readonly(registered[order]),
        offsets=_readonly(offsets.astype(np.int64)),
        votes=MappingProxyType({k: _readonly(v[order]) for k, v in votes.items()}),
    )


def frame_from_table(
    table,
    *,
    id_column: str,
    stratum_column: str,
    registered_column: str,
    vote_columns: Sequence[str] = (),
) -> SamplingFrame:
    """Build a frame from a Polars DataFrame (or any mapping of columns)."""
    column = (lambda name: np.asarray(table[name].to_numpy())) if hasattr(table, "schema") else (
        lambda name: np.asarray(table[name])
    )
    return build_frame(
        column(id_column),
        column(stratum_column),
        column(registered_column),
        {name: column(name) for name in vote_columns},
    )


def allocate(stratum_sizes: np.ndarray, n: int, *, min_per_stratum: int = 2) -> np.ndarray:
    """Split ``n`` stations over strata proportionally to their sizes.

    Each stratum gets at least ``min(min_per_stratum, N_h)`` stations (two
    are needed to estimate a within-stratum variance) and at most ``N_h``;
    the rest is rounded by largest remainder so the sizes add up to ``n``.
    Raises ``ValueError`` if ``n`` is below the minimum total or above the
    frame size.
    """
    sizes = np.asarray(stratum_sizes, dtype=np.int64)
    floor = np.minimum(sizes, min_per_stratum)
    if n < floor.sum() or n > sizes.sum():
        raise ValueError(
            f"cannot allocate {n} stations: need between {int(floor.sum())} "
            f"(minimum per stratum) and {int(sizes.sum())} (frame size)"
        )
    quota = n * sizes / sizes.sum()
    alloc = np.clip(np.floor(quota).astype(np.int64), floor, sizes)
    while (gap := n - int(alloc.sum())) != 0:
        if gap > 0:
            room = np.flatnonzero(alloc < sizes)
            rank = room[np.argsort(-(quota[room] - alloc[room]), kind="stable")]
            alloc[rank[:gap]] += 1
        else:
            room = np.flatnonzero(alloc > floor)
            rank = room[np.argsort(-(alloc[room] - quota[room]), kind="stable")]
            alloc[rank[:-gap]] -= 1
    return alloc


@dataclass(frozen=True)
class StratifiedSample:
    """A drawn sample: frame positions grouped by stratum, and how to redraw it.

    ``positions`` index the frame (canonical order); ``ids`` and ``strata``
    (codes) are the sampled stations' ids and strata in the same order.
    Redrawing with ``draw_sample(frame, sizes=sample.sizes, seed=sample.seed)``
    gives the same stations.
    """

    seed: int
    sizes: np.ndarray
    positions: np.ndarray
    ids: np.ndarray
    strata: np.ndarray
    bit_generator: str = BIT_GENERATOR

    @property
    def n(self) -> int:
        return int(self.positions.size)


def new_seed() -> int:
    """A fresh 128-bit seed from the operating system, to be recorded."""
    return int(np.random.SeedSequence().entropy)


def draw_positions(
    frame: SamplingFrame, sizes: np.ndarray, rng: np.random.Generator, replicates: int = 1
) -> np.ndarray:
    """Draw ``replicates`` independent stratified samples at once.

    Returns an integer array of shape ``(replicates, sizes.sum())`` of frame
    positions; within each row stratum ``h`` occupies the same columns
    (``cumsum(sizes)`` blocks), so per-stratum sums can be taken with
    ``np.add.reduceat`` across all replicates together.
    """
    sizes = np.asarray(sizes, dtype=np.int64)
    if sizes.size != frame.n_strata or np.any(sizes < 0) or np.any(sizes > frame.stratum_sizes):
        raise ValueError("sample sizes must be given for every stratum, 0 <= n_h <= N_h")
    starts = frame.offsets[:-1]
    take = np.repeat(starts - np.concatenate(([0], np.cumsum(sizes)[:-1])), sizes)
    take = take + np.arange(int(sizes.sum()))
    codes = frame.strata.astype(np.float64)
    out = np.empty((replicates, take.size), dtype=np.int64)
    for r in range(replicates):
        # Stratum code + U(0,1) sorts strata in block order and shuffles
        # within each block; the first n_h of each block are the sample.
        order = np.argsort(codes + rng.random(codes.size), kind="quicksort")
        out[r] = order[take]
    return out


def draw_sample(
    frame: SamplingFrame,
    *,
    n: int | None = None,
    sizes: Sequence[int] | np.ndarray | None = None,
    seed: int | None = None,
    min_per_stratum: int = 2,
) -> StratifiedSample:
    """Draw a stratified simple random sample of stations without replacement.

    Give either ``n`` (proportional allocation, see :func:`allocate`) or
    per-stratum ``sizes`` (in stratum-code order). Without ``seed`` a fresh one
    is generated; either way it is recorded in the result.
    """
    if (n is None) == (sizes is None):
        raise ValueError("give exactly one of n or sizes")
    if sizes is None:
        sizes = allocate(frame.stratum_sizes, int(n), min_per_stratum=min_per_stratum)
    sizes = np.asarray(sizes, dtype=np.int64)
    seed = new_seed() if seed is None else int(seed)
    positions = draw_positions(frame, sizes, np.random.default_rng(seed), 1)[0]
    log.info("drew %d stations in %d strata with seed %d", positions.size, sizes.size, seed)
    return StratifiedSample(
        seed=seed,
        sizes=_readonly(sizes),
        positions=_readonly(positions),
        ids=_readonly(frame.ids[positions]),
        strata=_readonly(frame.strata[positions]),
    )
