"""Ingestion: the one service every channel (API, OpenRosa, SMS, file import,
simulation) calls to store submissions.

Order of checks for each item: a uuid seen before is a repeat. A repeat is
acknowledged (``outcome="duplicate"``, the stored submission returned
unchanged) only when it is the same report: the same sender (an observer's
own submission; staff and analysts read every submission), the same form and
place, the answers of one of its stored versions (validated as on arrival, so
``"5"`` and ``5`` for an integer are the same), and the same ``submitted_at``
when the item gives one. Anything else is refused with ``outcome="conflict"``
and nothing of the stored submission (no id, no URL, no place), so a caller
learns nothing of a submission they may not read and is never told that a
report that was dropped was stored. A deliberate change is a new version
(:func:`saylau.observation.services.edit_submission`; the API's
``POST submissions/<id>/versions/``). Then, for a new uuid, the form must exist; the answers must pass :func:`validate_answers` (errors per
field, nothing stored); the place must exist; and when an observer submits,
their team's deployment must cover the place (``outcome="forbidden"``).
Accepted items are stored with their first version and a ledger entry
``observation.submission.accepted``, in one transaction.

Files (photo, audio, video and file answers) come with an item from the
channels that carry them (the JSON API's multipart form, OpenRosa's extra
parts; other channels send none): checked by :func:`saylau.observation.core.files.file_errors` after the
answers (sizes, every file the answer to a file question, every such answer's
file sent), stored in the same transaction as the submission, and their
SHA-256 put in the ledger entry's state (``files``: name -> hash). A repeat is
the same report only when its files' hashes are the same too.

A channel whose clients split a report's files over several requests (ODK
Collect does when a submission is larger than the server takes in one body:
each request repeats the instance with some of the files) sets
``files_may_follow``: the first request stores the report with the files it
carries, a named file not yet sent is awaited rather than refused, and a later
request with the same report adds the files not stored yet
(``outcome="files_added"``, a ledger entry ``observation.submission.files_added``
with the files' hashes before and after). A file sent again must have the same
bytes; other bytes under a stored name are a conflict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid as uuidlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from saylau import db
from saylau.core.actors import Actor
from saylau.geography.models import Election
from saylau.ledger.core.chain import canonical_json
from saylau.ledger.selectors import receipt_of
from saylau.ledger.services import Event, record, record_many
from saylau.observation.core.files import file_errors, sha256
from saylau.observation.core.sms import sms_form
from saylau.observation.core.validate import validate_answers
from saylau.observation.models import (
    FormDefinition,
    Observer,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    Team,
)
from saylau.observation.services.places import Place, PlaceIndex, deployment_paths

Outcome = Literal["created", "duplicate", "files_added", "conflict", "invalid", "forbidden"]
PLACE_FIELDS = ("station_code", "dec_code", "region_code")


@dataclass(frozen=True)
class Attachment:
    """A file sent with a submission, named by the answer that holds its name."""

    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class SubmissionInput:
    """One submission as a channel received it. Place codes may be left empty
    when the answers carry them (the built-in forms ask for the place first)."""

    uuid: str
    form: str
    answers: Mapping[str, Any]
    station_code: str = ""
    dec_code: str = ""
    region_code: str = ""
    submitted_at: dt.datetime | str | None = None
    team_code: str = ""
    partial: bool = False  # coded SMS: only coded questions are required (see sms.sms_form)
    #: the files sent with it (file name -> file); a channel that carries none (SMS, file
    #: imports) sends none, so a file answer there is refused as naming a file not sent
    files: Mapping[str, Attachment] = field(default_factory=dict)
    #: the channel may send the report's files over several requests (see the module docstring)
    files_may_follow: bool = False

    def file_hashes(self) -> dict[str, str]:
        return {name: sha256(a.data) for name, a in self.files.items()}


@dataclass(frozen=True)
class Lookups:
    """What validating a batch reads from the database, loaded once per batch.
    :func:`load_lookups` reads it with the ORM; a caller that already holds it
    (the API's single-POST path reads it in one query) may pass it in."""

    existing: dict[uuidlib.UUID, Submission]
    forms: dict[str, FormDefinition]
    places: PlaceIndex
    teams: dict[str, Team]  # by code, for items naming a team (imports)
    allowed: list[str] | None  # unit paths the submitting observer's team covers; None: anywhere


@dataclass(frozen=True)
class IngestResult:
    outcome: Outcome
    submission: Submission | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.outcome in ("created", "duplicate", "files_added")


def jsonable(value: Any) -> Any:
    """Validated answers as JSON values: dates and times as ISO text, tuples as lists."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    return value


#: what a refused repeat is told (``outcome="conflict"``), in the caller's language
CONFLICT = {
    "en": "a submission with this uuid is already stored and this one differs from it (other answers, "
          "place, form or sender): it was not stored. A new report needs a new uuid; to correct a "
          "report you sent, send a new version of it.",
    "ru": "анкета с этим uuid уже сохранена, и эта отличается от неё (ответы, участок, форма или "
          "отправитель): она не сохранена. Для нового отчёта нужен новый uuid; чтобы исправить "
          "отправленный отчёт, отправьте его новую версию.",
    "kk": "осы uuid бар сауалнама бұрыннан сақталған, ал мынау одан өзгеше (жауаптар, учаске, нысан "
          "немесе жіберуші): ол сақталмады. Жаңа есепке жаңа uuid керек; жіберген есепті түзету "
          "үшін оның жаңа нұсқасын жіберіңіз.",
}


def conflict_message(lang: str) -> str:
    return CONFLICT.get(lang, CONFLICT["en"])


def answers_digest(answers: Any) -> str:
    return hashlib.sha256(canonical_json(answers)).hexdigest()


def attach_file_hashes(subs: Sequence[Submission]) -> None:
    """Read the stored files' hashes of ``subs`` in one query and keep them on each
    (what :func:`file_hashes` and :func:`submission_state` read)."""
    hashes: dict[int, dict[str, str]] = {s.pk: {} for s in subs}
    if hashes:
        for sid, name, digest in SubmissionFile.objects.filter(submission_id__in=list(hashes)).values_list(
                "submission_id", "filename", "sha256"):
            hashes[sid][name] = digest
    for s in subs:
        s._file_hashes = hashes[s.pk]


def file_hashes(s: Submission) -> dict[str, str]:
    """File name -> SHA-256 of the files stored with ``s`` (read once, then kept on it)."""
    hashes = getattr(s, "_file_hashes", None)
    if hashes is None:
        hashes = dict(SubmissionFile.objects.filter(submission_id=s.pk).order_by().values_list(
            "filename", "sha256")) if s.pk else {}
        s._file_hashes = hashes
    return hashes


def submission_state(s: Submission) -> dict[str, Any]:
    """What the ledger vouches for (``ledger_snapshots`` computes the same from the
    tables): ``files`` only for a submission that has files."""
    state = {"uuid": str(s.uuid), "form": s.form_code, "version": s.version, "status": s.status,
             "answers_sha256": answers_digest(s.answers)}
    hashes = file_hashes(s)
    if hashes:
        state["files"] = dict(sorted(hashes.items()))
    return state


def _when(value: dt.datetime | str | None, now: dt.datetime) -> dt.datetime | None:
    if value in (None, ""):
        return now
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


def _uuid(text: str) -> uuidlib.UUID | None:
    try:
        return uuidlib.UUID(str(text).removeprefix("uuid:"))
    except (ValueError, AttributeError, TypeError):
        return None


def _forms(election: Election, ids: set[str]) -> dict[str, FormDefinition]:
    return {d.form_id: d for d in FormDefinition.objects.filter(
        election=election, form_id__in=ids, active=True).defer("xlsx").order_by()}


def submit(*, actor: Actor, election: Election, item: SubmissionInput, channel: str,
           observer: Observer | None = None, lang: str = "en") -> IngestResult:
    """Store one submission (see the module docstring); a retry is a no-op."""
    return submit_many(actor=actor, election=election, items=[item], channel=channel,
                       observer=observer, lang=lang)[0]


def submit_many(*, actor: Actor, election: Election, items: Sequence[SubmissionInput], channel: str,
                observer: Observer | None = None, lang: str = "en", atomic_all: bool = False,
                lookups: Lookups | None = None, group_commit: bool = False) -> list[IngestResult]:
    """Store a batch; one result per item, in order. Items are independent: a
    bad item is refused and the good ones stored, unless ``atomic_all`` (file
    imports), when any refused item means nothing is stored.

    ``group_commit`` (a single item, outside any transaction): the item is
    written together with other threads' items in one transaction (see
    :class:`saylau.db.GroupCommit`); the API's single POST uses it."""
    for attempt in range(3):
        try:
            return _submit_many(actor, election, items, channel, observer, lang, atomic_all,
                                lookups if attempt == 0 else None, group_commit)
        except IntegrityError:  # a concurrent request stored one of these uuids first
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def place_codes(items: Sequence[SubmissionInput]) -> dict[str, list[str]]:
    """Station, DEC and region code of each item: its own field, else its answers'."""
    def code(item: SubmissionInput, name: str) -> str:
        value = getattr(item, name) or (item.answers.get(name, "") if isinstance(item.answers, Mapping) else "")
        return str(value or "").strip()

    return {name: [code(i, name) for i in items] for name in PLACE_FIELDS}


