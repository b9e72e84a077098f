"""Bulk import of submissions of one form from CSV or XLSX.

Columns: optional ``uuid``, ``team_code``, ``station_code``, ``dec_code``,
``region_code``, ``submitted_at`` (ISO 8601), then one column per top-level
question of the form (repeats cannot be imported this way). Empty cells are
unanswered. A row without a uuid gets one derived from the form id and the
row's cells, so importing the same file again is a no-op. Every problem is
reported as *row, column, what was wrong*; if any row is refused, nothing of
the file is stored.

:func:`parse_submissions` is the reading half and needs no database (the
fuzz tests run it alone): the file's shape (a header naming each column
once, rows as long as it, at least one row), the columns the form has, and
whole numbers for its integer questions as written and within 64 bits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from saylau.core.actors import Actor
from saylau.core.errors import UserError
from saylau.core.tabular import CellError, TableError, read_table, whole_number
from saylau.geography.models import Election
from saylau.observation.choices import SubmissionChannel
from saylau.observation.core.xlsform.model import Form
from saylau.observation.models import FormDefinition
from saylau.observation.services.ingest import IngestResult, SubmissionInput, submit_many

META_COLUMNS = ("uuid", "team_code", "station_code", "dec_code", "region_code", "submitted_at")
#: an integer answer is stored in JSON; both databases read it back exactly within 64 bits
ANSWER_MAX = 2**63 - 1


class NoForm(UserError, LookupError):
    """The form named is not stored for this election (yet)."""


@dataclass(frozen=True)
class ParsedRow:
    row: int  # the spreadsheet's row number
    record: dict[str, str]  # column -> cell, stripped
    item: SubmissionInput


def parse_submissions(path: str | Path, form: Form, form_id: str) -> list[ParsedRow]:
    """Read ``path`` as submissions of ``form``; raise :class:`TableError`
    naming every problem the file itself has (answers are validated by the
    service, which knows the places)."""
    name = Path(path).name
    errors: list[CellError] = []
    table = read_table(path, errors=errors)
    questions = {q.name: q for q in form.questions()}
    header = table.header
    unknown = [h for h in header if h and h not in questions and h not in META_COLUMNS]
    if unknown:
        raise TableError(name, [CellError(1, h, f"a question of form {form_id!r} or one of "
                                          f"{', '.join(META_COLUMNS)}", h) for h in unknown])
    if errors:
        raise TableError(name, errors)
    if not table.rows:
        raise TableError(name, [CellError(2, "", "at least one submission", "a header only")])
    integers = [h for h in header if h in questions and questions[h].type == "integer"]
    parsed: list[ParsedRow] = []
    for number, cells in table.rows:
        record = {h: (c or "").strip() for h, c in zip(header, cells, strict=True) if h}
        for column in integers:
            value = record[column]
            if value and (whole_number(value) is None or abs(whole_number(value)) > ANSWER_MAX):
                errors.append(CellError(number, column, "a whole number (digits, within 64 bits)", value))
        answers = {k: v for k, v in record.items() if k in questions and v != ""}
        key = record.get("uuid") or str(uuid.uuid5(uuid.NAMESPACE_URL, f"{form_id}:" + "|".join(
            f"{k}={record[k]}" for k in sorted(record))))
        parsed.append(ParsedRow(number, record, SubmissionInput(
            uuid=key, form=form_id, answers=answers, station_code=record.get("station_code", ""),
            dec_code=record.get("dec_code", ""), region_code=record.get("region_code", ""),
            submitted_at=record.get("submitted_at") or None, team_code=record.get("team_code", ""))))
    if errors:
        raise TableError(name, errors[:200])
    return parsed


def import_submissions(*, actor: Actor, election: Election, path: str | Path, form_id: str,
                       lang: str = "en") -> list[IngestResult]:
    """Import the file (all or nothing); returns one result per row. Raises
    TableError for a bad file, :class:`NoForm` before the form is stored."""
    name = Path(path).name
    definition = FormDefinition.objects.filter(election=election, form_id=form_id, active=True).first()
    if definition is None:
        have = sorted(FormDefinition.objects.filter(election=election, active=True)
                      .values_list("form_id", flat=True))
        if have:
            raise NoForm(f"no form {form_id!r} in election {election.slug} (it has {', '.join(have)}): "
                         f"choose one with --form, or import it with `saylau forms import FILE.xlsx`")
        raise NoForm(f"election {election.slug} has no forms yet: run `saylau forms seed "
                     f"--election {election.slug}` first (or `saylau forms import FILE.xlsx`)")
    rows = parse_submissions(path, definition.form, form_id)
    results = submit_many(actor=actor, election=election, items=[r.item for r in rows],
                          channel=SubmissionChannel.IMPORT, lang=lang, atomic_all=True)
    refused = [(row, result) for row, result in zip(rows, results, strict=True) if not result.ok]
    # a row refused only because others were has its errors under "": the others say why
    own = [(row, result) for row, result in refused if set(result.errors) - {""}] or refused
    errors = [CellError(row.row, column, f"a valid answer ({'; '.join(messages)})"
                        if column in row.record or not column else "; ".join(messages),
                        row.record.get(column, ""))
              for row, result in own for column, messages in result.errors.items()
              if column or own is refused]
    if errors:
        raise TableError(name, errors[:200])
    return results
