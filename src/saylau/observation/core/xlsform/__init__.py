"""XLSForm in and out: read through pyxform (with saylau's columns), the model,
the writer, the JSON for the old browser app and the ODK XPath engine."""

from saylau.observation.core.xlsform.expr import (
    Expression,
    ExpressionError,
    compile_expression,
    evaluate,
    to_bool,
    to_number,
    to_string,
)
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
    "Choice", "Expression", "ExpressionError", "Form", "Question", "XLSFormError",
    "compile_expression", "evaluate", "language_code", "pick_text",
    "question_path", "read_xlsform", "to_bool", "to_number", "to_string",
    "to_json", "to_xform", "workbook_bytes", "write_xlsform",
]
