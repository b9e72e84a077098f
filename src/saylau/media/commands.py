"""``saylau media import|reliability|report``: media monitoring from the command line.

``import`` reads outlets and coded items from CSV or XLSX files (or loads the
kz-2011 simulated monitoring with ``--simulation``); ``reliability`` prints
Krippendorff's alpha per coded variable and the items whose coders disagree;
``report`` prints the analysis per outlet, every share with its numerator and
denominator (``--json`` writes it as JSON).
"""

from __future__ import annotations

import json
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("media", help="media monitoring: import codings, reliability, report")
    sub = parser.add_subparsers(dest="media_command", metavar="STEP")

    imp = sub.add_parser("import", help="import outlets and coded items (CSV or XLSX)")
    imp.add_argument("--outlets", help="outlets file: code,name_en,name_ru,name_kk,kind,ownership,language")
    imp.add_argument("--slots", help="programme slots: outlet,code,name_en,name_ru,name_kk,programme,days,"
                                     "start,end")
    imp.add_argument("--codings", help="coded items: outlet,aired_at,coder,programme,subject,candidate,"
                                       "party,amount,tone,speech,language,title")
    imp.add_argument("--simulation", action="store_true", help="load the kz-2011 simulated monitoring")
    imp.add_argument("--election", help="election slug (default: the latest)")
    imp.set_defaults(func=_import, needs_db=True)

    rel = sub.add_parser("reliability", help="Krippendorff's alpha per variable and the disagreements")
    rel.add_argument("--election", help="election slug (default: the latest)")
    rel.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    rel.add_argument("--list", action="store_true", help="list every item whose coders disagree")
    rel.set_defaults(func=_reliability, needs_db=True)

    rep = sub.add_parser("report", help="coverage shares, tone, paid and official-role hours per outlet")
    rep.add_argument("--election", help="election slug (default: the latest)")
    rep.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    rep.add_argument("--json", help="also write the tables to this JSON file")
    rep.add_argument("--by-period", action="store_true", help="per outlet and monitoring period")
    rep.set_defaults(func=_report, needs_db=True)
    parser.set_defaults(func=lambda args: parser.print_help() or 2, needs_db=False)


def _election(args):
    from saylau.geography.services import get_election

    return get_election(args.election)


def _import(args) -> int:
    from saylau.core.actors import Actor
    from saylau.core.tabular import TableError
    from saylau.media import services
    from saylau.media.demo import load_simulation

    if not (args.outlets or getattr(args, "slots", None) or args.codings or args.simulation):
        print("saylau media import: give --outlets FILE, --slots FILE, --codings FILE or --simulation",
              file=sys.stderr)
        return 2
    election = _election(args)
    actor = Actor.system("cli")
    try:
        if args.simulation:
            sim = load_simulation(election, actor=actor)
            print(f"simulated monitoring: {sim.truth['items']:,} items, {sim.truth['double_coded']:,} coded twice")
        if args.outlets:
            outlets = services.import_outlets(actor=actor, election=election, path=args.outlets)
            print(f"outlets: {len(outlets)} imported")
        if getattr(args, "slots", None):
            slots = services.import_slots(actor=actor, election=election, path=args.slots)
            print(f"programme slots: {len(slots)} imported")
        if args.codings:
            counts = services.import_codings(actor=actor, election=election, path=args.codings)
            print(f"codings: {counts['codings']:,} imported ({counts['items']:,} new items)")
    except (TableError, FileNotFoundError, ValueError) as error:
        print(str(error), file=sys.stderr)
        return 2
    return 0


def _reliability(args) -> int:
    from saylau.media import selectors

    election = _election(args)
    alphas = selectors.alphas(election)
    if not alphas or alphas[0].items == 0:
        print("no item has been coded by two coders yet: import codings with `saylau media import --codings`")
        return 0
    print(f"{'variable':<28} {'alpha':>7} {'items':>6} {'coders':>6}")
    for a in alphas:
        value = f"{a.alpha:.3f}" if a.alpha is not None else "n/a"
        print(f"{a.label(args.lang):<28} {value:>7} {a.items:>6} {a.coders:>6}")
    found = selectors.disagreements(election)
    print(f"items whose coders disagree: {len(found)}")
    if args.list:
        for d in found:
            codings = "; ".join(f"{c.coder}: " + ", ".join(f"{v}={getattr(c, v)}" for v in d["variables"]
                                                          if v != "subject") for c in d["codings"])
            print(f"  {d['item'].code}  [{', '.join(d['variables'])}]  {codings}")
    return 0


def _rows(frame) -> list[dict]:
    return [{k: v for k, v in row.items()} for row in frame.to_dicts()]


def _report(args) -> int:
    from saylau.media import selectors
    from saylau.media.core import analysis, codes

    election = _election(args)
    by_period = getattr(args, "by_period", False)
    report = selectors.report(election, by_period=by_period)
    if report.empty:
        print("no coded items yet: run `saylau media import --outlets FILE --codings FILE` first")
        return 0
    names = {o.code: o.name(args.lang) for o in selectors.outlets(election)}
    print(f"Candidates' share of news coverage per outlet ({selectors.FILTER})")
    keys = ["outlet", "period"] if by_period else ["outlet"]
    for key in report.news.select(keys).unique(maintain_order=True).iter_rows():
        where = dict(zip(keys, key, strict=True))
        print("  " + names.get(where["outlet"], where["outlet"])
              + (f", {where['period'] or '(outside every period)'}" if by_period else ""))
        rows = report.news.filter(*(report.news[k] == v for k, v in where.items()))
        tone = report.news_tone
        for r in rows.iter_rows(named=True):
            pn = analysis.share_sum(tone, "tone", ["positive", "neutral"], subject_ref=r["subject_ref"], **where)
            print(f"    candidate {r['subject_ref']:<4} {100 * r['share']:5.1f} %  ({r['numerator']:,} of "
                  f"{r['denominator']:,})   positive or neutral {pn.percent:5.1f} % ({pn.numerator:,} of "
                  f"{pn.denominator:,})")
    print("Paid advertising against editorial coverage")
    for r in report.paid_editorial.iter_rows(named=True):
        period = f" {r['period']}" if by_period else ""
        print(f"  {names.get(r['outlet'], r['outlet']) + period:<24} {codes.pick(codes.PROGRAMME_GROUPS[r['group']], args.lang):<22}"
              f" {100 * r['share']:5.1f} %  ({r['numerator']:,} of {r['denominator']:,})")
    print("Paid advertising on the broadcasters, by subject")
    for r in report.paid.iter_rows(named=True):
        print(f"  {r['subject_kind']} {r['subject_ref']:<6} {analysis.hours(r['numerator']):6.2f} h  "
              f"{100 * r['share']:5.1f} %  ({r['numerator']:,} of {r['denominator']:,} s)")
    print("Official-role coverage outside news on the broadcasters, by subject and tone")
    for r in report.official_tone.iter_rows(named=True):
        print(f"  {r['subject_kind']} {r['subject_ref']:<6} {r['tone']:<9} {analysis.hours(r['numerator']):6.2f} h"
              f"  ({r['numerator']:,} of {r['denominator']:,} s)")
    if args.json:
        tables = {name: _rows(getattr(report, name)) for name in (
            "news", "news_tone", "editorial", "editorial_tone", "paid_editorial", "paid", "official_role",
            "official_tone", "outlets")}
        tables["reliability"] = [a.__dict__ for a in selectors.alphas(election)]
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"filter": selectors.FILTER, **tables}, out, ensure_ascii=False, indent=1)
        print(f"written {args.json}")
    return 0
