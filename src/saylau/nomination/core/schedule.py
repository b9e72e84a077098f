"""The nomination calendar as data, and each nominee's deadlines computed.

A :class:`Schedule` holds an election's fixed dates (called, nomination
opens and closes, registration closes, election day) and the periods that
run from each nominee's own steps: the commission decides on the nominee's
eligibility (the language test included) within ``documents_within`` of the
nomination; signatures are collected from the day after that decision and
submitted within ``signatures_within`` (SYNOPSIS §3: "within 10 days");
territorial commissions verify them within ``verify_within`` of submission;
the Central Election Commission decides on registration within
``decide_within`` of the verification, and never after ``registration_closes``.

Periods are counted with the disputes package's calendar
(:mod:`saylau.disputes.core.deadlines`: calendar days, working days or
months, from the day after the start; ``roll`` moves an end on a day not
worked to the next working day), so a decreed day off and a weekend day
declared a working day count as they do for complaints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saylau.disputes.core.deadlines import (
    CALENDAR_DAYS,
    WORKING_DAYS,
    Period,
    WorkCalendar,
    kazakhstan,
    period_end,
)


@dataclass(frozen=True)
class Schedule:
    code: str
    called: dt.date
    nomination_opens: dt.date
    nomination_closes: dt.date
    registration_closes: dt.date
    election_day: dt.date
    documents_within: Period  # from the nomination: the decision on eligibility
    signatures_within: Period  # from the eligibility decision: collect and submit
    verify_within: Period  # from submission: the territorial commissions' verification
    decide_within: Period  # from the end of verification: the decision on registration
    roll: bool  # an end on a day not worked moves to the next working day
    assumptions: tuple[str, ...]  # which of the above are assumptions, not sourced

    def calendar(self) -> WorkCalendar:
        """Kazakhstan's working calendar for the election's years (public holidays and decreed days off)."""
        years = range(self.called.year, self.election_day.year + 1)
        # 5 March 2011, a Saturday, was a working day (the day off moved to 7 March); the holidays
        # package carries the day off, the working Saturday is added here as data
        return kazakhstan(years, working_added=[d for d in WORKING_WEEKENDS if d.year in years])


#: weekend days declared working days by decree (the holidays package lists the moved day off only)
WORKING_WEEKENDS = (dt.date(2011, 3, 5),)

#: Kazakhstan, early presidential election of 3 April 2011. Sourced: the election called on 4 February
#: (the statement's background: the day after Parliament's amendment of 3 February), election day 3 April,
#: 10 days to collect and submit signatures (SYNOPSIS §3). The rest are assumptions, listed.
KZ_2011 = Schedule(
    code="kz-2011",
    called=dt.date(2011, 2, 4),
    nomination_opens=dt.date(2011, 2, 5),
    nomination_closes=dt.date(2011, 2, 24),
    registration_closes=dt.date(2011, 3, 13),
    election_day=dt.date(2011, 4, 3),
    documents_within=Period(5, CALENDAR_DAYS),
    signatures_within=Period(10, CALENDAR_DAYS),
    verify_within=Period(5, WORKING_DAYS),
    decide_within=Period(3, CALENDAR_DAYS),
    roll=False,
    assumptions=(
        "nomination opens the day after the election is called (5 February 2011)",
        "nomination closes on 24 February 2011",
        "registration closes on 13 March 2011, three weeks before election day",
        "eligibility (with the language test) is decided within 5 calendar days of the nomination",
        "territorial commissions verify signatures within 5 working days of submission",
        "the decision on registration follows within 3 calendar days of the verification",
        "calendar-day periods of the election law do not move off holidays (roll=False)",
    ),
)

SCHEDULES = {KZ_2011.code: KZ_2011}


@dataclass(frozen=True)
class Deadlines:
    """One nominee's dates, computed from its nomination and eligibility decision."""

    nominated_on: dt.date
    documents_decided_by: dt.date
    collect_from: dt.date  # the signature window's first day
    submit_by: dt.date  # the window's last day
    verified_by: dt.date
    registration_decided_by: dt.date

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        return self.collect_from, self.submit_by


def deadlines(schedule: Schedule, nominated_on: dt.date, accepted_on: dt.date | None = None,
              submitted_on: dt.date | None = None, calendar: WorkCalendar | None = None) -> Deadlines:
    """A nominee's deadlines: from ``nominated_on``; the signature window from
    ``accepted_on`` (the eligibility decision; its deadline when not given);
    verification from ``submitted_on`` (the window's end when not given)."""
    cal = calendar or schedule.calendar()
    decided_by = period_end(nominated_on, schedule.documents_within, cal, roll=schedule.roll)
    accepted = accepted_on or decided_by
    collect_from = accepted + dt.timedelta(days=1)
    submit_by = period_end(accepted, schedule.signatures_within, cal, roll=schedule.roll)
    submitted = submitted_on or submit_by
    verified_by = period_end(submitted, schedule.verify_within, cal, roll=schedule.roll)
    decide_by = min(period_end(verified_by, schedule.decide_within, cal, roll=schedule.roll),
                    schedule.registration_closes)
    return Deadlines(nominated_on, decided_by, collect_from, submit_by, verified_by, decide_by)


def calendar_rows(schedule: Schedule) -> list[tuple[str, dt.date]]:
    """The election's fixed dates, in order (codes of :data:`labels.DEADLINE`)."""
    return [("called", schedule.called), ("nomination_opens", schedule.nomination_opens),
            ("nomination_closes", schedule.nomination_closes),
            ("registration_closes", schedule.registration_closes), ("election_day", schedule.election_day)]


def nominee_rows(d: Deadlines) -> list[tuple[str, dt.date]]:
    """A nominee's dates, in order (codes of :data:`labels.DEADLINE`)."""
    return [("documents_decided_by", d.documents_decided_by), ("collect_from", d.collect_from),
            ("submit_by", d.submit_by), ("verified_by", d.verified_by),
            ("registration_decided_by", d.registration_decided_by)]
