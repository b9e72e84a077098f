"""``saylau candidates list|import|decide|check|simulate``, ``saylau signatures import|verify|sample``,
``saylau accreditation import|list|badges``: nominees on their way to registration, their support
signatures checked against the voter register, and the accreditation registry.

The register the signatures are checked against is the register audit's, in the data
directory (``saylau register import`` or ``saylau register simulate``).
"""

from __future__ import annotations

import datetime as dt
import sys

#: the status steps a decision may give (every status but the first)
STEPS = ("documents", "signatures", "registered", "refused", "withdrawn")


def register(subparsers) -> None:
    _candidates(subparsers)
    _signatures(subparsers)
    _accreditation(subparsers)


def _candidates(subparsers) -> None:
    top = subparsers.add_parser("candidates", help="nominees: list, import, decisions, eligibility checks")
    sub = top.add_subparsers(dest="action", required=True)
    p = sub.add_parser("list", help="the nominees, their status and their signatures")
    p.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    p.set_defaults(func=list_nominees, needs_db=True)
    p = sub.add_parser("import", help="nominees from CSV or XLSX: code, name_en, name_ru, name_kk, nominated_by "
                                      "(self|association|party), party, nominating_body, nominated_on, incumbent")
    p.add_argument("file")
    p.set_defaults(func=import_nominees, needs_db=True)
    p = sub.add_parser("decide", help="a status step, taken by a body's decision with its vote")
    p.add_argument("code", help="the nominee's code")
    p.add_argument("--to", required=True, choices=STEPS, help="the status the decision gives")
    p.add_argument("--number", required=True, help="the decision's number")
    p.add_argument("--date", required=True, help="the decision's date, YYYY-MM-DD")
    p.add_argument("--for", dest="votes_for", required=True, help="votes for")
    p.add_argument("--against", dest="votes_against", required=True, help="votes against")
    p.add_argument("--present", help="members present")
    p.add_argument("--body", default="CEC", help="CEC, TEC, DEC or PEC (default CEC)")
    p.add_argument("--ground", default="", help="the rule the decision rests on (a check's or a decision's code)")
    p.add_argument("--reason", default="", help="the decision's reasoning")
    p.set_defaults(func=decide, needs_db=True)
    p = sub.add_parser("check", help="a nominee's eligibility checks: evaluate facts (JSON) or show those recorded")
    p.add_argument("code")
    p.add_argument("--facts", help="a JSON file of the facts: birth_date, citizen_by_birth, resident_since, "
                                   "language_passed, fee_paid, married, tax_nominee, tax_spouse, documents")
    p.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    p.set_defaults(func=check, needs_db=True)
    p = sub.add_parser("simulate", help="the kz-2011 nominees, signature sheets and accreditations (needs the "
                                        "register: `saylau register simulate`)")
    p.add_argument("--seed", type=int, default=2011)
    p.set_defaults(func=simulate, needs_db=True)
    for parser in sub.choices.values():
        parser.add_argument("--election", help="election slug (default: the latest)")


