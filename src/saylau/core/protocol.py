"""The results protocol of a polling station: its lines, their labels, the
candidates' vote columns, and the arithmetic every published figure is built
from. One definition, used by results, observation, statement, forensics,
simulate and the web.

Lines. :data:`LINES` are the nine fixed lines, in the order every protocol
stores and shows them; some sources also carry the lines of
:data:`OPTIONAL_LINES` (the checks read them when present). The candidates'
votes follow as ``votes_<n>``, ``n`` the ballot number (:func:`vote_column`).
A frame of several protocols of one station (``official_*``, ``counted_*``
...) names its columns with a ``prefix``.

Arithmetic:

- **ballots issued** = the sum of the :data:`ISSUED_LINES` present (in the
  station + mobile + early); a line that is absent is left out of the sum.
  A line that is present but empty (null / NaN) counts as 0 where figures are
  added up (totals, station figures, quick count: ``null_as_zero=True``) and
  makes the sum unknown where one protocol is judged on its own (the
  arithmetic checks: ``null_as_zero=False``);
- **turnout** = ballots issued / registered voters; NaN without registered
  voters;
- **share** of a candidate = the candidate's votes / valid ballots; NaN
  without valid ballots.

Everything works on whole columns at once (Polars expressions, NumPy
arrays): no Python loop over protocols.

This module imports neither Django nor the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl

#: The fixed lines of every protocol, in the order they are stored and shown.
LINES = (
    "registered", "ballots_received", "issued_in_station", "issued_mobile", "issued_early",
    "cancelled", "found_in_boxes", "invalid", "valid",
)
#: The lines whose sum is the ballots issued.
ISSUED_LINES = ("issued_in_station", "issued_mobile", "issued_early")
#: Lines some sources carry besides :data:`LINES` (unused ballots; ballots
#: found in the stationary and mobile boxes apart).
OPTIONAL_LINES = ("unused", "found_stationary", "found_mobile")
#: The languages of the labels, in the order of the tuples of :data:`LINE_LABELS`.
LANGS = ("en", "ru", "kk")

#: en / ru / kk labels of the fixed lines.
LINE_LABELS: Mapping[str, tuple[str, str, str]] = {
    "registered": ("Voters on the register", "Число избирателей, внесённых в список",
                   "Тізімге енгізілген сайлаушылар саны"),
    "ballots_received": ("Ballots received by the commission", "Число бюллетеней, полученных комиссией",
                         "Комиссия алған бюллетеньдер саны"),
    "issued_in_station": ("Ballots issued in the station", "Число бюллетеней, выданных в помещении",
                          "Үй-жайда берілген бюллетеньдер саны"),
    "issued_mobile": ("Ballots issued for the mobile box", "Число бюллетеней, выданных вне помещения",
                      "Үй-жайдан тыс берілген бюллетеньдер саны"),
    "issued_early": ("Ballots issued for early voting", "Число бюллетеней, выданных досрочно",
                     "Мерзімінен бұрын берілген бюллетеньдер саны"),
    "cancelled": ("Ballots cancelled (unused)", "Число погашенных бюллетеней",
                  "Жойылған бюллетеньдер саны"),
    "found_in_boxes": ("Ballots found in the boxes", "Число бюллетеней в ящиках для голосования",
                       "Жәшіктерден табылған бюллетеньдер саны"),
    "invalid": ("Invalid ballots", "Число недействительных бюллетеней", "Жарамсыз бюллетеньдер саны"),
    "valid": ("Valid ballots", "Число действительных бюллетеней", "Жарамды бюллетеньдер саны"),
}

VOTES_PREFIX = "votes_"
_VOTE_COLUMN = re.compile(r"votes_([1-9][0-9]*)")


def line_label(line: str, lang: str = "en") -> str:
    """The label of a fixed line in ``lang`` (English for an unknown language)."""
    return LINE_LABELS[line][LANGS.index(lang) if lang in LANGS else 0]


# --- candidates' vote columns -------------------------------------------------------------


def vote_column(number: int, prefix: str = "") -> str:
    """The column of candidate ``number``'s votes: ``votes_<number>``."""
    return f"{prefix}{VOTES_PREFIX}{int(number)}"


def vote_columns(k: int, prefix: str = "") -> list[str]:
    """``votes_1 .. votes_k``."""
    return [vote_column(n, prefix) for n in range(1, k + 1)]


def candidate_number(column: str, prefix: str = "") -> int | None:
    """The ballot number of a vote column (``votes_3`` -> 3), None for any other column."""
    if not column.startswith(prefix):
        return None
    match = _VOTE_COLUMN.fullmatch(column[len(prefix):])
    return int(match.group(1)) if match else None


