"""The dashboards: who may open them, that every number's drill-down lists
exactly the submissions the finding counts, that the pages read with a fixed
number of queries, the review actions, escaping of user text, and (in
Chromium) an analyst seeing a finding move after an observer's submission."""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .sim import ATTACK, build_simulated

DASHBOARDS = ["/dashboards/", "/dashboards/coverage/", "/dashboards/findings/",
              "/dashboards/findings/voting.assessment_negative/numerator/",
              "/dashboards/findings/voting.assessment_negative/denominator/",
              "/dashboards/incidents/", "/dashboards/quality/", "/dashboards/results/",
              "/dashboards/forensics/", "/dashboards/quick-count/", "/dashboards/statement/"]
VOTING = {
    "arrival_time": "09:30", "identical_signatures": "no", "ballot_stuffing": "no",
    "boxes_not_sealed": "no", "group_voting": "no", "multiple_voting": "no", "proxy_voting": "no",
    "voting_without_id": "no", "voters_turned_away": "no", "unauthorised_persons_present": "no",
    "observers_restricted": "no", "party_observers_present": "yes", "pec_members_total": "7",
    "pec_members_women": "5", "pec_chair_gender": "female", "voters_in_station": "12", "assessment": "bad",
}


@pytest.fixture
def world(db, tmp_path):
    return build_simulated(tmp_path)


def _count(text: str, element_id: str) -> int:
    return int(re.search(rf'id="{element_id}">(\d+)<', text).group(1))


@pytest.mark.django_db
def test_dashboards_by_role(client, world) -> None:
    for url in DASHBOARDS:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(world["aigerim"])
    for url in DASHBOARDS:
        assert client.get(url).status_code == 403, url
    assert client.post("/dashboards/quality/1/review/", {"status": "verified"}).status_code == 403
    for name in ("kamila", "erlan", "zhanar"):
        client.force_login(world[name])
        for url in DASHBOARDS:
            assert client.get(url).status_code == 200, (name, url)
        assert 'href="/dashboards/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_every_drill_down_lists_what_the_finding_counts(client, world) -> None:
    from saylau.observation.core.findings import evaluate_all
    from saylau.observation.models import Submission
    from saylau.observation.selectors import submissions_frame

    client.force_login(world["erlan"])
    findings = [f for f in evaluate_all(submissions_frame(world["election"])) if f.group is None]
    table = client.get("/dashboards/findings/").content.decode()
    checked = 0
    for f in findings:
        row = re.search(rf'id="finding-{re.escape(f.metric.id)}".*?</tr>', table, re.S).group(0)
        shown = [int(n) for n in re.findall(r'class="(?:numerator|denominator)"[^>]*>(\d+)<', row)]
        assert shown == [f.numerator, f.denominator], f.metric.id
        pages = {}
        for part in ("numerator", "denominator"):
            text = client.get(f"/dashboards/findings/{f.metric.id}/{part}/").content.decode()
            pages[part] = [int(i) for i in re.findall(r'<tr data-id="(\d+)">', text)]
            assert _count(text, "count") == len(pages[part])
        assert set(pages["numerator"]) <= set(pages["denominator"])
        assert len(pages["denominator"]) == f.denominator if f.metric.kind != "ratio" else True, f.metric.id
        if f.metric.kind in ("total", "ratio"):
            answers = Submission.objects.filter(id__in=pages["numerator"]).values_list("answers", flat=True)
            assert sum(int(a[f.metric.question]) for a in answers) == f.numerator, f.metric.id
        else:
            assert len(pages["numerator"]) == f.numerator, f.metric.id
        checked += f.denominator > 0
    assert checked >= 10  # most findings have data at this scale


