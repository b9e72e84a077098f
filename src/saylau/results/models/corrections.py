from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.models import Commission, Election
from saylau.results.models.protocols import Protocol


class Decision(models.Model):
    """A commission's formal decision (number and date) that backs a correction."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="decisions")
    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="decisions")
    number = models.CharField(max_length=40)
    date = models.DateField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["election", "date", "number"]
        constraints = [models.UniqueConstraint(fields=["commission", "number"], name="decision_number_unique")]

    def clean(self) -> None:
        if self.commission_id and self.election_id and self.commission.unit.election_id != self.election_id:
            raise ValidationError({"commission": "the commission belongs to another election"})

    def __str__(self) -> str:
        return f"decision No. {self.number} of {self.date} ({self.commission})"


class Correction(models.Model):
    """A change of an entered protocol: the new version, the old one, and the decision.

    ``decision`` is empty when the protocol was changed without a formal
    decision; ``without_decision`` then flags it. ``changes`` maps each changed
    line to ``[before, after]``.
    """

    protocol = models.OneToOneField(Protocol, on_delete=models.PROTECT, related_name="correction")
    previous = models.OneToOneField(Protocol, on_delete=models.PROTECT, related_name="corrected_by")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="corrections")
    without_decision = models.BooleanField(default=False)
    changes = models.JSONField(default=dict)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def clean(self) -> None:
        if self.without_decision == (self.decision_id is not None):
            raise ValidationError({"decision": "a correction names its decision or is flagged as made without one"})

    def __str__(self) -> str:
        why = f"by {self.decision}" if self.decision_id else "WITHOUT a decision"
        return f"correction of {self.previous} {why}"
