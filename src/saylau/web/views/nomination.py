"""Candidates and accreditation in the web application (issue #17).

Public (no login), as the election body publishes them: the nominees with
their status and the nomination calendar (``/candidates/``), every decision
on a nominee (``/candidates/decisions/``, each on its own page with the
receipt of its ledger entry, and as open data). Coordinators and up: a
dashboard per nominee (status history, eligibility checks with evidence,
signatures by reason and by region, the verification sessions with the
projection and its 95% interval) and the accreditation counts; analysts:
the accreditation list (personal data) to sort, filter and export.

Reads through ``saylau.nomination.selectors``; this module writes nothing.
Codes are shown by their labels in the page's language (the choices of
``saylau.nomination.choices``), numbers and dates in its style.
"""

from __future__ import annotations

import csv
import io
import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from saylau.core.wording import format_int, percent
from saylau.geography.selectors import region_names
from saylau.ledger.selectors import receipt_code, receipt_of
from saylau.ledger.services import current_head
from saylau.nomination import selectors
from saylau.nomination.choices import (
    AccreditationKind,
    AccreditationStatus,
    CheckCode,
    CheckOutcome,
    NominatedBy,
    NomineeStatus,
    Refusal,
    SessionDecision,
    SessionMode,
)
from saylau.nomination.core import states
from saylau.nomination.filters import AccreditationFilter
from saylau.nomination.models import StatusDecision
from saylau.web import analysis, charts
from saylau.web.roles import Role, has_role, role_required
from saylau.web.tables import Column, Table

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
KINDS = ("proxy", "domestic_observer", "international_observer", "media")


def _lang() -> str:
    code = (get_language() or "en")[:2]
    return code if code in ("en", "ru", "kk") else "en"


def _election(request: HttpRequest):
    election = analysis.current_election(request.GET.get("election"))
    if election is None:
        raise Http404(_("No election has been loaded yet."))
    return election


def _context(request: HttpRequest, election, **more) -> dict:
    return {"election": election, "election_name": election.name(_lang()),
            "may_see_dashboards": has_role(request.user, Role.COORDINATOR), **more}


def _label(enum, code: str) -> str:
    """A stored code by its label in the active language (the code itself when unknown)."""
    if not code:
        return ""
    try:
        return str(enum(code).label)
    except ValueError:
        return code


def ground_label(code: str) -> str:
    """What a decision rests on: an eligibility check or the sampling rule's decision, by its label."""
    for enum in (CheckCode, SessionDecision):
        if code in enum.values:
            return _label(enum, code)
    return code


def vote_text(decision: StatusDecision) -> str:
    """'7 present, 7 for, 0 against' in the page's language; '' when no vote is recorded."""
    if decision.votes_for is None and decision.votes_against is None:
        return ""
    lang = _lang()
    parts = []
    if decision.members_present is not None:
        parts.append(_("%(n)s present") % {"n": format_int(decision.members_present, lang)})
    parts.append(_("%(n)s for") % {"n": format_int(decision.votes_for or 0, lang)})
    parts.append(_("%(n)s against") % {"n": format_int(decision.votes_against or 0, lang)})
    return ", ".join(parts)


def nominated_by_text(nominee) -> str:
    """How the nominee was nominated, by the choice's label, and by whom: 'Nominated by a political
    party: NAME', 'Nominated by a public association: NAME' or 'Self-nominated'."""
    how = _label(NominatedBy, nominee.nominated_by)
    if nominee.party_id:
        return f"{how}: {nominee.party.name(_lang())}"
    if nominee.nominating_body:
        return f"{how}: {nominee.nominating_body}"
    return how


# -- public: nominees and decisions --------------------------------------------------------------

def nominees(request: HttpRequest) -> HttpResponse:
    """Every nominee with who nominated them, when, their status and the nomination calendar."""
    election = _election(request)
    rows = list(selectors.nominees(election, counts=False))  # the page shows no line counts
    counts = {code: 0 for code in NomineeStatus.values}
    for n in rows:
        counts[n.status] = counts.get(n.status, 0) + 1
    lang = _lang()
    last = {d.nominee_id: d for d in selectors.public_decisions(election)}  # in order taken: the last one wins
    items = [{"nominee": n, "name": n.name(lang), "nominated_by": nominated_by_text(n),
              "status": _label(NomineeStatus, n.status), "last": last.get(n.pk),
              "ground": ground_label(last[n.pk].ground) if n.pk in last else ""} for n in rows]
    return render(request, "web/nomination/list.html", _context(
        request, election, items=items, total=len(rows), deadlines=selectors.deadlines(election),
        counts=[(_label(NomineeStatus, code), n) for code, n in counts.items() if n]))


