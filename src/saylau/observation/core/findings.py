"""Findings: declarative metrics evaluated over all submissions at once.

A :class:`Metric` says which form and question it reads, what counts (``kind``),
what its numbers count (``unit``) and how rows are sampled (``per``).
:func:`evaluate` runs it over a Polars frame of submissions, one row per
submission, with columns ``submission_id, form, station_code, region_code,
urban, hour`` and one column per question (select answers as text, integers as
numbers); optional ``submitted_at`` orders visits.

Kinds:

* ``share_negative_assessment`` -- numerator: answers in ``values`` (default
  ``bad very_bad``); denominator: answered.
* ``count_incident`` -- the same count, reported as a number of places
  ("ballot stuffing was observed in 28 polling stations").
* ``n_of_m`` -- answers in ``values`` out of answered (any question).
* ``total`` -- sum of an integer question (no interval). It counts what the
  question counts (``unit="protocols"``); its denominator counts the places or
  observations that reported it, so it is printed as a count with that
  context, never as a share.
* ``ratio`` -- sum of ``question`` over sum of ``denominator_question`` among
  rows answering both (women among PEC members: ``unit="members"``); the
  interval treats each person as a trial, ignoring clustering by station, so it
  is too narrow.

Sampling (``per``): ``observation`` counts every submission; ``place`` counts
distinct places (``station_code``, or ``dec_code`` for tabulation): a place
visited more than once counts once, **by its latest visit that answered the
question** (ordered by ``submitted_at`` if the frame has it, else ``hour``, then
frame order). Grouped findings deduplicate within each group, so a station
visited at 9 and at 14 counts once in each hour. The units ``observations`` and
``stations`` count the sampled rows themselves and imply ``per``.

A metric whose numerator and denominator would count different things is
refused when it is defined (:meth:`Metric.__post_init__` raises ValueError).

``evaluate(..., ids=True)`` also returns the submission ids it counted, by the
same code path (the dashboards' drill-down lists them); ``review=`` records on
each finding which review statuses the frame was read with
(:class:`ReviewFilter`, from ``saylau.observation.selectors.findings_frame``).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl

from saylau.observation.core.sentences import render

log = logging.getLogger(__name__)

Kind = Literal["share_negative_assessment", "count_incident", "n_of_m", "total", "ratio"]
Unit = Literal["observations", "stations", "members", "protocols"]
Per = Literal["observation", "place"]
Style = Literal["percent", "proportion", "count"]
KINDS: tuple[str, ...] = ("share_negative_assessment", "count_incident", "n_of_m", "total", "ratio")
UNITS: tuple[str, ...] = ("observations", "stations", "members", "protocols")
STYLES: tuple[str, ...] = ("percent", "proportion", "count")
#: The kinds that count rows: answers in ``values`` out of the rows that answered.
ROW_KINDS = ("share_negative_assessment", "count_incident", "n_of_m")
#: The units that count the sampled rows themselves, and the sampling each implies.
ROW_UNITS: dict[str, Per] = {"stations": "place", "observations": "observation"}
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

    ``unit`` is what the numerator counts (and, for a share, the denominator):
    ``stations`` or ``observations`` for the row kinds, the things the answers
    count (``members``, ``protocols``) for ``ratio`` and ``total``. ``per``
    (``place`` or ``observation``) says how rows are sampled; it follows from
    ``stations``/``observations`` and must be given for the other units.
    """

    id: str
    form: str
    kind: Kind
    question: str
    unit: Unit = "stations"
    values: tuple[str, ...] = ()
    filters: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    style: Style = "percent"
    phrase: tuple[tuple[str, str], ...] = ()
    denominator_question: str = ""
    per: Per | None = None

    def __post_init__(self) -> None:
        problems = incoherence(self)
        if problems:
            raise ValueError(f"metric {self.id!r} is refused: " + "; ".join(problems))

    @property
    def sample(self) -> Per:
        """How rows are sampled: ``place`` (each place once, by its latest
        answering visit) or ``observation`` (every submission)."""
        return self.per or ROW_UNITS[self.unit]

    @property
    def place(self) -> str:
        """The column that names a place: dec_code for tabulation, else station_code."""
        return "dec_code" if self.form == "tabulation" else "station_code"

    @property
    def counted_values(self) -> tuple[str, ...]:
        if self.values:
            return self.values
        return ("bad", "very_bad") if self.kind == "share_negative_assessment" else ("yes",)

    @property
    def is_share(self) -> bool:
        """Whether numerator over denominator is a share worth printing (not for a total)."""
        return self.kind != "total"


