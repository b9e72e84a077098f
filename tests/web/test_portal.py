"""The public results portal: anyone can read published per-station results,
their checks and correction history, the ledger head and the open data; user
text is escaped; nothing unpublished shows."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re

import polars as pl
import pytest

from .sim import ATTACK, build_simulated


@pytest.fixture
def world(db, tmp_path):
    return build_simulated(tmp_path)


def _published(election) -> pl.DataFrame:
    from saylau.results.selectors import published_stations

    return published_stations(election)


@pytest.mark.django_db
def test_anyone_sees_the_published_stations_and_the_ledger_head(client, world) -> None:
    from saylau.ledger.services import current_head
    from saylau.results.models import Publication

    response = client.get("/portal/")
    assert response.status_code == 200
    text = response.content.decode()
    publication = Publication.objects.get()
    assert text.count('href="/portal/stations/') == min(publication.stations, 100)
    sequence, digest = current_head()
    assert f'id="ledger-sequence">{sequence}<' in text and f'id="ledger-hash">{digest}<' in text
    assert sequence > 0 and len(digest) == 64
    for fmt in ("csv", "json", "parquet"):
        assert f'href="/portal/open-data/stations.{fmt}?election={world["election"].slug}"' in text
    # the portal is in the public menu
    assert 'href="/portal/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_station_page_shows_its_published_protocol(client, world) -> None:
    from saylau.geography.models import Candidate

    table = _published(world["election"])
    row = table.row(0, named=True)
    text = client.get(f"/portal/stations/{row['station_code']}/").content.decode()
    body = text.split('id="protocol"')[1].split("<tbody>")[1].split("</table>")[0]
    # the first figure of each line is the published one (then the protocols side by side)
    cells = [int(re.findall(r'<td class="num">([^<]*)</td>', tr)[0].replace(",", "").replace("\xa0", ""))
             for tr in body.split("</tr>") if "<td" in tr]
    k = Candidate.objects.filter(election=world["election"]).count()
    expected = [row[c] for c in ("registered", "ballots_received", "issued_in_station", "issued_mobile",
                                 "issued_early", "cancelled", "found_in_boxes", "invalid", "valid")]
    expected += [row[f"votes_{i}"] for i in range(1, k + 1)]
    assert cells == expected
    for candidate in Candidate.objects.filter(election=world["election"]):
        assert html.escape(candidate.name("en")) in text
    assert 'id="checks"' in text and 'id="history"' in text
    assert client.get("/portal/stations/NOPE/").status_code == 404


@pytest.mark.django_db
def test_corrections_show_their_decision_and_failed_checks_their_reason(client, world) -> None:
    from saylau.results.models import Correction, Quarantine
    from saylau.web.analysis import line_labels

    corrected = Correction.objects.filter(decision__isnull=False).select_related(
        "protocol__unit", "decision").first()
    assert corrected is not None
    text = client.get(f"/portal/stations/{corrected.protocol.unit.code}/").content.decode()
    from django.utils.formats import date_format

    assert f"Decision No. {corrected.decision.number} of {date_format(corrected.decision.date, 'DATE_FORMAT')}" in text
    labels = line_labels(corrected.protocol.unit.election, "en")
    for line in corrected.changes:  # changed lines by their label (a candidate's votes by the name)
        assert f"{html.escape(labels.get(line, line))}: " in text
    silent = Correction.objects.filter(without_decision=True).select_related("protocol__unit").first()
    assert "Corrected without a formal decision" in client.get(
        f"/portal/stations/{silent.protocol.unit.code}/").content.decode()
    held = Quarantine.objects.select_related("protocol__unit").filter(
        protocol__tier="PEC").order_by("id")
    published = set(_published(world["election"])["station_code"].to_list())
    shown = 0
    for q in held:
        code = q.protocol.unit.code
        if code not in published:
            continue
        page = client.get(f"/portal/stations/{code}/").content.decode()
        if '<ul id="checks"' in page:
            shown += 1
    assert shown >= 1


@pytest.mark.django_db
def test_search_by_code(client, world) -> None:
    code = _published(world["election"])["station_code"][3]
    response = client.get("/portal/", {"code": code})
    assert response.status_code == 302 and response["Location"].startswith(f"/portal/stations/{code}/")
    partial = client.get("/portal/", {"code": code[:2]}).content.decode()
    assert f'href="/portal/stations/{code}/' in partial
    none = client.get("/portal/", {"code": "zz-none"}).content.decode()
    assert "0 stations found" in none and 'href="/portal/stations/' not in none


@pytest.mark.django_db
def test_open_data_equals_the_published_table(client, world) -> None:
    table = _published(world["election"])
    csv = client.get("/portal/open-data/stations.csv")
    assert csv["Content-Type"].startswith("text/csv") and "attachment" in csv["Content-Disposition"]
    assert pl.read_csv(io.BytesIO(csv.content), schema=table.schema)["station_code"].to_list() == \
        table["station_code"].to_list()
    rows = json.loads(client.get("/portal/open-data/stations.json").content)
    assert len(rows) == table.height and rows[0]["station_code"] == table["station_code"][0]
    parquet = pl.read_parquet(io.BytesIO(client.get("/portal/open-data/stations.parquet").content))
    assert parquet.drop("received_at").equals(table.drop("received_at"))
    assert client.get("/portal/open-data/stations.xlsx").status_code == 404


@pytest.mark.django_db
def test_open_data_names_the_candidates_of_the_vote_columns(client, world) -> None:
    from saylau.geography.models import Candidate

    page = client.get("/portal/").content.decode()
    assert "/portal/open-data/candidates.parquet" in page
    response = client.get("/portal/open-data/candidates.csv")
    assert 'candidates.csv"' in response["Content-Disposition"]
    table = pl.read_csv(io.BytesIO(response.content))
    people = list(Candidate.objects.filter(election=world["election"]).order_by("number"))
    assert table["number"].to_list() == [c.number for c in people]
    assert table["column"].to_list() == [f"votes_{c.number}" for c in people]
    assert table["name_kk"].to_list() == [c.name("kk") for c in people]
    stations = _published(world["election"])
    assert set(table["column"]) == {c for c in stations.columns if c.startswith("votes_")}
    rows = json.loads(client.get("/portal/open-data/candidates.json").content)
    assert rows[0]["name_ru"] == people[0].name("ru")
    assert client.get("/portal/open-data/units.csv").status_code == 404


@pytest.mark.django_db
def test_nothing_shows_before_publication(client, db) -> None:
    from saylau.simulate import simulate
    from saylau.simulate.load import load

    from .sim import ACTOR

    load(simulate(scale=0.01), actor=ACTOR)
    text = client.get("/portal/").content.decode()
    assert "No results have been published yet." in text and 'href="/portal/stations/' not in text
    assert client.get("/portal/open-data/stations.csv").content.count(b"\n") == 1  # the header only


@pytest.mark.django_db
def test_script_injection_is_escaped_on_the_portal(client, tmp_path) -> None:
    from saylau.results.models import Correction

    build_simulated(tmp_path, attack=True)
    corrected = Correction.objects.filter(decision__isnull=False).select_related("protocol__unit").first()
    for url in ("/portal/", f"/portal/stations/{corrected.protocol.unit.code}/"):
        text = client.get(url).content.decode()
        assert ATTACK not in text and "<script>window" not in text and 'onerror="' not in text, url
    station = client.get(f"/portal/stations/{corrected.protocol.unit.code}/").content.decode()
    assert html.escape(ATTACK) in station  # station name, decision text and reason, as text
    assert station.count(html.escape(ATTACK)) >= 3


@pytest.mark.django_db
def test_a_correction_after_the_publication_waits_for_the_next_one(client, world, tmp_path) -> None:
    from saylau.results import services
    from saylau.results.models import Publication
    from saylau.results.selectors import current_protocols

    from .sim import ACTOR

    row = _published(world["election"]).filter(~pl.col("corrected")).row(0, named=True)
    tier = "DEC" if row["source"] == "entered" else "PEC"  # the figures the portal shows
    protocol = current_protocols(world["election"]).get(unit__code=row["station_code"], unit__level=3,
                                                        tier=tier, source=row["source"])
    # arrives after the publication (whose cut-off is whole seconds)
    arrival = Publication.objects.get().until + dt.timedelta(seconds=5)
    services.correct_protocol(actor=ACTOR, protocol=protocol, lines={"invalid": row["invalid"] + 7},
                              reason="late recount", received_at=arrival)
    url = f"/portal/stations/{row['station_code']}/"
    before = client.get(url).content.decode()
    assert "late recount" not in before and f"Invalid ballots: {row['invalid']} → {row['invalid'] + 7}" not in before
    services.publish(actor=ACTOR, election=world["election"], out_dir=tmp_path / "again", until=arrival)
    after = client.get(url).content.decode()
    assert "late recount" in after and f"Invalid ballots: {row['invalid']} → {row['invalid'] + 7}" in after
    assert "Corrected without a formal decision" in after
    invalid = re.search(r'Invalid ballots(?: <span[^>]*>[^<]*</span>)?</th>\s*<td class="num">([\d,]+)<', after).group(1)
    invalid = invalid.replace(",", "")
    assert int(invalid) == row["invalid"] + 7


@pytest.mark.django_db
def test_totals_candidates_and_regions_equal_the_published_table(client, world) -> None:
    from saylau.core import protocol

    table = _published(world["election"])
    issued = sum(table[c].fill_null(0).sum() for c in protocol.ISSUED_LINES)
    registered, valid = table["registered"].fill_null(0).sum(), table["valid"].fill_null(0).sum()
    text = client.get("/portal/").content.decode()
    assert re.search(r'id="total-registered">([^<]*)<', text).group(1).replace(",", "") == str(registered)
    assert re.search(r'id="total-issued">([^<]*)<', text).group(1).replace(",", "") == str(issued)
    assert re.search(r'id="total-turnout">([^<]*)<', text).group(1) == f"{100 * issued / registered:.1f}\xa0%"
    first = table["votes_1"].fill_null(0).sum()
    assert f"{100 * first / valid:.1f}\xa0%" in text.split('id="candidates"')[1].split("</table>")[0]
    regions = text.split('id="regions"')[1].split("</table>")[0]
    assert regions.count("<tr>") == table["region_code"].n_unique() + 1  # the header row too
    ru = client.get("/portal/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert re.search(r'id="total-turnout">([^<]*)<', ru).group(1) == f"{100 * issued / registered:.1f}".replace(".", ",") + "\xa0%"


@pytest.mark.django_db
def test_a_station_whose_entry_differs_from_its_protocol_shows_both_and_is_marked(client, world) -> None:
    from saylau.core.actors import Actor
    from saylau.results.models import Publication
    from saylau.results.selectors import current_protocols
    from saylau.results.services import correct_protocol

    # the district's entry of one published station typed over: it differs from the station's own protocol
    election = world["election"]
    until = Publication.objects.get().until
    entered = (current_protocols(election).filter(tier="DEC", source="entered", unit__level=3, received_at__lt=until)
               .select_related("unit").first())
    assert entered is not None
    pec = current_protocols(election).get(unit=entered.unit, tier="PEC", source="official")
    correct_protocol(actor=Actor.system("test"), protocol=entered, lines={"valid": pec.valid + 138},
                     reason="typed over", received_at=entered.received_at)
    code = entered.unit.code
    page = client.get(f"/portal/stations/{code}/").content.decode()
    assert "protocol (PEC)" in page and "entry (DEC)" in page
    row = page.split("Valid ballots")[1].split("</tr>")[0]
    assert 'differs' in row and f"{pec.valid:,}" in row and f"{pec.valid + 138:,}" in row
    assert 'id="differences"' in page
    listing = client.get("/portal/", {"show": "differing"}).content.decode()
    assert f'href="/portal/stations/{code}/' in listing and "entry differs from the station" in listing
    assert client.get("/portal/", {"show": "failing"}).status_code == 200
