"""Bulk import of submissions of one form from CSV or XLSX.

Columns: optional ``uuid``, ``team_code``, ``station_code``, ``dec_code``,
``region_code``, ``submitted_at`` (ISO 8601), then one column per top-level
question of the form (repeats cannot be imported this way). Empty cells are
unanswered. A row without a uuid gets one derived from the form id and the
row's cells, so importing the same file again is a no-op. Every problem is
reported as *row, column, what was wrong*; if any row is refused, nothing of
the file is stored.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from saylau.core.actors import Actor
from saylau.core.tabular import CellError, TableError, read_raw
from saylau.geography.models import Election
from saylau.observation.choices import SubmissionChannel
from saylau.observation.models import FormDefinition
from saylau.observation.services.ingest import IngestResult, SubmissionInput, submit_many

META_COLUMNS = ("uuid", "team_code", "station_code", "dec_code", "region_code", "submitted_at")


def import_submissions(*, actor: Actor, election: Election, path: str | Path, form_id: str,
                       lang: str = "en") -> list[IngestResult]:
    """Import the file (all or nothing); returns one result per row. Raises TableError."""
    name = Path(path).name
    definition = FormDefinition.objects.filter(election=election, form_id=form_id, active=True).first()
    if definition is None:
        raise TableError(name, [CellError(0, "", f"a form of this election (--form {form_id})", form_id)])
    header, rows = read_raw(path)
    questions = {q.name for q in definition.form.questions()}
    unknown = [h for h in header if h and h not in questions and h not in META_COLUMNS]
    if unknown:
        raise TableError(name, [CellError(1, h, f"a question of form {form_id!r} or one of "
                                          f"{', '.join(META_COLUMNS)}", h) for h in unknown])
    items, numbers, records = [], [], []
    for number, cells in enumerate(rows, start=2):
        record = {h: (c or "").strip() for h, c in zip(header, cells, strict=False) if h}
        if not any(record.values()):
            continue
        answers = {k: v for k, v in record.items() if k in questions and v != ""}
        key = record.get("uuid") or str(uuid.uuid5(uuid.NAMESPACE_URL, f"{form_id}:" + "|".join(
            f"{k}={record[k]}" for k in sorted(record))))
        items.append(SubmissionInput(
            uuid=key, form=form_id, answers=answers, station_code=record.get("station_code", ""),
            dec_code=record.get("dec_code", ""), region_code=record.get("region_code", ""),
            submitted_at=record.get("submitted_at") or None, team_code=record.get("team_code", "")))
        numbers.append(number)
        records.append(record)
    results = submit_many(actor=actor, election=election, items=items, channel=SubmissionChannel.IMPORT,
                          lang=lang, atomic_all=True)
    errors = [CellError(number, column, f"a valid answer ({'; '.join(messages)})", record.get(column, ""))
              for number, record, result in zip(numbers, records, results, strict=True) if not result.ok
              for column, messages in result.errors.items() if column]
    if errors or any(not r.ok for r in results):
        raise TableError(name, errors)
    return results
