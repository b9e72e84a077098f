"""Reading a table of polling stations into arrays, with a column mapping.

A :class:`ColumnMapping` names the columns; :func:`read_table` reads CSV,
XLSX or Parquet (optionally gzip-compressed or the single table inside a zip);
:func:`load_stations` checks every row and returns :class:`Stations`, with a
list of :class:`RowProblem` for rows that could not be used.

Column names are matched exactly first, then case-insensitively as a unique
substring, so presets survive small wording changes between election years.
A name may also be a pattern: ``re:<regular expression>`` (searched in each
column name) or a shell glob with ``*``, ``?`` or ``[...]``; a pattern given
for a list of columns (candidates, ballots issued, units, ids) takes every
column it matches, in the file's order. A column that cannot be found raises
:class:`ColumnError`, a :class:`~saylau.core.errors.UserError` whose one line
names the column wanted, what it is for and the closest names in the file.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import gzip
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from saylau.core import tabular
from saylau.core.errors import UserError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ColumnMapping:
    """Which columns hold which protocol lines.

    ``given`` lists the ballots-issued columns that are added up (empty: use
    valid + invalid). ``valid`` may be omitted (then the candidates' sum is
    used) and ``invalid`` too (then zero). ``winner`` names one of the
    candidates; empty means the candidate with most votes overall.
    """

    registered: str
    candidates: tuple[str, ...]
    given: tuple[str, ...] = ()
    valid: str | None = None
    invalid: str | None = None
    winner: str | None = None
    units: tuple[str, ...] = ()
    station_id: tuple[str, ...] = ()
    latitude: str | None = None  # station coordinates, for spatial clustering and the map
    longitude: str | None = None


class ColumnError(UserError, KeyError):
    """A mapped column is missing or ambiguous (one line for the user)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class TableError(UserError, ValueError):
    """A file that cannot be read as a table."""


