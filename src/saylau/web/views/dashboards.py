"""Dashboards for analysts, coordinators and administrators (observers get 403).

Every page reads the election named by ``?election=<slug>`` (default: the
most recent one). Writes go through services only: the review buttons of the
quality queue call :func:`saylau.observation.services.set_status`.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saylau.core.actors import Actor
from saylau.geography.selectors import region_names
from saylau.ledger.selectors import while_unchanged
from saylau.observation.choices import SubmissionStatus
from saylau.observation.core.findings import Finding, evaluate, evaluate_all
from saylau.observation.core.metrics import METRICS_BY_ID
from saylau.observation.models import QualityFlag, Submission
from saylau.observation.selectors import findings_frame, mission_summary
from saylau.results.choices import DiscrepancyKind
from saylau.web import alarms, analysis, charts
from saylau.web import map as tilemap
from saylau.web.roles import Role, role_required

#: Coordinators are long-term observers: they see the dashboards too.
dashboard_role = role_required(Role.COORDINATOR)
PAGE = 200


def _lang() -> str:
    return (get_language() or "en")[:2]


def _election(request: HttpRequest):
    election = analysis.current_election(request.GET.get("election"))
    if election is None:
        raise Http404(_("No election has been loaded yet."))
    return election


def _page(request: HttpRequest, template: str, election, **context) -> HttpResponse:
    return render(request, f"web/dashboards/{template}", {"election": election,
                                                          "election_name": election.name(_lang()),
                                                          **context})


@dashboard_role
def index(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    return _page(request, "index.html", election, summary=mission_summary(election), alarms=_alarms(election))


def _alarms(election) -> list[tuple[alarms.Alarm, str]]:
    """Every alarm raised on ``election`` now, with the link to its evidence; the
    figures come from the selectors, the decisions from :mod:`saylau.web.alarms`."""
    import datetime as dt

    from django.db.models import Min
    from django.utils import timezone

    from saylau.core.errors import UserError
    from saylau.observation.models import Team
    from saylau.results import selectors as results
    from saylau.results.models import Correction

    raised: list[alarms.Alarm | None] = []
    try:
        qc = results.quick_count(election)
    except UserError:  # no protocols or fewer than two observers' copies yet: nothing to compare
        qc = None
    if qc is not None:
        items = {i["name"]: i for i in qc["estimates"]}
        votes = [i for name, i in items.items() if name != "turnout"]
        leader = max(votes, key=lambda i: i["official"]) if votes else None
        for name, item in (("turnout", items.get("turnout")), ("leader", leader)):
            if item is not None:
                raised.append(alarms.quick_count_outside(name, item["official"], item["lower"], item["upper"],
                                                         qc["confidence"]))
    check = results.latest_check(election)
    if check is not None and check.winner:
        raised.append(alarms.quarantine_could_change_winner(check.quarantined, check.winner["quarantined_votes"],
                                                            check.winner["margin"]))
    run = results.latest_tabulation(election)
    if run is not None:  # the tabulation's stored count, the one the demo and `results tabulate` print
        raised.append(alarms.protocols_differ(run.summary.get("units_with_discrepancies", {}).get("entered", 0)))
    raised.append(alarms.corrections_without_decision(
        Correction.objects.filter(protocol__election=election, without_decision=True).count()))
    raised.append(alarms.teams_silent(len(analysis.silent_teams(election)),
                                      Team.objects.filter(election=election).count()))
    since = timezone.now() - dt.timedelta(hours=alarms.REVIEW_HOURS)
    raised.append(alarms.reviews_overdue(
        Submission.objects.filter(election=election, status=SubmissionStatus.FLAGGED)
        .annotate(flagged_at=Min("flags__created_at")).filter(flagged_at__lt=since).count()))
    slug = f"?election={election.slug}"
    return [(a, reverse(a.url_name) + slug + (f"&{a.query}" if a.query else "")) for a in raised if a is not None]


@dashboard_role
def coverage(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    lang = _lang()
    regions = analysis.coverage(election, lang)
    phases = {"opening": _("Opening"), "voting": _("Voting"), "counting": _("Counting")}
    chart = charts.coverage(regions, phases, lang, x=_("Region"), y=_("Share of stations observed"))
    shares = {r.region_code: (r.observed["voting"] / r.stations if r.stations else None) for r in regions}
    return _page(request, "coverage.html", election, phases=analysis.PHASES, regions=regions,
                 teams=analysis.silent_teams(election),
                 chart=charts.figure("coverage", _("Share of stations observed, by region and phase"), chart, lang),
                 map=tilemap.tile_map(shares, {r.region_code: r.region_name for r in regions}, lang),
                 map_title=_("Share of stations observed during voting"),
                 points=charts.figure("stations", _("Stations observed during voting, where their coordinates are known"),
                                      _station_points(election, lang), lang))


def _station_points(election, lang: str) -> dict:
    """Every station's coordinates and whether it was observed during voting (under
    the review policy, as coverage counts it): two queries."""
    from saylau.geography.models import Station
    from saylau.observation.selectors import reviewed

    seen = set(reviewed(Submission.objects.filter(election=election, form_code="voting"))
               .exclude(station_code="").values_list("station_code", flat=True).distinct())
    points = Station.objects.filter(unit__election=election).values_list("unit__code", "latitude", "longitude")
    return charts.stations(points.order_by(), seen, lang, observed_label=_("observed"),
                           other_label=_("not observed"), count=_("Stations"), x=_("Longitude"), y=_("Latitude"))


def _finding_labels(finding: Finding, lang: str) -> dict[str, str]:
    """What the finding's numbers count and the filter it was computed with, in
    ``lang``, worded as the statement's footnotes word them."""
    from saylau.statement.core import generated
    from saylau.statement.core import labels as L

    return {"unit": L.pick(L.UNITS[generated.finding_unit(finding)], lang),
            "base": L.pick(L.UNITS[generated.sample_unit(finding)], lang),
            "filter": generated.finding_filter(finding).text(lang)}


