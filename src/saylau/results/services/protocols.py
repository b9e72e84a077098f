"""Protocols one by one: the template, recording, decisions and corrections."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from saylau.core.actors import Actor
from saylau.core.protocol import LINE_LABELS, LINES, line_values, vote_column
from saylau.geography.models import Candidate, Commission, Election, Unit
from saylau.ledger.services import Event, record, record_many
from saylau.results.models import Correction, Decision, Protocol, ProtocolLine, ProtocolTemplate
from saylau.results.services.bulk import write_protocols

TOLERANCE_FIELDS = ("tolerance_absolute", "tolerance_relative", "registered_absolute",
                    "registered_relative", "max_turnout")


def seconds(when: dt.datetime | None) -> dt.datetime | None:
    """Arrival times are kept to the second, in UTC."""
    if when is None:
        return None
    if timezone.is_naive(when):
        when = timezone.make_aware(when, dt.UTC)
    return when.astimezone(dt.UTC).replace(microsecond=0)


def time_text(when: dt.datetime | None) -> str | None:
    return None if when is None else seconds(when).strftime("%Y-%m-%dT%H:%M:%SZ")


def protocol_state(p: Protocol | Mapping) -> dict:
    """The ledger state of a protocol, from a model instance or a loaded row."""
    get = p.get if isinstance(p, Mapping) else (lambda k: getattr(p, k))
    votes = get("votes")
    if isinstance(votes, str):
        votes = json.loads(votes)
    when = get("received_at")
    return {
        "election": get("election_id"), "unit": get("unit_id"), "tier": get("tier"),
        "source": get("source"), "version": get("version"), "supersedes": get("supersedes_id"),
        "lines": {k: get(k) for k in LINES}, "votes": [int(v) for v in votes],
        "received_at": when if isinstance(when, str) or when is None else time_text(when),
        "block": get("block_id"), "submission_id": get("submission_id") or "",
    }


def template_state(t: ProtocolTemplate) -> dict:
    return {"election": t.election_id, **{f: getattr(t, f) for f in TOLERANCE_FIELDS},
            "lines": [[ln.code, ln.label_en, ln.label_ru, ln.label_kk] for ln in t.lines.all()]}


@transaction.atomic
def ensure_template(
    *, actor: Actor, election: Election, candidates: Sequence[tuple[int, str, str, str]] | None = None,
    **tolerances,
) -> ProtocolTemplate:
    """The election's protocol template, created with its lines when missing.

    Candidate lines come from ``candidates`` ``(number, en, ru, kk)`` or else
    from the election's candidates. Tolerances given as keywords
    (``tolerance_absolute`` ...) are set and recorded.
    """
    unknown = set(tolerances) - set(TOLERANCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown tolerances: {sorted(unknown)}")
    template = ProtocolTemplate.objects.filter(election=election).first()
    before = template_state(template) if template else None
    if template is None:
        template = ProtocolTemplate(election=election)
    for key, value in tolerances.items():
        setattr(template, key, value)
    template.full_clean()
    template.save()
    if before is None:
        if candidates is None:
            candidates = [(c.number, c.name_en, c.name_ru, c.name_kk)
                          for c in Candidate.objects.filter(election=election).order_by("number")]
        rows = [ProtocolLine(template=template, code=code, position=i, label_en=en, label_ru=ru, label_kk=kk)
                for i, (code, (en, ru, kk)) in enumerate(LINE_LABELS.items())]
        rows += [ProtocolLine(template=template, code=vote_column(n), position=len(LINES) + i, candidate_number=n,
                              label_en=en, label_ru=ru or en, label_kk=kk or en)
                 for i, (n, en, ru, kk) in enumerate(candidates)]
        for row in rows:
            row.full_clean(exclude=["template"])
        ProtocolLine.objects.bulk_create(rows)
    after = template_state(template)
    if after != before:
        record(actor=actor, event=Event("results.template." + ("created" if before is None else "changed"),
                                        "results.protocoltemplate", template.pk, str(template), before, after))
    return template


def candidate_count(election: Election) -> int:
    return ProtocolLine.objects.filter(template__election=election, candidate_number__isnull=False).count()


@transaction.atomic
def record_protocol(
    *, actor: Actor, election: Election, unit: Unit, tier: str, source: str, lines: Mapping[str, int | None],
    votes: Sequence[int], received_at: dt.datetime | None = None, submission_id: str = "",
) -> Protocol:
    """Record the first version of a protocol (changes go through :func:`correct_protocol`)."""
    if Protocol.objects.filter(unit=unit, tier=tier, source=source).exists():
        raise ValidationError("this unit already has such a protocol: correct it instead")
    unknown = set(lines) - set(LINES)
    if unknown:
        raise ValidationError(f"unknown protocol lines: {sorted(unknown)}")
    protocol = Protocol(election=election, unit=unit, tier=tier, source=source, version=1,
                        votes=[int(v) for v in votes], received_at=seconds(received_at),
                        submission_id=submission_id, **{k: lines.get(k) for k in LINES})
    protocol.full_clean()
    protocol.save()
    record(actor=actor, event=Event("results.protocol.created", "results.protocol", protocol.pk,
                                    str(protocol), None, protocol_state(protocol)))
    return protocol


def decision_state(d: Decision) -> dict:
    return {"election": d.election_id, "commission": d.commission_id, "number": d.number,
            "date": d.date.isoformat(), "summary": d.summary}


@transaction.atomic
def record_decision(
    *, actor: Actor, election: Election, commission: Commission, number: str, date: dt.date, summary: str = "",
) -> Decision:
    """Record a commission's decision, to be cited by corrections."""
    decision = Decision(election=election, commission=commission, number=number, date=date, summary=summary)
    decision.full_clean()
    decision.save()
    record(actor=actor, event=Event("results.decision.created", "results.decision", decision.pk,
                                    str(decision), None, decision_state(decision)))
    return decision