def incoherence(metric: Metric) -> list[str]:
    """Why ``metric`` would print a wrong number: its kind, unit, sampling and
    style disagree on what the numerator and denominator count. Empty if coherent."""
    m = metric
    for name, value, allowed in (("kind", m.kind, KINDS), ("unit", m.unit, UNITS),
                                 ("style", m.style, STYLES)):
        if value not in allowed:
            return [f"{name} {value!r} is not one of {', '.join(allowed)}"]
    out: list[str] = []
    sample = m.per or ROW_UNITS.get(m.unit)
    rows = "places" if sample == "place" else "observations"
    if m.per not in (None, "observation", "place"):
        out.append(f"per {m.per!r} is not 'place' or 'observation'")
    elif m.unit in ROW_UNITS and m.per is not None and m.per != ROW_UNITS[m.unit]:
        out.append(f"unit {m.unit} counts {ROW_UNITS[m.unit]}s, but per={m.per!r}")
    elif m.unit not in ROW_UNITS and m.per is None:
        out.append(f"unit {m.unit} is counted from the answers: say per='place' or "
                   f"per='observation' (how the answering rows are sampled)")
    if m.kind in ROW_KINDS and m.unit not in ROW_UNITS:
        out.append(f"{m.kind} counts rows (answers in values out of answered rows), so its "
                   f"numerator and denominator count stations or observations, not {m.unit}")
    if m.kind == "ratio":
        if not m.denominator_question:
            out.append("a ratio needs denominator_question")
        if m.unit in ROW_UNITS:
            out.append(f"a ratio sums {m.question} over {m.denominator_question or '?'}: both "
                       f"count what the answers count (e.g. members), not {m.unit}")
        if m.style == "count":
            out.append("a ratio is a share: style must be percent or proportion")
    elif m.denominator_question:
        out.append(f"denominator_question is read only by a ratio, not by {m.kind}")
    if m.kind == "total":
        if m.unit in ROW_UNITS:
            out.append(f"a total sums the answers to {m.question}: it counts what they count "
                       f"(e.g. protocols), not {m.unit}")
        if m.style != "count":
            out.append(f"a total of {m.unit} over the {rows} that reported it divides different "
                       f"things: it is printed as a count (style='count'), never as a share")
    if m.kind == "count_incident" and m.style != "count":
        out.append("count_incident is printed as a count: style must be 'count' "
                   "(n_of_m prints the same count as a share)")
    if m.kind in ("total", "ratio") and m.values:
        out.append(f"values are not read by a {m.kind}")
    return out


