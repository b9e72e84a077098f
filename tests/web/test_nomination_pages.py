"""The candidates' and accreditation pages (issue #17) on the small election of
``tests/statement/test_nomination_db.py`` (built through the services): who sees
what, the figures against the fixture's hand-counted ones, Kazakh and Russian
labels, the open data and the accreditation list's export; and every text of
these pages has its Russian and Kazakh translation."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.statement.test_nomination_db import ACTOR, build_world

pytestmark = pytest.mark.django_db
WEB = Path(__file__).resolve().parents[2] / "src" / "saylau" / "web"
TEMPLATES = sorted((WEB / "templates" / "web" / "nomination").glob("*.html"))


@pytest.fixture
def world():
    return build_world()


def _login(client, role: str):
    from saylau.web.services import create_user

    create_user(actor=ACTOR, username=f"u-{role}", role=role, password="a-long-pass-1")
    assert client.login(username=f"u-{role}", password="a-long-pass-1")


def _get(client, url: str, world, lang: str = "en"):
    sep = "&" if "?" in url else "?"
    return client.get(f"{url}{sep}election={world['election'].slug}", HTTP_ACCEPT_LANGUAGE=lang)


def _rows(html: str, table_id: str) -> list[str]:
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr[^>]*>(.*?)</tr>", body.split("<tbody>", 1)[1], flags=re.S)


def test_public_pages_need_no_login_and_the_others_do(client, world):
    from saylau.nomination.models import StatusDecision

    decision = StatusDecision.objects.get(number="4/15")
    for url in ("/candidates/", "/candidates/decisions/", f"/candidates/decisions/{decision.pk}/",
                "/candidates/open-data/decisions.csv", "/candidates/open-data/decisions.json"):
        assert _get(client, url, world).status_code == 200, url
    for url in ("/candidates/N01/", "/accreditation/", "/accreditation/list/"):
        response = _get(client, url, world)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    public = _get(client, "/candidates/", world).content.decode()
    assert 'href="/candidates/N01/' not in public  # the dashboards are for the mission
    assert 'href="/candidates/"' in client.get("/").content.decode()  # the menu, for everyone


@pytest.mark.parametrize(("role", "dashboard", "accreditation", "listing"), [
    ("observer", 403, 403, 403), ("coordinator", 200, 200, 403), ("analyst", 200, 200, 200),
    ("administrator", 200, 200, 200)])
def test_each_role_sees_its_pages(client, world, role, dashboard, accreditation, listing):
    _login(client, role)
    assert _get(client, "/candidates/N01/", world).status_code == dashboard
    assert _get(client, "/accreditation/", world).status_code == accreditation
    assert _get(client, "/accreditation/list/", world).status_code == listing
    assert _get(client, "/candidates/", world).status_code == 200


def test_the_nominees_list_and_the_decisions(client, world):
    from saylau.nomination.core import labels

    html = _get(client, "/candidates/", world).content.decode()
    rows = _rows(html, "nominees")
    assert len(rows) == 3
    assert 'data-code="N01" data-status="registered"' in html and 'data-code="N02" data-status="refused"' in html
    assert "Nominated by a public association: Green Steppe" in html and "Nominees: 3" in html
    refused = re.search(r'<tr data-code="N02".*?</tr>', html, flags=re.S).group(0)
    assert f"<small>{labels.CHECK['language'][0]}</small>" in refused and ">4/15</a>" in refused
    html = _get(client, "/candidates/decisions/", world).content.decode()
    assert len(re.findall(r"<tr data-decision=", html)) == 5  # N01: three steps, N02: refused, N03: withdrawn
    refused = _get(client, "/candidates/decisions/?status=refused", world).content.decode()
    assert len(re.findall(r"<tr data-decision=", refused)) == 1 and "7 present, 6 for, 1 against" in refused
    assert f"<td>{labels.CHECK['language'][0]}</td>" in refused  # the ground, by its label


def test_a_decision_page_carries_its_ledger_receipt(client, world):
    from saylau.ledger.models import LedgerEntry
    from saylau.nomination.models import StatusDecision

    decision = StatusDecision.objects.get(number="4/15")
    html = _get(client, f"/candidates/decisions/{decision.pk}/", world).content.decode()
    entry = LedgerEntry.objects.filter(object_type="nomination.decision", object_id=str(decision.pk)).order_by(
        "sequence").first()
    assert entry is not None and f"{entry.sequence}-{entry.hash[:8]}" in html
    assert "failed the Kazakh language test" in html and "7 present, 6 for, 1 against" in html
    assert 'id="ledger-hash"' in html


def test_the_open_data_has_every_decision(client, world):
    from saylau.nomination.models import StatusDecision

    raw = _get(client, "/candidates/open-data/decisions.csv", world).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert len(rows) == StatusDecision.objects.count() == 5
    refused = next(r for r in rows if r["number"] == "4/15")
    assert (refused["nominee_code"], refused["to_status"], refused["votes_for"], refused["votes_against"],
            refused["ground"]) == ("N02", "refused", "6", "1", "language")
    data = json.loads(_get(client, "/candidates/open-data/decisions.json", world).content)
    assert data["election"] == "nom-2011" and len(data["decisions"]) == 5


def test_the_nominee_dashboard_shows_the_hand_counted_figures(client, world):
    _login(client, "coordinator")
    html = _get(client, "/candidates/N01/", world).content.decode()
    assert re.findall(r'<tr data-to="(\w+)"', html) == ["documents", "signatures", "registered"]
    for element, value in (("lines", "8"), ("checked", "8"), ("valid", "5"), ("struck", "4")):
        assert re.search(rf'<dd id="{element}">{value}\b', html), element
    assert re.search(r'<dd id="invalid">3 <small>\(37,5', html) is None  # English decimals
    assert re.search(r'<dd id="invalid">3 <small>\(37.5 per cent\)', html)
    assert re.search(r'<dd id="struck-without-reason">3 <small>\(75.0 per cent\)', html)
    reasons = dict(re.findall(r'<tr data-reason="(\w+)"><td>[^<]*</td><td class="num">(\d+)</td>', html))
    assert reasons == {"missing_field": "1", "outside_window": "1", "not_found": "1"}
    with_reason = re.search(r'<tr data-reason="missing_field">.*?</tr>', html, flags=re.S).group(0)
    assert with_reason.endswith('<td class="num">1</td><td class="num">1</td></tr>')  # struck, with its reason
    sessions = html.split('id="sessions"', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col" data-stage="1" data-decision="registered_enough">' in sessions
    row = dict(re.findall(r'<tr data-row="(\w+)"><th scope="row">[^<]*</th><td[^>]*>(.*?)</td>', sessions))
    assert (row["lines"], row["checked"], row["required"]) == ("8", "8", "5")
    assert row["invalid"] == "3 (37.5 per cent)" and row["duplicates"] == "0"
    assert row["proxy"] == "<strong>no</strong>"  # the proxy was not present
    assert row["projected"].startswith('<strong class="projected">5</strong><br>5–5 (95 per cent interval)')
    assert row["decision"] == "<strong>Enough valid signatures</strong>"
    assert 'id="chart-signatures-by-reason"' in html and 'id="chart-signatures-by-region"' in html
    assert "Abenov" not in html and "Abai street" not in html  # personal data of the signatories stay out


def test_the_accreditation_page_and_list(client, world):
    _login(client, "analyst")
    html = _get(client, "/accreditation/", world).content.decode()
    kinds = {k: (a, r) for k, a, r in re.findall(
        r'<tr data-kind="(\w+)"><td>[^<]*</td><td class="num">(\d+)</td><td class="num">(\d+)</td>', html)}
    assert kinds == {"proxy": ("3", "2"), "domestic_observer": ("2", "0"), "international_observer": ("1", "0"),
                     "media": ("1", "0")}
    assert re.search(r'<tr data-nominee="N01"><td>Aidar Bekov <small>\(incumbent\)</small></td>'
                     r'<td class="num">3</td><td class="num">1</td>', html)
    listing = _get(client, "/accreditation/list/?kind=proxy&status=refused", world)
    assert listing.status_code == 200 and 'data-count="2"' in listing.content.decode()
    exported = _get(client, "/accreditation/list/?kind=proxy&status=refused&export=csv", world)
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3 and {r[1] for r in rows[1:]} == {"Proxy 3", "Proxy of N02"}
    assert _get(client, "/accreditation/list/?status=maybe", world).status_code == 400


def test_observers_accredited_for_the_whole_country_have_a_row_of_their_own(client, world):
    """An international observer accredited with no region is counted on a labelled
    nationwide row (the last), in the table and the chart, not on a row without a name."""
    import polars as pl

    from saylau.nomination import services

    services.import_accreditations(actor=ACTOR, election=world["election"], applications=pl.DataFrame(
        {"kind": ["international_observer"], "full_name": ["Nationwide Observer"], "state": ["FR"]}))
    _login(client, "analyst")
    html = _get(client, "/accreditation/", world, "kk").content.decode()
    assert "Бүкіл ел бойынша (облыссыз)" in html
    data = json.loads(re.search(r'<script id="chart-data-accredited-by-region" type="application/json">(.*?)</script>',
                                html, flags=re.S).group(1))
    assert data["labels"][-1] == "Бүкіл ел бойынша (облыссыз)" and "" not in data["labels"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pages_speak_the_language(client, world, lang):
    from saylau.nomination.core import labels
    from saylau.nomination.core.reasons import DECISIONS, REASONS

    i = ("en", "ru", "kk").index(lang)
    _login(client, "administrator")
    html = _get(client, "/candidates/", world, lang).content.decode()
    assert f'<html lang="{lang}">' in html and labels.STATUS["registered"][i] in html
    assert labels.NOMINATED_BY["association"][i] in html and "Nominated by" not in html
    html = _get(client, "/candidates/N01/", world, lang).content.decode()
    assert REASONS["not_found"][i] in html and DECISIONS["registered_enough"][i] in html
    assert "Status history" not in html and "Supporting signatures" not in html
    if lang == "ru":
        assert re.search(r'<dd id="invalid">3 <small>\(37,5 процента\)', html)
    html = _get(client, "/accreditation/", world, lang).content.decode()
    assert labels.ACCREDITATION_KIND["international_observer"][i] in html and "By kind" not in html


def _msgids() -> set[str]:
    """The texts of the nomination pages: their templates' translate and blocktranslate tags, and the
    gettext calls of the view."""
    found: set[str] = set()
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'{% translate "([^"]+)"', text))
        found |= set(re.findall(r'_\("([^"]+)"\)', text))
        for block in re.findall(r"{% blocktranslate[^%]*%}(.*?){% (?:plural|endblocktranslate) %}", text, flags=re.S):
            found.add(re.sub(r"{{ (\w+) }}", r"%(\1)s", block))
    view = ast.parse((WEB / "views" / "nomination.py").read_text(encoding="utf-8"))
    found |= {node.args[0].value for node in ast.walk(view)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "_l")
              and node.args and isinstance(node.args[0], ast.Constant)}
    return found


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_text_of_the_pages_is_translated(lang):
    from django.utils import translation

    ids = _msgids()
    assert len(ids) > 60  # the parse found the pages' texts
    with translation.override(lang):
        missing = sorted(m for m in ids if translation.gettext(m) == m)
    assert not missing, missing
