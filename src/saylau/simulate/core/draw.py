"""Small exact-allocation helpers shared by the simulation's modules."""

from __future__ import annotations

import numpy as np


def allocate(total: int, weights, minimum: int = 0) -> np.ndarray:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder).

    Every share gets at least ``minimum`` when ``total`` allows it; the parts
    always add up to ``total`` exactly.
    """
    weights = np.asarray(weights, dtype=float)
    n = len(weights)
    base = np.full(n, minimum if total >= minimum * n else 0, dtype=np.int64)
    rest = total - base.sum()
    if rest <= 0 or weights.sum() <= 0:
        return base
    exact = weights / weights.sum() * rest
    floor = np.floor(exact).astype(np.int64)
    short = rest - floor.sum()
    order = np.argsort(-(exact - floor), kind="stable")
    floor[order[:short]] += 1
    return base + floor


def exact_choice(rng: np.random.Generator, n: int, k: int, weights=None) -> np.ndarray:
    """Boolean mask with exactly ``min(k, n)`` true entries, drawn without replacement.

    With ``weights``, entries are drawn with probability proportional to them
    (zero weight is never drawn, so fewer than ``k`` may be true).
    """
    mask = np.zeros(n, dtype=bool)
    if weights is None:
        k = min(k, n)
        mask[rng.choice(n, size=k, replace=False)] = True
        return mask
    weights = np.asarray(weights, dtype=float)
    k = min(k, int((weights > 0).sum()))
    if k <= 0:
        return mask
    # Efraimidis-Spirakis: the k largest u^(1/w) are a weighted sample without replacement.
    with np.errstate(divide="ignore"):
        keys = np.where(weights > 0, np.log(rng.random(n)) / np.where(weights > 0, weights, 1), -np.inf)
    mask[np.argpartition(-keys, k - 1)[:k]] = True
    return mask


def labels_exact(rng: np.random.Generator, n: int, shares: list[tuple[str, float]]) -> np.ndarray:
    """``n`` labels whose counts match ``shares`` exactly (largest remainder), shuffled."""
    counts = allocate(n, [s for _, s in shares])
    labels = np.repeat(np.array([name for name, _ in shares], dtype=object), counts)
    rng.shuffle(labels)
    return labels


def scaled(count: float, scale: float) -> int:
    return int(round(count * scale))
