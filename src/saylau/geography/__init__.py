"""The election's structure: elections, the tree of units, commissions and
their members, polling stations, parties and candidates."""
