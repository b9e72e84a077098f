"""``saylau quickcount`` and ``saylau results``.

``saylau quickcount plan|sample|estimate|simulate-coverage`` work on files:
CSV (optionally gzipped) or Parquet, one row per station, column names given
with options or by ``--preset mexico-2012``. ``saylau quickcount run`` works on
the protocols in the database. ``saylau results import|check [--tabulate]|tabulate|publish``
run the results chain. The commands that show results name each candidate by
ballot number and name (``1 Nurlan Abenov``; the number alone when the import
had no names) in the language of ``--lang``.
"""

from __future__ import annotations

import argparse
import json
import time


def register(subparsers) -> None:
    parser = subparsers.add_parser("quickcount", help="quick count (parallel vote tabulation)")
    sub = parser.add_subparsers(dest="quickcount_command", metavar="STEP")

    def columns(p: argparse.ArgumentParser, *, votes: bool) -> None:
        p.add_argument("--preset", choices=["mexico-2012"], help="column mapping of a known data set")
        p.add_argument("--id-column", help="station id column")
        p.add_argument("--stratum-column", help="stratum column")
        p.add_argument("--registered-column", help="registered voters column")
        if votes:
            p.add_argument("--candidates", help="comma-separated candidate vote columns")
            p.add_argument("--denominator", help="column the shares are of (e.g. total or valid)")

    plan = sub.add_parser("plan", help="number of stations for a margin of error")
    plan.add_argument("frame", help="station frame (CSV/Parquet)")
    columns(plan, votes=True)
    plan.add_argument("--p", type=float, default=0.5, help="expected share (default 0.5)")
    plan.add_argument("--margin", type=float, required=True, help="half-width, e.g. 0.01")
    plan.add_argument("--confidence", type=float, default=0.95)
    plan.add_argument("--candidate", help="past-election vote column: plan from the frame")
    plan.add_argument("--icc", type=float, help="intra-station correlation")
    plan.add_argument("--deff", type=float, help="design effect")
    plan.add_argument("--turnout", type=float, default=0.6, help="expected turnout (icc/deff)")
    plan.epilog = ("Without --candidate, --icc or --deff: when the frame has the vote columns of a past "
                   "election (--candidates and --denominator, or a preset), the frame method for each "
                   "candidate, keeping the largest sample; otherwise --icc 0.05 (docs/quickcount.md).")
    plan.set_defaults(func=_plan, needs_db=False)

    sample = sub.add_parser("sample", help="draw a stratified sample and record the seed")
    sample.add_argument("frame")
    columns(sample, votes=False)
    sample.add_argument("--n", type=int, required=True, help="stations (proportional allocation)")
    sample.add_argument("--seed", type=int, help="seed (default: fresh, recorded)")
    sample.add_argument("--output", required=True, help="CSV/Parquet of sampled stations")
    sample.set_defaults(func=_sample, needs_db=False)

    estimate = sub.add_parser("estimate", help="shares and turnout with intervals")
    estimate.add_argument("frame", help="the frame the sample was drawn from")
    estimate.add_argument("results", help="sampled stations' results (CSV/Parquet)")
    columns(estimate, votes=True)
    estimate.add_argument("--method", choices=["combined", "separate", "cluster"],
                          default="combined")
    estimate.add_argument("--confidence", type=float, default=0.95)
    estimate.add_argument("--official", help="JSON file {name: official share}")
    estimate.add_argument("--output", help="write estimates as JSON")
    estimate.set_defaults(func=_estimate, needs_db=False)

    sim = sub.add_parser("simulate-coverage", help="repeat the quick count on a full result")
    sim.add_argument("frame", help="full station results, e.g. Mexico 2012")
    columns(sim, votes=True)
    sim.add_argument("--n", type=int, default=7500)
    sim.add_argument("--replicates", type=int, default=1000)
    sim.add_argument("--seed", type=int, default=2012)
    sim.add_argument("--method", choices=["combined", "separate", "cluster"], default="combined")
    sim.set_defaults(func=_simulate, needs_db=False)
    run = sub.add_parser("run", help="quick count from the protocols in the database")
    run.add_argument("--election", help="election slug (default: the latest)")
    run.add_argument("--source", choices=["observer", "official"], default="observer")
    run.add_argument("--seed", type=int, help="sample seed (official source; default fresh, printed)")
    run.add_argument("--n", type=int, help="stations to sample (official source)")
    run.add_argument("--confidence", type=float, default=0.95)
    _lang_option(run)
    run.set_defaults(func=_run_db, needs_db=True)
    parser.set_defaults(func=lambda args: parser.print_help() or 2, needs_db=False)
    _register_results(subparsers)


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", choices=["en", "ru", "kk"],
                        help="language of the candidates' names (default en)")


