"""Every workbook of pyxform's own test suite (tests/data/xlsforms, see SOURCE.txt):
saylau imports exactly what pyxform converts, with pyxform's own XForm, and
refuses the rest with pyxform's message at its sheet, row and column.

pyxform (``xls2xform.convert``) is the reference here. Three workbooks pyxform
converts carry logic ODK cannot evaluate (ODK Validate refuses them, and so
does saylau, naming the question's row and column): they are listed with the
reason.
"""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert

from saylau.observation.core.validate import validate_answers
from saylau.observation.core.xlsform import XLSFormError, read_xlsform

HERE = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
WORKBOOKS = sorted(HERE.glob("*.xlsx"))
#: converted by pyxform, refused by ODK Validate: (sheet, row, column, words of the reason)
NOT_EVALUABLE = {
    "bug_example_xls__bad_calc": ("survey", 2, "calculation", "cannot be evaluated"),
    "example_xls__bad_calc": ("survey", 2, "calculation", "cannot be evaluated"),
    "bug_example_xls__xl_date_ambiguous": ("survey", 5, "choice_filter", "cannot be evaluated"),
}


#: legacy ``begin loop over <list>``: pyxform repeats the loop's questions in a group per choice, under
#: the same names, so their answers cannot be flattened by name (docs/forms.md, "Limits")
LOOPS = {"example_xls__loop"}


def _nodes(element: ET.Element) -> set[str]:
    out = set()
    for child in element:
        name = child.tag.rsplit("}", 1)[-1]
        if name != "meta":
            out |= {name} | _nodes(child)
    return out


def _pyxform(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return convert(str(path), pretty_print=True), None
        except PyXFormError as error:
            return None, error


def test_the_folder_is_complete() -> None:
    assert len(WORKBOOKS) == 25
    assert (HERE / "SOURCE.txt").is_file() and (HERE / "LICENSE").is_file()


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_saylau_accepts_what_pyxform_converts(path: Path) -> None:
    reference, refused = _pyxform(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if refused is not None:
            with pytest.raises(XLSFormError) as info:
                read_xlsform(path)
            expected = re.sub(r"\[row\s*:\s*\d+\]\s*", "", " ".join(str(refused).split()))
            assert info.value.reason == expected
            return
        if path.stem in NOT_EVALUABLE:
            with pytest.raises(XLSFormError) as info:
                read_xlsform(path)
            sheet, row, column, words = NOT_EVALUABLE[path.stem]
            assert (info.value.sheet, info.value.row, info.value.column) == (sheet, row, column)
            assert words in info.value.reason
            return
        form = read_xlsform(path)
    assert form.xform == reference.xform  # pyxform's own XForm, byte for byte
    names = {q.name for q in form.survey if q.name}
    instance = ET.fromstring(form.xform).find(".//{http://www.w3.org/2002/xforms}instance")[0]
    if path.stem not in LOOPS:
        assert _nodes(instance) <= names  # every node of the instance is a question of the Form
    empty = validate_answers(form, {})
    assert empty.ok or all(e.code in ("required", "constraint", "repeat_count") for e in empty.errors)