@pytest.mark.django_db
def test_a_rejected_submission_leaves_the_statement_and_the_drill_down_together(client, world) -> None:
    """One definition: the statement's figure and the dashboard's drill-down come from
    the same evaluation, so rejecting a submission through the review service moves both."""
    from collections import Counter

    from saylau.observation.models import Submission
    from saylau.observation.selectors import protocol_copies
    from saylau.observation.services import set_status
    from saylau.statement.core.compose import compose
    from saylau.statement.selectors import collect

    from .sim import ACTOR

    election = world["election"]
    client.force_login(world["erlan"])
    metric = "voting.assessment_negative"

    def figure():
        return next(f for f in compose(collect(election), "en").figures() if f.metric == metric)

    def drill_down(part: str) -> tuple[set[int], int]:
        text = client.get(f"/dashboards/findings/{metric}/{part}/").content.decode()
        return {int(i) for i in re.findall(r'<tr data-id="(\d+)">', text)}, _count(text, "count")

    def state():
        (numerator, n), (denominator, d) = drill_down("numerator"), drill_down("denominator")
        f = figure()
        assert (f.numerator, f.denominator) == (n, d) == (len(numerator), len(denominator))
        return f, numerator, denominator

    before, numerator, denominator = state()
    visits = Counter(Submission.objects.filter(election=election, form_code="voting")
                     .values_list("station_code", flat=True))
    target = next(s for s in Submission.objects.filter(pk__in=numerator).order_by("pk")
                  if visits[s.station_code] == 1)  # its station has no other visit to fall back on
    set_status(actor=ACTOR, submission=target, status="rejected", reason="observer was not there")
    after, numerator_after, denominator_after = state()
    assert (after.numerator, after.denominator) == (before.numerator - 1, before.denominator - 1)
    assert numerator_after == numerator - {target.pk}
    assert denominator_after == denominator - {target.pk}
    # the figure says which submissions it counted, in its footnote
    assert "submissions counted: new, flagged, verified (not counted: rejected); form voting" in \
        after.footnote("en")
    assert "учтённые отчёты: новые, с отметкой, подтверждённые (не учтены: отклонённые)" in \
        next(f for f in compose(collect(election), "ru").figures() if f.metric == metric).footnote("ru")
    row = re.search(rf'id="finding-{re.escape(metric)}".*?</tr>',
                    client.get("/dashboards/findings/").content.decode(), re.S).group(0)
    assert 'data-review="new flagged verified"' in row
    assert "submissions counted: new, flagged, verified (not counted: rejected)" in row
    # a rejected protocol copy is no longer read by the quick count
    copy = Submission.objects.filter(election=election, form_code="counting",
                                     answers__has_key="p_registered").order_by("pk").first()
    assert copy.pk in protocol_copies(election)["submission_id"].to_list()
    set_status(actor=ACTOR, submission=copy, status="rejected", reason="copy not legible")
    assert copy.pk not in protocol_copies(election)["submission_id"].to_list()


@pytest.mark.django_db
def test_totals_and_members_say_what_they_count(client, world) -> None:
    """The two published unit errors: women among PEC members count members, not stations;
    protocols completed on DEC premises are a count in the DECs observed, never a share."""
    client.force_login(world["erlan"])
    table = client.get("/dashboards/findings/").content.decode()

    def row(metric: str) -> str:
        return re.search(rf'id="finding-{re.escape(metric)}".*?</tr>', table, re.S).group(0)

    women = row("voting.women_members")
    assert 'data-unit="members"' in women
    assert '<td class="unit">PEC members present in polling stations observed</td>' in women
    total = row("tabulation.protocols_completed_at_dec")
    assert 'data-unit="protocols"' in total and '<td class="unit">PEC protocols</td>' in total
    assert '<td class="num share">–</td>' in total and "%" not in total
    assert "district election commissions observed" in total
    detail = client.get("/dashboards/findings/tabulation.protocols_completed_at_dec/denominator/")
    assert "out of" not in detail.content.decode()


