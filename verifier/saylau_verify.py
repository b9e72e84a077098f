#!/usr/bin/env python3
"""An independent verifier of a saylau ledger's publication.

It imports nothing from saylau: it reads the files a mission publishes
(``saylau ledger publish``) and the receipts and checkpoints observers kept,
and checks them with SHA-256 and Ed25519 alone (Ed25519 from the
``cryptography`` package). Every rule it applies is written out in
verifier/README.md, so that it can be re-implemented from that page alone.

Usage::

    python saylau_verify.py PUBLISHED_DIR [--key VERIFIER_KEY ...]
        [--checkpoint FILE ...] [--receipt FILE ...] [--consistency FILE ...]

Exit status 0 when everything checks, 1 when something does not (each
finding printed on its own line), 2 when an input cannot be read.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
from pathlib import Path

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
except ImportError:  # pragma: no cover - told to the user
    sys.exit("saylau_verify needs the 'cryptography' package for Ed25519: pip install cryptography")

ZERO = "0" * 64
EM_DASH = "\u2014"


class Unreadable(Exception):
    """An input that is not what the format says."""


# --- hashing (RFC 6962 section 2.1) ------------------------------------------------------------

def h_leaf(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def h_node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def largest_power_below(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def roots_at(leaves: list[bytes], sizes: set[int]) -> dict[int, bytes]:
    """The tree root at each size in ``sizes`` (<= len(leaves)), in one pass:
    a stack of complete subtrees, folded right to left at each wanted size."""
    out: dict[int, bytes] = {}
    stack: list[tuple[int, bytes]] = []  # (number of leaves, hash), sizes strictly decreasing
    if 0 in sizes:
        out[0] = hashlib.sha256(b"").digest()
    for count, leaf in enumerate(leaves, start=1):
        width, value = 1, leaf
        while stack and stack[-1][0] == width:
            left_width, left = stack.pop()
            width, value = width + left_width, h_node(left, value)
        stack.append((width, value))
        if count in sizes:
            folded = stack[-1][1]
            for _, left in reversed(stack[:-1]):
                folded = h_node(left, folded)
            out[count] = folded
    return out


def root_by_path(index: int, size: int, leaf: bytes, path: list[bytes]) -> bytes:
    """The root an inclusion path gives (path ordered from the leaf upwards)."""
    if size == 1:
        if path:
            raise Unreadable("the inclusion proof is longer than the tree is deep")
        return leaf
    if not path:
        raise Unreadable("the inclusion proof is shorter than the tree is deep")
    k = largest_power_below(size)
    sibling, rest = path[-1], path[:-1]
    if index < k:
        return h_node(root_by_path(index, k, leaf, rest), sibling)
    return h_node(sibling, root_by_path(index - k, size - k, leaf, rest))


def roots_by_consistency(size1: int, size2: int, root1: bytes, proof: list[bytes]) -> tuple[bytes, bytes]:
    """The (old, new) roots a consistency proof gives, consuming it from the top."""
    remaining = list(proof)

    def walk(m: int, n: int, whole: bool) -> tuple[bytes, bytes]:
        if m == n:
            if whole:
                return root1, root1
            if not remaining:
                raise Unreadable("the consistency proof is too short")
            node = remaining.pop()
            return node, node
        if not remaining:
            raise Unreadable("the consistency proof is too short")
        k = largest_power_below(n)
        sibling = remaining.pop()
        if m <= k:
            old, new = walk(m, k, whole)
            return old, h_node(new, sibling)
        old, new = walk(m - k, n - k, False)
        return h_node(sibling, old), h_node(sibling, new)

    result = walk(size1, size2, True)
    if remaining:
        raise Unreadable("the consistency proof is too long")
    return result


# --- signed checkpoints (C2SP signed-note and tlog-checkpoint) --------------------------------

def read_key(text: str) -> tuple[str, bytes, bytes]:
    try:
        name, key_hex, blob = text.strip().split("+", 2)
        raw = base64.b64decode(blob, validate=True)
    except ValueError as error:
        raise Unreadable(f"not a verifier key: {text.strip()[:60]!r}") from error
    if len(raw) != 33 or raw[0] != 1:
        raise Unreadable("the verifier key is not an Ed25519 key")
    expected = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if expected.hex() != key_hex:
        raise Unreadable("the verifier key's id does not match its name and key")
    return name, expected, raw[1:]


def read_checkpoint(note: str, keys: list[tuple[str, bytes, bytes]], where: str) -> dict:
    text, blank, signatures = note.partition("\n\n")
    if not blank:
        raise Unreadable(f"{where}: not a signed note")
    text += "\n"
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 3:
        raise Unreadable(f"{where}: a checkpoint has origin, size and root lines")
    try:
        size = int(lines[1])
        root = base64.b64decode(lines[2], validate=True)
    except ValueError as error:
        raise Unreadable(f"{where}: unreadable size or root") from error
    signed_by = None
    for line in signatures.split("\n"):
        if not line:
            continue
        if not line.startswith(EM_DASH + " "):
            raise Unreadable(f"{where}: not a signature line")
        name, _, blob = line[2:].rpartition(" ")
        raw = base64.b64decode(blob)
        for key_name, key_id, public in keys:
            if key_name == name and raw[:4] == key_id:
                try:
                    Ed25519PublicKey.from_public_bytes(public).verify(raw[4:], text.encode())
                    signed_by = name
                except InvalidSignature:
                    pass
    time = next((x[5:] for x in lines[3:] if x.startswith("time ")), "")
    return {"origin": lines[0], "size": size, "root": root, "time": time, "signed_by": signed_by, "where": where}


# --- reading the entries, on every core ----------------------------------------------------------

def scan(path: str, start: int, end: int) -> dict:
    """Check the lines that begin in bytes [start, end) of entries.jsonl on their
    own: consecutive sequence numbers, each previous_hash the hash before it,
    each published payload giving its hash. The first line's link is checked by
    the caller, against the chunk before."""
    out = {"first": None, "previous": None, "last": None, "count": 0, "leaves": b"", "payloads": 0,
           "problems": [], "broken": False}
    leaves = []
    with open(path, "rb") as handle:
        if start:
            handle.seek(start - 1)
            if handle.read(1) != b"\n":
                handle.readline()  # the line began in the chunk before
        expected = previous = None
        while handle.tell() < end:
            line = handle.readline()
            if not line:
                break
            try:
                item = json.loads(line)
                sequence, before, digest = int(item["sequence"]), item["previous_hash"], item["hash"]
            except (ValueError, KeyError, TypeError) as error:
                out["problems"].append(f"entries.jsonl: a line that is not an entry ({error}) after "
                                       f"entry {expected - 1 if expected else 'start'}")
                out["broken"] = True
                break
            if expected is None:
                out["first"], out["previous"] = sequence, before
            elif sequence != expected:
                out["problems"].append(f"entry {sequence} found where {expected} was expected: entries missing "
                                       "or out of order")
                out["broken"] = True
                break
            elif before != previous:
                out["problems"].append(f"entry {sequence}: previous_hash is not the hash of entry {sequence - 1}")
            if "payload" in item:
                out["payloads"] += 1
                if hashlib.sha256(before.encode("ascii") + item["payload"].encode("utf-8")).hexdigest() != digest:
                    out["problems"].append(f"entry {sequence}: its hash does not match its payload")
            leaves.append(h_leaf(bytes.fromhex(digest)))
            expected, previous = sequence + 1, digest
    out["leaves"], out["count"], out["last"] = b"".join(leaves), len(leaves), previous
    return out


def read_entries(path: Path, workers: int | None = None) -> list[dict]:
    """:func:`scan` over the file in as many byte ranges as there are cores, in order."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    size = path.stat().st_size
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if size >= 4_000_000 else 1
    if workers == 1:
        return [scan(str(path), 0, size)]
    bounds = [size * i // workers for i in range(workers + 1)]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(scan, [str(path)] * workers, bounds[:-1], bounds[1:]))


# --- the checks -----------------------------------------------------------------------------------

def check(published: Path | None, trusted: list[str], notes: list[Path], receipts: list[Path],
          proofs: list[Path]) -> tuple[list[str], dict]:
    problems: list[str] = []
    stats = {"entries": 0, "payloads": 0, "checkpoints": 0, "receipts": 0, "consistency": 0}
    key_lines = list(trusted)
    if not key_lines and published is not None and (published / "keys.txt").exists():
        key_lines = [x for x in (published / "keys.txt").read_text().splitlines() if x.strip()]
    keys = [read_key(x) for x in key_lines]
    if not keys:
        raise Unreadable("no verifier key: give --key or publish keys.txt")

    checkpoints = []
    files = sorted((published / "checkpoints").glob("*.txt")) if published and (published / "checkpoints").exists() else []
    for path in [*files, *notes]:
        cp = read_checkpoint(path.read_text(encoding="utf-8"), keys, path.name)
        if cp["signed_by"] is None:
            problems.append(f"{path.name}: the checkpoint's signature does not verify under a trusted key")
            continue
        checkpoints.append(cp)
    stats["checkpoints"] = len(checkpoints)
    by_size: dict[int, dict] = {}
    for cp in checkpoints:
        other = by_size.setdefault(cp["size"], cp)
        if other["root"] != cp["root"]:
            problems.append(f"split view: {other['where']} and {cp['where']} both sign a tree of {cp['size']} "
                            "entries with different roots")

    # receipts: each one's checkpoint joins the others, its proof is checked on its own
    kept = []
    items = []
    for path in receipts:  # one receipt, or the observer app's download: {"receipts": [...]}
        data = json.loads(path.read_text(encoding="utf-8"))
        items += [(path, r) for r in (data["receipts"] if isinstance(data, dict) and "receipts" in data else [data])]
    for path, receipt in items:
        stats["receipts"] += 1
        sequence, digest = int(receipt["sequence"]), receipt["hash"]
        kept.append((path.name, sequence, digest))
        if not receipt.get("checkpoint"):
            continue
        cp = read_checkpoint(receipt["checkpoint"]["note"], keys, path.name)
        if cp["signed_by"] is None:
            problems.append(f"{path.name}: the receipt's checkpoint does not verify under a trusted key")
            continue
        other = by_size.setdefault(cp["size"], cp)
        if other["root"] != cp["root"]:
            problems.append(f"split view: {path.name} holds a checkpoint of {cp['size']} entries with another "
                            f"root than {other['where']}")
        checkpoints.append(cp)
        try:
            path_hashes = [bytes.fromhex(x) for x in receipt.get("inclusion") or []]
            got = root_by_path(sequence - 1, cp["size"], h_leaf(bytes.fromhex(digest)), path_hashes)
        except (Unreadable, ValueError) as error:
            problems.append(f"{path.name}: unreadable inclusion proof ({error})")
            continue
        if got != cp["root"]:
            problems.append(f"{path.name}: entry {sequence} is not in the checkpoint it came with")
    published_sizes = [cp["size"] for cp in checkpoints if cp["where"] in {p.name for p in files}]
    for cp in checkpoints:
        if published_sizes and cp["size"] > max(published_sizes):
            problems.append(f"{cp['where']}: a checkpoint of {cp['size']} entries, but the mission's latest published "
                            f"checkpoint has {max(published_sizes)}: the ledger was rolled back or its head withheld")

    leaves: list[bytes] = []
    if published is not None and (published / "entries.jsonl").exists():
        chunks = read_entries(published / "entries.jsonl")
        previous = ZERO
        for chunk in chunks:
            problems += chunk["problems"]
            stats["payloads"] += chunk["payloads"]
            if chunk["first"] is None:
                continue
            if chunk["first"] != len(leaves) + 1:
                problems.append(f"entry {chunk['first']} found where {len(leaves) + 1} was expected: entries "
                                "missing or out of order")
                break
            if chunk["previous"] != previous:
                problems.append(f"entry {chunk['first']}: previous_hash is not the hash of entry {chunk['first'] - 1}")
            blob = chunk["leaves"]
            leaves += [blob[i:i + 32] for i in range(0, len(blob), 32)]
            previous = chunk["last"]
            if chunk["broken"]:
                break
        stats["entries"] = len(leaves)
        roots = roots_at(leaves, {cp["size"] for cp in checkpoints if cp["size"] <= len(leaves)})
        for cp in checkpoints:
            if cp["size"] > len(leaves):
                problems.append(f"{cp['where']}: signed for {cp['size']} entries but only {len(leaves)} are "
                                "published: entries were rolled back")
            elif roots[cp["size"]] != cp["root"]:
                problems.append(f"{cp['where']}: the published entries do not give the signed root of "
                                f"{cp['size']} entries: entries were changed after it was signed")
        for name, sequence, digest in kept:
            if sequence > len(leaves):
                problems.append(f"{name}: entry {sequence} is not among the {len(leaves)} published entries")
            elif leaves[sequence - 1] != h_leaf(bytes.fromhex(digest)):
                problems.append(f"{name}: entry {sequence} is published with another hash than the receipt's")

    for path in proofs:
        stats["consistency"] += 1
        proof = json.loads(path.read_text(encoding="utf-8"))
        first, second = by_size.get(int(proof["size1"])), by_size.get(int(proof["size2"]))
        if first is None or second is None:
            problems.append(f"{path.name}: no trusted checkpoint of {proof['size1']} or {proof['size2']} entries")
            continue
        try:
            old, new = roots_by_consistency(first["size"], second["size"], first["root"],
                                            [bytes.fromhex(x) for x in proof["consistency"]])
        except (Unreadable, ValueError) as error:
            problems.append(f"{path.name}: unreadable consistency proof ({error})")
            continue
        if (first["size"] == second["size"] and first["root"] != second["root"]) or old != first["root"] \
                or new != second["root"]:
            problems.append(f"{path.name}: the checkpoint of {first['size']} entries is not a prefix of the one "
                            f"of {second['size']}: the log was forked or rewritten")
    return problems, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a saylau ledger publication, checkpoints and receipts.")
    parser.add_argument("published", nargs="?", type=Path, help="the directory `saylau ledger publish` wrote")
    parser.add_argument("--key", action="append", default=[], help="a trusted verifier key (name+id+key)")
    parser.add_argument("--checkpoint", action="append", default=[], type=Path, help="a checkpoint kept elsewhere")
    parser.add_argument("--receipt", action="append", default=[], type=Path, help="a receipt (JSON)")
    parser.add_argument("--consistency", action="append", default=[], type=Path, help="a consistency proof (JSON)")
    args = parser.parse_args(argv)
    try:
        problems, stats = check(args.published, args.key, args.checkpoint, args.receipt, args.consistency)
    except (Unreadable, OSError, ValueError, KeyError) as error:
        print(f"cannot verify: {error}", file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    print(f"{'FAILED' if problems else 'OK'}: {stats['entries']:,} entries ({stats['payloads']:,} with payload), "
          f"{stats['checkpoints']} checkpoints, {stats['receipts']} receipts, {stats['consistency']} consistency proofs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