def load_lookups(election: Election, items: Sequence[SubmissionInput], observer: Observer | None,
                 codes: dict[str, list[str]] | None = None) -> Lookups:
    """``codes``: :func:`place_codes` of ``items``, if the caller has them already."""
    keys = [k for k in (_uuid(i.uuid) for i in items) if k]
    codes = codes or place_codes(items)
    team = observer.team if observer is not None else None
    team_codes = {i.team_code for i in items} - {""}
    existing = {s.uuid: s for s in Submission.objects.filter(uuid__in=keys).select_related("form")
                .defer("form__xlsx").order_by()}
    attach_file_hashes(list(existing.values()))  # a repeat compares its files: one query, not one per repeat
    return Lookups(
        existing=existing,
        forms=_forms(election, {i.form for i in items}),
        places=PlaceIndex.load(election, codes["station_code"], codes["dec_code"], codes["region_code"]),
        teams={} if observer is not None or not team_codes else {
            t.code: t for t in Team.objects.filter(election=election, code__in=team_codes).order_by()},
        allowed=allowed_paths(observer, deployment_paths([team.pk]).get(team.pk, []) if team else []),
    )


def allowed_paths(observer: Observer | None, team_paths: list[str]) -> list[str] | None:
    """Where an observer may report from: their team's deployment. A field observer
    without a team covers nothing; staff (no observer), core team and coordinators roam."""
    if observer is None:
        return None
    if observer.team_id is None:
        return [] if observer.role in ("sto", "lto") else None
    return team_paths


