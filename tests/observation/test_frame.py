"""The submissions frame read from the database: one typed column per question
of the election's forms, each read only on the rows of the forms that ask it,
with the answers exactly as stored (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import uuid

import polars as pl
import pytest

from tests.observation.helpers import workbook
from tests.observation.test_api import VOTING
from tests.observation.test_services import ACTOR, _submit

pytestmark = pytest.mark.django_db

SURVEY = [
    ["type", "name", "label"],
    ["integer", "count", "Count"],
    ["decimal", "share", "Share"],
    ["geopoint", "where", "Where"],
    ["select_multiple colours", "colours", "Colours"],
    ["text", "remark", "Remark"],
    ["select_one yes_no", "ballot_stuffing", "Ballot stuffing"],  # also a question of the voting form
    ["begin repeat", "visits", "Visits"],
    ["integer", "minutes", "Minutes"],
    ["text", "who", "Who"],
    ["end repeat", "", ""],
]
CHOICES = [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"],
           ["colours", "red", "Red"], ["colours", "blue", "Blue"]]
REMARK = 'He said "no, never",\nthen left; сайлау — Қазақстан'


def test_every_kind_of_answer_comes_back_typed_on_its_own_form(mission, election) -> None:
    from saylau.observation.selectors import submissions_frame
    from saylau.observation.services import SubmissionInput, import_form, set_timezone, submit

    set_timezone(actor=ACTOR, election=election, timezone="Asia/Almaty")
    import_form(actor=ACTOR, election=election, data=workbook(SURVEY, CHOICES, [["form_id"], ["kinds"]]),
                filename="kinds.xlsx")
    answers = {"count": 7, "share": 0.25, "where": "43.25 76.95", "colours": "red blue", "remark": REMARK,
               "ballot_stuffing": "yes", "visits": [{"minutes": 5, "who": "Ä"}, {"minutes": 12}]}
    at = dt.datetime(2011, 4, 3, 4, 30, tzinfo=dt.UTC)
    result = submit(actor=ACTOR, election=election, channel="api", item=SubmissionInput(
        uuid=str(uuid.uuid4()), form="kinds", answers=answers, station_code="0112", team_code="S0001",
        submitted_at=at))
    assert result.outcome == "created", result.errors
    voting = _submit(election, {**VOTING, "ballot_stuffing": "no"})
    teamless = _submit(election, {**VOTING, "ballot_stuffing": "no"}, team="")

    frame = submissions_frame(election)
    assert frame.schema["count"] == pl.Int64 and frame.schema["share"] == pl.Float64
    assert frame.schema["where"] == pl.List(pl.Float64) and frame.schema["colours"] == pl.Utf8
    assert frame.schema["visits"] == pl.List(pl.Struct({"minutes": pl.Int64, "who": pl.Utf8}))
    rows = {row["form"]: row for row in frame.head(2).iter_rows(named=True)}
    kinds = rows["kinds"]
    assert (kinds["submission_id"], kinds["station_code"], kinds["team_code"]) == (
        result.submission.pk, "0112", "S0001")
    assert (kinds["submitted_at"], kinds["hour"]) == (at, 10)  # 10:30 in Almaty
    assert (kinds["count"], kinds["share"], kinds["where"]) == (7, 0.25, [43.25, 76.95])
    assert (kinds["colours"], kinds["remark"], kinds["ballot_stuffing"]) == ("red blue", REMARK, "yes")
    assert kinds["visits"] == [{"minutes": 5, "who": "Ä"}, {"minutes": 12, "who": None}]
    assert kinds["pec_members_total"] is None  # a voting question, not asked by this form
    assert rows["voting"]["submission_id"] == voting.pk
    assert (rows["voting"]["ballot_stuffing"], rows["voting"]["pec_members_total"]) == ("no", 7)
    assert rows["voting"]["count"] is None and rows["voting"]["visits"] is None
    # in the order of their ids; a team's code, or "" for a submission without a team
    assert frame["submission_id"].to_list() == [result.submission.pk, voting.pk, teamless.pk]
    assert frame["team_code"].to_list() == ["S0001", "S0001", ""]


def test_no_submission_gives_every_column_empty(mission, election) -> None:
    from saylau.observation.selectors import submissions_frame

    frame = submissions_frame(election)
    assert frame.height == 0
    assert frame.schema["pec_members_total"] == pl.Int64
    assert frame.schema["candidate_votes"] == pl.List(pl.Struct({"candidate_number": pl.Int64, "votes": pl.Int64}))
