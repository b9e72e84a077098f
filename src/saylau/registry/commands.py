"""``saylau register simulate|import|compare|dedupe|check|audit``: the voter register audit.

The register's records stay in Parquet files in the data directory
(``<data dir>/registry``); ``audit`` records the audit's results (the run,
its pairs and flags) in the database with a ledger entry each.
"""

from __future__ import annotations

import datetime as dt
import sys


def register(subparsers) -> None:
    reg = subparsers.add_parser("register", help="voter register audit: import, compare, dedupe, check, audit")
    sub = reg.add_subparsers(dest="action", required=True)
    p = sub.add_parser("simulate", help="the kz-2011 register (two snapshots, deaths list, population) with ground truth")
    p.add_argument("--scale", type=float, default=0.01, help="1 = 9,181,700 voters (default 0.01)")
    p.add_argument("--seed", type=int, default=2011)
    p.set_defaults(func=simulate, creates_data=True)
    p = sub.add_parser("import", help="import a register snapshot (CSV, Parquet or XLSX), or its side tables")
    p.add_argument("file", nargs="?", help="the register: iin, surname, given_name, patronymic, sex, birth_date, "
                                            "address, station, date_added, voter_id")
    p.add_argument("--snapshot", help="the snapshot's name (e.g. 2011-04-02); required with FILE")
    p.add_argument("--stations", help="code, district_code, region_code, kind (regular|special)")
    p.add_argument("--deaths", help="iin, surname, given_name, patronymic, birth_date, date_of_death")
    p.add_argument("--population", help="district_code, adults")
    p.set_defaults(func=import_files, creates_data=True)
    p = sub.add_parser("compare", help="compare two snapshots: added, removed, growth by region and district")
    p.add_argument("old", nargs="?")
    p.add_argument("new", nargs="?")
    p.add_argument("--top", type=int, default=10, help="districts to list, by growth's z-score")
    p.set_defaults(func=compare)
    p = sub.add_parser("dedupe", help="find voters registered twice (exact IIN pass, then Splink)")
    p.add_argument("--snapshot")
    p.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    p.add_argument("--spark-master", default="local[2]", help="Spark master URL (default local[2])")
    p.add_argument("--upper", type=float, default=None,
                   help="match probability of a duplicate (default: registry.core.dedupe.UPPER, 0.75)")
    p.add_argument("--lower", type=float, default=0.50, help="from here to --upper: clerical review (default 0.5)")
    p.set_defaults(func=dedupe)
    p = sub.add_parser("check", help="implausible records, deceased voters, special-station voters on home lists")
    p.add_argument("--snapshot")
    p.add_argument("--election-day", default="2011-04-03", help="YYYY-MM-DD, for ages (default 2011-04-03)")
    p.set_defaults(func=check)
    p = sub.add_parser("audit", help="the whole audit, recorded in the database with the ledger; open data")
    p.add_argument("--snapshot")
    p.add_argument("--previous")
    p.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    p.add_argument("--spark-master", default="local[2]")
    p.add_argument("--election", help="election slug (default: the latest)")
    p.add_argument("--out", help="directory for the open data (default <data dir>/registry/open-data)")
    p.add_argument("--memory-limit", default="4GB", help="DuckDB's memory limit (default 4GB; it spills beyond)")
    p.add_argument("--field-stations", type=int, default=100, help="stations in each field audit's sample (default 100)")
    p.add_argument("--field-per-station", type=int, default=10, help="entries or interviews a station (default 10)")
    p.add_argument("--seed", type=int, default=16, help="the field samples' seed (default 16)")
    p.set_defaults(func=audit, needs_db=True)


def _dir(args):
    from saylau.core import datadir

    return datadir.resolve(args.data_dir)


def _bar(total: int, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="step", file=sys.stderr, disable=not sys.stderr.isatty())


def _progress(bar):
    def step(text: str) -> None:
        bar.set_postfix_str(text)
        bar.update(1)
    return step


def simulate(args) -> int:
    from saylau.core import datadir
    from saylau.registry import store
    from saylau.registry.core.simulation import simulate_register

    data = datadir.ensure(_dir(args))
    with _bar(6, "register simulate") as bar:
        sim = simulate_register(args.scale, args.seed)
        bar.update(1)
        store.write_snapshot(data, "previous", sim.previous)
        bar.update(1)
        store.write_snapshot(data, "current", sim.current)
        bar.update(1)
        store.write_table(data, "stations", sim.stations)
        store.write_table(data, "deaths", sim.deaths)
        store.write_table(data, "population", sim.population)
        bar.update(1)
        store.write_table(data, "truth_pairs", sim.truth["pairs"])
        store.set_meta(data, current="current", previous="previous", simulated=True, scale=args.scale, seed=args.seed,
                       truth={k: v for k, v in sim.truth.items() if k != "pairs"})
        bar.update(2)
    print(f"simulated register: {len(sim.current):,} voters now, {len(sim.previous):,} before; "
          f"{len(sim.deaths):,} on the deaths list; {len(sim.stations):,} stations; in {store.root(data)}")
    return 0


