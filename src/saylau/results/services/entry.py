"""Double-blind data entry of paper protocols in the browser, its review, and
corrections that cite a decision given by reference.

A station's paper PEC protocol is keyed twice, by two different clerks,
neither seeing the other's figures: the first keying of a round is entry A
(tier PEC, source ``entry_a``), the second entry B (``entry_b``). A
supervisor then either accepts agreeing figures, which become the station's
entered protocol (tier DEC, source ``entered``, the figures the results
system holds for the station), or sends the station back: both entries are
closed and the next keying starts a new round (a new version of A, then of
B). Who keyed each entry is a :class:`DataEntry`, each decision an
:class:`EntryReview`; both are written once, with a ledger entry.

Each function is the outermost transaction, takes a keyword ``actor`` (a
user: entries and reviews name people) and appends its ledger entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from saylau.core.actors import Actor
from saylau.core.protocol import LINES
from saylau.geography.models import Commission, Election, Unit
from saylau.ledger.services import Event, record
from saylau.results.choices import EntryOutcome, ProtocolSource, ProtocolTier
from saylau.results.models import Correction, DataEntry, Decision, EntryReview, Protocol
from saylau.results.services.protocols import (
    changed_lines,
    correct_protocol,
    protocol_lines,
    protocol_state,
    record_decision,
    record_protocol,
    seconds,
)

ENTRY_SOURCES = (ProtocolSource.ENTRY_A, ProtocolSource.ENTRY_B)
#: where the accepted figures go: the station's entered protocol
ACCEPTED_TIER, ACCEPTED_SOURCE = ProtocolTier.DEC, ProtocolSource.ENTERED


def entry_state(e: DataEntry) -> dict:
    return {"protocol": e.protocol_id, "clerk": e.clerk_id, "created_at": seconds(e.created_at).isoformat()}


def review_state(r: EntryReview) -> dict:
    return {"election": r.election_id, "unit": r.unit_id, "entry_a": r.entry_a_id, "entry_b": r.entry_b_id,
            "outcome": r.outcome, "accepted": r.accepted_id, "reviewer": r.reviewer_id, "reason": r.reason,
            "created_at": seconds(r.created_at).isoformat()}


def differences(a: Protocol, b: Protocol) -> dict[str, list]:
    """``{line: [A, B]}`` for every line where the two entries differ."""
    return changed_lines(protocol_lines(a), protocol_lines(b))


def _current(unit: Unit, tier: str, source: str) -> Protocol | None:
    return (Protocol.objects.filter(unit=unit, tier=tier, source=source, superseded_by__isnull=True)
            .order_by("-version").first())


def open_entries(unit: Unit) -> tuple[Protocol | None, Protocol | None]:
    """The station's current entries A and B that no review has closed yet."""
    out = []
    for source in ENTRY_SOURCES:
        p = _current(unit, ProtocolTier.PEC, source)
        closed = p is not None and EntryReview.objects.filter(
            **{"entry_a" if source == ProtocolSource.ENTRY_A else "entry_b": p}).exists()
        out.append(None if closed else p)
    a, b = out
    if a is None and b is not None:  # B of a round whose A was closed: cannot happen through these services
        b = None
    return a, b


def clerk_id(protocol: Protocol) -> int | None:
    """The user who keyed an entry in the browser (None for entries imported from a file)."""
    return DataEntry.objects.filter(protocol=protocol).values_list("clerk_id", flat=True).first()


def latest_review(unit: Unit) -> EntryReview | None:
    return EntryReview.objects.filter(unit=unit).order_by("-created_at", "-pk").first()


#: why a keying is refused (shown in the user's language by the web)
ACCEPTED_ALREADY = _("This station's entries have been accepted; changes need a correction with a decision.")
KEYED_TWICE = _("This station has been keyed twice and waits for a supervisor.")
SAME_CLERK = _("You keyed entry A of this station; entry B must be keyed by someone else.")


