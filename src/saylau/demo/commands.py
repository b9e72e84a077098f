"""``saylau demo``: a fresh data directory, the full simulation, every pipeline, a summary."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="build a whole simulated mission: data, pipelines, outputs")
    p.add_argument("--scale", type=float, default=1.0, help="simulation scale (default 1: 9,725 stations)")
    p.add_argument("--seed", type=int, default=2011)
    p.add_argument("--keep", action="store_true", help="do not wipe an existing demo data directory")
    p.add_argument("--serve", action="store_true", help="then serve the web application on the demo data")
    p.add_argument("--bind", default="127.0.0.1:8000", help="address for --serve (default 127.0.0.1:8000)")
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers for --serve")
    p.set_defaults(func=run, needs_db=False)


def run(args) -> int:
    import shutil
    import time

    from saylau import db
    from saylau.core import datadir
    from saylau.demo import DemoContext, table
    from saylau.demo import run as run_steps

    path = datadir.resolve(args.data_dir or "demo-data")
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
    print()
    print(table(done))
    print(f"\nFinished in {time.perf_counter() - started:.1f} s. Outputs are in {ctx.out_dir}")
    if args.serve:
        from saylau import cli

        print(f"Serving the demo on http://{args.bind}/ (Ctrl-C to stop)")
        return cli.main(["--data-dir", str(path), "serve", "--bind", args.bind,
                         "--workers", str(args.workers)])
    return 0
