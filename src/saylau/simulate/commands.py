"""``saylau simulate``: generate a synthetic election and load it."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("simulate", help="generate a synthetic election with ground truth and load it")
    p.add_argument("--profile", default="kz-2011", help="simulation profile (default kz-2011)")
    p.add_argument("--scale", type=float, default=1.0, help="multiplies districts, stations, voters and the mission (0.01 for tests, 100 for benchmarks)")
    p.add_argument("--seed", type=int, default=2011, help="random seed: the same seed gives the same data")
    p.add_argument("--slug", default="kz-2011", help="the election's slug in the database")
    p.set_defaults(func=run, needs_db=True, creates_data=True)


def run(args) -> int:
    from saylau.core import datadir
    from saylau.core.actors import Actor
    from saylau.simulate import simulate
    from saylau.simulate.load import load, write_files

    sim = simulate(args.profile, scale=args.scale, seed=args.seed)
    election = load(sim, actor=Actor.system("simulation"), slug=args.slug)
    out = write_files(sim, datadir.resolve(args.data_dir) / "simulation" / args.slug)
    for key, value in sim.summary().items():
        print(f"{key:>28}  {value:,}")
    print(f"election {election.slug!r} loaded; ground truth and tables in {out}")
    return 0
