"""Support signatures checked against the voter register, each invalid line
with exactly one reason.

Every line of every sheet is compared with the register through the
register's own matcher (:mod:`saylau.registry.core.matching`: by IIN with a
name that agrees, or by the names across scripts, endings and typos with the
birth date). The reasons, in precedence order (:data:`.reasons.REASONS`; when
several apply, the first is the line's reason):

``missing_field``
    the surname, given name, IIN, birth date, address or date signed is empty
    (the patronymic is optional: not everyone has one).
``unreadable_field``
    the surname or given name holds no letter; a date given as text does not
    read as a date (``YYYY-MM-DD`` or ``DD.MM.YYYY``); or the IIN is not a
    valid number (12 digits once spaces are taken out, the 7th from 1 to 6,
    the check digit right) **and** the names and birth date find no voter. A
    broken IIN on a line whose names and birth date find the voter is a slip
    of the pen, not a reason to strike the line.
``outside_window``
    signed before ``window_start`` or after ``window_end``.
``collector_not_accredited``
    ``collectors`` is given and the line's collector is not in it (or none is
    named).
``not_found``
    no register entry matches. A line carrying a voter's IIN under another
    person's name (neither name agrees) is not that voter.
``deceased``
    the line matches the deaths list (the same matcher) of a person who died
    on or before the day signed (a voter who signed and died later signed
    validly; without a ``date_of_death`` column any match counts). When both
    the voter's entry and the deaths line have an IIN they must be equal.
``under_age``
    under ``minimum_age`` on the day signed, from the register entry's birth
    date (a birthday on 29 February comes on 1 March in other years).
``other_region``
    the region of the voter's station differs from the sheet's region (a
    station missing from ``stations`` has no region to compare).
``duplicate_in_nominee``
    among the lines still valid, the same voter again for the same nominee:
    the earliest signed counts (on the same day, the smaller ``line_id``), the
    later ones are duplicates.
``signed_for_two``
    a voter still valid for two or more nominees: the earliest signing counts
    (ties as above); a later line is struck when its nominee's
    ``Rules.one_nominee_only`` holds.

Each nominee may have its own :class:`Rules` (its own collection window), so
that every nominee's lines are checked in one call, which ``signed_for_two``
needs.

The checks are column-wise (Polars joins, no loop over lines): 150,000 lines
against a register of 9.2 million take well under a minute on two cores
(benchmarks/bench_signatures.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

from saylau.core.errors import UserError
from saylau.registry.core import iin as iin_mod
from saylau.registry.core import matching
from saylau.registry.core.checks import age_years

LINE_COLUMNS = ("line_id", "nominee", "sheet", "region_code", "collector", "surname", "given_name",
                "patronymic", "iin", "birth_date", "address", "signed_on")
REQUIRED = ("surname", "given_name", "iin", "birth_date", "address", "signed_on")
#: columns that say where a line belongs: they must be there on every line
STRUCTURE = ("line_id", "nominee", "region_code")
#: formats a date given as text is read in
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
RESULT_COLUMNS = ("line_id", "voter_id", "valid", "reason", "matched_by")


@dataclass(frozen=True)
class Rules:
    window_start: dt.date
    window_end: dt.date
    election_day: dt.date
    minimum_age: int = 18
    one_nominee_only: bool = True  # a voter may sign for one nominee only


def _check_structure(lines: pl.DataFrame) -> None:
    missing = [c for c in LINE_COLUMNS if c not in lines.columns]
    if missing:
        raise UserError(f"the signature lines lack the column(s) {', '.join(missing)}; "
                        f"expected {', '.join(LINE_COLUMNS)}")
    for c in STRUCTURE:
        blank = lines.with_row_index("_n").filter(
            pl.col(c).cast(pl.String).str.strip_chars().fill_null("") == "")
        if len(blank):
            rows = ", ".join(str(n + 1) for n in blank["_n"].head(5).to_list())
            raise UserError(f"{len(blank)} signature line(s) have no {c} (line(s) {rows}); every line needs one")
    dup = lines.filter(pl.col("line_id").is_duplicated())["line_id"].unique(maintain_order=True)
    if len(dup):
        raise UserError(f"line_id must be unique; repeated: {', '.join(map(str, dup.head(5).to_list()))}")


def _dates(lines: pl.DataFrame, column: str) -> tuple[pl.Expr, pl.Expr]:
    """The column as a date, and whether it held text that is not a date."""
    dtype = lines.schema[column]
    if dtype == pl.Date:
        return pl.col(column), pl.lit(False)
    if dtype == pl.Datetime:
        return pl.col(column).dt.date(), pl.lit(False)
    if dtype in (pl.String, pl.Null):
        text = pl.col(column).cast(pl.String).str.strip_chars()
        parsed = pl.coalesce([text.str.strptime(pl.Date, f, strict=False) for f in DATE_FORMATS])
        return parsed, parsed.is_null() & (text.fill_null("") != "")
    raise UserError(f"signature lines: {column} must be dates or text, got {dtype}")


def _rules_by_line(lines: pl.DataFrame, rules: Rules | Mapping[str, Rules]) -> pl.DataFrame:
    """Each line's window, minimum age and one-nominee rule, from its nominee's Rules."""
    nominees = lines["nominee"].cast(pl.String).str.strip_chars()
    if isinstance(rules, Rules):
        table = {n: rules for n in nominees.unique().to_list()}
    else:
        table = dict(rules)
        absent = sorted(set(nominees.unique().to_list()) - set(table))
        if absent:
            raise UserError(f"no verification rules for nominee(s) {', '.join(absent[:5])}; "
                            f"rules are given for {', '.join(sorted(table)[:5]) or 'none'}")
    frame = pl.DataFrame({
        "nominee": list(table),
        "_start": [r.window_start for r in table.values()], "_end": [r.window_end for r in table.values()],
        "_min_age": [r.minimum_age for r in table.values()], "_one": [r.one_nominee_only for r in table.values()],
    }, schema={"nominee": pl.String, "_start": pl.Date, "_end": pl.Date, "_min_age": pl.Int32, "_one": pl.Boolean})
    return pl.DataFrame({"nominee": nominees}).join(frame, on="nominee", how="left", maintain_order="left").drop("nominee")


def verify(lines: pl.DataFrame, register: pl.DataFrame, *, stations: pl.DataFrame, rules: Rules | Mapping[str, Rules],
           deaths: pl.DataFrame | None = None, collectors: set[str] | None = None) -> pl.DataFrame:
    """Each line's verdict, in the order of ``lines``: ``line_id``, ``voter_id``
    (the register entry matched; null when not found), ``valid``, ``reason``
    (a code of :data:`.reasons.REASONS`, null when valid) and ``matched_by``
    (``iin``, ``names`` or null). ``rules`` is one :class:`Rules` for every
    line, or a Rules per nominee (each nominee's own collection window; a voter's
    later line is struck as ``signed_for_two`` when its nominee's Rules say one
    nominee only). See the module for the rules."""
    _check_structure(lines)
    per_line = _rules_by_line(lines, rules)
    birth, birth_bad = _dates(lines, "birth_date")
    signed, signed_bad = _dates(lines, "signed_on")
    text = [c for c in LINE_COLUMNS if c not in ("birth_date", "signed_on")]
    lf = lines.select(
        *[pl.col(c).cast(pl.String).str.strip_chars().replace("", None).alias(c) for c in text],
        birth.alias("birth_date"), signed.alias("signed_on"),
        _birth_bad=birth_bad, _signed_bad=signed_bad,
    ).with_row_index("_pos").hstack(per_line)
    lf = lf.with_columns(iin=pl.col("iin").str.replace_all(r"\s+", ""))
    iin_valid = pl.Series("_iin_ok", iin_mod.valid_array(lf["iin"]))
    lf = lf.with_columns(iin_valid)

    person = lf.select("surname", "given_name", "patronymic", "birth_date",
                       iin=pl.when(pl.col("_iin_ok")).then(pl.col("iin")))
    reg = register.select("voter_id", "station", pl.col("iin").alias("_v_iin"),
                          pl.col("birth_date").cast(pl.Date).alias("_v_birth"),
                          "iin", "surname", "given_name", "patronymic", "birth_date")
    found = matching.match(person, reg, keep=("station", "_v_iin", "_v_birth"))
    lf = pl.concat([lf, found], how="horizontal")
    region = stations.select(pl.col("code").cast(pl.String).alias("station"),
                             pl.col("region_code").cast(pl.String).alias("_v_region"))
    lf = lf.join(region, on="station", how="left", maintain_order="left")
    lf = lf.with_columns(_dead=_deceased(person, lf, deaths))

    letters = r"\p{L}"
    unread = {"birth_date": "_birth_bad", "signed_on": "_signed_bad"}  # a date that is there but not a date
    flags = {
        "missing_field": pl.any_horizontal([pl.col(c).is_null() & ~pl.col(unread[c]) if c in unread
                                            else pl.col(c).is_null() for c in REQUIRED]),
        "unreadable_field": (pl.col("_birth_bad") | pl.col("_signed_bad")
                             | ~pl.col("surname").str.contains(letters) | ~pl.col("given_name").str.contains(letters)
                             | (~pl.col("_iin_ok") & pl.col("voter_id").is_null())),
        "outside_window": (pl.col("signed_on") < pl.col("_start")) | (pl.col("signed_on") > pl.col("_end")),
        "collector_not_accredited": (pl.lit(False) if collectors is None else
                                     ~pl.col("collector").is_in(sorted(collectors)).fill_null(False)),
        "not_found": pl.col("voter_id").is_null(),
        "deceased": pl.col("_dead"),
        "under_age": age_years(pl.col("_v_birth"), pl.col("signed_on")) < pl.col("_min_age"),
        "other_region": pl.col("_v_region") != pl.col("region_code"),
    }
    reason = pl.lit(None, dtype=pl.String)
    for code in reversed(list(flags)):
        reason = pl.when(flags[code].fill_null(False)).then(pl.lit(code)).otherwise(reason)
    lf = lf.with_columns(reason=reason)

    # duplicates: among the lines valid so far, the earliest signing counts (then the smaller line_id)
    ok = (lf.filter(pl.col("reason").is_null()).select("_pos", "line_id", "nominee", "voter_id", "signed_on", "_one")
          .sort("signed_on", "line_id"))
    ok = ok.with_columns(_n=pl.int_range(pl.len()).over("nominee", "voter_id"))
    dup = ok.filter(pl.col("_n") > 0).select("_pos", _r=pl.lit("duplicate_in_nominee"))
    first = ok.filter(pl.col("_n") == 0).with_columns(_k=pl.int_range(pl.len()).over("voter_id"))
    two = first.filter((pl.col("_k") > 0) & pl.col("_one")).select("_pos", _r=pl.lit("signed_for_two"))
    later = pl.concat([dup, two])
    lf = lf.join(later, on="_pos", how="left", maintain_order="left").with_columns(
        reason=pl.coalesce("reason", "_r"))
    return lf.sort("_pos").with_columns(valid=pl.col("reason").is_null()).select(RESULT_COLUMNS)


def _deceased(person: pl.DataFrame, lines: pl.DataFrame, deaths: pl.DataFrame | None) -> pl.Series:
    """True where the line matches a death on or before the day signed."""
    if deaths is None or deaths.is_empty():
        return pl.Series("_dead", np.zeros(len(person), dtype=bool))
    has_date = "date_of_death" in deaths.columns
    d = deaths.with_row_index("_death").select(
        pl.col("_death"), pl.col("iin").cast(pl.String).alias("_d_iin"),
        (pl.col("date_of_death").cast(pl.Date) if has_date else pl.lit(None, dtype=pl.Date)).alias("_died"),
        "iin", "surname", "given_name", "patronymic", pl.col("birth_date").cast(pl.Date))
    m = matching.match(person, d, id_column="_death", keep=("_d_iin", "_died"))
    both = pl.concat([lines.select("signed_on", "_v_iin"), m], how="horizontal")
    dead = (pl.col("_death").is_not_null()
            & (pl.col("_died").is_null() | (pl.col("_died") <= pl.col("signed_on")).fill_null(True))
            & (pl.col("_d_iin").is_null() | pl.col("_v_iin").is_null() | (pl.col("_d_iin") == pl.col("_v_iin"))))
    return both.select(dead.alias("_dead")).to_series()