def _decision_rows(election, lang: str, status: str = "", nominee: str = ""):
    qs = selectors.public_decisions(election).order_by("nominee__code", "decided_on", "id")  # grouped by nominee
    if status:
        qs = qs.filter(to_status=status)
    if nominee:
        qs = qs.filter(nominee__code=nominee)
    return [{"decision": d, "name": d.nominee.name(lang), "from": _label(NomineeStatus, d.from_status),
             "to": _label(NomineeStatus, d.to_status), "body": d.get_body_display(), "vote": vote_text(d),
             "ground": ground_label(d.ground)} for d in qs]


def decisions(request: HttpRequest) -> HttpResponse:
    """Every decision on a nominee, grouped by nominee in the order taken; filter by the status it gave."""
    election = _election(request)
    status = request.GET.get("status", "")
    if status and status not in NomineeStatus.values:
        status = ""
    rows = _decision_rows(election, _lang(), status=status)
    return render(request, "web/nomination/decisions.html", _context(
        request, election, rows=rows, status=status, formats=tuple(FORMATS),
        statuses=[(code, _label(NomineeStatus, code)) for code in NomineeStatus.values]))


def decision(request: HttpRequest, pk: int) -> HttpResponse:
    """One decision, public: the body, its number and date, the vote, the ground and reasoning, the
    nominee's whole history, and the receipt of the ledger entry that recorded it."""
    election = _election(request)
    found = selectors.public_decisions(election).filter(pk=pk).first()
    if found is None:
        raise Http404(_("No such decision."))
    lang = _lang()
    receipt = receipt_of(states.DECISION.object_type, found.pk)  # the entry that recorded the decision
    history = _decision_rows(election, lang, nominee=found.nominee.code)
    sequence, digest = current_head()
    return render(request, "web/nomination/decision.html", _context(
        request, election, d=found, name=found.nominee.name(lang), vote=vote_text(found),
        ground=ground_label(found.ground), from_label=_label(NomineeStatus, found.from_status),
        to_label=_label(NomineeStatus, found.to_status), history=history, receipt=receipt,
        receipt_code=receipt_code(receipt, lang), ledger_sequence=sequence, ledger_hash=digest))


OPEN_COLUMNS = ("nominee_code", "nominee_name_en", "nominee_name_ru", "nominee_name_kk", "from_status",
                "to_status", "body", "number", "decided_on", "members_present", "votes_for", "votes_against",
                "ground", "reason", "published_on")


def _open_rows(election) -> list[dict]:
    out = []
    for d in selectors.public_decisions(election):
        n = d.nominee
        out.append({"nominee_code": n.code, "nominee_name_en": n.name_en, "nominee_name_ru": n.name_ru,
                    "nominee_name_kk": n.name_kk, "from_status": d.from_status, "to_status": d.to_status,
                    "body": d.body, "number": d.number, "decided_on": d.decided_on.isoformat(),
                    "members_present": d.members_present, "votes_for": d.votes_for,
                    "votes_against": d.votes_against, "ground": d.ground, "reason": d.reason,
                    "published_on": d.published_on.isoformat() if d.published_on else None})
    return out


