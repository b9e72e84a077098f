"""``saylau forensics``: test a table of station results, write HTML and JSON."""

from __future__ import annotations

_LIST_FIELDS = ("candidates", "given", "units", "station_id")
_ONE_FIELDS = ("registered", "valid", "invalid", "winner")


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


def run(args) -> int:
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
        print(f"... {len(stations.problems) - 20} more problems listed in the report")
    report = fx.analyse(stations, title=args.title or Path(args.file).name, seed=args.seed,
                        replicates=args.replicates, klimek_repeats=args.klimek_repeats,
                        max_denominator=args.max_denominator)
    html_path, json_path = fx.write_report(report, args.out, stations)
    print(f"{stations.n:,} stations; turnout {report.turnout:.2f}%, {report.winner} "
          f"{report.winner_share:.2f}%")
    e = report.integer.either
    print(f"integer percentages: excess {e.excess:.1f} (sd {e.null_sd:.1f}, p={e.p_value:.4f})")
    x = report.extremes
    print(f"turnout at or above 100%: {x.turnout_at_or_above_100:,} stations; one candidate "
          f"with every ballot: {x.any_candidate_100:,}; stations to look at: "
          f"{len(report.anomalies):,}")
    print(f"wrote {html_path} and {json_path}")
    return 0
