"""Malformed files for every importer: mutations of a valid file (Hypothesis).

A mutation works on the table (drop, add, swap or rename a column; a bad
number; a short or long row; rows dropped, doubled or blank), then on its
text (separator, encoding: UTF-8 with or without a byte-order mark, UTF-16
with or without one, Windows-1251, Latin-1, KOI8-R, CP866), then on its bytes
(truncated, garbage inserted, a byte flipped, a stretch zeroed), and may be
gzip'ed (and the gzip broken). XLSForm workbooks get the byte mutations and
cell, row and sheet mutations of their sheets.

:data:`IMPORTERS` maps each importer to its reading half, the code that turns
a file into rows before anything touches the database; :func:`outcome` runs one and
says whether the file was refused properly (a ``TableError``, or an
``XLSFormError`` for forms, with row numbers) or read; anything else raised
is a crash and propagates.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from saylau.core.tabular import INTEGER_MAX, TableError

#: what a whole-number cell must never be read as (each is refused, never coerced)
BAD_NUMBERS = ("1.000", "1E3", "1e3", "12.0", "12,0", "0x10", "4294967296", "2147483648",
               "99999999999999999999", "-1", "-0.5", "NaN", "inf", "-inf", "½", "١٢", "12 34", "1_000",
               "+-1", "1-", "١", "Ⅻ", "12abc", "\u00a0", "1,000,000", "9" * 400)
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251",
             "latin-1", "koi8-r", "cp866")


@dataclass(frozen=True)
class Seed:
    """A valid file: its header, rows, and which columns hold whole numbers."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[str, ...] = ()


STATIONS = Seed(
    ("region_code", "region_name_en", "region_name_kk", "district_code", "district_name_en", "station_code",
     "registered_voters", "area", "kind", "special_kind", "latitude", "longitude"),
    (("01", "Akmola Region", "Ақмола облысы", "D01", "District 1", "0001", "1500", "urban", "regular", "", "53.28", "69.39"),
     ("01", "Akmola Region", "Ақмола облысы", "D01", "District 1", "0002", "420", "rural", "regular", "", "", ""),
     ("01", "Akmola Region", "Ақмола облысы", "D02", "District 2", "0003", "120", "rural", "special", "hospital", "", ""),
     ("16", "Almaty", "Алматы", "D03", "District 3", "0004", "2100", "urban", "regular", "", "43.24", "76.89")),
    ("registered_voters",),
)
OBSERVERS = Seed(
    ("code", "full_name", "role", "state", "parliamentarian", "team_code", "language", "phone"),
    (("OBS1", "Aigerim", "sto", "DE", "yes", "S0001", "ru", "+77010000001"),
     ("OBS2", "Boris", "sto", "FR", "no", "S0001", "en", "+77010000002"),
     ("OBS3", "Dana", "sto", "PL", "no", "S0002", "kk", "+77010000003"),
     ("OBS4", "Erlan", "core", "GB", "no", "", "en", "")),
)
_VOTING = {
    "station_code": "0111", "arrival_time": "09:30", "identical_signatures": "no", "ballot_stuffing": "no",
    "boxes_not_sealed": "no", "group_voting": "no", "multiple_voting": "no", "proxy_voting": "no",
    "voting_without_id": "no", "voters_turned_away": "no", "unauthorised_persons_present": "no",
    "observers_restricted": "no", "party_observers_present": "yes", "pec_members_total": "7",
    "pec_members_women": "5", "pec_chair_gender": "female", "voters_in_station": "12", "assessment": "good",
}
SUBMISSIONS = Seed(
    ("team_code", *_VOTING),
    (("S0001", *_VOTING.values()),
     ("S0001", *{**_VOTING, "station_code": "0112", "voters_in_station": "30"}.values())),
    ("pec_members_total", "pec_members_women", "voters_in_station"),
)
RESULTS = Seed(
    ("region_code", "district_code", "station_code", "registered", "ballots_received", "issued_in_station",
     "valid", "invalid", "votes_1", "votes_2", "votes_3", "received_at"),
    (("01", "D011", "0111", "1000", "900", "610", "600", "10", "350", "200", "50", "2011-04-03T16:00:00Z"),
     ("01", "D011", "0112", "1200", "1000", "700", "690", "10", "400", "250", "40", "2011-04-03T16:05:00Z"),
     ("01", "D012", "0121", "800", "700", "500", "495", "5", "300", "150", "45", ""),
     ("02", "D021", "0211", "950", "900", "400", "396", "4", "200", "100", "96", "2011-04-03T17:00:00+06:00")),
    ("registered", "ballots_received", "issued_in_station", "valid", "invalid", "votes_1", "votes_2", "votes_3"),
)
DATA = Path(__file__).resolve().parents[1] / "data"