def _submit_many(actor, election, items, channel, observer, lang, atomic_all, lookups,
                 group_commit) -> list[IngestResult]:
    now = timezone.now()
    results: list[IngestResult | None] = [None] * len(items)
    keys = [_uuid(i.uuid) for i in items]
    codes = place_codes(items)
    found = lookups or load_lookups(election, items, observer, codes)
    existing, forms, index, teams, allowed = found.existing, found.forms, found.places, found.teams, found.allowed
    answers_of = [dict(i.answers) if isinstance(i.answers, Mapping) else None for i in items]
    team = observer.team if observer is not None and observer.team_id is not None else None
    accepted: list[tuple[int, Submission]] = []
    seen: dict[uuidlib.UUID, int] = {}
    for k, item in enumerate(items):
        key = keys[k]
        if key is None:
            results[k] = IngestResult("invalid", errors={"uuid": [f"not a UUID: {item.uuid!r}"]})
            continue
        if key in existing:
            same = _same_report(existing[key], item, answers_of[k], codes, k, index, teams, observer, lang, now)
            if same and item.files_may_follow and set(item.files) - set(file_hashes(existing[key])):
                results[k] = add_files(actor=actor, submission=existing[key], item=item, channel=channel, lang=lang)
                continue
            if same:
                existing[key].receipt = receipt_of("observation.submission", existing[key].pk)
            results[k] = IngestResult("duplicate", existing[key]) if same else _conflict(lang)
            continue
        if key in seen:
            first = seen[key]
            if not _same_input(items[first], item, answers_of[first], answers_of[k]):
                results[k] = _conflict(lang)
            continue  # else resolved after the batch is stored
        definition = forms.get(item.form)
        if definition is None:
            results[k] = IngestResult("invalid", errors={"form": [f"no form {item.form!r} in this election"]})
            continue
        if answers_of[k] is None:
            results[k] = IngestResult("invalid", errors={"answers": ["expected an object of answers"]})
            continue
        form = sms_form(definition.form) if item.partial else definition.form
        checked = validate_answers(form, answers_of[k], lang)
        if not checked.ok:
            errors: dict[str, list[str]] = {}
            for e in checked.errors:
                errors.setdefault(e.field, []).append(e.message)
            results[k] = IngestResult("invalid", errors=errors)
            continue
        errors = file_errors(form, checked.answers or {}, {n: a.size for n, a in item.files.items()}, lang,
                             stored={} if item.files_may_follow else None)
        if errors:
            results[k] = IngestResult("invalid", errors=errors)
            continue
        place, errors = index.resolve(*(codes[n][k] for n in PLACE_FIELDS))
        submitted_at = _when(item.submitted_at, now)
        if submitted_at is None:
            errors["submitted_at"] = ["expected an ISO 8601 date and time"]
        if item.team_code and observer is None and item.team_code not in teams:
            errors["team_code"] = [f"no team {item.team_code!r} in this election"]
        if errors:
            results[k] = IngestResult("invalid", errors=errors)
            continue
        assert place is not None
        if allowed is not None and not place.covered_by(allowed):
            results[k] = IngestResult("forbidden", errors={"station_code": [
                "this place is outside your team's deployment"]})
            continue
        seen[key] = k
        accepted.append((k, _build(election, definition, key, place, checked.answers or {}, submitted_at,
                                   now, channel, observer, team or teams.get(item.team_code), item.files)))
    if atomic_all and any(r is not None and not r.ok for r in results):
        return [r or IngestResult("invalid", errors={"": ["not stored: other rows were refused"]})
                for r in results]
    if len(accepted) == 1 and group_commit and not connection.in_atomic_block:
        _GROUP.submit((actor, accepted[0][1]))
    elif accepted:
        _store([(actor, s) for _, s in accepted])
    for k, s in accepted:
        results[k] = IngestResult("created", s)
    for k, key in enumerate(keys):
        if results[k] is None and key in seen:
            results[k] = IngestResult("duplicate", results[seen[key]].submission)  # type: ignore[union-attr]
    return results  # type: ignore[return-value]