def _register_results(subparsers) -> None:
    parser = subparsers.add_parser("results", help="results chain: import, check, tabulate, publish")
    sub = parser.add_subparsers(dest="results_command", metavar="STEP", required=True)
    imp = sub.add_parser("import", help="import protocols from a file or the simulation")
    imp.add_argument("file", help="CSV/XLSX (.gz, .zip) or, with --preset kz-2011, the simulation's "
                                  "results.parquet ('-' for the data directory's)")
    imp.add_argument("--preset", required=True, choices=["ru-cec", "mexico-2012", "saylau", "kz-2011"])
    imp.add_argument("--tier", default="PEC", choices=["PEC", "DEC", "TEC", "CEC"])
    imp.add_argument("--source", default="official", choices=["official", "entered", "observer", "entry_a", "entry_b"])
    imp.add_argument("--create-units", action="store_true", help="create the regions, districts and stations named in the file")
    imp.add_argument("--observers", action="store_true", help="also import observers' copies (kz-2011 preset: from the "
                                                              "observation app when present)")
    for name, helptext in (("check", "check every current protocol; quarantine failures"),
                           ("tabulate", "sum the tiers and list every discrepancy"),
                           ("publish", "write per-station open data (CSV, JSON, Parquet)")):
        p = sub.add_parser(name, help=helptext)
        if name == "check":
            p.add_argument("--tabulate", action="store_true",
                           help="then tabulate, from the same read of the protocols (one transaction)")
        if name in ("check", "tabulate"):
            _lang_option(p)
        if name == "publish":
            p.add_argument("--out", required=True, help="output directory")
            p.add_argument("--until", help="only protocols arrived by this ISO time (UTC)")
        p.set_defaults(func=globals()[f"_results_{name}"], needs_db=True)
    for p in (imp, *sub.choices.values()):
        if "--election" not in p._option_string_actions:
            p.add_argument("--election", help="election slug (default: the latest)")
    imp.set_defaults(func=_results_import, needs_db=True)


def _election(args, *, protocols: bool = False):
    """The election of --election (else the latest); with ``protocols``, refuse one
    without protocols yet, saying what to import first."""
    from saylau.core.errors import UserError
    from saylau.geography.services import get_election
    from saylau.results.models import Protocol

    election = get_election(args.election)
    if protocols and not Protocol.objects.filter(election=election).exists():
        raise UserError(f"no protocols for election {election.slug!r} yet: import them first "
                        f"(`saylau results import FILE --preset ru-cec|mexico-2012|saylau`; for a simulated "
                        f"election `saylau results import - --preset kz-2011`)")
    return election


def _actor():
    from saylau.core.actors import Actor

    return Actor.system("cli")


def _results_import(args) -> int:
    import sys

    import polars as pl

    from saylau.core import datadir
    from saylau.core.errors import UserError
    from saylau.core.tabular import TableError
    from saylau.ledger.services import current_head
    from saylau.results import services

    election = _election(args)
    before = current_head()[0]
    try:
        if args.preset == "kz-2011":
            path = (datadir.resolve(args.data_dir) / "simulation" / election.slug / "results.parquet"
                    if args.file == "-" else args.file)
            try:
                results = pl.read_parquet(path)
            except FileNotFoundError:
                raise UserError(f"{path}: no such file (the kz-2011 preset reads the simulation's results.parquet: "
                                "run `saylau simulate` first, or give the file)") from None
            except (OSError, pl.exceptions.PolarsError) as error:
                raise UserError(f"{path}: not a Parquet file of simulated results ({str(error).splitlines()[0]})") from None
            counts = services.import_simulation(actor=_actor(), election=election, results=results)
            if args.observers:
                counts["observer copies"] = services.import_observer_copies(actor=_actor(), election=election)
        else:
            counts = {"protocols": services.import_file(actor=_actor(), election=election, path=args.file,
                                                        preset=args.preset, tier=args.tier, source=args.source,
                                                        create=args.create_units)}
    except (TableError, FileNotFoundError, ValueError) as error:
        print(str(error), file=sys.stderr)
        return 2
    for key, value in counts.items():
        print(f"{key:>32}  {value:,}")
    after = current_head()[0]
    if after > before:  # each protocol's receipt is its entry's: /api/ledger/entries/<n>/receipt/
        print(f"{'ledger entries (receipts)':>32}  {before + 1:,}-{after:,}")
    return 0


