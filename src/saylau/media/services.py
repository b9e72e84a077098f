"""Every write of media monitoring: atomic, by an ``actor``, with a ledger entry per object.

* :func:`write_outlets`, :func:`write_periods`: the monitored outlets and the
  monitoring periods (``media.outlet.created``, ``media.period.created``);
* :func:`write_codings`: coded items, from a file, the coder's page or the
  simulation — every row is checked first and a bad row stops the whole batch
  with its row, column, what was expected and what came (``media.item.created``
  for each new item, ``media.coding.created`` for each coding);
* :func:`import_outlets`, :func:`import_codings`: the same from CSV or XLSX
  files (``saylau.core.tabular``);
* :func:`code_item`: one coding from the coder's page;
* :func:`settle`: a supervisor chooses the coding analysed for an item whose
  coders disagree (``media.coding.updated``).

An item is named by its outlet and the time it went out; a second coder who
codes the same outlet and time codes the same item. The first coding of an
item is the one analysed (``final``) until a supervisor settles otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from saylau.core.actors import Actor
from saylau.core.tabular import CellError, Column, TableError, parse_table
from saylau.geography.models import Candidate, Election, Party
from saylau.ledger.services import Event, record_many
from saylau.media.core import codes, states
from saylau.media.models import Coding, Item, Outlet, Period, Slot, item_code

CODING_COLUMNS = (
    Column("outlet"), Column("aired_at", aliases=("time", "date_time")), Column("coder"),
    Column("programme", "choice", choices=tuple(codes.PROGRAMMES)),
    Column("subject", "choice", choices=tuple(codes.SUBJECTS)),
    Column("candidate", "int", required=False), Column("party", required=False),
    Column("amount", "int", minimum=1, aliases=("seconds", "duration", "area", "words")),
    Column("tone", "choice", choices=tuple(codes.TONES)),
    Column("speech", "choice", required=False, default="", choices=("", *codes.SPEECH)),
    Column("language", "choice", choices=tuple(codes.LANGUAGES)),
    Column("title", required=False, default=""),
)
OUTLET_COLUMNS = (
    Column("code"), Column("name_en"), Column("name_ru", required=False, default=""),
    Column("name_kk", required=False, default=""),
    Column("kind", "choice", choices=tuple(codes.OUTLET_KINDS)),
    Column("ownership", "choice", choices=tuple(codes.OWNERSHIP)),
    Column("language", "choice", choices=tuple(codes.LANGUAGES)),
    Column("timezone", required=False, default="Asia/Almaty"),
)
SLOT_COLUMNS = (
    Column("outlet"), Column("code"), Column("name_en"), Column("name_ru", required=False, default=""),
    Column("name_kk", required=False, default=""),
    Column("programme", "choice", required=False, default="", choices=("", *codes.PROGRAMMES)),
    Column("days", required=False, default="1234567"), Column("start"), Column("end"),
)
TIME_EXPECTED = ("a date and time, e.g. 2011-03-20 19:05 (the outlet's local time) "
                 "or 2011-03-20T19:05+06:00")


def _created(kind, obj) -> Event:
    return Event(f"{kind[0]}.created", kind[0], obj.pk, str(obj), after=states.state(kind, obj))


@transaction.atomic
def write_outlets(*, actor: Actor, election: Election, rows: Sequence[Mapping], origin: str = "") -> list[Outlet]:
    """Create the monitored outlets ``rows`` (columns of :data:`OUTLET_COLUMNS`)."""
    errors: list[CellError] = []
    existing = set(Outlet.objects.filter(election=election).values_list("code", flat=True))
    outlets = []
    for i, row in enumerate(rows):
        where = row.get("_row", i + 2)
        code = str(row.get("code") or "").strip()
        if code in existing:
            errors.append(CellError(where, "code", "a code not used by another outlet", code))
            continue
        existing.add(code)
        outlet = Outlet(election=election, code=code, name_en=row.get("name_en") or code,
                        name_ru=row.get("name_ru") or "", name_kk=row.get("name_kk") or "",
                        kind=row.get("kind"), ownership=row.get("ownership"), language=row.get("language"),
                        timezone=row.get("timezone") or "Asia/Almaty")
        try:
            outlet.full_clean(exclude=["election"])
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                errors.append(CellError(where, column, "; ".join(messages), str(row.get(column, ""))))
            continue
        outlets.append(outlet)
    if errors:
        raise TableError(origin or "outlets", errors)
    for outlet in outlets:
        outlet.save()
    record_many(actor=actor, events=[_created(states.OUTLET, o) for o in outlets])
    return outlets


@transaction.atomic
def write_periods(*, actor: Actor, election: Election, rows: Sequence[Mapping]) -> list[Period]:
    """Create monitoring periods: ``code``, ``name_en`` (``_ru``, ``_kk``), ``start``, ``end`` (dates)."""
    periods = []
    for row in rows:
        period = Period(election=election, code=row["code"], name_en=row.get("name_en") or row["code"],
                        name_ru=row.get("name_ru") or "", name_kk=row.get("name_kk") or "",
                        start=row["start"], end=row["end"])
        if period.start > period.end:
            raise ValueError(f"period {period.code}: it starts on {period.start} after it ends on {period.end}")
        if Period.objects.filter(election=election, code=period.code).exists():
            raise ValueError(f"period {period.code} exists already")
        period.save()
        periods.append(period)
    record_many(actor=actor, events=[_created(states.PERIOD, p) for p in periods])
    return periods


def _clock(raw) -> dt.time | None:
    if isinstance(raw, dt.time):
        return raw
    try:
        return dt.time.fromisoformat(str(raw or "").strip())
    except ValueError:
        return None


@transaction.atomic
def write_slots(*, actor: Actor, election: Election, rows: Sequence[Mapping], origin: str = "slots") -> list[Slot]:
    """Create monitored programme slots (columns of :data:`SLOT_COLUMNS`; ``start`` and
    ``end`` local times ``19:00``, ``days`` ISO weekdays ``1234567``)."""
    outlets = {o.code: o for o in Outlet.objects.filter(election=election)}
    errors: list[CellError] = []
    slots: list[Slot] = []
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(rows):
        where = row.get("_row", i + 2)
        outlet = outlets.get(str(row.get("outlet") or "").strip())
        if outlet is None:
            errors.append(CellError(where, "outlet", "the code of a monitored outlet ("
                                    + (", ".join(sorted(outlets)) or "none yet") + ")", str(row.get("outlet"))))
            continue
        code = str(row.get("code") or "").strip()
        if (outlet.code, code) in seen or Slot.objects.filter(outlet=outlet, code=code).exists():
            errors.append(CellError(where, "code", "a slot code not used by another slot of the outlet", code))
            continue
        seen.add((outlet.code, code))
        bad = len(errors)
        times = {}
        for column in ("start", "end"):
            times[column] = _clock(row.get(column))
            if times[column] is None:
                errors.append(CellError(where, column, "a local time, e.g. 19:00", str(row.get(column) or "")))
        if len(errors) > bad:
            continue
        slot = Slot(outlet=outlet, code=code, name_en=row.get("name_en") or code, name_ru=row.get("name_ru") or "",
                    name_kk=row.get("name_kk") or "", programme=row.get("programme") or "",
                    days=str(row.get("days") or "1234567"), start=times["start"], end=times["end"])
        try:
            slot.full_clean(exclude=["outlet"])
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                errors.append(CellError(where, column, "; ".join(messages), str(row.get(column, ""))))
            continue
        slots.append(slot)
    if errors:
        raise TableError(origin, errors)
    for slot in slots:
        slot.save()
    record_many(actor=actor, events=[_created(states.SLOT, s) for s in slots])
    return slots


def import_slots(*, actor: Actor, election: Election, path: str | Path) -> list[Slot]:
    """Programme slots from a CSV or XLSX file (columns of :data:`SLOT_COLUMNS`); all or nothing."""
    return write_slots(actor=actor, election=election, rows=parse_table(path, SLOT_COLUMNS), origin=Path(path).name)


def _time(raw, outlet: Outlet | None) -> dt.datetime | None:
    if isinstance(raw, dt.datetime):
        value = raw
    else:
        try:
            value = dt.datetime.fromisoformat(str(raw).strip().replace(" ", "T", 1))
        except ValueError:
            return None
    if value.tzinfo is None:
        if outlet is None:
            return None
        value = value.replace(tzinfo=outlet.zone())
    return value.astimezone(dt.UTC).replace(microsecond=0)


def _check(election: Election, rows: Sequence[Mapping], origin: str) -> list[dict]:
    """Every row checked, or :class:`TableError` naming each bad cell."""
    outlets = {o.code: o for o in Outlet.objects.filter(election=election)}
    candidates = {c.number: c.pk for c in Candidate.objects.filter(election=election)}
    parties = {p.code: p.pk for p in Party.objects.filter(election=election)}
    errors: list[CellError] = []
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(rows):
        where = row.get("_row", i + 2)
        bad = len(errors)

        def err(column: str, expected: str, got, where=where) -> None:
            errors.append(CellError(where, column, expected, "" if got is None else str(got)))

        outlet = outlets.get(str(row.get("outlet") or "").strip())
        if outlet is None:
            err("outlet", "the code of a monitored outlet (" + (", ".join(sorted(outlets)) or
                "none yet: import the outlets first with `saylau media import --outlets`") + ")",
                row.get("outlet"))
        aired = _time(row.get("aired_at"), outlet)
        if aired is None and outlet is not None:
            err("aired_at", TIME_EXPECTED, row.get("aired_at"))
        coder = str(row.get("coder") or "").strip()
        if not coder:
            err("coder", "the monitor's name", row.get("coder"))
        for column, allowed in (("programme", codes.PROGRAMMES), ("subject", codes.SUBJECTS),
                                ("tone", codes.TONES), ("language", codes.LANGUAGES)):
            if row.get(column) not in allowed:
                err(column, "one of " + ", ".join(allowed), row.get(column))
        speech = row.get("speech") or ""
        if speech not in ("", *codes.SPEECH):
            err("speech", "direct, indirect or blank", speech)
        amount = row.get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < 1:
            unit = codes.UNIT_OF_KIND[outlet.kind] if outlet else "seconds, square centimetres or words"
            err("amount", f"a whole number of {unit}, at least 1", amount)
        subject, number, party = row.get("subject"), row.get("candidate"), row.get("party") or None
        candidate_id = party_id = None
        if subject in ("administration", "other") and (number is not None or party is not None):
            err("candidate" if number is not None else "party",
                f"blank (the subject is {subject})", number if number is not None else party)
        elif subject == "candidate" and number is None:
            err("candidate", "the candidate's ballot number (the subject is a candidate)", number)
        elif subject == "party" and party is None:
            err("party", "the party's code (the subject is a party)", party)
        else:
            if number is not None:
                candidate_id = candidates.get(number)
                if candidate_id is None:
                    err("candidate", "a candidate's ballot number ("
                        + ", ".join(map(str, sorted(candidates))) + ")", number)
            if party is not None:
                party_id = parties.get(party)
                if party_id is None:
                    err("party", "a party's code (" + ", ".join(sorted(parties)) + ")", party)
        if len(errors) > bad:
            continue
        key = (item_code(outlet.code, aired), coder)
        if key in seen:
            err("coder", "one coding of an item by each coder (this coder codes it twice in the batch)", coder)
            continue
        seen.add(key)
        out.append({"outlet": outlet, "aired_at": aired, "coder": coder, "programme": row["programme"],
                    "subject": subject, "candidate_id": candidate_id, "party_id": party_id, "amount": amount,
                    "tone": row["tone"], "speech": speech, "language": row["language"],
                    "title": str(row.get("title") or "")[:200], "final": row.get("final"), "_row": where})
    if errors:
        raise TableError(origin, errors)
    return out


@transaction.atomic
def write_codings(*, actor: Actor, election: Election, rows: Sequence[Mapping], origin: str = "codings"
                  ) -> dict[str, int]:
    """Write coded items: one row per coding, the columns of :data:`CODING_COLUMNS`
    (``candidate`` a ballot number, ``party`` a code, ``aired_at`` a datetime or
    ISO text; a time without offset is the outlet's local time). Optional
    ``final`` (bool) says which coding is analysed; when absent, the first coding
    of an item is. Returns the numbers of items and codings created."""
    checked = _check(election, rows, origin)
    outlets = {r["outlet"].pk for r in checked}
    items = {(i.outlet_id, i.aired_at.astimezone(dt.UTC)): i
             for i in Item.objects.filter(outlet_id__in=outlets).select_related("outlet")}
    existing = set(Coding.objects.filter(item__outlet_id__in=outlets).values_list("item_id", "coder"))
    with_final = set(Coding.objects.filter(item__outlet_id__in=outlets, final=True).values_list("item_id", flat=True))
    new_items = []
    for r in checked:
        key = (r["outlet"].pk, r["aired_at"])
        if key not in items:
            items[key] = Item(outlet=r["outlet"], aired_at=r["aired_at"], title=r["title"])
            new_items.append(items[key])
    Item.objects.bulk_create(new_items)
    errors = []
    codings = []
    for r in checked:
        item = items[(r["outlet"].pk, r["aired_at"])]
        if (item.pk, r["coder"]) in existing:
            errors.append(CellError(r["_row"], "coder", "a coder who has not coded this item yet", r["coder"]))
            continue
        final = r["final"] if r["final"] is not None else item.pk not in with_final
        if final:
            with_final.add(item.pk)
        codings.append(Coding(item=item, coder=r["coder"], programme=r["programme"], subject=r["subject"],
                              candidate_id=r["candidate_id"], party_id=r["party_id"], amount=r["amount"],
                              tone=r["tone"], speech=r["speech"], language=r["language"], final=final))
    if errors:
        raise TableError(origin, errors)  # the transaction rolls the new items back
    Coding.objects.bulk_create(codings)
    record_many(actor=actor, events=[*(_created(states.ITEM, i) for i in new_items),
                                     *(_created(states.CODING, c) for c in codings)])
    return {"items": len(new_items), "codings": len(codings)}


def import_outlets(*, actor: Actor, election: Election, path: str | Path) -> list[Outlet]:
    """Outlets from a CSV or XLSX file (columns of :data:`OUTLET_COLUMNS`); all or nothing."""
    rows = parse_table(path, OUTLET_COLUMNS)
    return write_outlets(actor=actor, election=election, rows=rows, origin=Path(path).name)


def import_codings(*, actor: Actor, election: Election, path: str | Path) -> dict[str, int]:
    """Coded items from a CSV or XLSX file (columns of :data:`CODING_COLUMNS`); all or nothing."""
    rows = parse_table(path, CODING_COLUMNS)
    return write_codings(actor=actor, election=election, rows=rows, origin=Path(path).name)


def code_item(*, actor: Actor, election: Election, values: Mapping) -> Coding:
    """One coding from the coder's page: ``values`` as a row of :data:`CODING_COLUMNS`
    (``coder`` defaults to the actor's name). Raises :class:`TableError` naming each
    field that is wrong."""
    row = {"coder": actor.name, **values, "_row": 1}
    write_codings(actor=actor, election=election, rows=[row], origin="coding")
    outlet = Outlet.objects.get(election=election, code=row["outlet"])
    aired = _time(row["aired_at"], outlet)
    return Coding.objects.get(item__outlet=outlet, item__aired_at=aired, coder=row["coder"])


@transaction.atomic
def settle(*, actor: Actor, coding: Coding, reason: str = "") -> Coding:
    """Make ``coding`` the one analysed for its item (the others of the item stop being)."""
    siblings = list(Coding.objects.select_for_update().filter(item_id=coding.item_id).order_by("pk"))
    events = []
    for c in siblings:
        want = c.pk == coding.pk
        if c.final != want:
            before = states.state(states.CODING, c)
            c.final = want
            c.save(update_fields=["final"])
            events.append(Event("media.coding.updated", states.CODING[0], c.pk, str(c), before=before,
                                after=states.state(states.CODING, c), reason=reason or "settled by a supervisor"))
    if not events:
        raise ValueError(f"the coding by {coding.coder} is already the one analysed for item {coding.item}")
    record_many(actor=actor, events=events)
    return next(c for c in siblings if c.pk == coding.pk)