def import_files(args) -> int:
    from saylau.core import datadir
    from saylau.core.errors import UserError
    from saylau.registry import importing, store

    if not (args.file or args.stations or args.deaths or args.population):
        raise UserError("nothing to import: give a register FILE with --snapshot NAME, or --stations, --deaths, "
                        "--population")
    if args.file and not args.snapshot:
        raise UserError("a register file needs --snapshot NAME (e.g. --snapshot 2011-04-02)")
    # read everything first: nothing is written unless every file reads
    frames = {}
    if args.file:
        frames["snapshot"] = importing.read_register(args.file)
    if args.stations:
        frames["stations"] = importing.read_side(args.stations, "stations")
    if args.deaths:
        frames["deaths"] = importing.read_side(args.deaths, "deaths")
    if args.population:
        frames["population"] = importing.read_side(args.population, "population")
    data = datadir.ensure(_dir(args))
    for kind, frame in frames.items():
        if kind == "snapshot":
            previous = store.meta(data).get("current")
            store.write_snapshot(data, args.snapshot, frame)
            store.set_meta(data, current=args.snapshot, previous=previous if previous != args.snapshot else
                           store.meta(data).get("previous"))
            print(f"imported {len(frame):,} voters as snapshot {args.snapshot!r}")
        else:
            store.write_table(data, kind, frame)
            print(f"imported {len(frame):,} rows of {kind}")
    return 0


def _snapshots(args):
    from saylau.registry import store

    data = _dir(args)
    meta = store.meta(data)
    old = getattr(args, "old", None) or getattr(args, "previous", None) or meta.get("previous")
    new = getattr(args, "new", None) or getattr(args, "snapshot", None) or meta.get("current")
    return data, old, new


def compare(args) -> int:
    from saylau.core.errors import UserError
    from saylau.registry import store
    from saylau.registry.core import checks

    data, old, new = _snapshots(args)
    if not old:
        raise UserError("one snapshot only: import another (`saylau register import FILE --snapshot NAME`) to compare")
    old, before = store.read_snapshot(data, old)
    new, now = store.read_snapshot(data, new)
    stations = store.read_table(data, "stations", needed_for="growth by district")
    added = now.join(before.select("voter_id"), on="voter_id", how="anti")
    removed = before.join(now.select("voter_id"), on="voter_id", how="anti")
    print(f"{old} -> {new}: {len(before):,} -> {len(now):,} voters ({(len(now) / len(before) - 1) * 100:+.2f}%); "
          f"{len(added):,} added, {len(removed):,} removed")
    regions = checks.growth(before, now, stations, "region_code")
    print("by region (growth, national rate, z):")
    for r in regions.sort("region_code").iter_rows(named=True):
        print(f"  {r['region_code']:<6} {r['before']:>10,} -> {r['now']:>10,}  {r['growth'] * 100:+6.2f}%  z {r['z']:+6.1f}")
    districts = checks.growth(before, now, stations, "district_code")
    print(f"districts ranked by growth's z-score (outlier: z >= {checks.GROWTH_Z:g} and "
          f"{checks.GROWTH_EXCESS * 100:g} points above the national rate):")
    for r in districts.head(args.top).iter_rows(named=True):
        print(f"  {r['district_code']:<8} {r['before']:>8,} -> {r['now']:>8,}  {r['growth'] * 100:+6.2f}%  "
              f"z {r['z']:+6.1f}{'  OUTLIER' if r['outlier'] else ''}")
    return 0


def _engine(args):
    from saylau.registry.core import dedupe as d

    if args.engine == "spark":
        try:
            return d.spark_api(args.spark_master)
        except ImportError:
            from saylau.core.errors import UserError

            raise UserError("the Spark engine needs pyspark (pip install 'saylau[spark]') and Java 17 "
                            "(apt-get install openjdk-17-jre-headless)") from None
    # two threads, a bounded memory (the register's frames live beside it in Python) and
    # spilling to the data directory rather than failing on a large register
    return d.duckdb_api(memory_limit=getattr(args, "memory_limit", "4GB"), threads=2,
                        temp_dir=str(_dir(args) / "registry" / "duckdb-tmp"))


