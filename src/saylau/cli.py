"""The ``saylau`` command.

Each capability contributes its subcommands from a ``commands`` module in its
package (``saylau/<package>/commands.py``) with a ``register(subparsers)``
function. A subcommand sets ``needs_db=True`` when it uses the database; the
command line then points Django at the data directory, sets it up and applies
any pending migrations before running it. Command modules import Django and
heavy libraries inside their functions, so ``saylau --help`` stays fast and
``saylau forensics`` never touches a database.
"""

from __future__ import annotations

import argparse
import sys

import saylau
from saylau.core import datadir, plugins


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saylau",
        description="Election observation and results transparency platform.",
    )
    parser.add_argument("--version", action="version", version=f"saylau {saylau.__version__}")
    parser.add_argument(
        "--data-dir",
        help=f"data directory (default: ${datadir.ENV_VAR} or ./{datadir.DEFAULT})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in plugins.submodules("commands"):
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from saylau.core.errors import UserError

    try:
        if getattr(args, "needs_db", False):
            from saylau import db

            db.setup(args.data_dir)
        result = args.func(args)
    except UserError as error:  # the user's to fix: one line, no traceback
        print(f"saylau {args.command}: {error}", file=sys.stderr)
        return 2
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
