"""Nominees and their path to registration: nomination, eligibility checks, and the
status steps, each a decision of an election body with its vote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography.choices import CommissionTier
from saylau.geography.core.states import state
from saylau.geography.models import Candidate, Election, Party
from saylau.ledger.services import record_many
from saylau.nomination.choices import CheckCode, CheckOutcome, NominatedBy, NomineeStatus
from saylau.nomination.core import states
from saylau.nomination.models import EligibilityCheck, Nominee, StatusDecision
from saylau.nomination.writes import NominationError, choice, created, updated

#: the steps a nominee's status may take; refused and withdrawn are final
STEPS = {
    "nominated": ("documents", "refused", "withdrawn"),
    "documents": ("signatures", "refused", "withdrawn"),
    "signatures": ("registered", "refused", "withdrawn"),
    "registered": ("withdrawn",),
    "refused": (),
    "withdrawn": (),
}
#: the geography candidate's nominator for each way of nomination
NOMINATOR = {"self": "self", "association": "association", "party": "party"}


def _validate(obj) -> None:
    try:
        obj.full_clean(exclude=["election", "nominee"])
    except ValidationError as error:
        raise NominationError("; ".join(f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
                                        for k, v in error.message_dict.items())) from None


def _party(election: Election, party: Party | str | None) -> Party | None:
    if party is None or party == "":
        return None
    if isinstance(party, Party):
        return party
    found = Party.objects.filter(election=election, code=party).first()
    if found is None:
        raise NominationError(f"no party {party!r} in {election.slug}: import the parties first "
                              "(`saylau election import-parties`)")
    return found


def create_nominee(*, actor: Actor, election: Election, code: str, name_en: str, nominated_by: str,
                   nominated_on: dt.date, name_ru: str = "", name_kk: str = "", party: Party | str | None = None,
                   nominating_body: str = "", incumbent: bool = False) -> Nominee:
    """A person nominated (by themselves, a public association or a party); status ``nominated``."""
    choice(nominated_by, NominatedBy, "nominated_by")
    with transaction.atomic():
        if Nominee.objects.filter(election=election, code=code).exists():
            raise NominationError(f"nominee {code!r} exists already in {election.slug}")
        nominee = Nominee(election=election, code=code, name_en=name_en, name_ru=name_ru, name_kk=name_kk,
                          nominated_by=nominated_by, party=_party(election, party), nominating_body=nominating_body,
                          nominated_on=nominated_on, incumbent=incumbent, status=NomineeStatus.NOMINATED)
        _validate(nominee)
        nominee.save()
        record_many(actor=actor, events=[created(states.NOMINEE, nominee)])
    return nominee


def _candidate(nominee: Nominee, actor: Actor) -> Candidate:
    """The ballot's candidate for a registered nominee: one of the same name in the election, else a new one."""
    from saylau.geography.services import write_candidates

    election = nominee.election
    same = Candidate.objects.filter(election=election, name_en=nominee.name_en, nominee__isnull=True).first()
    if same is not None:
        return same
    numbers = set(Candidate.objects.filter(election=election).values_list("number", flat=True))
    number = max(numbers, default=0) + 1
    write_candidates(actor=actor, election=election, reason=f"registered nominee {nominee.code}", rows=[{
        "number": number, "name_en": nominee.name_en, "name_ru": nominee.name_ru, "name_kk": nominee.name_kk,
        "nominator": NOMINATOR[nominee.nominated_by], "party_code": nominee.party.code if nominee.party else "",
        "nominating_body": nominee.nominating_body, "status": "registered", "incumbent": nominee.incumbent}])
    return Candidate.objects.get(election=election, number=number)


def decide(*, actor: Actor, nominee: Nominee, to_status: str, number: str, decided_on: dt.date,
           votes_for: int, votes_against: int, members_present: int | None = None, body: str = "CEC",
           ground: str = "", reason: str = "", published_on: dt.date | None = None,
           candidate: Candidate | None = None) -> StatusDecision:
    """One step of the nominee's status, taken by a body's decision (number, date, the vote).

    A refusal names its ground (a rule's code) or its reasoning. Registration links the
    ballot's candidate (``candidate``; else one of the same name, else a new one)."""
    choice(to_status, NomineeStatus, "status")
    choice(body, CommissionTier, "body")
    if not number:
        raise NominationError("a decision has a number (as the body numbered it, e.g. 12/45)")
    if votes_for is None or votes_against is None:
        raise NominationError("a decision records the vote: votes for and against")
    if votes_for <= votes_against:
        raise NominationError(f"a decision is taken by a majority: {votes_for} for, {votes_against} against")
    if to_status == NomineeStatus.REFUSED and not (ground or reason):
        raise NominationError("a refusal names its ground (a rule's code) or its reasoning")
    with transaction.atomic():
        nominee = Nominee.objects.select_for_update().get(pk=nominee.pk)
        if to_status not in STEPS[nominee.status]:
            allowed = ", ".join(STEPS[nominee.status]) or "none: it is final"
            raise NominationError(f"{nominee.code} is {nominee.status}: the next step is one of {allowed}")
        if decided_on < nominee.nominated_on:
            raise NominationError(f"the decision of {decided_on} comes before the nomination ({nominee.nominated_on})")
        last = StatusDecision.objects.filter(nominee=nominee).order_by("-decided_on").first()
        if last is not None and decided_on < last.decided_on:
            raise NominationError(f"the decision of {decided_on} comes before the last one ({last.decided_on})")
        decision = StatusDecision(nominee=nominee, from_status=nominee.status, to_status=to_status, body=body,
                                  number=number, decided_on=decided_on, members_present=members_present,
                                  votes_for=votes_for, votes_against=votes_against, ground=ground, reason=reason,
                                  published_on=published_on, actor=actor.name)
        _validate(decision)
        decision.save()
        before = state(states.NOMINEE, nominee)
        nominee.status = to_status
        if to_status == NomineeStatus.REGISTERED:
            nominee.candidate = candidate or _candidate(nominee, actor)
        nominee.save(update_fields=["status", "candidate"])
        record_many(actor=actor, events=[created(states.DECISION, decision, reason=reason or ground),
                                         updated(states.NOMINEE, nominee, before, reason=f"decision {number}")])
    return decision