@dashboard_role
def findings(request: HttpRequest) -> HttpResponse:
    """Every built-in finding under the review policy, with the filter it was computed with."""
    election = _election(request)
    lang = _lang()
    frame, review = findings_frame(election)
    rows = [(f, f.sentence(lang), _finding_labels(f, lang))
            for f in evaluate_all(frame, review=review) if f.group is None]
    names = region_names(election, lang)
    by_region = charts.findings_by_region(evaluate_all(frame, by="region_code", review=review), names, lang,
                                          x=_("Region"), y=_("Share"))
    chart = charts.figure("findings", _("Findings by region, with 95% intervals"), by_region, lang) if by_region else None
    return _page(request, "findings.html", election, rows=rows, chart=chart)


@dashboard_role
def finding_detail(request: HttpRequest, metric_id: str, part: str) -> HttpResponse:
    """The submissions counted in a finding's numerator or denominator, as the
    findings evaluator itself lists them (``evaluate(..., ids=True)``)."""
    metric = METRICS_BY_ID.get(metric_id)
    if metric is None or part not in ("numerator", "denominator"):
        raise Http404
    election = _election(request)
    frame, review = findings_frame(election, [metric.form])
    finding = evaluate(metric, frame, review=review, ids=True)[0]
    ids = (finding.numerator_ids if part == "numerator" else finding.denominator_ids) or ()
    page = Paginator(ids, PAGE).get_page(request.GET.get("page"))
    subs = list(Submission.objects.filter(id__in=list(page.object_list))
                .select_related("observer", "team").order_by("station_code", "dec_code", "submitted_at"))
    return _page(request, "finding_detail.html", election, finding=finding, part=part, count=len(ids),
                 sentence=finding.sentence(_lang()), labels=_finding_labels(finding, _lang()),
                 submissions=subs, page=page, question=metric.question)


