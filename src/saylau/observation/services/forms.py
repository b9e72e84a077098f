"""Forms in the database: seed the built-in set, import an XLSForm, export it."""

from __future__ import annotations

import hashlib

from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record, record_many
from saylau.observation.core.forms import BUILTIN_FORM_IDS, FORMS_DIR
from saylau.observation.core.xlsform import XLSFormError, read_xlsform, to_xform, workbook_bytes
from saylau.observation.core.xlsform.model import Form
from saylau.observation.models import FormDefinition, ObservationSettings


def _event(definition: FormDefinition, code: str) -> Event:
    return Event(code, "observation.form", definition.pk, str(definition),
                 after={"form_id": definition.form_id, "version": definition.version,
                        "md5": definition.md5, "active": definition.active})


def parse_form(data: bytes) -> Form:
    """The form in an XLSForm workbook's bytes; anything that is not one
    (empty, binary, a broken or truncated zip, a workbook openpyxl or pyxform
    cannot read) raises XLSFormError saying what came."""
    if not data:
        raise XLSFormError("workbook", 0, "", "not an XLSForm .xlsx workbook (an empty file)")
    try:
        return read_xlsform(data)
    except XLSFormError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl and zipfile raise a dozen types for a broken workbook
        reason = str(error).splitlines()[0][:200] if str(error) else ""
        raise XLSFormError("workbook", 0, "", f"not an XLSForm .xlsx workbook ({type(error).__name__}"
                                              f"{': ' + reason if reason else ''})") from None


def _definition(election: Election, data: bytes) -> FormDefinition:
    form = parse_form(data)
    definition = FormDefinition(election=election, form_id=form.form_id, version=form.version,
                                title=form.title, xlsx=data,
                                md5=hashlib.md5(data).hexdigest())  # noqa: S324
    definition.full_clean()
    return definition


@transaction.atomic
def import_form(*, actor: Actor, election: Election, data: bytes) -> FormDefinition:
    """Store a new XLSForm (or version) for ``election`` and make it the active
    version of its form id. Raises XLSFormError for a malformed workbook and
    ValidationError when that form id and version exist already."""
    definition = _definition(election, data)
    previous = list(FormDefinition.objects.select_for_update().filter(
        election=election, form_id=definition.form_id, active=True))
    events = []
    for old in previous:
        old.active = False
        old.save(update_fields=["active"])
        events.append(_event(old, "observation.form.retired"))
    definition.save()
    events.append(_event(definition, "observation.form.imported"))
    record_many(actor=actor, events=events)
    return definition


@transaction.atomic
def seed_builtin_forms(*, actor: Actor, election: Election) -> list[FormDefinition]:
    """Store the built-in forms for ``election`` (those not stored yet)."""
    have = set(FormDefinition.objects.filter(election=election).values_list("form_id", flat=True))
    created = []
    for form_id in BUILTIN_FORM_IDS:
        if form_id in have:
            continue
        definition = _definition(election, (FORMS_DIR / f"{form_id}.xlsx").read_bytes())
        definition.save()
        created.append(definition)
    if created:
        record_many(actor=actor, events=[_event(d, "observation.form.imported") for d in created])
    return created


def export_xlsx(definition: FormDefinition) -> bytes:
    """The stored workbook, byte for byte (the source of truth)."""
    return bytes(definition.xlsx)


def export_xform(definition: FormDefinition) -> str:
    """The XForm XML that pyxform makes from the stored workbook."""
    return to_xform(definition.form)


def regenerate_xlsx(definition: FormDefinition) -> bytes:
    """The workbook written back from the parsed form (round-trip check)."""
    return workbook_bytes(definition.form)


@transaction.atomic
def set_timezone(*, actor: Actor, election: Election, timezone: str) -> ObservationSettings:
    """Set the election's local time zone (used for findings by hour)."""
    obj, _ = ObservationSettings.objects.get_or_create(election=election)
    before = obj.timezone
    obj.timezone = timezone
    obj.full_clean()
    obj.save(update_fields=["timezone"])
    record(actor=actor, event=Event("observation.settings.changed", "observation.settings", obj.pk,
                                    str(obj), before={"timezone": before}, after={"timezone": timezone}))
    return obj