@pytest.mark.django_db
def test_findings_and_coverage_read_with_a_fixed_number_of_queries(client, world) -> None:
    from saylau.observation.models import Submission
    from saylau.observation.services import SubmissionInput, submit_many

    from .sim import ACTOR

    client.force_login(world["erlan"])
    pages = ("/dashboards/findings/", "/dashboards/coverage/", "/dashboards/incidents/",
             "/dashboards/findings/voting.assessment_negative/denominator/")

    def queries() -> list[int]:
        out = []
        for url in pages:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            out.append(len(captured))
        return out

    before = queries()
    assert max(before) <= 12, before
    # as many submissions again (new UUIDs): the pages make the same queries
    items = [SubmissionInput(uuid=str(uuid.uuid4()), form=s.form_code, answers=s.answers,
                             station_code=s.station_code, dec_code=s.dec_code, region_code=s.region_code,
                             submitted_at=s.submitted_at + dt.timedelta(minutes=5),
                             team_code=s.team.code if s.team else "")
             for s in Submission.objects.filter(election=world["election"]).select_related("team")]
    n = len(items)
    results = submit_many(actor=ACTOR, election=world["election"], items=items, channel="simulation")
    assert all(r.ok for r in results)
    assert Submission.objects.count() == 2 * n
    assert queries() == before


@pytest.mark.django_db
def test_review_verifies_and_rejects_through_the_service(client, world) -> None:
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import QualityFlag, Submission

    client.force_login(world["kamila"])
    flag = QualityFlag.objects.filter(election=world["election"]).first()
    assert flag is not None
    target = f"/dashboards/quality/{flag.submission_id}/review/"
    page = client.get("/dashboards/quality/").content.decode()
    assert f'action="{target}"' in page and "csrfmiddlewaretoken" in page
    assert client.get(target).status_code == 405
    entries = LedgerEntry.objects.count()
    assert client.post(target, {"status": "verified"}).status_code == 302
    assert Submission.objects.get(pk=flag.submission_id).status == "verified"
    assert LedgerEntry.objects.count() == entries + 1
    # a rejection needs a reason: refused without one, the status stays
    response = client.post(target, {"status": "rejected", "reason": ""}, follow=True)
    assert "say why the submission is rejected" in response.content.decode()
    assert Submission.objects.get(pk=flag.submission_id).status == "verified"
    client.post(target, {"status": "rejected", "reason": "two visits at once"})
    assert Submission.objects.get(pk=flag.submission_id).status == "rejected"
    # reviewed: no longer in the open queue, still in the full list
    assert f'data-submission="{flag.submission_id}"' not in client.get("/dashboards/quality/").content.decode()
    assert f'data-submission="{flag.submission_id}"' in client.get(
        "/dashboards/quality/?status=all").content.decode()
    # CSRF is enforced on the review form
    strict = client.__class__(enforce_csrf_checks=True)
    strict.force_login(world["kamila"])
    assert strict.post(target, {"status": "verified"}).status_code == 403