def _conflict(lang: str) -> IngestResult:
    return IngestResult("conflict", errors={"uuid": [conflict_message(lang)]})


def _same_input(a: SubmissionInput, b: SubmissionInput, answers_a, answers_b) -> bool:
    """Two items of one batch with the same uuid are the same report when they say the same."""
    return (a.form == b.form and (a.station_code, a.dec_code, a.region_code, a.team_code, a.partial)
            == (b.station_code, b.dec_code, b.region_code, b.team_code, b.partial)
            and str(a.submitted_at or "") == str(b.submitted_at or "")
            and a.file_hashes() == b.file_hashes()
            and canonical_json(jsonable(answers_a)) == canonical_json(jsonable(answers_b)))


def _same_report(stored: Submission, item: SubmissionInput, answers: dict | None, codes: dict[str, list[str]],
                 k: int, index: PlaceIndex, teams: dict[str, Team], observer: Observer | None, lang: str,
                 now: dt.datetime) -> bool:
    """Whether ``item`` repeats ``stored`` (see the module docstring): what a
    repeat may be acknowledged with, without telling the caller anything else."""
    if observer is not None and stored.observer_id != observer.pk:
        return False  # another observer's (or staff's) submission: not this caller's to be told of
    if item.form != stored.form_code or answers is None:
        return False
    sent, kept = item.file_hashes(), file_hashes(stored)
    if item.files_may_follow:
        if any(kept.get(name, digest) != digest for name, digest in sent.items()):
            return False  # a file sent again with other bytes
    elif sent != kept:
        return False
    place, errors = index.resolve(*(codes[n][k] for n in PLACE_FIELDS))
    if errors or place is None or (place.station_code, place.dec_code, place.region_code) != (
            stored.station_code, stored.dec_code, stored.region_code):
        return False
    if item.submitted_at not in (None, ""):
        when = _when(item.submitted_at, now)
        if when is None or when != stored.submitted_at:
            return False
    if observer is None and item.team_code:
        team = teams.get(item.team_code)
        if team is None or team.pk != stored.team_id:
            return False
    form = sms_form(stored.form.form) if item.partial else stored.form.form
    checked = validate_answers(form, answers, lang)
    sent = canonical_json(jsonable(checked.answers if checked.ok else answers))
    if sent == canonical_json(stored.answers):
        return True
    return any(sent == canonical_json(v) for v in
               SubmissionVersion.objects.filter(submission_id=stored.pk).values_list("answers", flat=True))


