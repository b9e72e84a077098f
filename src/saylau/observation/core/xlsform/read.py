"""Read an XLSForm through pyxform into a :class:`Form` (with its XForm).

:func:`read_xlsform` is :func:`.convert.convert_workbook` (pyxform reads, checks
and converts; saylau's columns are set aside) followed by
:func:`.survey.form_from_survey` (pyxform's survey JSON to saylau's Form),
then every expression of the XForm is parsed by saylau's ODK XPath engine: a
form whose logic ODK could not evaluate (ODK Validate refuses it; pyxform
alone passes it through) is refused here, at the question's row and column.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from saylau.observation.core.xlsform.convert import XLSFormError, convert_workbook
from saylau.observation.core.xlsform.model import Form
from saylau.observation.core.xlsform.survey import form_from_survey
from saylau.observation.core.xlsform.xform import check_expressions, xform_model

__all__ = ["XLSFormError", "read_xlsform"]


def read_xlsform(source: str | os.PathLike[str] | bytes | BinaryIO, name: str | None = None,
                 version: str | None = None) -> Form:
    """Read an XLSForm; returns the Form (with ``xform``, the XForm XML) or
    raises XLSFormError with pyxform's reason, sheet, row and column.

    ``name`` is the form id when the settings sheet has no ``form_id`` (a
    path gives its file name); ``version`` is the version when the settings
    sheet has none (the import service passes a timestamp, as ODK Central).
    """
    form = form_from_survey(convert_workbook(source, name, version))
    problems = check_expressions(xform_model(form.xform))
    if problems:
        problem = problems[0]
        name = problem.path.rsplit("/", 1)[-1]
        row = next((q.row for q in form.survey if q.name == name), 0)
        column = _COLUMNS.get(problem.attribute, problem.attribute)
        raise XLSFormError("survey", row, column, f"'{name}': the expression cannot be evaluated "
                                                   f"by ODK ({problem.reason})")
    return form


_COLUMNS = {"calculate": "calculation", "readonly": "read_only"}
