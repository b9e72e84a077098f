"""A Merkle tree over the ledger's entries, hashed as RFC 6962 (section 2.1) says.

- a leaf's hash is ``SHA-256(0x00 || leaf data)``, an inner node's
  ``SHA-256(0x01 || left || right)``; the tree of ``n`` leaves splits at the
  largest power of two smaller than ``n``, the empty tree's hash is
  ``SHA-256()``;
- the leaf of ledger entry ``s`` (sequence numbers start at 1) is leaf
  ``s - 1``, and its data are the 32 bytes of the entry's chain hash
  (:func:`saylau.ledger.core.chain.entry_hash`), so a leaf commits to its
  entry and, through the chain, to every entry before it.

Nodes are addressed ``(level, index)``: the node at ``level`` ``l`` and
``index`` ``i`` is the hash of leaves ``[i * 2**l, (i + 1) * 2**l)``, a
complete, aligned subtree. A store keeps these nodes for every complete
subtree of the leaves appended so far (:func:`extend` gives the new ones);
any other range that a root or a proof needs is a run of such nodes
(:func:`range_hash`). Proofs are computed on a ``get(level, index)`` callable,
so that the nodes they need can be fetched in one query first
(:func:`needed`).

Inclusion and consistency proofs and their verification follow RFC 6962
sections 2.1.1 and 2.1.2 (the ``PATH`` and ``SUBPROOF`` recursions) and RFC
9162 section 2.1.3 and 2.1.4 (the verification algorithms); they reproduce
the test vectors of the transparency-dev Merkle library (tests).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

Get = Callable[[int, int], bytes]

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    """RFC 6962 leaf hash of ``data``."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 hash of an inner node."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def entry_leaf(entry_hash_hex: str) -> bytes:
    """The leaf hash of the ledger entry whose chain hash is ``entry_hash_hex``."""
    return leaf_hash(bytes.fromhex(entry_hash_hex))


def _split(n: int) -> int:
    """The largest power of two smaller than ``n`` (``n >= 2``)."""
    return 1 << ((n - 1).bit_length() - 1)


def range_hash(get: Get, start: int, end: int) -> bytes:
    """The hash of the tree over leaves ``[start, end)``, where ``start`` is
    a multiple of the largest power of two not above ``end - start`` (true of
    every range the RFC's recursions ask for), from complete nodes."""
    size = end - start
    if size <= 0:
        return EMPTY_ROOT
    if size & (size - 1) == 0:
        level = size.bit_length() - 1
        return get(level, start >> level)
    k = _split(size)
    return node_hash(get((k.bit_length() - 1), start >> (k.bit_length() - 1)), range_hash(get, start + k, end))


def root(get: Get, size: int) -> bytes:
    """The root of the tree of the first ``size`` leaves."""
    return range_hash(get, 0, size)


