"""Reading signature sheets and accreditation lists (CSV or XLSX) whole, with every
problem named by row, column, what was expected and what came; the services
store nothing unless the whole file reads.

A signature line may lack a name, an ID number or a date: that is the line's
fault (``missing_field``), found by the check, not the file's. What the file
itself must get right is what ties a line to its nominee and sheet, the dates'
form, the lengths the database holds, and a sheet that keeps one region and
one collector throughout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from saylau.core.tabular import MAX_ERRORS, CellError, Column, TableError, parse_table

DATE_FORMS = ("%Y-%m-%d", "%d.%m.%Y")
DATE_EXPECTED = "a date YYYY-MM-DD or DD.MM.YYYY"

LINE_FILE = [
    Column("line_id", max_length=60, aliases=("line", "строка", "жол")),
    Column("nominee", max_length=20, aliases=("nominee_code", "кандидат", "үміткер")),
    Column("sheet", max_length=40, aliases=("sheet_number", "лист", "парақ")),
    Column("region_code", max_length=40, aliases=("region", "регион", "өңір")),
    Column("collector", required=False, default="", max_length=60, aliases=("сборщик", "жинаушы")),
    Column("surname", required=False, default="", max_length=100, aliases=("фамилия", "тегі")),
    Column("given_name", required=False, default="", max_length=100, aliases=("имя", "аты")),
    Column("patronymic", required=False, default="", max_length=100, aliases=("отчество", "әкесінің_аты")),
    Column("iin", required=False, default="", max_length=20, aliases=("иин", "жсн")),
    Column("birth_date", required=False, default="", aliases=("date_of_birth", "дата_рождения", "туған_күні")),
    Column("address", required=False, default="", max_length=300, aliases=("адрес", "мекенжайы")),
    Column("signed_on", required=False, default="", aliases=("date_signed", "дата_подписи", "қол_қойылған_күні")),
    Column("struck", "bool", required=False, default=False),
    Column("struck_reason", required=False, default="", max_length=30),
]
TEXT = ("line_id", "nominee", "sheet", "region_code", "collector", "surname", "given_name", "patronymic", "iin",
        "address", "struck_reason")


def parse_date(text: str) -> dt.date:
    for form in DATE_FORMS:
        try:
            return dt.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    raise ValueError(text)


def _dates(rows: list[dict], columns: tuple[str, ...], problems: list[CellError]) -> None:
    for row in rows:
        for c in columns:
            value = row.get(c)
            if value in (None, ""):
                row[c] = None
                continue
            try:
                row[c] = parse_date(value)
            except ValueError:
                problems.append(CellError(row["_row"], c, DATE_EXPECTED, value))
                row[c] = None


def read_lines(path: str | Path, *, reasons: tuple[str, ...] = ()) -> pl.DataFrame:
    """The signature lines in ``path``: the columns of
    :data:`saylau.nomination.core.signatures.LINE_COLUMNS` and the commission's record
    (``struck``, ``struck_reason``), and ``row`` (the file's row); or :class:`TableError`.
    ``reasons``: the reason codes a ``struck_reason`` may name."""
    path = Path(path)
    problems: list[CellError] = []
    rows = parse_table(path, LINE_FILE, errors=problems)
    _dates(rows, ("birth_date", "signed_on"), problems)
    seen: dict[tuple[str, str], int] = {}
    sheets: dict[tuple[str, str], tuple[int, str, str]] = {}
    for row in rows:
        key = (row["nominee"], row["line_id"])
        if None not in key and key in seen:
            problems.append(CellError(row["_row"], "line_id", f"a line id used once per nominee (row {seen[key]} has it)",
                                      row["line_id"]))
        seen.setdefault(key, row["_row"])
        sheet = (row["nominee"], row["sheet"])
        if None not in sheet:
            first = sheets.setdefault(sheet, (row["_row"], row["region_code"], row["collector"]))
            if row["region_code"] is not None and first[1] is not None and row["region_code"] != first[1]:
                problems.append(CellError(row["_row"], "region_code",
                                          f"the sheet's region {first[1]!r} (as on row {first[0]})", row["region_code"]))
            if row["collector"] != first[2]:
                problems.append(CellError(row["_row"], "collector",
                                          f"the sheet's collector {first[2]!r} (as on row {first[0]})", row["collector"]))
        if row["struck_reason"] and reasons and row["struck_reason"] not in reasons:
            problems.append(CellError(row["_row"], "struck_reason", "one of " + ", ".join(reasons) + " or blank",
                                      row["struck_reason"]))
        if row["struck_reason"] and not row["struck"]:
            problems.append(CellError(row["_row"], "struck_reason", "blank unless the line was struck (struck = yes)",
                                      row["struck_reason"]))
    if problems:
        raise TableError(path.name, sorted(problems, key=lambda e: (e.row, e.column))[:MAX_ERRORS])
    return lines_frame(rows)


def lines_frame(rows: list[dict]) -> pl.DataFrame:
    schema = {c: pl.Utf8 for c in TEXT} | {"birth_date": pl.Date, "signed_on": pl.Date, "struck": pl.Boolean,
                                            "row": pl.Int64}
    return pl.DataFrame([{**{c: r.get(c) for c in schema if c != "row"}, "row": r["_row"]} for r in rows],
                        schema=schema, orient="row")


def accreditation_file(kinds: tuple[str, ...]) -> list[Column]:
    return [
        Column("reference", required=False, default="", max_length=40, aliases=("accreditation_id", "number")),
        Column("kind", "choice", choices=kinds),
        Column("full_name", max_length=200, aliases=("name", "фио", "аты_жөні")),
        Column("iin", required=False, default="", max_length=12, aliases=("иин", "жсн")),
        Column("role", required=False, default="", max_length=20),
        Column("nominee", required=False, default="", max_length=20, aliases=("candidate", "nominee_code")),
        Column("party", required=False, default="", max_length=20, aliases=("party_code",)),
        Column("organisation", required=False, default="", max_length=200, aliases=("organization", "outlet")),
        Column("state", required=False, default="", max_length=3, aliases=("country",)),
        Column("station_code", required=False, default="", max_length=40, aliases=("station",)),
        Column("region_code", required=False, default="", max_length=40, aliases=("region",)),
        Column("filed_on", required=False, default=""),
        Column("observer", required=False, default="", max_length=20, aliases=("observer_code",)),
    ]


def read_accreditations(path: str | Path, *, kinds: tuple[str, ...]) -> pl.DataFrame:
    """Applications for accreditation in ``path`` (one a row, in the order filed): ``reference, kind,
    full_name, iin, role, nominee, party, organisation, state, station_code, region_code, filed_on,
    observer, row``. What the application lacks (a proxy without a station...) is a refusal, not an
    error of the file: :func:`saylau.nomination.core.accreditation.validate` gives it."""
    path = Path(path)
    problems: list[CellError] = []
    rows = parse_table(path, accreditation_file(kinds), errors=problems)
    _dates(rows, ("filed_on",), problems)
    if problems:
        raise TableError(path.name, sorted(problems, key=lambda e: (e.row, e.column))[:MAX_ERRORS])
    schema = {c: pl.Utf8 for c in ("reference", "kind", "full_name", "iin", "role", "nominee", "party",
                                   "organisation", "state", "station_code", "region_code", "observer")} \
        | {"filed_on": pl.Date, "row": pl.Int64}
    return pl.DataFrame([{**{c: r.get(c) for c in schema if c != "row"}, "row": r["_row"]} for r in rows],
                        schema=schema, orient="row")


def read_nominees(path: str | Path, *, nominated_by: tuple[str, ...]) -> list[dict]:
    """Nominees in ``path``: ``code, name_en, name_ru, name_kk, nominated_by, party, nominating_body,
    nominated_on, incumbent`` (each row a dict with its ``_row``)."""
    path = Path(path)
    problems: list[CellError] = []
    rows = parse_table(path, [
        Column("code", max_length=20), Column("name_en", max_length=200),
        Column("name_ru", required=False, default="", max_length=200),
        Column("name_kk", required=False, default="", max_length=200),
        Column("nominated_by", "choice", choices=nominated_by),
        Column("party", required=False, default="", max_length=20, aliases=("party_code",)),
        Column("nominating_body", required=False, default="", max_length=200, aliases=("association",)),
        Column("nominated_on"), Column("incumbent", "bool", required=False, default=False),
    ], errors=problems)
    _dates(rows, ("nominated_on",), problems)
    seen: dict[str, int] = {}
    for row in rows:
        if row["code"] in seen:
            problems.append(CellError(row["_row"], "code", f"a code used once (row {seen[row['code']]} has it)",
                                      row["code"]))
        seen.setdefault(row["code"], row["_row"])
        if row["nominated_by"] == "party" and not row["party"]:
            problems.append(CellError(row["_row"], "party", "the nominating party's code", ""))
        if row["nominated_by"] == "association" and not row["nominating_body"]:
            problems.append(CellError(row["_row"], "nominating_body", "the public association's name", ""))
    if problems:
        raise TableError(path.name, sorted(problems, key=lambda e: (e.row, e.column))[:MAX_ERRORS])
    return rows