def vote_columns_in(columns: Iterable[str], prefix: str = "") -> list[str]:
    """The vote columns among ``columns``, in ballot order."""
    found = [(candidate_number(c, prefix), c) for c in columns]
    return [c for n, c in sorted((n, c) for n, c in found if n is not None)]


def line_columns(k: int, prefix: str = "") -> list[str]:
    """Every line of a protocol with ``k`` candidates: the fixed lines, then the votes."""
    return [*(prefix + line for line in LINES), *vote_columns(k, prefix)]


def line_values(fixed: Mapping[str, int | None], votes: Sequence[int | None]) -> dict[str, int | None]:
    """One protocol's lines as ``{line: value}``: the fixed lines (None when
    missing), then ``votes_1..k`` from the votes in ballot order."""
    return {**{line: fixed.get(line) for line in LINES},
            **{vote_column(i + 1): v for i, v in enumerate(votes)}}


# --- candidates' names ---------------------------------------------------------------------


def candidate_label(number: int, name: str = "") -> str:
    """How a candidate is shown: ballot number and name (``"1 Nazarbayev"``), or
    the ballot number alone when the name is not known."""
    name = (name or "").strip()
    return f"{int(number)} {name}" if name else str(int(number))


@dataclass(frozen=True)
class CandidateName:
    """A candidate on the ballot: its number and its name in each language
    (``""`` when not known)."""

    number: int
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def column(self) -> str:
        return vote_column(self.number)

    def name(self, lang: str = "en") -> str:
        """The name in ``lang``, else the English one, else ``""``."""
        return (self.names.get(lang) or self.names.get("en") or "").strip()

    def label(self, lang: str = "en") -> str:
        """Ballot number and name in ``lang``: ``"1 Nazarbayev"`` (``"1"`` without a name)."""
        return candidate_label(self.number, self.name(lang))


def candidate_labels(candidates: Iterable[CandidateName], lang: str = "en") -> dict[str, str]:
    """``{votes_<n>: "<n> <name>"}`` for the candidates."""
    return {c.column: c.label(lang) for c in candidates}


def candidates_frame(candidates: Iterable[CandidateName]) -> pl.DataFrame:
    """The candidates as a table: ``number``, ``column`` (the vote column of the
    station tables), ``name_en``, ``name_ru``, ``name_kk`` (empty when not known;
    a missing Russian or Kazakh name falls back to the English one)."""
    rows = sorted(candidates, key=lambda c: c.number)
    return pl.DataFrame({
        "number": [c.number for c in rows],
        "column": [c.column for c in rows],
        **{f"name_{lang}": [c.name(lang) for c in rows] for lang in LANGS},
    }, schema={"number": pl.Int64, "column": pl.Utf8, **{f"name_{lang}": pl.Utf8 for lang in LANGS}})


# --- arithmetic ----------------------------------------------------------------------------


def issued_columns(columns: Iterable[str], prefix: str = "") -> list[str]:
    """The issued lines present among ``columns`` (with ``prefix``), in line order."""
    present = set(columns)
    return [prefix + line for line in ISSUED_LINES if prefix + line in present]


def issued_expr(columns: Iterable[str] | None = None, *, prefix: str = "",
                null_as_zero: bool = True) -> pl.Expr:
    """Ballots issued as a Polars expression: the sum of the issued lines present
    in ``columns`` (all three when None). ``null_as_zero``: an empty line counts
    0; otherwise an empty line makes the sum null. Null when no line is present."""
    names = ([prefix + line for line in ISSUED_LINES] if columns is None
             else issued_columns(columns, prefix))
    if not names:
        return pl.lit(None, pl.Int64).alias(prefix + "issued")
    parts = [pl.col(n).fill_null(0) if null_as_zero else pl.col(n) for n in names]
    total = parts[0]
    for part in parts[1:]:
        total = total + part  # a null operand makes the sum null
    return total.alias(prefix + "issued")


def turnout_expr(columns: Iterable[str] | None = None, *, prefix: str = "",
                 null_as_zero: bool = True) -> pl.Expr:
    """Turnout as a Polars expression: ballots issued / registered, NaN without
    registered voters (null when either is null)."""
    registered = pl.col(prefix + "registered").cast(pl.Float64)
    issued = issued_expr(columns, prefix=prefix, null_as_zero=null_as_zero).cast(pl.Float64)
    return (pl.when(registered != 0).then(issued / registered)
            .when(registered == 0).then(float("nan"))
            .alias(prefix + "turnout"))


def issued(data, *, prefix: str = "", null_as_zero: bool = True) -> np.ndarray | None:
    """Ballots issued per protocol as float64 (NaN where unknown), from a Polars
    DataFrame or a mapping of arrays; None when no issued line is present.

    With arrays, NaN marks an empty line: it counts 0 with ``null_as_zero``,
    else the protocol's sum is NaN."""
    if isinstance(data, pl.DataFrame):
        if not issued_columns(data.columns, prefix):
            return None
        out = data.select(issued_expr(data.columns, prefix=prefix, null_as_zero=null_as_zero))
        return out.to_series().cast(pl.Float64).to_numpy()
    names = issued_columns(data.keys(), prefix)
    if not names:
        return None
    parts = [np.asarray(data[n], dtype=np.float64) for n in names]
    if null_as_zero:
        parts = [np.nan_to_num(p, nan=0.0) for p in parts]
    return np.sum(parts, axis=0)


