"""Elections: create one (with its national unit and central commission), find one."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.errors import NoElection
from saylau.geography.choices import TIER_OF_LEVEL, UnitLevel
from saylau.geography.core import states
from saylau.geography.models import Commission, Election, Unit
from saylau.ledger.services import Event, record_many


def created(kind: states.Kind, obj, reason: str = "") -> Event:
    """The ledger event of one object just created."""
    return Event(f"{kind.object_type}.created", kind.object_type, obj.pk, str(obj), None, states.state(kind, obj),
                 reason=reason)


@transaction.atomic
def create_election(
    *,
    actor: Actor,
    slug: str,
    name_en: str,
    kind: str,
    date: dt.date,
    name_ru: str = "",
    name_kk: str = "",
    languages: str = "en,ru,kk",
    official_language: str = "en",
    national_code: str = "0",
) -> Election:
    """Create an election with its national unit and central commission (three ledger entries)."""
    election = Election(
        slug=slug,
        name_en=name_en,
        name_ru=name_ru,
        name_kk=name_kk,
        kind=kind,
        date=date,
        languages=languages,
        official_language=official_language,
    )
    election.full_clean()
    election.save()
    national = Unit(
        election=election,
        level=UnitLevel.NATIONAL,
        code=national_code,
        path=national_code,
        name_en=name_en,
        name_ru=name_ru,
        name_kk=name_kk,
    )
    national.full_clean()
    national.save()
    cec = Commission.objects.create(unit=national, tier=TIER_OF_LEVEL[UnitLevel.NATIONAL])
    record_many(actor=actor, events=[created(states.ELECTION, election), created(states.UNIT, national),
                                     created(states.COMMISSION, cec)])
    return election


def national_unit(election: Election) -> Unit:
    return Unit.objects.get(election=election, level=UnitLevel.NATIONAL)


def get_election(slug: str | None = None) -> Election:
    """The election named by ``slug``, or the only/latest one when not given."""
    if slug:
        try:
            return Election.objects.get(slug=slug)
        except Election.DoesNotExist:
            raise NoElection(f"no election with slug {slug!r}; `saylau election list` shows them") from None
    election = Election.objects.order_by("-date", "-pk").first()
    if election is None:
        raise NoElection("there is no election yet: run `saylau simulate` or `saylau election create` first")
    return election
