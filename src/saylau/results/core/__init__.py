"""Pure code: no Django, no database (import-linter holds this)."""
