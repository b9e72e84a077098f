"""Cases from CSV and XLSX: every bad cell named, nothing half-written."""

from __future__ import annotations

import pytest

from saylau.core.tabular import TableError
from saylau.disputes import services
from saylau.disputes.models import Case
from tests.disputes.conftest import ACTOR

pytestmark = pytest.mark.django_db

HEADER = ("reference,body,body_name,complainant_kind,complainant_name,respondent,contested_act,act_date,filed_on,"
          "phase,bases,appeal_of,station,decided_on,decision_mode,outcome,session_date,members_present,votes_for,"
          "votes_against,official,not_considered_reason,published_on\n")
GOOD = (HEADER
        + "T-1,CEC,,party,Free Democrats,CEC,Registration refused,2011-02-20,2011-02-24,candidate_registration,"
          "kz-election-law,,,2011-02-28,session,rejected,2011-02-28,7,5,2,,,2011-03-01\n"
        + "T-2,court_supreme,Supreme Court,party,Free Democrats,CEC,,2011-02-28,2011-03-02,"
          "candidate_registration,kz-election-law,T-1,,,,,,,,,,,\n")


def test_a_good_file_imports_with_decisions_and_appeals(election, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert services.import_cases(actor=ACTOR, election=election, path=path) == {
        "cases": 2, "decided": 1, "published": 1}
    t1, t2 = Case.objects.get(reference="T-1"), Case.objects.get(reference="T-2")
    assert t1.status == "appealed" and t2.appeal_of == t1 and t1.votes_for == 5


def test_bad_cells_are_named_and_nothing_is_written(election, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "X-1,CEK,,party,P,CEC,act,2011-02-31,2011-02-24,campaign,kz-nolaw,,,,,,,,,,,,\n",
                    encoding="utf-8")
    with pytest.raises(TableError) as error:
        services.import_cases(actor=ACTOR, election=election, path=path)
    text = str(error.value)
    assert "row 2, column 'body': expected one of" in text and "got 'CEK'" in text
    assert "bad.csv" in text and "nothing was imported" in text
    path.write_text(HEADER + "X-1,CEC,,party,P,CEC,act,2011-02-31,2011-02-24,campaign,kz-nolaw,,,,,,,,,,,,\n",
                    encoding="utf-8")
    with pytest.raises(TableError) as error:
        services.import_cases(actor=ACTOR, election=election, path=path)
    text = str(error.value)
    assert "row 2, column 'act_date': expected a date YYYY-MM-DD, got '2011-02-31'" in text
    assert "row 2, column 'bases': expected a legal basis defined in saylau" in text
    assert not Case.objects.exists()


def test_a_refused_decision_cancels_the_whole_file(election, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(GOOD.splitlines()[0] + "\n" + GOOD.splitlines()[1] + "\n"
                    + "T-3,CEC,,voter,V,CEC,act,2011-02-20,2011-02-24,campaign,,,,2011-02-28,session,rejected,,,,,,,\n",
                    encoding="utf-8")
    with pytest.raises(TableError, match=r"row 3: expected a case the process accepts, got .*the session's date"):
        services.import_cases(actor=ACTOR, election=election, path=path)
    assert not Case.objects.exists()


def test_xlsx_reads_the_same(election, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for line in GOOD.splitlines():
        book.active.append(line.split(","))
    path = tmp_path / "cases.xlsx"
    book.save(path)
    assert services.import_cases(actor=ACTOR, election=election, path=path)["cases"] == 2
