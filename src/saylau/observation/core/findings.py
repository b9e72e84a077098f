"""Findings: declarative metrics evaluated over all submissions at once.

A :class:`Metric` says which form and question it reads, what counts (``kind``),
and its unit. :func:`evaluate` runs it over a Polars frame of submissions, one
row per submission, with columns ``submission_id, form, station_code,
region_code, urban, hour`` and one column per question (select answers as text,
integers as numbers); optional ``submitted_at`` orders visits.

Kinds:

* ``share_negative_assessment`` -- numerator: answers in ``values`` (default
  ``bad very_bad``); denominator: answered.
* ``count_incident`` -- the same count, reported as a number of places
  ("ballot stuffing was observed in 28 polling stations").
* ``n_of_m`` -- answers in ``values`` out of answered (any question).
* ``total`` -- sum of an integer question (no interval).
* ``ratio`` -- sum of ``question`` over sum of ``denominator_question`` among
  rows answering both (women among PEC members); the interval treats each
  person as a trial, ignoring clustering by station, so it is too narrow.

Units: ``observations`` counts every submission. ``stations`` counts distinct
places (``station_code``, or ``dec_code`` for tabulation): a place visited more
than once counts once, **by its latest visit that answered the question**
(ordered by ``submitted_at`` if the frame has it, else ``hour``, then frame
order). Grouped findings deduplicate within each group, so a station visited at
9 and at 14 counts once in each hour.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from saylau.observation.core.sentences import render

log = logging.getLogger(__name__)

Kind = Literal["share_negative_assessment", "count_incident", "n_of_m", "total", "ratio"]
Unit = Literal["observations", "stations"]
GROUPINGS = ("region_code", "urban", "hour")
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Metric:
    """One finding's definition.

    ``phrase`` holds the event in each language, as :mod:`sentences` composes
    it: ``(("en", "Ballot stuffing was observed"), ("ru", "наблюдался вброс
    бюллетеней"), ("kk", "бюллетеньдерді заңсыз салу байқалды"))``. ``style``
    is ``percent``, ``proportion`` (a simple fraction in words where one fits,
    else percent) or ``count``. ``filters`` keep rows whose column is in the
    given values, e.g. ``(("urban", (True,)),)``.
    """

    id: str
    form: str
    kind: Kind
    question: str
    unit: Unit = "stations"
    values: tuple[str, ...] = ()
    filters: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    style: Literal["percent", "proportion", "count"] = "percent"
    phrase: tuple[tuple[str, str], ...] = ()
    denominator_question: str = ""

    @property
    def place(self) -> str:
        """The column that names a place: dec_code for tabulation, else station_code."""
        return "dec_code" if self.form == "tabulation" else "station_code"

    @property
    def counted_values(self) -> tuple[str, ...]:
        if self.values:
            return self.values
        return ("bad", "very_bad") if self.kind == "share_negative_assessment" else ("yes",)


@dataclass(frozen=True)
class Finding:
    """A metric's result for one group (``group`` is None for the whole frame).

    ``share`` is numerator/denominator (NaN if the denominator is 0); ``low`` and
    ``high`` the Wilson 95% score interval (NaN for ``total``).
    """

    metric: Metric
    group: tuple[str, Any] | None
    numerator: int
    denominator: int
    low: float
    high: float

    @property
    def unit(self) -> Unit:
        return self.metric.unit

    @property
    def share(self) -> float:
        return self.numerator / self.denominator if self.denominator else math.nan

    def sentence(self, lang: str = "en") -> str:
        """The finding in house style in ``lang`` (en, ru, kk)."""
        return render(self, lang)


def wilson_interval(numerator: int, denominator: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion; (nan, nan) if denominator is 0."""
    if denominator <= 0:
        return math.nan, math.nan
    p = numerator / denominator
    z2n = z * z / denominator
    centre = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(p * (1 - p) / denominator + z * z / (4 * denominator**2))
    return max(0.0, centre - half), min(1.0, centre + half)


def _answered(column: str) -> pl.Expr:
    col = pl.col(column)
    return col.is_not_null() & (col.cast(pl.Utf8) != "")


def _base(metric: Metric, frame: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame | None:
    lazy = frame.lazy()
    names = lazy.collect_schema().names()
    needed = [metric.question, *(c for c, _ in metric.filters)]
    if metric.denominator_question:
        needed.append(metric.denominator_question)
    missing = [c for c in needed if c not in names]
    if missing:
        log.warning("metric %s: frame has no column %s", metric.id, ", ".join(missing))
        return None
    lazy = lazy.filter(pl.col("form") == metric.form)
    for column, allowed in metric.filters:
        lazy = lazy.filter(pl.col(column).is_in(list(allowed)))
    answered = _answered(metric.question)
    if metric.denominator_question:
        answered = answered & _answered(metric.denominator_question)
    return lazy.filter(answered)


def _place_and_order(metric: Metric, names: Sequence[str]) -> tuple[str, list[str]]:
    place = metric.place if metric.place in names else "station_code"
    order = [c for c in ("submitted_at", "hour") if c in names]
    return place, order


def evaluate(metric: Metric, frame: pl.DataFrame | pl.LazyFrame,
             by: str | None = None) -> list[Finding]:
    """The metric over ``frame``, whole (``by=None``) or per value of ``by``
    (``region_code``, ``urban`` or ``hour``; any column works). Groups come out
    sorted by value; a group with no answers does not appear."""
    base = _base(metric, frame)
    if base is None:
        return [_finding(metric, None, 0, 0)] if by is None else []
    names = base.collect_schema().names()
    keys = [by] if by else []
    if metric.unit == "stations":
        place, order = _place_and_order(metric, names)
        base = base.with_row_index("_row")
        base = (base.sort([*order, "_row"]) .group_by([*keys, place], maintain_order=True)
                .agg(pl.col(metric.question, *_extra(metric)).last()))
    q = pl.col(metric.question)
    denominator = pl.len()
    if metric.kind in ("total", "ratio"):
        numerator = q.cast(pl.Int64, strict=False).fill_null(0).sum()
        if metric.kind == "ratio":
            denominator = pl.col(metric.denominator_question).cast(pl.Int64, strict=False).sum()
    else:
        numerator = q.cast(pl.Utf8).is_in(list(metric.counted_values)).sum()
    aggs = [numerator.alias("numerator"), denominator.alias("denominator")]
    if keys:
        result = base.group_by(keys).agg(aggs).sort(keys).collect()
        return [_finding(metric, (by, row[by]), row["numerator"], row["denominator"])
                for row in result.iter_rows(named=True)]
    row = base.select(aggs).collect().row(0, named=True)
    return [_finding(metric, None, row["numerator"] or 0, row["denominator"] or 0)]


def _extra(metric: Metric) -> list[str]:
    return [metric.denominator_question] if metric.denominator_question else []


def _finding(metric: Metric, group: tuple[str, Any] | None, numerator: int,
             denominator: int) -> Finding:
    if metric.kind == "total" or not 0 <= numerator <= denominator:
        low = high = math.nan
    else:
        low, high = wilson_interval(int(numerator), int(denominator))
    return Finding(metric, group, int(numerator), int(denominator), low, high)


def evaluate_all(frame: pl.DataFrame | pl.LazyFrame, metrics: Sequence[Metric] | None = None,
                 by: str | None = None) -> list[Finding]:
    """Every metric (default: :data:`BUILTIN_METRICS`) over ``frame``, in metric order."""
    from saylau.observation.core.metrics import BUILTIN_METRICS

    lazy = frame.lazy()
    findings: list[Finding] = []
    for metric in metrics if metrics is not None else BUILTIN_METRICS:
        findings.extend(evaluate(metric, lazy, by))
    return findings