def _signatures(subparsers) -> None:
    top = subparsers.add_parser("signatures", help="support signatures: import sheets, verify against the register, "
                                                    "check a sample")
    sub = top.add_subparsers(dest="action", required=True)
    p = sub.add_parser("import", help="sheets and lines from CSV or XLSX (line_id, nominee, sheet, region_code, "
                                      "collector, surname, given_name, patronymic, iin, birth_date, address, signed_on;"
                                      " optionally struck, struck_reason: the commission's record)")
    p.add_argument("file")
    p.set_defaults(func=import_signatures, needs_db=True)
    for name, text in (("verify", "check every line against the register: valid, or the reason it is not"),
                       ("sample", "a verification session of one nominee: a full check or a seeded sample")):
        p = sub.add_parser(name, help=text)
        if name == "sample":
            p.add_argument("code", help="the nominee's code")
            p.add_argument("--first", type=int, default=0, help="lines in the first sample (0: a full check)")
            p.add_argument("--second", type=int, default=0, help="lines in a second sample (default 0: none)")
            p.add_argument("--tolerated", type=float, default=0.05, help="share of invalid lines tolerated (0.05)")
            p.add_argument("--seed", type=int, default=0)
            p.add_argument("--required", required=True, help="valid signatures the law requires")
            p.add_argument("--per-region", type=int, default=0, help="the spread rule: valid signatures that make a "
                                                                      "region count (0: no spread rule)")
            p.add_argument("--regions-share", type=float, default=2 / 3, help="share of regions that must count")
            p.add_argument("--date", required=True, help="the session's date, YYYY-MM-DD")
            p.add_argument("--body", default="TEC", help="CEC, TEC, DEC or PEC (default TEC)")
            p.add_argument("--proxy", required=True, choices=("absent", "present"),
                           help="whether the nominee's proxy attended the check")
        p.add_argument("--snapshot", help="the register snapshot (default: the current one)")
        p.add_argument("--collectors", help="a CSV/XLSX file of the accredited collectors (a column 'collector'); "
                                            "without it collectors are not checked")
        p.add_argument("--window-start", help="the collection window's first day (default: each nominee's own)")
        p.add_argument("--window-end", help="the collection window's last day")
        p.set_defaults(func=verify if name == "verify" else sample, needs_db=True)
    for parser in sub.choices.values():
        parser.add_argument("--election", help="election slug (default: the latest)")


def _accreditation(subparsers) -> None:
    top = subparsers.add_parser("accreditation", help="proxies, observers and media: import, list, badges")
    sub = top.add_subparsers(dest="action", required=True)
    p = sub.add_parser("import", help="applications from CSV or XLSX, in the order filed: kind, full_name, nominee, "
                                      "party, organisation, state, station_code, region_code, filed_on, observer")
    p.add_argument("file")
    p.add_argument("--max-proxies", type=int, help="proxies per candidate per polling station (default: the law's)")
    p.set_defaults(func=import_accreditations, needs_db=True)
    p = sub.add_parser("list", help="counts by kind, per candidate and per region")
    p.add_argument("--lang", default="en", choices=["en", "ru", "kk"])
    p.set_defaults(func=list_accreditations, needs_db=True)
    p = sub.add_parser("badges", help="the badges list (CSV) of those accredited")
    p.add_argument("--out", default="badges.csv", help="file to write (default badges.csv)")
    p.add_argument("--kind", default="", help="only this kind")
    p.set_defaults(func=badges, needs_db=True)
    for parser in sub.choices.values():
        parser.add_argument("--election", help="election slug (default: the latest)")


# ------------------------------------------------------------------ helpers
def _election(args):
    from saylau.geography.services import get_election

    return get_election(args.election)  # NoElection (a UserError) says what to run first


def _actor():
    from saylau.core.actors import Actor

    return Actor.system("cli")


def _date(text: str, option: str) -> dt.date:
    from saylau.core.errors import UserError

    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise UserError(f"{option} {text!r}: expected a date YYYY-MM-DD") from None


def _whole(text: str | None, option: str) -> int | None:
    from saylau.core.errors import UserError

    if text is None:
        return None
    if not text.strip().isdigit():
        raise UserError(f"{option} {text!r}: expected a whole number")
    return int(text)


def _nominee(election, code: str):
    from saylau.core.errors import UserError
    from saylau.nomination import selectors

    nominee = selectors.get_nominee(election, code)
    if nominee is None:
        raise UserError(f"no nominee {code!r} in {election.slug}: `saylau candidates list` shows them")
    return nominee


def _bar(total: int, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="step", file=sys.stderr, disable=not sys.stderr.isatty())


def _lang(args):
    from django.utils import translation

    return translation.override(getattr(args, "lang", "en"))


