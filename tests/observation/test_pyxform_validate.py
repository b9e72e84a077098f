"""Server-side validation of forms ODK users write: choice filters, or_other,
repeat_count, date arithmetic, indexed-repeat, jr:choice-name, once(), metadata
kept, and OpenRosa instances read into the same answers."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from saylau.observation.core.instance import instance_to_answers
from saylau.observation.core.validate import validate_answers
from saylau.observation.core.xlsform import read_xlsform

from .helpers import YES_NO, workbook

DATA = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
NOW = dt.datetime(2026, 12, 6, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))


def _form(name: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_xlsform(DATA / f"{name}.xlsx")


def _codes(result) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in result.errors]


def test_cascading_choice_filters() -> None:
    form = _form("example_xls__choice_filter_test")
    ok = validate_answers(form, {"state": "texas", "county": "cameron", "city": "brownsville"})
    assert ok.ok and ok.answers == {"state": "texas", "county": "cameron", "city": "brownsville"}
    wrong = validate_answers(form, {"state": "texas", "county": "pierce", "city": "seattle"})
    assert _codes(wrong) == [("county", "choice")]
    assert wrong.errors[0].message == "'pierce' is not one of the choices: king cameron"
    city = validate_answers(form, {"state": "washington", "county": "king", "city": "brownsville"})
    assert _codes(city) == [("city", "choice")]


def test_or_other_and_a_filtered_list() -> None:
    form = _form("example_xls__or_other")
    kept = validate_answers(form, {"fav_color": "other", "fav_color_other": "teal"})
    assert kept.ok and kept.answers["fav_color_other"] == "teal" and kept.dropped == ()
    dropped = validate_answers(form, {"fav_color": "red", "fav_color_other": "teal"})
    assert dropped.ok and "fav_color_other" not in dropped.answers and dropped.dropped == ("fav_color_other",)
    # the workbook's filter is `pastel=yes`, unquoted: it compares with an element named `yes`,
    # so ODK offers no choice at all there, and no answer passes
    for value in ("red", "mauve"):
        assert _codes(validate_answers(form, {"fav_pastel": value})) == [("fav_pastel", "choice")]


SURVEY = [["type", "name", "label", "calculation", "constraint", "relevant", "repeat_count", "required"],
          ["start", "start", "", "", "", "", "", ""],
          ["end", "end", "", "", "", "", "", ""],
          ["today", "today", "", "", "", "", "", ""],
          ["deviceid", "deviceid", "", "", "", "", "", ""],
          ["date", "visit", "Visit", "", ". >= ${today} - 7 and . <= ${today}", "", "", "yes"],
          ["integer", "n", "People", "", ". >= 0", "", "", "yes"],
          ["begin repeat", "people", "Person", "", "", "", "${n}", ""],
          ["text", "pname", "Name", "", "", "", "", "yes"],
          ["integer", "age", "Age", "", ". < 120", "", "", ""],
          ["end repeat", "", "", "", "", "", "", ""],
          ["calculate", "first_name", "", "indexed-repeat(${pname}, ${people}, 1)", "", "", "", ""],
          ["calculate", "total_age", "", "sum(${age})", "", "", "", ""],
          ["select_one yes_no", "ok", "OK?", "", "", "", "", ""],
          ["calculate", "ok_label", "", "jr:choice-name(${ok}, '${ok}')", "", "", "", ""],
          ["calculate", "stamp", "", "once(now())", "", "", "", ""],
          ["calculate", "days", "", "${today} - ${visit}", "", "", "", ""]]
GOOD = {"start": "2026-12-06T13:50:00.000+06:00", "end": "2026-12-06T14:00:00.000+06:00",
        "today": "2026-12-06", "deviceid": "collect:abc", "visit": "2026-12-01", "n": "2",
        "people": [{"pname": "Aida", "age": "40"}, {"pname": "Bek", "age": "2"}], "ok": "yes",
        "stamp": "2026-12-06T13:51:00.000+06:00", "instanceID": "uuid:1c6a0f6e-0f7e-4a43-9a55-111111111111"}


@pytest.fixture(scope="module")
def household():
    return read_xlsform(workbook(SURVEY, YES_NO, [["form_id", "version"], ["household", "3"]]))


def test_logic_as_odk_evaluates_it(household) -> None:
    result = validate_answers(household, GOOD, now=NOW)
    assert result.ok, result.errors
    answers = result.answers
    assert answers["start"] == dt.datetime(2026, 12, 6, 13, 50, tzinfo=dt.timezone(dt.timedelta(hours=6)))
    assert answers["today"] == dt.date(2026, 12, 6) and answers["deviceid"] == "collect:abc"
    assert answers["instanceID"] == GOOD["instanceID"]  # metadata kept
    assert answers["people"] == [{"pname": "Aida", "age": 40}, {"pname": "Bek", "age": 2}]
    assert (answers["first_name"], answers["total_age"], answers["days"]) == ("Aida", "42", "5")
    assert answers["ok_label"] == "Yes"
    assert answers["stamp"] == GOOD["stamp"]  # the device's once(now()) is kept


def test_logic_refusals(household) -> None:
    late = validate_answers(household, {**GOOD, "visit": "2026-11-01"}, now=NOW)
    assert _codes(late) == [("visit", "constraint")]
    short = validate_answers(household, {**GOOD, "n": "3"}, now=NOW)
    assert _codes(short) == [("people", "repeat_count")]
    assert short.errors[0].message == "Expected 3 entries, got 2"
    assert validate_answers(household, {**GOOD, "n": "3"}, "kk", now=NOW).errors[0].message == (
        "Күтілген жазбалар саны: 3, алынғаны: 2")
    old = validate_answers(household, {**GOOD, "people": [{"pname": "Aida", "age": "140"},
                                                          {"pname": "", "age": "3"}]}, now=NOW)
    assert _codes(old) == [("people[1].age", "constraint"), ("people[2].pname", "required")]
    stamp = validate_answers(household, {k: v for k, v in GOOD.items() if k != "stamp"}, now=NOW)
    assert stamp.answers["stamp"] == "2026-12-06T14:00:00.000+06:00"  # computed when the device sent none


def test_an_openrosa_instance_reads_into_the_same_answers(household) -> None:
    people = "".join(f"<people><pname>{p['pname']}</pname><age>{p['age']}</age></people>" for p in GOOD["people"])
    xml = (f'<data id="household" version="3"><start>{GOOD["start"]}</start><end>{GOOD["end"]}</end>'
           f'<today>{GOOD["today"]}</today><deviceid>{GOOD["deviceid"]}</deviceid><visit>{GOOD["visit"]}</visit>'
           f'<n>2</n>{people}<first_name>Aida</first_name><total_age>42</total_age><ok>yes</ok>'
           f'<ok_label>Yes</ok_label><stamp>{GOOD["stamp"]}</stamp><days>5</days>'
           f'<meta><instanceID>{GOOD["instanceID"]}</instanceID><timeEnd>x</timeEnd></meta></data>').encode()
    answers = instance_to_answers(xml, household)
    assert answers == {**GOOD, "first_name": "Aida", "total_age": "42", "ok_label": "Yes", "days": "5"}
    assert validate_answers(household, answers, now=NOW).ok
