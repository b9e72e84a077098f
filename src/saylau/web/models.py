"""The web app's own table: one-time login tokens for observers.

Only the SHA-256 of a token is stored: a token is 256 random bits, so a plain
digest cannot be reversed or guessed, and a copy of the database lets nobody
log in. A token works once (``used_at``) and until ``expires_at``.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone


def hash_token(token: str) -> str:
    """The stored form of a raw token: hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class LoginToken(models.Model):
    """A single-use, expiring login link for one user (observers log in by QR code)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_tokens")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.CharField(max_length=150, blank=True, default="", help_text="who issued it")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "used_at"])]

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()

    def __str__(self) -> str:
        state = "used" if self.used_at else ("valid" if self.is_usable else "expired")
        return f"Login token for {self.user} ({state}, expires {self.expires_at:%Y-%m-%d %H:%M} UTC)"