@dataclass(frozen=True)
class Keying:
    """Which entry a user would key at a station now (``source``: ``entry_a`` or
    ``entry_b``), or why they cannot (``refused``, in the active language);
    ``a`` and ``b`` are the round's open entries that were looked at."""

    source: str | None
    refused: str | None
    a: Protocol | None = None
    b: Protocol | None = None

    @property
    def letter(self) -> str:
        return entry_letter(self.source)


def entry_letter(source: str | None) -> str:
    """``"A"`` for entry A, ``"B"`` for entry B, else ``""``."""
    return {ProtocolSource.ENTRY_A: "A", ProtocolSource.ENTRY_B: "B"}.get(source or "", "")


def next_keying(unit: Unit, user_id: int | None) -> Keying:
    """The data-entry keying rules, in one place: a station whose entries were
    accepted takes no more keying (changes are corrections); a round keyed
    twice waits for a supervisor; entry B is keyed by someone other than the
    clerk of entry A. Otherwise the user keys A (a new round) or B."""
    last = latest_review(unit)
    if last is not None and last.outcome == EntryOutcome.ACCEPTED:
        return Keying(None, str(ACCEPTED_ALREADY))
    a, b = open_entries(unit)
    if a is not None and b is not None:
        return Keying(None, str(KEYED_TWICE), a, b)
    if a is not None and clerk_id(a) == user_id:
        return Keying(None, str(SAME_CLERK), a)
    return Keying(ProtocolSource.ENTRY_B if a is not None else ProtocolSource.ENTRY_A, None, a)


def _user_actor(actor: Actor) -> int:
    if actor.user_id is None:
        raise ValidationError("data entry and its review are done by a signed-in user")
    return actor.user_id


def _station(election: Election, unit: Unit) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)  # one keying or review of a station at a time
    if unit.election_id != election.pk or unit.level != 3:
        raise ValidationError("data entry is for the polling stations of this election")
    return unit


@transaction.atomic
def key_protocol(
    *, actor: Actor, election: Election, unit: Unit, lines: Mapping[str, int | None], votes: Sequence[int],
) -> Protocol:
    """Record one keying of a station's paper protocol: entry A if the round has
    none yet, else entry B, which must be keyed by another user.

    Refused when the round already has both entries, when the same user
    keyed A, and once the station's entries have been accepted (changes then
    go through :func:`correct` with a decision).
    """
    user_id = _user_actor(actor)
    unit = _station(election, unit)
    keying = next_keying(unit, user_id)
    if keying.refused:
        raise ValidationError(keying.refused)
    source = keying.source
    previous = _current(unit, ProtocolTier.PEC, source)
    now = timezone.now()
    if previous is None:
        protocol = record_protocol(actor=actor, election=election, unit=unit, tier=ProtocolTier.PEC, source=source,
                                   lines=lines, votes=votes, received_at=now)
    else:  # a new round after the station was sent back: a new version of the entry
        unknown = set(lines) - set(LINES)
        if unknown:
            raise ValidationError(f"unknown protocol lines: {sorted(unknown)}")
        protocol = Protocol(election=election, unit=unit, tier=ProtocolTier.PEC, source=source,
                            version=previous.version + 1, supersedes=previous, votes=[int(v) for v in votes],
                            received_at=seconds(now), **{k: lines.get(k) for k in LINES})
        protocol.full_clean()
        protocol.save()
        record(actor=actor, event=Event("results.protocol.created", "results.protocol", protocol.pk, str(protocol),
                                        None, protocol_state(protocol), reason="re-entry"))
    entry = DataEntry(protocol=protocol, clerk_id=user_id, created_at=now)
    entry.full_clean()
    entry.save()
    record(actor=actor, event=Event("results.entry.keyed", "results.dataentry", entry.pk, str(entry), None,
                                    entry_state(entry)))
    return protocol


