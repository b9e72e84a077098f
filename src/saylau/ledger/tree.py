"""The Merkle tree's nodes in the database (:class:`~saylau.ledger.models.MerkleNode`).

The tree is derived data: :func:`sync` appends the leaves of entries not in
it yet (reading only their sequence numbers and hashes) and every complete
node above them, reading at most one old node per level; :func:`getter` fetches
the nodes a root or a proof needs in one query. Both run in the caller's
transaction; :func:`sync` locks the node table against a second writer.
"""

from __future__ import annotations

import polars as pl
from django.db import connection

from saylau import db
from saylau.ledger.core import merkle
from saylau.ledger.models import LedgerEntry, MerkleNode

TABLE = MerkleNode._meta.db_table
ENTRIES = LedgerEntry._meta.db_table


class TreeError(ValueError):
    """The entries cannot be turned into a tree (a gap in the sequence)."""


def size() -> int:
    """How many leaves the stored tree has."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(position) FROM {TABLE} WHERE level = 0")
        last = cursor.fetchone()[0]
    return 0 if last is None else int(last) + 1


def fetch(keys) -> dict[tuple[int, int], bytes]:
    """The stored nodes ``{(level, position): hash}`` of ``keys``."""
    keys = list(keys)
    found: dict[tuple[int, int], bytes] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(keys), 200):
            part = keys[start:start + 200]
            where = " OR ".join("(level = %s AND position = %s)" for _ in part)
            cursor.execute(f"SELECT level, position, hash FROM {TABLE} WHERE {where}",
                           [v for k in part for v in k])
            found.update({(int(lv), int(p)): bytes.fromhex(h) for lv, p, h in cursor.fetchall()})
    return found


def getter(compute) -> merkle.Get:
    """A ``get(level, position)`` holding every node ``compute(get)`` reads, fetched at once."""
    nodes = fetch(merkle.needed(compute))

    def get(level: int, position: int) -> bytes:
        try:
            return nodes[(level, position)]
        except KeyError:
            raise TreeError(f"the tree has no node {level}/{position}: make a checkpoint first") from None
    return get


def sync(up_to: int | None = None) -> int:
    """Append the leaves of the entries after the stored tree (up to sequence
    ``up_to``, default all) and the nodes above them; return the new size."""
    db.lock_table(TABLE)
    old = size()
    params: list = [old]
    clause = ""
    if up_to is not None:
        clause, params = " AND sequence <= %s", [old, up_to]
    frame = db.read_text_frame(f"SELECT sequence, hash FROM {ENTRIES} WHERE sequence > %s{clause} ORDER BY sequence",
                               params, 2)
    if frame.is_empty():
        return old
    sequences = frame["c0"].cast(pl.Int64)
    expected = pl.int_range(old + 1, old + 1 + frame.height, eager=True)
    gap = (sequences != expected).arg_true()
    if len(gap):
        i = int(gap[0])
        raise TreeError(f"ledger entry {int(expected[i])} is missing (found {int(sequences[i])} after "
                        f"{int(expected[i]) - 1}): run `saylau ledger verify`")
    leaves = [merkle.entry_leaf(h) for h in frame["c1"].to_list()]
    keys = merkle.frontier(old, old + len(leaves))
    old_nodes = fetch(keys)
    new = merkle.extend(lambda level, position: old_nodes[(level, position)], old, leaves)
    rows = pl.DataFrame({
        "level": [k[0] for k in new], "position": [k[1] for k in new], "hash": [v.hex() for v in new.values()],
    }, schema={"level": pl.Int64, "position": pl.Int64, "hash": pl.Utf8})
    with db.frame_writer(TABLE, ("level", "position", "hash")) as write:
        for start in range(0, rows.height, 200_000):
            write(rows.slice(start, 200_000))
    return old + len(leaves)


def root(tree_size: int) -> bytes:
    return merkle.root(getter(lambda get: merkle.root(get, tree_size)), tree_size)
