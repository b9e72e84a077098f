"""The ledger: an append-only, SHA-256 hash-chained record of every change.

``chain`` holds the pure arithmetic (canonical JSON, hashes, verification);
``models``, ``services`` and ``checks`` keep the chain in the database, append
to it from every service, and verify it and the objects it vouches for.
"""
