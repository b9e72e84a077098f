"""Tamper-evident ledger: a SHA-256 hash chain over canonical JSON payloads."""
