"""Signed checkpoints of the ledger's Merkle tree, in the formats Certificate
Transparency's successors use, so that tools outside saylau can read them.

A checkpoint (C2SP ``tlog-checkpoint``) is a text of lines::

    <origin>
    <tree size, decimal>
    <root hash, base64>
    time <UTC time the checkpoint was made, ISO 8601>

signed as a C2SP ``signed-note``: the text, an empty line, then one line per
signature, ``— <key name> <base64(key id || Ed25519 signature)>``, where the
key id is the first four bytes of ``SHA-256(<key name> "\\n" 0x01 <public key>)``
and the signature is over the text (the lines above, each ending in a
newline). A verifier key is written ``<name>+<key id, 8 hex>+<base64(0x01 ||
public key)>``.

Ed25519 comes from ``cryptography`` (the maintained binding to OpenSSL).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = b"\x01"
DASH = "\u2014"


class NoteError(ValueError):
    """A checkpoint or key that cannot be read or does not verify."""


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    time: str = ""

    def text(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode("ascii")]
        if self.time:
            lines.append(f"time {self.time}")
        return "\n".join(lines) + "\n"


def key_id(name: str, public: bytes) -> bytes:
    return hashlib.sha256(name.encode("utf-8") + b"\n" + ED25519 + public).digest()[:4]


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verifier_key(name: str, public: bytes) -> str:
    """The verifier key string of a named Ed25519 public key."""
    if not name or any(c.isspace() or c == "+" for c in name):
        raise NoteError(f"a key name has no spaces or '+': {name!r}")
    return f"{name}+{key_id(name, public).hex()}+{base64.b64encode(ED25519 + public).decode('ascii')}"


def parse_verifier_key(text: str) -> tuple[str, bytes, bytes]:
    """``(name, key id, public key)`` of a verifier key string."""
    try:
        name, kid, blob = text.strip().split("+", 2)
        raw = base64.b64decode(blob, validate=True)
    except ValueError as error:
        raise NoteError(f"not a verifier key (name+id+key): {text.strip()[:80]!r}") from error
    if raw[:1] != ED25519 or len(raw) != 33:
        raise NoteError("the verifier key is not an Ed25519 key")
    if key_id(name, raw[1:]).hex() != kid:
        raise NoteError("the verifier key's id does not match its name and key")
    return name, bytes.fromhex(kid), raw[1:]


def sign(checkpoint: Checkpoint, name: str, private: Ed25519PrivateKey) -> str:
    """The signed note of ``checkpoint``."""
    body = checkpoint.text()
    public = public_bytes(private.public_key())
    signature = private.sign(body.encode("utf-8"))
    blob = base64.b64encode(key_id(name, public) + signature).decode("ascii")
    return f"{body}\n{DASH} {name} {blob}\n"


def open_note(note: str, keys: list[str]) -> Checkpoint:
    """The checkpoint in a signed note whose signature verifies under one of
    the verifier ``keys``; :class:`NoteError` otherwise."""
    body, sep, signatures = note.partition("\n\n")
    if not sep:
        raise NoteError("not a signed note: no empty line before the signatures")
    body += "\n"
    known = {}
    for k in keys:
        name, kid, public = parse_verifier_key(k)
        known[(name, kid)] = public
    for line in signatures.splitlines():
        if not line.startswith(DASH + " "):
            raise NoteError(f"not a signature line: {line[:60]!r}")
        try:
            name, blob = line[2:].rsplit(" ", 1)
            raw = base64.b64decode(blob, validate=True)
        except ValueError as error:
            raise NoteError(f"unreadable signature line: {line[:60]!r}") from error
        public = known.get((name, raw[:4]))
        if public is None or len(raw) != 68:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(raw[4:], body.encode("utf-8"))
        except InvalidSignature as error:
            raise NoteError(f"the signature of {name} does not verify: the checkpoint was altered") from error
        return parse_checkpoint(body)
    raise NoteError("no signature by a trusted key")


def parse_checkpoint(body: str) -> Checkpoint:
    lines = body.rstrip("\n").split("\n")
    if len(lines) < 3:
        raise NoteError("a checkpoint has at least three lines: origin, size, root")
    try:
        size = int(lines[1])
        root = base64.b64decode(lines[2], validate=True)
    except ValueError as error:
        raise NoteError("a checkpoint's size is a number and its root base64") from error
    if size < 0 or len(root) != 32:
        raise NoteError("a checkpoint's size is not negative and its root 32 bytes")
    time = next((line[5:] for line in lines[3:] if line.startswith("time ")), "")
    return Checkpoint(lines[0], size, root, time)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