def dedupe(args) -> int:
    from saylau.registry import store
    from saylau.registry.core import dedupe as d

    data = _dir(args)
    name, frame = store.read_snapshot(data, args.snapshot)
    with _bar(6, f"register dedupe ({args.engine})") as bar:
        say = _progress(bar)
        say("normalising names")
        prepared = d.prepare(frame)
        result = d.run([prepared], db_api=_engine(args), lower=args.lower, progress=say)
        bar.update(bar.total - bar.n)
    upper = d.UPPER if args.upper is None else args.upper
    matches, review = result.matches(upper), result.review(args.lower, upper)
    store.write_table(data, f"pairs-{name}", result.pairs)
    print(f"{name}: {len(frame):,} voters; {len(matches):,} duplicate pair(s) "
          f"({int((matches['source'] == 'iin').sum()):,} sharing an IIN), {len(review):,} for clerical review; "
          f"{result.seconds['total']:.0f} s")
    if store.meta(data).get("simulated") and name == store.meta(data).get("current") and store.has_table(data, "truth_pairs"):
        s = d.score(matches, store.read_table(data, "truth_pairs"))
        print(f"against the simulation's truth: precision {s.precision:.4f}, recall {s.recall:.4f}, F1 {s.f1:.4f}")
    return 0


def check(args) -> int:
    from saylau.registry import store
    from saylau.registry.core import checks

    data = _dir(args)
    name, frame = store.read_snapshot(data, args.snapshot)
    stations = store.read_table(data, "stations", needed_for="the checks")
    day = dt.date.fromisoformat(args.election_day)
    flags = checks.implausible(frame, stations, day)
    print(f"{name}: {len(frame):,} voters")
    for reason, n in sorted(flags.group_by("reason").len().iter_rows()):
        print(f"  {reason:<18} {n:>8,}")
    special = checks.special_on_home(frame, stations)
    print(f"  {'special_on_home':<18} {len(special):>8,}")
    if store.has_table(data, "deaths"):
        print(f"  {'deceased':<18} {len(checks.deceased(frame, store.read_table(data, 'deaths'))):>8,}")
    if store.has_table(data, "population"):
        over = checks.population_ratio(frame, stations, store.read_table(data, "population"))
        print(f"  districts with more voters than adults: {int(over['over'].sum())} of {len(over)}")
    return 0


def audit(args) -> int:
    from saylau.core.actors import Actor
    from saylau.geography.services import get_election
    from saylau.registry import opendata, selectors, services, store
    from saylau.registry.core import audit as core_audit
    from saylau.registry.core import fieldaudit

    election = get_election(args.election)
    data, old, new = _snapshots(args)
    name, frame = store.read_snapshot(data, new)
    stations = store.read_table(data, "stations", needed_for="the audit")
    # the growth check counts the previous snapshot's voters by station: nothing else of it is read
    previous = store.read_snapshot(data, old, columns=["station"])[1] if old and old != name else None
    deaths = store.read_table(data, "deaths") if store.has_table(data, "deaths") else None
    population = store.read_table(data, "population") if store.has_table(data, "population") else None
    with _bar(8, "register audit") as bar:
        outcome = core_audit.run(frame, stations, election_day=election.date, previous=previous, deaths=deaths,
                                 population=population, db_api=_engine(args), progress=_progress(bar))
        # the field audits: their forms in the election (observation channels), the answers that came back
        installed = services.install_field_audit_forms(actor=Actor.system("cli"), election=election)
        l2p, p2l = selectors.field_answers(election)
        outcome.findings.extend(core_audit.field_findings(l2p, p2l, frame))
        run = services.record_audit(actor=Actor.system("cli"), election=election, snapshot=name,
                                    previous=old if previous is not None else "", engine=args.engine, outcome=outcome)
        bar.update(bar.total - bar.n)
    store.write_table(data, f"pairs-{name}", outcome.pairs)
    seed = getattr(args, "seed", 16)
    size = {"clusters": getattr(args, "field_stations", 100), "per_cluster": getattr(args, "field_per_station", 10),
            "seed": seed}
    sheets = [store.write_sheet(data, "list-to-people", fieldaudit.list_to_people_sample(frame, **size)),
              store.write_sheet(data, "people-to-list", fieldaudit.people_to_list_sample(frame, **size))]
    out = opendata.write(outcome, args.out or store.root(data) / "open-data", election.slug)
    print(f"audit #{run.pk} of {name}: {outcome.records:,} voters; {run.matches:,} duplicate pair(s), "
          f"{run.review:,} for clerical review, {run.flags:,} flag(s); {outcome.seconds['total']:.0f} s")
    for f in outcome.findings:
        interval = f" (95% interval {f.low:.2%} to {f.high:.2%})" if f.low is not None else ""
        print(f"  {f.key:<26} {f.numerator:>9,} of {f.denominator:,} {f.unit}{interval}")
    if installed:
        print(f"field-audit forms imported: {', '.join(installed)}")
    print(f"field-audit samples (seed {seed}; personal data): {sheets[0]}, {sheets[1]}")
    if l2p is None and p2l is None:
        print("  no field-audit answers yet: observers send them with the two forms")
    print(f"open data (aggregates only): {out}")
    return 0
