"""Deadlines as rules: legal bases as data, a working-day calendar, and the
dates every basis gives a case.

A :class:`LegalBasis` says how long a complainant has to file after the act
complained of, and how long the body has to decide after filing, each a
:class:`Period` of calendar days, working days or months. A
:class:`WorkCalendar` knows which days are not worked: Saturdays and Sundays,
Kazakhstan's public holidays from the maintained ``holidays`` package
(including the days off moved by government decree that it carries), and
overrides given as data (a day added as a holiday, or a weekend day declared a
working day, as 5 March 2011 was).

Counting, as Kazakhstan's civil procedure code counts (and as the election law
is read here, the law being silent): the period starts the day after the act;
``n`` calendar days end on the act's date plus ``n``; ``n`` working days end
on the ``n``-th working day after the act; ``m`` months end on the same day
of the month ``m`` months later (the month's last day when it has no such
day). When a basis says so (``roll``), a period ending on a day that is not
worked ends on the next working day.

A case may fall under several bases. :func:`assess` gives every basis's
dates for a case and whether it was filed on time under each; a case on time
under one basis and late under another is the conflict the 2011 statement
reports (10 days under the election law against 3 months under the civil
procedure code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

CALENDAR_DAYS, WORKING_DAYS, MONTHS = "calendar_days", "working_days", "months"
UNITS = (CALENDAR_DAYS, WORKING_DAYS, MONTHS)


class DeadlineError(ValueError):
    """A legal basis or a calendar that cannot be used; the message says why."""


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str  # CALENDAR_DAYS, WORKING_DAYS or MONTHS

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise DeadlineError(f"a period is counted in one of {', '.join(UNITS)}, not {self.unit!r}")
        if self.amount < 0:
            raise DeadlineError(f"a period cannot be negative ({self.amount})")

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.replace('_', ' ')}"


@dataclass(frozen=True)
class LegalBasis:
    """One legal rule on a dispute's deadlines: where it is written and what it gives."""

    code: str
    law: str
    article: str
    file_within: Period | None  # from the act complained of
    decide_within: Period | None  # from filing
    roll: bool = True  # a period ending on a day not worked ends on the next working day


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are worked: Monday to Friday, less holidays, plus extra working days.

    ``holidays``: days not worked (public holidays and days off moved by decree);
    ``working``: weekend days declared working days. Build one for Kazakhstan with
    :func:`kazakhstan`.
    """

    holidays: frozenset[dt.date] = frozenset()
    working: frozenset[dt.date] = frozenset()

    def is_working(self, day: dt.date) -> bool:
        if day in self.working:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_working(self, day: dt.date) -> dt.date:
        """``day`` itself when worked, else the first working day after it."""
        for _ in range(366):
            if self.is_working(day):
                return day
            day += dt.timedelta(days=1)
        raise DeadlineError("no working day within a year: check the calendar's holidays")

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``start`` itself when ``n`` is 0)."""
        day, counted = start, 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_working(day):
                counted += 1
        return day


@lru_cache(maxsize=32)
def public_holidays(years: tuple[int, ...]) -> frozenset[dt.date]:
    """Kazakhstan's public holidays and decreed days off in ``years`` (the ``holidays`` package; kept)."""
    import holidays as holidays_package

    return frozenset(holidays_package.country_holidays("KZ", years=list(years)).keys())


def kazakhstan(years: Iterable[int], *, holidays_added: Iterable[dt.date] = (),
               working_added: Iterable[dt.date] = (), holidays_removed: Iterable[dt.date] = ()
               ) -> WorkCalendar:
    """Kazakhstan's calendar for ``years``: the ``holidays`` package's public holidays
    and decreed days off, with the overrides given as data."""
    days = set(public_holidays(tuple(sorted(set(years)))))
    days |= set(holidays_added)
    days -= set(holidays_removed)
    return WorkCalendar(frozenset(days), frozenset(working_added))


