"""Nomination deadlines against dates counted by hand on the 2011 calendar.

March 2011: Friday 4; Saturday 5 a working day (the day off moved to Monday 7);
Tuesday 8 International Women's Day; Monday 21 to Wednesday 23 Nauryz.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from saylau.disputes.core.deadlines import CALENDAR_DAYS, WORKING_DAYS, Period, WorkCalendar
from saylau.nomination.core import schedule as S
from saylau.nomination.core.labels import DEADLINE

D = dt.date
K = S.KZ_2011


def test_sourced_dates_and_the_ten_days():
    assert K.called == D(2011, 2, 4) and K.election_day == D(2011, 4, 3)
    assert K.signatures_within == Period(10, CALENDAR_DAYS)
    assert K.assumptions and all(isinstance(a, str) for a in K.assumptions)


def test_ten_days_to_collect_and_submit():
    # nominated Thursday 10 February, eligibility decided Monday 14: collection opens on 15 February
    # and the tenth day after 14 February is 24 February
    d = S.deadlines(K, D(2011, 2, 10), D(2011, 2, 14))
    assert d.documents_decided_by == D(2011, 2, 15)  # 5 calendar days after 10 February
    assert d.window == (D(2011, 2, 15), D(2011, 2, 24))


def test_working_days_over_the_march_holidays():
    # submitted Friday 4 March; 5 working days: Sat 5 (worked) 1, [Sun 6, Mon 7 off, Tue 8 holiday],
    # Wed 9 2, Thu 10 3, Fri 11 4, [Sat 12, Sun 13], Mon 14 5
    d = S.deadlines(K, D(2011, 2, 20), D(2011, 2, 22), D(2011, 3, 4))
    assert d.verified_by == D(2011, 3, 14)
    # without the working Saturday the fifth working day is Tuesday 15 March
    plain = S.deadlines(K, D(2011, 2, 20), D(2011, 2, 22), D(2011, 3, 4),
                        calendar=WorkCalendar(K.calendar().holidays))
    assert plain.verified_by == D(2011, 3, 15)


def test_working_days_over_nauryz():
    # submitted Friday 18 March: [Sat 19, Sun 20, Nauryz 21-23], Thu 24 1, Fri 25 2, Mon 28 3, Tue 29 4, Wed 30 5
    d = S.deadlines(K, D(2011, 3, 1), D(2011, 3, 5), D(2011, 3, 18))
    assert d.verified_by == D(2011, 3, 30)


def test_calendar_days_end_on_a_holiday_unless_rolled():
    # eligibility decided 26 February: the tenth day is Tuesday 8 March, a holiday
    assert S.deadlines(K, D(2011, 2, 24), D(2011, 2, 26)).submit_by == D(2011, 3, 8)
    rolled = dataclasses.replace(K, roll=True)
    assert S.deadlines(rolled, D(2011, 2, 24), D(2011, 2, 26)).submit_by == D(2011, 3, 9)


def test_registration_decided_by_never_after_registration_closes():
    # verified by 14 March (above), + 3 days = 17 March, after registration closes on 13 March
    d = S.deadlines(K, D(2011, 2, 20), D(2011, 2, 22), D(2011, 3, 4))
    assert d.registration_decided_by == K.registration_closes == D(2011, 3, 13)
    early = S.deadlines(K, D(2011, 2, 7), D(2011, 2, 9), D(2011, 2, 18))
    # 18 Feb (Fri): Mon 21 1 ... Fri 25 5; + 3 calendar days = 28 February
    assert early.verified_by == D(2011, 2, 25) and early.registration_decided_by == D(2011, 2, 28)


def test_defaults_run_from_the_deadlines():
    d = S.deadlines(K, D(2011, 2, 10))
    assert d.collect_from == D(2011, 2, 16)  # the day after the eligibility deadline (15 Feb)
    assert d.submit_by == D(2011, 2, 25)


def test_rows_are_labelled_and_in_order():
    rows = S.calendar_rows(K) + S.nominee_rows(S.deadlines(K, D(2011, 2, 10)))
    assert all(code in DEADLINE for code, _ in rows)
    fixed = [day for _, day in S.calendar_rows(K)]
    assert fixed == sorted(fixed)


def test_working_day_periods_in_the_schedule():
    assert K.verify_within == Period(5, WORKING_DAYS)
    assert D(2011, 3, 5) in K.calendar().working and D(2011, 3, 7) in K.calendar().holidays