@transaction.atomic
def add_files(*, actor: Actor, submission: Submission, item: SubmissionInput, channel: str,
              lang: str = "en") -> IngestResult:
    """Store the files of ``item`` that ``submission`` (the same report, see
    :func:`_same_report`) does not hold yet: checked as on arrival against
    the files already stored, one ledger entry. A repeat of what is stored
    (another request was quicker) is a duplicate; other bytes under a stored
    name a conflict."""
    s = Submission.objects.select_for_update().select_related("form").get(pk=submission.pk)
    stored = {name: (digest, size) for name, digest, size in
              SubmissionFile.objects.filter(submission_id=s.pk).values_list("filename", "sha256", "size")}
    kept = {name: digest for name, (digest, _) in stored.items()}
    sent = item.file_hashes()
    if any(kept.get(name, digest) != digest for name, digest in sent.items()):
        return _conflict(lang)
    new = {name: a for name, a in item.files.items() if name not in kept}
    if not new:
        s._file_hashes = kept
        s.receipt = receipt_of("observation.submission", s.pk)
        return IngestResult("duplicate", s)
    errors = file_errors(s.form.form, s.answers, {n: a.size for n, a in new.items()}, lang,
                         stored={name: size for name, (_, size) in stored.items()})
    if errors:
        return IngestResult("invalid", errors=errors)
    s._file_hashes = kept
    before = submission_state(s)
    SubmissionFile.objects.bulk_create([
        SubmissionFile(submission_id=s.pk, filename=name, content_type=a.content_type[:100], data=a.data,
                       sha256=sha256(a.data), size=a.size) for name, a in sorted(new.items())])
    s._file_hashes = {**kept, **{name: sha256(a.data) for name, a in new.items()}}
    entry = record(actor=actor, event=Event(
        "observation.submission.files_added", "observation.submission", s.pk, str(s), before=before,
        after=submission_state(s), extra={"channel": channel, "files": sorted(new)}))
    s.receipt = {"sequence": entry.sequence, "hash": entry.hash}
    return IngestResult("files_added", s)


def _build(election, definition, key, place: Place, answers, submitted_at, now, channel, observer,
           team, files: Mapping[str, Attachment] | None = None) -> Submission:
    s = db.instance(
        Submission, election=election, uuid=key, form=definition, form_code=definition.form_id,
        team=team, observer=observer, station_code=place.station_code, dec_code=place.dec_code,
        region_code=place.region_code, urban=place.urban, submitted_at=submitted_at,
        received_at=now, channel=channel, answers=jsonable(answers),
    )
    s._files = [SubmissionFile(filename=name, content_type=a.content_type[:100], data=a.data,
                               sha256=sha256(a.data), size=a.size) for name, a in sorted((files or {}).items())]
    s._file_hashes = {f.filename: f.sha256 for f in s._files}
    return s


@transaction.atomic
def _store(entries: Sequence[tuple[Actor, Submission]]) -> list[Submission]:
    """Write accepted submissions, their first versions and their ledger entries."""
    subs = [s for _, s in entries]
    versions = [db.instance(SubmissionVersion, submission=s, version=1, answers=s.answers, channel=s.channel,
                            actor=a.name, user_id=a.user_id, created_at=s.received_at) for a, s in entries]
    # on PostgreSQL one prepared statement reading JSON record sets: Django's ``bulk_create``
    # quotes every value into array text on the client, which for JSON answers costs more
    # than a whole request may spend; the versions' answers are taken from the inserted rows
    db.insert_with_children(subs, versions, key="uuid", link="submission", shared={"answers": "answers"})
    files = [f for s in subs for f in getattr(s, "_files", ())]
    for s in subs:
        for f in getattr(s, "_files", ()):
            f.submission_id = s.pk
    if files:
        SubmissionFile.objects.bulk_create(files)
    first = entries[0][0]
    recorded = record_many(actor=first, events=[
        Event("observation.submission.accepted", "observation.submission", s.pk, str(s),
              after=submission_state(s), extra={"channel": s.channel}, actor=None if a == first else a)
        for a, s in entries])
    for s, entry in zip(subs, recorded, strict=True):  # what the caller is told to keep (docs/ledger.md)
        s.receipt = {"sequence": entry.sequence, "hash": entry.hash}
    return subs


#: Single API submissions of this process's threads, written in groups.
_GROUP: db.GroupCommit[tuple[Actor, Submission], Submission] = db.GroupCommit(_store)
