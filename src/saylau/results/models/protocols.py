from django.core.exceptions import ValidationError
from django.db import models

from saylau.core.protocol import LINES, candidate_number
from saylau.geography.models import Election, Unit
from saylau.results.choices import LEVEL_OF_TIER, ProtocolSource, ProtocolTier


class ProtocolTemplate(models.Model):
    """The protocol form of one election (its lines) and the tolerances of its checks.

    Tolerances follow :class:`saylau.results.core.checks.Tolerances`: an equality
    passes when ``|difference| <= max(tolerance_absolute, tolerance_relative x
    reference)``; ``registered_*`` allow voters added on the day; a protocol
    whose turnout exceeds ``max_turnout`` fails ``TURNOUT_OVER_100``.
    """

    election = models.OneToOneField(Election, on_delete=models.CASCADE, related_name="protocol_template")
    tolerance_absolute = models.PositiveIntegerField(default=0)
    tolerance_relative = models.FloatField(default=0.0)
    registered_absolute = models.PositiveIntegerField(default=0)
    registered_relative = models.FloatField(default=0.0)
    max_turnout = models.FloatField(default=1.0)

    def clean(self) -> None:
        if not 0 <= self.tolerance_relative < 1 or not 0 <= self.registered_relative < 1:
            raise ValidationError("relative tolerances are fractions between 0 and 1")
        if self.max_turnout <= 0:
            raise ValidationError({"max_turnout": "must be positive"})

    def __str__(self) -> str:
        return f"protocol template of {self.election.slug}"


class ProtocolLine(models.Model):
    """One line of the protocol, the same on every tier, labelled in en/ru/kk.

    Fixed lines use the codes of :data:`saylau.core.protocol.LINES`;
    candidate lines are ``votes_<number>`` with the ballot number.
    """

    template = models.ForeignKey(ProtocolTemplate, on_delete=models.CASCADE, related_name="lines")
    code = models.CharField(max_length=30)
    position = models.PositiveSmallIntegerField()
    candidate_number = models.PositiveSmallIntegerField(null=True, blank=True)
    label_en = models.CharField(max_length=200)
    label_ru = models.CharField(max_length=200, blank=True)
    label_kk = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["template", "position"]
        constraints = [models.UniqueConstraint(fields=["template", "code"], name="protocol_line_code_unique")]

    def clean(self) -> None:
        if (self.candidate_number is None) != (self.code in LINES):
            raise ValidationError({"code": "a fixed line has no candidate; a candidate line is votes_<number>"})

    def __str__(self) -> str:
        return f"{self.code}: {self.label_en}"


class ProtocolBlock(models.Model):
    """One bulk import: where its protocols came from and how many; it has its own
    ledger entry, and each of its protocols has its own entry too."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="protocol_blocks")
    origin = models.CharField(max_length=200, help_text="File or pipeline the protocols came from.")
    count = models.PositiveIntegerField()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"block {self.pk} ({self.count:,} protocols from {self.origin})"


class Protocol(models.Model):
    """One version of one results protocol of one unit, tier and source.

    Rows are written once: a change makes a new version that ``supersedes``
    the previous one, so the history stays readable. The nine fixed lines
    are integer columns (NULL when the protocol does not have the line); the
    candidates' votes are a JSON list in ballot order.
    """

    # No foreign-key constraints in the database (``db_constraint=False``):
    # PostgreSQL checks every key of every row with a trigger at commit, which
    # cost more than the COPY of the rows themselves (a million protocols:
    # 22-29 s with the unit's key against 9-12 s without, measured here). The
    # bulk writer checks the references of what it wrote in one set-wise query
    # instead (``storage.dangling``: every unit exists and belongs to the
    # protocol's election, every superseded protocol exists and has the same
    # unit), which is stricter than the keys were; single writes pass model
    # instances. Django still cascades and protects on delete. The composite
    # indexes below serve ``election`` and ``unit`` lookups.
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="protocols",
                                 db_constraint=False, db_index=False)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="protocols", db_index=False,
                             db_constraint=False)
    tier = models.CharField(max_length=3, choices=ProtocolTier.choices)
    source = models.CharField(max_length=10, choices=ProtocolSource.choices)
    version = models.PositiveIntegerField(default=1)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by", db_constraint=False,
    )
    registered = models.IntegerField(null=True, blank=True)
    ballots_received = models.IntegerField(null=True, blank=True)
    issued_in_station = models.IntegerField(null=True, blank=True)
    issued_mobile = models.IntegerField(null=True, blank=True)
    issued_early = models.IntegerField(null=True, blank=True)
    cancelled = models.IntegerField(null=True, blank=True)
    found_in_boxes = models.IntegerField(null=True, blank=True)
    invalid = models.IntegerField(null=True, blank=True)
    valid = models.IntegerField(null=True, blank=True)
    votes = models.JSONField(default=list, help_text="Votes per candidate, in ballot order.")
    received_at = models.DateTimeField(null=True, blank=True, help_text="When the protocol arrived (UTC, whole seconds).")
    block = models.ForeignKey(ProtocolBlock, on_delete=models.PROTECT, null=True, blank=True, related_name="protocols",
                              db_constraint=False, db_index=False, help_text="The bulk import it came in.")
    submission_id = models.CharField(max_length=64, blank=True, help_text="Observer submission the copy came from.")

    class Meta:
        ordering = ["election", "unit", "tier", "source", "version"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tier", "source", "version"], name="protocol_version_unique"),
        ]
        indexes = [models.Index(fields=["election", "source", "tier"])]

    def clean(self) -> None:
        if self.unit_id and LEVEL_OF_TIER.get(self.tier) is not None:
            level = self.unit.level
            if self.source == ProtocolSource.ENTERED:
                if level != LEVEL_OF_TIER[self.tier] + 1 and level != LEVEL_OF_TIER[self.tier]:
                    raise ValidationError({"tier": "figures are entered by the unit's own or parent commission"})
            elif level != LEVEL_OF_TIER[self.tier]:
                raise ValidationError({"tier": "the tier does not match the unit's level"})
        if not isinstance(self.votes, list) or not all(isinstance(v, int) for v in self.votes):
            raise ValidationError({"votes": "a list of whole numbers, one per candidate"})
        if self.election_id and self.unit_id and self.unit.election_id != self.election_id:
            raise ValidationError({"unit": "the unit belongs to another election"})

    def line(self, code: str) -> int | None:
        number = candidate_number(code)
        if number is not None:
            return self.votes[number - 1] if number <= len(self.votes) else None
        return getattr(self, code)

    def __str__(self) -> str:
        return f"{self.tier} {self.source} protocol of {self.unit.code} v{self.version}"
