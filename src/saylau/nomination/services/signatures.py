"""Support signatures: sheets and lines imported in bulk, every line checked against the
voter register, and verification sessions (a full check or a seeded sample) with their
projection and decision.

Each write is one transaction with one ledger entry per row: lines are
written with ``saylau.db`` (``COPY`` or ``executemany``) while their entries
are built column-wise and hashed (:func:`saylau.ledger.services.record_texts`);
a check's verdicts go in as ``nomination.line.updated`` entries with the line's
state before and after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import polars as pl
from django.db import connection, transaction

from saylau.core.actors import Actor
from saylau.core.tabular import MAX_ERRORS, CellError, TableError
from saylau.geography.choices import CommissionTier, UnitLevel
from saylau.geography.core.states import state_texts
from saylau.geography.models import Election, Unit
from saylau.ledger.services import record_many, record_texts
from saylau.nomination import selectors
from saylau.nomination.choices import LineReason, SessionMode
from saylau.nomination.core import states
from saylau.nomination.models import Nominee, SignatureLine, SignatureSheet, VerificationSession
from saylau.nomination.writes import (
    NominationError,
    choice,
    created,
    entries,
    new_ids,
    write_created,
)

LINE_TEXT = ("line_id", "nominee", "sheet", "region_code", "collector", "surname", "given_name", "patronymic", "iin",
             "address")


# ------------------------------------------------------------------ import
def _refuse(source: str, problems: list[CellError]) -> None:
    if problems:
        raise TableError(source, sorted(problems, key=lambda e: (e.row, e.column))[:MAX_ERRORS])


def _bad(frame: pl.DataFrame, mask: pl.Expr, column: str, expected: str, value: str = "") -> list[CellError]:
    rows = frame.filter(mask).select("row", value or column).head(MAX_ERRORS)
    return [CellError(int(r), column, expected, "" if v is None else str(v)) for r, v in rows.iter_rows()]


def _prepare(election: Election, lines: pl.DataFrame, source: str) -> tuple[pl.DataFrame, dict[str, int]]:
    """The lines checked against the database (their nominees exist, their sheets and line ids are new,
    their regions are the election's); TableError naming row and column otherwise."""
    if "row" not in lines.columns:
        lines = lines.with_row_index("row", offset=2).with_columns(pl.col("row").cast(pl.Int64))
    for c, default in (("struck", False), ("struck_reason", "")):
        if c not in lines.columns:
            lines = lines.with_columns(pl.lit(default).alias(c))
    lines = lines.with_columns([pl.col(c).cast(pl.Utf8).fill_null("") for c in (*LINE_TEXT, "struck_reason")]
                               + [pl.col("struck").cast(pl.Boolean).fill_null(False)])
    nominees = dict(Nominee.objects.filter(election=election).values_list("code", "pk"))
    problems = _bad(lines, ~pl.col("nominee").is_in(list(nominees)), "nominee",
                    f"a nominee of {election.slug} (`saylau candidates list`)")
    for c in ("line_id", "sheet", "region_code"):
        problems += _bad(lines, pl.col(c) == "", c, "text (not empty)")
    problems += _bad(lines, pl.struct("nominee", "line_id").is_duplicated(), "line_id", "a line id used once per nominee")
    for c in LINE_TEXT:
        field = {"nominee": Nominee._meta.get_field("code"), "sheet": SignatureSheet._meta.get_field("number")}.get(
            c) or SignatureLine._meta.get_field(c)
        problems += _bad(lines, pl.col(c).str.len_chars() > field.max_length, c,
                         f"text of at most {field.max_length} characters")
    problems += _bad(lines, ~pl.col("struck_reason").is_in(["", *LineReason.values]), "struck_reason",
                     "one of " + ", ".join(v for v in LineReason.values if v) + " or blank")
    regions = set(Unit.objects.filter(election=election, level=UnitLevel.REGION).values_list("code", flat=True))
    if regions:
        problems += _bad(lines, ~pl.col("region_code").is_in(sorted(regions)), "region_code",
                         f"a region code of {election.slug}")
    known = pl.DataFrame(list(SignatureSheet.objects.filter(nominee__election=election)
                              .values_list("nominee__code", "number")),
                         schema={"nominee": pl.Utf8, "sheet": pl.Utf8}, orient="row")
    if known.height:
        again = lines.join(known, on=["nominee", "sheet"], how="semi")
        problems += _bad(again, pl.lit(True), "sheet", "a sheet not imported before")
    sheet_keys = ["nominee", "sheet"]
    mixed = lines.group_by(sheet_keys).agg(pl.col("region_code").n_unique().alias("regions"),
                                          pl.col("collector").n_unique().alias("collectors"))
    bad_sheets = mixed.filter((pl.col("regions") > 1) | (pl.col("collectors") > 1)).select(sheet_keys)
    if bad_sheets.height:
        problems += _bad(lines.join(bad_sheets, on=sheet_keys, how="semi"), pl.lit(True), "sheet",
                         "one region and one collector throughout a sheet", "sheet")
    _refuse(source, problems)
    return lines, nominees


def import_lines(*, actor: Actor, election: Election, lines: pl.DataFrame | None = None,
                 path: str | Path | None = None, source: str = "") -> dict[str, int]:
    """Signature sheets and their lines, from a file (CSV/XLSX, :func:`saylau.nomination.importing.read_lines`)
    or a frame of :data:`~saylau.nomination.core.signatures.LINE_COLUMNS` (and optionally the commission's
    record: ``struck``, ``struck_reason``). Everything or nothing: any bad cell raises TableError with its
    row and column. Returns the numbers of ``sheets`` and ``lines`` created."""
    from saylau.nomination import importing

    if path is not None:
        lines = importing.read_lines(path, reasons=tuple(v for v in LineReason.values if v))
        source = source or Path(path).name
    if lines is None:
        raise NominationError("give the lines: a file or a frame")
    source = source or "frame"
    if lines.is_empty():
        raise TableError(source, [CellError(2, "", "at least one signature line", "none")])
    with transaction.atomic():
        lines, nominees = _prepare(election, lines, source)
        sheets = (lines.group_by(["nominee", "sheet"], maintain_order=True)
                  .agg(pl.col("region_code").first(), pl.col("collector").first(), pl.len().alias("lines"))
                  .with_columns(nominee_id=pl.col("nominee").replace_strict(nominees, return_dtype=pl.Int64)))
        sheets = sheets.with_columns(id=new_ids(SignatureSheet, sheets.height), number=pl.col("sheet"),
                                     lines=pl.col("lines").cast(pl.Int64), source=pl.lit(source[:200]))
        lines = lines.join(sheets.select("nominee", "sheet", pl.col("id").alias("sheet_id"),
                                         pl.col("nominee_id")), on=["nominee", "sheet"], how="left", maintain_order="left")
        lines = lines.with_columns(
            id=new_ids(SignatureLine, lines.height), valid=pl.lit(None, pl.Boolean), reason=pl.lit(""),
            voter_id=pl.lit(""), session_id=pl.lit(None, pl.Int64),
            birth_date=pl.col("birth_date").cast(pl.Date), signed_on=pl.col("signed_on").cast(pl.Date))
        columns = ["id", *[f.column for f in states.LINE.fields]]
        write_created(actor, [
            (SignatureSheet, states.SHEET, sheets.select(["id", *[f.column for f in states.SHEET.fields]]),
             pl.concat_str([pl.col("nominee_id").cast(pl.Utf8), pl.lit(" sheet "), pl.col("number")])),
            (SignatureLine, states.LINE, lines.select(columns),
             pl.concat_str([pl.col("nominee_id").cast(pl.Utf8), pl.lit(" line "), pl.col("line_id")])),
        ], reason=f"imported from {source}")
    return {"sheets": sheets.height, "lines": lines.height}


# ------------------------------------------------------------------ the check
def rules_for(election: Election, *, minimum_age: int = 18, one_nominee_only: bool = True) -> dict:
    """Each nominee's rules of the check (:class:`saylau.nomination.core.signatures.Rules`): its
    collection window from the nomination calendar and its decisions; by nominee code."""
    from saylau.nomination.core.signatures import Rules

    out = {}
    for nominee in Nominee.objects.filter(election=election):
        window = selectors.collection_window(nominee)
        if window is None:
            raise NominationError(f"no nomination calendar for {election.slug}: give the collection window "
                                  "(--window-start and --window-end)")
        out[nominee.code] = Rules(window_start=window[0], window_end=window[1], election_day=election.date,
                                  minimum_age=minimum_age, one_nominee_only=one_nominee_only)
    return out


def _verdicts(frame: pl.DataFrame, register: pl.DataFrame, *, stations, rules, deaths, collectors) -> pl.DataFrame:
    """``verify`` on the lines of ``frame`` (the selectors' lines frame): ``id, valid, reason, voter_id``."""
    from saylau.nomination.core.signatures import LINE_COLUMNS, verify

    if isinstance(rules, Mapping) and len({(r.window_start, r.window_end) for r in rules.values()}) == 1:
        rules = next(iter(rules.values()))  # one window for all: the plain form
    got = verify(frame.select(LINE_COLUMNS), register, stations=stations, rules=rules, deaths=deaths,
                 collectors=collectors)
    if got.height != frame.height or got["line_id"].to_list() != frame["line_id"].to_list():
        raise RuntimeError("verify returned lines in another order than given")
    return pl.DataFrame({"id": frame["id"], "valid": got["valid"], "reason": got["reason"].fill_null(""),
                         "voter_id": got["voter_id"].fill_null("")})


def _store_lines(actor: Actor, before: pl.DataFrame, changes: pl.DataFrame, reason: str) -> int:
    """Write ``changes`` (``id`` and some of ``valid, reason, voter_id, session_id``) over the lines of
    ``before`` (the selectors' lines frame); one ``nomination.line.updated`` entry, with the state
    before and after, per line whose state changed."""
    text = ("collector", "surname", "given_name", "patronymic", "iin", "address", "reason", "voter_id", "struck_reason")
    old = before.with_columns(pl.col(c).fill_null("") for c in text)
    columns = [c for c in changes.columns if c != "id"]
    new = old.drop(columns).join(changes, on="id", how="left", maintain_order="left").select(old.columns)
    new = new.with_columns(_before=state_texts(states.LINE, old), _after=state_texts(states.LINE, new))
    new = new.filter(pl.col("_before") != pl.col("_after"))
    if new.is_empty():
        return 0
    ledger = entries(states.LINE, new, "updated", pl.concat_str([pl.col("nominee_id").cast(pl.Utf8), pl.lit(" line "),
                                                                 pl.col("line_id")]), reason, before=pl.col("_before"))
    table = SignatureLine._meta.db_table
    sql = f"UPDATE {table} SET {', '.join(c + ' = %s' for c in columns)} WHERE id = %s"

    def write() -> None:
        with connection.cursor() as cursor:
            cursor.executemany(sql, zip(*[new[c].to_list() for c in (*columns, "id")], strict=True))

    record_texts(actor=actor, rows=ledger, meanwhile=write)
    return new.height


def verify_lines(*, actor: Actor, election: Election, register: pl.DataFrame, stations: pl.DataFrame,
                 rules=None, deaths: pl.DataFrame | None = None, collectors: set[str] | None = None,
                 snapshot: str = "") -> dict[str, int]:
    """Check every signature line of the election against the register (all nominees at once: a
    voter who signed for two is found across their sheets) and store each line's verdict:
    valid, or invalid with exactly one reason, and the voter matched. ``rules``: one
    :class:`~saylau.nomination.core.signatures.Rules`, a mapping nominee code -> Rules, or None
    for each nominee's own window (:func:`rules_for`). Returns ``lines``, ``valid``, ``invalid``, ``changed``."""
    frame = selectors.lines_frame(election)
    if frame.is_empty():
        raise NominationError(f"no signature lines in {election.slug} yet: run `saylau signatures import FILE`")
    rules = rules if rules is not None else rules_for(election)
    verdicts = _verdicts(frame, register, stations=stations, rules=rules, deaths=deaths, collectors=collectors)
    with transaction.atomic():
        changed = _store_lines(actor, frame, verdicts,
                                  f"checked against the register{' snapshot ' + snapshot if snapshot else ''}")
    valid = int(verdicts["valid"].sum())
    return {"lines": frame.height, "valid": valid, "invalid": frame.height - valid, "changed": changed}


# ------------------------------------------------------------------ sessions
def _session(nominee: Nominee, **fields) -> VerificationSession:
    session = VerificationSession(nominee=nominee, **fields)
    session.full_clean(exclude=["nominee"])
    session.save()
    return session


def run_session(*, actor: Actor, nominee: Nominee, held_on: dt.date, plan, required: int, proxy_present: bool,
                register: pl.DataFrame, stations: pl.DataFrame, rules=None, deaths: pl.DataFrame | None = None,
                collectors: set[str] | None = None, body: str = "TEC", spread_rule=None,
                regions: list[str] | None = None, level: float = 0.95) -> list[VerificationSession]:
    """A verification of the nominee's signatures as an election body runs it, one session row per stage:
    a full check (``plan.first`` 0, or not below the lines submitted) or a seeded sample
    (:func:`saylau.nomination.core.sampling.draw`); the sampled lines checked against the register
    (with every other nominee's lines, for those who signed twice); the projection of valid signatures
    with its interval; the spread rule on the regions' projections; and the plan's decision, with a
    second stage drawn and decided on both when the first asks for it. The lines drawn are linked
    to their stage's session; a line's own verdict stays that of the full check (:func:`verify_lines`).
    Whether the nominee's proxy attended is recorded."""
    from saylau.nomination.core import sampling

    choice(body, CommissionTier, "body")
    every = selectors.lines_frame(nominee.election)
    own = every.filter(pl.col("nominee_id") == nominee.pk)
    if own.is_empty():
        raise NominationError(f"{nominee.code} has no signature lines: run `saylau signatures import FILE` first")
    others = every.filter(pl.col("nominee_id") != nominee.pk)
    rules = rules if rules is not None else rules_for(nominee.election)
    total = own.height
    full = plan.first == 0 or plan.first >= total
    if full:
        plan = sampling.Plan(first=total, tolerated=plan.tolerated, second=0, seed=plan.seed)
    ids = own["line_id"].to_list()
    regions = regions or sorted(Unit.objects.filter(election=nominee.election, level=UnitLevel.REGION)
                                .values_list("code", flat=True)) or sorted(own["region_code"].unique().to_list())
    made: list[VerificationSession] = []
    stages: list[pl.DataFrame] = []
    with transaction.atomic():
        if VerificationSession.objects.filter(nominee=nominee, held_on=held_on, source="check", region_code="").exists():
            raise NominationError(f"{nominee.code} has a verification on {held_on} already")
        for stage in (1, 2):
            drawn = set(ids if full else sampling.draw(ids, plan, stage))
            sample = own.filter(pl.col("line_id").is_in(drawn))
            verdicts = _verdicts(pl.concat([sample, others]), register, stations=stations, rules=rules,
                                 deaths=deaths, collectors=collectors).head(sample.height)
            result = (sample.select("id", "line_id", "region_code").join(verdicts, on="id", how="left",
                                                                          maintain_order="left")
                      .with_columns(pl.col("reason", "voter_id").replace("", None)))
            stages.append(result)
            decision = sampling.decide(plan, stages, total_lines=total, required=required, rule=spread_rule,
                                       regions=regions, level=level)
            both = pl.concat(stages)
            projection = decision.projection or sampling.project(total, both.select("valid", "reason", "voter_id"),
                                                                 level=level)
            invalid = result.filter(~pl.col("valid"))
            session = _session(
                nominee, body=body, held_on=held_on, mode=SessionMode.FULL if full else SessionMode.SAMPLE,
                stage=stage, plan_first=plan.first, plan_second=plan.second,
                tolerated_e6=int(round(plan.tolerated * 1e6)), seed=plan.seed, required=required,
                proxy_present=proxy_present, lines=total, sampled=sample.height, invalid=invalid.height,
                duplicates=projection.duplicates,
                invalid_by_reason=dict(invalid.group_by("reason").len().sort("reason").iter_rows()),
                projected_valid=int(round(projection.valid)), projected_low=int(round(projection.low)),
                projected_high=int(round(projection.high)), level_e3=int(round(level * 1000)),
                spread_met=None if decision.spread is None else decision.spread.met,
                regions_met=None if decision.spread is None else decision.spread.regions_met,
                decision=decision.code)
            record_many(actor=actor, events=[created(states.SESSION, session)])
            _store_lines(actor, sample, sample.select("id", session_id=pl.lit(session.pk, pl.Int64)),
                         f"drawn in session {session.pk}, stage {stage}")
            made.append(session)
            if decision.code != "second_stage":
                break
    return made


