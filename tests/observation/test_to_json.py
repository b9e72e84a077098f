"""xlsform.to_json: the browser app's rendering of a form (pure, no database)."""

from __future__ import annotations

import json

from saylau.observation.core.forms import builtin_form
from saylau.observation.core.xlsform import read_xlsform, to_json
from tests.observation.helpers import workbook


def test_counting_form_nests_group_and_repeat() -> None:
    data = to_json(builtin_form("counting"))
    json.dumps(data)  # JSON-ready
    assert data["id"] == "counting" and data["sms_code"] == "C" and data["default_language"] == "en"
    assert set(data["languages"]) == {"en", "ru", "kk"}
    top = [q["name"] for q in data["questions"]]
    assert "p_registered" not in top and "protocol" in top
    protocol = next(q for q in data["questions"] if q["name"] == "protocol")
    assert protocol["type"] == "begin group" and protocol["relevant"]
    names = [q["name"] for q in protocol["children"]]
    assert names[0] == "p_registered" and "candidate_votes" in names
    registered = protocol["children"][0]
    assert registered["constraint"] == ". >= 0" and registered["choices"] is None
    repeat = next(q for q in protocol["children"] if q["name"] == "candidate_votes")
    assert repeat["type"] == "begin repeat" and [c["name"] for c in repeat["children"]] == ["candidate_number", "votes"]
    assessment = next(q for q in data["questions"] if q["name"] == "assessment")
    assert assessment["saylau"]["negative"] == ["bad", "very_bad"]
    assert assessment["choices"][0]["labels"]["ru"] and assessment["choices"][0]["extra"] == {"saylau::sms": "1"}


def test_messages_choice_filter_and_calculation_per_language() -> None:
    form = read_xlsform(workbook(
        [["type", "name", "label::English (en)", "label::Russian (ru)", "constraint", "constraint_message::English (en)",
          "constraint_message::Russian (ru)", "choice_filter", "calculation", "required"],
         ["select_one region", "region", "Region", "Регион", "", "", "", "", "", "yes"],
         ["select_one district", "district", "District", "Район", "", "", "", "area = ${region}", "", ""],
         ["integer", "n", "N", "Н", ". < 10", "Below ten", "Меньше десяти", "", "", ""],
         ["calculate", "double", "", "", "", "", "", "", "${n} * 2", ""]],
        [["list_name", "name", "label", "area"], ["region", "north", "North", ""], ["district", "d1", "D1", "north"]],
        [["form_id", "version"], ["small", "3"]]))
    data = to_json(form)
    by_name = {q["name"]: q for q in data["questions"]}
    assert data["version"] == "3" and by_name["region"]["required"] == "yes"
    assert by_name["n"]["constraint_message"] == {"en": "Below ten", "ru": "Меньше десяти"}
    assert by_name["district"]["choice_filter"] == "area = ${region}"
    assert by_name["district"]["choices"] == [{"name": "d1", "labels": {"": "D1"}, "extra": {"area": "north"}}]
    assert by_name["double"]["calculation"] == "${n} * 2" and by_name["double"]["type"] == "calculate"
