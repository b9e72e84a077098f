"""The charts' data (saylau.web.charts) and the schematic map (saylau.web.map)
against hand-computed cases, and the charts on the dashboards and the portal
(their JSON blocks, tables and map tiles) on the small simulated election."""

from __future__ import annotations

import json
import math
import re
from types import SimpleNamespace

import polars as pl
import pytest

from saylau.observation.core.findings import Finding
from saylau.observation.core.metrics import METRICS_BY_ID
from saylau.web import charts
from saylau.web import map as tilemap

NBSP = "\u00a0"


def test_number_style_follows_each_language() -> None:
    assert charts.number_style("en") == {"group": ",", "decimal": "."}
    assert charts.number_style("ru") == {"group": NBSP, "decimal": ","}
    assert charts.number_style("kk") == {"group": NBSP, "decimal": ","}
    assert charts.percent(0.125, "kk") == f"12,5{NBSP}%"
    assert charts.percent(0.125, "en") == f"12.5{NBSP}%"
    assert charts.percent(None, "en") == "–" and charts.percent(math.nan, "ru") == "–"


def test_coverage_shares_per_phase() -> None:
    regions = [SimpleNamespace(region_name="North", stations=4, observed={"opening": 1, "voting": 2, "counting": 0}),
               SimpleNamespace(region_name="Empty", stations=0, observed={"opening": 0, "voting": 0, "counting": 0})]
    data = charts.coverage(regions, {"opening": "Opening", "voting": "Voting", "counting": "Counting"}, "en")
    assert data["labels"] == ["North", "Empty"] and data["percent"]
    assert [s["label"] for s in data["series"]] == ["Opening", "Voting", "Counting"]
    assert [s["values"] for s in data["series"]] == [[0.25, None], [0.5, None], [0.0, None]]
    table = charts.table(data, "en")
    assert table["rows"][0] == ["North", f"25.0{NBSP}%", f"50.0{NBSP}%", f"0.0{NBSP}%"]
    assert table["rows"][1] == ["Empty", "–", "–", "–"]


def test_findings_by_region_carry_the_wilson_intervals() -> None:
    share = METRICS_BY_ID["voting.assessment_negative"]
    total = METRICS_BY_ID["tabulation.protocols_completed_at_dec"]
    # 3 of 10: the Wilson 95% interval is 0.1078 to 0.6032 (Newcombe 1998, table I style, by hand)
    findings = [Finding(share, ("region_code", "02"), 3, 10, 0.10779, 0.60322),
                Finding(share, None, 3, 10, 0.10779, 0.60322),  # the whole frame: not a region
                Finding(total, ("region_code", "01"), 5, 0, math.nan, math.nan)]  # a count: no share
    out = charts.findings_by_region(findings, {"01": "North", "02": "South"}, "ru")
    assert len(out) == 1 and out[0]["id"] == "voting.assessment_negative"
    series = out[0]["series"][0]
    assert out[0]["labels"] == ["North", "South"]
    assert series["values"] == [None, 0.3] and series["low"] == [None, 0.10779] and series["high"] == [None, 0.60322]
    assert series["numerator"] == [None, 3] and series["denominator"] == [None, 10]
    assert series["label"] == dict(share.phrase)["ru"]
    assert charts.table(out[0], "ru")["rows"][1] == ["South", f"30,0{NBSP}% (10,8{NBSP}%–60,3{NBSP}%)"]


def test_reports_by_hour_keep_empty_hours_and_count_those_without_one() -> None:
    counts = [(9, "a", 2), (11, "b", 1), (9, "b", 1), (None, "a", 5), (11, "zz", 3)]
    data = charts.by_hour(counts, {"b": "Bribes", "a": "Ads"}, "en")
    assert data["labels"] == ["09:00", "10:00", "11:00"]
    assert [(s["label"], s["values"]) for s in data["series"]] == [
        ("Bribes", [1, 0, 1]), ("Ads", [2, 0, 0]), ("zz", [0, 0, 3])]
    assert data["without_hour"] == 5 and data["kind"] == "stacked"
    assert charts.by_hour([], {}, "en")["labels"] == []


