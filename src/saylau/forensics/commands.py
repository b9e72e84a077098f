"""``saylau forensics``: test a table of station results, write HTML and JSON."""

from __future__ import annotations

_LIST_FIELDS = ("candidates", "given", "units", "station_id")
_ONE_FIELDS = ("registered", "valid", "invalid", "winner", "latitude", "longitude")


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "forensics",
        help="statistical forensics of station-level results (no database)",
        description="Run the election-forensics methods (fingerprint, Klimek fit, integer "
                    "percentages, Shpilkin, Kalinin-Mebane basic tests per unit and candidate, "
                    "Rozenas RKD, stations at 100%%, per-unit breakdown) on a CSV/XLSX/Parquet "
                    "table (optionally .gz or .zip). Column names are matched exactly, then as "
                    "a unique case-insensitive substring; 're:REGEX' or a glob ('Votes *') "
                    "selects several. Options ending in -column (and --candidate, --unit) may "
                    "be repeated and take the name whole, commas included.",
    )
    parser.add_argument("file", help="table of stations")
    parser.add_argument("--preset", help="ready column mapping: ru-kobak-2011, ru-kobak-2012, "
                                         "mx-2012, or 'auto' to pick the one the file fits")
    parser.add_argument("--mapping", help="TOML or JSON file of columns: registered, given, "
                                          "valid, invalid, candidates, winner, units, "
                                          "station_id (lists as arrays)")
    parser.add_argument("--registered", help="column of registered voters")
    parser.add_argument("--given", help="ballots-issued columns, comma-separated, added up")
    parser.add_argument("--given-column", action="append", default=[], metavar="NAME",
                        help="a ballots-issued column (repeatable; commas kept)")
    parser.add_argument("--valid", help="column of valid ballots (default: candidates' sum)")
    parser.add_argument("--invalid", help="column of invalid ballots (default: 0)")
    parser.add_argument("--candidates", help="candidate columns, comma-separated")
    parser.add_argument("--candidate", action="append", default=[], metavar="NAME",
                        help="a candidate column or pattern (repeatable; commas kept)")
    parser.add_argument("--winner", help="the candidate tested (default: largest overall)")
    parser.add_argument("--units", help="unit columns for breakdowns, comma-separated")
    parser.add_argument("--unit", action="append", default=[], metavar="NAME",
                        help="a unit column (repeatable; commas kept)")
    parser.add_argument("--id", dest="station_id", help="station label column(s), comma-separated")
    parser.add_argument("--id-column", action="append", default=[], metavar="NAME",
                        help="a station label column (repeatable; commas kept)")
    parser.add_argument("--share-of", choices=("received", "valid"), default="received",
                        help="denominator of every share: valid + invalid ballots (received, "
                             "default) or valid ballots only")
    basic = parser.add_argument_group(
        "basic tests per unit", "The Kalinin-Mebane basic tests on turnout and every candidate, "
        "nationally and in every unit of each level; defaults are saylau's definitions, "
        "--eftoolkit switches to EFToolkit's, and each option below changes one definition.")
    basic.add_argument("--levels", help="unit columns to test unit by unit, comma-separated "
                                        "(default: the first unit column; 'none' for none)")
    basic.add_argument("--level", action="append", default=[], metavar="NAME",
                       help="a unit column to test unit by unit (repeatable; commas kept)")
    basic.add_argument("--eftoolkit", action="store_true",
                       help="EFToolkit's definitions (BasicElectionForensics): LastC and C05s "
                            "on every count, raw kurtosis, its Sobyanin-Sukhovolsky figure, R's "
                            "rounding, basic bootstrap intervals, turnout = the share's "
                            "denominator / registered, DipT as a p-value")
    basic.add_argument("--basic-only", action="store_true",
                       help="only the basic tests per unit: CSV tables in EFToolkit's layout "
                            "and JSON")
    basic.add_argument("--last-digit-min", type=int, metavar="N",
                       help="LastC and C05s use counts >= N (saylau 100, EFToolkit 0)")
    basic.add_argument("--kurtosis", choices=("excess", "raw"),
                       help="excess (normal 0; saylau) or raw (normal 3; EFToolkit)")
    basic.add_argument("--sobyanin", choices=("slope", "eftoolkit"),
                       help="slope: votes/registered on turnout (saylau); eftoolkit: slope of "
                            "share on turnout minus the mean share")
    basic.add_argument("--p05-rounding", choices=("half-up", "half-even"),
                       help="rounding of percentages for P05s (saylau half-up, R half-even)")
    basic.add_argument("--interval", choices=("percentile", "basic"),
                       help="bootstrap interval: percentile (saylau) or basic (EFToolkit)")
    basic.add_argument("--turnout-votes", choices=("given", "denominator"),
                       help="turnout's numerator: ballots issued (saylau) or the share's "
                            "denominator (EFToolkit's TotalVotes)")
    spatial = parser.add_argument_group(
        "spatial clustering", "Moran's I and local Getis-Ord G* (PySAL) of turnout, share and "
        "the anomaly rate, over units with coordinates or an adjacency list, with a map")
    spatial.add_argument("--latitude", help="column of the station's latitude (degrees)")
    spatial.add_argument("--longitude", help="column of the station's longitude (degrees)")
    spatial.add_argument("--adjacency", metavar="CSV",
                         help="neighbouring units: a CSV of pairs (unit, neighbour) after a header")
    spatial.add_argument("--spatial-level", metavar="NAME",
                         help="the unit column whose units are the places, or 'stations' "
                              "(default: the first level)")
    spatial.add_argument("--neighbours", type=int, default=6, metavar="K",
                         help="with coordinates: each place's K nearest places (default 6)")
    parser.add_argument("--mixture", action="store_true",
                        help="also fit the finite mixture model of incremental and extreme "
                             "fraud by maximum likelihood (about a minute of CPU for "
                             "95,000 stations, plus the bootstrap)")
    parser.add_argument("--mixture-bootstrap", type=int, default=20, metavar="N",
                        help="bootstrap refits of the mixture model (default 20)")
    parser.add_argument("--mixture-sample", type=int, default=None, metavar="N",
                        help="fit the mixture model on a random sample of N stations (drawn "
                             "from --seed) when there are more; every station's posterior "
                             "is still computed")
    parser.add_argument("--lang", choices=("en", "ru", "kk"), default="en",
                        help="language of the HTML report: English, Russian or Kazakh "
                             "(default en; the JSON keeps English keys)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replicates", type=int, default=1000,
                        help="Monte-Carlo and bootstrap replicates (default 1000)")
    parser.add_argument("--klimek-repeats", type=int, default=5)
    parser.add_argument("--max-denominator", type=int, default=4,
                        help="coarse fractions p/q with q up to this (Rozenas test)")
    parser.add_argument("--title", default="")
    parser.add_argument("--out", required=True, help="output directory")
    parser.set_defaults(func=run, needs_db=False)


