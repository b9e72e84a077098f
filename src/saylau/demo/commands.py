"""``saylau demo``: a fresh data directory, the full simulation, every pipeline, a summary.

The summary ends with commands to try next on the demo's data; each names the
demo's data directory (``--data-dir demo-data`` by default), so it works as
printed from the directory the demo was run in.
"""

from __future__ import annotations

import argparse

DEFAULT_DIR = "demo-data"


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="build a whole simulated mission: data, pipelines, outputs",
                              description="Build a whole simulated mission in a fresh data directory "
                                          f"(./{DEFAULT_DIR} unless --data-dir is given; wiped first "
                                          "unless --keep), then print what was built and the commands "
                                          "to explore it.")
    p.add_argument("--data-dir", default=argparse.SUPPRESS,
                   help=f"the demo's data directory (default ./{DEFAULT_DIR}, not ./saylau-data: a "
                        "demo never wipes your own data); may also come before `demo`")
    p.add_argument("--scale", type=float, default=1.0, help="simulation scale (default 1: 9,725 stations)")
    p.add_argument("--seed", type=int, default=2011)
    p.add_argument("--keep", action="store_true", help="do not wipe an existing demo data directory")
    p.add_argument("--serve", action="store_true", help="then serve the web application on the demo data")
    p.add_argument("--bind", default="127.0.0.1:8000", help="address for --serve (default 127.0.0.1:8000)")
    p.add_argument("--workers", type=int, default=2, help="worker processes for --serve")
    p.set_defaults(func=run, needs_db=False)


def shown_path(path) -> str:
    """The data directory as a user types it: relative when it is below the
    working directory (``demo-data``), else absolute; quoted for the shell."""
    import os
    import shlex
    from pathlib import Path

    try:
        shown = str(Path(path).relative_to(Path.cwd().resolve()))
    except ValueError:
        shown = str(path)
    return shlex.quote(shown if shown != "." else os.curdir)


def next_commands(path) -> list[str]:
    """Commands to try on the demo's data, each working as printed."""
    d = shown_path(path)
    return [
        f"saylau --data-dir {d} findings --by region_code",
        f"saylau --data-dir {d} findings --out {d}/outputs/findings.xlsx",
        f"saylau --data-dir {d} results check --tabulate",
        f"saylau --data-dir {d} quickcount run --source official --seed 1",
        f"saylau --data-dir {d} ledger verify",
        f"saylau --data-dir {d} statement --lang kk --format html --out {d}/outputs/statement-kk",
        f"saylau --data-dir {d} serve",
    ]


def run(args) -> int:
    import dataclasses
    import shutil
    import time

    from saylau import db
    from saylau.core import datadir
    from saylau.demo import DemoContext, table
    from saylau.demo import run as run_steps

    path = datadir.resolve(args.data_dir or DEFAULT_DIR)
    if path.exists() and not args.keep:
        if not datadir.is_data_dir(path):
            print(f"{path} exists and is not a saylau data directory; choose another --data-dir")
            return 2
        shutil.rmtree(path)
    started = time.perf_counter()
    print(f"saylau demo: data directory {path}")
    db.setup(str(path))
    ctx = DemoContext(data_dir=path, out_dir=path / "outputs", scale=args.scale, seed=args.seed)
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    done = run_steps(ctx, print)
    # a row that names a command points at the list below, where it carries --data-dir
    done = [(step, took, [dataclasses.replace(r, where=f"{r.where} (below)") if r.where.startswith("saylau ") else r
                          for r in rows]) for step, took, rows in done]
    print()
    print(table(done))
    print(f"\nFinished in {time.perf_counter() - started:.1f} s. Outputs are in {ctx.out_dir}")
    print("\nTry next (the demo's data is in its own directory, so each command names it):")
    for command in next_commands(path):
        print(f"  {command}")
    if args.serve:
        from saylau import cli

        print(f"Serving the demo on http://{args.bind}/ (Ctrl-C to stop)")
        return cli.main(["--data-dir", str(path), "serve", "--bind", args.bind,
                         "--workers", str(args.workers)])
    return 0
