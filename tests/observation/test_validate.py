"""Answer validation against forms: types, required, relevance, constraints, messages."""

from __future__ import annotations

import datetime as dt

from saylau.observation.core.forms import builtin_form
from saylau.observation.core.validate import validate_answers
from saylau.observation.core.xlsform import read_xlsform

from .helpers import SETTINGS, YES_NO, workbook

GOOD_VOTING = {
    "station_code": "0123", "arrival_time": "08:30", "identical_signatures": "no",
    "ballot_stuffing": "yes", "boxes_not_sealed": "no", "group_voting": "no",
    "multiple_voting": "no", "proxy_voting": "no", "voting_without_id": "no",
    "voters_turned_away": "no", "unauthorised_persons_present": "yes",
    "unauthorised_persons_directing": "no", "observers_restricted": "no",
    "party_observers_present": "yes", "pec_members_total": "7", "pec_members_women": 5,
    "pec_chair_gender": "female", "voters_in_station": "12", "assessment": "bad",
}


def test_good_submission_is_typed() -> None:
    result = validate_answers(builtin_form("voting"), GOOD_VOTING)
    assert result.ok and result.dropped == ()
    answers = result.answers
    assert answers["pec_members_total"] == 7 and answers["voters_in_station"] == 12
    assert answers["arrival_time"] == dt.time(8, 30)
    assert answers["unauthorised_persons_directing"] == "no"
    assert len(answers) == len(GOOD_VOTING)


def test_per_field_errors_and_nothing_partial() -> None:
    bad = {**GOOD_VOTING, "pec_members_total": "seven", "assessment": "terrible",
           "arrival_time": "25:99", "ballot_stuffing": "", "extra_field": "x"}
    result = validate_answers(builtin_form("voting"), bad)
    assert not result.ok and result.answers is None
    by_field = {e.field: e for e in result.errors}
    assert set(by_field) == {"pec_members_total", "assessment", "arrival_time",
                             "ballot_stuffing", "extra_field"}
    assert by_field["pec_members_total"].message == "Expected a whole number, got 'seven'"
    assert by_field["assessment"].message == (
        "'terrible' is not one of the choices: very_good good bad very_bad")
    assert by_field["ballot_stuffing"].code == "required"
    assert by_field["arrival_time"].code == "time"
    assert by_field["extra_field"].code == "unknown"


def test_irrelevant_answers_are_dropped_and_not_required() -> None:
    answers = {**GOOD_VOTING, "unauthorised_persons_present": "no"}
    result = validate_answers(builtin_form("voting"), answers)
    assert result.ok
    assert "unauthorised_persons_directing" not in result.answers
    assert result.dropped == ("unauthorised_persons_directing",)
    answers = {**GOOD_VOTING}
    del answers["unauthorised_persons_directing"]
    result = validate_answers(builtin_form("voting"), answers)
    assert [e.field for e in result.errors] == ["unauthorised_persons_directing"]


def test_constraint_messages_in_three_languages() -> None:
    answers = {**GOOD_VOTING, "pec_members_women": "9"}
    form = builtin_form("voting")
    messages = {lang: validate_answers(form, answers, lang).errors for lang in ("en", "ru", "kk")}
    assert messages["en"][0].message == "Cannot exceed the number of PEC members present"
    assert messages["ru"][0].message == "Не может превышать число присутствовавших членов УИК"
    assert messages["kk"][0].message == "Болған УСК мүшелерінің санынан аспауы керек"
    assert all(m[0].field == "pec_members_women" and m[0].code == "constraint"
               for m in messages.values())
    over = validate_answers(form, {**GOOD_VOTING, "pec_members_total": 31}, "ru").errors
    assert [(e.field, e.message) for e in over] == [("pec_members_total", "Введите число от 0 до 30")]
    required = validate_answers(form, {**GOOD_VOTING, "assessment": ""}, "kk").errors
    assert required[0].message == "Бұл сұраққа жауап беру міндетті"


