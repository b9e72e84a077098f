"""saylau's built-in observation forms, shipped as XLSForm workbooks beside this file.

The .xlsx files are the source of truth (see docs/forms.md); this module only
finds and reads them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from saylau.observation.core.xlsform import Form, read_xlsform

FORMS_DIR = Path(__file__).resolve().parent
BUILTIN_FORM_IDS: tuple[str, ...] = (
    "opening", "voting", "counting", "tabulation", "incident", "lto_report",
)


@cache
def builtin_form(form_id: str) -> Form:
    """The built-in form ``form_id`` (read once and cached); KeyError if unknown."""
    if form_id not in BUILTIN_FORM_IDS:
        raise KeyError(f"no built-in form {form_id!r}; known: {', '.join(BUILTIN_FORM_IDS)}")
    return read_xlsform(FORMS_DIR / f"{form_id}.xlsx")


def builtin_forms() -> dict[str, Form]:
    """Every built-in form by id, in the order of an election day."""
    return {form_id: builtin_form(form_id) for form_id in BUILTIN_FORM_IDS}
