"""Support signatures: the sheets a nominee submits, each line with its verdict
(valid, or invalid with exactly one reason) and the commission's own record,
and the verification sessions (a full check or a sample) with their projection
and decision. Lines carry personal data: pages and open data show aggregates."""

from django.db import models

from saylau.geography.choices import CommissionTier
from saylau.nomination.choices import LineReason, SessionDecision, SessionMode, SessionSource
from saylau.nomination.core import states
from saylau.nomination.models.nominees import Nominee


class SignatureSheet(models.Model):
    """One sheet of support signatures, collected in one region by one collector."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="sheets")
    number = models.CharField(max_length=40)
    region_code = models.CharField(max_length=40)
    collector = models.CharField(max_length=60, blank=True)
    lines = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=200, blank=True, help_text="the file it was imported from")

    class Meta:
        ordering = ["nominee", "number"]
        constraints = [models.UniqueConstraint(fields=["nominee", "number"], name="signature_sheet_unique")]

    def __str__(self) -> str:
        return f"{self.nominee_id} sheet {self.number}"


class VerificationSession(models.Model):
    """One stage of a verification of a nominee's signatures by an election body.

    ``source`` check: saylau's check against the register (:func:`run_session`);
    commission: the body's own record, imported (what it struck, whether the
    nominee's proxy attended). ``mode`` full: every line checked; sample:
    ``sampled`` lines drawn with the plan's seed. Shares are in millionths and counts whole, so that the ledger
    holds no floats. The projection is of valid signatures among all ``lines``
    (its ``level`` interval); the decision is the rule's on this stage and those before it.
    """

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="sessions")
    body = models.CharField(max_length=3, choices=CommissionTier.choices, default=CommissionTier.CEC)
    region_code = models.CharField(max_length=40, blank=True, help_text="the region whose lines it checked; "
                                                                         "blank: every region")
    source = models.CharField(max_length=10, choices=SessionSource.choices, default=SessionSource.CHECK)
    held_on = models.DateField()
    mode = models.CharField(max_length=6, choices=SessionMode.choices)
    stage = models.PositiveSmallIntegerField(default=1)
    # the plan
    plan_first = models.PositiveIntegerField(default=0)
    plan_second = models.PositiveIntegerField(default=0)
    tolerated_e6 = models.PositiveIntegerField(default=0, help_text="tolerated share of invalid lines, millionths")
    seed = models.BigIntegerField(default=0)
    required = models.PositiveIntegerField(help_text="valid signatures the law requires")
    proxy_present = models.BooleanField(help_text="whether the nominee's proxy attended the check")
    # what was checked and found
    lines = models.PositiveIntegerField(help_text="lines submitted")
    sampled = models.PositiveIntegerField(help_text="lines checked in this stage")
    invalid = models.PositiveIntegerField()
    duplicates = models.PositiveIntegerField(default=0)
    invalid_by_reason = models.JSONField(default=dict, blank=True)
    # the projection of valid signatures (all lines), with its interval
    projected_valid = models.PositiveIntegerField()
    projected_low = models.PositiveIntegerField()
    projected_high = models.PositiveIntegerField()
    level_e3 = models.PositiveSmallIntegerField(default=950)
    spread_met = models.BooleanField(null=True, blank=True)
    regions_met = models.PositiveSmallIntegerField(null=True, blank=True)
    decision = models.CharField(max_length=24, choices=SessionDecision.choices, blank=True,
                                help_text="blank on a commission's record that decides nothing itself")

    class Meta:
        ordering = ["nominee", "held_on", "region_code", "stage", "id"]
        constraints = [models.UniqueConstraint(fields=["nominee", "source", "region_code", "held_on", "stage"],
                                               name="session_stage_once")]

    def __str__(self) -> str:
        return f"{self.nominee_id} {self.mode} stage {self.stage} ({self.held_on})"

    @property
    def reasons_text(self) -> str:
        """The invalid lines by reason as the ledger holds them (``a=3,b=1``)."""
        return states.reasons_text(self.invalid_by_reason or {})


class SignatureLine(models.Model):
    """One signature: what the sheet says, the verdict against the register, and
    what the commission itself recorded (struck, with or without a reason)."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="signature_lines")
    sheet = models.ForeignKey(SignatureSheet, on_delete=models.CASCADE, related_name="signature_lines")
    line_id = models.CharField(max_length=60)
    region_code = models.CharField(max_length=40)
    collector = models.CharField(max_length=60, blank=True)
    surname = models.CharField(max_length=100, blank=True)
    given_name = models.CharField(max_length=100, blank=True)
    patronymic = models.CharField(max_length=100, blank=True)
    iin = models.CharField(max_length=20, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    address = models.CharField(max_length=300, blank=True)
    signed_on = models.DateField(null=True, blank=True)
    # saylau's verdict against the register (null: not checked yet)
    valid = models.BooleanField(null=True, blank=True)
    reason = models.CharField(max_length=30, choices=LineReason.choices, blank=True)
    voter_id = models.CharField(max_length=64, blank=True)
    #: the session that checked the line (a sample's lines, or every line of a full check)
    session = models.ForeignKey(VerificationSession, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="checked_lines")
    # the commission's own record
    struck = models.BooleanField(default=False, help_text="struck by the commission")
    struck_reason = models.CharField(max_length=30, choices=LineReason.choices, blank=True,
                                     help_text="the reason the commission recorded; blank: none recorded")

    class Meta:
        ordering = ["nominee", "line_id"]
        constraints = [models.UniqueConstraint(fields=["nominee", "line_id"], name="signature_line_unique")]
        indexes = [models.Index(fields=["nominee", "valid", "reason"]), models.Index(fields=["nominee", "region_code"])]

    def __str__(self) -> str:
        return f"{self.nominee_id} line {self.line_id}"
