"""``saylau forms``, ``saylau observers``, ``saylau submissions``, ``saylau quality`` and ``saylau findings``."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    forms = subparsers.add_parser("forms", help="observation forms: list, seed, import, export")
    sub = forms.add_subparsers(dest="action", required=True)
    p = sub.add_parser("list", help="list the election's forms")
    p.set_defaults(func=list_forms, needs_db=True)
    p = sub.add_parser("seed", help="store the built-in forms for the election")
    p.set_defaults(func=seed_forms, needs_db=True)
    p = sub.add_parser("import", help="import an XLSForm (.xlsx, .xls, .csv) as a new form or version; "
                                      "the media files it names are taken from beside it too")
    p.add_argument("file")
    p.add_argument("--media", nargs="+", metavar="FILE",
                   help="media files the form uses (images, audio, CSV for select_one_from_file or pulldata)")
    p.set_defaults(func=import_form, needs_db=True)
    p = sub.add_parser("export", help="write a form as .xlsx (default) or XForm XML")
    p.add_argument("form_id")
    p.add_argument("--xform", action="store_true", help="XForm XML (as served to ODK Collect)")
    p.add_argument("-o", "--output", help="file to write (default: <form_id>.xlsx or .xml)")
    p.set_defaults(func=export_form, needs_db=True)

    obs = subparsers.add_parser("observers", help="import observers, teams and deployments")
    p = obs.add_subparsers(dest="action", required=True).add_parser("import", help="import an observers file")
    p.add_argument("file")
    p.add_argument("--deployments", help="deployments file (team_code + station_code|dec_code|region_code)")
    p.set_defaults(func=import_observers, needs_db=True)

    subs = subparsers.add_parser("submissions", help="bulk import of submissions")
    p = subs.add_subparsers(dest="action", required=True).add_parser("import", help="import a CSV/XLSX of one form")
    p.add_argument("file")
    p.add_argument("--form", required=True, help="form id, e.g. voting")
    p.set_defaults(func=import_submissions, needs_db=True)

    quality = subparsers.add_parser("quality", help="run the quality checks over all submissions")
    quality.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    quality.set_defaults(func=run_quality, needs_db=True)

    findings = subparsers.add_parser("findings", help="print the findings table")
    findings.add_argument("--by", choices=["region_code", "urban", "hour"], help="group the findings")
    findings.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    findings.add_argument("--out", metavar="FILE",
                          help="write the findings to FILE instead: .csv, .json or .xlsx by its extension")
    findings.set_defaults(func=print_findings, needs_db=True)
    for parser in (*sub.choices.values(), obs, subs, quality, findings):
        parser.add_argument("--election", help="election slug (default: the latest)")


def _election(args):
    """The election named by --election, else the latest; a UserError saying what to run first when there is none."""
    from saylau.geography.services import get_election

    return get_election(args.election)


def _actor():
    from saylau.core.actors import Actor

    return Actor.system("cli")


def list_forms(args) -> int:
    from saylau.observation.models import FormDefinition

    election = _election(args)
    forms = FormDefinition.objects.filter(election=election).order_by("form_id", "-created_at")
    for d in forms:
        print(f"{d.form_id:<14} {d.version:<12} {'active' if d.active else 'retired':<8} md5:{d.md5}  {d.title}")
    if not forms:
        print(f"no forms for election {election.slug!r} yet: run `saylau forms seed` (the built-in forms) or "
              "`saylau forms import FILE.xlsx`", file=sys.stderr)
    return 0


def seed_forms(args) -> int:
    from saylau.observation.services import seed_builtin_forms

    created = seed_builtin_forms(actor=_actor(), election=_election(args))
    print(f"stored {len(created)} built-in form(s)")
    return 0


def import_form(args) -> int:
    from pathlib import Path

    from django.core.exceptions import ValidationError

    from saylau.observation.core.xlsform import XLSFormError
    from saylau.observation.services import import_form as service
    from saylau.observation.services.forms import media_beside, parse_form

    path = Path(args.file)
    try:
        data = path.read_bytes()
        media = {Path(m).name: Path(m).read_bytes() for m in getattr(args, "media", None) or []}
        beside = media_beside(path, parse_form(data, name=path.stem).xform)
        definition = service(actor=_actor(), election=_election(args), data=data, filename=path.name,
                             media={**beside, **media})
    except XLSFormError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    except ValidationError as error:
        print(f"{args.file}: {'; '.join(error.messages)}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{args.file}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"imported form {definition.form_id} version {definition.version or '-'}")
    stored = sorted(definition.media.values_list("filename", flat=True))
    if stored:
        print(f"media: {', '.join(stored)}")
    for warning in definition.form.warnings:
        print(f"pyxform: {warning}", file=sys.stderr)
    return 0


def export_form(args) -> int:
    from pathlib import Path

    from saylau.observation.models import FormDefinition
    from saylau.observation.services import export_xform, export_xlsx

    election = _election(args)
    definition = FormDefinition.objects.filter(election=election, form_id=args.form_id, active=True).first()
    if definition is None:
        print(f"no active form {args.form_id!r} for election {election.slug!r}: `saylau forms list` "
              "shows them; `saylau forms seed` stores the built-in ones", file=sys.stderr)
        return 2
    out = Path(args.output or f"{args.form_id}.{'xml' if args.xform else 'xlsx'}")
    if args.xform:
        out.write_text(export_xform(definition), encoding="utf-8")
    else:
        out.write_bytes(export_xlsx(definition))
    print(f"wrote {out}")
    return 0


def import_observers(args) -> int:
    from saylau.core.tabular import TableError
    from saylau.observation.services import import_observers as service

    try:
        summary = service(actor=_actor(), election=_election(args), path=args.file, deployments=args.deployments)
    except TableError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"imported {summary.observers} observers, {summary.teams} teams, {summary.deployments} deployments")
    return 0


def import_submissions(args) -> int:
    from saylau.core.tabular import TableError
    from saylau.observation.services import import_submissions as service

    try:
        results = service(actor=_actor(), election=_election(args), path=args.file, form_id=args.form)
    except TableError as error:
        print(error, file=sys.stderr)
        return 2
    created = sum(r.outcome == "created" for r in results)
    print(f"{created} submission(s) stored, {len(results) - created} already stored")
    return 0


def run_quality(args) -> int:
    from saylau.observation.services import run_quality_checks

    flags = run_quality_checks(actor=_actor(), election=_election(args), lang=args.lang)
    for f in flags[:50]:
        print(f"{f.rule_id:<40} {','.join(f.submission_ids):<14} {f.reason}")
    print(f"{len(flags)} flag(s)")
    return 0


def print_findings(args) -> int:
    from saylau.observation.reporting import findings_rows, findings_table, write_findings

    election = _election(args)
    if getattr(args, "out", None):
        rows = findings_rows(election, by=args.by, lang=args.lang)
        print(f"wrote {len(rows)} finding(s) to {write_findings(rows, args.out)}")
        return 0
    print(findings_table(election, by=args.by, lang=args.lang))
    return 0
