"""Pure code of the election's structure: no Django, no database (import-linter holds this)."""
