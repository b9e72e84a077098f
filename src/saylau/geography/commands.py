"""``saylau election create`` and ``saylau import``: the election's structure from files."""

from __future__ import annotations

import sys

IMPORTERS = {
    "stations": "import_stations",
    "parties": "import_parties",
    "candidates": "import_candidates",
    "members": "import_commission_members",
}


def register(subparsers) -> None:
    election = subparsers.add_parser("election", help="create or list elections")
    sub = election.add_subparsers(dest="action", required=True)
    create = sub.add_parser("create", help="create an election with its national unit and CEC")
    create.add_argument("--slug", required=True)
    create.add_argument("--name", required=True, help="name in English")
    create.add_argument("--name-ru", default="")
    create.add_argument("--name-kk", default="")
    create.add_argument("--kind", default="presidential", choices=["presidential", "parliamentary", "local", "referendum"])
    create.add_argument("--date", required=True, help="election day, YYYY-MM-DD")
    create.set_defaults(func=create_election, needs_db=True, creates_data=True)
    listing = sub.add_parser("list", help="list elections")
    listing.set_defaults(func=list_elections, needs_db=True)

    imp = subparsers.add_parser("import", help="import stations, parties, candidates or commission members from CSV/XLSX")
    imp.add_argument("what", choices=sorted(IMPORTERS))
    imp.add_argument("file")
    imp.add_argument("--election", help="election slug (default: the latest)")
    imp.set_defaults(func=import_file, needs_db=True)


def create_election(args) -> int:
    import datetime as dt

    from django.core.exceptions import ValidationError

    from saylau.core.actors import Actor
    from saylau.geography.services import create_election as create

    try:
        election = create(
            actor=Actor.system("cli"), slug=args.slug, name_en=args.name, name_ru=args.name_ru,
            name_kk=args.name_kk, kind=args.kind, date=dt.date.fromisoformat(args.date),
        )
    except (ValidationError, ValueError) as error:
        print(f"cannot create the election: {error}", file=sys.stderr)
        return 2
    print(f"created election {election.slug!r}")
    return 0


def list_elections(args) -> int:
    from saylau.geography.models import Election

    elections = Election.objects.all()
    for e in elections:
        print(f"{e.slug:<20} {e.date}  {e.kind:<13} {e.name_en}")
    if not elections:
        print("no elections yet: run `saylau simulate` or `saylau election create` first", file=sys.stderr)
    return 0


def import_file(args) -> int:
    from saylau.core.actors import Actor
    from saylau.core.tabular import TableError
    from saylau.geography import services
    from saylau.geography.services import get_election

    try:
        election = get_election(args.election)
        summary = getattr(services, IMPORTERS[args.what])(actor=Actor.system("cli"), election=election, path=args.file)
    except (LookupError, TableError, FileNotFoundError) as error:
        print(str(error), file=sys.stderr)
        return 2
    print(f"imported {summary}")
    return 0