def _results_check(args) -> int:
    from saylau.results import services
    from saylau.results.core.checks import winner_reason

    election = _election(args, protocols=True)
    if getattr(args, "tabulate", False):
        run, tabulation = services.check_and_tabulate(actor=_actor(), election=election)
    else:
        run, tabulation = services.run_checks(actor=_actor(), election=election), None
    from saylau.results.selectors import candidate_labels

    labels = candidate_labels(election, args.lang)
    print(f"{run.checked:,} protocols checked, {run.quarantined:,} quarantined")
    for code, count in run.counts.items():
        print(f"{code:>22}  {count:,}")
    w = run.winner
    if w:
        print(winner_reason(labels.get(w["leader"], w["leader"]), labels.get(w["runner_up"], w["runner_up"]),
                            w["leader_votes"], w["runner_up_votes"], w["quarantined_votes"]))
    if tabulation is not None:
        _print_tabulation(tabulation, labels)
    return 0


def _results_tabulate(args) -> int:
    from saylau.results import services

    election = _election(args, protocols=True)
    from saylau.results.selectors import candidate_labels

    _print_tabulation(services.tabulate(actor=_actor(), election=election), candidate_labels(election, args.lang))
    return 0


def _print_tabulation(run, labels: dict[str, str]) -> None:
    s = run.summary
    print(f"{s['protocols']:,} protocols, {s['stations']:,} stations; national totals:")
    for line, value in s["totals"].items():
        print(f"{labels.get(line, line):>22}  {value:,}")
    for kind, count in s["discrepancies"].items():
        print(f"discrepancies ({kind}): {count:,} lines in {s['units_with_discrepancies'][kind]:,} units")


def _results_publish(args) -> int:
    import datetime as dt

    import polars as pl

    from saylau.core.errors import UserError
    from saylau.results import services

    until = None
    if args.until:
        try:
            until = dt.datetime.fromisoformat(args.until.replace("Z", "+00:00"))
        except ValueError:
            raise UserError(f"--until: expected an ISO time such as 2011-04-03T20:00:00Z, got {args.until!r}") from None
        if until.tzinfo is None:
            until = until.replace(tzinfo=dt.UTC)
    election = _election(args, protocols=True)
    publication = services.publish(actor=_actor(), election=election, out_dir=args.out, until=until)
    published = pl.read_parquet(f"{args.out}/stations.parquet", columns=["received_at"])
    undated = published["received_at"].null_count()
    print(f"published {publication.stations:,} stations to {args.out}")
    if undated:
        print(f"{undated:,} of them have no arrival time (their import gave none): published with received_at "
              f"empty, as every publication includes them{'; --until cuts only dated protocols' if until else ''}")
    return 0


def _run_db(args) -> int:
    from saylau.results.selectors import quick_count

    election = _election(args)
    result = quick_count(election, source=args.source, seed=args.seed, n=args.n,
                         confidence=args.confidence)
    from saylau.results.selectors import candidate_labels

    labels = candidate_labels(election, args.lang)
    seed = f", seed {result['seed']}" if result["seed"] is not None else ""
    print(f"{result['stations']:,} of {result['frame_stations']:,} stations ({result['source']}), "
          f"{result['method']} ratio estimator{seed}, {100 * result['confidence']:g} % intervals")
    for i in result["estimates"]:
        print(f"{labels.get(i['name'], i['name']):>22}: {100 * i['estimate']:7.3f} %  "
              f"[{100 * i['lower']:.3f}, {100 * i['upper']:.3f}]  "
              f"official {100 * i['official']:.3f}  {'inside' if i['inside'] else 'OUTSIDE'}")
    return 0


def _read(path: str):
    import polars as pl

    from saylau.core.errors import UserError

    try:
        if path.endswith(".parquet"):
            return pl.read_parquet(path)
        return pl.read_csv(path)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, pl.exceptions.PolarsError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise UserError(f"{path}: expected a CSV (optionally gzipped) or Parquet table of stations, "
                        f"could not read it ({first})") from None


def _write(df, path: str) -> None:
    if path.endswith(".parquet"):
        df.write_parquet(path)
    else:
        df.write_csv(path)


OPTION_OF = {"id": "--id-column", "stratum": "--stratum-column", "registered": "--registered-column",
             "candidates": "--candidates", "denominator": "--denominator"}


