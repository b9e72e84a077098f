"""The results chain: protocols, arithmetic checks, tabulation, corrections,
publication and the quick count.

Public surface (what other packages may import):

- ``core``: pure code, no Django: protocol checks (``core.checks``),
  tabulation (``core.tabulate``) and the quick count (``core.quickcount``);
  the protocol lines themselves are in ``saylau.core.protocol``;
- ``models``, ``choices``;
- ``selectors``: protocols a user may see, station figures, totals,
  candidates with their names, discrepancies, publication status, quick count;
- ``services``: every write (imports, checks, tabulation, corrections,
  double-blind entry, publication), each with its ledger entries.

Storage helpers, presets, the API, commands and demo step are its own.
"""
