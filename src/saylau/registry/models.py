"""The register audit's results: runs, candidate pairs (with their clerical
decisions) and flags. The register itself stays in Parquet files in the data
directory; these rows name its records by ``voter_id``."""

from __future__ import annotations

from django.db import models

from saylau.geography.models import Election
from saylau.registry.choices import DecisionReason, FlagKind, PairSource, PairStatus


class AuditRun(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="register_audits")
    snapshot = models.CharField(max_length=64)
    previous = models.CharField(max_length=64, blank=True, default="")
    engine = models.CharField(max_length=16, default="duckdb")
    records = models.PositiveIntegerField()
    matches = models.PositiveIntegerField(default=0)
    review = models.PositiveIntegerField(default=0)
    flags = models.PositiveIntegerField(default=0)
    #: the findings (key -> numerator, denominator, unit), as the statement reads them
    findings = models.JSONField(default=dict)
    #: the dashboard's aggregates: growth by region, duplicate pairs by region
    tables = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-pk",)

    def __str__(self) -> str:
        return f"register audit #{self.pk} of {self.snapshot}"


class CandidatePair(models.Model):
    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="pairs")
    voter_l = models.CharField(max_length=64)
    voter_r = models.CharField(max_length=64)
    #: the match weight in thousandths of a bit, the probability in millionths (no floats in ledger states)
    weight_e3 = models.IntegerField()
    probability_e6 = models.PositiveIntegerField()
    source = models.CharField(max_length=8, choices=PairSource.choices)
    status = models.CharField(max_length=12, choices=PairStatus.choices)
    #: the match weight's parts: comparison -> thousandths of a bit
    parts = models.JSONField(default=dict)
    reason = models.CharField(max_length=24, choices=DecisionReason.choices, blank=True, default="")
    note = models.CharField(max_length=500, blank=True, default="")
    decided_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        ordering = ("-weight_e3", "pk")
        constraints = [models.UniqueConstraint(fields=("run", "voter_l", "voter_r"), name="registry_pair_once")]
        indexes = [models.Index(fields=("run", "status"))]

    def __str__(self) -> str:
        return f"{self.voter_l} ~ {self.voter_r}"


class Flag(models.Model):
    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="flag_rows")
    kind = models.CharField(max_length=24, choices=FlagKind.choices)
    voter_id = models.CharField(max_length=64, blank=True, default="")
    unit_code = models.CharField(max_length=64, blank=True, default="")
    detail = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = ("kind", "pk")
        indexes = [models.Index(fields=("run", "kind"))]

    def __str__(self) -> str:
        return f"{self.kind}: {self.voter_id or self.unit_code}"
