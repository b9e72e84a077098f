"""``saylau disputes import|simulate|bases|list|deadlines|publish``."""

from __future__ import annotations

import datetime as dt
import sys


def register(subparsers) -> None:
    disputes = subparsers.add_parser("disputes", help="complaints and appeals: import, list, deadlines, publish")
    sub = disputes.add_subparsers(dest="action", required=True)
    p = sub.add_parser("import", help="import cases (and their decisions) from CSV or XLSX")
    p.add_argument("file")
    p.set_defaults(func=import_cases, needs_db=True)
    p = sub.add_parser("simulate", help="load the kz-2011 profile's complaints and appeals (SYNOPSIS §6)")
    p.add_argument("--seed", type=int, default=2011)
    p.set_defaults(func=simulate, needs_db=True)
    p = sub.add_parser("bases", help="list the legal bases, or define them from a CSV/XLSX file")
    p.add_argument("file", nargs="?", help="code,law,article,file_amount,file_unit,decide_amount,decide_unit,roll")
    p.set_defaults(func=bases, needs_db=True)
    p = sub.add_parser("list", help="list cases, filtered")
    p.add_argument("--body", default="")
    p.add_argument("--phase", default="")
    p.add_argument("--status", default="")
    p.add_argument("--overdue", action="store_true", help="only cases past the time to decide")
    p.add_argument("--today", help="the day to count overdue from, YYYY-MM-DD (default: today)")
    p.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    p.set_defaults(func=list_cases, needs_db=True)
    p = sub.add_parser("deadlines", help="every basis's deadlines of a case, or the conflicts and overdue cases")
    p.add_argument("reference", nargs="?")
    p.add_argument("--today", help="YYYY-MM-DD (default: today)")
    p.set_defaults(func=deadlines, needs_db=True)
    p = sub.add_parser("publish", help="write the open data of cases and decisions (CSV and JSON)")
    p.add_argument("--out", default="disputes-open-data", help="directory to write")
    p.set_defaults(func=publish, needs_db=True)
    for parser in sub.choices.values():
        parser.add_argument("--election", help="election slug (default: the latest)")


def _election(args):
    from saylau.geography.services import get_election

    return get_election(args.election)  # NoElection (a UserError) says what to run first


def _actor():
    from saylau.core.actors import Actor

    return Actor.system("cli")


def _today(args) -> dt.date:
    from saylau.core.errors import UserError

    if not getattr(args, "today", None):
        return dt.date.today()
    try:
        return dt.date.fromisoformat(args.today)
    except ValueError:
        raise UserError(f"--today {args.today!r}: expected a date YYYY-MM-DD") from None


def import_cases(args) -> int:
    from saylau.core.tabular import TableError
    from saylau.disputes import services

    election = _election(args)
    services.ensure_default_bases(actor=_actor())
    try:
        counts = services.import_cases(actor=_actor(), election=election, path=args.file)
    except (TableError, FileNotFoundError) as error:
        print(str(error), file=sys.stderr)
        return 2
    print(f"imported {counts['cases']} case(s), {counts['decided']} decided, {counts['published']} published")
    return 0


def simulate(args) -> int:
    from saylau.core.errors import UserError
    from saylau.disputes import services
    from saylau.disputes.models import Case

    election = _election(args)
    if Case.objects.filter(election=election).exists():
        raise UserError(f"election {election.slug!r} has cases already; the simulated ones go into an election "
                        "without any (`saylau simulate` makes a new one)")
    counts = services.import_simulation(actor=_actor(), election=election, seed=args.seed)
    print(f"loaded {counts['cases']} simulated case(s), {counts['appeals']} of them appeals")
    return 0