def _head(lines) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(lines))
    return rows[0], rows[1:]


def _ru_cec() -> Seed:
    import zipfile

    with zipfile.ZipFile(DATA / "ru-kobak" / "2012.csv.zip") as archive, \
            archive.open(archive.namelist()[0]) as fh:
        header, rows = _head([next(fh).decode() for _ in range(5)])
    return Seed(tuple(header), tuple(tuple(r) for r in rows), tuple(header[3:13] + header[21:-1]))


def _mexico() -> Seed:
    with gzip.open(DATA / "mx-quickcountmx" / "mexico_2012_presidential_by_casilla.csv.gz", "rt") as fh:
        header, rows = _head([next(fh) for _ in range(5)])
    return Seed(tuple(header), tuple(tuple(r) for r in rows), ("pri_pvem", "pan", "panal", "prd_pt_mc", "otros",
                                                               "total", "ln"))


RU_CEC, MEXICO = _ru_cec(), _mexico()
SEEDS = {"stations": STATIONS, "observers": OBSERVERS, "submissions": SUBMISSIONS, "results": RESULTS}

# --- table mutations ------------------------------------------------------------

text_cells = st.one_of(st.sampled_from(["", " ", "x", "Ә", "Алматы", '"', "a,b", "a;b", "line\nbreak", "é"]),
                       st.text(max_size=12), st.text(min_size=40, max_size=300, alphabet="abcЖ"))
bad_numbers = st.one_of(
    st.sampled_from(BAD_NUMBERS),
    st.integers(INTEGER_MAX + 1, 2**90).map(str),
    st.integers(-(2**70), -1).map(str),
    st.integers(0, 10**6).map(lambda n: f"{n}.0"),
    st.tuples(st.integers(1, 9), st.integers(0, 30)).map(lambda t: f"{t[0]}E{t[1]}"),
    st.floats(allow_nan=True, allow_infinity=True).filter(lambda x: not float(x).is_integer()).map(repr),
)


def _mutate_table(draw, seed: Seed) -> tuple[list[str], list[list[str]]]:
    header = list(seed.header)
    rows = [list(r) for r in seed.rows]
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(("drop_column", "add_column", "swap_columns", "rename", "bad_number", "cell",
                                   "short_row", "long_row", "no_rows", "double_row", "blank_row", "swap_values")))
        width = len(header)
        if op == "drop_column" and width > 1:
            at = draw(st.integers(0, width - 1))
            header.pop(at)
            for r in rows:
                if at < len(r):
                    r.pop(at)
        elif op == "add_column":
            at = draw(st.integers(0, width))
            header.insert(at, draw(st.one_of(st.sampled_from(seed.header), text_cells)))
            for r in rows:
                r.insert(min(at, len(r)), draw(st.one_of(text_cells, bad_numbers)))
        elif op == "swap_columns" and width > 1:
            a, b = draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))
            header[a], header[b] = header[b], header[a]  # the names move, the values stay
        elif op == "swap_values" and width > 1 and rows:
            a, b = draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))
            for r in rows:
                if max(a, b) < len(r):
                    r[a], r[b] = r[b], r[a]
        elif op == "rename" and width:
            header[draw(st.integers(0, width - 1))] = draw(text_cells)
        elif op == "bad_number" and rows:
            targets = [i for i, h in enumerate(header) if h in seed.numeric] or list(range(width))
            if targets:
                r = rows[draw(st.integers(0, len(rows) - 1))]
                at = draw(st.sampled_from(targets))
                if at < len(r):
                    r[at] = draw(bad_numbers)
        elif op == "cell" and rows and width:
            r = rows[draw(st.integers(0, len(rows) - 1))]
            at = draw(st.integers(0, width - 1))
            if at < len(r):
                r[at] = draw(text_cells)
        elif op == "short_row" and rows:
            r = rows[draw(st.integers(0, len(rows) - 1))]
            del r[draw(st.integers(0, max(len(r) - 1, 0))):]
        elif op == "long_row" and rows:
            rows[draw(st.integers(0, len(rows) - 1))].extend(draw(st.lists(text_cells, min_size=1, max_size=3)))
        elif op == "no_rows":
            rows = []
        elif op == "double_row" and rows:
            rows.append(list(rows[draw(st.integers(0, len(rows) - 1))]))
        elif op == "blank_row":
            rows.insert(draw(st.integers(0, len(rows))), [""] * draw(st.integers(0, width)))
    return header, rows


