"""Shared helpers for observation tests: build small XLSForm workbooks in memory."""

from __future__ import annotations

import io

from openpyxl import Workbook


def workbook(survey: list[list[str]], choices: list[list[str]] | None = None,
             settings: list[list[str]] | None = None) -> bytes:
    """An .xlsx with the given sheets; each sheet is a header row then data rows."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        if rows is None:
            continue
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([v if v != "" else None for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


YES_NO = [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]
SETTINGS = [["form_id", "form_title"], ["small", "Small"]]
