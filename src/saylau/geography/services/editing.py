"""Changes to the structure one object at a time: names, a station's figures, a
commission's seats, a member added, changed or removed, a party's or a
candidate's details (a candidate's registration status).

Each change locks the row, validates the new values (``full_clean``; a
``ValidationError`` names the field), saves only the fields given and appends
``geography.<kind>.updated`` with the state before and after, or
``geography.commissionmember.created``/``.deleted`` — in one transaction.
Codes, paths, levels, ballot numbers and the election an object belongs to
are not changed here: other records refer to them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography.core import states
from saylau.geography.models import (
    Candidate,
    Commission,
    CommissionMember,
    Election,
    Party,
    Station,
    Unit,
)
from saylau.geography.services.elections import created
from saylau.ledger.services import Event, record

NAMES = states.NAMES
#: what each service may change
ELECTION_FIELDS = (*NAMES, "kind", "date", "languages", "official_language")
STATION_FIELDS = ("kind", "special_kind", "registered_voters", "area", "latitude", "longitude")
MEMBER_FIELDS = ("full_name", "role", "gender", "nominating_party", "nominating_body", "organisation", "ethnicity",
                 "voting")
PARTY_FIELDS = (*NAMES, "in_parliament", "opposition")
CANDIDATE_FIELDS = (*NAMES, "nominator", "party", "nominating_body", "status", "incumbent")


def _coordinates(values: dict) -> dict:
    """Coordinates stored as the five-decimal value the ledger state holds."""
    return {k: states.from_e5(states.e5(v)) if k in ("latitude", "longitude") else v for k, v in values.items()}


def _update(actor: Actor, kind: states.Kind, obj, allowed: tuple[str, ...], changes: dict, reason: str):
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ValidationError({name: "not changed by this service" for name in unknown})
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    before = states.state(kind, obj)
    for name, value in _coordinates(changes).items():
        setattr(obj, name, value)
    obj.full_clean()
    after = states.state(kind, obj)
    if after == before:
        return obj
    obj.save(update_fields=list(changes))
    record(actor=actor, event=Event(f"{kind.object_type}.updated", kind.object_type, obj.pk, str(obj), before, after,
                                    reason=reason))
    return obj


@transaction.atomic
def update_election(*, actor: Actor, election: Election, reason: str = "", **changes) -> Election:
    """Change an election's names, kind, day or languages (:data:`ELECTION_FIELDS`)."""
    return _update(actor, states.ELECTION, election, ELECTION_FIELDS, changes, reason)


@transaction.atomic
def rename_unit(*, actor: Actor, unit: Unit, reason: str = "", **names: str) -> Unit:
    """Change a unit's names (``name_en``, ``name_ru``, ``name_kk``)."""
    return _update(actor, states.UNIT, unit, NAMES, names, reason)


@transaction.atomic
def set_commission_seats(*, actor: Actor, commission: Commission, seats: int, reason: str = "") -> Commission:
    """Change the number of voting seats a commission has by law."""
    return _update(actor, states.COMMISSION, commission, ("seats",), {"seats": seats}, reason)


@transaction.atomic
def update_station(*, actor: Actor, station: Station, reason: str = "", **changes) -> Station:
    """Change a station's kind, registered voters, area or coordinates (:data:`STATION_FIELDS`)."""
    return _update(actor, states.STATION, station, STATION_FIELDS, changes, reason)


@transaction.atomic
def add_member(*, actor: Actor, commission: Commission, reason: str = "", **fields) -> CommissionMember:
    """Appoint one member to a commission (:data:`MEMBER_FIELDS`; ``full_name``, ``role``
    and ``gender`` required, and a nominating party or body)."""
    unknown = sorted(set(fields) - set(MEMBER_FIELDS))
    if unknown:
        raise ValidationError({name: "not a member's field" for name in unknown})
    member = CommissionMember(commission=commission, **fields)
    member.full_clean()
    member.save()
    record(actor=actor, event=created(states.MEMBER, member, reason))
    return member


@transaction.atomic
def update_member(*, actor: Actor, member: CommissionMember, reason: str = "", **changes) -> CommissionMember:
    """Change a member's details or role (:data:`MEMBER_FIELDS`)."""
    return _update(actor, states.MEMBER, member, MEMBER_FIELDS, changes, reason)


@transaction.atomic
def remove_member(*, actor: Actor, member: CommissionMember, reason: str) -> None:
    """Remove a member from their commission; say why (replaced, resigned...)."""
    if not reason.strip():
        raise ValidationError({"reason": "say why the member leaves the commission"})
    member = CommissionMember.objects.select_for_update().select_related("commission__unit").get(pk=member.pk)
    before, pk, text = states.state(states.MEMBER, member), member.pk, str(member)
    member.delete()
    record(actor=actor, event=Event(f"{states.MEMBER.object_type}.deleted", states.MEMBER.object_type, pk, text,
                                    before, None, reason=reason))


@transaction.atomic
def update_party(*, actor: Actor, party: Party, reason: str = "", **changes) -> Party:
    """Change a party's names or standing (:data:`PARTY_FIELDS`)."""
    return _update(actor, states.PARTY, party, PARTY_FIELDS, changes, reason)


@transaction.atomic
def update_candidate(*, actor: Actor, candidate: Candidate, reason: str = "", **changes) -> Candidate:
    """Change a candidate's details or registration status (:data:`CANDIDATE_FIELDS`;
    e.g. ``status="registered"`` or ``"withdrawn"``)."""
    return _update(actor, states.CANDIDATE, candidate, CANDIDATE_FIELDS, changes, reason)