@pytest.mark.django_db
def test_results_forensics_quick_count_and_statement(client, world) -> None:
    from django.utils.html import escape

    from saylau.results.choices import DiscrepancyKind
    from saylau.results.models import Discrepancy, Quarantine

    client.force_login(world["erlan"])
    results = client.get("/dashboards/results/").content.decode()
    held = Quarantine.objects.count()
    assert held > 0 and results.count("<tr>", results.index('id="quarantine"')) >= held
    assert f"{held:,} of " in results
    for kind, n in ((k, Discrepancy.objects.filter(kind=k).count()) for k in ("entered", "observer", "tier")):
        if n:  # the filter links show the kind's label and keep its code in the URL
            assert f"{escape(DiscrepancyKind(kind).label)}</a>: {n:,}" in results  # grouped in English
            assert f"kind={kind}" in results
    png = client.get("/dashboards/forensics/fingerprint.png")
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    quick = client.get("/dashboards/quick-count/").content.decode()
    assert 'id="convergence"' in quick
    # the last point of the convergence (every copy) is the results app's own quick count
    from saylau.results.selectors import quick_count
    from saylau.web.analysis import convergence

    data = convergence(world["election"])
    from saylau.geography.models import Candidate

    leader = Candidate.objects.get(election=world["election"], number=int(data["leader"].split("_")[1]))
    assert f"({escape(leader.name('en'))})" in quick  # the leader by name, not votes_<n>
    estimates = {e["name"]: e for e in quick_count(world["election"], source="observer")["estimates"]}
    last = {p.name: p for p in data["points"] if p.copies == data["copies"]}
    assert data["copies"] >= 2 and set(last) == {"leader", "turnout"}
    for name, key in (("leader", data["leader"]), ("turnout", "turnout")):
        assert last[name].estimate == pytest.approx(estimates[key]["estimate"])
        assert (last[name].lower, last[name].upper) == pytest.approx((estimates[key]["lower"],
                                                                     estimates[key]["upper"]))
    copies = [p.copies for p in data["points"] if p.name == "leader"]
    assert copies == sorted(copies) and copies[0] == 2
    statement = client.get("/dashboards/statement/?lang=ru")
    text = statement.content.decode()
    assert 'class="statement-preview"' in text and "<style>" not in text and "<script" not in text.split(
        'id="statement"')[1]
    assert "script-src 'self'" in statement["Content-Security-Policy"]
    css = client.get("/dashboards/statement/statement.css")
    assert css["Content-Type"].startswith("text/css") and len(css.content) > 100
    download = client.get("/dashboards/statement/statement-kk.html")
    assert "attachment" in download["Content-Disposition"] and b'<html lang="kk">' in download.content


@pytest.mark.django_db
def test_script_injection_is_escaped_on_every_dashboard(client, tmp_path, settings) -> None:
    world = build_simulated(tmp_path, attack=True)
    narrative = tmp_path / "narrative"
    narrative.mkdir()
    (narrative / "conclusions.en.md").write_text(f"The analysts wrote: {ATTACK}\n", encoding="utf-8")
    settings.SAYLAU_NARRATIVE_DIR = str(narrative)
    client.force_login(world["zhanar"])
    escaped = html.escape(ATTACK, quote=False)
    seen = set()
    for url in DASHBOARDS + ["/dashboards/findings/voting.assessment_negative/denominator/?page=1"]:
        text = client.get(url).content.decode()
        assert ATTACK not in text and "<script>window.__xss" not in text, url
        assert 'onerror="window' not in text, url
        if escaped in text or html.escape(ATTACK) in text:
            seen.add(url)
    # observer names, incident descriptions, unit names and decisions are shown, as text
    assert {"/dashboards/incidents/", "/dashboards/results/", "/dashboards/coverage/"} <= seen, seen
    # the narrative, in the statement preview and the download
    preview = client.get("/dashboards/statement/?lang=en").content.decode()
    assert "The analysts wrote: " in preview and ATTACK not in preview and "&lt;script&gt;" in preview
    download = client.get("/dashboards/statement/statement-en.html").content.decode()
    assert "The analysts wrote: " in download and ATTACK not in download


# -- in Chromium --------------------------------------------------------------

