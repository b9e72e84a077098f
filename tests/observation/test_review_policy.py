"""The review policy of everything the mission counts: rejected submissions never
count; pending ones (new, flagged) count unless SAYLAU_FINDINGS_INCLUDE_PENDING
is off; the frames, the findings, the places observed all follow it, and each
finding records the filter its frame was read with."""

from __future__ import annotations

import pytest

from tests.observation.test_api import VOTING
from tests.observation.test_services import ACTOR, _submit

pytestmark = pytest.mark.django_db
NEGATIVE = "voting.assessment_negative"


def _voting(election) -> dict[str, object]:
    """Three stations: 0111 bad, 0112 good, 0121 very bad (all new)."""
    return {"bad": _submit(election, {**VOTING, "station_code": "0111", "assessment": "bad"}),
            "good": _submit(election, {**VOTING, "station_code": "0112"}),
            "very_bad": _submit(election, {**VOTING, "station_code": "0121", "assessment": "very_bad"})}


def _finding(election, metric_id: str = NEGATIVE):
    from saylau.observation.core.findings import evaluate
    from saylau.observation.core.metrics import METRICS_BY_ID
    from saylau.observation.selectors import findings_frame

    frame, review = findings_frame(election)
    return evaluate(METRICS_BY_ID[metric_id], frame, review=review, ids=True)[0]


def test_the_default_counts_pending_and_never_rejected(mission, election, settings) -> None:
    from saylau.observation.selectors import mission_summary, review_filter, submissions_frame
    from saylau.observation.services import set_status

    assert settings.SAYLAU_FINDINGS_INCLUDE_PENDING is True  # the documented default
    subs = _voting(election)
    finding = _finding(election)
    assert (finding.numerator, finding.denominator) == (2, 3)
    assert finding.review.statuses == ("new", "flagged", "verified")
    assert finding.review.excluded == ("rejected",)
    set_status(actor=ACTOR, submission=subs["very_bad"], status="rejected", reason="wrong station")
    finding = _finding(election)
    assert (finding.numerator, finding.denominator) == (1, 2)
    assert subs["very_bad"].pk not in finding.denominator_ids
    assert submissions_frame(election).height == 2
    summary = mission_summary(election)
    assert summary["stations_observed"]["voting"] == 2
    assert (summary["submissions"], summary["submissions_counted"]) == (3, 2)
    assert summary["excluded_statuses"] == ["rejected"]
    # an explicit list reads what it names: the quality checks read every stored submission
    assert submissions_frame(election, statuses=("new", "rejected")).height == 3
    with pytest.raises(ValueError, match="unknown review status"):
        review_filter(["approved"])


def test_pending_left_out_counts_only_verified(mission, election, settings) -> None:
    from saylau.observation.selectors import mission_summary
    from saylau.observation.services import set_status

    subs = _voting(election)
    settings.SAYLAU_FINDINGS_INCLUDE_PENDING = False
    finding = _finding(election)
    assert (finding.numerator, finding.denominator) == (0, 0)
    assert finding.review.statuses == ("verified",)
    assert finding.review.excluded == ("new", "flagged", "rejected")
    assert mission_summary(election)["stations_observed"]["voting"] == 0
    set_status(actor=ACTOR, submission=subs["bad"], status="verified")
    set_status(actor=ACTOR, submission=subs["good"], status="verified")
    finding = _finding(election)
    assert (finding.numerator, finding.denominator) == (1, 2)
    assert finding.numerator_ids == (subs["bad"].pk,)
    assert mission_summary(election)["stations_observed"]["voting"] == 2
    settings.SAYLAU_FINDINGS_INCLUDE_PENDING = True
    assert (_finding(election).numerator, _finding(election).denominator) == (2, 3)


def test_a_rejected_latest_visit_gives_the_place_back_to_the_one_before(mission, election) -> None:
    """Stations count once by their latest visit among the submissions counted."""
    import datetime as dt

    from saylau.observation.services import set_status

    early = _submit(election, {**VOTING, "station_code": "0111", "assessment": "good"},
                    submitted_at=dt.datetime(2011, 4, 3, 4, 0, tzinfo=dt.UTC))
    late = _submit(election, {**VOTING, "station_code": "0111", "assessment": "bad"},
                   submitted_at=dt.datetime(2011, 4, 3, 8, 0, tzinfo=dt.UTC))
    finding = _finding(election)
    assert (finding.numerator_ids, finding.denominator_ids) == ((late.pk,), (late.pk,))
    set_status(actor=ACTOR, submission=late, status="rejected", reason="two visits at once")
    finding = _finding(election)
    assert (finding.numerator_ids, finding.denominator_ids) == ((), (early.pk,))


def test_quality_checks_read_pending_submissions_whatever_the_policy(mission, election, settings) -> None:
    from saylau.observation.models import Submission
    from saylau.observation.services import run_quality_checks

    settings.SAYLAU_FINDINGS_INCLUDE_PENDING = False
    s = _submit(election, {**VOTING, "station_code": "0111", "ballot_stuffing": "yes",
                           "assessment": "very_good"})
    flags = run_quality_checks(actor=ACTOR, election=election)
    assert any(f.submission_ids == (str(s.pk),) for f in flags)
    assert Submission.objects.get(pk=s.pk).status == "flagged"