def inclusion_proof(get: Get, index: int, size: int) -> list[bytes]:
    """The audit path of leaf ``index`` in the tree of ``size`` leaves (RFC 6962 ``PATH``)."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size} leaves")
    proof: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        k = _split(end - start)
        if index < start + k:
            proof.append(range_hash(get, start + k, end))
            end = start + k
        else:
            proof.append(range_hash(get, start, start + k))
            start += k
    proof.reverse()
    return proof


def consistency_proof(get: Get, size1: int, size2: int) -> list[bytes]:
    """The proof that the tree of ``size1`` leaves is a prefix of the tree of
    ``size2`` (RFC 6962 ``PROOF`` and ``SUBPROOF``)."""
    if not 0 < size1 <= size2:
        raise ValueError(f"no consistency proof from {size1} to {size2} leaves")
    proof: list[bytes] = []

    def sub(m: int, start: int, end: int, whole: bool) -> None:
        n = end - start
        if m == n:
            if not whole:
                proof.append(range_hash(get, start, end))
            return
        k = _split(n)
        if m <= k:
            sub(m, start, start + k, whole)
            proof.append(range_hash(get, start + k, end))
        else:
            sub(m - k, start + k, end, False)
            proof.append(range_hash(get, start, start + k))

    if size1 < size2:
        sub(size1, 0, size2, True)
    return proof


def needed(compute: Callable[[Get], object]) -> set[tuple[int, int]]:
    """The ``(level, index)`` nodes that ``compute(get)`` reads: run it once
    with a recording ``get`` (hashes are placeholders), so that a store can
    fetch them all in one query before the real run."""
    keys: set[tuple[int, int]] = set()

    def record(level: int, index: int) -> bytes:
        keys.add((level, index))
        return EMPTY_ROOT

    compute(record)
    return keys


def extend(get: Get, old_size: int, leaves: Sequence[bytes]) -> dict[tuple[int, int], bytes]:
    """The nodes to add when ``leaves`` (leaf hashes) are appended to a tree of
    ``old_size`` leaves: every complete subtree that did not exist before,
    leaves included, as ``{(level, index): hash}``. ``get`` gives the old
    nodes it needs: at most one per level (:func:`frontier`)."""
    new: dict[tuple[int, int], bytes] = {}
    for i, value in enumerate(leaves):
        new[(0, old_size + i)] = value
    size = old_size + len(leaves)
    level = 0
    while (size >> (level + 1)) > (old_size >> (level + 1)):
        below_old, parent = old_size >> level, level + 1
        for i in range(old_size >> parent, size >> parent):
            left = new.get((level, 2 * i)) if 2 * i >= below_old else get(level, 2 * i)
            new[(parent, i)] = node_hash(left, new[(level, 2 * i + 1)])
        level = parent
    return new


def frontier(old_size: int, new_size: int) -> list[tuple[int, int]]:
    """The old nodes :func:`extend` reads when the tree grows from ``old_size``
    to ``new_size`` leaves: the left sibling of the first new node at each
    level, where that sibling already existed."""
    keys = []
    level = 0
    while (new_size >> (level + 1)) > (old_size >> (level + 1)):
        below_old = old_size >> level
        first = (old_size >> (level + 1)) * 2
        if first < below_old:
            keys.append((level, first))
        level += 1
    return keys


def build(leaves: Iterable[bytes]) -> dict[tuple[int, int], bytes]:
    """Every complete node over ``leaves`` (a tree built from scratch)."""
    return extend(lambda level, index: EMPTY_ROOT, 0, list(leaves))


# Verification: needs nothing but the proof, as an independent client would.

def root_from_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root that ``proof`` gives for ``leaf`` at ``index`` in a tree of
    ``size`` leaves (RFC 9162, 2.1.3.2); ``ValueError`` if the proof has the
    wrong shape."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size} leaves")
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if len(p) != 32:
            raise ValueError("a proof hash is not 32 bytes")
        if sn == 0:
            raise ValueError("the proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ValueError("the proof is shorter than the tree is deep")
    return r


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], expected_root: bytes) -> bool:
    """True when ``proof`` shows ``leaf`` at ``index`` in the tree of ``size`` with ``expected_root``."""
    if len(leaf) != 32 or len(expected_root) != 32:
        return False
    try:
        return root_from_inclusion(index, size, leaf, proof) == expected_root
    except ValueError:
        return False


def verify_consistency(size1: int, size2: int, root1: bytes, root2: bytes, proof: Sequence[bytes]) -> bool:
    """True when ``proof`` shows the tree of ``size1`` (``root1``) to be a prefix
    of the tree of ``size2`` (``root2``) (RFC 9162, 2.1.4.2)."""
    if len(root1) != 32 or len(root2) != 32 or not 0 < size1 <= size2:
        return False
    if any(len(p) != 32 for p in proof):
        return False
    if size1 == size2:
        return not proof and root1 == root2
    if not proof:
        return False
    path = list(proof)
    if size1 & (size1 - 1) == 0:  # size1 a power of two: its root is the first node
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == root1 and sr == root2
