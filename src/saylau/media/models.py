"""Monitored outlets, monitoring periods, items and their codings.

An :class:`Item` is one broadcast or published piece, named by its outlet and
the time it went out. A :class:`Coding` is one monitor's coding of it; an item
coded by two monitors has two, and the one marked ``final`` is analysed (the
first, until a supervisor settles a disagreement otherwise). Amounts are whole
numbers in the outlet's unit (:data:`saylau.media.core.codes.UNIT_OF_KIND`).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.models import Candidate, Election, Party
from saylau.media.choices import Language, OutletKind, Ownership, Programme, Speech, Subject, Tone
from saylau.media.core import codes


class Named(models.Model):
    name_en = models.CharField("name (English)", max_length=200)
    name_ru = models.CharField("name (Russian)", max_length=200, blank=True)
    name_kk = models.CharField("name (Kazakh)", max_length=200, blank=True)

    class Meta:
        abstract = True

    def name(self, lang: str = "en") -> str:
        return getattr(self, f"name_{lang}", "") or self.name_en

    def __str__(self) -> str:
        return self.name_en


class Outlet(Named):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="media_outlets")
    code = models.CharField(max_length=20)
    kind = models.CharField(max_length=10, choices=OutletKind.choices)
    ownership = models.CharField(max_length=10, choices=Ownership.choices)
    language = models.CharField(max_length=10, choices=Language.choices)
    timezone = models.CharField(max_length=64, default="Asia/Almaty",
                                help_text="local time of the outlet's schedule")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["election", "code"], name="media_outlet_code_unique")]
        ordering = ["code"]

    @property
    def unit(self) -> str:
        return codes.UNIT_OF_KIND[self.kind]

    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def clean(self) -> None:
        try:
            self.zone()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"timezone": f"unknown time zone {self.timezone!r}"}) from None


class Period(Named):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="media_periods")
    code = models.CharField(max_length=20)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="media_period_code_unique"),
            models.CheckConstraint(condition=models.Q(start__lte=models.F("end")), name="media_period_order"),
        ]
        ordering = ["start", "code"]


class Slot(Named):
    """A monitored programme slot of an outlet: what the sample covers (e.g. the evening
    news, 19:00-19:40 every day). ``days``: ISO weekdays, ``1234567`` for every day."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="slots")
    code = models.CharField(max_length=20)
    programme = models.CharField(max_length=20, choices=Programme.choices, blank=True,
                                 help_text="the programme type the slot holds, blank when mixed")
    days = models.CharField(max_length=7, default="1234567")
    start = models.TimeField()
    end = models.TimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["outlet", "code"], name="media_slot_code_unique")]
        ordering = ["start", "code"]

    def clean(self) -> None:
        if not self.days or any(d not in "1234567" for d in self.days) or len(set(self.days)) != len(self.days):
            raise ValidationError({"days": "ISO weekdays once each, 1 (Monday) to 7 (Sunday), e.g. 12345"})
        if self.start == self.end:
            raise ValidationError({"end": "a time other than the start (a slot past midnight ends the next day)"})

    def covers(self, local: dt.datetime) -> bool:
        """Whether the local time ``local`` falls in the slot (a slot may run past midnight)."""
        t, day = local.time(), local.isoweekday()
        if self.start < self.end:
            return str(day) in self.days and self.start <= t < self.end
        if t >= self.start:
            return str(day) in self.days
        return t < self.end and str((day - 2) % 7 + 1) in self.days


class Item(models.Model):
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="items")
    aired_at = models.DateTimeField(help_text="when it was broadcast or published")
    title = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["outlet", "aired_at"], name="media_item_unique")]

    @property
    def code(self) -> str:
        return item_code(self.outlet.code, self.aired_at)

    def __str__(self) -> str:
        return self.code


def item_code(outlet: str, aired_at: dt.datetime) -> str:
    """An item's name: its outlet and the time it went out, in UTC (``STA-20110304T010426Z``)."""
    return f"{outlet}-{aired_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"


class Coding(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="codings")
    coder = models.CharField(max_length=150)
    programme = models.CharField(max_length=20, choices=Programme.choices)
    subject = models.CharField(max_length=20, choices=Subject.choices)
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="media_codings")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, null=True, blank=True, related_name="media_codings")
    amount = models.PositiveIntegerField(help_text="seconds, square centimetres or words")
    tone = models.CharField(max_length=10, choices=Tone.choices)
    speech = models.CharField(max_length=10, choices=Speech.choices, blank=True)
    language = models.CharField(max_length=10, choices=Language.choices)
    final = models.BooleanField(default=False, help_text="the coding analysed for the item")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "coder"], name="media_coding_coder_unique"),
            models.CheckConstraint(condition=models.Q(amount__gte=1), name="media_coding_amount_positive"),
        ]
