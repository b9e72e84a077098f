"""Coverage analysis of coded items: shares with their numerator and denominator.

The input is a Polars frame of coded items, one row per item as finally coded
(:data:`ITEM_SCHEMA`). Every share comes as ``numerator`` and ``denominator``
(whole seconds, square centimetres or words) and ``share`` = numerator /
denominator, so a figure can always say what it is a share of.

* :func:`coverage`: share of time or space per subject, within each outlet
  (and period), over the programme types and subjects asked for;
* :func:`tone`: tone within each subject (its positive, neutral and negative
  time as shares of the subject's time);
* :func:`paid_editorial`: paid advertising, free airtime and editorial
  coverage as shares of each outlet's coded time;
* :func:`report`: the whole set for a mission's dashboard and statement.

Shares within an outlet are in that outlet's unit; pooling outlets
(``within=()``) is refused unless every row has the same unit. Hours are
seconds / 3,600 (:func:`hours`). Pure: NumPy-free Polars, no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from saylau.media.core import codes

ITEM_SCHEMA: dict[str, pl.DataType] = {
    "item": pl.Utf8, "outlet": pl.Utf8, "period": pl.Utf8, "unit": pl.Utf8,
    "programme": pl.Utf8, "subject_kind": pl.Utf8, "subject_ref": pl.Utf8,
    "amount": pl.Int64, "tone": pl.Utf8, "speech": pl.Utf8, "language": pl.Utf8,
}
SUBJECT = ("subject_kind", "subject_ref")


def empty_items() -> pl.DataFrame:
    return pl.DataFrame(schema=ITEM_SCHEMA)


def hours(seconds: int | float) -> float:
    """Seconds as hours."""
    return seconds / 3600


@dataclass(frozen=True)
class Share:
    """One share as a fraction: what it counts (``numerator``) of what (``denominator``)."""

    numerator: int
    denominator: int

    @property
    def share(self) -> float:
        return self.numerator / self.denominator if self.denominator else float("nan")

    @property
    def percent(self) -> float:
        return 100 * self.share


def _select(items: pl.DataFrame, programmes: Sequence[str] | None,
            subject_kinds: Sequence[str] | None, within: Sequence[str]) -> pl.DataFrame:
    frame = items
    if programmes is not None:
        frame = frame.filter(pl.col("programme").is_in(list(programmes)))
    if subject_kinds is not None:
        frame = frame.filter(pl.col("subject_kind").is_in(list(subject_kinds)))
    if "outlet" not in within and frame["unit"].n_unique() > 1:
        units = ", ".join(sorted(frame["unit"].unique().to_list()))
        raise ValueError(f"cannot pool outlets measured in different units ({units}); "
                         "keep the outlet in `within` or select outlets of one unit")
    return frame


def _shares(frame: pl.DataFrame, by: Sequence[str], within: Sequence[str]) -> pl.DataFrame:
    by, within = list(by), list(within)
    parts = frame.group_by([*within, *by]).agg(numerator=pl.col("amount").sum())
    if within:
        totals = frame.group_by(within).agg(denominator=pl.col("amount").sum())
        out = parts.join(totals, on=within, how="left")
    else:
        out = parts.with_columns(denominator=pl.lit(int(frame["amount"].sum()), pl.Int64))
    out = out.with_columns(share=pl.col("numerator") / pl.col("denominator"))
    return out.sort([*within, "numerator", *by], descending=[False] * len(within) + [True]
                    + [False] * len(by))


def coverage(items: pl.DataFrame, *, programmes: Sequence[str] | None = None,
             subject_kinds: Sequence[str] | None = None,
             within: Sequence[str] = ("outlet",)) -> pl.DataFrame:
    """Each subject's share of the time or space of the items selected.

    Columns: ``within`` (default the outlet; add ``period`` for each period),
    ``subject_kind``, ``subject_ref``, ``numerator`` (the subject's amount),
    ``denominator`` (every selected item's amount in the same outlet and
    period), ``share``. ``programmes`` and ``subject_kinds`` select the items
    (None: all); the share of the candidates' news coverage is
    ``coverage(items, programmes=["news"], subject_kinds=["candidate"])``.
    """
    frame = _select(items, programmes, subject_kinds, within)
    return _shares(frame, SUBJECT, within)


def tone(items: pl.DataFrame, *, programmes: Sequence[str] | None = None,
         subject_kinds: Sequence[str] | None = None,
         within: Sequence[str] = ("outlet",)) -> pl.DataFrame:
    """Tone within each subject: columns ``within``, ``subject_kind``, ``subject_ref``,
    ``tone``, ``numerator`` (the subject's amount in that tone), ``denominator``
    (the subject's whole amount), ``share``. Tones a subject never had are absent."""
    frame = _select(items, programmes, subject_kinds, within)
    out = _shares(frame, ["tone"], [*within, *SUBJECT])
    return out.select([*within, *SUBJECT, "tone", "numerator", "denominator", "share"])


def paid_editorial(items: pl.DataFrame, *, within: Sequence[str] = ("outlet",)) -> pl.DataFrame:
    """Editorial coverage, paid advertising and free airtime as shares of each outlet's
    coded amount: columns ``within``, ``group`` (``editorial``, ``paid``, ``free``),
    ``numerator``, ``denominator``, ``share``."""
    frame = _select(items, None, None, within).with_columns(
        group=pl.col("programme").replace_strict(codes.PROGRAMME_GROUP, default="editorial"))
    return _shares(frame, ["group"], within)


def value(frame: pl.DataFrame, **keys: str) -> Share | None:
    """The :class:`Share` of the row of ``frame`` matching ``keys`` (None if there is none)."""
    rows = frame.filter(*(pl.col(k) == v for k, v in keys.items())) if keys else frame
    if rows.is_empty():
        return None
    if len(rows) > 1:
        raise ValueError(f"{len(rows)} rows match {keys}; name every grouping column")
    return Share(int(rows["numerator"][0]), int(rows["denominator"][0]))


def share_sum(frame: pl.DataFrame, column: str, values: Sequence[str], **keys: str) -> Share | None:
    """The rows of ``frame`` matching ``keys`` whose ``column`` is in ``values``, summed:
    "positive or neutral" is ``share_sum(t, "tone", ["positive", "neutral"], ...)``."""
    rows = frame.filter(*(pl.col(k) == v for k, v in keys.items())) if keys else frame
    if rows.is_empty():
        return None
    denominators = rows["denominator"].unique()
    if len(denominators) > 1:
        raise ValueError(f"the rows matching {keys} are shares of different wholes")
    numerator = int(rows.filter(pl.col(column).is_in(list(values)))["numerator"].sum())
    return Share(numerator, int(denominators[0]))


@dataclass(frozen=True, eq=False)
class MediaReport:
    """The analysis of one set of coded items.

    ``news``: each candidate's share of the candidates' news coverage per
    outlet, and ``news_tone`` its tone; ``editorial`` / ``editorial_tone``:
    every subject's share of editorial coverage per outlet; ``paid_editorial``
    per outlet; over the broadcasters pooled (seconds): ``paid`` (each
    subject's share of paid advertising), ``official_role`` (official-role
    coverage outside news, per subject) and ``official_tone``; ``outlets``:
    ``outlet``, ``unit`` and ``items`` coded.
    """

    news: pl.DataFrame
    news_tone: pl.DataFrame
    editorial: pl.DataFrame
    editorial_tone: pl.DataFrame
    paid_editorial: pl.DataFrame
    paid: pl.DataFrame
    official_role: pl.DataFrame
    official_tone: pl.DataFrame
    outlets: pl.DataFrame

    @property
    def empty(self) -> bool:
        return self.outlets.is_empty()


def report(items: pl.DataFrame, *, within: Sequence[str] = ("outlet",)) -> MediaReport:
    """Every table of :class:`MediaReport` from the coded items (one row per item)."""
    news = {"programmes": ["news"], "subject_kinds": ["candidate"], "within": within}
    editorial = {"programmes": list(codes.EDITORIAL), "within": within}
    broadcast = items.filter(pl.col("unit") == "seconds")
    official = {"programmes": ["official_role"], "within": ()}
    return MediaReport(
        news=coverage(items, **news), news_tone=tone(items, **news),
        editorial=coverage(items, **editorial), editorial_tone=tone(items, **editorial),
        paid_editorial=paid_editorial(items, within=within),
        paid=coverage(broadcast, programmes=["paid"], within=()),
        official_role=coverage(broadcast, **official), official_tone=tone(broadcast, **official),
        outlets=items.group_by("outlet").agg(unit=pl.col("unit").first(), items=pl.len())
        .sort("outlet"),
    )
