from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.models import Election, Unit
from saylau.results.choices import EntryOutcome, ProtocolSource
from saylau.results.models.protocols import Protocol


class DataEntry(models.Model):
    """Who keyed one double-blind entry (a protocol of source ``entry_a`` or
    ``entry_b``) in the browser, and when. Written once."""

    protocol = models.OneToOneField(Protocol, on_delete=models.PROTECT, related_name="data_entry")
    clerk = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "data entries"

    def clean(self) -> None:
        if self.protocol_id and self.protocol.source not in (ProtocolSource.ENTRY_A, ProtocolSource.ENTRY_B):
            raise ValidationError({"protocol": "only entries A and B are keyed by data clerks"})

    def __str__(self) -> str:
        return f"{self.protocol} keyed by user {self.clerk_id}"


class EntryReview(models.Model):
    """A supervisor's decision on a station's entries A and B: accepted (the
    figures became the station's entered protocol, ``accepted``) or sent back
    for re-entry. Written once; the entries it names are closed."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="entry_reviews")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="entry_reviews")
    entry_a = models.OneToOneField(Protocol, on_delete=models.PROTECT, related_name="review_as_a")
    entry_b = models.OneToOneField(Protocol, on_delete=models.PROTECT, related_name="review_as_b")
    outcome = models.CharField(max_length=10, choices=EntryOutcome.choices)
    accepted = models.ForeignKey(Protocol, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                 help_text="The entered protocol the agreeing figures became.")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def clean(self) -> None:
        if (self.outcome == EntryOutcome.ACCEPTED) != (self.accepted_id is not None):
            raise ValidationError({"accepted": "an accepted review names the entered protocol, a returned one none"})

    def __str__(self) -> str:
        return f"entries of {self.unit.code} {self.outcome}"