def read_mapping_file(path: str) -> dict:
    """Fields of a ColumnMapping from a TOML or JSON file (UserError on anything else)."""
    import json
    import tomllib
    from pathlib import Path

    from saylau.core.errors import UserError

    fields = set(_LIST_FIELDS) | set(_ONE_FIELDS)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"mapping file {path}: cannot be read ({error})") from None
    try:
        data = json.loads(text) if path.lower().endswith(".json") else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise UserError(f"mapping file {path}: not valid "
                        f"{'JSON' if path.lower().endswith('.json') else 'TOML'} ({error})"
                        ) from None
    if not isinstance(data, dict):
        raise UserError(f"mapping file {path}: expected a table of fields, found "
                        f"{type(data).__name__}")
    unknown = sorted(set(data) - fields)
    if unknown:
        raise UserError(f"mapping file {path}: unknown field(s) {', '.join(unknown)}; "
                        f"expected {', '.join(sorted(fields))}")
    out = {}
    for key, value in data.items():
        if key in _LIST_FIELDS:
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UserError(f"mapping file {path}: {key} must be a list of column names, "
                                f"found {value!r}")
            out[key] = tuple(value)
        else:
            if not isinstance(value, str):
                raise UserError(f"mapping file {path}: {key} must be one column name, "
                                f"found {value!r}")
            out[key] = value
    return out


def build_mapping(args, frame):
    """The ColumnMapping from the preset, the mapping file and the options, in that order."""
    import dataclasses

    from saylau import forensics as fx
    from saylau.core.errors import UserError
    from saylau.forensics._presets import check_mapping, detect_preset

    name = args.preset
    if name == "auto":
        name = detect_preset(frame)
        print(f"preset {name} fits the file")
    mapping = fx.preset(name) if name else None
    overrides = read_mapping_file(args.mapping) if args.mapping else {}
    lists = {
        "candidates": _list(args.candidates) + tuple(args.candidate),
        "given": _list(args.given) + tuple(args.given_column),
        "units": _list(args.units) + tuple(args.unit),
        "station_id": _list(args.station_id) + tuple(args.id_column),
    }
    overrides.update({k: v for k, v in lists.items() if v})
    overrides.update({k: getattr(args, k) for k in _ONE_FIELDS if getattr(args, k)})
    if mapping is None:
        if "registered" not in overrides or "candidates" not in overrides:
            raise UserError("give --preset (or --preset auto), a --mapping file, or at least "
                            "--registered and --candidate")
        return fx.ColumnMapping(**overrides)
    mapping = dataclasses.replace(mapping, **overrides)
    check_mapping(frame, mapping, name)
    return mapping


