"""The findings as ``saylau findings`` prints them, or writes them to a file.

:func:`findings_rows` gives one record per finding (metric, group, unit,
numerator, denominator, share and its Wilson 95 % interval, the sentence in the
chosen language); :func:`findings_table` lays them out for a terminal and
:func:`write_findings` writes them as CSV, JSON or XLSX, chosen by the file's
extension. An election without any submission is refused with what to do
first, rather than a table of empty metrics.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from saylau.core.errors import UserError
from saylau.geography.models import Election
from saylau.observation.core.findings import Finding, evaluate_all
from saylau.observation.models import Submission
from saylau.observation.selectors import submissions_frame

FORMATS = (".csv", ".json", ".xlsx")


class _MissingColumns(logging.Filter):
    """Keeps the metrics whose form has no answers yet out of the log: the table
    shows each of them as 'no observations' instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "frame has no column" not in record.getMessage()


def _findings(election: Election, by: str | None) -> list[Finding]:
    if not Submission.objects.filter(election=election).exists():
        raise UserError(
            f"no submissions for election {election.slug!r} yet, so no findings: import them "
            f"(`saylau forms seed`, then `saylau submissions import FILE --form voting`) or take them "
            f"through the observer app, OpenRosa or SMS; `saylau simulate` loads a simulated mission's")
    log = logging.getLogger("saylau.observation.core.findings")
    quiet = _MissingColumns()
    log.addFilter(quiet)
    try:
        return evaluate_all(submissions_frame(election), by=by)
    finally:
        log.removeFilter(quiet)


def _number(x: float) -> float | None:
    return None if math.isnan(x) else x


def findings_rows(election: Election, *, by: str | None = None, lang: str = "en") -> list[dict]:
    """One record per finding: ``metric``, the ``by`` column (when grouped), ``unit``,
    ``numerator``, ``denominator`` (None for a total), ``share``, ``ci_low`` and
    ``ci_high`` (None where undefined: no denominator, or a total), ``sentence``."""
    rows = []
    for f in _findings(election, by):
        total = f.metric.kind == "total"
        share = None if total or not f.denominator else f.share
        rows.append({
            "metric": f.metric.id,
            **({by: f.group[1] if f.group else None} if by else {}),
            "unit": f.unit,
            "numerator": f.numerator,
            "denominator": None if total else f.denominator,
            "share": share,
            "ci_low": None if share is None else _number(f.low),
            "ci_high": None if share is None else _number(f.high),
            "sentence": f.sentence(lang),
        })
    return rows


def findings_table(election: Election, *, by: str | None = None, lang: str = "en") -> str:
    """Metric, group, unit, numerator, denominator, share, Wilson 95% interval and sentence."""
    header = ("metric", by or "", "unit", "n", "of", "share", "95% CI", "sentence")
    rows = []
    for r in findings_rows(election, by=by, lang=lang):
        interval = "-" if r["ci_low"] is None else f"{100 * r['ci_low']:.1f}-{100 * r['ci_high']:.1f}%"
        rows.append((r["metric"], "" if not by or r[by] is None else str(r[by]), r["unit"], f"{r['numerator']:,}",
                     "-" if r["denominator"] is None else f"{r['denominator']:,}",
                     "-" if r["share"] is None else f"{100 * r['share']:.1f}%", interval, r["sentence"]))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(7)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header[:7], widths, strict=True)) + "  " + header[7]]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r[:7], widths, strict=True)) + "  " + r[7] for r in rows]
    return "\n".join(lines)


def write_findings(rows: list[dict], path: str | Path) -> Path:
    """Write the records as CSV (UTF-8), JSON (an array of objects) or XLSX (one
    sheet), by the extension of ``path``; the file appears whole or not at all."""
    import csv
    import json
    import os
    import tempfile

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{path}: expected a file name ending in {', '.join(FORMATS)}, got {suffix or 'no extension'!r}")
    if not path.parent.is_dir():
        raise UserError(f"{path}: expected an existing directory {path.parent}, got none")
    columns = list(rows[0]) if rows else ["metric", "unit", "numerator", "denominator", "share", "ci_low",
                                          "ci_high", "sentence"]
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    try:
        if suffix == ".csv":
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
        elif suffix == ".json":
            with os.fdopen(handle, "w", encoding="utf-8") as fh:
                json.dump(rows, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        else:
            from openpyxl import Workbook

            os.close(handle)
            book = Workbook()
            sheet = book.active
            sheet.title = "findings"
            sheet.append(columns)
            for r in rows:
                sheet.append([r[c] for c in columns])
            book.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