from .test_browser import _database_beside_playwright, chromium  # noqa: E402,F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_analyst_sees_a_finding_move_after_an_observers_submission(chromium, live_server, tmp_path) -> None:  # noqa: F811
    import os
    from pathlib import Path

    from saylau.geography.models import Unit
    from saylau.observation.models import Observer, Submission
    from saylau.observation.services.places import deployment_paths
    from saylau.web import services

    from .sim import ACTOR

    world = build_simulated(tmp_path)
    election = world["election"]
    visited = set(Submission.objects.filter(election=election, form_code="voting")
                  .values_list("station_code", flat=True))
    observer, station = None, None
    for candidate in Observer.objects.filter(election=election, team__isnull=False, role="sto").order_by("code"):
        paths = deployment_paths([candidate.team_id]).get(candidate.team_id, [])
        free = [u.code for u in Unit.objects.filter(election=election, level=3).order_by("code")
                if any(u.path == p or u.path.startswith(p + "/") for p in paths) and u.code not in visited]
        if free:
            observer, station = candidate, free[0]
            break
    assert station is not None
    services.link_observer(actor=ACTOR, user=world["aigerim"], observer=observer)
    shots = os.environ.get("SAYLAU_SCREENSHOTS", "")

    def shot(page, name):
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"web-{name}.png"), full_page=True)

    def log_in(context, username, password):
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("main button[type=submit]")
        page.wait_for_load_state("load")
        return page

    violations: list[str] = []
    analyst = chromium.new_context(base_url=live_server.url, locale="en-GB",
                                   viewport={"width": 1280, "height": 900})
    analyst.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page = log_in(analyst, "erlan", "analyst-pass-1")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("/dashboards/findings/")
    row = '#finding-voting\\.assessment_negative'
    before = int(page.inner_text(f"{row} a.numerator"))
    total = int(page.inner_text(f"{row} a.denominator"))
    shot(page, "dashboard-findings")

    observer_context = chromium.new_context(base_url=live_server.url)
    observer_page = log_in(observer_context, "aigerim", "observer-pass-1")
    me = observer_page.request.get("/api/accounts/me/")
    assert me.json()["role"] == "observer"
    token = next(c["value"] for c in observer_context.cookies() if c["name"] == "csrftoken")
    sent = observer_page.request.post("/api/observation/submissions/", headers={"X-CSRFToken": token}, data={
        "uuid": str(uuid.uuid4()), "form": "voting", "station_code": station,
        "answers": {**VOTING, "station_code": station},
        "submitted_at": dt.datetime.now(dt.UTC).isoformat()})
    assert sent.status == 201, sent.text()
    observer_context.close()

    page.reload()
    assert int(page.inner_text(f"{row} a.numerator")) == before + 1
    assert int(page.inner_text(f"{row} a.denominator")) == total + 1
    page.click(f"{row} a.numerator")
    page.wait_for_selector("#count")
    assert int(page.inner_text("#count")) == before + 1
    assert page.locator(f'tr:has(td:text-is("{station}"))').count() == 1
    for name, url in (("dashboard-coverage", "/dashboards/coverage/"), ("dashboard-quality", "/dashboards/quality/"),
                      ("dashboard-results", "/dashboards/results/"), ("dashboard-forensics", "/dashboards/forensics/"),
                      ("dashboard-quickcount", "/dashboards/quick-count/"),
                      ("dashboard-statement", "/dashboards/statement/")):
        page.goto(url)
        page.wait_for_load_state("load")
        shot(page, name)
    public = chromium.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    public.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    visitor = public.new_page()
    visitor.goto("/portal/")
    shot(visitor, "portal")
    visitor.fill("#code", station)
    visitor.click("form.search button")
    visitor.wait_for_selector("#protocol")
    assert station in visitor.inner_text("h1")
    shot(visitor, "portal-station")
    public.close()
    analyst.close()
    assert not errors, errors
    assert not violations, violations


@pytest.mark.django_db
def test_pages_speak_the_users_language(client, world, settings) -> None:
    from saylau.observation.core.findings import evaluate_all
    from saylau.observation.selectors import submissions_frame

    client.force_login(world["erlan"])
    findings = [f for f in evaluate_all(submissions_frame(world["election"])) if f.group is None]
    for lang, tab in (("ru", "Выводы"), ("kk", "Тұжырымдар")):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        text = client.get("/dashboards/findings/").content.decode()
        assert f'<html lang="{lang}">' in text and tab in text
        for f in findings:
            assert html.escape(f.sentence(lang)) in text, (lang, f.metric.id)
        portal = client.get("/portal/").content.decode()
        assert {"ru": "Вершина журнала", "kk": "Журналдың соңғы жазбасы"}[lang] in portal


