from django.db import models

from saylau.ledger.core.chain import GENESIS


class LedgerEntry(models.Model):
    """One entry of the chain. ``payload`` (canonical JSON) is the record;
    the other columns are indexed copies of parts of it, checked against it
    on verification. Entries are never updated or deleted by saylau.

    ``hash`` and ``batch_id`` have no index (nothing looks entries up by
    them): a unique index over random SHA-256 values cost a random B-tree
    insert per entry, half the time of a million-entry bulk append, and every
    index is written once per entry."""

    sequence = models.BigIntegerField(unique=True)
    event = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=80)
    batch_id = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField()
    payload = models.TextField()
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

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
