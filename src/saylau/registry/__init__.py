"""The voter register audit (issue #16): a register of millions of voters
imported and kept in Parquet files in the data directory, names matched
across Kazakh and Russian Cyrillic and their Latin spellings, duplicates
found by exact passes and a Fellegi-Sunter model (Splink on DuckDB, or on
Spark), the other register checks (implausible records, growth outliers,
deceased voters, special-station voters still on their home lists) and
field-audit estimates with intervals for clustered samples.

Pure code in :mod:`saylau.registry.core`: the name normaliser
(:mod:`~saylau.registry.core.names`), the IIN (:mod:`~saylau.registry.core.iin`),
the kz-2011 register with ground truth (:mod:`~saylau.registry.core.simulation`),
deduplication (:mod:`~saylau.registry.core.dedupe`), the checks
(:mod:`~saylau.registry.core.checks`) and field audits
(:mod:`~saylau.registry.core.fieldaudit`). Django: the audit's results (runs,
pairs and their clerical decisions, flags) with a ledger entry each. See
docs/registry.md.
"""