@dashboard_role
def incidents(request: HttpRequest) -> HttpResponse:
    """Incident reports, newest first, by page; ``?type=<code>`` keeps one incident
    type (an unknown type is refused, not ignored). Types are shown by label."""
    from django.db.models import Count

    election = _election(request)
    types = analysis.choice_labels(election, "incident", "incident_type", _lang())
    kind = request.GET.get("type", "")
    subs = Submission.objects.filter(election=election, form_code="incident")
    counts = dict(subs.values_list("answers__incident_type").annotate(n=Count("id")).order_by())
    if kind:
        if kind not in types and kind not in counts:
            raise Http404(_("No incident type %(type)s.") % {"type": kind})
        subs = subs.filter(answers__incident_type=kind)
    page = Paginator(subs.select_related("observer", "team").order_by("-submitted_at", "-id"), PAGE).get_page(
        request.GET.get("page"))
    filters = [(code, label, counts.get(code, 0)) for code, label in types.items()]
    filters += [(code, code, n) for code, n in counts.items() if code and code not in types]
    return _page(request, "incidents.html", election, submissions=list(page), page=page, types=types,
                 kind=kind, filters=filters, total=sum(counts.values()),
                 chart=charts.figure("incidents", _("Incident reports by hour of the day (local time)"),
                                     _incidents_by_hour(election, types), _lang()))


def _incidents_by_hour(election, types: dict[str, str]) -> dict:
    """Incident reports under the review policy per local hour (the findings' time
    zone, ``observation.selectors.local_timezone``) and type: one query."""
    import zoneinfo

    from django.db.models import Count
    from django.db.models.functions import ExtractHour

    from saylau.observation.selectors import local_timezone, reviewed

    tz = zoneinfo.ZoneInfo(local_timezone(election))
    rows = (reviewed(Submission.objects.filter(election=election, form_code="incident"))
            .annotate(hour=ExtractHour("submitted_at", tzinfo=tz))
            .values_list("hour", "answers__incident_type").annotate(n=Count("id")).order_by())
    return charts.by_hour(list(rows), types, _lang(), x=_("Hour"), y=_("Reports"))


def _open_flags(election):
    return (QualityFlag.objects.filter(election=election)
            .exclude(submission__status__in=[SubmissionStatus.VERIFIED, SubmissionStatus.REJECTED]))


@dashboard_role
def quality(request: HttpRequest) -> HttpResponse:
    """The flags to review; ``?show=<submission id>`` opens that submission beside
    them (its answers as its form words them, all its flags, its last review).
    A POST is the bulk action of one rule (:func:`review_rule`)."""
    from django.db.models import Count

    from saylau.observation.selectors import reviews_of

    if request.method == "POST":
        return review_rule(request)
    election = _election(request)
    status = request.GET.get("status", "open")
    flags = QualityFlag.objects.filter(election=election).select_related("submission__observer")
    if status == "open":
        flags = flags.exclude(submission__status__in=[SubmissionStatus.VERIFIED, SubmissionStatus.REJECTED])
    page = Paginator(flags.order_by("rule_id", "submission_id", "id"), PAGE).get_page(request.GET.get("page"))
    reviews = reviews_of({f.submission_id for f in page})
    shown = None
    show = request.GET.get("show", "")
    if show.isdigit():
        sub = Submission.objects.filter(election=election, pk=int(show)).select_related(
            "observer", "team", "form").first()
        if sub is None:
            raise Http404(_("No such submission in this election."))
        shown = {"submission": sub, "answers": analysis.answer_rows(sub, _lang()),
                 "flags": list(sub.flags.order_by("rule_id", "id")), "review": reviews_of([sub.pk]).get(sub.pk)}
    rules = list(_open_flags(election).values("rule_id").annotate(
        n=Count("submission_id", distinct=True)).order_by("rule_id"))
    query = request.GET.copy()
    query.pop("show", None)
    return _page(request, "quality.html", election, page=page, status=status, statuses=SubmissionStatus,
                 reviews=reviews, shown=shown, rules=rules, query=query.urlencode(), next=request.get_full_path())


