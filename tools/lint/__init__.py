"""saylau's own import-linter contract types (loaded by `lint-imports` from the repository root)."""
