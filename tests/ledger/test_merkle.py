"""The Merkle tree against the test vectors Certificate Transparency
implementations share (transparency-dev/merkle, carried over as data), and
against a from-scratch recursion of RFC 6962 written here."""

from __future__ import annotations

import base64
import hashlib
import json
import random
from pathlib import Path

import pytest

from saylau.ledger.core import merkle

DATA = json.loads((Path(__file__).parent / "data" / "transparency-dev-merkle" / "vectors.json").read_text())
LEAVES = [bytes.fromhex(h) for h in DATA["leaves_hex"]]


def b64(text: str) -> bytes:
    return base64.b64decode(text)


def mth(leaves: list[bytes]) -> bytes:
    """RFC 6962 MTH, written straight from the definition (no shared code)."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:])).digest()


def store(leaves: list[bytes]):
    nodes = merkle.build(merkle.leaf_hash(x) for x in leaves)
    return lambda level, index: nodes[(level, index)]


@pytest.mark.parametrize("name", sorted(DATA["inclusion"]))
def test_inclusion_vectors(name):
    probe = DATA["inclusion"][name]
    proof = [b64(p) for p in probe["proof"] or []]
    ok = merkle.verify_inclusion(probe["leafIdx"], probe["treeSize"], b64(probe["leafHash"]), proof, b64(probe["root"]))
    assert ok is (not probe["wantErr"])
    if not probe["wantErr"]:  # and our prover gives the same path
        get = store(LEAVES[: probe["treeSize"]])
        assert merkle.inclusion_proof(get, probe["leafIdx"], probe["treeSize"]) == proof
        assert merkle.root(get, probe["treeSize"]) == b64(probe["root"])


@pytest.mark.parametrize("name", sorted(DATA["consistency"]))
def test_consistency_vectors(name):
    probe = DATA["consistency"][name]
    proof = [b64(p) for p in probe["proof"] or []]
    ok = merkle.verify_consistency(probe["size1"], probe["size2"], b64(probe["root1"]), b64(probe["root2"]), proof)
    assert ok is (not probe["wantErr"])
    if not probe["wantErr"]:
        get = store(LEAVES[: probe["size2"]])
        assert merkle.consistency_proof(get, probe["size1"], probe["size2"]) == proof


def test_roots_of_the_shared_leaves():
    # sizes 1..8 against the definition, and the published root of all eight
    for n in range(1, 9):
        assert merkle.root(store(LEAVES[:n]), n) == mth(LEAVES[:n])
    assert merkle.root(store(LEAVES), 8).hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    assert merkle.EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_extend_in_steps_equals_building_at_once():
    rng = random.Random(7)
    leaves = [rng.randbytes(rng.randrange(0, 40)) for _ in range(300)]
    hashes = [merkle.leaf_hash(x) for x in leaves]
    nodes: dict = {}
    size = 0
    while size < len(hashes):
        step = rng.choice([1, 2, 3, 7, 16, 33])
        batch = hashes[size:size + step]
        reads = []

        def get(level, index, reads=reads):
            reads.append((level, index))
            return nodes[(level, index)]

        keys = merkle.frontier(size, size + len(batch))
        nodes.update(merkle.extend(get, size, batch))
        assert set(reads) <= set(keys)  # it reads only the frontier it announced
        size += len(batch)
        assert merkle.root(lambda a, b: nodes[(a, b)], size) == mth(leaves[:size])
    assert nodes == merkle.build(hashes)


def test_proofs_for_every_leaf_and_size_verify_and_fail_when_changed():
    leaves = [bytes([i]) * (i % 5) for i in range(37)]
    get = store(leaves)
    for size in range(1, 38):
        r = mth(leaves[:size])
        for index in range(size):
            proof = merkle.inclusion_proof(get, index, size)
            leaf = merkle.leaf_hash(leaves[index])
            assert merkle.verify_inclusion(index, size, leaf, proof, r)
            assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"forged"), proof, r)
            if proof:
                bad = [proof[0][:-1] + bytes([proof[0][-1] ^ 1]), *proof[1:]]
                assert not merkle.verify_inclusion(index, size, leaf, bad, r)
        for size1 in range(1, size + 1):
            proof = merkle.consistency_proof(get, size1, size)
            assert merkle.verify_consistency(size1, size, mth(leaves[:size1]), r, proof)
            if size1 < size:
                assert not merkle.verify_consistency(size1, size, mth(leaves[:size1]), r, proof[:-1])
                other = mth([b"x", *leaves[1:size1]])
                assert not merkle.verify_consistency(size1, size, other, r, proof)


def test_needed_lists_the_nodes_a_proof_reads():
    leaves = [i.to_bytes(2, "big") for i in range(1000)]
    nodes = merkle.build(merkle.leaf_hash(x) for x in leaves)
    keys = merkle.needed(lambda get: merkle.inclusion_proof(get, 617, 1000))
    assert len(keys) <= 2 * 10
    fetched = {k: nodes[k] for k in keys}
    assert merkle.inclusion_proof(lambda a, b: fetched[(a, b)], 617, 1000) == merkle.inclusion_proof(lambda a, b: nodes[(a, b)], 617, 1000)
