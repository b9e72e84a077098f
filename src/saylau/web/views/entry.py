"""Data entry of paper protocols in the browser (double-blind), its review, and
corrections with their decision.

* Data clerks (and administrators) key a station's paper protocol. The first
  keying of a round is entry A, the second (another user) entry B; a clerk
  sees only the figures they keyed themselves, never the other entry.
* Supervisors (analysts and administrators) compare A and B, accept agreeing
  figures as the station's entered protocol or send the station back, and
  correct entered and official protocols with a decision reference or
  explicitly without one. A protocol's page shows every version, who made it,
  when, and the decision behind each correction.

Every write is one call of :mod:`saylau.results.services.entry` with the
signed-in user as actor.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saylau.core.actors import Actor
from saylau.geography.models import Commission, Unit
from saylau.ledger.models import LedgerEntry
from saylau.ledger.selectors import receipt_code, receipt_of
from saylau.results import selectors
from saylau.results.choices import ProtocolSource
from saylau.results.models import DataEntry, EntryReview, Protocol, ProtocolLine
from saylau.results.services import entry as entry_services
from saylau.web import analysis
from saylau.web.forms_entry import CorrectionForm, ProtocolForm
from saylau.web.roles import Role, has_role, role_required

#: who keys protocols: clerks and administrators (observers rank above clerks, hence exact)
KEYING_ROLES = (Role.DATA_CLERK, Role.ADMINISTRATOR)
#: who compares, accepts, sends back and corrects
SUPERVISOR = Role.ANALYST
entry_role = role_required(Role.DATA_CLERK, Role.ANALYST, Role.ADMINISTRATOR, exact=True)
keying_role = role_required(*KEYING_ROLES, exact=True)
supervisor_role = role_required(SUPERVISOR)
RECENT = 50


def _lang() -> str:
    return (get_language() or "en")[:2]


def can_key(user) -> bool:
    return has_role(user, *KEYING_ROLES, exact=True)


def can_supervise(user) -> bool:
    return has_role(user, SUPERVISOR)


def _election(request: HttpRequest):
    election = analysis.current_election(request.GET.get("election") or request.POST.get("election"))
    if election is None:
        raise Http404(_("No election has been loaded yet."))
    return election


def _station(election, code: str) -> Unit:
    unit = Unit.objects.filter(election=election, level=3, code=code).first()
    if unit is None:
        raise Http404(_("No polling station with this code."))
    return unit


def _page(request: HttpRequest, template: str, election, **context) -> HttpResponse:
    return render(request, f"web/entry/{template}", {
        "election": election, "election_name": election.name(_lang()), "can_key": can_key(request.user),
        "can_supervise": can_supervise(request.user), **context})


def _url(name: str, election, *args) -> str:
    return f"{reverse(name, args=args)}?election={election.slug}"


def template_lines(election, lang: str) -> list[tuple[str, str]]:
    """``(code, label)`` of every line of the election's protocol template, in order:
    the fixed lines in ``lang``, the candidate lines as the candidates' names."""
    labels = analysis.line_labels(election, lang)
    rows = list(ProtocolLine.objects.filter(template__election=election).order_by("position"))
    if not rows:
        return []
    out = []
    for line in rows:
        own = {"en": line.label_en, "ru": line.label_ru, "kk": line.label_kk}.get(lang) or line.label_en
        out.append((line.code, labels.get(line.code) or own))
    return out


def _figure_rows(election, protocol: Protocol, lang: str) -> list[tuple[str, int | None]]:
    lines = entry_services.protocol_lines(protocol)
    return [(label, lines.get(code)) for code, label in template_lines(election, lang)]


@entry_role
def index(request: HttpRequest) -> HttpResponse:
    """Find a station by code; the clerk's own recent entries; for supervisors, what waits."""
    election = _election(request)
    code = request.GET.get("code", "").strip()
    if code:
        if Unit.objects.filter(election=election, level=3, code=code).exists():
            return redirect(_url("web:entry-station", election, code))
        messages.error(request, _("No polling station with the code %(code)s.") % {"code": code})
    mine = (DataEntry.objects.filter(clerk=request.user, protocol__election=election)
            .select_related("protocol__unit").order_by("-created_at", "-pk")[:RECENT])
    context = {"code": code, "mine": mine}
    if can_supervise(request.user):
        pairs = selectors.entry_pairs(election)
        context.update(pairs_total=len(pairs), disagreeing=sum(1 for p in pairs if p["differences"]),
                       waiting_for_b=selectors.entries_waiting_for_b(election))
    return _page(request, "index.html", election, **context)