def _mapping(args, *, votes: bool | None = None) -> dict:
    """The columns named by the options or the preset. ``votes`` (default: when the
    command has vote options) requires the candidates and the denominator too;
    ``False`` fills them when known and leaves them empty otherwise."""
    from saylau.core.errors import UserError
    from saylau.results.core.quickcount.presets import PRESETS

    preset = PRESETS.get(getattr(args, "preset", None) or "")
    m = {
        "id": args.id_column or (preset and preset.id_column),
        "stratum": args.stratum_column or (preset and preset.stratum_column),
        "registered": args.registered_column or (preset and preset.registered_column),
    }
    required = list(m)
    if hasattr(args, "candidates"):
        cands = [c.strip() for c in args.candidates.split(",") if c.strip()] if args.candidates else (
            list(preset.candidates) if preset else [])
        m["candidates"] = cands
        m["denominator"] = args.denominator or (preset and preset.denominator)
        if votes is not False:
            required += ["candidates", "denominator"]
    missing = [OPTION_OF[k] for k in required if not m[k]]
    if missing:
        raise UserError(f"missing column options: {', '.join(missing)} (or --preset mexico-2012)")
    return m


def _columns_present(table, path: str, columns) -> None:
    from saylau.core.errors import UserError

    absent = [c for c in columns if c not in table.columns]
    if absent:
        raise UserError(f"{path}: expected column(s) {', '.join(map(repr, absent))}, got "
                        f"{', '.join(map(repr, table.columns[:12]))}{' ...' if len(table.columns) > 12 else ''}")


def _frame(path: str, m: dict, votes=(), table=None):
    from saylau.core.errors import UserError
    from saylau.results.core.quickcount.frame import frame_from_table

    table = _read(path) if table is None else table
    _columns_present(table, path, [m["id"], m["stratum"], m["registered"], *votes])
    try:
        return frame_from_table(table, id_column=m["id"], stratum_column=m["stratum"],
                                registered_column=m["registered"], vote_columns=list(votes))
    except ValueError as error:
        raise UserError(f"{path}: {error}") from None


def _plan(args) -> int:
    from saylau.core.errors import UserError
    from saylau.results.core.quickcount.plan import DEFAULT_ICC, plan_hardest, plan_sample_size

    if not 0 < args.p < 1 or args.margin <= 0:
        raise UserError(f"expected 0 < --p < 1 and --margin > 0, got --p {args.p:g} --margin {args.margin:g}")
    m = _mapping(args, votes=bool(args.candidate))
    if args.candidate and not m["denominator"]:
        raise UserError("--candidate needs --denominator (the column its share is of) or --preset")
    table = _read(args.frame)
    icc, note, hardest = args.icc, "", None
    if args.candidate or args.icc is not None or args.deff is not None:
        votes = (args.candidate, m["denominator"]) if args.candidate else ()
        frame = _frame(args.frame, m, votes, table)
        plan = plan_sample_size(
            frame, p=args.p, margin=args.margin, confidence=args.confidence,
            numerator=args.candidate, denominator=m["denominator"] if args.candidate else None,
            icc=icc, deff=args.deff, turnout=args.turnout,
        )
    elif m["candidates"] and m["denominator"]:
        frame = _frame(args.frame, m, [*m["candidates"], m["denominator"]], table)
        hardest, plan = plan_hardest(frame, candidates=m["candidates"], denominator=m["denominator"],
                                     p=args.p, margin=args.margin, confidence=args.confidence)
        note = (f"no --candidate, --icc or --deff: planned from the frame for each of "
                f"{', '.join(m['candidates'])}; {hardest} needs the most stations")
    else:
        frame = _frame(args.frame, m, (), table)
        plan = plan_sample_size(frame, p=args.p, margin=args.margin, confidence=args.confidence,
                                icc=DEFAULT_ICC, turnout=args.turnout)
        note = (f"no --candidate, --icc or --deff and no vote columns: planned with the default "
                f"--icc {DEFAULT_ICC:g} (docs/quickcount.md)")
    if note:
        print(note)
    print(f"method: {plan.method}{f' ({hardest})' if hardest else ''}\nstations needed: {plan.n_stations:,} of "
          f"{frame.n_stations:,} in {frame.n_strata} strata\n"
          f"before finite population correction: {plan.n0:,.1f}\n"
          f"design effect: {plan.deff:.2f}; mean votes per station: {plan.mean_cluster_size:.1f}")
    return 0


