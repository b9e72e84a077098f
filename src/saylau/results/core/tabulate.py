"""Tabulation: sum protocols up the tree of units and find discrepancies.

Units (stations, districts, regions, the nation) form a tree given by each
unit's parent id. Station protocols sit at the leaves; each higher unit has its
own official protocol, which should equal the sum of its children's official
protocols. All sums are vectorised: one ``np.bincount`` per tree level and
line, so a million stations take well under a second.

Assumptions: values are vote or ballot counts (exact in float64 up to 2**53);
a missing protocol or line is NaN; differences are reported when
``|official - expected| > tolerance`` (default 0, i.e. exact).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from saylau.results.core.checks import as_columns


@dataclass(frozen=True)
class Tree:
    """Units and their parents: ``parent[i]`` is the position of unit ``i``'s
    parent (-1 for a root); ``depth`` is 0 for roots; ``is_leaf`` marks units
    without children (stations)."""

    ids: np.ndarray
    parent: np.ndarray
    depth: np.ndarray
    is_leaf: np.ndarray

    @property
    def n_units(self) -> int:
        return int(self.ids.size)


def _positions(ids: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``wanted`` in ``ids`` (unique) and a found mask."""
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    at = np.clip(np.searchsorted(sorted_ids, wanted), 0, max(ids.size - 1, 0))
    found = sorted_ids[at] == wanted if ids.size else np.zeros(wanted.size, bool)
    return order[at], found


def build_tree(
    unit_ids: Sequence | np.ndarray,
    parent_ids: Sequence | np.ndarray,
    *,
    root_parent=-1,
) -> Tree:
    """Build a tree from unit ids and their parents' ids.

    A unit whose parent id equals ``root_parent`` (default -1) or is None is
    a root. Raises ``ValueError`` on duplicate ids, unknown parents or cycles.
    """
    ids = np.asarray(unit_ids)
    parents = np.asarray(parent_ids)
    ordered = np.sort(ids)
    if ids.size and np.any(ordered[1:] == ordered[:-1]):
        raise ValueError("unit ids are not unique")
    if parents.dtype == object:
        root = np.array([p is None or p == root_parent for p in parents], dtype=bool)
    else:
        root = parents == root_parent
    lookup = parents.copy()
    if ids.size:
        lookup[root] = ids[0]
    pos, found = _positions(ids, lookup.astype(ids.dtype) if lookup.dtype == object else lookup)
    if np.any(~found & ~root):
        bad = parents[~found & ~root][:5].tolist()
        raise ValueError(f"unknown parent ids: {bad}")
    parent = np.where(root, -1, pos).astype(np.int64)
    depth = np.zeros(ids.size, dtype=np.int64)
    known = root.copy()
    for _ in range(ids.size + 1):
        if known.all():
            break
        step = ~known & known[np.maximum(parent, 0)]
        depth[step] = depth[parent[step]] + 1
        known |= step
        if not step.any():
            raise ValueError("the parent ids contain a cycle")
    children = np.bincount(parent[parent >= 0], minlength=ids.size)
    return Tree(ids=ids, parent=parent, depth=depth, is_leaf=children == 0)


