"""Reproducible chunked Monte-Carlo on threads.

Replicates are cut into fixed-size chunks; chunk ``k`` always gets the k-th
child of the seed sequence, so results do not depend on the number of
threads. NumPy's binomial and integer samplers release the GIL, so threads
use every core.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def seed_sequence(seed: int | np.random.SeedSequence | None) -> np.random.SeedSequence:
    if isinstance(seed, np.random.SeedSequence):
        return seed
    return np.random.SeedSequence(seed)


def run_chunks(
    seed: int | np.random.SeedSequence | None,
    replicates: int,
    chunk: int,
    task: Callable[[np.random.Generator, int], object],
) -> list:
    """Call ``task(rng, size)`` for each chunk of replicates; results in order."""
    sizes = [min(chunk, replicates - start) for start in range(0, replicates, chunk)]
    children = seed_sequence(seed).spawn(len(sizes))
    jobs = [(np.random.default_rng(s), size) for s, size in zip(children, sizes, strict=True)]
    n = min(workers(), len(jobs))
    if n <= 1:
        return [task(rng, size) for rng, size in jobs]
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda job: task(*job), jobs))
