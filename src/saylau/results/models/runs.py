from django.db import models

from saylau.geography.models import Election, Unit
from saylau.results.choices import DiscrepancyKind
from saylau.results.models.protocols import Protocol


class CheckRun(models.Model):
    """One run of the arithmetic checks over an election's current protocols."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="check_runs")
    created_at = models.DateTimeField()
    tolerances = models.JSONField(default=dict)
    checked = models.PositiveIntegerField()
    quarantined = models.PositiveIntegerField()
    counts = models.JSONField(default=dict, help_text="Protocols failing each rule.")
    winner = models.JSONField(default=dict, help_text="Could the quarantined votes change the winner?")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"check run {self.pk}: {self.quarantined:,} of {self.checked:,} quarantined"


class Quarantine(models.Model):
    """A protocol held back by a check run, with the rules it failed and why."""

    run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="quarantines")
    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="quarantines")
    codes = models.CharField(max_length=200)
    reasons = models.JSONField(default=list)

    class Meta:
        ordering = ["run", "protocol"]

    def __str__(self) -> str:
        return f"{self.protocol_id} quarantined: {self.codes}"


class TabulationRun(models.Model):
    """One tabulation: sums up the tiers and every comparison it made."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="tabulation_runs")
    created_at = models.DateTimeField()
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"tabulation {self.pk} of {self.election.slug}"


class Discrepancy(models.Model):
    """One line of one unit where a figure differs from what it is compared with.

    ``difference = official - expected``; ``missing`` counts the child
    protocols left out of the expected sum (tier comparisons).
    """

    run = models.ForeignKey(TabulationRun, on_delete=models.CASCADE, related_name="discrepancies")
    kind = models.CharField(max_length=12, choices=DiscrepancyKind.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="discrepancies")
    line = models.CharField(max_length=30)
    official = models.BigIntegerField()
    expected = models.BigIntegerField()
    difference = models.BigIntegerField()
    missing = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["run", "kind", "unit", "line"]
        indexes = [models.Index(fields=["run", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.unit_id} {self.line}: {self.difference:+,}"


class Publication(models.Model):
    """Open data written for an election: per-station results that had arrived by ``until``."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="publications")
    created_at = models.DateTimeField()
    until = models.DateTimeField(help_text="Protocols that arrived up to this time are included.")
    stations = models.PositiveIntegerField()
    files = models.JSONField(default=dict, help_text="File name -> SHA-256 of its bytes.")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"publication {self.pk}: {self.stations:,} stations up to {self.until:%Y-%m-%d %H:%M}"
