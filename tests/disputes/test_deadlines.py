"""Deadlines against cases worked by hand on the 2011 calendar (pure).

The calendar (Kazakhstan, 2011, as the Government's decree set it): 7 and 8
March off (5 March, a Saturday, worked instead of 7 March); 21-23 March
Nauryz; 1 May a Sunday, so 2 May off; 9 May Victory Day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from saylau.disputes.core import deadlines as d
from saylau.disputes.core.bodies import may_appeal_to, next_body

D = dt.date
KZ2011 = d.kazakhstan([2011], working_added=[D(2011, 3, 5)])


def test_the_2011_calendar_is_the_decree_s():
    off = [D(2011, 3, 7), D(2011, 3, 8), D(2011, 3, 21), D(2011, 3, 22), D(2011, 3, 23), D(2011, 5, 2),
           D(2011, 5, 9)]
    assert not any(KZ2011.is_working(x) for x in off)
    assert KZ2011.is_working(D(2011, 3, 5))  # a Saturday worked
    assert not KZ2011.is_working(D(2011, 3, 12))  # an ordinary Saturday
    assert KZ2011.is_working(D(2011, 3, 24))


def test_ten_calendar_days_ending_on_holidays_roll_to_the_next_working_day():
    # act Friday 25 Feb; day 10 is Monday 7 March (off), 8 March off -> Wednesday 9 March
    assert d.period_end(D(2011, 2, 25), d.Period(10, d.CALENDAR_DAYS), KZ2011) == D(2011, 3, 9)
    # without rolling: the tenth day itself
    assert d.period_end(D(2011, 2, 25), d.Period(10, d.CALENDAR_DAYS), KZ2011, roll=False) == D(2011, 3, 7)


def test_working_days_skip_nauryz():
    # act Friday 18 March: 21-23 off, then Thu 24 (1), Fri 25 (2), Mon 28 (3), Tue 29 (4), Wed 30 (5)
    assert d.period_end(D(2011, 3, 18), d.Period(5, d.WORKING_DAYS), KZ2011) == D(2011, 3, 30)
    # 3 working days from Thursday 3 March: Fri 4 (1), Sat 5 worked (2), 7-8 off, Wed 9 (3)
    assert d.period_end(D(2011, 3, 3), d.Period(3, d.WORKING_DAYS), KZ2011) == D(2011, 3, 9)
    # the same without the decree's working Saturday: Fri 4, Wed 9, Thu 10
    plain = d.kazakhstan([2011])
    assert d.period_end(D(2011, 3, 3), d.Period(3, d.WORKING_DAYS), plain) == D(2011, 3, 10)


def test_three_months_from_a_month_s_last_day():
    # 31 January + 3 months = 30 April (no 31st), a Saturday; 1 May Sunday, 2 May off -> 3 May
    assert d.period_end(D(2011, 1, 31), d.Period(3, d.MONTHS), KZ2011, roll=False) == D(2011, 4, 30)
    assert d.period_end(D(2011, 1, 31), d.Period(3, d.MONTHS), KZ2011) == D(2011, 5, 3)


def test_a_day_added_as_data_is_a_day_off():
    cal = d.kazakhstan([2011], holidays_added=[D(2011, 4, 4)])
    # 10 days from 25 March = 4 April, declared off -> Tuesday 5 April
    assert d.period_end(D(2011, 3, 25), d.Period(10, d.CALENDAR_DAYS), cal) == D(2011, 4, 5)


def test_the_two_conflicting_bases():
    # A maslikhat's decision on a TEC's composition of 1 February 2011, complained of on 21 February:
    # election law: 10 days -> 11 Feb (Friday): late. Civil procedure: 3 months -> 1 May (Sunday) -> 2 May
    # off -> 3 May: on time. The conflict the statement reports.
    a = d.assess(act_date=D(2011, 2, 1), filed_on=D(2011, 2, 21), bases=d.DEFAULT_BASES.values(),
                 calendar=KZ2011)
    by = {x.basis.code: x for x in a.dates}
    assert by["kz-election-law"].file_by == D(2011, 2, 11)
    assert by["kz-election-law"].filed_on_time is False
    assert by["kz-civil-procedure"].file_by == D(2011, 5, 3)
    assert by["kz-civil-procedure"].filed_on_time is True
    assert a.conflict and a.late_under == ("kz-election-law",) and a.on_time_under == ("kz-civil-procedure",)
    # decide: 5 days from 21 Feb = Sat 26 Feb -> Mon 28 Feb (election law); 10 days = 3 March (civil)
    assert by["kz-election-law"].decide_by == D(2011, 2, 28)
    assert by["kz-civil-procedure"].decide_by == D(2011, 3, 3)
    assert a.decide_by == D(2011, 2, 28)
    assert a.overdue(D(2011, 3, 1), decided=False) and not a.overdue(D(2011, 2, 28), decided=False)
    assert not a.overdue(D(2011, 3, 1), decided=True)
    assert a.days_overdue(D(2011, 3, 10)) == 10


def test_on_time_under_both_is_no_conflict():
    a = d.assess(act_date=D(2011, 2, 1), filed_on=D(2011, 2, 11), bases=d.DEFAULT_BASES.values(),
                 calendar=KZ2011)
    assert not a.conflict and a.late_under == ()
    # without an act date nothing can be said of filing
    b = d.assess(act_date=None, filed_on=D(2011, 2, 11), bases=d.DEFAULT_BASES.values(), calendar=KZ2011)
    assert {x.filed_on_time for x in b.dates} == {None} and not b.conflict


def test_a_period_must_make_sense():
    with pytest.raises(d.DeadlineError, match="counted in one of"):
        d.Period(3, "weeks")
    with pytest.raises(d.DeadlineError, match="negative"):
        d.Period(-1, d.CALENDAR_DAYS)


def test_appeals_go_up():
    assert next_body("PEC") == "DEC" and next_body("CEC") == "court_supreme"
    assert next_body("court_supreme") is None
    assert may_appeal_to("DEC", "court_district") and not may_appeal_to("CEC", "TEC")
    assert not may_appeal_to("court_regional", "court_district")