def _bytes_mutation(draw, raw: bytes) -> bytes:
    op = draw(st.sampled_from(("truncate", "garbage", "flip", "zero", "nul")))
    at = draw(st.integers(0, 1 << 20)) % (len(raw) + 1)  # the draws do not depend on the length
    if op == "truncate":
        return raw[:at]
    if op == "garbage":
        return raw[:at] + draw(st.binary(min_size=1, max_size=40)) + raw[at:]
    if op == "nul":
        return raw[:at] + b"\x00" + raw[at:]
    if not raw:
        return raw
    at = min(at, len(raw) - 1)
    if op == "flip":
        return raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1:]
    end = min(len(raw), at + draw(st.integers(1, 64)))
    return raw[:at] + b"\x00" * (end - at) + raw[end:]


@st.composite
def table_files(draw, seed: Seed) -> tuple[str, bytes]:
    """(file name, bytes) of a mutated CSV of ``seed``."""
    header, rows = _mutate_table(draw, seed)
    out = io.StringIO()
    csv.writer(out, delimiter=draw(st.sampled_from((",", ",", ",", ";", "\t"))), lineterminator=draw(
        st.sampled_from(("\n", "\r\n")))).writerows([header, *rows])
    raw = out.getvalue().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    for _ in range(draw(st.integers(0, 2) if draw(st.booleans()) else st.just(0))):
        raw = _bytes_mutation(draw, raw)
    name = "file.csv"
    if draw(st.integers(0, 7)) == 0:
        raw, name = gzip.compress(raw, mtime=0), "file.csv.gz"
        if draw(st.booleans()):
            raw = _bytes_mutation(draw, raw)
    return name, raw


# --- XLSForm workbooks ------------------------------------------------------------

def _form_sheets() -> dict[str, list[list[object]]]:
    from openpyxl import load_workbook

    from saylau.observation.core.forms import FORMS_DIR

    book = load_workbook(FORMS_DIR / "voting.xlsx")
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


FORM_BYTES: bytes | None = None
FORM_SHEETS: dict[str, list[list[object]]] | None = None


def form_seed() -> tuple[bytes, dict[str, list[list[object]]]]:
    global FORM_BYTES, FORM_SHEETS
    if FORM_BYTES is None:
        from saylau.observation.core.forms import FORMS_DIR

        FORM_BYTES, FORM_SHEETS = (FORMS_DIR / "voting.xlsx").read_bytes(), _form_sheets()
    return FORM_BYTES, FORM_SHEETS  # type: ignore[return-value]


def _workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r in rows:
            ws.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


#: what a worksheet cell can hold (openpyxl refuses control characters)
sheet_text = st.one_of(st.sampled_from(["", " ", "x", "Ә", "a b", "${x}", "yes_no", "label::ru"]),
                       st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20))


