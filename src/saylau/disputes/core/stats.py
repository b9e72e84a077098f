"""What the statement counts of the cases (pure, over the frame of
:func:`saylau.disputes.selectors.case_frame`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from saylau.disputes.core import bodies


@dataclass(frozen=True)
class DisputeStats:
    """Counts of cases filed before election day (``before``)."""

    before: dt.date
    total: int
    cec: int
    cec_in_session: int
    cec_published: int
    district_court: int
    regional_court: int
    supreme_court: int
    courts: int
    courts_rejected_or_not_considered: int
    courts_decided: int
    wrong_deadline: int  # not considered for a deadline under a basis it was late under, in time under another
    appeals: int


def summarise(frame: pl.DataFrame, before: dt.date) -> DisputeStats:
    """Count the cases filed before ``before`` (election day)."""
    f = frame.filter(pl.col("filed_on") < before)
    cec = f.filter(pl.col("body") == bodies.CEC)
    decided = pl.col("status").is_in(["decided", "appealed", "final"])
    courts = f.filter(pl.col("body").is_in(list(bodies.COURTS)))
    court_decided = courts.filter(decided)
    wrong = f.filter((pl.col("not_considered_reason") == "deadline") & pl.col("deadline_conflict")
                     & (pl.col("deadline_basis") != "")
                     & pl.struct("deadline_basis", "late_under").map_elements(
                         lambda r: r["deadline_basis"] in (r["late_under"] or "").split(","),
                         return_dtype=pl.Boolean))
    return DisputeStats(
        before=before, total=f.height, cec=cec.height,
        cec_in_session=cec.filter(decided & (pl.col("decision_mode") == "session")).height,
        cec_published=cec.filter(pl.col("published")).height,
        district_court=f.filter(pl.col("body") == bodies.DISTRICT_COURT).height,
        regional_court=f.filter(pl.col("body") == bodies.REGIONAL_COURT).height,
        supreme_court=f.filter(pl.col("body") == bodies.SUPREME_COURT).height,
        courts=courts.height,
        courts_rejected_or_not_considered=court_decided.filter(
            pl.col("outcome").is_in(["rejected", "not_considered"])).height,
        courts_decided=court_decided.height,
        wrong_deadline=wrong.height,
        appeals=f.filter(pl.col("appeal")).height,
    )