def _back(request: HttpRequest, election) -> HttpResponse:
    """Back to the quality page the form was on (``next``, a path of this site), else its first page."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(f"{reverse('web:dashboard-quality')}?election={election.slug}")


def _review_status(request: HttpRequest) -> tuple[str, str]:
    status = request.POST.get("status", "")
    if status not in (SubmissionStatus.VERIFIED, SubmissionStatus.REJECTED):
        raise Http404
    return status, request.POST.get("reason", "").strip()


@require_POST
@dashboard_role
def review(request: HttpRequest, submission_id: int) -> HttpResponse:
    """Verify or reject a submission from the quality queue (a rejection needs a reason)."""
    submission = get_object_or_404(Submission, pk=submission_id)
    status, reason = _review_status(request)
    from saylau.observation.services import set_status

    try:
        set_status(actor=Actor.from_user(request.user), submission=submission, status=status, reason=reason)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, _("Submission %(id)s is now %(status)s.") % {
            "id": submission.pk, "status": SubmissionStatus(status).label})
    return _back(request, submission.election)


@require_POST
@dashboard_role
def review_rule(request: HttpRequest) -> HttpResponse:
    """(A POST to the quality page.) Verify or reject at once every submission with an open flag of one rule,
    through the same service as one review (one ledger entry per submission),
    all or none (one transaction)."""
    from django.db import transaction

    from saylau.observation.services import set_status

    election = _election(request)
    rule = request.POST.get("rule", "")
    status, reason = _review_status(request)
    if status == SubmissionStatus.REJECTED and not reason:
        messages.error(request, _("Say why these submissions are rejected."))
        return _back(request, election)
    ids = sorted(set(_open_flags(election).filter(rule_id=rule).values_list("submission_id", flat=True)))
    if not ids:
        messages.error(request, _("No open flag of rule %(rule)s.") % {"rule": rule})
        return _back(request, election)
    actor = Actor.from_user(request.user)
    with transaction.atomic():
        for submission in Submission.objects.filter(pk__in=ids).order_by("pk"):
            set_status(actor=actor, submission=submission, status=status, reason=reason)
    messages.success(request, ngettext("%(n)s submission is now %(status)s.", "%(n)s submissions are now %(status)s.",
                                       len(ids)) % {"n": len(ids), "status": SubmissionStatus(status).label})
    return _back(request, election)


@dashboard_role
def results(request: HttpRequest) -> HttpResponse:
    """Discrepancies of the latest tabulation and the quarantine of the latest check.

    Read from the latest runs with the selectors' filters
    (``results.selectors.run_discrepancies``, ``run_quarantines``), without
    their permission check: ``discrepancies`` and ``quarantined`` show them
    only to staff and holders of ``results.view_protocol``, which the
    coordinator group does not have; the role check above decides here."""
    from saylau.results import selectors

    election = _election(request)
    run = selectors.latest_tabulation(election)
    check = selectors.latest_check(election)
    kind = request.GET.get("kind") or None
    lang = _lang()
    counts = selectors.discrepancy_counts(run)
    labels = dict(DiscrepancyKind.choices)
    # (code for the filter link, label to show, count), in the order of the enum
    kinds = [(k, labels.get(k, k), counts[k]) for k in sorted(counts, key=_kind_order)]
    return _page(request, "results.html", election, run=run, check=check, kind=kind, kinds=kinds,
                 discrepancies=list(selectors.run_discrepancies(run, kind)[:PAGE]),
                 quarantine=[(q, _reason_labels(q, lang)) for q in selectors.run_quarantines(check)[:PAGE]],
                 line_labels=analysis.line_labels(election, _lang()), **_published_charts(election, lang))


def _published_charts(election, lang: str) -> dict:
    """Results by region as last published (stacked shares) and the turnout map:
    one read of the published stations, summed by ``results.core.published.by_region``.
    The sums are kept in the cache under the publication until the ledger's head
    moves (every write appends to the ledger)."""
    from saylau.results import selectors
    from saylau.results.core.published import by_region

    publication = selectors.latest_publication(election)
    if publication is None:
        return {}
    def sums() -> list[dict]:
        stations = selectors.published_stations(election)
        return by_region(stations).to_dicts() if not stations.is_empty() else []

    rows = while_unchanged(f"web:published-regions:{election.pk}:{publication.pk}", sums)
    if not rows:
        return {}
    names = region_names(election, lang)
    regions = [{**r, "name": names.get(r["region_code"], r["region_code"])} for r in rows]
    candidates = [{"number": c.number, "label": c.label(lang)} for c in selectors.candidates(election)]
    chart = charts.results_by_region(regions, candidates, lang, x=_("Share of valid ballots"), y=_("Region"))
    return {"chart": charts.figure("results-by-region", _("Results by region (shares of valid ballots)"), chart, lang),
            "map": tilemap.tile_map({r["region_code"]: r["turnout"] for r in regions}, names, lang),
            "map_title": _("Turnout by region (ballots issued of voters on the register)")}


def _reason_labels(quarantine, lang: str) -> list[tuple[str, str]]:
    """A quarantined protocol's failed rules as ``(label in lang, recorded reason)``:
    the label from :func:`saylau.results.core.checks.rule_label`, the reason as
    the check stored it (English, with the figures)."""
    from saylau.results.core.checks import rule_label

    reasons = quarantine.reasons or [{"code": c, "reason": ""} for c in quarantine.codes.split(",") if c]
    return [(rule_label(r.get("code", ""), lang), r.get("reason", "")) for r in reasons]


def _kind_order(kind: str) -> tuple[int, str]:
    values = DiscrepancyKind.values
    return (values.index(kind) if kind in values else len(values), kind)


@dashboard_role
def forensics(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    return _page(request, "forensics.html", election)


@dashboard_role
def fingerprint_png(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    title = election.name("en")[:60]
    png = while_unchanged(f"web:fingerprint:{election.pk}",
                          lambda: analysis.fingerprint_png(election, title=title) or b"")
    if not png:
        raise Http404(_("No official results yet."))
    return HttpResponse(png, content_type="image/png")


@dashboard_role
def quickcount(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    data = analysis.convergence(election)
    lang = _lang()
    leader = analysis.line_labels(election, lang).get(data["leader"], "") if data["leader"] else ""
    figures = []
    if data["points"]:
        for name, title, label in (("leader", _("Leading candidate's share of valid ballots"), leader),
                                   ("turnout", _("Turnout"), _("turnout"))):
            chart = charts.convergence(data["points"], name, data["official"].get(name), lang,
                                       label=label or title, official_label=_("Official"),
                                       x=_("Copies"), y=_("Estimate"))
            figures.append(charts.figure(f"convergence-{name}", title, chart, lang))
    return _page(request, "quickcount.html", election, data=data, leader=leader, figures=figures)


def narrative_directory() -> Path:
    """Where the analysts' narrative lives: ``<data dir>/narrative/<section>.<lang>.md``
    (``settings.SAYLAU_NARRATIVE_DIR`` overrides it)."""
    return Path(getattr(settings, "SAYLAU_NARRATIVE_DIR", "") or Path(settings.DATA_DIR) / "narrative")


def _statement(election, lang: str, web_url: str | None = "") -> str:
    """The statement's HTML; ``web_url`` makes its figures' links absolute (a
    downloaded file cannot follow links relative to this site). The inputs are
    kept per process until the ledger's head moves (``cached_collect``)."""
    from saylau.statement import compose, read_narrative, render_html
    from saylau.statement.selectors import cached_collect

    directory = narrative_directory()
    narrative = read_narrative(directory) if directory.is_dir() else {}
    return render_html(compose(cached_collect(election), lang, narrative), web_url=web_url)


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)


