"""The election's structure: elections, the tree of units, commissions and
their members, polling stations, parties and candidates.

Public surface: ``core`` (pure: each object's ledger state), ``models``,
``choices``, ``selectors`` (current states for the ledger) and ``services``
(create an election; import or write units, stations, parties, candidates and
members in bulk; edit one object; each write with one ledger entry per
object).
"""