def bases(args) -> int:
    from saylau.core.tabular import Column, TableError, parse_table
    from saylau.disputes import services
    from saylau.disputes.choices import PeriodUnit
    from saylau.disputes.models import LegalBasis

    services.ensure_default_bases(actor=_actor())
    if args.file:
        units = ("", *PeriodUnit.values)
        columns = [Column("code"), Column("law"), Column("article", required=False, default=""),
                   Column("file_amount", "int", required=False, minimum=0),
                   Column("file_unit", "choice", required=False, default="", choices=units),
                   Column("decide_amount", "int", required=False, minimum=0),
                   Column("decide_unit", "choice", required=False, default="", choices=units),
                   Column("roll", "bool", required=False, default=True)]
        try:
            rows = parse_table(args.file, columns)
        except (TableError, FileNotFoundError) as error:
            print(str(error), file=sys.stderr)
            return 2
        from django.db import transaction

        with transaction.atomic():
            for row in rows:
                try:
                    services.define_basis(actor=_actor(), **{k: v for k, v in row.items() if k != "_row"})
                except services.DisputeError as error:
                    print(f"{args.file}: row {row['_row']}: {error}; nothing was imported", file=sys.stderr)
                    transaction.set_rollback(True)
                    return 2
        print(f"defined {len(rows)} legal basis(es)")
    for b in LegalBasis.objects.all():
        rule = b.rule()
        print(f"{b.code:<22} file within {rule.file_within or '-'}; decide within {rule.decide_within or '-'}"
              f"{'; a last day off rolls to the next working day' if b.roll else ''}\n{'':<22} {b.law}"
              f"{', ' + b.article if b.article else ''}")
    return 0


def list_cases(args) -> int:
    from django.utils import translation

    from saylau.disputes import selectors
    from saylau.disputes.choices import Body, Status

    election = _election(args)
    rows = selectors.listing(election, body=args.body, phase=args.phase, status=args.status,
                             overdue=args.overdue, today=_today(args))
    with translation.override(args.lang):
        for case, assessment, overdue in rows:
            flags = (" OVERDUE" if overdue else "") + (" DEADLINE-CONFLICT" if assessment.conflict else "")
            print(f"{case.reference:<10} {case.filed_on}  {str(Body(case.body).label):<32} "
                  f"{str(Status(case.status).label):<20} {case.outcome or '-':<15}{flags}")
    print(f"{len(rows)} case(s)")
    return 0


def deadlines(args) -> int:
    from saylau.core.errors import UserError
    from saylau.disputes import selectors

    election = _election(args)
    today = _today(args)
    if args.reference:
        case = selectors.cases(election).filter(reference=args.reference).first()
        if case is None:
            raise UserError(f"no case {args.reference!r} in {election.slug}; `saylau disputes list` shows them")
        a = selectors.assess(case)
        print(f"{case.reference}: act of {case.act_date or 'unknown date'}, filed {case.filed_on}")
        for d in a.dates:
            verdict = {True: "on time", False: "LATE", None: "-"}[d.filed_on_time]
            print(f"  {d.basis.code:<22} file by {d.file_by or '-'} ({verdict}); decide by {d.decide_by or '-'}")
        if a.conflict:
            print(f"  conflict: late under {', '.join(a.late_under)}, on time under {', '.join(a.on_time_under)}")
        if a.overdue(today, decided=selectors.is_decided(case)):
            print(f"  overdue by {a.days_overdue(today)} day(s) on {today}")
        return 0
    rows = selectors.listing(election, today=today)
    conflicts = [(c, a) for c, a, _ in rows if a.conflict]
    late = [(c, a) for c, a, o in rows if o]
    print(f"{len(conflicts)} case(s) on time under one basis and late under another:")
    for c, a in conflicts:
        print(f"  {c.reference:<10} late under {', '.join(a.late_under)}; on time under {', '.join(a.on_time_under)}"
              f"{'; not considered on ' + c.deadline_basis.code if c.deadline_basis else ''}")
    print(f"{len(late)} case(s) not decided by {today} and past the time to decide:")
    for c, a in late:
        print(f"  {c.reference:<10} decide by {a.decide_by} ({a.days_overdue(today)} day(s) over)")
    return 0


def publish(args) -> int:
    from pathlib import Path

    from saylau.disputes import selectors

    election = _election(args)
    rows = selectors.public_rows(election)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{election.slug}-disputes.csv").write_text(selectors.open_data_csv(rows), encoding="utf-8")
    (out / f"{election.slug}-disputes.json").write_text(selectors.open_data_json(rows, election.slug), encoding="utf-8")
    print(f"wrote {len(rows)} case(s) to {out}/{election.slug}-disputes.csv and .json "
          "(private complainants named by kind only)")
    return 0
