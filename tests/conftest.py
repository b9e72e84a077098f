"""Shared test setup.

Database tests are marked ``django_db`` (pytest-django); ``make test`` runs the
whole suite on SQLite and then every ``django_db`` test again on PostgreSQL
(``DATABASE_URL``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# one data directory per test process: pytest-xdist's workers inherit the variable from the
# process that loaded this file first, and two workers simulating into one directory (its
# simulation/<slug>/results.parquet) would read each other's files
if "PYTEST_XDIST_WORKER" in os.environ:
    os.environ["SAYLAU_DATA_DIR"] = tempfile.mkdtemp(prefix=f"saylau-test-{os.environ['PYTEST_XDIST_WORKER']}-")
else:
    os.environ.setdefault("SAYLAU_DATA_DIR", tempfile.mkdtemp(prefix="saylau-test-"))
# WhiteNoise expects the collected static directory to exist
Path(os.environ["SAYLAU_DATA_DIR"], "static").mkdir(parents=True, exist_ok=True)

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"

DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(config, items):
    """Every test that touches the database must carry the ``django_db`` marker,
    because ``make test`` selects that marker for the PostgreSQL pass."""
    unmarked = [
        item.nodeid for item in items
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("django_db") is None
    ]
    if unmarked:
        raise RuntimeError(
            "database tests without the django_db marker would skip PostgreSQL: " + ", ".join(unmarked[:10])
        )


@pytest.fixture(autouse=True)
def _language_of_each_test():
    """Each test starts in the default language: a request through the test client
    (LocaleMiddleware) leaves its language active in the thread, and a later test
    in the same worker would read its messages in Russian or Kazakh."""
    from django.utils import translation

    yield
    translation.deactivate()