def _add_months(day: dt.date, months: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)  # clipped to the month's last day


def period_end(start: dt.date, period: Period, calendar: WorkCalendar, *, roll: bool = True) -> dt.date:
    """The last day of ``period`` counted from the day after ``start``."""
    if period.unit == WORKING_DAYS:
        return calendar.add_working_days(start, period.amount)
    end = start + dt.timedelta(days=period.amount) if period.unit == CALENDAR_DAYS else _add_months(
        start, period.amount)
    return calendar.next_working(end) if roll else end


@dataclass(frozen=True)
class BasisDates:
    """What one basis gives one case."""

    basis: LegalBasis
    file_by: dt.date | None
    decide_by: dt.date | None
    filed_on_time: bool | None  # None: the basis sets no time to file, or the act's date is unknown


@dataclass(frozen=True)
class Assessment:
    """Every basis's dates for one case, and what they say together."""

    act_date: dt.date | None
    filed_on: dt.date
    dates: tuple[BasisDates, ...] = field(default_factory=tuple)

    @cached_property
    def conflict(self) -> bool:
        """On time under one basis and late under another."""
        verdicts = {d.filed_on_time for d in self.dates if d.filed_on_time is not None}
        return verdicts == {True, False}

    @cached_property
    def late_under(self) -> tuple[str, ...]:
        return tuple(d.basis.code for d in self.dates if d.filed_on_time is False)

    @cached_property
    def on_time_under(self) -> tuple[str, ...]:
        return tuple(d.basis.code for d in self.dates if d.filed_on_time is True)

    @cached_property
    def decide_by(self) -> dt.date | None:
        """The earliest date by which any basis has the body decide."""
        days = [d.decide_by for d in self.dates if d.decide_by is not None]
        return min(days) if days else None

    def overdue(self, today: dt.date, *, decided: bool) -> bool:
        return not decided and self.decide_by is not None and today > self.decide_by

    def days_overdue(self, today: dt.date) -> int:
        return max(0, (today - self.decide_by).days) if self.decide_by else 0


def assess(*, act_date: dt.date | None, filed_on: dt.date, bases: Iterable[LegalBasis],
           calendar: WorkCalendar) -> Assessment:
    """The dates every basis in ``bases`` gives a case filed on ``filed_on`` against an act of ``act_date``."""
    out = []
    for basis in bases:
        file_by = (period_end(act_date, basis.file_within, calendar, roll=basis.roll)
                   if basis.file_within is not None and act_date is not None else None)
        decide_by = (period_end(filed_on, basis.decide_within, calendar, roll=basis.roll)
                     if basis.decide_within is not None else None)
        out.append(BasisDates(basis, file_by, decide_by, None if file_by is None else filed_on <= file_by))
    return Assessment(act_date, filed_on, tuple(out))


#: The two bases the 2011 statement sets against each other (SYNOPSIS §6, its footnote 19),
#: and the election law's time to decide. The article numbers are those of the laws in
#: force in 2011 as the mission cites them; a deployment loads its own with
#: ``saylau disputes bases`` (docs/disputes.md).
ELECTION_LAW = LegalBasis(
    code="kz-election-law", law="Constitutional Law on Elections in the Republic of Kazakhstan",
    article="complaints against decisions and actions of election commissions",
    file_within=Period(10, CALENDAR_DAYS), decide_within=Period(5, CALENDAR_DAYS), roll=True)
CIVIL_PROCEDURE = LegalBasis(
    code="kz-civil-procedure", law="Civil Procedure Code of the Republic of Kazakhstan",
    article="complaints against decisions of state and local bodies",
    file_within=Period(3, MONTHS), decide_within=Period(10, CALENDAR_DAYS), roll=True)
DEFAULT_BASES: Mapping[str, LegalBasis] = {b.code: b for b in (ELECTION_LAW, CIVIL_PROCEDURE)}
