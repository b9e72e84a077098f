"""``saylau forensics``: test a table of station results, write HTML and JSON."""

from __future__ import annotations


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "forensics",
        help="statistical forensics of station-level results (no database)",
        description="Run the election-forensics methods (fingerprint, Klimek fit, integer "
                    "percentages, Shpilkin, Kalinin-Mebane basic tests, Rozenas RKD, per-unit "
                    "breakdown) on a CSV/XLSX/Parquet table (optionally .gz or .zip).",
    )
    parser.add_argument("file", help="table of stations")
    parser.add_argument("--preset", help="ready column mapping: ru-kobak-2011, ru-kobak-2012, "
                                         "mx-2012")
    parser.add_argument("--registered", help="column of registered voters")
    parser.add_argument("--given", help="ballots-issued column(s), comma-separated, added up")
    parser.add_argument("--valid", help="column of valid ballots (default: candidates' sum)")
    parser.add_argument("--invalid", help="column of invalid ballots (default: 0)")
    parser.add_argument("--candidates", help="candidate columns, comma-separated")
    parser.add_argument("--winner", help="the candidate tested (default: largest overall)")
    parser.add_argument("--units", help="unit columns for breakdowns, comma-separated")
    parser.add_argument("--id", dest="station_id", help="station label column(s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replicates", type=int, default=1000,
                        help="Monte-Carlo and bootstrap replicates (default 1000)")
    parser.add_argument("--klimek-repeats", type=int, default=5)
    parser.add_argument("--max-denominator", type=int, default=4,
                        help="coarse fractions p/q with q up to this (Rozenas test)")
    parser.add_argument("--title", default="")
    parser.add_argument("--out", required=True, help="output directory")
    parser.set_defaults(func=run, needs_db=False)


def run(args) -> int:
    import dataclasses
    import logging
    from pathlib import Path

    from saylau import forensics as fx

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mapping = fx.preset(args.preset) if args.preset else None
    overrides = {
        "registered": args.registered, "given": _list(args.given) or None,
        "valid": args.valid, "invalid": args.invalid,
        "candidates": _list(args.candidates) or None, "winner": args.winner,
        "units": _list(args.units) or None, "station_id": _list(args.station_id) or None,
    }
    overrides = {k: v for k, v in overrides.items() if v is not None}
    if mapping is None:
        if "registered" not in overrides or "candidates" not in overrides:
            print("error: give --preset or at least --registered and --candidates")
            return 2
        mapping = fx.ColumnMapping(**overrides)
    else:
        mapping = dataclasses.replace(mapping, **overrides)
    stations = fx.load_stations(args.file, mapping)
    for p in stations.problems[:20]:
        print(f"row {p.row}: column {p.column!r} has {p.value!r}, expected {p.expected}")
    if len(stations.problems) > 20:
        print(f"... {len(stations.problems) - 20} more problems listed in the report")
    report = fx.analyse(stations, title=args.title or Path(args.file).name, seed=args.seed,
                        replicates=args.replicates, klimek_repeats=args.klimek_repeats,
                        max_denominator=args.max_denominator)
    html_path, json_path = fx.write_report(report, args.out, stations)
    print(f"{stations.n:,} stations; turnout {report.turnout:.2f}%, {report.winner} "
          f"{report.winner_share:.2f}%")
    e = report.integer.either
    print(f"integer percentages: excess {e.excess:.1f} (sd {e.null_sd:.1f}, p={e.p_value:.4f})")
    print(f"wrote {html_path} and {json_path}")
    return 0
