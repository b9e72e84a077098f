"""The database: Django set up on the data directory, and the fast paths' SQL.

``setup`` points Django at the data directory, sets it up and migrates; the
command line, ``saylau serve`` and the benchmarks call it. ``rawsql`` holds the
prepared statements and JSON record sets of the hot write paths.
"""

from __future__ import annotations

import os


def setup(data_dir: str | None, *, migrate: bool = True) -> None:
    """Point Django at the data directory, set it up and migrate."""
    from saylau.core import datadir

    path = datadir.ensure(datadir.resolve(data_dir))
    os.environ[datadir.ENV_VAR] = str(path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saylau.settings")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