@pytest.mark.django_db
def test_coverage_adds_up_and_names_silent_teams(client, world) -> None:
    from saylau.observation.models import Observer, Team
    from saylau.observation.selectors import mission_summary

    election = world["election"]
    team = Team.objects.create(election=election, code="S9999", kind="sto")
    Observer.objects.create(election=election, code="OBS-SILENT", full_name="Dana Silent", role="sto",
                            state="DE", team=team)
    client.force_login(world["kamila"])
    text = client.get("/dashboards/coverage/").content.decode()
    silent = text.split('id="silent-teams"')[1]
    assert "S9999" in silent and "Dana Silent" in silent
    observed = mission_summary(election)["stations_observed"]
    rows = re.findall(r'<tr data-region="[^"]*"><td>.*?</td><td class="num">([\d,]+)</td>\s*'
                      r'<td class="num">([\d,]+)</td><td class="num">([\d,]+)</td><td class="num">([\d,]+)</td>'
                      r'<td class="num shares">([^<]*)</td>', text)
    rows = [[int(c.replace(",", "")) for c in r[:4]] + [r[4]] for r in rows]
    assert len(rows) == 16
    assert sum(r[0] for r in rows) == world["sim"].stations.height
    for i, phase in enumerate(("opening", "voting", "counting"), start=1):
        assert sum(r[i] for r in rows) == observed[phase], phase
    for r in rows:  # each share is observed over the region's stations, one decimal
        assert r[4].split(" · ") == [f"{100 * r[i] / r[0]:.1f}\u00a0%" for i in (1, 2, 3)]


@pytest.mark.django_db
def test_labels_not_codes_on_results_findings_and_incidents(client, world, settings) -> None:
    from saylau.observation.core.findings import evaluate_all
    from saylau.observation.models import Submission
    from saylau.observation.selectors import submissions_frame
    from saylau.results.core.checks import rule_label
    from saylau.results.models import Quarantine

    client.force_login(world["erlan"])
    slug = world["election"].slug
    held = Quarantine.objects.filter(run__election=world["election"]).first()
    codes = [r["code"] for r in held.reasons]
    for lang in ("en", "ru", "kk"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        results = client.get(f"/dashboards/results/?election={slug}").content.decode()
        table = results.split('id="quarantine"')[1].split("</table>")[0]
        assert "{&#x27;code&#x27;" not in table and "{'code'" not in table  # no Python dicts
        assert all(html.escape(rule_label(c, lang)) in table for c in codes)
        if lang != "en":
            assert rule_label(codes[0], lang) != codes[0]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    findings = client.get(f"/dashboards/findings/?election={slug}").content.decode()
    for f in (f for f in evaluate_all(submissions_frame(world["election"])) if f.group is None):
        row = re.search(rf'id="finding-{re.escape(f.metric.id)}".*?</tr>', findings, re.S).group(0)
        cell = row.split("</td>")[0].split(">", 2)[2]  # the sentence's cell: no metric id inside
        assert f.metric.id not in cell, f.metric.id
    # incidents: types by label, a filter per type that keeps exactly that type, paging
    from saylau.web.analysis import choice_labels

    types = choice_labels(world["election"], "incident", "incident_type", "ru")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get(f"/dashboards/incidents/?election={slug}").content.decode()
    reports = Submission.objects.filter(election=world["election"], form_code="incident")
    assert reports.exists() and types
    kind = reports.first().answers["incident_type"]
    assert f">{html.escape(types[kind])}</a>" in page
    filtered = client.get(f"/dashboards/incidents/?election={slug}&type={kind}").content.decode()
    shown = {int(i) for i in re.findall(r'<tr data-id="(\d+)">', filtered)}
    expected = {s.pk for s in reports if s.answers.get("incident_type") == kind}
    assert shown == expected
    cells = re.findall(r'<td class="incident-type">([^<]*)</td>', filtered)
    assert cells and set(cells) == {html.escape(types[kind])}
    assert client.get(f"/dashboards/incidents/?election={slug}&type=no_such_type").status_code == 404
    assert client.get(f"/dashboards/incidents/?election={slug}&page=99").status_code == 200  # the last page