def basic_options(args, stations):
    """(levels, Definitions) from the options; UserError for an unknown level."""
    from saylau import forensics as fx
    from saylau.core.errors import UserError

    names = _list(args.levels) + tuple(args.level)
    if names == ("none",):
        levels = ()
    elif names:
        levels = tuple(fx.resolve_columns(_units_frame(stations), names, "levels"))
    else:
        levels = tuple(stations.units)[:1]
    try:
        definitions = fx.definitions(
            "eftoolkit" if args.eftoolkit else "saylau", last_digit_min=args.last_digit_min,
            kurtosis=args.kurtosis, sobyanin=args.sobyanin, rounding=args.p05_rounding,
            interval=args.interval, turnout_votes=args.turnout_votes)
    except ValueError as error:
        raise UserError(str(error)) from None
    return levels, definitions


def spatial_options(args, stations, levels):
    """Keywords for spatial_clusters, or None when neither coordinates nor adjacency are given."""
    from saylau.core.errors import UserError
    from saylau.forensics._spatial import read_adjacency

    if stations.coords is None and not args.adjacency:
        if args.spatial_level:
            raise UserError("--spatial-level needs --latitude and --longitude or --adjacency")
        return None
    level = args.spatial_level or (levels[0] if levels else
                                   next(iter(stations.units), "stations"))
    if level != "stations" and level not in stations.units:
        from saylau import forensics as fx

        level = fx.resolve_column(_units_frame(stations), level, "spatial level")
    options = {"level": level, "k": args.neighbours, "seed": args.seed}
    if args.adjacency:
        if level == "stations":
            raise UserError("--adjacency pairs units; give --spatial-level with a unit column")
        options["adjacency"] = read_adjacency(args.adjacency)
    return options


def _units_frame(stations):
    import polars as pl

    if not stations.units:
        from saylau.core.errors import UserError

        raise UserError("--level names a unit column, but no unit column is mapped; give it "
                        "with --unit first")
    return pl.DataFrame({u: [] for u in stations.units}, schema={u: pl.String
                                                                  for u in stations.units})


def run(args) -> int:
    import json
    import logging
    from pathlib import Path

    from saylau import forensics as fx

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    frame = fx.read_table(args.file)
    mapping = build_mapping(args, frame)
    stations = fx.load_stations(frame, mapping, share_of=args.share_of)
    if stations.n == 0:
        from saylau.core.errors import UserError

        raise UserError(f"{args.file}: no usable station among {frame.height:,} rows; "
                        "the first problem: " + (
                            f"row {stations.problems[0].row}, column "
                            f"{stations.problems[0].column!r}: expected "
                            f"{stations.problems[0].expected}, found "
                            f"{stations.problems[0].value!r}" if stations.problems else "none"))
    for p in stations.problems[:20]:
        print(f"row {p.row}: column {p.column!r} has {p.value!r}, expected {p.expected}")
    if len(stations.problems) > 20:
        where = ("run without --basic-only for the full list" if args.basic_only
                 else "listed in the report")
        print(f"... {len(stations.problems) - 20} more problems ({where})")
    levels, definitions = basic_options(args, stations)
    if args.basic_only:
        ub = fx.unit_basic_tests(stations, levels, definitions=definitions,
                                 replicates=args.replicates, seed=args.seed)
        paths = fx.write_unit_basic_csv(ub, args.out)
        json_path = Path(args.out) / "forensics-basic.json"
        json_path.write_text(json.dumps(fx.plain(ub), ensure_ascii=False, indent=1,
                                        allow_nan=False), encoding="utf-8")
        print(f"{stations.n:,} stations; basic tests ({definitions.name}) on turnout and "
              f"{len(stations.candidates)} candidate(s) at level(s) "
              f"{', '.join(['National', *levels])}")
        print("wrote " + ", ".join(str(p) for p in [*paths, json_path]))
        return 0
    report = fx.analyse(stations, title=args.title or Path(args.file).name, seed=args.seed,
                        replicates=args.replicates, klimek_repeats=args.klimek_repeats,
                        max_denominator=args.max_denominator, levels=levels,
                        definitions=definitions,
                        mixture_bootstrap=args.mixture_bootstrap if args.mixture else None,
                        mixture_sample=args.mixture_sample,
                        spatial=spatial_options(args, stations, levels))
    html_path, json_path = fx.write_report(report, args.out, stations, lang=args.lang)
    print(f"{stations.n:,} stations; turnout {report.turnout:.2f}%, {report.winner} "
          f"{report.winner_share:.2f}%")
    e = report.integer.either
    print(f"integer percentages: excess {e.excess:.1f} (sd {e.null_sd:.1f}, p={e.p_value:.4f})")
    x = report.extremes
    print(f"turnout at or above 100%: {x.turnout_at_or_above_100:,} stations; one candidate "
          f"with every ballot: {x.any_candidate_100:,}; stations to look at: "
          f"{len(report.anomalies):,}")
    print(f"wrote {html_path} and {json_path}" + (
        f" (and the basic tests per unit as CSV: {', '.join(fx._report.csv_name(v) for v in report.unit_basic.rows)})"
        if report.unit_basic is not None else ""))
    return 0
