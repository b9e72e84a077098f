"""``saylau statement``: the statement of preliminary findings in HTML and PDF."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "statement", help="write the statement of preliminary findings (HTML, PDF; en, ru, kk)")
    p.add_argument("--election", help="election slug (default: the only or the latest election)")
    p.add_argument("--lang", default="en,ru,kk", help="comma-separated languages (default en,ru,kk)")
    p.add_argument("--format", default="html,pdf", help="comma-separated formats (default html,pdf)")
    p.add_argument("--narrative", help="directory of <section>.<lang>.md narrative files")
    p.add_argument("--sample-narrative", action="store_true",
                   help="use the sample narrative written for the simulated kz-2011 election")
    p.add_argument("--normalise-kazakh", action="store_true",
                   help="clean Kazakh narrative extracted from PDF (doubled schwa, wrapped lines)")
    p.add_argument("--out", default="statement", help="output directory (default ./statement)")
    p.add_argument("--web-url", help="address of the mission's saylau web application (https://host): each "
                   "figure links to its drill-down page there (default: the notes print the pages' paths)")
    p.set_defaults(func=run, needs_db=True)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def run(args) -> int:
    from saylau.geography.services import get_election
    from saylau.statement.core.build import FORMATS, write_statements
    from saylau.statement.core.labels import LANGS
    from saylau.statement.core.narrative import read_narrative, sample_directory
    from saylau.statement.selectors import collect

    langs, formats = _split(args.lang), _split(args.format)
    bad = [x for x in langs if x not in LANGS] + [x for x in formats if x not in FORMATS]
    if bad:
        print(f"unsupported: {', '.join(bad)} (languages {', '.join(LANGS)}; "
              f"formats {', '.join(FORMATS)})")
        return 2
    election = get_election(args.election)
    narrative = {}
    if args.sample_narrative:
        narrative.update(read_narrative(sample_directory()))
    if args.narrative:
        narrative.update(read_narrative(args.narrative, normalise_kazakh=args.normalise_kazakh))
    inputs = collect(election)
    for path in write_statements(inputs, args.out, langs=langs, formats=formats,
                                 narrative=narrative, web_url=getattr(args, "web_url", None)):
        print(path)
    return 0
