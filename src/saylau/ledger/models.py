from django.db import models

from saylau.ledger.chain import GENESIS


class LedgerEntry(models.Model):
    """One entry of the chain. ``payload`` (canonical JSON) is the record;
    the other columns are indexed copies of parts of it, checked against it
    on verification. Entries are never updated or deleted by saylau."""

    sequence = models.BigIntegerField(unique=True)
    event = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=80)
    batch_id = models.CharField(max_length=40, blank=True, db_index=True)
    created_at = models.DateTimeField()
    payload = models.TextField()
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["object_type", "object_id", "sequence"])]
        verbose_name_plural = "ledger entries"

    def __str__(self) -> str:
        return f"#{self.sequence} {self.event} {self.object_type}:{self.object_id}"


class LedgerHead(models.Model):
    """The last sequence number and hash; the one row writers lock to append."""

    sequence = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS)

    def __str__(self) -> str:
        return f"head #{self.sequence} {self.hash}"
