"""Channels: coded SMS and XForm instance XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from saylau.observation.core.forms import builtin_form, builtin_forms
from saylau.observation.core.instance import InstanceError, instance_meta, instance_to_answers
from saylau.observation.core.sms import parse_sms
from saylau.observation.core.validate import validate_answers
from saylau.observation.core.xlsform import to_xform

FULL_V = "V 0123 A1 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2"


def test_sms_codes_of_voting_form() -> None:
    form = builtin_form("voting")
    assert form.sms_code == "V"
    codes = {q.sms: q.name for q in form.questions() if q.sms}
    assert codes["B"] == "ballot_stuffing" and codes["S"] == "assessment"
    assert "I" not in codes and "O" not in codes


def test_sms_good_message() -> None:
    result = parse_sms(FULL_V, builtin_forms())
    assert result.ok and result.form_id == "voting" and result.place == "0123"
    assert result.answers["identical_signatures"] == "yes"
    assert result.answers["ballot_stuffing"] == "no"
    assert result.answers["pec_members_total"] == 7 and result.answers["assessment"] == "good"
    assert result.reply == "Received V 0123: 16 answers. Thank you."


@pytest.mark.parametrize("text", [
    FULL_V.lower(),
    "V O123, A1 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R4O S2",
    "V 0123 A1B0C0D0E0F0G0H0J0L0M1N7P3Q1R40S2",
    "  V   0123 ,A 1, B 0; C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2.",
    "V 0123 А1 В0 С0 D0 Е0 F0 G0 Н0 J0 L0 М1 N7 Р3 Q1 R40 S2",  # Cyrillic look-alikes
    "V0123 A1 B0 C0 D0 E0 F0 G0 H0 J0 L0 M1 N7 P3 Q1 R40 S2",
])
def test_sms_tolerates_typos(text: str) -> None:
    expected = parse_sms(FULL_V, builtin_forms()).answers
    result = parse_sms(text, builtin_forms())
    assert result.ok, result.reply
    assert result.answers == expected


def test_sms_problems_are_listed_in_the_observers_language() -> None:
    forms = builtin_forms()
    result = parse_sms("V 0123 A1 Z3 B", forms, "ru")
    assert not result.ok
    assert result.problems == ("неизвестный код вопроса Z", "у B нет значения")
    assert result.reply.startswith("Не принято: неизвестный код вопроса Z; у B нет значения.")
    result = parse_sms("X 12 A1", forms, "en")
    assert result.problems == ("unknown form code X (use C I L O T V)",)
    result = parse_sms("V 0123 A1", forms, "kk")
    assert result.problems == ("жауап жоқ: B C D E F G H J L M N P Q R S",)
    result = parse_sms(FULL_V.replace("P3", "P9").replace("S2", "S7"), forms, "en")
    assert result.problems == ("S=7 is not a valid answer",)
    result = parse_sms(FULL_V.replace("P3", "P9"), forms, "kk")
    assert result.problems == ("P: Болған УСК мүшелерінің санынан аспауы керек",)
    result = parse_sms(FULL_V + " A0", forms, "en")
    assert result.problems == ("A given twice",)
    assert not parse_sms("", forms).ok


def test_sms_incident_needs_only_coded_questions() -> None:
    result = parse_sms("i 0123 a2", builtin_forms(), "kk")
    assert result.ok and result.answers == {"station_code": "0123", "incident_type": "ballot_stuffing"}
    assert result.reply == "I 0123 қабылданды: 1 жауап. Рахмет."


INSTANCE = b"""<?xml version='1.0' ?>
<counting xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"
  id="counting" version="2026112401">
  <station_code>0123</station_code><arrival_time>20:05:00.000+06:00</arrival_time>
  <stacks_of_ballots>no</stacks_of_ballots><observers_restricted>no</observers_restricted>
  <choices_announced>no</choices_announced><protocol_difficulties>yes</protocol_difficulties>
  <protocol_presigned>no</protocol_presigned><protocol_posted>yes</protocol_posted>
  <copy_given>no</copy_given>
  <protocol>
    <p_registered>1500</p_registered><p_ballots_received>1400</p_ballots_received>
    <p_issued_in_station>1100</p_issued_in_station><p_issued_mobile>30</p_issued_mobile>
    <p_issued_early>5</p_issued_early><p_cancelled>265</p_cancelled>
    <p_found_in_boxes>1135</p_found_in_boxes><p_invalid>12</p_invalid><p_valid>1123</p_valid>
    <candidate_votes><candidate_number>1</candidate_number><votes>1000</votes></candidate_votes>
    <candidate_votes><candidate_number>2</candidate_number><votes>123</votes></candidate_votes>
  </protocol>
  <assessment>bad</assessment>
  <meta><instanceID>uuid:6b1c7a40-0000-4000-8000-000000000001</instanceID></meta>
</counting>"""


def test_instance_to_answers_with_repeats() -> None:
    form = builtin_form("counting")
    answers = instance_to_answers(INSTANCE, form)
    assert answers["p_valid"] == "1123" and answers["station_code"] == "0123"
    assert answers["candidate_votes"] == [{"candidate_number": "1", "votes": "1000"},
                                          {"candidate_number": "2", "votes": "123"}]
    assert "meta" not in answers and "protocol" not in answers
    result = validate_answers(form, answers)
    assert result.ok and result.answers["candidate_votes"][1] == {"candidate_number": 2, "votes": 123}
    assert instance_meta(INSTANCE) == {"form_id": "counting", "form_version": "2026112401",
                                       "instanceID": "uuid:6b1c7a40-0000-4000-8000-000000000001"}


def test_instance_errors() -> None:
    with pytest.raises(InstanceError, match="not 'voting'"):
        instance_to_answers(INSTANCE, builtin_form("voting"))
    with pytest.raises(InstanceError, match="well-formed"):
        instance_to_answers(b"<counting><a></counting>", builtin_form("counting"))
    with pytest.raises(InstanceError, match="DOCTYPE"):
        instance_to_answers(b'<!DOCTYPE x [<!ENTITY a "b">]><counting/>', builtin_form("counting"))


def test_instance_skeleton_from_xform_round_trips() -> None:
    """Fill the XForm's own primary instance, as a client would, and read it back."""
    form = builtin_form("voting")
    xf = "{http://www.w3.org/2002/xforms}"
    root = ET.fromstring(to_xform(form))
    primary = next(root.iter(f"{xf}instance"))[0]
    values = parse_sms(FULL_V, builtin_forms()).answers
    values = {**values, "arrival_time": "09:15:00.000+06:00", "pec_members_total": "7"}
    for element in primary.iter():
        name = element.tag.removeprefix(xf)
        if name in values:
            element.text = str(values[name])
    answers = instance_to_answers(ET.tostring(primary), form)
    assert set(answers) == set(values)
    assert validate_answers(form, answers).ok
