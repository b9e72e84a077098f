"""The ``saylau`` command.

Each capability contributes its subcommands from a ``commands`` module in its
package (``saylau/<package>/commands.py``) with a ``register(subparsers)``
function. A subcommand sets ``needs_db=True`` when it uses the database; the
command line then points Django at the data directory, sets it up and applies
any pending migrations before running it. Command modules import Django and
heavy libraries inside their functions, so ``saylau --help`` stays fast and
``saylau forensics`` never touches a database.

The global options (``--data-dir``) are accepted before or after the
subcommand: ``saylau --data-dir D findings`` and ``saylau findings --data-dir D``
are the same command. A database command run on a data directory that does
not exist says what to run first instead of creating an empty one, unless it
is one of the commands that start a data directory (it sets
``creates_data=True``: ``simulate``, ``election create``, ``users create``).
"""

from __future__ import annotations

import argparse
import os
import sys

import saylau
from saylau.core import datadir, plugins

DATA_DIR_HELP = f"data directory (default: ${datadir.ENV_VAR} or ./{datadir.DEFAULT})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saylau",
        description="Election observation and results transparency platform.",
        epilog="Global options (--data-dir) may also follow the subcommand.",
    )
    parser.add_argument("--version", action="version", version=f"saylau {saylau.__version__}")
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in plugins.submodules("commands"):
        module.register(subparsers)
    _global_options_everywhere(parser)
    return parser


def _global_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """Give every subcommand (at every depth) the global options, so they may follow it.

    The subcommand's copy has no default (``SUPPRESS``): given after the
    subcommand it wins, not given it leaves the value given before it. A
    subcommand that defines ``--data-dir`` itself (``demo``, with its own
    default) keeps its own."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for sub in action.choices.values():
            if "--data-dir" not in sub._option_string_actions:
                sub.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
            _global_options_everywhere(sub)


def _check_data_dir(args) -> None:
    """Refuse, with what to run first, a database command on a data directory
    that does not exist (a typo, or ./saylau-data after ``saylau demo``, whose
    data is in ./demo-data), rather than create an empty one."""
    from saylau.core.errors import UserError

    if getattr(args, "creates_data", False) or os.environ.get("DATABASE_URL"):
        return
    path = datadir.resolve(args.data_dir)
    if not path.exists():
        raise UserError(
            f"there is no data directory at {path}, so no election yet: run `saylau simulate` or "
            f"`saylau election create` first, or name an existing one with --data-dir or "
            f"${datadir.ENV_VAR} (`saylau demo` keeps its data in ./demo-data)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from saylau.core.errors import UserError

    try:
        if getattr(args, "needs_db", False):
            _check_data_dir(args)
            from saylau import db

            db.setup(args.data_dir)
        result = args.func(args)
    except UserError as error:  # the user's to fix: one line, no traceback
        print(f"saylau {args.command}: {error}", file=sys.stderr)
        return 2
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
