"""Reading a table of polling stations into arrays, with a column mapping.

A :class:`ColumnMapping` names the columns; :func:`read_table` reads CSV,
XLSX or Parquet (optionally gzip-compressed or the single table inside a zip);
:func:`load_stations` checks every row and returns :class:`Stations`, with a
list of :class:`RowProblem` for rows that could not be used.

Column names are matched exactly first, then case-insensitively as a unique
substring, so presets survive small wording changes between election years.
"""

from __future__ import annotations

import gzip
import io
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

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
    def share(self) -> np.ndarray:
        return self.winner_votes / self.received

    def subset(self, mask: np.ndarray) -> Stations:
        """The stations selected by a boolean mask (problems and totals kept)."""
        return Stations(
            registered=self.registered[mask], given=self.given[mask], valid=self.valid[mask],
            invalid=self.invalid[mask], votes=self.votes[mask], candidates=self.candidates,
            winner_index=self.winner_index,
            units={k: v[mask] for k, v in self.units.items()},
            labels=None if self.labels is None else self.labels[mask],
            rows=None if self.rows is None else self.rows[mask],
            problems=self.problems, totals=self.totals,
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
                raise ValueError(f"{name}: expected one table inside the zip, found {members}")
            return _read_bytes(archive.read(members[0]), members[0])
    if lower.endswith((".xlsx", ".xlsm")):
        return pl.read_excel(io.BytesIO(data), engine="openpyxl", infer_schema_length=0)
    if lower.endswith(".parquet"):
        return pl.read_parquet(io.BytesIO(data))
    text = data[:4096].decode("utf-8", errors="replace")
    separator = max([",", ";", "\t"], key=lambda s: text.split("\n", 1)[0].count(s))
    return pl.read_csv(io.BytesIO(data), separator=separator, infer_schema_length=0)


def read_table(path: str | Path) -> pl.DataFrame:
    """Read a CSV, XLSX or Parquet file (optionally .gz or inside a .zip).

    CSV and XLSX cells are read as text so that every bad value can be
    reported by :func:`load_stations` rather than guessed at.
    """
    path = Path(path)
    return _read_bytes(path.read_bytes(), path.name)


def resolve_column(frame: pl.DataFrame, name: str) -> str:
    """The frame's column called ``name``, or the one column containing it."""
    if name in frame.columns:
        return name
    wanted = name.casefold()
    hits = [c for c in frame.columns if c.casefold() == wanted]
    if not hits:
        hits = [c for c in frame.columns if wanted in c.casefold()]
    if len(hits) != 1:
        found = "none" if not hits else ", ".join(hits)
        raise KeyError(f"column {name!r}: expected exactly one match, found {found}")
    return hits[0]


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


def load_stations(frame: pl.DataFrame | str | Path, mapping: ColumnMapping) -> Stations:
    """Check every row and return the usable stations with the problems found.

    A row is excluded (and reported) when a mapped count is missing, negative
    or fractional, when registered is 0, when ballots issued exceed the
    register, when no ballot was found in the boxes, or when the candidates'
    votes exceed the valid ballots. Totals add up every row whose counts could
    be read.
    """
    if not isinstance(frame, pl.DataFrame):
        frame = read_table(frame)
    problems: list[RowProblem] = []
    col = {}
    col["registered"] = resolve_column(frame, mapping.registered)
    cand_cols = [resolve_column(frame, c) for c in mapping.candidates]
    if not cand_cols:
        raise ValueError("at least one candidate column is needed")
    given_cols = [resolve_column(frame, c) for c in mapping.given]
    registered = _counts(frame, col["registered"], problems)
    votes = np.column_stack([_counts(frame, c, problems) for c in cand_cols])
    parts = [_counts(frame, c, problems) for c in given_cols]
    unreadable = (registered < 0) | (votes < 0).any(axis=1)
    for p in parts:
        unreadable |= p < 0
    if mapping.invalid:
        invalid = _counts(frame, resolve_column(frame, mapping.invalid), problems)
        unreadable |= invalid < 0
    else:
        invalid = np.zeros_like(registered)
    if mapping.valid:
        valid = _counts(frame, resolve_column(frame, mapping.valid), problems)
        unreadable |= valid < 0
    else:
        valid = votes.sum(axis=1)
    given = np.sum(parts, axis=0) if parts else valid + invalid
    received = valid + invalid
    ok = ~unreadable
    n = frame.height
    names = tuple(cand_cols)
    winner = names.index(resolve_column(frame, mapping.winner)) if mapping.winner else int(
        np.argmax(np.where(ok[:, None], votes, 0).sum(axis=0)))
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
    excluded = flag(registered == 0, col["registered"], registered, "registered voters > 0")
    excluded |= flag(given > registered, given_name, given,
                     "ballots issued <= registered voters")
    excluded |= flag(received == 0, "valid+invalid", received, "ballots found in boxes > 0")
    if mapping.valid:
        excluded |= flag(votes.sum(axis=1) > valid, "+".join(cand_cols), votes.sum(axis=1),
                         "candidates' votes <= valid ballots")
    keep = ok & ~excluded
    if problems:
        log.info("%d problem(s) in %d row(s); %d station(s) kept of %d", len(problems),
                 len({p.row for p in problems}), int(keep.sum()), n)
    units = {u: frame[resolve_column(frame, u)].cast(pl.String).fill_null("").to_numpy()[keep]
             for u in mapping.units}
    labels = None
    if mapping.station_id:
        id_cols = [resolve_column(frame, c) for c in mapping.station_id]
        labels = frame.select(pl.concat_str([pl.col(c).cast(pl.String).fill_null("")
                                             for c in id_cols], separator=" / ")
                              ).to_series().to_numpy()[keep]
    problems.sort(key=lambda p: (p.row, p.column))
    return Stations(
        registered=registered[keep], given=given[keep], valid=valid[keep],
        invalid=invalid[keep], votes=votes[keep], candidates=names, winner_index=winner,
        units=units, labels=labels, rows=np.flatnonzero(keep) + 1,
        problems=tuple(problems), totals=totals,
    )
