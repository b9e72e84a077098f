from django.db import models

from saylau.ledger.core.chain import GENESIS


class LedgerEntry(models.Model):
    """One entry of the chain. ``payload`` (canonical JSON) is the record;
    the other columns are indexed copies of parts of it, checked against it
    on verification. Entries are never updated or deleted by saylau.

    ``hash``, ``batch_id`` and ``event`` have no index (nothing looks entries
    up by them alone: an event is read with its object type and ids, which the
    composite index serves): a unique index over random SHA-256 values cost a
    random B-tree insert per entry, half the time of a million-entry bulk
    append, and every index is written once per entry (the event's index, two
    on PostgreSQL, cost about a quarter of a SQLite append)."""

    sequence = models.BigIntegerField(unique=True)
    event = models.CharField(max_length=60)
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


class MerkleNode(models.Model):
    """A complete, aligned subtree of the Merkle tree over the entries
    (:mod:`saylau.ledger.core.merkle`): the hash of leaves ``[position *
    2**level, (position + 1) * 2**level)``; level 0 holds the leaves. Derived
    from the entries and appended when a checkpoint is made."""

    level = models.SmallIntegerField()
    position = models.BigIntegerField()
    hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["level", "position"], name="merkle_node_unique")]

    def __str__(self) -> str:
        return f"node {self.level}/{self.position}"


class SigningKey(models.Model):
    """A public key the mission signs checkpoints with (the private half stays
    in a file of the data directory). A rotated key is retired, not deleted:
    the checkpoints it signed still verify under it."""

    name = models.CharField(max_length=100)
    key_id = models.CharField(max_length=8)
    public_key = models.CharField(max_length=64, help_text="Ed25519 public key, base64")
    verifier_key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField()
    retired_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.verifier_key


class Checkpoint(models.Model):
    """A signed statement of the tree: its size (entries 1..size), root and time."""

    size = models.BigIntegerField()
    root = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="checkpoints")
    note = models.TextField(help_text="the signed note, as published")

    class Meta:
        ordering = ["size", "id"]

    def __str__(self) -> str:
        return f"checkpoint {self.size} {self.root[:12]}"