@dashboard_role
def statement(request: HttpRequest) -> HttpResponse:
    """The statement as the renderer writes it, inside this page (its stylesheet
    is served apart, since the Content-Security-Policy forbids inline styles)."""
    election = _election(request)
    lang = request.GET.get("lang") or _lang()
    if lang not in ("en", "ru", "kk"):
        raise Http404
    html = _statement(election, lang)
    body = _BODY.search(html)
    # the statement renderer escapes every text it writes (saylau.statement.core.render)
    preview = mark_safe(body.group(1) if body else "")  # noqa: S308
    return _page(request, "statement.html", election, preview=preview, lang=lang,
                 languages=(("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")))


@dashboard_role
def statement_css(request: HttpRequest) -> HttpResponse:
    """The statement's screen stylesheet (its print-only @page rules are left out),
    nested under the preview (CSS nesting) so its html/body rules leave the page alone."""
    from saylau.statement.core.render import stylesheet

    return HttpResponse(f".statement-preview {{\n{stylesheet()}\n}}\n", content_type="text/css; charset=utf-8")


@dashboard_role
def statement_download(request: HttpRequest, lang: str) -> HttpResponse:
    if lang not in ("en", "ru", "kk"):
        raise Http404
    election = _election(request)
    response = HttpResponse(_statement(election, lang, request.build_absolute_uri("/").rstrip("/")),
                            content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statement-{election.slug}-{lang}.html"'
    # a downloaded document, not a page of this site: its inline stylesheet is its own
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response
