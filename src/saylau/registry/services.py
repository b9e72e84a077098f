"""Every write of the register audit: atomic, by an ``actor``, with a ledger entry per object.

* :func:`record_audit`: an audit's run, its candidate pairs (duplicates and
  the clerical review queue) and its flags (``registry.auditrun.created``,
  ``registry.pair.created``, ``registry.flag.created``);
* :func:`decide_pair`: a clerk's decision on a pair, with its reason
  (``registry.pair.updated``, the state before and after);
* :func:`install_field_audit_forms`: the two field-audit forms imported into an
  election through the observation forms service (its ledger entries).
"""

from __future__ import annotations

import math

from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography.core.states import state
from saylau.geography.models import Election
from saylau.ledger.services import Event, record_many
from saylau.registry.choices import DecisionReason, PairStatus
from saylau.registry.core import states
from saylau.registry.models import AuditRun, CandidatePair, Flag


class RegisterError(ValueError):
    """A request the register audit cannot carry out; the message says why."""


def _created(kind, obj) -> Event:
    return Event(f"{kind.object_type}.created", kind.object_type, obj.pk, str(obj), after=state(kind, obj))


def _e(value: float | None, scale: int) -> int:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    return int(round(value * scale))


def _tables(outcome) -> dict:
    growth = [] if outcome.growth_regions is None else [
        {"region_code": r["region_code"], "before": r["before"], "now": r["now"], "growth": r["growth"],
         "outlier": r["outlier"]} for r in outcome.growth_regions.sort("region_code").iter_rows(named=True)]
    duplicates = outcome.duplicates_by_region.to_dicts() if len(outcome.duplicates_by_region) else []
    return {"growth_by_region": growth, "duplicates_by_region": duplicates}


def record_audit(*, actor: Actor, election: Election, snapshot: str, previous: str, engine: str, outcome) -> AuditRun:
    """Store an audit's outcome (:class:`saylau.registry.core.audit.Outcome`): the run, every
    pair at or above the review threshold, every flag; a ledger entry for each."""
    pairs = outcome.pairs
    parts = [c for c in pairs.columns if c.startswith("mw_")]
    with transaction.atomic():
        run = AuditRun.objects.create(
            election=election, snapshot=snapshot, previous=previous, engine=engine, records=outcome.records,
            matches=int((pairs["status"] == "match").sum()), review=int((pairs["status"] == "review").sum()),
            flags=len(outcome.flags),
            findings={f.key: {"numerator": f.numerator, "denominator": f.denominator, "unit": f.unit,
                              **({"low": round(f.low, 6), "high": round(f.high, 6)} if f.low is not None else {})}
                      for f in outcome.findings},
            tables=_tables(outcome))
        pair_rows = [
            CandidatePair(run=run, voter_l=r["uid_l"], voter_r=r["uid_r"], weight_e3=_e(r["match_weight"], 1000),  # 0 when not scored
                          probability_e6=_e(r["match_probability"], 10**6),
                          source=r["source"], status=r["status"],
                          parts={p[3:]: _e(r[p], 1000) for p in parts if r[p] is not None})
            for r in pairs.iter_rows(named=True)
        ]
        created_pairs = CandidatePair.objects.bulk_create(pair_rows, batch_size=2000)
        flag_rows = [Flag(run=run, kind=r["kind"], voter_id=r["voter_id"] or "", unit_code=r["unit_code"] or "",
                          detail=(r["detail"] or "")[:300]) for r in outcome.flags.iter_rows(named=True)]
        created_flags = Flag.objects.bulk_create(flag_rows, batch_size=2000)
        events = [_created(states.RUN, run)]
        events += [_created(states.PAIR, p) for p in created_pairs]
        events += [_created(states.FLAG, f) for f in created_flags]
        record_many(actor=actor, events=events)
    return run


def decide_pair(*, actor: Actor, pair: CandidatePair | int, same_person: bool, reason: str, note: str = "") -> CandidatePair:
    """A clerk's decision: the two records are one person (``confirmed``) or not (``rejected``)."""
    if reason not in DecisionReason.values:
        raise RegisterError(f"reason {reason!r}: expected one of {', '.join(DecisionReason.values)}")
    if same_person and reason != "same_person" or not same_person and reason == "same_person":
        raise RegisterError("the reason does not agree with the decision")
    with transaction.atomic():
        pk = pair.pk if isinstance(pair, CandidatePair) else pair
        obj = CandidatePair.objects.select_for_update().get(pk=pk)
        before = state(states.PAIR, obj)
        obj.status = PairStatus.CONFIRMED if same_person else PairStatus.REJECTED
        obj.reason = reason
        obj.note = note[:500]
        obj.decided_by = actor.name
        after = state(states.PAIR, obj)
        if after == before:
            return obj
        obj.save(update_fields=["status", "reason", "note", "decided_by"])
        record_many(actor=actor, events=[Event(f"{states.PAIR.object_type}.updated", states.PAIR.object_type, obj.pk,
                                               str(obj), before=before, after=after, reason=reason)])
    return obj


def install_field_audit_forms(*, actor: Actor, election: Election) -> list[str]:
    """Import the register's field-audit forms (:mod:`saylau.registry.forms`) into
    ``election`` through the observation forms service, those it has not got yet;
    they then reach observers by the observation channels (OpenRosa, the web
    app, the API). Returns the form ids imported."""
    from saylau.observation.models import FormDefinition
    from saylau.observation.services import forms as observation_forms
    from saylau.registry import forms

    have = set(FormDefinition.objects.filter(election=election, form_id__in=forms.FORM_IDS)
               .values_list("form_id", flat=True))
    imported = []
    for form_id in forms.FORM_IDS:
        if form_id not in have:
            observation_forms.import_form(actor=actor, election=election, data=forms.workbook(form_id))
            imported.append(form_id)
    return imported
