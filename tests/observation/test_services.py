"""Services: edits make versions, review status, quality flags, imports with row/column errors, CLI."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError

from saylau.core.actors import Actor
from saylau.core.tabular import TableError
from tests.observation.test_api import VOTING

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("tests")


def _submit(election, answers, team="S0001", **extra):
    from saylau.observation.services import SubmissionInput, submit

    item = SubmissionInput(uuid=str(uuid.uuid4()), form="voting", answers=answers, team_code=team, **extra)
    result = submit(actor=ACTOR, election=election, item=item, channel="api")
    assert result.outcome == "created", result.errors
    return result.submission


def test_edit_makes_a_new_version_with_a_ledger_entry(mission, election) -> None:
    from saylau.ledger.checks import load_snapshots, verify_database
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import Submission
    from saylau.observation.services import edit_submission, set_status

    load_snapshots()  # what `saylau ledger verify` compares: every package's declared snapshots

    s = _submit(election, VOTING)
    edited = edit_submission(actor=ACTOR, submission=s, answers={**VOTING, "ballot_stuffing": "yes"},
                             channel="api", reason="observer corrected")
    assert edited.version == 2 and [v.version for v in edited.versions.all()] == [1, 2]
    assert edited.versions.get(version=1).answers["ballot_stuffing"] == "no"
    assert LedgerEntry.objects.filter(event="observation.submission.edited", object_id=str(s.pk)).count() == 1
    with pytest.raises(ValidationError) as caught:
        edit_submission(actor=ACTOR, submission=s, answers={**VOTING, "assessment": "x"}, channel="api")
    assert "assessment" in caught.value.message_dict
    with pytest.raises(ValidationError):
        set_status(actor=ACTOR, submission=s, status="rejected")
    set_status(actor=ACTOR, submission=s, status="verified")
    assert verify_database().ok
    Submission.objects.filter(pk=s.pk).update(status="new")  # behind saylau's back
    report = verify_database()
    assert not report.ok and "edited directly" in str(report)


def test_quality_checks_store_flags_and_detect_conflicting_teams(mission, election) -> None:
    from saylau.observation.models import QualityFlag, Submission
    from saylau.observation.services import run_quality_checks

    a = _submit(election, {**VOTING, "station_code": "0211", "ballot_stuffing": "yes"}, team="S0002")
    b = _submit(election, {**VOTING, "station_code": "0211"}, team="S0001")  # S0001 covers D011 only
    c = _submit(election, {**VOTING, "station_code": "0111", "ballot_stuffing": "yes", "assessment": "very_good"})
    flags = run_quality_checks(actor=ACTOR, election=election)
    rules = {(f.rule_id, f.submission_ids) for f in flags}
    assert ("outside_deployment", (str(b.pk),)) in rules
    conflict = [f for f in flags if f.rule_id == "conflict:voting.ballot_stuffing"]
    assert len(conflict) == 1 and set(conflict[0].submission_ids) == {str(a.pk), str(b.pk)}
    assert any(f.submission_ids == (str(c.pk),) and not f.rule_id.startswith(("conflict", "outside")) for f in flags)
    assert set(Submission.objects.values_list("status", flat=True)) == {"flagged"}
    stored = QualityFlag.objects.filter(rule_id="conflict:voting.ballot_stuffing")
    assert sorted(f.submission_id for f in stored) == sorted([a.pk, b.pk])
    assert run_quality_checks(actor=ACTOR, election=election) and QualityFlag.objects.count() == len(
        [s for f in flags for s in f.submission_ids])


def test_observer_import_reports_rows_and_writes_nothing(election, tmp_path) -> None:
    from saylau.observation.models import Observer, Team
    from saylau.observation.services import import_observers

    (tmp_path / "o.csv").write_text("code,full_name,role,state,team_code\nA1,Ann,sto,DE,S1\nA3,Cy,boss,FR,\n")
    (tmp_path / "d.csv").write_text("team_code,station_code,dec_code\nS1,0111,\nS9,,D099\n")
    with pytest.raises(TableError) as caught:
        import_observers(actor=ACTOR, election=election, path=tmp_path / "o.csv")
    assert "row 3, column 'role'" in str(caught.value)
    (tmp_path / "o.csv").write_text("code,full_name,role,state,team_code\nA1,Ann,sto,DE,S1\nA1,Bob,lto,1x,S1\n")
    with pytest.raises(TableError) as caught:
        import_observers(actor=ACTOR, election=election, path=tmp_path / "o.csv")
    text = str(caught.value)
    assert "row 3, column 'code'" in text and "row 3, column 'state'" in text and "row 3, column 'role'" in text
    (tmp_path / "o.csv").write_text("code,full_name,role,state,team_code\nA1,Ann,sto,DE,S1\n")
    with pytest.raises(TableError) as caught:
        import_observers(actor=ACTOR, election=election, path=tmp_path / "o.csv", deployments=tmp_path / "d.csv")
    assert "row 3, column 'team_code'" in str(caught.value) and "row 3, column 'dec_code'" in str(caught.value)
    assert Observer.objects.count() == 0 and Team.objects.count() == 0


def test_submission_import_is_all_or_nothing_and_idempotent(mission, election, tmp_path) -> None:
    from saylau.observation.models import Submission
    from saylau.observation.services import import_submissions

    columns = ["team_code", *VOTING]
    good = ["S0001", *(str(v) for v in VOTING.values())]
    bad = ["S0001", *(str(v) if k != "assessment" else "awful" for k, v in VOTING.items())]
    path = tmp_path / "v.csv"
    path.write_text("\n".join(",".join(r) for r in (columns, good, bad)) + "\n")
    with pytest.raises(TableError) as caught:
        import_submissions(actor=ACTOR, election=election, path=path, form_id="voting")
    assert "row 3, column 'assessment'" in str(caught.value)
    assert Submission.objects.count() == 0
    path.write_text("\n".join(",".join(r) for r in (columns, good)) + "\n")
    assert [r.outcome for r in import_submissions(actor=ACTOR, election=election, path=path, form_id="voting")] == ["created"]
    assert [r.outcome for r in import_submissions(actor=ACTOR, election=election, path=path, form_id="voting")] == ["duplicate"]
    assert Submission.objects.get().channel == "import"


def test_cli_forms_and_findings(mission, election, tmp_path, capsys, monkeypatch) -> None:
    from saylau.observation import commands

    _submit(election, {**VOTING, "assessment": "bad"})
    _submit(election, {**VOTING, "station_code": "0112"})

    class Args:
        election = "t-2011"
        by = None
        lang = "ru"

    assert commands.print_findings(Args()) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("voting.assessment_negative"))
    assert " 1 " in line and " 2 " in line and "50.0%" in line and "голосование было оценено отрицательно" in line
    args = type("A", (), {"election": "t-2011", "form_id": "voting", "xform": True, "output": str(tmp_path / "v.xml")})
    assert commands.export_form(args()) == 0 and "<h:html" in (tmp_path / "v.xml").read_text()
    args = type("A", (), {"election": "t-2011", "file": str(tmp_path / "v.xml")})
    assert commands.import_form(args()) == 2  # not a workbook
