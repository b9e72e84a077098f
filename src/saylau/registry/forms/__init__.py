"""The register's field-audit forms, XLSForm workbooks beside this file (built by
``tools/registry_forms.py``): ``register_list_to_people`` (an entry of the list
visited at its address) and ``register_people_to_list`` (an adult met in the
field, to look up in the list). They are imported into an election through the
observation forms service and reach observers by its channels."""

from __future__ import annotations

from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parent
LIST_TO_PEOPLE = "register_list_to_people"
PEOPLE_TO_LIST = "register_people_to_list"
FORM_IDS = (LIST_TO_PEOPLE, PEOPLE_TO_LIST)


def workbook(form_id: str) -> bytes:
    """The workbook's bytes; KeyError for another id."""
    if form_id not in FORM_IDS:
        raise KeyError(f"no register form {form_id!r}; known: {', '.join(FORM_IDS)}")
    return (FORMS_DIR / f"{form_id}.xlsx").read_bytes()