def correction_state(c: Correction | Mapping) -> dict:
    get = c.get if isinstance(c, Mapping) else (lambda k: getattr(c, k))
    changes = get("changes")
    return {"protocol": get("protocol_id"), "previous": get("previous_id"), "decision": get("decision_id"),
            "without_decision": bool(get("without_decision")),
            "changes": json.loads(changes) if isinstance(changes, str) else changes, "reason": get("reason")}


def changed_lines(old: Mapping, new: Mapping) -> dict[str, list]:
    return {k: [old.get(k), new.get(k)] for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)}


@transaction.atomic
def correct_protocol(
    *, actor: Actor, protocol: Protocol, lines: Mapping[str, int | None] | None = None,
    votes: Sequence[int] | None = None, decision: Decision | None = None, reason: str = "",
    received_at: dt.datetime | None = None,
) -> Correction:
    """Change a protocol: a new version supersedes it, with the decision that allows it.

    Without ``decision`` the change is still recorded, flagged as made
    without a decision. Returns the :class:`Correction`.
    """
    current = Protocol.objects.select_for_update().get(pk=protocol.pk)
    if Protocol.objects.filter(supersedes=current).exists():
        raise ValidationError("only the current version of a protocol can be corrected")
    if decision is not None and decision.election_id != current.election_id:
        raise ValidationError("the decision belongs to another election")
    new = Protocol(
        election_id=current.election_id, unit_id=current.unit_id, tier=current.tier, source=current.source,
        version=current.version + 1, supersedes=current, submission_id=current.submission_id,
        votes=[int(v) for v in (votes if votes is not None else current.votes)],
        received_at=seconds(received_at or timezone.now()),
        **{k: (lines[k] if lines and k in lines else getattr(current, k)) for k in LINES},
    )
    new.full_clean()
    changes = changed_lines(protocol_lines(current), protocol_lines(new))
    if not changes:
        raise ValidationError("the correction changes no line")
    new.save()
    correction = Correction(protocol=new, previous=current, decision=decision, without_decision=decision is None,
                            changes=changes, reason=reason, created_at=timezone.now())
    correction.full_clean()
    correction.save()
    record_many(actor=actor, events=[
        Event("results.protocol.corrected", "results.protocol", new.pk, str(new), None, protocol_state(new),
              reason=str(decision) if decision else "without a decision"),
        Event("results.correction.created", "results.correction", correction.pk, str(correction), None,
              correction_state(correction), reason=reason),
    ])
    return correction


@transaction.atomic
def import_corrections(*, actor: Actor, election: Election, frame, origin: str) -> list[Correction]:
    """Bulk corrections: ``frame`` holds the new figures of current protocols.

    Columns: ``previous_id`` (the protocol corrected), every line of
    :data:`LINES`, ``votes`` (normalised JSON text), ``received_at`` (ISO
    text), ``decision_id`` (null: without a decision), ``reason``.
    """
    import polars as pl

    from saylau.results import storage

    previous = storage.load(election.pk).filter(pl.col("id").is_in(frame["previous_id"].implode()))
    if previous.height != frame.height:
        raise ValidationError("some corrected protocols are not current protocols of this election")
    joined = frame.join(previous.select("id", "unit_id", "tier", "source", "version", "submission_id",
                                        pl.col("votes").alias("old_votes"), *[pl.col(k).alias(f"old_{k}") for k in LINES]),
                        left_on="previous_id", right_on="id")
    rows = joined.with_columns(supersedes_id=pl.col("previous_id"), version=pl.col("version") + 1)
    written = write_protocols(actor=actor, election=election, frame=rows, origin=origin)
    corrections = []
    now = timezone.now()
    for r, new_id in zip(rows.iter_rows(named=True), written, strict=True):
        old = line_values({k: r[f"old_{k}"] for k in LINES}, json.loads(r["old_votes"]))
        new = line_values(r, json.loads(r["votes"]))
        corrections.append(Correction(protocol_id=new_id, previous_id=r["previous_id"], decision_id=r["decision_id"],
                                      without_decision=r["decision_id"] is None, changes=changed_lines(old, new),
                                      reason=r["reason"], created_at=now))
    corrections = Correction.objects.bulk_create(corrections, batch_size=2000)
    record_many(actor=actor, events=[
        Event("results.correction.created", "results.correction", c.pk, "", None, correction_state(c), reason=c.reason)
        for c in corrections
    ])
    return corrections


def protocol_lines(p: Protocol) -> dict[str, int | None]:
    """Every line of a protocol: the fixed lines, then ``votes_1..k``."""
    return line_values({k: getattr(p, k) for k in LINES}, p.votes)
