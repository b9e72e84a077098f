"""The back office's tables (/tables/...): who may open them, that a filter keeps
what an independent query keeps, that the JSON API filters with the same
definition, sorting, exports of every filtered row (CSV and XLSX), errors for
people, and labels instead of codes in each language."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from .sim import build_simulated

TABLES = ["/tables/submissions/", "/tables/incidents/", "/tables/quality-flags/", "/tables/protocols/",
          "/tables/discrepancies/", "/tables/stations/"]


@pytest.fixture
def world(db, tmp_path):
    return build_simulated(tmp_path)


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.content[:300]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _count(response) -> int:
    return int(re.search(r'data-count="(\d+)"', response.content.decode()).group(1))


@pytest.mark.django_db
def test_tables_by_role(client, world) -> None:
    for url in TABLES:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(world["aigerim"])
    for url in TABLES:
        assert client.get(url).status_code == 403, url
    client.force_login(world["kamila"])
    for url in TABLES:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_submission_filters_export_every_row_and_agree_with_the_api(client, world) -> None:
    from saylau.observation.models import Submission

    election = world["election"]
    client.force_login(world["erlan"])
    subs = list(Submission.objects.filter(election=election).values("pk", "region_code", "status", "station_code"))
    region = max({s["region_code"] for s in subs}, key=lambda r: sum(s["region_code"] == r for s in subs))
    wanted = sorted((s for s in subs if s["region_code"] == region and s["status"] in ("new", "flagged")),
                    key=lambda s: (s["station_code"], s["pk"]), reverse=True)
    assert len(wanted) >= 2
    query = f"?election={election.slug}&region={region}&status=new&status=flagged&sort=-station"
    page = client.get("/tables/submissions/" + query)
    assert _count(page) == len(wanted)
    assert 'aria-sort="descending"' in page.content.decode()
    rows = _rows(client.get("/tables/submissions/" + query + "&export=csv"))
    assert rows[0][0] == "#" and [int(r[0]) for r in rows[1:]] == [s["pk"] for s in wanted]
    book = load_workbook(io.BytesIO(client.get("/tables/submissions/" + query + "&export=xlsx").content))
    cells = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert [r[0] for r in cells[1:]] == [s["pk"] for s in wanted]
    assert [str(c) if c is not None else "" for c in cells[1]][:6] == rows[1][:6]
    api = client.get(f"/api/observation/submissions/?region={region}&status=new&status=flagged&limit=1000").json()
    assert sorted(item["id"] for item in api["results"]) == sorted(s["pk"] for s in wanted)


@pytest.mark.django_db
def test_the_rule_filter_keeps_the_submissions_that_rule_flagged(client, world) -> None:
    from collections import Counter

    from saylau.observation.models import QualityFlag

    election = world["election"]
    client.force_login(world["erlan"])
    flags = list(QualityFlag.objects.filter(election=election).values_list("rule_id", "submission_id"))
    rule, _n = Counter(r for r, _ in flags).most_common(1)[0]
    wanted = sorted({sid for r, sid in flags if r == rule})
    rows = _rows(client.get(f"/tables/submissions/?election={election.slug}&rule={rule}&sort=id&export=csv"))
    assert [int(r[0]) for r in rows[1:]] == wanted
    api = client.get(f"/api/observation/submissions/?election={election.slug}&rule={rule}&limit=1000").json()
    assert sorted(item["id"] for item in api["results"]) == wanted  # the same set (the API orders by time)
    flagged = _rows(client.get(f"/tables/quality-flags/?election={election.slug}&rule={rule}&export=csv"))
    assert len(flagged) - 1 == sum(r == rule for r, _ in flags)
    assert client.get(f"/tables/submissions/?election={election.slug}&rule=no_such_rule").status_code == 400


@pytest.mark.django_db
def test_every_page_of_a_long_list_is_exported(client, world) -> None:
    from saylau.geography.models import Unit

    election = world["election"]
    client.force_login(world["erlan"])
    total = Unit.objects.filter(election=election, level=3).count()
    assert total > 100  # more than one page of 100
    page = client.get(f"/tables/stations/?election={election.slug}")
    assert _count(page) == total and page.content.decode().count("<tr>") <= 101 + 1
    rows = _rows(client.get(f"/tables/stations/?election={election.slug}&export=csv"))
    assert len(rows) - 1 == total
    codes = [r[0] for r in rows[1:]]
    assert codes == sorted(codes)


@pytest.mark.django_db
def test_observed_stations_are_those_observers_reported_from(client, world) -> None:
    from saylau.observation.models import Submission

    election = world["election"]
    client.force_login(world["erlan"])
    seen = {s.station_code for s in Submission.objects.filter(election=election, form_code="voting")
            if s.status != "rejected" and s.station_code}
    rows = _rows(client.get(f"/tables/stations/?election={election.slug}&phase=voting&export=csv"))
    assert {r[0] for r in rows[1:]} == seen
    observed = _count(client.get(f"/tables/stations/?election={election.slug}&observed=true"))
    unobserved = _count(client.get(f"/tables/stations/?election={election.slug}&observed=false"))
    assert observed + unobserved == _count(client.get(f"/tables/stations/?election={election.slug}"))


@pytest.mark.django_db
def test_protocol_filters_match_the_check_run_and_the_api(client, world) -> None:
    from saylau.results.models import CheckRun, Correction
    from saylau.results.selectors import current_protocols

    election = world["election"]
    client.force_login(world["erlan"])
    run = CheckRun.objects.filter(election=election).first()
    held = list(run.quarantines.values_list("protocol_id", "codes"))
    assert run.quarantined == len(held) > 0
    base = f"/tables/protocols/?election={election.slug}"
    assert _count(client.get(base + "&check=quarantined")) == run.quarantined
    current = current_protocols(election).count()
    assert _count(client.get(base + "&check=passed")) == current - run.quarantined
    code = held[0][1].split(",")[0]
    expected = sorted(pk for pk, codes in held if code in codes.split(","))
    api = client.get(f"/api/results/elections/{election.slug}/protocols/?reason={code}&limit=1000").json()
    assert sorted(p["id"] for p in api["results"]) == expected
    assert _count(client.get(base + f"&reason={code}")) == len(expected)
    corrected = Correction.objects.filter(protocol__in=current_protocols(election)).count()
    assert _count(client.get(base + "&corrected=true")) == corrected
    without = Correction.objects.filter(protocol__in=current_protocols(election), without_decision=True).count()
    assert _count(client.get(base + "&without_decision=true")) == without


@pytest.mark.django_db
def test_every_sortable_column_sorts_both_ways_with_a_fixed_number_of_queries(client, world) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    election = world["election"]
    client.force_login(world["erlan"])
    for url in TABLES:
        page = client.get(f"{url}?election={election.slug}").content.decode()
        keys = re.findall(r'<th scope="col" data-key="([^"]+)"[^>]*><a ', page)
        assert keys, url
        for key in keys:
            for sort in (key, f"-{key}"):
                response = client.get(f"{url}?election={election.slug}&sort={sort}")
                assert response.status_code == 200, (url, sort)
                assert f'data-key="{key}" aria-sort="{"descending" if sort[0] == "-" else "ascending"}"' in (
                    response.content.decode()), (url, sort)
        # the queries of a page do not grow with its rows (no query per row): a full page of 100
        # rows reads with as many queries as the last page, which holds fewer
        counts = []
        for number in ("1", "last"):
            with CaptureQueriesContext(connection) as captured:
                client.get(f"{url}?election={election.slug}&page={number}")
            counts.append(len(captured.captured_queries))
        assert counts[0] == counts[1] <= 10, (url, counts)


@pytest.mark.django_db
def test_wrong_sort_or_filter_is_said_not_ignored(client, world) -> None:
    election = world["election"]
    client.force_login(world["erlan"])
    response = client.get(f"/tables/submissions/?election={election.slug}&sort=colour")
    assert response.status_code == 400 and "colour" in response.content.decode()
    response = client.get(f"/tables/submissions/?election={election.slug}&status=maybe")
    assert response.status_code == 400 and "maybe" in response.content.decode()
    assert client.get(f"/tables/submissions/?election={election.slug}&status=maybe&export=csv").status_code == 400
    assert client.get(f"/tables/submissions/?election={election.slug}&export=pdf").status_code == 400
    assert client.get("/api/observation/submissions/?status=maybe").status_code == 400
    api = client.get(f"/api/results/elections/{election.slug}/protocols/?tier=XYZ")
    assert api.status_code == 400 and "tier" in api.json()


@pytest.mark.django_db
def test_codes_are_shown_by_their_labels_in_each_language(client, world, settings) -> None:
    from django.utils import translation

    from saylau.observation.choices import SubmissionStatus
    from saylau.results.core.checks import RULE_LABELS

    election = world["election"]
    client.force_login(world["erlan"])
    for index, lang in enumerate(("en", "ru", "kk")):
        with translation.override(lang):
            new = str(SubmissionStatus.NEW.label)
        assert lang == "en" or new != "New"
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        body = client.get(f"/tables/submissions/?election={election.slug}&status=new").content.decode()
        cells = body.split("<tbody>")[1]
        assert f"<td>{new}</td>" in cells and ">new<" not in cells
        held = client.get(f"/tables/protocols/?election={election.slug}&check=quarantined").content.decode()
        cells = held.split("<tbody>")[1]
        assert any(labels[index] in cells for labels in RULE_LABELS.values())
        assert not any(code in cells for code in RULE_LABELS)
        flags = client.get(f"/tables/quality-flags/?election={election.slug}").content.decode().split("<tbody>")[1]
        assert "stuffing_but_very_good" not in flags and "outside_deployment" not in flags


from .test_browser import _database_beside_playwright, chromium, shot  # noqa: E402,F401


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_sort_filter_and_export_in_the_browser(chromium, live_server, tmp_path) -> None:  # noqa: F811
    from collections import Counter

    from django.utils import translation

    from saylau.observation.choices import SubmissionStatus
    from saylau.observation.models import Submission

    world = build_simulated(tmp_path)
    election = world["election"]
    subs = list(Submission.objects.filter(election=election).values("pk", "region_code", "status"))
    pairs = Counter((s["region_code"], s["status"]) for s in subs)
    (region, status), _n = pairs.most_common(1)[0]
    wanted = {s["pk"] for s in subs if s["region_code"] == region and s["status"] == status}
    with translation.override("en"):  # the browser's page is in English
        label = str(SubmissionStatus(status).label)
    assert len(wanted) >= 2
    context = chromium.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 844})
    context.set_default_timeout(30000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "erlan")
    page.fill("#id_password", "analyst-pass-1")
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    page.goto(f"/tables/submissions/?election={election.slug}")
    # the table scrolls inside itself: the page is no wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    def column(key: str) -> list[str]:
        index = page.locator("#list-table thead th").evaluate_all(
            f"(cells) => cells.findIndex((c) => c.dataset.key === '{key}')")
        texts = page.locator(f"#list-table tbody tr td:nth-child({index + 1})").all_inner_texts()
        return ["" if t == "–" else t for t in texts]  # an empty cell is shown as a dash

    page.click('#list-table th[data-key="station"] a')
    assert page.get_attribute('#list-table th[data-key="station"]', "aria-sort") == "ascending"
    stations = column("station")
    assert stations == sorted(stations)
    page.click('#list-table th[data-key="station"] a')
    assert page.get_attribute('#list-table th[data-key="station"]', "aria-sort") == "descending"
    stations = column("station")
    assert stations == sorted(stations, reverse=True)

    if not page.is_visible("#id_region"):
        page.click(".table-filters summary")
    page.fill("#id_region", region)
    page.select_option("#id_status", [status])
    page.click(".table-filter-form button[type=submit]")
    page.wait_for_load_state("load")
    assert int(page.get_attribute("#row-count", "data-count")) == len(wanted)
    assert page.get_attribute('#list-table th[data-key="station"]', "aria-sort") == "descending"
    shot(page, "tables-phone")

    with page.expect_download() as info:
        page.click("#export-csv")
    text = open(info.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert {int(r[0]) for r in rows[1:]} == wanted and len(rows) - 1 == len(wanted)
    header = rows[0]
    assert all(r[header.index("Review status")] == label for r in rows[1:])
    assert [r[header.index("Station code")] for r in rows[1:]] == sorted(
        (r[header.index("Station code")] for r in rows[1:]), reverse=True)
    with page.expect_download() as info:
        page.click("#export-xlsx")
    assert info.value.suggested_filename == "submissions.xlsx"
    info.value.save_as(tmp_path / "submissions.xlsx")
    book = load_workbook(tmp_path / "submissions.xlsx")
    cells = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert {r[0] for r in cells[1:]} == wanted and [str(c) for c in cells[0]] == header
    context.close()


@pytest.mark.django_db
def test_a_rule_flagged_after_the_schema_was_made_is_still_a_choice(client, world) -> None:
    """The API's schema asks the filter classes for their fields; a rule that first
    appears afterwards must still filter (the fields are built afresh for each request)."""
    from saylau.observation.filters import SubmissionFilter
    from saylau.observation.models import QualityFlag, Submission

    SubmissionFilter.base_filters["rule"].field  # noqa: B018 - as schema generation does
    election = world["election"]
    client.force_login(world["erlan"])
    submission = Submission.objects.filter(election=election).first()
    QualityFlag.objects.create(election=election, submission=submission, rule_id="late_rule:x", place="",
                               reason="late", related=[], created_at=submission.received_at)
    api = client.get("/api/observation/submissions/?rule=late_rule:x&limit=1000")
    assert api.status_code == 200 and [i["id"] for i in api.json()["results"]] == [submission.pk]