def test_repeats_groups_and_group_relevance() -> None:
    form = builtin_form("counting")
    base = {"station_code": "7", "arrival_time": "20:00:00.000+06:00", "stacks_of_ballots": "no",
            "observers_restricted": "no", "choices_announced": "yes",
            "protocol_difficulties": "no", "protocol_presigned": "no", "protocol_posted": "no",
            "copy_given": "no", "assessment": "good",
            "candidate_votes": [{"candidate_number": "1", "votes": "10"}]}
    result = validate_answers(form, base)
    assert result.ok and result.dropped == ("candidate_votes",)
    figures = {name: "5" for name in ("p_registered", "p_ballots_received", "p_issued_in_station",
                                      "p_issued_mobile", "p_issued_early", "p_cancelled",
                                      "p_found_in_boxes", "p_invalid", "p_valid")}
    full = {**base, "copy_given": "yes", **figures,
            "candidate_votes": [{"candidate_number": "1", "votes": "3"},
                                {"candidate_number": "0", "votes": "x"}]}
    errors = validate_answers(form, full).errors
    assert [(e.field, e.code) for e in errors] == [("candidate_votes[2].candidate_number", "constraint"),
                                                   ("candidate_votes[2].votes", "integer")]
    full["candidate_votes"][1] = {"candidate_number": 2, "votes": 2}
    result = validate_answers(form, full)
    assert result.ok
    assert result.answers["candidate_votes"] == [{"candidate_number": 1, "votes": 3},
                                                 {"candidate_number": 2, "votes": 2}]
    assert result.answers["p_valid"] == 5


def test_select_multiple_date_and_their_constraints() -> None:
    form = builtin_form("lto_report")
    answers = {"region_code": "R01", "week_start": "2026-11-16", "campaign_events_observed": 3,
               "complaints_learned": "0", "summary": "Quiet week.",
               "concerns": "pressure_on_voters media_bias"}
    result = validate_answers(form, answers)
    assert result.ok and result.answers["week_start"] == dt.date(2026, 11, 16)
    assert result.answers["concerns"] == "pressure_on_voters media_bias"
    wrong = validate_answers(form, {**answers, "concerns": "none media_bias"}, "ru").errors
    assert wrong[0].message == "«Нет» нельзя сочетать с другими ответами"
    wrong = validate_answers(form, {**answers, "concerns": "media_bias rumours"}).errors
    assert wrong[0].code == "choice" and "'rumours'" in wrong[0].message
    future = validate_answers(form, {**answers, "week_start": "2999-01-04"}).errors
    assert future[0].code == "constraint"
    bad_date = validate_answers(form, {**answers, "week_start": "16.11.2026"}, "kk").errors
    assert bad_date[0].message == "ЖЖЖЖ-АА-КК пішіміндегі күн күтілді, алынғаны: «16.11.2026»"


def test_calculations_decimal_geopoint_and_required_expression() -> None:
    data = workbook(
        [["type", "name", "label", "required", "calculation", "constraint"],
         ["decimal", "x", "X", "yes", "", ""],
         ["calculate", "double", "", "", "${x} * 2", ""],
         ["select_one yes_no", "gps_ok", "GPS?", "", "", ""],
         ["geopoint", "where", "Where", "${gps_ok} = 'yes'", "", ""],
         ["note", "n", "Note", "", "", ""],
         ["integer", "y", "Y", "", "", ". > ${double}"]],
        YES_NO, SETTINGS)
    form = read_xlsform(data)
    result = validate_answers(form, {"x": "2.5", "double": "999", "gps_ok": "no", "y": 6})
    assert result.ok and result.answers == {"x": 2.5, "double": "5", "gps_ok": "no", "y": 6}
    errors = validate_answers(form, {"x": "abc", "gps_ok": "yes", "n": "hi"}).errors
    assert [(e.field, e.code) for e in errors] == [("x", "decimal"), ("where", "required")]
    result = validate_answers(form, {"x": 1, "gps_ok": "yes", "where": "43.2 76.9 800 5", "y": 3})
    assert result.ok and result.answers["where"] == (43.2, 76.9, 800.0, 5.0)
    errors = validate_answers(form, {"x": 1, "gps_ok": "yes", "where": "143.2 76.9", "y": 1}).errors
    assert [(e.field, e.code) for e in errors] == [("where", "geopoint"), ("y", "constraint")]


def test_group_names_are_not_answers() -> None:
    errors = validate_answers(builtin_form("counting"), {"protocol": {"p_valid": "3"}}).errors
    assert ("protocol", "unknown") in [(e.field, e.code) for e in errors]
