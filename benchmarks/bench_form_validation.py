"""Server-side validation of submissions on the XForm binds (ODK XPath engine):
voting and counting submissions per second on one core, and the share of the
batch API's per-submission budget it takes (target: at least 2,000 voting
submissions a second, half the 1,000/s batch API target's budget left for the
rest). Set BENCH_FORM_VALIDATION_N for a smaller run."""

from __future__ import annotations

import os
import time

from saylau.observation.core.forms import builtin_form
from saylau.observation.core.validate import validate_answers

N = int(os.environ.get("BENCH_FORM_VALIDATION_N", "5000"))
TARGET = 2000.0
VOTING = {
    "station_code": "0123", "arrival_time": "08:30", "identical_signatures": "no",
    "ballot_stuffing": "yes", "boxes_not_sealed": "no", "group_voting": "no",
    "multiple_voting": "no", "proxy_voting": "no", "voting_without_id": "no",
    "voters_turned_away": "no", "unauthorised_persons_present": "yes",
    "unauthorised_persons_directing": "no", "observers_restricted": "no",
    "party_observers_present": "yes", "pec_members_total": "7", "pec_members_women": "5",
    "pec_chair_gender": "female", "voters_in_station": "12", "assessment": "bad",
}
COUNTING = {
    "station_code": "7", "arrival_time": "20:00:00.000+06:00", "stacks_of_ballots": "no",
    "observers_restricted": "no", "choices_announced": "yes", "protocol_difficulties": "no",
    "protocol_presigned": "no", "protocol_posted": "yes", "copy_given": "yes", "assessment": "good",
    **{name: "5" for name in ("p_registered", "p_ballots_received", "p_issued_in_station", "p_issued_mobile",
                              "p_issued_early", "p_cancelled", "p_found_in_boxes", "p_invalid", "p_valid")},
    "candidate_votes": [{"candidate_number": str(i), "votes": "3"} for i in range(1, 5)],
}


def _rate(form_id: str, answers: dict, n: int) -> float:
    form = builtin_form(form_id)
    assert validate_answers(form, answers).ok
    start = time.perf_counter()
    for _ in range(n):
        validate_answers(form, answers)
    return n / (time.perf_counter() - start)


def run() -> list[dict]:
    rows = []
    for form_id, answers in (("voting", VOTING), ("counting", COUNTING)):
        rate = _rate(form_id, answers, N)
        rows.append({"benchmark": "form_validation", "metric": f"{form_id} submissions validated/s (one core)",
                     "value": round(rate), "unit": "/s", "target": f">= {TARGET:,.0f} /s",
                     "passed": rate >= TARGET, "note": f"{N:,} submissions; XForm binds on elementpath"})
    return rows
