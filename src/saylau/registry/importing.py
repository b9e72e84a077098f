"""Reading a register file (CSV, Parquet or XLSX) whole, with every problem
named by row, column, what was expected and what came; nothing is stored
unless the whole file reads.

A big UTF-8 CSV is read by Polars as text and checked column-wise; anything
else (XLSX, gzip or zip, Windows-1251 or UTF-16 text, or a CSV Polars cannot
split) goes through :mod:`saylau.core.tabular`, which names a broken row.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from saylau.core.tabular import MAX_ERRORS, CellError, TableError, read_table

#: column -> (required, aliases)
COLUMNS = {
    "voter_id": (False, ("id", "record_id", "номер")),
    "iin": (True, ("иин", "жсн", "national_id")),
    "surname": (True, ("фамилия", "тегі", "last_name")),
    "given_name": (True, ("имя", "аты", "first_name")),
    "patronymic": (False, ("отчество", "әкесінің_аты", "middle_name")),
    "sex": (False, ("пол", "жынысы", "gender")),
    "birth_date": (True, ("дата_рождения", "туған_күні", "date_of_birth", "dob")),
    "address": (False, ("адрес", "мекенжайы")),
    "station": (True, ("участок", "учаске", "station_code", "polling_station")),
    "date_added": (False, ("дата_включения", "added")),
}
SEX = {"M": "M", "F": "F", "М": "M", "Ж": "F", "Е": "M", "Ә": "F", "MALE": "M", "FEMALE": "F"}


def _normal(name: str) -> str:
    return str(name or "").strip().lower().replace(" ", "_").replace("-", "_")


def _read_strings(path: Path) -> pl.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pl.read_parquet(path)
        except Exception as error:  # noqa: BLE001 - pyarrow and polars raise many kinds for a broken file
            raise TableError(path.name, [CellError(0, "", "a readable Parquet file", f"{type(error).__name__}")]) from None
        return frame.with_columns(pl.all().cast(pl.String))
    if suffix == ".csv":
        try:
            head = path.open("rb").read(4)
        except OSError:
            head = b""
        if head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return pl.read_csv(path, infer_schema=False, encoding="utf8", truncate_ragged_lines=False,
                                   missing_utf8_is_empty_string=False)
            except Exception:  # noqa: BLE001 - fall through: tabular names the row
                pass
    table = read_table(path)
    width = len(table.header)
    return pl.DataFrame([cells for _, cells in table.rows], schema=table.header, orient="row") if table.rows else \
        pl.DataFrame(schema={h: pl.String for h in table.header[:width]})


def read_register(path: str | Path, *, snapshot: str = "") -> pl.DataFrame:
    """The register in ``path`` as a typed frame (``COLUMNS``), or :class:`TableError`."""
    path = Path(path)
    if not path.exists():
        raise TableError(path.name, [CellError(0, "", "a file at " + str(path), "no such file")])
    raw = _read_strings(path)
    source = path.name
    problems: list[CellError] = []
    found: dict[str, str] = {}
    normal = {_normal(c): c for c in raw.columns}
    known = set()
    for name, (required, aliases) in COLUMNS.items():
        hits = [normal[a] for a in (name, *aliases) if a in normal]
        if len(hits) > 1:
            problems.append(CellError(1, name, "this column once", ", ".join(hits)))
        elif hits:
            found[name] = hits[0]
            known.add(hits[0])
        elif required:
            problems.append(CellError(1, name, "this column in the header", "missing"))
    for c in raw.columns:
        if c not in known:
            problems.append(CellError(1, c, "one of the columns " + ", ".join(COLUMNS), "a column this register does not have"))
    if problems:
        raise TableError(source, problems[:MAX_ERRORS])
    if raw.height == 0:
        raise TableError(source, [CellError(2, "", "at least one voter", "only the header")])
    f = raw.select([pl.col(found[n]).str.strip_chars().alias(n) for n in found]).with_row_index("_row", offset=2)
    f = f.with_columns([pl.col(c).replace("", None) for c in f.columns if c != "_row"])

    def bad(mask: pl.Expr, column: str, expected: str) -> None:
        rows = f.filter(mask).select("_row", column).head(MAX_ERRORS)
        problems.extend(CellError(int(r), column, expected, "" if v is None else str(v)) for r, v in rows.iter_rows())

    bad(pl.col("iin").is_not_null() & ~pl.col("iin").str.contains(r"^[0-9]{12}$"), "iin", "12 digits")
    for c in ("surname", "given_name", "station"):
        bad(pl.col(c).is_null(), c, "text (not empty)")
    f = f.with_columns(_dob=_date(pl.col("birth_date")))
    bad(pl.col("_dob").is_null(), "birth_date", "a date YYYY-MM-DD or DD.MM.YYYY")
    if "date_added" in f.columns:
        f = f.with_columns(_added=_date(pl.col("date_added")))
        bad(pl.col("date_added").is_not_null() & pl.col("_added").is_null(), "date_added",
            "a date YYYY-MM-DD or DD.MM.YYYY")
    if "sex" in f.columns:
        bad(pl.col("sex").is_not_null() & ~pl.col("sex").str.to_uppercase().is_in(list(SEX)), "sex",
            "M or F (М/Ж, Е/Ә)")
    if "voter_id" in f.columns:
        bad(pl.col("voter_id").is_null(), "voter_id", "an id (not empty)")
        bad(pl.col("voter_id").is_duplicated() & pl.col("voter_id").is_not_null(), "voter_id", "an id used once")
    if problems:
        problems.sort(key=lambda e: (e.row, e.column))
        raise TableError(source, problems[:MAX_ERRORS])
    out = f.select(
        (pl.col("voter_id") if "voter_id" in f.columns else pl.format("R{}", pl.col("_row"))).alias("voter_id"),
        "iin", "surname", "given_name",
        (pl.col("patronymic") if "patronymic" in f.columns else pl.lit(None, pl.String)).alias("patronymic"),
        (pl.col("sex").str.to_uppercase().replace_strict(SEX, default=None) if "sex" in f.columns
         else pl.lit(None, pl.String)).alias("sex"),
        pl.col("_dob").alias("birth_date"),
        (pl.col("address") if "address" in f.columns else pl.lit(None, pl.String)).alias("address"),
        "station",
        (pl.col("_added") if "date_added" in f.columns else pl.lit(None, pl.Date)).alias("date_added"),
    )
    return out


def _date(expr: pl.Expr) -> pl.Expr:
    return pl.coalesce(expr.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
                       expr.str.strptime(pl.Date, "%d.%m.%Y", strict=False))


SIDE_COLUMNS = {
    "stations": ("code", "district_code", "region_code", "kind"),
    "deaths": ("iin", "surname", "given_name", "patronymic", "birth_date", "date_of_death"),
    "population": ("district_code", "adults"),
}


def read_side(path: str | Path, kind: str) -> pl.DataFrame:
    """A side table of the audit (stations, deaths list, adult population), checked like the register."""
    from saylau.core.tabular import Column, parse_table

    columns = {
        "stations": [Column("code"), Column("district_code"), Column("region_code"),
                     Column("kind", "choice", choices=("regular", "special"))],
        "deaths": [Column("iin"), Column("surname", required=False, default=""),
                   Column("given_name", required=False, default=""), Column("patronymic", required=False, default=""),
                   Column("birth_date"), Column("date_of_death")],
        "population": [Column("district_code"), Column("adults", "int", minimum=0)],
    }[kind]
    problems: list[CellError] = []
    rows = parse_table(path, columns, errors=problems)
    for row in rows:
        for c in ("birth_date", "date_of_death"):
            if c in row and row[c] is not None:
                try:
                    row[c] = _parse_day(row[c])
                except ValueError:
                    problems.append(CellError(row["_row"], c, "a date YYYY-MM-DD or DD.MM.YYYY", row[c]))
        if kind == "deaths" and row.get("iin") and not (len(row["iin"]) == 12 and row["iin"].isdigit()):
            problems.append(CellError(row["_row"], "iin", "12 digits", row["iin"]))
    if problems:
        raise TableError(Path(path).name, sorted(problems, key=lambda e: (e.row, e.column))[:MAX_ERRORS])
    return pl.DataFrame([{k: v for k, v in r.items() if k != "_row"} for r in rows])


def _parse_day(text: str):
    import datetime as dt

    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