def test_histogram_bands_include_the_top_and_count_what_falls_outside() -> None:
    data = charts.histogram([0, 0.04, 0.05, 0.5, 1.0, None, 1.2, -0.1], "kk", width=0.25, label="Turnout")
    assert data["labels"] == [0.0, 0.25, 0.5, 0.75]
    assert data["series"][0]["values"] == [3, 0, 1, 1]
    assert data["outside"] == 3
    rows = charts.table(data, "kk")["rows"]
    assert rows[0] == [f"0,0{NBSP}%–25,0{NBSP}%", "3"] and rows[3][0] == f"75,0{NBSP}%–100,0{NBSP}%"


def test_station_shares_from_the_published_stations() -> None:
    stations = pl.DataFrame({"registered": [100, 200, 0], "issued_in_station": [50, 190, 0],
                             "issued_mobile": [0, 10, 0], "issued_early": [0, 0, 0],
                             "valid": [40, 200, 0], "votes_1": [10, 150, 0], "votes_2": [30, 50, 0]})
    out = charts.station_shares(stations, [{"number": 2, "label": "B"}, {"number": 1, "label": "A"}], "en",
                                limit=1, turnout="Turnout")
    assert [c["id"] for c in out] == ["turnout", "votes_2"]
    # turnout 0.5 and 1.0 (the station without voters is left out); B: 30/40 = 0.75, 50/200 = 0.25
    assert out[0]["series"][0]["values"][10] == 1 and out[0]["series"][0]["values"][19] == 1
    assert sum(out[0]["series"][0]["values"]) == 2 and out[0]["outside"] == 1
    assert out[1]["series"][0]["values"][15] == 1 and out[1]["series"][0]["values"][5] == 1
    assert out[1]["series"][0]["label"] == "B"


def test_convergence_and_results_by_region() -> None:
    points = [SimpleNamespace(copies=2, name="leader", estimate=0.6, lower=0.5, upper=0.7),
              SimpleNamespace(copies=2, name="turnout", estimate=0.8, lower=0.7, upper=0.9),
              SimpleNamespace(copies=4, name="leader", estimate=0.55, lower=0.5, upper=0.6)]
    data = charts.convergence(points, "leader", 0.56, "en", label="Leader", official_label="Official")
    assert data["labels"] == [2, 4]
    assert data["series"][0]["values"] == [0.6, 0.55] and data["series"][0]["low"] == [0.5, 0.5]
    assert data["series"][1] == {"label": "Official", "values": [0.56, 0.56], "official": True}
    regions = [{"name": "North", "share_1": 0.7, "share_2": 0.3}, {"name": "South", "share_1": None}]
    stacked = charts.results_by_region(regions, [{"number": 1, "label": "A"}, {"number": 2, "label": "B"}], "en")
    assert stacked["labels"] == ["North", "South"] and stacked["horizontal"]
    assert [s["values"] for s in stacked["series"]] == [[0.7, None], [0.3, None]]


def test_figure_gives_every_chart_a_table() -> None:
    one = charts.histogram([0.1], "en", width=0.5, label="Turnout")
    fig = charts.figure("x", "Title", [one, one], "en")
    assert fig["choose"] and len(fig["tables"]) == 2 and fig["tables"][0]["title"] == "Turnout"
    assert json.loads(json.dumps(fig["data"])) == [one, one]


# -- the map --------------------------------------------------------------------

