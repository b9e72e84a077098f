"""Candidates and accreditation (issue #17): nominees on their way to
registration, the eligibility checks with their evidence, support signatures
verified against the voter register (every invalid line with its reason), the
sample check election bodies use, and the accreditation of candidates'
proxies and of domestic and international observers.

Pure code in :mod:`saylau.nomination.core`; Django models, services (each
write a ledger entry), selectors and commands beside it. It sits above
:mod:`saylau.registry`, whose name keys it matches signatures with. See
docs/nomination.md.
"""
