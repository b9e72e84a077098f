"""Every write of disputes: atomic, ``actor=``, a ledger entry per object changed.

A case moves through its state machine (:class:`saylau.disputes.models.Case`)
only here: each transition locks the case, checks that the actor may act and
that the move is allowed, records who, when and why on the case's timeline
(:class:`CaseEvent`) and appends ``disputes.case.<transition>`` with the
case's state before and after. A refused move raises :class:`DisputeError`
saying what to do first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django_fsm import TransitionNotAllowed

from saylau.core.actors import Actor
from saylau.core.errors import UserError
from saylau.disputes.choices import (
    Body,
    ComplainantKind,
    DayKind,
    DecisionMode,
    LinkKind,
    NotConsideredReason,
    Outcome,
    PeriodUnit,
    Phase,
    Status,
    Transition,
)
from saylau.disputes.core import bodies, deadlines, states
from saylau.disputes.models import CalendarDay, Case, CaseDocument, CaseEvent, CaseLink, LegalBasis
from saylau.geography.core.states import state
from saylau.geography.models import Commission, Election
from saylau.ledger.services import Event, record, record_many

#: documents: at most this many bytes, of these types
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "text/plain": (),
}


class DisputeError(UserError, ValueError):
    """A dispute's step that cannot be taken; the message says why and what to do."""


# ------------------------------------------------------------------ helpers
def _event(kind: states.Kind, obj, verb: str, before=None, reason: str = "") -> Event:
    return Event(f"{kind.object_type}.{verb}", kind.object_type, obj.pk, str(obj), before,
                 state(kind, obj), reason=reason)


def _authorise(actor: Actor, what: str) -> None:
    """A signed-in user must hold ``disputes.decide_case``; system actors (imports, the demo) may act."""
    if actor.kind != "user":
        return
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=actor.user_id).first()
    if user is None or not user.is_active or not user.has_perm("disputes.decide_case"):
        raise DisputeError(f"{actor.name} may not {what}: it takes a commission member's or court clerk's "
                           "permission (disputes.decide_case)")


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _choice(value: str, choices, what: str) -> str:
    if value not in choices.values:
        raise DisputeError(f"{what} {value!r}: expected one of {', '.join(v for v in choices.values if v)}")
    return value