def test_map_colours_tiles_by_equal_bands() -> None:
    edges = [x for band in tilemap.bands([0.1, 0.6]) for x in band]
    assert edges == pytest.approx([0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5, 0.6])
    assert tilemap.bands([0.123, 0.456])[0][0] == pytest.approx(0.12)  # widened to whole points
    names = {"01": "Akmola", "02": "Aktobe", "03": "Almaty Region"}
    m = tilemap.tile_map({"01": 0.1, "02": 0.6, "03": None}, names, "kk")
    tiles = {t.code: t for t in m.tiles}
    assert tiles["01"].fill == tilemap.PALETTE[0] and not tiles["01"].dark
    assert tiles["02"].fill == tilemap.PALETTE[4] and tiles["02"].dark
    assert tiles["03"].fill == tilemap.MISSING and tiles["03"].value is None and m.missing
    assert tiles["01"].tag == "АҚМ" and len(m.legend) == 5
    # a value on a band's upper edge belongs to that band (0.3 is the top of the second)
    again = tilemap.tile_map({"01": 0.1, "02": 0.6, "03": 0.3}, names)
    assert {t.code: t.fill for t in again.tiles}["03"] == tilemap.PALETTE[1]
    same = tilemap.tile_map({"01": 0.5, "02": 0.5}, {"01": "a", "02": "b"})
    assert len(same.legend) == 1 and {t.fill for t in same.tiles} == {tilemap.PALETTE[2]}


def test_map_refuses_regions_it_cannot_place() -> None:
    assert tilemap.tile_map({"99": 0.5}, {"99": "Atlantis"}) is None
    assert tilemap.tile_map({}, {}) is None


def test_tiles_sit_roughly_where_the_regions_lie() -> None:
    """Against the regions' centres in the kz-2011 profile: a region clearly west
    (8 degrees of longitude) of another is in an earlier column, one clearly north
    (4 degrees of latitude) in an earlier row; no two tiles share a place."""
    from saylau.simulate.core.profile_kz2011 import REGIONS

    centres = {r[0]: r[8] for r in REGIONS}
    assert set(centres) == set(tilemap.LAYOUT)
    assert len(set(tilemap.LAYOUT.values())) == 16
    for a, (lat_a, lon_a) in centres.items():
        for b, (lat_b, lon_b) in centres.items():
            if lon_a + 8 < lon_b:
                assert tilemap.LAYOUT[a][0] < tilemap.LAYOUT[b][0], (a, b)
            if lat_a > lat_b + 4:
                assert tilemap.LAYOUT[a][1] < tilemap.LAYOUT[b][1], (a, b)
    for lang in ("en", "ru", "kk"):
        assert set(tilemap.TAGS[lang]) == set(tilemap.LAYOUT)


# -- on the pages ---------------------------------------------------------------

def _blocks(text: str) -> dict[str, object]:
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(
        r'<script id="(chart-data-[\w-]+)" type="application/json">(.*?)</script>', text, re.S)}


@pytest.fixture
def world(db, tmp_path):
    from .sim import build_simulated

    return build_simulated(tmp_path)


@pytest.mark.django_db
def test_dashboards_and_portal_carry_their_charts(client, world, settings) -> None:
    from saylau.web.analysis import coverage

    client.force_login(world["erlan"])
    client.cookies["django_language"] = "kk"
    page = client.get("/dashboards/coverage/").content.decode()
    data = _blocks(page)["chart-data-coverage"]
    regions = coverage(world["election"], "kk")
    voting = data["series"][1]["values"]
    assert voting == [r.observed["voting"] / r.stations if r.stations else None for r in regions]
    assert data["number"] == {"group": NBSP, "decimal": ","}
    assert 'id="chart-table-coverage"' in page and "vendor/chartjs/chart.umd.min.js" in page
    tiles = re.findall(r'<g class="tile" data-region="(\d+)" data-fill="(#[0-9a-f]{6})"', page)
    assert len(tiles) == len(regions) and len({fill for _, fill in tiles}) > 1
    for path, ident in (("/dashboards/findings/", "chart-data-findings"),
                        ("/dashboards/incidents/", "chart-data-incidents"),
                        ("/dashboards/quick-count/", "chart-data-convergence-leader"),
                        ("/dashboards/results/", "chart-data-results-by-region")):
        text = client.get(path).content.decode()
        assert ident in _blocks(text), path
    client.logout()
    portal = client.get("/portal/").content.decode()
    blocks = _blocks(portal)
    assert {"chart-data-results-by-region", "chart-data-distributions"} <= set(blocks)
    assert blocks["chart-data-distributions"][0]["id"] == "turnout"
    assert portal.count('<g class="tile"') == len(regions)


