"""Legal bases and calendar overrides: the deadlines' rules, held as data."""

from django.db import models

from saylau.disputes.choices import DayKind, PeriodUnit
from saylau.disputes.core import deadlines


class LegalBasis(models.Model):
    """A rule on a dispute's deadlines: the law, the article, the periods to file and to decide."""

    code = models.SlugField(max_length=60, unique=True)
    law = models.CharField(max_length=300)
    article = models.CharField(max_length=200, blank=True)
    file_amount = models.PositiveSmallIntegerField(null=True, blank=True)
    file_unit = models.CharField(max_length=14, choices=PeriodUnit.choices, blank=True)
    decide_amount = models.PositiveSmallIntegerField(null=True, blank=True)
    decide_unit = models.CharField(max_length=14, choices=PeriodUnit.choices, blank=True)
    roll = models.BooleanField(default=True, help_text="A period ending on a day off ends on the next working day.")

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "legal bases"

    def __str__(self) -> str:
        return self.code

    def rule(self) -> deadlines.LegalBasis:
        """The pure rule the deadline calendar computes with."""
        def period(amount, unit):
            return None if amount is None or not unit else deadlines.Period(amount, unit)

        return deadlines.LegalBasis(self.code, self.law, self.article, period(self.file_amount, self.file_unit),
                                    period(self.decide_amount, self.decide_unit), self.roll)


class CalendarDay(models.Model):
    """A day the public-holiday calendar gets wrong: an extra day off, or a weekend day worked."""

    date = models.DateField(unique=True)
    kind = models.CharField(max_length=8, choices=DayKind.choices)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.kind}"