def ratio(numerator, denominator):
    """``numerator / denominator``, NaN where the denominator is 0 or unknown;
    a float for scalars, an array for arrays."""
    num = np.asarray(numerator, dtype=np.float64)
    den = np.asarray(denominator, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den != 0, num / np.where(den != 0, den, 1.0), np.nan)
    return float(out) if out.ndim == 0 else out


def turnout(issued_ballots, registered):
    """Ballots issued / registered voters (NaN without registered voters)."""
    return ratio(issued_ballots, registered)


def shares(votes, valid):
    """Each candidate's share of the valid votes (NaN without valid votes).

    ``votes``: a mapping ``{candidate: votes}`` with ``valid`` a number (gives
    a dict), or an array of stations x candidates with ``valid`` per station
    (gives an array)."""
    if isinstance(votes, Mapping):
        return {c: ratio(v, valid) for c, v in votes.items()}
    votes = np.asarray(votes, dtype=np.float64)
    valid = np.asarray(valid, dtype=np.float64)
    return ratio(votes, valid[:, None] if votes.ndim == 2 and valid.ndim == 1 else valid)


@dataclass(frozen=True)
class Totals:
    """Sums over the stations of a frame (an empty line counts 0)."""

    stations: int
    registered: int
    issued: int
    valid: int
    invalid: int
    votes: Mapping[int, int]  # ballot number -> votes

    @property
    def turnout(self) -> float:
        """Ballots issued / registered (NaN without registered voters)."""
        return turnout(self.issued, self.registered)

    def shares(self) -> dict[int, float]:
        """Ballot number -> share of the valid votes (NaN without valid votes)."""
        return shares(dict(self.votes), self.valid)


def totals(frame: pl.DataFrame, *, prefix: str = "") -> Totals:
    """Registered, issued, valid, invalid and every candidate's votes summed over
    the rows of ``frame`` (one query of the frame; a missing column sums to 0)."""
    votes = vote_columns_in(frame.columns, prefix)

    def total(name: str) -> pl.Expr:
        col = prefix + name
        return (pl.col(col).fill_null(0).sum() if col in frame.columns else pl.lit(0)).alias(name)

    sums = frame.select(
        total("registered"),
        issued_expr(frame.columns, prefix=prefix).fill_null(0).sum().alias("issued"),
        total("valid"), total("invalid"),
        *[pl.col(c).fill_null(0).sum() for c in votes],
    ).row(0, named=True)
    return Totals(stations=frame.height, registered=int(sums["registered"] or 0),
                  issued=int(sums["issued"] or 0), valid=int(sums["valid"] or 0),
                  invalid=int(sums["invalid"] or 0),
                  votes={candidate_number(c, prefix): int(sums[c] or 0) for c in votes})


@dataclass(frozen=True)
class StationArrays:
    """Per-station figures as NumPy arrays, an empty line as 0: what the
    statement's charts and the forensics take. ``votes`` is stations x
    candidates in ballot order (``columns`` names them)."""

    registered: np.ndarray
    issued: np.ndarray
    valid: np.ndarray
    invalid: np.ndarray
    votes: np.ndarray
    columns: tuple[str, ...]

    @property
    def leader(self) -> int:
        """Position (0-based) of the candidate with the most votes in all (0 without candidates)."""
        return int(self.votes.sum(axis=0).argmax()) if self.votes.shape[1] else 0


def station_arrays(frame: pl.DataFrame, *, prefix: str = "") -> StationArrays:
    """:class:`StationArrays` of the rows of ``frame`` (one row per station)."""
    votes = vote_columns_in(frame.columns, prefix)
    lines = frame.select(
        pl.col(prefix + "registered").fill_null(0).alias("registered"),
        issued_expr(frame.columns, prefix=prefix).fill_null(0).alias("issued"),
        pl.col(prefix + "valid").fill_null(0).alias("valid"),
        pl.col(prefix + "invalid").fill_null(0).alias("invalid"),
    )
    matrix = (frame.select([pl.col(c).fill_null(0) for c in votes]).to_numpy() if votes
              else np.zeros((frame.height, 0), dtype=np.int64))
    return StationArrays(lines["registered"].to_numpy(), lines["issued"].to_numpy(),
                         lines["valid"].to_numpy(), lines["invalid"].to_numpy(), matrix,
                         tuple(c[len(prefix):] for c in votes))