def _validate(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        parts = [f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
                 for k, v in error.message_dict.items()]
        raise DisputeError("; ".join(parts)) from None


REFUSALS = {
    "admit": "only a case just received can be admitted",
    "return_": "only a case just received can be returned",
    "consider": "only an admitted case can be taken up for consideration",
    "decide": "only an admitted case, or one under consideration, can be decided",
    "appeal": "only a decided or returned case can be appealed",
    "finalise": "only a decided case can become final",
}
FIRST = {
    Status.RECEIVED: "admit it first",
    Status.RETURNED: "it was returned: file it again or appeal the return",
    Status.APPEALED: "it was appealed: act on the appeal's case",
    Status.FINAL: "it is final",
    Status.DECIDED: "it is decided already",
    Status.ADMITTED: "decide it",
    Status.CONSIDERED: "decide it",
}


def _move(case: Case, method: str, *, actor: Actor, transition: str, on: dt.date, reason: str,
          before: dict) -> Case:
    """Run the state machine's ``method`` on a locked case; timeline and ledger in the same transaction."""
    start = case.status
    try:
        getattr(case, method)()
    except TransitionNotAllowed:
        raise DisputeError(f"case {case.reference} is {Status(start).label.lower()}: {REFUSALS[method]} "
                           f"({FIRST.get(start, '')})") from None
    case.save()
    _timeline(case, actor, transition, start, on, reason)
    record(actor=actor, event=_event(states.CASE, case, transition, before, reason))
    return case


def _timeline(case: Case, actor: Actor, transition: str, start: str, on: dt.date, reason: str) -> None:
    CaseEvent.objects.create(case=case, transition=transition, from_status=start, to_status=case.status, on=on,
                             actor=actor.name, user_id=actor.user_id, reason=reason)


def _on(on: dt.date | None, case: Case, what: str) -> dt.date:
    on = on or dt.date.today()
    if on < case.filed_on:
        raise DisputeError(f"case {case.reference}: {what} on {on} comes before its filing on {case.filed_on}")
    return on


# ------------------------------------------------------------------ legal bases and the calendar
@transaction.atomic
def define_basis(*, actor: Actor, code: str, law: str, article: str = "", file_amount: int | None = None,
                 file_unit: str = "", decide_amount: int | None = None, decide_unit: str = "",
                 roll: bool = True) -> LegalBasis:
    """Create or change a legal basis (one ledger entry; nothing when nothing changed)."""
    for amount, unit, what in ((file_amount, file_unit, "to file"), (decide_amount, decide_unit, "to decide")):
        if (amount is None) != (not unit):
            raise DisputeError(f"basis {code}: the time {what} needs both a number and a unit, or neither")
        if unit:
            _choice(unit, PeriodUnit, f"basis {code}: unit of the time {what}")
    basis = LegalBasis.objects.select_for_update().filter(code=code).first()
    before = state(states.BASIS, basis) if basis else None
    basis = basis or LegalBasis(code=code)
    basis.law, basis.article, basis.roll = law, article, roll
    basis.file_amount, basis.file_unit = file_amount, file_unit
    basis.decide_amount, basis.decide_unit = decide_amount, decide_unit
    _validate(basis)
    after = state(states.BASIS, basis)
    if before == after:
        return basis
    basis.save()
    record(actor=actor, event=_event(states.BASIS, basis, "updated" if before else "created", before))
    return basis


def ensure_default_bases(*, actor: Actor) -> list[LegalBasis]:
    """The two bases the 2011 statement sets against each other, when not defined yet."""
    out = []
    for rule in deadlines.DEFAULT_BASES.values():
        existing = LegalBasis.objects.filter(code=rule.code).first()
        out.append(existing or define_basis(
            actor=actor, code=rule.code, law=rule.law, article=rule.article,
            file_amount=rule.file_within.amount if rule.file_within else None,
            file_unit=rule.file_within.unit if rule.file_within else "",
            decide_amount=rule.decide_within.amount if rule.decide_within else None,
            decide_unit=rule.decide_within.unit if rule.decide_within else "", roll=rule.roll))
    return out


@transaction.atomic
def set_calendar_day(*, actor: Actor, date: dt.date, kind: str, note: str = "") -> CalendarDay:
    """Declare ``date`` a day off or a working day, overriding the public-holiday calendar."""
    _choice(kind, DayKind, "kind of day")
    day = CalendarDay.objects.select_for_update().filter(date=date).first()
    before = state(states.DAY, day) if day else None
    day = day or CalendarDay(date=date)
    day.kind, day.note = kind, note
    day.save()
    record(actor=actor, event=_event(states.DAY, day, "updated" if before else "created", before))
    return day


# ------------------------------------------------------------------ filing
def _next_reference(election: Election, body: str) -> str:
    prefix = {bodies.DISTRICT_COURT: "DC", bodies.REGIONAL_COURT: "RC", bodies.SUPREME_COURT: "SC"}.get(body, body)
    n = Case.objects.filter(election=election, body=body).count() + 1
    while Case.objects.filter(election=election, reference=f"{prefix}-{n:03d}").exists():
        n += 1
    return f"{prefix}-{n:03d}"


def _check_links(election: Election, links: Sequence[tuple[str, str]]) -> None:
    """A station or a candidate linked must exist in the election (protocols and submissions
    are named by their id as the results and observation apps show it)."""
    from saylau.geography.models import Candidate, Station

    for kind, target in links:
        target = str(target).strip()
        if not target:
            raise DisputeError(f"a {kind} link names nothing")
        if kind == LinkKind.STATION and not Station.objects.filter(unit__election=election,
                                                                   unit__code=target).exists():
            raise DisputeError(f"no polling station {target!r} in {election.slug}")
        if kind == LinkKind.CANDIDATE and not (target.isdigit() and Candidate.objects.filter(
                election=election, number=int(target)).exists()):
            raise DisputeError(f"no candidate with ballot number {target!r} in {election.slug}")


def _bases(codes: Iterable[str]) -> list[LegalBasis]:
    codes = list(dict.fromkeys(c for c in codes if c))
    found = {b.code: b for b in LegalBasis.objects.filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise DisputeError(f"no legal basis {', '.join(map(repr, missing))}: define it first "
                           "(`saylau disputes bases`), or use one of "
                           f"{', '.join(LegalBasis.objects.values_list('code', flat=True)) or 'none yet'}")
    return [found[c] for c in codes]


def _create_case(*, actor: Actor, election: Election, body: str, complainant_kind: str, complainant_name: str,
                 respondent: str, contested_act: str, filed_on: dt.date, phase: str,
                 act_date: dt.date | None = None, summary: str = "", commission: Commission | None = None,
                 body_name: str = "", bases: Sequence[str] = (), links: Sequence[tuple[str, str]] = (),
                 reference: str = "", appeal_of: Case | None = None, reason: str = "") -> Case:
    _choice(body, Body, "body")
    _choice(complainant_kind, ComplainantKind, "complainant")
    _choice(phase, Phase, "election phase")
    for kind, _target in links:
        _choice(kind, LinkKind, "link")
    _check_links(election, links)
    if commission is None and body in bodies.COMMISSIONS and body == bodies.CEC:
        commission = Commission.objects.filter(unit__election=election, tier=bodies.CEC).first()
    basis_rows = _bases(bases)
    case = Case(election=election, reference=reference or _next_reference(election, body), body=body,
                commission=commission, body_name=body_name, complainant_kind=complainant_kind,
                complainant_name=complainant_name.strip(), respondent=respondent.strip(),
                contested_act=contested_act.strip(), act_date=act_date, filed_on=filed_on, phase=phase,
                summary=summary, appeal_of=appeal_of)
    _validate(case)
    case.save()
    case.bases.set(basis_rows)
    for kind, target in links:
        CaseLink.objects.create(case=case, kind=kind, target=str(target).strip())
    _timeline(case, actor, Transition.FILED, "", filed_on, reason)
    events = [_event(states.CASE, case, "created", reason=reason)]
    events += [_event(states.LINK, link, "created") for link in case.links.all()]
    record_many(actor=actor, events=events)
    return case


@transaction.atomic
def file_case(*, actor: Actor, election: Election, body: str, complainant_kind: str, complainant_name: str,
              respondent: str, contested_act: str, filed_on: dt.date, phase: str,
              act_date: dt.date | None = None, summary: str = "", commission: Commission | None = None,
              body_name: str = "", bases: Sequence[str] = (), links: Sequence[tuple[str, str]] = (),
              reference: str = "") -> Case:
    """A complaint received by ``body``: the case, its links and its first step on the timeline."""
    return _create_case(actor=actor, election=election, body=body, complainant_kind=complainant_kind,
                        complainant_name=complainant_name, respondent=respondent, contested_act=contested_act,
                        filed_on=filed_on, phase=phase, act_date=act_date, summary=summary,
                        commission=commission, body_name=body_name, bases=bases, links=links,
                        reference=reference)


# ------------------------------------------------------------------ the process
@transaction.atomic
def admit(*, actor: Actor, case: Case, on: dt.date | None = None, reason: str = "") -> Case:
    """The body accepts the case for consideration."""
    _authorise(actor, "admit a case")
    case = _locked(case)
    return _move(case, "admit", actor=actor, transition=Transition.ADMITTED, on=_on(on, case, "admitting"),
                 reason=reason, before=state(states.CASE, case))


@transaction.atomic
def return_case(*, actor: Actor, case: Case, reason: str, on: dt.date | None = None) -> Case:
    """The body sends the case back without considering it; the reason is required."""
    _authorise(actor, "return a case")
    if not reason.strip():
        raise DisputeError(f"case {case.reference}: say why it is returned")
    case = _locked(case)
    return _move(case, "return_", actor=actor, transition=Transition.RETURNED, on=_on(on, case, "returning"),
                 reason=reason, before=state(states.CASE, case))


@transaction.atomic
def consider(*, actor: Actor, case: Case, on: dt.date | None = None, reason: str = "") -> Case:
    """The body takes the admitted case up (a session is called, or an official assigned)."""
    _authorise(actor, "take a case up")
    case = _locked(case)
    return _move(case, "consider", actor=actor, transition=Transition.CONSIDERED,
                 on=_on(on, case, "consideration"), reason=reason, before=state(states.CASE, case))


@transaction.atomic
def decide(*, actor: Actor, case: Case, decided_on: dt.date, mode: str, outcome: str,
           session_date: dt.date | None = None, members_present: int | None = None,
           votes_for: int | None = None, votes_against: int | None = None, official: str = "",
           not_considered_reason: str = "", deadline_basis: str = "", remedy: str = "",
           reasoning: str = "") -> Case:
    """Record the decision and move the case to decided.

    ``mode`` ``session``: the session's date, the members present and the votes
    for and against; ``official``: who decided alone. Refused, with what is
    missing, when the decision is incomplete or the case was not admitted.
    """
    _authorise(actor, "decide a case")
    case = _locked(case)
    before = state(states.CASE, case)
    if case.status not in (Status.ADMITTED, Status.CONSIDERED):
        raise DisputeError(f"case {case.reference} is {Status(case.status).label.lower()}: {REFUSALS['decide']} "
                           f"({FIRST.get(case.status, '')})")
    if mode:
        _choice(mode, DecisionMode, "how the decision was taken")
    if outcome:
        _choice(outcome, Outcome, "outcome")
    if not_considered_reason:
        _choice(not_considered_reason, NotConsideredReason, "reason for not considering")
    case.decided_on, case.decision_mode, case.outcome = decided_on, mode, outcome
    case.session_date, case.members_present = session_date, members_present
    case.votes_for, case.votes_against, case.official = votes_for, votes_against, official.strip()
    case.not_considered_reason = not_considered_reason if outcome == Outcome.NOT_CONSIDERED else ""
    case.deadline_basis = _bases([deadline_basis])[0] if deadline_basis else None
    case.remedy, case.reasoning = remedy, reasoning
    if mode != DecisionMode.SESSION:
        case.session_date = case.members_present = case.votes_for = case.votes_against = None
    if mode != DecisionMode.OFFICIAL:
        case.official = ""
    problems = case.decision_problems()
    if problems:
        raise DisputeError(f"case {case.reference} cannot be decided without " + "; ".join(problems))
    if case.deadline_basis and case.not_considered_reason != NotConsideredReason.DEADLINE:
        raise DisputeError(f"case {case.reference}: a deadline basis is named only when the case was not "
                           "considered for its deadline")
    return _move(case, "decide", actor=actor, transition=Transition.DECIDED, on=decided_on,
                 reason=reasoning, before=before)


@transaction.atomic
def publish_decision(*, actor: Actor, case: Case, published_on: dt.date, url: str = "") -> Case:
    """Record that the decision was published, when and where."""
    _authorise(actor, "publish a decision")
    case = _locked(case)
    if case.status not in (Status.DECIDED, Status.APPEALED, Status.FINAL) or not case.decided_on:
        raise DisputeError(f"case {case.reference} is {Status(case.status).label.lower()}: only a decision can "
                           "be published; decide it first")
    if published_on < case.decided_on:
        raise DisputeError(f"case {case.reference}: published on {published_on}, before its decision on "
                           f"{case.decided_on}")
    before = state(states.CASE, case)
    case.published_on, case.publication_url = published_on, url.strip()
    _validate(case)
    case.save()
    _timeline(case, actor, Transition.PUBLISHED, case.status, published_on, url)
    record(actor=actor, event=_event(states.CASE, case, Transition.PUBLISHED, before))
    return case


@transaction.atomic
def appeal(*, actor: Actor, case: Case, filed_on: dt.date, body: str = "", body_name: str = "",
           complainant_kind: str = "", complainant_name: str = "", reason: str = "",
           bases: Sequence[str] | None = None, reference: str = "") -> Case:
    """Appeal ``case``'s decision (or its return): a new case at the next body, linked to it.

    ``body`` defaults to the next body up (:func:`saylau.disputes.core.bodies.next_body`);
    the complainant to the original one. Returns the new case.
    """
    case = _locked(case)
    target = body or bodies.next_body(case.body)
    if target is None:
        raise DisputeError(f"case {case.reference}: a decision of the {Body(case.body).label} cannot be appealed")
    if not bodies.may_appeal_to(case.body, target):
        raise DisputeError(f"case {case.reference}: an appeal of the {Body(case.body).label} goes up, "
                           f"not to the {Body(target).label}")
    before = state(states.CASE, case)
    if case.decided_on and filed_on < case.decided_on:
        raise DisputeError(f"case {case.reference}: appealed on {filed_on}, before its decision on {case.decided_on}")
    _move(case, "appeal", actor=actor, transition=Transition.APPEALED, on=_on(filed_on, case, "the appeal"),
          reason=reason, before=before)
    codes = list(case.bases.values_list("code", flat=True)) if bases is None else list(bases)
    return _create_case(
        actor=actor, election=case.election, body=target, body_name=body_name,
        complainant_kind=complainant_kind or case.complainant_kind,
        complainant_name=complainant_name or case.complainant_name,
        respondent=Body(case.body).label if not case.body_name else case.body_name,
        contested_act=f"Decision of {case.decided_on or filed_on} in case {case.reference}",
        act_date=case.decided_on or filed_on, filed_on=filed_on, phase=case.phase, summary=reason,
        bases=codes, appeal_of=case, reference=reference, reason=reason)


@transaction.atomic
def finalise(*, actor: Actor, case: Case, on: dt.date | None = None, reason: str = "") -> Case:
    """The decision becomes final (the time to appeal passed, or none lies)."""
    _authorise(actor, "close a case")
    case = _locked(case)
    return _move(case, "finalise", actor=actor, transition=Transition.FINAL, on=_on(on, case, "finality"),
                 reason=reason, before=state(states.CASE, case))


# ------------------------------------------------------------------ documents and links
def check_document(name: str, content: bytes, content_type: str) -> None:
    """Size and type limits: a PDF, JPEG, PNG or plain text of at most 10 MB, whose bytes match its type."""
    if not content:
        raise DisputeError(f"{name}: the file is empty")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise DisputeError(f"{name}: {len(content):,} bytes; at most {MAX_DOCUMENT_BYTES:,} are accepted")
    if content_type not in DOCUMENT_TYPES:
        raise DisputeError(f"{name}: {content_type or 'an unknown type'} is not accepted; send "
                           f"{', '.join(DOCUMENT_TYPES)}")
    magic = DOCUMENT_TYPES[content_type]
    if magic and not any(content.startswith(m) for m in magic):
        raise DisputeError(f"{name}: said to be {content_type}, but its bytes are not")
    if content_type == "text/plain":
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            raise DisputeError(f"{name}: plain text must be UTF-8") from None


@transaction.atomic
def add_document(*, actor: Actor, case: Case, name: str, content: bytes, content_type: str,
                 public: bool = False) -> CaseDocument:
    """Lodge a file with a case; its SHA-256 goes into the ledger."""
    check_document(name, content, content_type)
    digest = hashlib.sha256(content).hexdigest()
    safe = Path(name).name or "document"
    document = CaseDocument(case=case, name=safe[:200], content_type=content_type, size=len(content),
                            sha256=digest, public=public)
    document.file.save(f"{case.pk}-{digest[:16]}-{safe[-80:]}", ContentFile(content), save=False)
    document.save()
    _timeline(case, actor, Transition.DOCUMENT, case.status, dt.date.today(), f"{safe} sha256:{digest}")
    record(actor=actor, event=_event(states.DOCUMENT, document, "created"))
    return document


@transaction.atomic
def add_link(*, actor: Actor, case: Case, kind: str, target: str) -> CaseLink:
    """Link a case to what it is about (a station, a candidate, a protocol, a submission)."""
    _choice(kind, LinkKind, "link")
    _check_links(case.election, [(kind, target)])
    if CaseLink.objects.filter(case=case, kind=kind, target=target).exists():
        raise DisputeError(f"case {case.reference} is linked to {kind} {target} already")
    link = CaseLink.objects.create(case=case, kind=kind, target=str(target).strip())
    record(actor=actor, event=_event(states.LINK, link, "created"))
    return link


# ------------------------------------------------------------------ imports
def _columns():
    from saylau.core.tabular import Column

    text = dict(kind="text", required=False, default="")
    return [
        Column("reference", **text), Column("body", "choice", choices=tuple(Body.values)),
        Column("body_name", **text), Column("complainant_kind", "choice", choices=tuple(ComplainantKind.values)),
        Column("complainant_name"), Column("respondent", **text), Column("contested_act", **text),
        Column("act_date", **text), Column("filed_on"), Column("phase", "choice", choices=tuple(Phase.values)),
        Column("bases", **text), Column("summary", **text), Column("appeal_of", **text),
        *(Column(k.value, **text) for k in LinkKind),
        Column("decided_on", **text), Column("decision_mode", "choice", required=False, default="",
                                              choices=("", *DecisionMode.values)),
        Column("outcome", "choice", required=False, default="", choices=("", *Outcome.values)),
        Column("session_date", **text), Column("members_present", "int", required=False, minimum=0),
        Column("votes_for", "int", required=False, minimum=0), Column("votes_against", "int", required=False, minimum=0),
        Column("official", **text),
        Column("not_considered_reason", "choice", required=False, default="",
               choices=tuple(NotConsideredReason.values)),
        Column("deadline_basis", **text), Column("remedy", **text), Column("reasoning", **text),
        Column("published_on", **text), Column("publication_url", **text),
    ]


DATE_COLUMNS = ("act_date", "filed_on", "decided_on", "session_date", "published_on")


@transaction.atomic
def import_cases(*, actor: Actor, election: Election, path: str | Path) -> dict[str, int]:
    """Cases from a CSV or XLSX file, one per row, with their decisions when given.

    The whole file is checked first (every bad cell named by row and column) and
    written in one transaction: a row the process refuses (deciding without the
    session's vote or the official) cancels the whole import and names the row.
    """
    from saylau.core.tabular import CellError, TableError, parse_table

    source = Path(path).name
    rows = parse_table(path, _columns())
    errors: list[CellError] = []
    known = set(LegalBasis.objects.values_list("code", flat=True))
    references = set(Case.objects.filter(election=election).values_list("reference", flat=True))
    seen: set[str] = set()
    for row in rows:
        for column in DATE_COLUMNS:
            raw = row[column] or ""
            try:
                row[column] = dt.date.fromisoformat(raw.strip()) if raw.strip() else None
            except ValueError:
                errors.append(CellError(row["_row"], column, "a date YYYY-MM-DD", raw))
        codes = [c for c in (row["bases"] or "").replace(";", ",").replace(" ", ",").split(",") if c]
        for code in codes:
            if code not in known:
                errors.append(CellError(row["_row"], "bases", f"a legal basis defined in saylau "
                                        f"({', '.join(sorted(known)) or 'none yet: run `saylau disputes bases`'})",
                                        code))
        row["bases"] = codes
        ref = row["reference"]
        if ref and (ref in references or ref in seen):
            errors.append(CellError(row["_row"], "reference", "a reference not used yet", ref))
        if ref:
            seen.add(ref)
        if row["appeal_of"] and row["appeal_of"] not in references | seen:
            errors.append(CellError(row["_row"], "appeal_of", "the reference of a case in saylau or on an "
                                    "earlier row", row["appeal_of"]))
        if not row["appeal_of"]:
            for column in ("respondent", "contested_act"):
                if not row[column]:
                    errors.append(CellError(row["_row"], column, "text (only an appeal, naming appeal_of, may "
                                            "leave it empty)", ""))
        if row["decided_on"] and not row["outcome"]:
            errors.append(CellError(row["_row"], "outcome", "the outcome of the decision dated in decided_on", ""))
    if errors:
        raise TableError(source, errors)
    counts = {"cases": 0, "decided": 0, "published": 0}
    for row in rows:
        try:
            links = [(k.value, row[k.value]) for k in LinkKind if row[k.value]]
            if row["appeal_of"]:
                origin = Case.objects.get(election=election, reference=row["appeal_of"])
                case = appeal(actor=actor, case=origin, filed_on=row["filed_on"], body=row["body"],
                              body_name=row["body_name"], complainant_kind=row["complainant_kind"],
                              complainant_name=row["complainant_name"], reason=row["summary"],
                              bases=row["bases"] or None, reference=row["reference"])
                for kind, target in links:
                    add_link(actor=actor, case=case, kind=kind, target=target)
            else:
                case = file_case(
                    actor=actor, election=election, body=row["body"], body_name=row["body_name"],
                    complainant_kind=row["complainant_kind"], complainant_name=row["complainant_name"],
                    respondent=row["respondent"], contested_act=row["contested_act"], act_date=row["act_date"],
                    filed_on=row["filed_on"], phase=row["phase"], summary=row["summary"], bases=row["bases"],
                    links=links, reference=row["reference"])
            counts["cases"] += 1
            if row["decided_on"]:
                admit(actor=actor, case=case, on=row["filed_on"])
                decide(actor=actor, case=case, decided_on=row["decided_on"], mode=row["decision_mode"],
                       outcome=row["outcome"], session_date=row["session_date"],
                       members_present=row["members_present"], votes_for=row["votes_for"],
                       votes_against=row["votes_against"], official=row["official"],
                       not_considered_reason=row["not_considered_reason"], deadline_basis=row["deadline_basis"],
                       remedy=row["remedy"], reasoning=row["reasoning"])
                counts["decided"] += 1
                if row["published_on"]:
                    publish_decision(actor=actor, case=case, published_on=row["published_on"],
                                     url=row["publication_url"])
                    counts["published"] += 1
        except DisputeError as error:
            raise TableError(source, [CellError(row["_row"], "", "a case the process accepts", str(error))]) from None
    return counts


@transaction.atomic
def import_simulation(*, actor: Actor, election: Election, seed: int = 2011) -> dict[str, int]:
    """The kz-2011 profile's cases (:func:`saylau.disputes.core.simulation.kz2011`), through the process."""
    from saylau.disputes.core.simulation import kz2011

    ensure_default_bases(actor=actor)
    sim, _truth = kz2011(seed)
    made: dict[str, Case] = {}
    for c in sorted(sim, key=lambda c: (bool(c.appeal_of), c.filed_on, c.reference)):
        if c.appeal_of:
            case = appeal(actor=actor, case=made[c.appeal_of], filed_on=c.filed_on, body=c.body,
                          body_name=c.body_name, reason="Appeal of the CEC's decision", bases=list(c.bases),
                          reference=c.reference)
        else:
            case = file_case(actor=actor, election=election, body=c.body, body_name=c.body_name,
                             complainant_kind=c.complainant_kind, complainant_name=c.complainant_name,
                             respondent=c.respondent, contested_act=c.contested_act, act_date=c.act_date,
                             filed_on=c.filed_on, phase=c.phase, bases=c.bases, reference=c.reference)
        admit(actor=actor, case=case, on=c.filed_on)
        present, yes, no = c.session or (None, None, None)
        decide(actor=actor, case=case, decided_on=c.decided_on, mode=c.decision_mode, outcome=c.outcome,
               session_date=c.decided_on if c.session else None, members_present=present, votes_for=yes,
               votes_against=no, official=c.official, not_considered_reason=c.not_considered_reason,
               deadline_basis=c.deadline_basis, reasoning=c.reasoning)
        if c.published_on:
            publish_decision(actor=actor, case=case, published_on=c.published_on)
        made[c.reference] = case
    for c in sim:
        if not c.appealed:
            finalise(actor=actor, case=made[c.reference], on=c.decided_on + dt.timedelta(days=10),
                     reason="no appeal within the time allowed")
    return {"cases": len(sim), "appeals": sum(1 for c in sim if c.appeal_of)}