@entry_role
def station(request: HttpRequest, code: str) -> HttpResponse:
    """GET: the blank protocol form (if this user may key the station now). POST: save it."""
    election = _election(request)
    unit = _station(election, code)
    lang = _lang()
    lines = template_lines(election, lang)
    keying = entry_services.next_keying(unit, request.user.pk)
    state, blocker = keying.letter, keying.refused
    form = None
    if can_key(request.user) and lines:
        form = ProtocolForm(request.POST or None, lines=lines)
        if request.method == "POST":
            if blocker is None and form.is_valid():
                fixed, votes = form.figures()
                try:
                    protocol = entry_services.key_protocol(actor=Actor.from_user(request.user), election=election,
                                                           unit=unit, lines=fixed, votes=votes)
                except ValidationError as error:
                    form.add_error(None, "; ".join(error.messages))
                else:
                    messages.success(request, _("Saved as entry %(entry)s of station %(code)s.") % {
                        "entry": entry_services.entry_letter(protocol.source), "code": unit.code})
                    return redirect(_url("web:entry-keyed", election, protocol.pk))
            elif blocker is not None:
                form.add_error(None, blocker)
    elif request.method == "POST":
        raise PermissionDenied
    protocols = []
    if can_supervise(request.user):
        protocols = list(selectors.current_protocols(election).filter(unit=unit)
                         .order_by("tier", "source"))
    return _page(request, "station.html", election, unit=unit, unit_name=unit.name(lang), form=form,
                 state=state, blocker=blocker, has_template=bool(lines), protocols=protocols)


@entry_role
def keyed(request: HttpRequest, pk: int) -> HttpResponse:
    """What a clerk keyed, with the arithmetic checks on it. Only the clerk who keyed
    it and supervisors may see it: the other clerk never sees these figures."""
    election = _election(request)
    protocol = get_object_or_404(Protocol.objects.select_related("unit", "data_entry"), pk=pk, election=election,
                                 source__in=entry_services.ENTRY_SOURCES, data_entry__isnull=False)
    if protocol.data_entry.clerk_id != request.user.pk and not can_supervise(request.user):
        raise PermissionDenied
    failures, rules = selectors.line_checks(election, entry_services.protocol_lines(protocol))
    receipt = receipt_of("results.protocol", protocol.pk)  # the ledger entry that recorded it
    return _page(request, "keyed.html", election, protocol=protocol, letter=entry_services.entry_letter(protocol.source),
                 receipt=receipt, receipt_code=receipt_code(receipt, _lang()),
                 rows=_figure_rows(election, protocol, _lang()), failures=failures, rules_run=rules,
                 unit_name=protocol.unit.name(_lang()))


@supervisor_role
def compare(request: HttpRequest) -> HttpResponse:
    """Stations with both entries: those that agree (accept or send back) and those
    that differ, with the lines that differ (send back)."""
    election = _election(request)
    labels = analysis.line_labels(election, _lang())
    pairs = selectors.entry_pairs(election)
    for pair in pairs:
        pair["lines"] = [(labels.get(line, line), a, b) for line, (a, b) in pair["differences"].items()]
    reviews = (EntryReview.objects.filter(election=election).select_related("unit", "reviewer", "accepted")
               .order_by("-created_at", "-pk")[:RECENT])
    return _page(request, "compare.html", election, agreeing=[p for p in pairs if not p["differences"]],
                 differing=[p for p in pairs if p["differences"]], reviews=reviews,
                 waiting_for_b=selectors.entries_waiting_for_b(election))