def sum_up(tree: Tree, station_lines) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Sum the leaves' protocol lines into every unit of the tree.

    ``station_lines``: dict of arrays or Polars DataFrame, one value per unit
    (values of non-leaf units are ignored). Returns ``(totals, missing)``:
    per line the sum over the stations below each unit (a leaf's own value),
    with NaN counted as 0, and per unit the number of stations below it with
    at least one missing line.
    """
    cols = as_columns(station_lines)
    leaf = tree.is_leaf
    totals = {k: np.where(leaf & ~np.isnan(a), a, 0.0) for k, a in cols.items()}
    missing = np.zeros(tree.n_units)
    for a in cols.values():
        missing = np.maximum(missing, (leaf & np.isnan(a)).astype(float))
    for d in range(int(tree.depth.max(initial=0)), 0, -1):
        at = np.flatnonzero(tree.depth == d)
        up = tree.parent[at]
        for k in totals:
            totals[k] += np.bincount(up, weights=totals[k][at], minlength=tree.n_units)
        missing += np.bincount(up, weights=missing[at], minlength=tree.n_units)
    return totals, missing.astype(np.int64)


@dataclass(frozen=True)
class Discrepancies:
    """Every line where an official figure differs from the expected one.

    Parallel arrays: ``unit`` (id), ``line`` (name), ``official``,
    ``expected``, ``difference = official - expected``; ``missing`` holds,
    per row, the number of expected parts that were missing (child protocols
    for tiers; 0 for copies). ``unmatched`` lists unit ids that could not be
    compared at all (no counterpart).
    """

    unit: np.ndarray
    line: np.ndarray
    official: np.ndarray
    expected: np.ndarray
    difference: np.ndarray
    missing: np.ndarray
    unmatched: np.ndarray

    def __len__(self) -> int:
        return int(self.unit.size)

    def to_polars(self):
        """The rows as a Polars DataFrame."""
        import polars as pl

        return pl.DataFrame({
            "unit": self.unit, "line": self.line, "official": self.official,
            "expected": self.expected, "difference": self.difference,
            "missing": self.missing,
        })


def _collect(ids, lines, official, expected, missing, tolerance, unmatched) -> Discrepancies:
    parts = []
    for k in lines:
        off, exp = official[k], expected[k]
        bad = np.flatnonzero(~np.isnan(off) & ~np.isnan(exp) & (np.abs(off - exp) > tolerance))
        parts.append((ids[bad], np.full(bad.size, k, dtype=object), off[bad], exp[bad],
                      missing[k][bad] if isinstance(missing, dict) else missing[bad]))
    if not parts:
        parts = [(ids[:0], np.array([], dtype=object), np.array([]), np.array([]),
                  np.array([], dtype=np.int64))]
    unit, line, off, exp, miss = (np.concatenate(p) for p in zip(*parts, strict=True))
    return Discrepancies(unit, line, off, exp, off - exp, miss.astype(np.int64),
                         np.asarray(unmatched))


def compare_with_children(tree: Tree, official_lines, *, tolerance: float = 0) -> Discrepancies:
    """Compare each non-leaf unit's official protocol with its children's sum.

    ``official_lines``: one official value per unit and line (NaN where a unit
    has no protocol). A unit without its own protocol is listed in
    ``unmatched``; children without one are left out of the sum and counted
    in ``missing``.
    """
    cols = as_columns(official_lines)
    inner = np.flatnonzero(~tree.is_leaf)
    child = np.flatnonzero(tree.parent >= 0)
    up = tree.parent[child]
    expected, missing = {}, {}
    for k, a in cols.items():
        v = a[child]
        gap = np.isnan(v)
        expected[k] = np.bincount(up, weights=np.where(gap, 0.0, v), minlength=tree.n_units)
        missing[k] = np.bincount(up, weights=gap, minlength=tree.n_units)
    no_protocol = np.zeros(tree.n_units, dtype=bool)
    for a in cols.values():
        no_protocol |= np.isnan(a)
    sub = {k: a[inner] for k, a in cols.items()}
    result = _collect(tree.ids[inner], list(cols), sub,
                      {k: e[inner] for k, e in expected.items()},
                      {k: m[inner] for k, m in missing.items()},
                      tolerance, tree.ids[inner[no_protocol[inner]]])
    return result


def compare_copies(
    official_ids: Sequence | np.ndarray,
    official_lines,
    observer_ids: Sequence | np.ndarray,
    observer_lines,
    *,
    tolerance: float = 0,
) -> Discrepancies:
    """Compare official station protocols with observers' copies of them.

    Rows are matched on station id (each side's ids unique); lines present
    on both sides are compared. ``expected`` is the observer's figure. Ids
    present on one side only are listed in ``unmatched``.
    """
    a_ids, b_ids = np.asarray(official_ids), np.asarray(observer_ids)
    a, b = as_columns(official_lines), as_columns(observer_lines)
    lines = [k for k in a if k in b]
    pos, found = _positions(b_ids, a_ids)
    ia = np.flatnonzero(found)
    ib = pos[found]
    only_b = np.setdiff1d(b_ids, a_ids, assume_unique=True)  # each side's ids are unique
    unmatched = np.concatenate([a_ids[~found], only_b])
    return _collect(a_ids[ia], lines, {k: a[k][ia] for k in lines},
                    {k: b[k][ib] for k in lines}, np.zeros(ia.size), tolerance, unmatched)


def to_mapping(totals: Mapping[str, np.ndarray], tree: Tree, unit) -> dict[str, float]:
    """The totals of one unit (by id), e.g. the national sum, as a dict."""
    pos, found = _positions(tree.ids, np.asarray([unit]))
    if not found[0]:
        raise KeyError(unit)
    return {k: float(v[pos[0]]) for k, v in totals.items()}
