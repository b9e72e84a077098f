"""Edits, review status and quality checks of stored submissions."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from saylau.core.actors import Actor
from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.ledger.core.chain import canonical_json
from saylau.ledger.services import Event, record, record_many
from saylau.observation.choices import SubmissionStatus
from saylau.observation.core.quality import Flag, run_checks
from saylau.observation.core.validate import validate_answers
from saylau.observation.models import (
    Deployment,
    FormDefinition,
    QualityFlag,
    Submission,
    SubmissionVersion,
)
from saylau.observation.services.ingest import attach_file_hashes, jsonable, submission_state


class VersionConflict(Exception):
    """The submission has moved past the version a change was made against."""

    def __init__(self, current: int, expected: int) -> None:
        self.current, self.expected = current, expected
        super().__init__(f"the submission is at version {current}, not {expected}: read it again and "
                         "make the change on the current version")


@transaction.atomic
def edit_submission(*, actor: Actor, submission: Submission, answers: Mapping[str, Any], channel: str,
                    reason: str = "", lang: str = "en", expected_version: int | None = None) -> Submission:
    """Store new answers as the next version (validated against the submission's
    form); raises ValidationError with messages per field. Answers equal to the
    current version's write nothing (a retried edit adds no version): the
    submission is returned as it is. ``expected_version``: the version the change
    replaces; a submission at another version raises :class:`VersionConflict`
    (after the retry check, so a retried change is still acknowledged)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    checked = validate_answers(submission.form.form, answers, lang)
    if not checked.ok:
        errors: dict[str, list[str]] = {}
        for e in checked.errors:
            errors.setdefault(e.field, []).append(e.message)
        raise ValidationError(errors)
    if canonical_json(jsonable(checked.answers)) == canonical_json(submission.answers):
        return submission
    if expected_version is not None and expected_version != submission.version:
        raise VersionConflict(submission.version, expected_version)
    before = submission_state(submission)
    submission.answers = jsonable(checked.answers)
    submission.version += 1
    submission.save(update_fields=["answers", "version"])
    SubmissionVersion.objects.create(submission=submission, version=submission.version, answers=submission.answers,
                                     channel=channel, actor=actor.name, user_id=actor.user_id,
                                     created_at=timezone.now(), reason=reason[:200])
    record(actor=actor, event=Event("observation.submission.edited", "observation.submission", submission.pk,
                                    str(submission), before=before, after=submission_state(submission),
                                    reason=reason, extra={"channel": channel}))
    return submission


@transaction.atomic
def set_status(*, actor: Actor, submission: Submission, status: str, reason: str = "") -> Submission:
    """Move a submission to new/flagged/verified/rejected (a rejection needs a reason)."""
    if status not in SubmissionStatus.values:
        raise ValidationError({"status": f"one of {', '.join(SubmissionStatus.values)}"})
    if status == SubmissionStatus.REJECTED and not reason:
        raise ValidationError({"reason": "say why the submission is rejected"})
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    before = submission_state(submission)
    submission.status = status
    submission.save(update_fields=["status"])
    record(actor=actor, event=Event("observation.submission.reviewed", "observation.submission", submission.pk,
                                    str(submission), before=before, after=submission_state(submission),
                                    reason=reason))
    return submission


def deployments_frame(election: Election) -> pl.DataFrame:
    """(team_id, station_code) for every station, DEC and region code a team covers."""
    pairs: list[tuple[str, str]] = []
    places = list(Unit.objects.filter(election=election, level__in=[UnitLevel.STATION, UnitLevel.DISTRICT, UnitLevel.REGION])
                  .values_list("code", "path"))
    below: dict[str, list[str]] = {}
    for code, path in places:
        parts = path.split("/")
        for i in range(1, len(parts) + 1):
            below.setdefault("/".join(parts[:i]), []).append(code)
    for team, path in Deployment.objects.filter(team__election=election).values_list("team__code", "unit__path"):
        pairs += [(team, code) for code in below.get(path, [])]
    return pl.DataFrame(pairs, schema={"team_id": pl.Utf8, "station_code": pl.Utf8}, orient="row")


def run_quality_checks(*, actor: Actor, election: Election, lang: str = "en") -> list[Flag]:
    """Run every quality check over all submissions at once; replace the stored
    flags; move flagged submissions that are still ``new`` to ``flagged`` (one
    ledger entry each) and record the flags stored (``observation.quality.checked``,
    :func:`flags_state`). Returns the flags."""
    from saylau.observation.selectors import submissions_frame

    # every stored submission, whatever the findings' review policy: checks flag pending ones
    frame = submissions_frame(election, statuses=SubmissionStatus.values)
    if frame.is_empty():
        return []
    frame = frame.with_columns(team_id=pl.col("team_code").replace("", None))
    forms = {d.form_id: d.form for d in FormDefinition.objects.filter(election=election, active=True)}
    flags = run_checks(frame, forms, deployments_frame(election), lang=lang)
    now = timezone.now()
    with transaction.atomic():
        QualityFlag.objects.filter(election=election).delete()
        rows = [QualityFlag(election=election, submission_id=int(sid), rule_id=f.rule_id, place=f.station_code,
                            reason=f.reason, related=[int(x) for x in f.submission_ids if x != sid], created_at=now)
                for f in flags for sid in f.submission_ids]
        QualityFlag.objects.bulk_create(rows, batch_size=2000)
        ids = {r.submission_id for r in rows}
        to_flag = list(Submission.objects.select_for_update().filter(
            election=election, pk__in=ids, status=SubmissionStatus.NEW))
        attach_file_hashes(to_flag)
        events = []
        for s in to_flag:
            before = submission_state(s)
            s.status = SubmissionStatus.FLAGGED
            events.append(Event("observation.submission.flagged", "observation.submission", s.pk, str(s),
                                before=before, after=submission_state(s)))
        Submission.objects.bulk_update(to_flag, ["status"], batch_size=2000)
        events.append(Event("observation.quality.checked", "observation.qualityflags", election.pk, election.slug,
                            after=flags_state((r.submission_id, r.rule_id, r.place, r.reason, r.related)
                                              for r in rows)))
        record_many(actor=actor, events=events)
    return flags


def flags_state(rows) -> dict:
    """The ledger state of an election's stored quality flags: how many, and the SHA-256 of
    their ``(submission id, rule, place, reason, related ids)`` in canonical JSON, sorted."""
    flags = sorted([int(sid), rule, place, reason, sorted(int(x) for x in related)]
                   for sid, rule, place, reason, related in rows)
    return {"flags": len(flags), "sha256": hashlib.sha256(canonical_json(flags)).hexdigest()}