@require_POST
@supervisor_role
def review(request: HttpRequest, code: str, action: str) -> HttpResponse:
    """Accept a station's agreeing entries, or send the station back for re-entry."""
    election = _election(request)
    unit = _station(election, code)
    actor = Actor.from_user(request.user)
    try:
        if action == "accept":
            entry_services.accept_entries(actor=actor, election=election, unit=unit)
            messages.success(request, _("Station %(code)s: the entered figures are accepted.") % {"code": code})
        elif action == "return":
            entry_services.return_entries(actor=actor, election=election, unit=unit,
                                                   reason=request.POST.get("reason", "").strip()[:2000])
            messages.success(request, _("Station %(code)s is sent back for re-entry.") % {"code": code})
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    return redirect(_url("web:entry-compare", election))


def _history(protocol: Protocol) -> list[dict]:
    """Every version of the protocol with who recorded it (from the ledger) and the
    decision behind each correction."""
    versions = list(Protocol.objects.filter(unit_id=protocol.unit_id, tier=protocol.tier, source=protocol.source)
                    .select_related("correction__decision__commission__unit", "block").order_by("version"))
    entries = LedgerEntry.objects.filter(object_type="results.protocol",
                                         object_id__in=[str(v.pk) for v in versions]).order_by("sequence")
    who = {}
    for entry in entries:  # the first entry of each version is the one that recorded it
        if entry.object_id not in who:
            who[entry.object_id] = (json.loads(entry.payload)["actor"]["name"], entry.created_at)
    rows = []
    for v in versions:
        name, when = who.get(str(v.pk), ("", v.received_at))
        correction = getattr(v, "correction", None) if v.supersedes_id else None
        rows.append({"protocol": v, "who": name, "when": when, "correction": correction,
                     "block": v.block if v.block_id else None})
    return rows


@supervisor_role
def protocol_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One protocol: its figures, the arithmetic checks, and its full history."""
    election = _election(request)
    protocol = get_object_or_404(Protocol.objects.select_related("unit"), pk=pk, election=election)
    current = selectors.current_protocols(election).filter(pk=pk).exists()
    failures, rules = selectors.line_checks(election, entry_services.protocol_lines(protocol))
    labels = analysis.line_labels(election, _lang())
    return _page(request, "protocol.html", election, protocol=protocol, current=current,
                 rows=_figure_rows(election, protocol, _lang()), failures=failures, rules_run=rules,
                 history=_history(protocol), line_labels=labels, unit_name=protocol.unit.name(_lang()),
                 correctable=current and protocol.source in (ProtocolSource.ENTERED, ProtocolSource.OFFICIAL))


def _commissions(unit: Unit):
    parts = unit.path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return (Commission.objects.filter(unit__election_id=unit.election_id, unit__path__in=prefixes)
            .select_related("unit").order_by("-unit__level"))


@supervisor_role
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Change lines of a current entered or official protocol, citing the decision
    (commission, number, date) or explicitly without one."""
    election = _election(request)
    protocol = get_object_or_404(Protocol.objects.select_related("unit"), pk=pk, election=election,
                                 source__in=[ProtocolSource.ENTERED, ProtocolSource.OFFICIAL])
    if not selectors.current_protocols(election).filter(pk=pk).exists():
        messages.error(request, _("Only the current version of a protocol can be corrected."))
        return redirect(_url("web:entry-protocol", election, pk))
    lines = template_lines(election, _lang())
    form = CorrectionForm(request.POST or None, lines=lines, commissions=_commissions(protocol.unit),
                          initial_figures=entry_services.protocol_lines(protocol))
    if request.method == "POST" and form.is_valid():
        fixed, votes = form.figures()
        data = form.cleaned_data
        try:
            correction = entry_services.correct(
                actor=Actor.from_user(request.user), protocol=protocol, lines=fixed, votes=votes,
                commission=data["commission"], number=data["number"], date=data["date"],
                summary=data["summary"].strip(), reason=data["reason"].strip())
        except ValidationError as error:
            form.add_error(None, "; ".join(error.messages))
        else:
            messages.success(request, _("The correction is recorded as version %(v)s.") % {
                "v": correction.protocol.version})
            return redirect(_url("web:entry-protocol", election, correction.protocol_id))
    return _page(request, "correct.html", election, protocol=protocol, form=form,
                 line_fields=[form[code] for code, _label in lines],
                 unit_name=protocol.unit.name(_lang()))