SHARE_DENOMINATORS = ("received", "valid")


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be used as it is (``row`` counts data rows from 1)."""

    row: int
    column: str
    value: str
    expected: str
    excluded: bool = True


@dataclass(frozen=True, eq=False)
class Stations:
    """Station-level counts as NumPy arrays (one entry per usable station).

    ``received`` is valid + invalid ballots found in the boxes; ``turnout`` is
    given / registered and ``share`` is winner / received. ``totals`` are sums
    over every row whose numbers could be read, including stations excluded
    from station-level statistics (e.g. zero registered voters).
    """

    registered: np.ndarray
    given: np.ndarray
    valid: np.ndarray
    invalid: np.ndarray
    votes: np.ndarray  # (stations, candidates)
    candidates: tuple[str, ...]
    winner_index: int
    units: dict[str, np.ndarray] = field(default_factory=dict)
    labels: np.ndarray | None = None
    rows: np.ndarray | None = None  # 1-based data row numbers in the source
    problems: tuple[RowProblem, ...] = ()
    totals: dict[str, int] = field(default_factory=dict)
    # rows left out of station statistics only because more ballots were
    # issued than voters registered (turnout above 100 %): kept to be counted
    over_register: Stations | None = None
    share_of: str = "received"  # denominator of a share: "received" or "valid"
    coords: np.ndarray | None = None  # (stations, 2): latitude, longitude

    @property
    def n(self) -> int:
        return int(self.registered.shape[0])

    @property
    def winner(self) -> str:
        return self.candidates[self.winner_index]

    @property
    def received(self) -> np.ndarray:
        return self.valid + self.invalid

    @property
    def winner_votes(self) -> np.ndarray:
        return self.votes[:, self.winner_index]

    @property
    def turnout(self) -> np.ndarray:
        return self.given / self.registered

    @property
    def denominator(self) -> np.ndarray:
        """Ballots a share is a fraction of: valid + invalid, or valid only."""
        return self.valid if self.share_of == "valid" else self.received

    @property
    def share(self) -> np.ndarray:
        return self.winner_votes / self.denominator

    def with_share_of(self, share_of: str) -> Stations:
        """The same stations with shares of ``"received"`` or ``"valid"`` ballots."""
        if share_of not in SHARE_DENOMINATORS:
            raise UserError(f"share denominator {share_of!r}: expected one of "
                            f"{', '.join(SHARE_DENOMINATORS)}")
        if share_of == "valid" and (self.valid == 0).any():
            raise UserError(f"shares of valid ballots: {int((self.valid == 0).sum())} "
                            "station(s) have no valid ballot; use shares of valid + invalid")
        over = self.over_register
        if over is not None and share_of == "valid":
            over = over.subset(over.valid > 0)
        return dataclasses.replace(
            self, share_of=share_of,
            over_register=None if over is None else dataclasses.replace(over, share_of=share_of))

    def subset(self, mask: np.ndarray) -> Stations:
        """The stations selected by a boolean mask (problems and totals kept)."""
        return Stations(
            registered=self.registered[mask], given=self.given[mask], valid=self.valid[mask],
            invalid=self.invalid[mask], votes=self.votes[mask], candidates=self.candidates,
            winner_index=self.winner_index,
            units={k: v[mask] for k, v in self.units.items()},
            labels=None if self.labels is None else self.labels[mask],
            rows=None if self.rows is None else self.rows[mask],
            problems=self.problems, totals=self.totals, share_of=self.share_of,
            coords=None if self.coords is None else self.coords[mask],
        )


def stations_from_arrays(
    registered, given, valid, invalid, votes, candidates=None, winner=None, units=None,
) -> Stations:
    """Build :class:`Stations` from arrays (no checks beyond shapes)."""
    votes = np.asarray(votes, dtype=np.int64)
    if votes.ndim == 1:
        votes = votes[:, None]
    names = tuple(candidates) if candidates else tuple(f"c{i + 1}" for i in range(votes.shape[1]))
    index = names.index(winner) if winner else int(np.argmax(votes.sum(axis=0)))
    arrays = [np.asarray(a, dtype=np.int64) for a in (registered, given, valid, invalid)]
    n = votes.shape[0]
    for a in arrays:
        if a.shape != (n,):
            raise ValueError("every array needs one entry per station")
    return Stations(*arrays, votes=votes, candidates=names, winner_index=index,
                    units={k: np.asarray(v) for k, v in (units or {}).items()},
                    rows=np.arange(1, n + 1))


# -- reading -----------------------------------------------------------------

def _read_bytes(data: bytes, name: str) -> pl.DataFrame:
    lower = name.lower()
    if lower.endswith(".gz"):
        return _read_bytes(gzip.decompress(data), name[:-3])
    if lower.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.namelist()
                       if not m.endswith("/") and not m.startswith("__MACOSX")]
            if len(members) != 1:
                raise TableError(f"{name}: expected one table inside the zip, found "
                                 f"{len(members)}: {', '.join(members) or 'none'}")
            return _read_bytes(archive.read(members[0]), members[0])
    if lower.endswith((".xlsx", ".xlsm")):
        return pl.read_excel(io.BytesIO(data), engine="openpyxl", infer_schema_length=0)
    if lower.endswith(".parquet"):
        return pl.read_parquet(io.BytesIO(data))
    text = tabular.decode_text(data, name)  # UTF-8 with or without BOM, UTF-16, cp1251... as every importer reads
    return pl.read_csv(io.StringIO(text), separator=tabular.separator(text.split("\n", 1)[0]), infer_schema_length=0)


def read_table(path: str | Path) -> pl.DataFrame:
    """Read a CSV, XLSX or Parquet file (optionally .gz or inside a .zip).

    CSV and XLSX cells are read as text so that every bad value can be
    reported by :func:`load_stations` rather than guessed at.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TableError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        return _read_bytes(data, path.name)
    except tabular.TableError as error:  # the shared decoder: empty, binary, an encoding it cannot tell
        what = "; ".join(e.got for e in error.errors[:1]) or "unreadable"
        raise TableError(f"{path}: not a readable CSV, XLSX or Parquet table ({what})") from None
    except UserError:
        raise
    except (ValueError, OSError, zipfile.BadZipFile, pl.exceptions.PolarsError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise TableError(f"{path}: not a readable CSV, XLSX or Parquet table ({first})") from None


def is_pattern(name: str) -> bool:
    """A ``re:`` regular expression or a glob (``*``, ``?``, ``[...]``)."""
    return name.startswith("re:") or any(ch in name for ch in "*?[")


def _pattern_hits(frame: pl.DataFrame, name: str, what: str) -> list[str]:
    if name.startswith("re:"):
        try:
            rx = re.compile(name[3:])
        except re.error as error:
            raise ColumnError(f"{what}: {name!r} is not a valid regular expression "
                              f"({error})") from None
        return [c for c in frame.columns if rx.search(c)]
    wanted = name.casefold()
    return [c for c in frame.columns if fnmatch.fnmatchcase(c.casefold(), wanted)]


def _missing(frame: pl.DataFrame, name: str, what: str, hits: list[str]) -> ColumnError:
    if hits:
        return ColumnError(f"{what}: {name!r} matches {len(hits)} columns "
                           f"({', '.join(repr(h) for h in hits[:6])}"
                           f"{', ...' if len(hits) > 6 else ''}); expected exactly one, "
                           "so give the whole column name")
    close = difflib.get_close_matches(name, frame.columns, n=3, cutoff=0.4)

    def short(c):
        return repr(c if len(c) <= 50 else c[:47] + "...")

    hint = (f"closest: {', '.join(short(c) for c in close)}" if close
            else f"the file has {frame.width} columns: "
                 f"{', '.join(short(c) for c in frame.columns[:5])}"
                 f"{', ...' if frame.width > 5 else ''}")
    return ColumnError(f"{what}: no column matches {name!r}; expected exactly one; {hint}")


def resolve_column(frame: pl.DataFrame, name: str, what: str = "column") -> str:
    """The frame's column called ``name``, or the one column containing it or
    matching it as a pattern (:class:`ColumnError` otherwise)."""
    if name in frame.columns:
        return name
    if is_pattern(name):
        hits = _pattern_hits(frame, name, what)
    else:
        wanted = name.casefold()
        hits = [c for c in frame.columns if c.casefold() == wanted]
        if not hits:
            hits = [c for c in frame.columns if wanted in c.casefold()]
    if len(hits) != 1:
        raise _missing(frame, name, what, hits)
    return hits[0]


def resolve_columns(frame: pl.DataFrame, names, what: str = "columns") -> list[str]:
    """Columns for a list of names; a pattern takes every column it matches."""
    out: list[str] = []
    for name in names:
        if name not in frame.columns and is_pattern(name):
            hits = _pattern_hits(frame, name, what)
            if not hits:
                raise _missing(frame, name, what, hits)
            out.extend(h for h in hits if h not in out)
        else:
            column = resolve_column(frame, name, what)
            if column in out:
                raise ColumnError(f"{what}: column {column!r} is given twice")
            out.append(column)
    return out


def _counts(frame: pl.DataFrame, column: str, problems: list[RowProblem]) -> np.ndarray:
    """Column as int64 with -1 where the value is missing, not a count or negative."""
    series = frame[column]
    as_float = series.cast(pl.Float64, strict=False) if series.dtype != pl.Float64 else series
    values = as_float.to_numpy()
    bad = ~np.isfinite(values) | (values < 0) | (values != np.floor(np.nan_to_num(values)))
    if bad.any():
        raw = series.cast(pl.String, strict=False).to_numpy()
        for i in np.flatnonzero(bad):
            problems.append(RowProblem(int(i) + 1, column, "" if raw[i] is None else str(raw[i]),
                                       "a whole number >= 0"))
    out = np.where(bad, -1, np.nan_to_num(values)).astype(np.int64)
    return out


def load_stations(frame: pl.DataFrame | str | Path, mapping: ColumnMapping, *,
                  share_of: str = "received") -> Stations:
    """Check every row and return the usable stations with the problems found.

    A row is excluded (and reported) when a mapped count is missing, negative
    or fractional, when registered is 0, when ballots issued exceed the
    register, when no ballot was found in the boxes, or when the candidates'
    votes exceed the valid ballots. Totals add up every row whose counts could
    be read. Rows excluded only because more ballots were issued than voters
    registered are kept apart in ``over_register`` so they can be counted and
    listed. ``share_of`` is the denominator of every share: ``"received"``
    (valid + invalid, the default) or ``"valid"``.
    """
    if share_of not in SHARE_DENOMINATORS:
        raise UserError(f"share denominator {share_of!r}: expected one of "
                        f"{', '.join(SHARE_DENOMINATORS)}")
    if not isinstance(frame, pl.DataFrame):
        frame = read_table(frame)
    if not mapping.registered:
        raise ColumnError("registered voters: no column given (--registered)")
    problems: list[RowProblem] = []
    col = {}
    col["registered"] = resolve_column(frame, mapping.registered, "registered voters")
    cand_cols = resolve_columns(frame, mapping.candidates, "candidates")
    if not cand_cols:
        raise ColumnError("candidates: no column given; at least one candidate column is needed")
    given_cols = resolve_columns(frame, mapping.given, "ballots issued")
    registered = _counts(frame, col["registered"], problems)
    votes = np.column_stack([_counts(frame, c, problems) for c in cand_cols])
    parts = [_counts(frame, c, problems) for c in given_cols]
    unreadable = (registered < 0) | (votes < 0).any(axis=1)
    for p in parts:
        unreadable |= p < 0
    if mapping.invalid:
        invalid = _counts(frame, resolve_column(frame, mapping.invalid, "invalid ballots"),
                          problems)
        unreadable |= invalid < 0
    else:
        invalid = np.zeros_like(registered)
    if mapping.valid:
        valid = _counts(frame, resolve_column(frame, mapping.valid, "valid ballots"), problems)
        unreadable |= valid < 0
    else:
        valid = votes.sum(axis=1)
    given = np.sum(parts, axis=0) if parts else valid + invalid
    received = valid + invalid
    ok = ~unreadable
    n = frame.height
    names = tuple(cand_cols)
    if mapping.winner:
        won = resolve_column(frame, mapping.winner, "winner")
        if won not in names:
            raise ColumnError(f"winner: column {won!r} is not one of the candidates' columns")
        winner = names.index(won)
    else:
        winner = int(np.argmax(np.where(ok[:, None], votes, 0).sum(axis=0)))
    totals = {
        "rows": n, "rows_read": int(ok.sum()),
        "registered": int(registered[ok].sum()), "given": int(given[ok].sum()),
        "valid": int(valid[ok].sum()), "invalid": int(invalid[ok].sum()),
        "received": int(received[ok].sum()),
        **{f"votes:{c}": int(votes[ok, i].sum()) for i, c in enumerate(names)},
    }

    def flag(mask, column, values, expected):
        for i in np.flatnonzero(mask & ok):
            problems.append(RowProblem(int(i) + 1, column, str(values[i]), expected))
        return mask & ok

    given_name = "+".join(given_cols) if given_cols else "valid+invalid"
    no_register = flag(registered == 0, col["registered"], registered, "registered voters > 0")
    over = flag(given > registered, given_name, given, "ballots issued <= registered voters")
    empty = flag(received == 0, "valid+invalid", received, "ballots found in boxes > 0")
    excluded = no_register | over | empty
    too_many = np.zeros_like(ok)
    if mapping.valid:
        too_many = flag(votes.sum(axis=1) > valid, "+".join(cand_cols), votes.sum(axis=1),
                        "candidates' votes <= valid ballots")
        excluded |= too_many
    if share_of == "valid":
        excluded |= flag((valid == 0) & ~excluded, "valid", valid,
                         "valid ballots > 0 (shares are of valid ballots)")
    keep = ok & ~excluded
    only_over = ok & over & ~no_register & ~empty & ~too_many
    if problems:
        log.info("%d problem(s) in %d row(s); %d station(s) kept of %d", len(problems),
                 len({p.row for p in problems}), int(keep.sum()), n)
    unit_cols = resolve_columns(frame, mapping.units, "units")
    unit_all = {u: frame[u].cast(pl.String).fill_null("").to_numpy() for u in unit_cols}
    labels_all = None
    if mapping.station_id:
        id_cols = resolve_columns(frame, mapping.station_id, "station id")
        labels_all = frame.select(pl.concat_str([pl.col(c).cast(pl.String).fill_null("")
                                                 for c in id_cols], separator=" / ")
                                  ).to_series().to_numpy()
    coords_all = None
    if mapping.latitude or mapping.longitude:
        if not (mapping.latitude and mapping.longitude):
            raise ColumnError("coordinates: give both the latitude and the longitude column")
        pairs = []
        for name, what, limit in ((mapping.latitude, "latitude", 90), (mapping.longitude,
                                                                     "longitude", 180)):
            column = resolve_column(frame, name, what)
            values = frame[column].cast(pl.Float64, strict=False).to_numpy()
            bad = ~np.isfinite(values) | (np.abs(np.nan_to_num(values)) > limit)
            if (bad & keep).any():
                i = int(np.flatnonzero(bad & keep)[0])
                raw = frame[column].cast(pl.String).to_numpy()[i]
                raise UserError(f"{column}: row {i + 1} has {raw!r}; expected a {what} in "
                                f"degrees between -{limit} and {limit} "
                                f"({int((bad & keep).sum())} such row(s))")
            pairs.append(values)
        coords_all = np.column_stack(pairs)
    problems.sort(key=lambda p: (p.row, p.column))

    def part(mask, over_register=None):
        return Stations(
            registered=registered[mask], given=given[mask], valid=valid[mask],
            invalid=invalid[mask], votes=votes[mask], candidates=names, winner_index=winner,
            units={u: v[mask] for u, v in unit_all.items()},
            labels=None if labels_all is None else labels_all[mask],
            rows=np.flatnonzero(mask) + 1, problems=tuple(problems), totals=totals,
            over_register=over_register, share_of=share_of,
            coords=None if coords_all is None else coords_all[mask],
        )

    if share_of == "valid":
        only_over &= valid > 0
    return part(keep, part(only_over))
