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
        assert f"<td class=\"text\">{new}</td>" in cells and ">new<" not in cells
        held = client.get(f"/tables/protocols/?election={election.slug}&check=quarantined").content.decode()
        cells = held.split("<tbody>")[1]
        assert any(labels[index] in cells for labels in RULE_LABELS.values())
        assert not any(code in cells for code in RULE_LABELS)
        flags = client.get(f"/tables/quality-flags/?election={election.slug}").content.decode().split("<tbody>")[1]
        assert "stuffing_but_very_good" not in flags and "outside_deployment" not in flags