def test_station_points_split_observed_from_the_rest() -> None:
    points = [("0111", 51.123, 71.456), ("0112", None, 70.0), ("0113", 43.2, 76.9), ("0114", 50, 60)]
    data = charts.stations(points, {"0113", "9999"}, "en", observed_label="observed", other_label="not observed",
                           count="Stations")
    assert data["series"][0]["points"] == [[76.9, 43.2]]
    assert data["series"][1]["points"] == [[71.46, 51.12], [60.0, 50.0]]
    assert data["without"] == 1
    assert charts.table(data, "en")["rows"] == [["Stations", "1", "2"]]


@pytest.mark.django_db
def test_incidents_by_hour_count_in_the_missions_time_zone(client, world) -> None:
    """The chart's counts against the reports' own times turned to local time in Python."""
    import zoneinfo
    from collections import Counter

    from saylau.observation.models import Submission
    from saylau.observation.selectors import local_timezone, reviewed

    election = world["election"]
    tz = zoneinfo.ZoneInfo(local_timezone(election))
    assert str(tz) != "UTC"  # the simulation sets the mission's zone, so the test sees a shift
    expected = Counter((s.submitted_at.astimezone(tz).hour, s.answers.get("incident_type", ""))
                       for s in reviewed(Submission.objects.filter(election=election, form_code="incident")))
    client.force_login(world["erlan"])
    data = _blocks(client.get("/dashboards/incidents/").content.decode())["chart-data-incidents"]
    from saylau.web.analysis import choice_labels

    labels = choice_labels(election, "incident", "incident_type", "en")
    codes = {label: code for code, label in labels.items()}
    got = Counter()
    for series in data["series"]:
        for label, n in zip(data["labels"], series["values"], strict=True):
            if n:
                got[(int(label[:2]), codes.get(series["label"], series["label"]))] += n
    assert got == expected and sum(got.values()) > 0


@pytest.mark.django_db
def test_results_by_region_are_read_again_after_any_change(client, world) -> None:
    """The published sums are cached under the ledger head: a second visit reads no
    protocols, a visit after any ledgered write reads them again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from saylau.web import services

    from .sim import ACTOR

    client.force_login(world["erlan"])

    def protocol_reads() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/dashboards/results/").status_code == 200
        return sum("results_protocol" in q["sql"] for q in captured.captured_queries)

    first = protocol_reads()
    again = protocol_reads()
    services.create_user(actor=ACTOR, username="new-analyst", role="analyst", password="analyst-pass-2")
    after = protocol_reads()
    assert again < first and after == first


def test_a_chart_with_nothing_to_draw_is_left_out() -> None:
    assert charts.figure("x", "T", charts.by_hour([], {}, "en"), "en") is None
    assert charts.figure("x", "T", charts.histogram([None, 2.0], "en", label="t"), "en") is None
    empty = charts.stations([("1", None, None)], set(), "en", observed_label="o", other_label="n")
    assert charts.figure("x", "T", empty, "en") is None
    assert charts.figure("x", "T", [], "en") is None
    assert charts.figure("x", "T", charts.histogram([0.5], "en", label="t"), "en") is not None


@pytest.mark.django_db
def test_pages_without_data_show_no_empty_chart(client, mission) -> None:
    """A new election (two stations, no report, no results): every page answers, no
    chart is drawn on nothing, and its region ("01", named North) still gets its tile."""
    client.force_login(mission["zhanar"])
    for path in ("/dashboards/coverage/", "/dashboards/findings/", "/dashboards/incidents/",
                 "/dashboards/results/", "/dashboards/quick-count/", "/portal/"):
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert "chart-data-" not in text, path
    coverage = client.get("/dashboards/coverage/").content.decode()
    assert re.findall(r'data-region="(\d+)" data-fill="([^"]+)"', coverage) == [("01", tilemap.PALETTE[2])]
