"""XLSForm reading (through pyxform), writing, the stored XForm and the built-in forms."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from saylau.observation.core.forms import BUILTIN_FORM_IDS, builtin_form, builtin_forms
from saylau.observation.core.metrics import BUILTIN_METRICS
from saylau.observation.core.xlsform import (
    Form,
    XLSFormError,
    question_path,
    read_xlsform,
    to_xform,
    workbook_bytes,
)

from .helpers import SETTINGS, YES_NO, workbook

XF = "{http://www.w3.org/2002/xforms}"

EXPECTED = {
    "opening": ["station_code", "arrival_time", "opened_on_time", "ballot_boxes_sealed",
                "ballots_counted_before_opening", "observers_restricted", "assessment"],
    "voting": ["station_code", "arrival_time", "identical_signatures", "ballot_stuffing",
               "boxes_not_sealed", "group_voting", "multiple_voting", "proxy_voting",
               "voting_without_id", "voters_turned_away", "unauthorised_persons_present",
               "unauthorised_persons_directing", "observers_restricted",
               "party_observers_present", "pec_members_total", "pec_members_women",
               "pec_chair_gender", "voters_in_station", "assessment"],
    "counting": ["station_code", "arrival_time", "stacks_of_ballots", "observers_restricted",
                 "choices_announced", "protocol_difficulties", "protocol_presigned",
                 "protocol_posted", "copy_given", "p_registered", "p_ballots_received",
                 "p_issued_in_station", "p_issued_mobile", "p_issued_early", "p_cancelled",
                 "p_found_in_boxes", "p_invalid", "p_valid", "candidate_number", "votes",
                 "assessment"],
    "tabulation": ["dec_code", "arrival_time", "transparent", "observers_restricted",
                   "protocols_completed_at_dec", "protocols_corrected_without_decision",
                   "assessment"],
    "incident": ["station_code", "incident_type", "description", "incident_time"],
    "lto_report": ["region_code", "week_start", "campaign_events_observed",
                   "complaints_learned", "summary", "concerns"],
}


@pytest.mark.parametrize("form_id", BUILTIN_FORM_IDS)
def test_builtin_question_names(form_id: str) -> None:
    form = builtin_form(form_id)
    assert [q.name for q in form.questions()] == EXPECTED[form_id]


@pytest.mark.parametrize("form_id", BUILTIN_FORM_IDS)
def test_round_trip_xlsform(form_id: str) -> None:
    form = builtin_form(form_id)
    again = read_xlsform(workbook_bytes(form))
    assert again == form
    assert read_xlsform(workbook_bytes(again)) == form


@pytest.mark.parametrize("form_id", BUILTIN_FORM_IDS)
def test_xform_has_every_field_and_translation(form_id: str) -> None:
    form = builtin_form(form_id)
    root = ET.fromstring(to_xform(form))
    model = root.find(f"{{http://www.w3.org/1999/xhtml}}head/{XF}model")
    primary = model.find(f"{XF}instance/{XF}data")
    assert primary is not None and primary.get("id") == form_id
    fields = {el.tag.removeprefix(XF) for el in primary.iter()}
    assert set(EXPECTED[form_id]) <= fields
    langs = {t.get("lang") for t in model.iter(f"{XF}translation")}
    assert langs == {"English (en)", "Russian (ru)", "Kazakh (kk)"}
    binds = {b.get("nodeset"): b for b in model.iter(f"{XF}bind")}
    for q in form.questions():
        bind = binds[question_path(form, q)]
        if q.constraint:
            assert bind.get("constraint")
        if q.required == "yes":
            assert bind.get("required") == "true()"


def test_xform_keeps_relevance_and_constraint_paths() -> None:
    form = builtin_form("voting")
    root = ET.fromstring(to_xform(form))
    binds = {b.get("nodeset"): b for b in root.iter(f"{XF}bind")}
    directing = binds["/data/unauthorised_persons_directing"]
    assert " ".join(directing.get("relevant").split()) == "/data/unauthorised_persons_present = 'yes'"
    women = binds["/data/pec_members_women"]
    assert "/data/pec_members_total" in women.get("constraint")


def test_assessment_and_languages_of_builtin_forms() -> None:
    for form_id, form in builtin_forms().items():
        if form_id in ("incident", "lto_report"):
            assert "assessment" not in {q.name for q in form.survey}
        else:
            q = form.question("assessment")
            assert [c.name for c in form.choice_list(q.list_name)] == [
                "very_good", "good", "bad", "very_bad"]
            assert q.negative == ("bad", "very_bad")
        for q in form.questions():
            codes = {lang.split("(")[1][:2] for lang, _ in q.labels}
            assert codes == {"en", "ru", "kk"}, q.name
            assert q.label("kk") != q.label("en") and q.label("ru") != q.label("en")
    kazakh = "".join(q.label("kk") for f in builtin_forms().values() for q in f.survey)
    assert set("әғқңөұүі") <= set(kazakh)


def test_metrics_match_form_columns() -> None:
    for metric in BUILTIN_METRICS:
        q = builtin_form(metric.form).question(metric.question)
        assert metric.id in q.metric.split(), metric.id
        if metric.kind in ("count_incident", "share_negative_assessment"):
            assert set(metric.counted_values) == set(q.negative), metric.id


def test_columns_pyxform_keeps_survive_round_trip() -> None:
    data = workbook([["type", "name", "label::English (en)", "bind::odk:length", "default", "saylau::sms"],
                     ["integer", "n", "N", "3", "2", "a"]], YES_NO, SETTINGS)
    form = read_xlsform(data)
    assert form.question("n").extra == (("bind::odk:length", "3"), ("default", "2"))
    assert form.question("n").sms == "A"
    assert read_xlsform(workbook_bytes(form)) == form
    assert isinstance(form, Form) and form.form_id == "small"


SURVEY = ["type", "name", "label", "relevant", "constraint", "calculation"]


def _error(survey_rows: list[list[str]], choices: list[list[str]] | None = None,
           header: list[str] | None = None) -> XLSFormError:
    with pytest.raises(XLSFormError) as info:
        read_xlsform(workbook([header or SURVEY, *survey_rows], choices or YES_NO, SETTINGS))
    return info.value


def test_unknown_type_names_row_and_column() -> None:
    err = _error([["integer", "a", "A"], ["integr", "b", "B"]])
    assert str(err) == "survey row 3, column 'type': Unknown question type 'integr'."
    assert (err.sheet, err.row, err.column) == ("survey", 3, "type")


def test_undefined_choice_list() -> None:
    err = _error([["text", "a", "A"], ["text", "b", "B"], ["select_one yes_no", "c", "C"],
                  ["select_one colours", "d", "D"]])
    assert (err.sheet, err.row, err.column) == ("survey", 5, "type")
    assert err.reason == "List name not in choices sheet: colours"


def test_duplicate_name() -> None:
    err = _error([["text", "a", "A"], ["integer", "a", "A again"]])
    assert (err.sheet, err.row, err.column) == ("survey", 3, "name")
    assert "the 'name' value 'a' is invalid" in str(err)


def test_unbalanced_groups() -> None:
    err = _error([["begin group", "g", "G"], ["text", "a", "A"], ["end repeat", "", ""]])
    assert (err.row, err.column) == (4, "type")
    assert "Unmatched 'end_repeat'" in err.reason
    err = _error([["begin repeat", "r", "R"], ["text", "a", "A"]])
    assert (err.row, err.column) == (2, "type") and "No matching 'end_repeat'" in err.reason
    err = _error([["text", "a", "A"], ["end group", "", ""]])
    assert (err.row, err.column) == (3, "type")


def test_bad_expressions() -> None:
    """pyxform passes an expression through; the XPath engine refuses what ODK could not evaluate."""
    err = _error([["integer", "a", "A"], ["text", "b", "B", "${a} >", "", ""]])
    assert (err.row, err.column) == (3, "relevant") and "cannot be evaluated" in err.reason
    err = _error([["integer", "a", "A", "", ". < ${missing}", ""]])
    assert (err.row, err.column) == (2, "constraint") and "Could not find the name 'missing'" in err.reason
    err = _error([["integer", "a", "A"], ["calculate", "c", "", "", "", ""]])
    assert (err.row, err.column, err.reason) == (3, "calculation", "Missing calculation.")
    err = _error([["integer", "a", "A"], ["text", "b", "B ${nope}", "", "", ""]])
    assert (err.row, err.column) == (3, "label")


def test_choices_and_header_errors() -> None:
    err = _error([["select_one yes_no", "a", "A"]],
                 choices=[*YES_NO, ["yes_no", "yes", "Again"]])
    assert (err.sheet, err.row, err.column) == ("choices", 4, "name")
    err = _error([["text", "a"]], header=["type", "label"])
    assert (err.sheet, err.row, err.column) == ("survey", 2, "name")
    err = _error([["select_one yes_no", "a", "A", "maybe"]],
                 header=["type", "name", "label", "saylau::negative"])
    assert (err.row, err.column) == (2, "saylau::negative")
    err = _error([["text", "2bad", "A"]])
    assert (err.row, err.column) == (2, "name")


def test_what_pyxform_accepts_saylau_accepts() -> None:
    """Upper-case headers, the ``list name`` alias, ``label:English`` with one colon,
    legacy ``select one from``, ``or_other``, metadata types and a missing form_id."""
    data = workbook(
        [["TYPE", "NAME", "LABEL:English", "Relevant"],
         ["start", "start", "", ""], ["end", "end", "", ""], ["today", "today", "", ""],
         ["deviceid", "deviceid", "", ""], ["username", "username", "", ""],
         ["select one from yes_no", "ok", "OK?", ""],
         ["select_one yes_no or_other", "why", "Why?", "${ok} = 'no'"],
         ["image", "photo", "Photo", ""], ["range", "level", "Level", ""],
         ["geotrace", "route", "Route", ""], ["rank yes_no", "order", "Order", ""],
         ["acknowledge", "ack", "Read?", ""], ["barcode", "code", "Code", ""]],
        [["list name", "name", "label:English"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]])
    form = read_xlsform(data, name="from_file_name")
    assert form.form_id == "from_file_name"
    types = {q.name: q.type for q in form.survey}
    assert types == {"start": "start", "end": "end", "today": "today", "deviceid": "deviceid",
                     "username": "username", "ok": "select_one", "why": "select_one", "why_other": "text",
                     "photo": "image", "level": "range", "route": "geotrace", "order": "rank",
                     "ack": "acknowledge", "code": "barcode"}
    assert [c.name for c in form.choice_list("yes_no")][-1] == "other"
    assert form.question("ok").label("en") == "OK?"
    assert "<h:html" in form.xform


def test_missing_form_id_without_a_name_is_data() -> None:
    form = read_xlsform(workbook([["type", "name", "label"], ["text", "a", "A"]]))
    assert form.form_id == "data" and form.root == "data"
