"""Pure code of the register audit: no Django, no database (NumPy, Polars, DuckDB, Splink)."""
