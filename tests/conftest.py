"""Shared test setup.

Database tests are marked ``django_db`` (pytest-django); ``make test`` runs the
whole suite on SQLite and then every ``django_db`` test again on PostgreSQL
(``DATABASE_URL``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SAYLAU_DATA_DIR", tempfile.mkdtemp(prefix="saylau-test-"))

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