def _sample(args) -> int:
    import polars as pl

    from saylau.results.core.quickcount.frame import draw_sample

    m = _mapping(args)
    frame = _frame(args.frame, m)
    s = draw_sample(frame, n=args.n, seed=args.seed)
    out = pl.DataFrame({
        m["id"]: s.ids,
        m["stratum"]: frame.stratum_labels[s.strata],
        "seed": [str(s.seed)] * s.n,
        "bit_generator": [s.bit_generator] * s.n,
    })
    _write(out, args.output)
    print(f"drew {s.n:,} stations in {frame.n_strata} strata; seed {s.seed} "
          f"({s.bit_generator}); written to {args.output}")
    return 0


def _estimate(args) -> int:
    import numpy as np

    from saylau.results.core.quickcount import estimators as est

    m = _mapping(args)
    frame = _frame(args.frame, m)
    results = _read(args.results)
    _columns_present(results, args.results, [m["id"], *m["candidates"], m["denominator"]])
    ids = results[m["id"]].to_numpy()
    order = np.argsort(frame.ids)
    at = order[np.minimum(np.searchsorted(frame.ids[order], ids), len(order) - 1)]
    if not np.array_equal(frame.ids[at], ids):
        from saylau.core.errors import UserError

        raise UserError(f"{args.results}: some rows are not stations of the frame {args.frame}")
    strata = frame.strata[at]
    numerators = {c: results[c].to_numpy() for c in m["candidates"]}
    x = results[m["denominator"]].to_numpy()
    reg = frame.registered[at]
    if args.method == "cluster":
        shares = est.cluster_ratio(numerators, x, population_size=frame.n_stations,
                                   confidence=args.confidence)
        turnout = est.cluster_ratio({"turnout": x}, reg, population_size=frame.n_stations,
                                    confidence=args.confidence)
    else:
        sizes = frame.stratum_sizes
        shares = est.stratified_ratio(numerators, x, strata, sizes, confidence=args.confidence)
        turnout = est.stratified_ratio({"turnout": x}, reg, strata, sizes, method=args.method,
                                       denominator_totals=frame.stratum_totals(frame.registered),
                                       confidence=args.confidence)
    official = json.loads(open(args.official).read()) if args.official else {}
    rows = []
    print(f"{shares.n_stations:,} stations, {shares.method} ratio estimator, "
          f"{100 * args.confidence:g} % intervals")
    for item in (*shares.items, *turnout.items):
        row = {"name": item.name, "estimate": item.estimate, "se": item.se,
               "lower": item.lower, "upper": item.upper, "method": item.method}
        line = (f"{item.name:>12}: {100 * item.estimate:7.3f} %  SE {100 * item.se:.3f}  "
                f"[{100 * item.lower:.3f}, {100 * item.upper:.3f}]")
        if item.name in official:
            c = est.compare_with_official(item, official[item.name])
            row.update(official=c.official, difference=c.difference, z=c.z, inside=c.inside)
            line += (f"  official {100 * c.official:.3f} (diff {100 * c.difference:+.3f}, "
                     f"z {c.z:+.2f}, {'inside' if c.inside else 'OUTSIDE'})")
        rows.append(row)
        print(line)
    if args.output:
        with open(args.output, "w") as fh:
            json.dump({"method": shares.method, "confidence": args.confidence,
                       "n_stations": shares.n_stations, "estimates": rows}, fh, indent=2)
    return 0


def _simulate(args) -> int:
    from saylau.results.core.quickcount.presets import PRESETS
    from saylau.results.core.quickcount.simulate import simulate_coverage

    m = _mapping(args)
    preset = PRESETS.get(args.preset or "")
    names = list(preset.leading) if preset and not args.candidates else m["candidates"]
    frame = _frame(args.frame, m, [*names, m["denominator"]])
    started = time.perf_counter()
    r = simulate_coverage(frame, names, m["denominator"], n=args.n,
                          replicates=args.replicates, seed=args.seed, method=args.method)
    took = time.perf_counter() - started
    print(f"{r.replicates:,} samples of {r.n_stations:,} stations, {r.method} ratio "
          f"estimator, seed {r.seed}, {took:.1f} s")
    print(f"{'name':>12} {'truth':>8} {'coverage':>9} {'naive':>7} {'mean SE':>9} {'SD est':>9}")
    for i in r.items:
        print(f"{i.name:>12} {100 * i.true_value:8.3f} {100 * i.coverage:8.1f}% "
              f"{100 * i.naive_coverage:6.1f}% {100 * i.mean_se:9.4f} {100 * i.sd_estimate:9.4f}")
    return 0
