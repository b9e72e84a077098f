"""Forms in the database: seed the built-in set, import an XLSForm (with its
media files), export it."""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
from collections.abc import Mapping
from pathlib import Path, PurePath

from django.core.exceptions import ValidationError
from django.db import transaction

from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.services import Event, record, record_many
from saylau.observation.core.forms import BUILTIN_FORM_IDS, FORMS_DIR
from saylau.observation.core.xlsform import XLSFormError, read_xlsform, workbook_bytes
from saylau.observation.core.xlsform.model import Form
from saylau.observation.models import FormDefinition, ObservationSettings
from saylau.observation.models.forms import FormMedia, remember_form

#: a media file's size limit (ODK Central's default upload limit is larger; forms here are checklists)
MAX_MEDIA_BYTES = 20 * 1024 * 1024
_MEDIA_REF = re.compile(r"jr://(?:images|audio|video|file|file-csv)/([^\"'<>\s]+)")


def _event(definition: FormDefinition, code: str) -> Event:
    return Event(code, "observation.form", definition.pk, str(definition),
                 after={"form_id": definition.form_id, "version": definition.version,
                        "md5": definition.md5, "active": definition.active})


def parse_form(data: bytes, name: str | None = None, version: str | None = None) -> Form:
    """The form in an XLSForm's bytes (.xlsx, .xls, .csv), read and converted by
    pyxform; anything pyxform refuses raises XLSFormError with its reason."""
    if not data:
        raise XLSFormError("workbook", 0, "", "not an XLSForm .xlsx workbook (an empty file)")
    return read_xlsform(data, name=name, version=version)


def media_names(xform: str) -> list[str]:
    """The files an XForm refers to (``jr://images/a.png``, ``jr://file-csv/b.csv``), in order."""
    return list(dict.fromkeys(_MEDIA_REF.findall(xform)))


def _timestamp() -> str:
    """A version for a form whose settings sheet has none (as ODK Central gives one)."""
    return dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")


def _definition(election: Election, data: bytes, filename: str | None = None) -> FormDefinition:
    name = PurePath(filename).stem if filename else None
    form = parse_form(data, name=name, version=_timestamp())
    same = FormDefinition.objects.filter(election=election, form_id=form.form_id, version=form.version).first()
    if same is not None:
        md5 = hashlib.md5(data).hexdigest()  # noqa: S324
        what = "the same workbook" if same.md5 == md5 else "a different workbook"
        raise ValidationError(f"form '{form.form_id}' version '{form.version}' is already stored ({what}): "
                              "give the new workbook a higher version in its settings sheet")
    md5 = hashlib.md5(data).hexdigest()  # noqa: S324 - OpenRosa names md5
    remember_form(md5, form)
    definition = FormDefinition(election=election, form_id=form.form_id, version=form.version,
                                title=form.title[:200], xlsx=data, md5=md5)
    definition.full_clean(validate_constraints=False)
    return definition


def _media(definition: FormDefinition, media: Mapping[str, bytes]) -> list[FormMedia]:
    out = []
    for filename, content in sorted(media.items()):
        base = PurePath(filename).name
        if not base or base != filename.replace("\\", "/").rsplit("/", 1)[-1]:
            raise ValidationError(f"media file name {filename!r} is not a plain file name")
        if len(content) > MAX_MEDIA_BYTES:
            raise ValidationError(f"media file {base}: {len(content):,} bytes, at most {MAX_MEDIA_BYTES:,}")
        out.append(FormMedia(definition=definition, filename=base, data=content, size=len(content),
                             content_type=mimetypes.guess_type(base)[0] or "application/octet-stream",
                             md5=hashlib.md5(content).hexdigest()))  # noqa: S324 - OpenRosa's manifest hash
    return out


@transaction.atomic
def import_form(*, actor: Actor, election: Election, data: bytes, filename: str | None = None,
                media: Mapping[str, bytes] | None = None) -> FormDefinition:
    """Store a new XLSForm (or version) for ``election``, with its XForm and
    media files, and make it the active version of its form id.

    ``filename``: the file's name (its stem is the form id when the settings
    sheet has none); ``media``: file name -> bytes (images, CSV...). Raises
    XLSFormError for a form pyxform refuses (nothing stored) and
    ValidationError when that form id and version exist already."""
    definition = _definition(election, data, filename)
    previous = list(FormDefinition.objects.select_for_update().filter(
        election=election, form_id=definition.form_id, active=True))
    files = _media(definition, media or {})
    events = []
    for old in previous:
        old.active = False
        old.save(update_fields=["active"])
        events.append(_event(old, "observation.form.retired"))
    definition.save()
    for item in files:
        item.definition = definition
        item.save()
    events.append(_event(definition, "observation.form.imported"))
    record_many(actor=actor, events=events)
    return definition


def media_beside(path: Path, xform: str) -> dict[str, bytes]:
    """The media files an XForm names that sit beside the workbook (or in
    ``<name>-media/``, as ODK tools put them)."""
    out = {}
    for name in media_names(xform):
        for folder in (path.parent, path.parent / f"{path.stem}-media"):
            candidate = folder / name
            if candidate.is_file():
                out[name] = candidate.read_bytes()
                break
    return out


@transaction.atomic
def seed_builtin_forms(*, actor: Actor, election: Election) -> list[FormDefinition]:
    """Store the built-in forms for ``election`` (those not stored yet)."""
    have = set(FormDefinition.objects.filter(election=election).values_list("form_id", flat=True))
    created = []
    for form_id in BUILTIN_FORM_IDS:
        if form_id in have:
            continue
        definition = _definition(election, (FORMS_DIR / f"{form_id}.xlsx").read_bytes(), f"{form_id}.xlsx")
        definition.save()
        created.append(definition)
    if created:
        record_many(actor=actor, events=[_event(d, "observation.form.imported") for d in created])
    return created


def export_xlsx(definition: FormDefinition) -> bytes:
    """The stored workbook, byte for byte (the source of truth)."""
    return bytes(definition.xlsx)


def export_xform(definition: FormDefinition) -> str:
    """The XForm XML made at import and stored with the form."""
    return definition.xform


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