def _pair(election: Election, unit: Unit, user_id: int) -> tuple[Protocol, Protocol]:
    a, b = open_entries(unit)
    if a is None or b is None:
        raise ValidationError("this station does not have both entries A and B waiting for review")
    if user_id in (clerk_id(a), clerk_id(b)):
        raise ValidationError("a supervisor does not review a station they keyed")
    return a, b


@transaction.atomic
def accept_entries(*, actor: Actor, election: Election, unit: Unit) -> EntryReview:
    """Accept agreeing entries A and B: their figures become the station's entered
    protocol (tier DEC, source ``entered``).

    Refused when A and B differ, and when the station already has entered
    figures that differ from them (change those with :func:`correct`).
    """
    user_id = _user_actor(actor)
    unit = _station(election, unit)
    a, b = _pair(election, unit, user_id)
    if differences(a, b):
        raise ValidationError("entries A and B differ: send the station back for re-entry")
    existing = _current(unit, ACCEPTED_TIER, ACCEPTED_SOURCE)
    if existing is not None:
        if changed_lines(protocol_lines(existing), protocol_lines(a)):
            raise ValidationError("the station already has entered figures that differ: correct them with a decision")
        accepted = existing
    else:
        accepted = record_protocol(actor=actor, election=election, unit=unit, tier=ACCEPTED_TIER,
                                   source=ACCEPTED_SOURCE, lines={k: getattr(a, k) for k in LINES}, votes=a.votes,
                                   received_at=timezone.now())
    return _review(actor, election, unit, a, b, EntryOutcome.ACCEPTED, accepted, "")


@transaction.atomic
def return_entries(*, actor: Actor, election: Election, unit: Unit, reason: str = "") -> EntryReview:
    """Send a station back for re-entry: its entries A and B are closed, and the
    next two keyings (by any two different clerks) start a new round."""
    user_id = _user_actor(actor)
    unit = _station(election, unit)
    a, b = _pair(election, unit, user_id)
    return _review(actor, election, unit, a, b, EntryOutcome.RETURNED, None, reason)


def _review(actor, election, unit, a, b, outcome, accepted, reason) -> EntryReview:
    review = EntryReview(election=election, unit=unit, entry_a=a, entry_b=b, outcome=outcome, accepted=accepted,
                         reviewer_id=actor.user_id, reason=reason, created_at=timezone.now())
    review.full_clean()
    review.save()
    record(actor=actor, event=Event(f"results.entry.{outcome}", "results.entryreview", review.pk, str(review), None,
                                    review_state(review), reason=reason))
    return review


@transaction.atomic
def correct(
    *, actor: Actor, protocol: Protocol, lines: Mapping[str, int | None] | None = None,
    votes: Sequence[int] | None = None, commission: Commission | None = None, number: str = "",
    date: dt.date | None = None, summary: str = "", reason: str = "",
) -> Correction:
    """Correct an entered or official protocol in one transaction: with the decision
    given by reference (``commission``, ``number``, ``date``: recorded unless
    that commission's decision with that number exists, which must then have the
    same date), or without one (``commission=None``), flagged as such by
    :func:`correct_protocol`."""
    if protocol.source not in (ProtocolSource.ENTERED, ProtocolSource.OFFICIAL):
        raise ValidationError("only entered and official protocols are corrected here")
    decision = None
    if commission is not None:
        number = number.strip()
        if not number or date is None:
            raise ValidationError("a decision needs its number and date")
        if commission.unit.election_id != protocol.election_id:
            raise ValidationError("the commission belongs to another election")
        decision = Decision.objects.filter(commission=commission, number=number).first()
        if decision is None:
            decision = record_decision(actor=actor, election=protocol.election, commission=commission, number=number,
                                       date=date, summary=summary)
        elif decision.date != date:
            raise ValidationError(f"decision No. {number} of this commission is dated {decision.date.isoformat()}")
    return correct_protocol(actor=actor, protocol=protocol, lines=lines, votes=votes, decision=decision, reason=reason)