def decisions_open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    """``/candidates/open-data/decisions.<csv|json>``: every decision, codes as stored (the labels are
    in the documentation), dates in ISO 8601."""
    if fmt not in FORMATS:
        raise Http404
    election = _election(request)
    rows = _open_rows(election)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=OPEN_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        body = "\ufeff" + buffer.getvalue()
    else:
        body = json.dumps({"election": election.slug, "decisions": rows}, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{election.slug}-nominee-decisions.{fmt}"'
    return response


# -- the nominee's dashboard -------------------------------------------------------------------

def _share(n: int, d: int, lang: str) -> str:
    return percent(100 * n / d, lang, 1) if d else "–"


def _signature_charts(by_reason: list[dict], by_region: list[dict], lang: str) -> list[dict | None]:
    reasons = charts.chart("bar", [r["label"] for r in by_reason], [
        {"label": _("Invalid (the mission's check)"), "values": [r["lines"] for r in by_reason]},
        {"label": _("Struck by the commission"), "values": [r["struck"] for r in by_reason]},
        {"label": _("Struck with a reason recorded"), "values": [r["struck_with_reason"] for r in by_reason]},
    ], lang, x=_("Reason"), y=_("Signatures"))
    regions = charts.chart("stacked", [r["region_name"] or r["region_code"] for r in by_region], [
        {"label": _("Valid"), "values": [r["valid"] for r in by_region]},
        {"label": _("Invalid"), "values": [r["invalid"] for r in by_region]},
        {"label": _("Not checked"), "values": [r["lines"] - r["checked"] for r in by_region]},
    ], lang, x=_("Region"), y=_("Signatures"))
    return [charts.figure("signatures-by-reason", _("Invalid signatures by reason"), reasons, lang,
                          note=_("Each invalid signature has exactly one reason: the first that applies, in the "
                                 "order of this list.")),
            charts.figure("signatures-by-region", _("Signatures by region"), regions, lang)]


def _session_row(s, lang: str) -> dict:
    level = percent(s.level_e3 / 10, lang, 1 if s.level_e3 % 10 else 0)
    return {"session": s, "body": s.get_body_display(), "mode": _label(SessionMode, s.mode),
            "tolerated": percent(s.tolerated_e6 / 1e4, lang, 1), "level": level,
            "decision": _label(SessionDecision, s.decision),
            "invalid_share": _share(s.invalid, s.sampled, lang),
            "reasons": [(_label_reason(code), n) for code, n in sorted((s.invalid_by_reason or {}).items(),
                                                                       key=lambda x: -x[1])],
            "spread": ("" if s.spread_met is None else _("met") if s.spread_met else _("not met"))}


def _label_reason(code: str) -> str:
    from saylau.nomination.choices import LineReason

    if code not in LineReason.values:
        return _("no reason recorded")
    return _label(LineReason, code)


def _commission_row(s) -> dict:
    """A commission's own session: the lines it struck, those with no reason recorded, the proxy."""
    from saylau.nomination.choices import LineReason

    by_reason = s.invalid_by_reason or {}
    recorded = sum(n for code, n in by_reason.items() if code in LineReason.values)
    lang = _lang()
    return {"session": s, "body": s.get_body_display(), "without_reason": s.invalid - recorded,
            "without_share": _share(s.invalid - recorded, s.invalid, lang),
            "reasons": [(_label_reason(code), n) for code, n in sorted(by_reason.items(), key=lambda x: -x[1])
                        if code in LineReason.values]}


@role_required(Role.COORDINATOR)
def nominee(request: HttpRequest, code: str) -> HttpResponse:
    election = _election(request)
    found = selectors.get_nominee(election, code)
    if found is None:
        raise Http404(_("No such nominee."))
    lang = _lang()
    history = [{"decision": d, "from": _label(NomineeStatus, d.from_status), "to": _label(NomineeStatus, d.to_status),
                "body": d.get_body_display(), "vote": vote_text(d), "ground": ground_label(d.ground)}
               for d in selectors.status_history(found)]
    checks = [{"check": c, "label": _label(CheckCode, c.code), "outcome": _label(CheckOutcome, c.outcome),
               "evidence": c.evidence_in(lang)} for c in selectors.eligibility(found)]
    summary = selectors.signatures_summary(found)
    by_reason = selectors.signatures_by_reason(found)
    by_region = selectors.signatures_by_region(found)
    every = list(selectors.sessions(found))
    sessions = [_session_row(s, lang) for s in every if s.source != "commission"]
    commission = [_commission_row(s) for s in every if s.source == "commission"]
    figures = [f for f in _signature_charts(by_reason, by_region, lang) if f] if summary.get("lines") else []
    return render(request, "web/nomination/nominee.html", _context(
        request, election, nominee=found, name=found.name(lang), nominated_by=nominated_by_text(found),
        status=_label(NomineeStatus, found.status), history=history, checks=checks, summary=summary,
        invalid_share=_share(summary.get("invalid", 0), summary.get("checked", 0), lang),
        unrecorded_share=_share(summary.get("struck_without_reason", 0), summary.get("struck", 0), lang),
        by_reason=by_reason, by_region=by_region, sessions=sessions, commission=commission, charts=figures,
        regions=region_names(election, lang),
        deadlines=selectors.nominee_deadlines(found)))


# -- accreditation ------------------------------------------------------------------------------

@role_required(Role.COORDINATOR)
def accreditation(request: HttpRequest) -> HttpResponse:
    """Counts by kind, proxies per candidate, accredited persons per region (a chart and its table),
    and the reports of observers restricted on election day with the accreditation each links to."""
    election = _election(request)
    lang = _lang()
    by_kind = selectors.accreditation_by_kind(election)
    kinds = [{"kind": _label(AccreditationKind, k), "code": k, **by_kind.get(k, {})} for k in KINDS if k in by_kind]
    kinds += [{"kind": _label(AccreditationKind, k), "code": k, **v} for k, v in by_kind.items() if k not in KINDS]
    candidates = selectors.accreditation_by_candidate(election)
    # international observers and media are accredited for the whole country: no region of their own
    names = {"": _("Nationwide (no region)"), **region_names(election, lang)}
    table: dict[str, dict[str, int]] = {}
    for row in selectors.accreditation_by_region(election):
        table.setdefault(row["region_code"], {})[row["kind"]] = row["accredited"]
    regions = sorted(table, key=lambda r: (r == "", r))  # the nationwide row last
    present = [k for k in KINDS if any(table[r].get(k) for r in regions)]
    region_rows = [{"code": r, "name": names.get(r, r) or r, "cells": [table[r].get(k, 0) for k in present]}
                   for r in regions]
    chart = charts.chart("stacked", [names.get(r, r) or r for r in regions],
                         [{"label": _label(AccreditationKind, k), "values": [table[r].get(k, 0) for r in regions]}
                          for k in present], lang, x=_("Region"), y=_("Accredited"))
    restrictions = [{**r, "kind_label": _label(AccreditationKind, r.get("kind") or "")}
                    for r in selectors.access_restrictions(election)]
    return render(request, "web/nomination/accreditation.html", _context(
        request, election, kinds=kinds, candidates=candidates, region_rows=region_rows,
        region_kinds=[_label(AccreditationKind, k) for k in present],
        charts=[f for f in [charts.figure("accredited-by-region", _("Accredited persons by region"), chart, lang)]
                if f],
        restrictions=restrictions, restricted_unaccredited=sum(1 for r in restrictions
                                                                if not r.get("accreditation_id")),
        may_list=has_role(request.user, Role.ANALYST)))


def _nominated_by(a, lang: str) -> str:
    if a.nominee_id:
        return a.nominee.name(lang)
    if a.party_id:
        return a.party.name(lang)
    return a.organisation or a.state


@role_required(Role.ANALYST)
def accreditation_list(request: HttpRequest) -> HttpResponse:
    """Everyone accredited or refused, to sort, filter, page and export (names: analysts only)."""
    from saylau.web.views.tables import respond_table

    election = _election(request)
    lang = _lang()
    kinds, statuses, refusals = (dict((c, str(lab)) for c, lab in e.choices)
                                 for e in (AccreditationKind, AccreditationStatus, Refusal))
    columns = [
        Column("badge", _l("Badge"), lambda a: a.badge, "badge"),
        Column("name", _l("Full name"), lambda a: a.full_name, "full_name"),
        Column("kind", _l("Kind"), lambda a: kinds.get(a.kind, a.kind), "kind"),
        Column("nominated_by", _l("Nominated by"), lambda a: _nominated_by(a, lang),
               "nominee__code,party__code,organisation,state"),
        Column("station", _l("Station code"), lambda a: a.station_code, "station_code"),
        Column("region", _l("Region code"), lambda a: a.region_code, "region_code"),
        Column("filed", _l("Filed on"), lambda a: a.filed_on, "filed_on"),
        Column("status", _l("Status"), lambda a: statuses.get(a.status, a.status), "status"),
        Column("refusal", _l("Why refused"), lambda a: refusals.get(a.refusal, a.refusal), "refusal"),
    ]
    table = Table(request, name="accreditations", queryset=selectors.accreditations(election),
                  filterset_class=AccreditationFilter, columns=columns, default_sort="badge")
    return respond_table(request, table, election, _("Accreditations"), links=ACCREDITATION_LINKS)


ACCREDITATION_LINKS = (("web:accreditation", _l("Accreditation")), ("web:accreditation-list", _l("Accreditations")))

