"""Reads of disputes: cases a user may see, their deadlines under every basis,
the public view without private complainants' names, and the frame the
statistics (:mod:`saylau.disputes.core.stats`) compute on."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import polars as pl
from django.db.models import Prefetch, QuerySet

from saylau.disputes.choices import DayKind, Status
from saylau.disputes.core import deadlines
from saylau.disputes.models import CalendarDay, Case, CaseEvent, LegalBasis
from saylau.geography.models import Election

DECIDED = (Status.DECIDED, Status.APPEALED, Status.FINAL)


def cases(election: Election) -> QuerySet[Case]:
    """Every case of the election, with what the lists and pages show."""
    return (Case.objects.filter(election=election).select_related("appeal_of", "deadline_basis", "commission")
            .prefetch_related("bases", "links", Prefetch("events", CaseEvent.objects.order_by("on", "id"))))


def may_decide(user) -> bool:
    """Whether ``user`` may admit, return, decide and publish (a commission member or a court clerk)."""
    return bool(user and user.is_authenticated and user.has_perm("disputes.decide_case"))


def calendar(years: range | None = None) -> deadlines.WorkCalendar:
    """Kazakhstan's working calendar with the overrides held in the database, for
    ``years`` (default: from the earliest act or filing of any case to a year after
    the latest, and this year)."""
    days = list(CalendarDay.objects.values_list("date", "kind"))
    if years is None:
        from django.db.models import Max, Min

        span = Case.objects.aggregate(act=Min("act_date"), first=Min("filed_on"), last=Max("filed_on"))
        this = dt.date.today().year
        known = [d.year for d in (span["act"], span["first"], span["last"]) if d] + [this]
        years = range(min(known), max(known) + 2)
    return deadlines.kazakhstan(
        years, holidays_added=[d for d, k in days if k == DayKind.HOLIDAY],
        working_added=[d for d, k in days if k == DayKind.WORKING])


def assess(case: Case, cal: deadlines.WorkCalendar | None = None) -> deadlines.Assessment:
    """Every basis's deadlines for ``case``."""
    cal = cal or calendar()
    return deadlines.assess(act_date=case.act_date, filed_on=case.filed_on,
                            bases=[b.rule() for b in case.bases.all()], calendar=cal)


def is_decided(case: Case) -> bool:
    return case.status in DECIDED or case.status == Status.RETURNED


def chain(case: Case) -> list[Case]:
    """The case's chain of appeals end to end: from the first complaint to the last appeal."""
    first = case
    seen = {first.pk}
    while first.appeal_of_id and first.appeal_of_id not in seen:
        first = Case.objects.get(pk=first.appeal_of_id)
        seen.add(first.pk)
    out, current, seen = [first], first, {first.pk}
    while True:
        nxt = current.appeals.order_by("filed_on", "id").first()
        if nxt is None or nxt.pk in seen:
            return out
        seen.add(nxt.pk)
        out.append(nxt)
        current = nxt


def listing(election: Election, *, body: str = "", phase: str = "", status: str = "", overdue: bool = False,
            today: dt.date | None = None) -> list[tuple[Case, deadlines.Assessment, bool]]:
    """Cases filtered by body, phase, status and overdue, each with its assessment and whether it is overdue."""
    qs = cases(election)
    if body:
        qs = qs.filter(body=body)
    if phase:
        qs = qs.filter(phase=phase)
    if status:
        qs = qs.filter(status=status)
    today = today or dt.date.today()
    cal = calendar()
    out = []
    for case in qs:
        a = assess(case, cal)
        late = a.overdue(today, decided=is_decided(case))
        if overdue and not late:
            continue
        out.append((case, a, late))
    return out


PUBLIC_FIELDS = ("reference", "body", "body_name", "complainant_kind", "complainant", "respondent",
                 "contested_act", "act_date", "filed_on", "phase", "status", "appeal_of", "decided_on",
                 "decision_mode", "session_date", "members_present", "votes_for", "votes_against", "official",
                 "outcome", "not_considered_reason", "deadline_basis", "remedy", "reasoning", "published_on",
                 "publication_url", "bases", "late_under", "on_time_under", "deadline_conflict")


def public_rows(election: Election) -> list[dict]:
    """Cases and decisions as the public sees them: a private complainant is named by kind only."""
    cal = calendar()
    rows = []
    for case in cases(election):
        a = assess(case, cal)

        def iso(d):
            return d.isoformat() if d else ""

        rows.append({
            "reference": case.reference, "body": case.body, "body_name": case.body_name,
            "complainant_kind": case.complainant_kind, "complainant": case.public_complainant,
            "respondent": case.respondent, "contested_act": case.contested_act, "act_date": iso(case.act_date),
            "filed_on": iso(case.filed_on), "phase": case.phase, "status": case.status,
            "appeal_of": case.appeal_of.reference if case.appeal_of else "",
            "decided_on": iso(case.decided_on), "decision_mode": case.decision_mode,
            "session_date": iso(case.session_date), "members_present": case.members_present,
            "votes_for": case.votes_for, "votes_against": case.votes_against, "official": case.official,
            "outcome": case.outcome, "not_considered_reason": case.not_considered_reason,
            "deadline_basis": case.deadline_basis.code if case.deadline_basis else "",
            "remedy": case.remedy, "reasoning": case.reasoning, "published_on": iso(case.published_on),
            "publication_url": case.publication_url, "bases": ",".join(sorted(b.code for b in case.bases.all())),
            "late_under": ",".join(a.late_under), "on_time_under": ",".join(a.on_time_under),
            "deadline_conflict": a.conflict,
        })
    return rows


FRAME_SCHEMA = {"reference": pl.Utf8, "body": pl.Utf8, "filed_on": pl.Date, "status": pl.Utf8,
                "decision_mode": pl.Utf8, "outcome": pl.Utf8, "not_considered_reason": pl.Utf8,
                "deadline_basis": pl.Utf8, "late_under": pl.Utf8, "published": pl.Boolean, "deadline_conflict": pl.Boolean,
                "appeal": pl.Boolean}


def case_frame(election: Election) -> pl.DataFrame:
    """One row per case: what :func:`saylau.disputes.core.stats.summarise` counts."""
    cal = calendar()
    rows = []
    for case in cases(election):
        a = assess(case, cal)
        rows.append((case.reference, case.body, case.filed_on, case.status, case.decision_mode, case.outcome,
                     case.not_considered_reason, case.deadline_basis.code if case.deadline_basis else "",
                     ",".join(a.late_under), case.published_on is not None, a.conflict, case.appeal_of_id is not None))
    return pl.DataFrame(rows, schema=FRAME_SCHEMA, orient="row")


def bases() -> QuerySet[LegalBasis]:
    return LegalBasis.objects.all()


def open_data_csv(rows: list[dict]) -> str:
    """The public rows (:func:`public_rows`) as CSV, one column per :data:`PUBLIC_FIELDS`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PUBLIC_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row[k] is None else row[k] for k in PUBLIC_FIELDS})
    return out.getvalue()


def open_data_json(rows: list[dict], election_slug: str) -> str:
    """The public rows as JSON: ``{"election": slug, "cases": [...]}``."""
    return json.dumps({"election": election_slug, "cases": rows}, ensure_ascii=False, indent=1)