@dataclass(frozen=True)
class ReviewFilter:
    """The review statuses of the submissions a frame was read with, as the
    selector that read it applied them: ``statuses`` read and counted,
    ``excluded`` stored but left out (rejected always are)."""

    statuses: tuple[str, ...]
    excluded: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A metric's result for one group (``group`` is None for the whole frame).

    ``share`` is numerator/denominator (NaN if the denominator is 0, and for a
    ``total``, which is a count); ``low`` and ``high`` the Wilson 95% score
    interval (NaN for ``total``). ``review`` is the review filter of the frame
    it was computed from (None if the frame was not read from reviewed
    submissions, e.g. a simulation). ``numerator_ids`` and ``denominator_ids``
    are the submission ids counted (sorted), when :func:`evaluate` was asked
    for them: for ``total`` and ``ratio`` the numerator ids are the rows with a
    value other than zero (the numerator is the sum of their values).
    """

    metric: Metric
    group: tuple[str, Any] | None
    numerator: int
    denominator: int
    low: float
    high: float
    review: ReviewFilter | None = None
    numerator_ids: tuple[Any, ...] | None = field(default=None, repr=False, compare=False)
    denominator_ids: tuple[Any, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def unit(self) -> Unit:
        return self.metric.unit

    @property
    def is_share(self) -> bool:
        return self.metric.is_share

    @property
    def share(self) -> float:
        if not self.is_share or not self.denominator:
            return math.nan
        return self.numerator / self.denominator

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


def _place(metric: Metric, names: Sequence[str]) -> str:
    return metric.place if metric.place in names else "station_code"


#: the column :func:`with_visit_order` adds: each row's rank in visit order
VISIT = "_visit"


def with_visit_order(frame: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """``frame`` with :data:`VISIT`, each row's rank in visit order: by
    ``submitted_at`` if the frame has it, else ``hour``, then frame order.
    :func:`evaluate_all` adds it once for every metric; :func:`evaluate` adds it
    to a frame without it."""
    lazy = frame.lazy()
    order = [c for c in ("submitted_at", "hour") if c in lazy.collect_schema().names()]
    if not order:
        return lazy.with_row_index(VISIT)
    return lazy.with_columns(pl.arg_sort_by(order, maintain_order=True).arg_sort().alias(VISIT))


def _counted(metric: Metric) -> pl.Expr:
    """Whether a (sampled) row is counted in the numerator: its answer is in
    ``values``; for ``total`` and ``ratio``, its value is not zero."""
    q = pl.col(metric.question)
    if metric.kind in ("total", "ratio"):
        return q.cast(pl.Int64, strict=False).fill_null(0) != 0
    return q.cast(pl.Utf8).is_in(list(metric.counted_values))


def evaluate(metric: Metric, frame: pl.DataFrame | pl.LazyFrame, by: str | None = None, *,
             review: ReviewFilter | None = None, ids: bool = False) -> list[Finding]:
    """The metric over ``frame``, whole (``by=None``) or per value of ``by``
    (``region_code``, ``urban`` or ``hour``; any column works). Groups come out
    sorted by value; a group with no answers does not appear.

    ``review`` is recorded on every finding (the filter the frame was read
    with). ``ids=True`` also fills ``numerator_ids`` and ``denominator_ids``
    with the submission ids counted, from the same rows as the numbers.
    A place's latest visit is its row ranked last by :data:`VISIT`
    (:func:`with_visit_order`)."""
    if VISIT not in frame.lazy().collect_schema().names():
        frame = with_visit_order(frame)
    base = _base(metric, frame)
    if base is None:
        empty = ((), ()) if ids else (None, None)
        return [_finding(metric, None, 0, 0, review, *empty)] if by is None else []
    names = base.collect_schema().names()
    keys = [by] if by else []
    if metric.sample == "place":
        kept = [metric.question, *_extra(metric), *(["submission_id"] if ids else [])]
        latest = pl.col(VISIT).arg_max()
        base = base.group_by([*keys, _place(metric, names)]).agg(pl.col(*kept).get(latest))
    q = pl.col(metric.question)
    denominator = pl.len()
    if metric.kind in ("total", "ratio"):
        numerator = q.cast(pl.Int64, strict=False).fill_null(0).sum()
        if metric.kind == "ratio":
            denominator = pl.col(metric.denominator_question).cast(pl.Int64, strict=False).sum()
    else:
        numerator = _counted(metric).sum()
    aggs = [numerator.alias("numerator"), denominator.alias("denominator")]
    if ids:
        sid = pl.col("submission_id")
        listed = [sid.filter(_counted(metric)).sort().alias("numerator_ids"),
                  sid.sort().alias("denominator_ids")]
        aggs += listed if keys else [e.implode() for e in listed]
    if keys:
        result = base.group_by(keys).agg(aggs).sort(keys).collect()
        return [_finding(metric, (by, row[by]), row["numerator"], row["denominator"], review,
                         *_ids(row, ids)) for row in result.iter_rows(named=True)]
    row = base.select(aggs).collect().row(0, named=True)
    return [_finding(metric, None, row["numerator"] or 0, row["denominator"] or 0, review,
                     *_ids(row, ids))]


def _extra(metric: Metric) -> list[str]:
    return [metric.denominator_question] if metric.denominator_question else []


def _ids(row: dict[str, Any], wanted: bool) -> tuple[tuple[Any, ...] | None, tuple[Any, ...] | None]:
    if not wanted:
        return None, None
    return tuple(row["numerator_ids"] or ()), tuple(row["denominator_ids"] or ())


def _finding(metric: Metric, group: tuple[str, Any] | None, numerator: int, denominator: int,
             review: ReviewFilter | None = None, numerator_ids: tuple[Any, ...] | None = None,
             denominator_ids: tuple[Any, ...] | None = None) -> Finding:
    if metric.kind == "total" or not 0 <= numerator <= denominator:
        low = high = math.nan
    else:
        low, high = wilson_interval(int(numerator), int(denominator))
    return Finding(metric, group, int(numerator), int(denominator), low, high, review,
                   numerator_ids, denominator_ids)


def evaluate_all(frame: pl.DataFrame | pl.LazyFrame, metrics: Sequence[Metric] | None = None,
                 by: str | None = None, *, review: ReviewFilter | None = None,
                 ids: bool = False) -> list[Finding]:
    """Every metric (default: :data:`BUILTIN_METRICS`) over ``frame``, in metric order
    (visits ranked once, :func:`with_visit_order`, not once per metric)."""
    from saylau.observation.core.metrics import BUILTIN_METRICS

    lazy = with_visit_order(frame).collect().lazy()
    findings: list[Finding] = []
    for metric in metrics if metrics is not None else BUILTIN_METRICS:
        findings.extend(evaluate(metric, lazy, by, review=review, ids=ids))
    return findings
