"""The mission's Ed25519 signing key, kept in a file of the data directory
(``keys/ledger-signing.json``, readable by its owner only; ``SAYLAU_LEDGER_KEY``
names another file). The database holds only the public half
(:class:`~saylau.ledger.models.SigningKey`)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings

from saylau.core.errors import UserError


def path() -> Path:
    chosen = os.environ.get("SAYLAU_LEDGER_KEY")
    return Path(chosen) if chosen else Path(settings.DATA_DIR) / "keys" / "ledger-signing.json"


def write(name: str, key: Ed25519PrivateKey) -> Path:
    """Write ``key`` under ``name``, replacing the file (the caller keeps the old one if it must)."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())
    text = json.dumps({"name": name, "ed25519_private": base64.b64encode(seed).decode("ascii")})
    temporary = target.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    temporary.replace(target)
    return target


def read() -> tuple[str, Ed25519PrivateKey]:
    """``(name, private key)``; :class:`UserError` saying what to run when there is none."""
    source = path()
    if not source.exists():
        raise UserError(f"no signing key at {source}: run `saylau ledger keygen --name <mission>` first")
    try:
        data = json.loads(source.read_text())
        key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["ed25519_private"]))
        return str(data["name"]), key
    except (ValueError, KeyError, TypeError) as error:
        raise UserError(f"{source} is not a saylau signing key ({error})") from error
