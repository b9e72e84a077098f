"""Where saylau keeps its files: the data directory.

Resolved from, in order: an explicit path (``--data-dir``), the environment
variable ``SAYLAU_DATA_DIR``, then ``./saylau-data`` in the working directory.
The SQLite database (when ``DATABASE_URL`` is not set) and every output
(open data, reports, statements) live below it.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "SAYLAU_DATA_DIR"
DEFAULT = "saylau-data"
MARKER = ".saylau-data-dir"


def resolve(path: str | os.PathLike | None = None) -> Path:
    """Return the data directory as an absolute path (not created)."""
    chosen = path or os.environ.get(ENV_VAR) or DEFAULT
    return Path(chosen).expanduser().resolve()


def ensure(path: Path) -> Path:
    """Create the data directory and its marker file; return it."""
    path.mkdir(parents=True, exist_ok=True)
    (path / MARKER).touch()
    return path


def is_data_dir(path: Path) -> bool:
    """True when ``path`` was created by saylau (safe to wipe for a fresh demo)."""
    return (path / MARKER).exists()