# ------------------------------------------------------------------ candidates
def list_nominees(args) -> int:
    from saylau.nomination import selectors

    election = _election(args)
    rows = list(selectors.nominees(election))
    if not rows:
        print(f"no nominees in {election.slug} yet: `saylau candidates import FILE` or `saylau candidates simulate`")
        return 0
    from django.utils.translation import gettext as _

    from saylau.core.wording import format_int

    def num(n: int) -> str:
        return format_int(n, args.lang)

    with _lang(args):
        for n in rows:
            lines = _("lines: %(lines)s") % {"lines": num(n.lines_count)}
            if n.checked_count:
                lines += "; " + _("invalid: %(invalid)s of %(checked)s checked") % {
                    "invalid": num(n.invalid_count), "checked": num(n.checked_count)}
            print(f"{n.code:<6} {n.name(args.lang):<34} {n.get_nominated_by_display():<36} "
                  f"{n.get_status_display():<28} {lines}")
        registered = sum(1 for n in rows if n.status == "registered")
        print(_("nominees: %(nominees)s, registered: %(registered)s") % {
            "nominees": num(len(rows)), "registered": num(registered)})
    return 0


def import_nominees(args) -> int:
    from saylau.nomination import services

    made = services.import_nominees(actor=_actor(), election=_election(args), path=args.file)
    print(f"imported {len(made)} nominee(s)")
    return 0


def decide(args) -> int:
    from saylau.nomination import services

    election = _election(args)
    decision = services.decide(actor=_actor(), nominee=_nominee(election, args.code), to_status=args.to,
                               number=args.number, decided_on=_date(args.date, "--date"),
                               votes_for=_whole(args.votes_for, "--for"), votes_against=_whole(args.votes_against,
                                                                                              "--against"),
                               members_present=_whole(args.present, "--present"), body=args.body,
                               ground=args.ground, reason=args.reason)
    print(f"{args.code}: {decision.from_status} -> {decision.to_status} by {decision.body} decision "
          f"No. {decision.number} of {decision.decided_on} ({decision.votes_for} for, {decision.votes_against} against)")
    return 0


