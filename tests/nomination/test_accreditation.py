"""Accreditation limits and refusals on small hand-made filings."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from saylau.nomination.core import accreditation as A
from saylau.nomination.core.labels import REFUSAL

D = dt.date


def filings(rows: list[dict]) -> pl.DataFrame:
    base = {"kind": "proxy", "full_name": "", "iin": None, "nominee": None, "party": "", "organisation": "",
            "state": "", "station_code": None, "region_code": "01", "filed_on": D(2011, 3, 10)}
    return pl.DataFrame([{**base, **r} for r in rows], schema_overrides={
        "iin": pl.String, "nominee": pl.String, "station_code": pl.String, "filed_on": pl.Date})


def proxy(aid, name, day, *, nominee="N01", station="0001", iin=None, **more):
    return {"accreditation_id": aid, "full_name": name, "nominee": nominee, "station_code": station,
            "iin": iin or f"IIN-{name}", "filed_on": D(2011, 3, day), **more}


def test_fourth_proxy_at_a_station_refused_in_the_order_filed():
    # given out of order: filed on 10, 11, 12 and 9 March -> the one of 12 March is the fourth
    f = filings([proxy("P1", "a", 10), proxy("P2", "b", 11), proxy("P3", "c", 12), proxy("P4", "d", 9)])
    v = A.validate(f)
    assert v["accreditation_id"].to_list() == ["P1", "P2", "P3", "P4"]  # the rows' own order kept
    assert v["status"].to_list() == ["accredited", "accredited", "refused", "accredited"]
    assert v["refusal"].to_list() == [None, None, "over_limit", None]


def test_same_day_filings_ordered_by_id():
    f = filings([proxy(f"P{k}", f"p{k}", 10) for k in (4, 2, 3, 1)])
    v = A.validate(f)
    assert dict(zip(v["accreditation_id"], v["status"], strict=True))["P4"] == "refused"


def test_limit_is_per_candidate_and_station_and_configurable():
    rows = [proxy(f"A{k}", f"a{k}", 10 + k) for k in range(3)]
    rows += [proxy(f"B{k}", f"b{k}", 10 + k, nominee="N02") for k in range(3)]
    rows += [proxy(f"C{k}", f"c{k}", 10 + k, station="0002") for k in range(3)]
    assert set(A.validate(filings(rows))["status"]) == {"accredited"}
    v = A.validate(filings(rows), A.Limits(proxies_per_station=2))
    refused = v.filter(pl.col("status") == "refused")["accreditation_id"].to_list()
    assert refused == ["A2", "B2", "C2"]


def test_a_duplicate_takes_no_place():
    # the same person twice, then two more: the duplicate is refused, the other three fit the limit of 3
    f = filings([proxy("P1", "a", 10), proxy("P2", "a", 11), proxy("P3", "b", 12), proxy("P4", "c", 13),
                 proxy("P5", "d", 14)])
    v = A.validate(f)
    assert v["refusal"].to_list() == [None, "duplicate", None, None, "over_limit"]


def test_duplicate_by_name_when_no_iin():
    f = filings([{"accreditation_id": "M1", "kind": "media", "full_name": "Dana  Bekova", "organisation": "X"},
                 {"accreditation_id": "M2", "kind": "media", "full_name": "dana bekova", "organisation": "Y",
                  "filed_on": D(2011, 3, 11)}])
    assert A.validate(f)["refusal"].to_list() == [None, "duplicate"]


def test_refusals_and_their_precedence():
    f = filings([
        proxy("P1", "", 10),  # no name
        proxy("P2", "b", 10, station=None),  # no station
        proxy("P3", "c", 10, nominee="N09"),  # not a registered candidate
        proxy("P4", "d", 10, iin="999"),  # not on the register
        {"accreditation_id": "O1", "kind": "domestic_observer", "full_name": "e", "iin": "IIN-e"},  # no nominator
        {"accreditation_id": "O2", "kind": "domestic_observer", "full_name": "f", "iin": "IIN-f", "party": "OTAN"},
        {"accreditation_id": "I1", "kind": "international_observer", "full_name": "g"},  # no state
        {"accreditation_id": "I2", "kind": "international_observer", "full_name": "h", "state": "DE"},
        proxy("P5", "i", 10, nominee="N09", iin="999"),  # both: not_a_candidate comes first
    ])
    voters = {"IIN-b", "IIN-c", "IIN-e", "IIN-f", "IIN-i"}
    v = A.validate(f, candidates=["N01", "N02"], voters=voters)
    got = dict(zip(v["accreditation_id"], v["refusal"], strict=True))
    assert got == {"P1": "missing_field", "P2": "missing_field", "P3": "not_a_candidate", "P4": "not_a_voter",
                   "O1": "no_nominator", "O2": None, "I1": "missing_field", "I2": None, "P5": "not_a_candidate"}
    assert set(v["refusal"].drop_nulls()) <= set(REFUSAL)
    # without candidates and voters those checks are not made
    assert A.validate(f)["refusal"].to_list()[2:4] == [None, None]


def test_observer_limit_per_organisation_when_set():
    rows = [{"accreditation_id": f"O{k}", "kind": "domestic_observer", "full_name": f"o{k}", "iin": f"I{k}",
             "organisation": "League", "station_code": "0001", "filed_on": D(2011, 3, 10 + k)} for k in range(3)]
    rows.append({"accreditation_id": "O9", "kind": "domestic_observer", "full_name": "p", "iin": "I9",
                 "party": "OTAN", "station_code": "0001"})
    assert set(A.validate(filings(rows))["status"]) == {"accredited"}
    v = A.validate(filings(rows), A.Limits(observers_per_station=2))
    assert v["refusal"].to_list() == [None, None, "over_limit", None]


def test_badges_numbered_per_kind_in_the_order_filed():
    f = filings([proxy("P1", "a", 12), proxy("P2", "b", 10),
                 {"accreditation_id": "M1", "kind": "media", "full_name": "m", "organisation": "X"},
                 proxy("P3", "c", 11, nominee="N09")])
    v = A.validate(f, candidates=["N01"])
    assert v["badge"].to_list() == ["PR-000002", "PR-000001", "MD-000001", None]


def test_counts_per_candidate_region_and_kind():
    f = filings([proxy("P1", "a", 10), proxy("P2", "b", 10), proxy("P3", "c", 10), proxy("P4", "d", 11),
                 proxy("P5", "e", 10, nominee="N02", region_code="02", station="0100"),
                 {"accreditation_id": "O1", "kind": "domestic_observer", "full_name": "o", "iin": "x", "party": "AK",
                  "region_code": "02"}])
    v = A.validate(f)
    assert A.by_candidate(v).rows() == [("N01", 3, 1), ("N02", 1, 0)]
    assert A.by_region(v).rows() == [("01", "proxy", 3, 1), ("02", "domestic_observer", 1, 0),
                                     ("02", "proxy", 1, 0)]
    assert A.by_kind(v).rows() == [("domestic_observer", 1, 0), ("proxy", 4, 1)]
    assert A.refusals(v).rows() == [("proxy", "over_limit", 1)]


def test_bad_frames_are_refused_with_a_message():
    with pytest.raises(ValueError, match="lack the column"):
        A.validate(pl.DataFrame({"kind": ["proxy"]}))
    f = filings([proxy("P1", "a", 10, kind="observer")])
    with pytest.raises(ValueError, match="unknown kind"):
        A.validate(f)