@st.composite
def form_files(draw) -> tuple[str, bytes]:
    data, sheets = form_seed()
    if draw(st.integers(0, 2)) == 0:  # a sheet's cells, rows or the sheet itself
        sheets = {k: [list(r) for r in v] for k, v in sheets.items()}
        for _ in range(draw(st.integers(1, 3))):
            name = draw(st.sampled_from(sorted(sheets)))
            rows = sheets[name]
            op = draw(st.sampled_from(("cell", "drop_row", "double_row", "drop_sheet", "rename_sheet", "drop_column")))
            if op == "cell" and rows:
                r = rows[draw(st.integers(0, len(rows) - 1))]
                if r:
                    r[draw(st.integers(0, len(r) - 1))] = draw(st.one_of(
                        sheet_text, st.sampled_from(["integer", "select_one yes_no", "begin_repeat", "end_group",
                                                     "calculate", "${nowhere} > 1", "select_one missing", ".<<"]),
                        st.integers(-(2**70), 2**70), st.floats(allow_nan=True)))
            elif op == "drop_row" and rows:
                rows.pop(draw(st.integers(0, len(rows) - 1)))
            elif op == "double_row" and rows:
                rows.insert(draw(st.integers(0, len(rows))), list(rows[draw(st.integers(0, len(rows) - 1))]))
            elif op == "drop_column" and rows and rows[0]:
                at = draw(st.integers(0, len(rows[0]) - 1))
                for r in rows:
                    if at < len(r):
                        r.pop(at)
            elif op == "drop_sheet" and len(sheets) > 1:
                del sheets[name]
            elif op == "rename_sheet":
                sheets[draw(st.sampled_from(["survey", "choices", "settings", "Survey", "sheet", "x"]))] = sheets.pop(name)
        data = _workbook(sheets)
    if draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            data = _bytes_mutation(draw, data)
    return "form.xlsx", data


# --- the importers' reading halves -------------------------------------------------------

def _stations(path: Path) -> object:
    from saylau.geography.services.importing import parse_stations

    return parse_stations(path)


def _observers(path: Path) -> object:
    from saylau.core.tabular import parse_table
    from saylau.observation.services.mission import OBSERVER_COLUMNS

    return parse_table(path, OBSERVER_COLUMNS)


def _submissions(path: Path) -> object:
    from saylau.observation.core.forms import builtin_form
    from saylau.observation.core.validate import validate_answers
    from saylau.observation.services.importing import parse_submissions

    form = builtin_form("voting")
    rows = parse_submissions(path, form, "voting")
    return [validate_answers(form, r.item.answers) for r in rows]  # the answers, as the service checks them


def _results(preset: str) -> Callable[[Path], object]:
    def parse(path: Path) -> object:
        from saylau.results.presets import PRESETS, parse_protocols, read_frame

        read = read_frame(path)
        parsed = parse_protocols(read.frame, PRESETS[preset], path.name, read.rows)
        for column in parsed.columns:  # what is read is within the database's range
            if column.startswith("votes_") or column in ("registered", "ballots_received", "issued_in_station",
                                                         "issued_mobile", "issued_early", "cancelled",
                                                         "found_in_boxes", "invalid", "valid"):
                values = parsed[column].drop_nulls()
                assert values.is_empty() or (values.min() >= 0 and values.max() <= INTEGER_MAX), column
        return parsed
    return parse


def _forms(path: Path) -> object:
    from saylau.observation.services.forms import parse_form

    return parse_form(path.read_bytes())


IMPORTERS: dict[str, tuple[Callable[[Path], object], object]] = {
    "stations": (_stations, table_files(STATIONS)),
    "observers": (_observers, table_files(OBSERVERS)),
    "submissions": (_submissions, table_files(SUBMISSIONS)),
    "results": (_results("saylau"), table_files(RESULTS)),
    "results-ru-cec": (_results("ru-cec"), table_files(RU_CEC)),
    "results-mexico-2012": (_results("mexico-2012"), table_files(MEXICO)),
    "forms": (_forms, form_files()),
}


def outcome(parse: Callable[[Path], object], path: Path) -> str:
    """``read`` or ``refused``; a refusal must name its rows (0: the file) and
    the file. Any other exception propagates: that is a crash."""
    from saylau.observation.core.xlsform import XLSFormError

    try:
        parse(path)
    except TableError as error:
        assert error.errors, "a refusal names at least one problem"
        assert all(isinstance(e.row, int) and e.row >= 0 for e in error.errors)
        text = str(error)
        assert text.startswith(path.name + ":") and "nothing was imported" in text and "Traceback" not in text
        return "refused"
    except XLSFormError as error:
        assert str(error) and error.sheet
        return "refused"
    return "read"