def _facts(path: str):
    import dataclasses
    import json
    from pathlib import Path

    from saylau.core.errors import UserError
    from saylau.nomination.core.eligibility import Facts

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"--facts {path}: no such file") from None
    except json.JSONDecodeError as error:
        raise UserError(f"--facts {path}: not JSON ({error.msg}, line {error.lineno})") from None
    fields = {f.name: f for f in dataclasses.fields(Facts)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise UserError(f"--facts {path}: unknown fact(s) {', '.join(unknown)}; expected {', '.join(fields)}")
    for name in ("birth_date", "resident_since"):
        if data.get(name) is not None:
            data[name] = _date(data[name], f"--facts {name}")
    if data.get("documents") is not None:
        data["documents"] = frozenset(data["documents"])
    return Facts(**data)


def check(args) -> int:
    from saylau.nomination import selectors, services

    election = _election(args)
    nominee = _nominee(election, args.code)
    if args.facts:
        services.record_eligibility(actor=_actor(), nominee=nominee, facts=_facts(args.facts))
    checks = selectors.eligibility(nominee)
    if not checks:
        print(f"{nominee.code}: no eligibility checks recorded; give --facts FILE.json to evaluate them")
        return 0
    with _lang(args):
        for c in checks:
            print(f"{c.get_code_display():<40} {c.get_outcome_display():<16} {c.evidence}")
    return 0


def simulate(args) -> int:
    from saylau.core import datadir
    from saylau.core.errors import UserError
    from saylau.nomination import services
    from saylau.registry import selectors as registry
    from saylau.registry.core.simulation import simulate_register

    election = _election(args)
    data = datadir.resolve(args.data_dir)
    with _bar(3, "candidates simulate") as bar:
        meta = registry.register_meta(data)
        if not meta.get("current"):
            raise UserError("no register yet: run `saylau register simulate` (the nominees' simulation draws "
                            "its signers from the simulated register)")
        if not meta.get("simulated"):
            raise UserError("the nominees' simulation draws its signers from a simulated register: run "
                            "`saylau register simulate` first")
        register = simulate_register(meta["scale"], meta["seed"])  # the register simulated, with its truth
        _same_stations(election, register.stations)
        bar.update(1)
        counts = services.import_simulation(actor=_actor(), election=election, register=register, seed=args.seed)
        bar.update(2)
    print(", ".join(f"{n:,} {what}" for what, n in counts.items()))
    return 0


def _same_stations(election, stations) -> None:
    """The proxies are filed at the register's stations: the election must have them."""
    from saylau.core.errors import UserError
    from saylau.geography.models import Station

    have = set(Station.objects.filter(unit__election=election).values_list("unit__code", flat=True))
    unknown = sorted(set(stations["code"].to_list()) - have)
    if unknown:
        raise UserError(f"the simulated register's polling stations are not those of {election.slug} "
                        f"({len(unknown):,} of {stations.height:,} unknown, e.g. {unknown[0]}): the nominees' "
                        "simulation needs a register simulated on the election's stations, as `saylau demo` "
                        "makes it")


# ------------------------------------------------------------------ signatures
def import_signatures(args) -> int:
    from saylau.nomination import services

    counts = services.import_lines(actor=_actor(), election=_election(args), path=args.file)
    print(f"imported {counts['lines']:,} line(s) on {counts['sheets']:,} sheet(s)")
    return 0


def _deaths(data):
    from saylau.registry import selectors as registry

    return registry.register_table(data, "deaths", optional=True)


def _collectors(path: str | None) -> set[str] | None:
    from saylau.core.tabular import Column, parse_table

    if not path:
        return None
    return {r["collector"] for r in parse_table(path, [Column("collector", max_length=60)])}


def _check_inputs(args, election):
    """The register, stations, deaths list, collectors and rules the lines are checked with."""
    from saylau.core import datadir
    from saylau.core.errors import UserError
    from saylau.nomination.core.signatures import Rules
    from saylau.registry import selectors as registry

    data = datadir.resolve(args.data_dir)
    name, register = registry.register_snapshot(data, args.snapshot)
    stations = registry.register_table(data, "stations", needed_for="the signatures' regions")
    rules = None
    if args.window_start or args.window_end:
        if not (args.window_start and args.window_end):
            raise UserError("give both --window-start and --window-end (or neither: each nominee's own window)")
        rules = Rules(window_start=_date(args.window_start, "--window-start"),
                      window_end=_date(args.window_end, "--window-end"), election_day=election.date)
    return name, register, stations, _deaths(data), _collectors(args.collectors), rules


def verify(args) -> int:
    from saylau.nomination import selectors, services

    election = _election(args)
    with _bar(3, "signatures verify") as bar:
        name, register, stations, deaths, collectors, rules = _check_inputs(args, election)
        bar.update(1)
        counts = services.verify_lines(actor=_actor(), election=election, register=register, stations=stations,
                                       rules=rules, deaths=deaths, collectors=collectors, snapshot=name)
        bar.update(2)
    print(f"{counts['lines']:,} line(s) checked against register {name!r} ({len(register):,} voters): "
          f"{counts['valid']:,} valid, {counts['invalid']:,} invalid")
    for nominee in selectors.nominees(election, counts=False):
        reasons = selectors.signatures_by_reason(nominee, "en")
        if reasons:
            print(f"  {nominee.code}: " + "; ".join(f"{r['label']} {r['lines']:,}" for r in reasons))
    return 0


def sample(args) -> int:
    from saylau.core.errors import UserError
    from saylau.nomination import services
    from saylau.nomination.core import sampling

    election = _election(args)
    nominee = _nominee(election, args.code)
    if not 0 <= args.tolerated < 1:
        raise UserError(f"--tolerated {args.tolerated}: expected a share from 0 to 1 (e.g. 0.05)")
    if args.first < 0 or args.second < 0:
        raise UserError("--first and --second are numbers of lines (0 or more)")
    required = _whole(args.required, "--required")
    plan = sampling.Plan(first=args.first, tolerated=args.tolerated, second=args.second, seed=args.seed)
    rule = sampling.SpreadRule(required=required, regions_share=args.regions_share,
                               per_region=args.per_region) if args.per_region else None
    with _bar(3, f"signatures sample {nominee.code}") as bar:
        _name, register, stations, deaths, collectors, rules = _check_inputs(args, election)
        bar.update(1)
        made = services.run_session(actor=_actor(), nominee=nominee, held_on=_date(args.date, "--date"), plan=plan,
                                    required=required, proxy_present=args.proxy == "present", register=register,
                                    stations=stations, rules=rules, deaths=deaths, collectors=collectors,
                                    body=args.body, spread_rule=rule)
        bar.update(2)
    for s in made:
        print(f"{nominee.code} stage {s.stage} ({s.get_mode_display()}): {s.sampled:,} of {s.lines:,} lines checked, "
              f"{s.invalid:,} invalid; projected valid {s.projected_valid:,} "
              f"({s.level_e3 / 10:g}% interval {s.projected_low:,} to {s.projected_high:,}); "
              f"{s.get_decision_display()}")
    return 0


# ------------------------------------------------------------------ accreditation
def import_accreditations(args) -> int:
    import dataclasses

    from saylau.nomination import services
    from saylau.nomination.core import accreditation

    limits = accreditation.KZ_2011
    if args.max_proxies is not None:
        limits = dataclasses.replace(limits, proxies_per_station=args.max_proxies)
    counts = services.import_accreditations(actor=_actor(), election=_election(args), path=args.file, limits=limits)
    print(f"{counts['accredited']:,} accredited, {counts['refused']:,} refused")
    from saylau.nomination.core import labels

    for code, n in counts.get("refusals", {}).items():  # why, so the filer can correct and file again
        print(f"  refused, {labels.pick(labels.REFUSAL[code], 'en') if code in labels.REFUSAL else code}: {n:,}")
    return 0


def list_accreditations(args) -> int:
    from saylau.nomination import selectors
    from saylau.nomination.core import labels

    election = _election(args)
    by_kind = selectors.accreditation_by_kind(election)
    if not any(sum(v.values()) for v in by_kind.values()):
        print(f"no accreditations in {election.slug} yet: `saylau accreditation import FILE`")
        return 0
    from django.utils.translation import gettext as _

    from saylau.core.wording import format_int

    for kind, counts in by_kind.items():
        print(f"{labels.pick(labels.ACCREDITATION_KIND[kind], args.lang):<36} "
              + ", ".join(f"{labels.pick(labels.ACCREDITATION_STATUS[s], args.lang)}: {format_int(n, args.lang)}"
                          for s, n in counts.items()))
    with _lang(args):
        print(_("proxies per candidate:"))
        for r in selectors.accreditation_by_candidate(election, args.lang):
            counts = _("accredited: %(accredited)s, refused: %(refused)s") % {
                "accredited": format_int(r["accredited"], args.lang), "refused": format_int(r["refused"], args.lang)}
            print(f"  {r['nominee_code']:<6} {r['name']:<34} {counts}")
    return 0


def badges(args) -> int:
    import csv
    from pathlib import Path

    from saylau.nomination import selectors

    election = _election(args)
    rows = selectors.accreditations(election, kind=args.kind or None, status="accredited")
    path = Path(args.out)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["badge", "full_name", "kind", "nominated_by", "station_code", "region_code"])
        n = 0
        for a in rows.iterator():
            who = a.nominee.code if a.nominee_id else a.party.code if a.party_id else a.organisation or a.state
            out.writerow([a.badge, a.full_name, a.kind, who, a.station_code, a.region_code])
            n += 1
    print(f"{n:,} badge(s) written to {path}")
    return 0