def record_eligibility(*, actor: Actor, nominee: Nominee, facts: Mapping | None = None, rules=None,
                       checks: Sequence | None = None, rules_name: str = "") -> list[EligibilityCheck]:
    """The eligibility checks of a nominee, each with its outcome and evidence: evaluated from
    ``facts`` under ``rules`` (:func:`saylau.nomination.core.eligibility.evaluate`, ages on
    election day) or given as ``checks`` (``code, outcome, evidence``, e.g. the commission's record;
    ``evidence_ru`` and ``evidence_kk`` too when it has them).
    A check recorded before is updated (its before and after in the ledger)."""
    from saylau.nomination.core import eligibility

    if checks is None:
        if facts is None:
            raise NominationError("give the nominee's facts (to evaluate) or the checks (as recorded)")
        rules = rules or eligibility.KZ_2011
        checks = eligibility.evaluate(facts, rules, nominee.election.date)
        rules_name = rules_name or rules.code
    for c in checks:
        choice(c.code, CheckCode, "check")
        choice(c.outcome, CheckOutcome, "outcome")
    events, out = [], []
    with transaction.atomic():
        have = {c.code: c for c in EligibilityCheck.objects.select_for_update().filter(nominee=nominee)}
        for c in checks:
            row = have.get(c.code)
            # a check evaluated here has its evidence in every language; one given as recorded, the
            # words it came with (``evidence``, and ``evidence_ru``/``evidence_kk`` when it has them)
            words = {lang: eligibility.evidence(c, lang) if getattr(c, "key", "")
                     else getattr(c, f"evidence_{lang}", "") or "" for lang in ("ru", "kk")}
            if row is None:
                row = EligibilityCheck.objects.create(nominee=nominee, code=c.code, outcome=c.outcome,
                                                      evidence=c.evidence or "", evidence_ru=words["ru"],
                                                      evidence_kk=words["kk"], rules=rules_name)
                events.append(created(states.CHECK, row))
            else:
                before = state(states.CHECK, row)
                row.outcome, row.evidence, row.rules = c.outcome, c.evidence or "", rules_name or row.rules
                row.evidence_ru, row.evidence_kk = words["ru"], words["kk"]
                if state(states.CHECK, row) != before:
                    row.save(update_fields=["outcome", "evidence", "evidence_ru", "evidence_kk", "rules"])
                    events.append(updated(states.CHECK, row, before))
            out.append(row)
        if events:
            record_many(actor=actor, events=events)
    return out



def import_nominees(*, actor: Actor, election: Election, path) -> list[Nominee]:
    """Nominees from a CSV/XLSX file (:func:`saylau.nomination.importing.read_nominees`): all or none;
    a party or code the election does not know refuses the file by row and column."""
    from pathlib import Path

    from saylau.core.tabular import CellError, TableError
    from saylau.nomination import importing

    rows = importing.read_nominees(path, nominated_by=tuple(NominatedBy.values))
    parties = set(Party.objects.filter(election=election).values_list("code", flat=True))
    have = set(Nominee.objects.filter(election=election).values_list("code", flat=True))
    problems = [CellError(r["_row"], "party", f"a party of {election.slug}", r["party"])
                for r in rows if r["party"] and r["party"] not in parties]
    problems += [CellError(r["_row"], "code", "a nominee not imported before", r["code"])
                 for r in rows if r["code"] in have]
    if problems:
        raise TableError(Path(path).name, problems)
    with transaction.atomic():
        return [create_nominee(actor=actor, election=election, code=r["code"], name_en=r["name_en"],
                               name_ru=r["name_ru"], name_kk=r["name_kk"], nominated_by=r["nominated_by"],
                               nominated_on=r["nominated_on"], party=r["party"] or None,
                               nominating_body=r["nominating_body"], incumbent=bool(r["incumbent"]))
                for r in rows]
