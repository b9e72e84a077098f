"""The ledger: an append-only, SHA-256 hash-chained record of every change.

Public surface: ``core`` (pure: canonical JSON, hashes, chain verification,
column-wise payloads), ``models`` (``LedgerEntry``, ``LedgerHead``) and
``services`` (``record``, ``record_many``, ``record_texts``, the head).
``checks`` verifies the chain and every object a package's
``ledger_snapshots`` declares; ``saylau ledger verify`` runs it.
"""
