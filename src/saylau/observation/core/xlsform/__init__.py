"""XLSForm in and out: read through pyxform (with saylau's columns), the model,
the writer, the form as JSON (the API's `form` field) and the ODK XPath engine (``xpath``)."""

from saylau.observation.core.xlsform.json import to_json
from saylau.observation.core.xlsform.model import Choice, Form, Question, language_code, pick_text
from saylau.observation.core.xlsform.read import XLSFormError, read_xlsform
from saylau.observation.core.xlsform.write import (
    question_path,
    to_xform,
    workbook_bytes,
    write_xlsform,
)

__all__ = [
    "Choice", "Form", "Question", "XLSFormError", "language_code", "pick_text",
    "question_path", "read_xlsform",
    "to_json", "to_xform", "workbook_bytes", "write_xlsform",
]
