"""The pure kernel every package may use: no Django, no database (import-linter
holds this).

``actors`` (who did something), ``datadir`` (where files live), ``plugins``
(finds each package's commands, demo steps, URLs and ledger snapshots),
``steps`` (the demo's step types), ``tabular`` (typed CSV/XLSX reading with
row/column errors), ``protocol`` (protocol lines, their labels, ballots
issued, turnout, shares) and ``wording`` (numbers and dates in each
language's style, the Kazakh PDF-text normaliser).
"""
