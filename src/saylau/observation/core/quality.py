"""Quality checks over all submissions at once (a Polars frame).

Three families, each returning :class:`Flag` rows naming submission ids and a
reason in the requested language (en, ru, kk):

* :data:`BUILTIN_RULES` -- declarative, per-submission contradictions: a
  :class:`Rule` is a form and conditions that must all hold for a flag, e.g.
  ballot stuffing reported while the voting is assessed very good.
* :func:`check_deployments` -- a team reporting from a place outside its
  deployment (needs a ``team_id`` column and a deployments frame with
  ``team_id`` and ``station_code``; tabulation reports are matched on
  ``dec_code``, which a deployments frame lists in its ``station_code`` column).
* :func:`check_conflicts` -- two teams at one place on the same form who
  disagree on a yes/no incident question (``saylau::incident``) or on the sign
  of the assessment (negative per ``saylau::negative``). Every pair of
  disagreeing submissions is flagged once per question.

Assumptions: the frame has ``submission_id``, ``form``, ``station_code`` and
one column per question; a column a rule needs that is missing means the rule
flags nothing (and a warning is logged).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from saylau.observation.core.xlsform import Form

log = logging.getLogger(__name__)
Op = Literal["eq", "ne", "in", "gt", "ge", "lt", "le"]


@dataclass(frozen=True)
class Condition:
    """``column op value``, or ``column op other`` when ``other`` names a column."""

    column: str
    op: Op
    value: Any = None
    other: str = ""

    def expr(self) -> pl.Expr:
        left = pl.col(self.column)
        right = pl.col(self.other) if self.other else pl.lit(self.value)
        if self.op == "in":
            return left.is_in(list(self.value))
        return {"eq": left == right, "ne": left != right, "gt": left > right,
                "ge": left >= right, "lt": left < right, "le": left <= right}[self.op]

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.column, self.other) if self.other else (self.column,)


@dataclass(frozen=True)
class Rule:
    """Flag every submission of ``form`` where all conditions hold."""

    id: str
    form: str
    all_of: tuple[Condition, ...]
    reason: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Flag:
    """One quality problem: the rule, the submissions involved, the place, why."""

    rule_id: str
    submission_ids: tuple[str, ...]
    station_code: str
    reason: str


def _r(en: str, ru: str, kk: str) -> tuple[tuple[str, str], ...]:
    return (("en", en), ("ru", ru), ("kk", kk))


BUILTIN_RULES: tuple[Rule, ...] = (
    Rule("stuffing_but_very_good", "voting",
         (Condition("ballot_stuffing", "eq", "yes"), Condition("assessment", "eq", "very_good")),
         _r("Ballot stuffing reported but the voting assessed very good",
            "Сообщено о вбросе бюллетеней, но голосование оценено как очень хорошее",
            "Бюллетеньдерді заңсыз салу туралы хабарланған, бірақ дауыс беру өте жақсы деп бағаланған")),
    Rule("stacks_but_very_good", "counting",
         (Condition("stacks_of_ballots", "eq", "yes"), Condition("assessment", "eq", "very_good")),
         _r("Stacks of ballots reported but the count assessed very good",
            "Сообщено о пачках бюллетеней, но подсчёт оценён как очень хороший",
            "Бюллетеньдер бумасы туралы хабарланған, бірақ санау өте жақсы деп бағаланған")),
    Rule("women_exceed_members", "voting",
         (Condition("pec_members_women", "gt", other="pec_members_total"),),
         _r("More women PEC members than PEC members present",
            "Женщин среди членов УИК больше, чем присутствовавших членов УИК",
            "Әйел УСК мүшелері болған УСК мүшелерінен көп")),
    Rule("directing_without_present", "voting",
         (Condition("unauthorised_persons_directing", "eq", "yes"),
          Condition("unauthorised_persons_present", "eq", "no")),
         _r("Unauthorised persons directing the process but reported as not present",
            "Посторонние лица руководили процессом, но указано, что их не было",
            "Бөгде адамдар процеске басшылық еткен, бірақ олар болмаған деп көрсетілген")),
    Rule("found_exceeds_received", "counting",
         (Condition("p_found_in_boxes", "gt", other="p_ballots_received"),),
         _r("More ballots found in the boxes than the PEC received",
            "В ящиках обнаружено больше бюллетеней, чем получила УИК",
            "Жәшіктерден УСК алғаннан көп бюллетень табылды")),
)

_DEPLOYMENT = {"en": "Team {team} reported from {place}, outside its deployment",
               "ru": "Команда {team} прислала отчёт с участка {place}, не входящего в её маршрут",
               "kk": "{team} тобы өзіне бекітілмеген {place} учаскесінен есеп жіберді"}
_CONFLICT = {"en": "Teams {a} and {b} disagree at {place} on '{question}' ({x} / {y})",
             "ru": "Команды {a} и {b} расходятся на участке {place} по вопросу «{question}» ({x} / {y})",
             "kk": "{a} және {b} топтары {place} учаскесінде «{question}» сұрағы бойынша "
                   "келіспейді ({x} / {y})"}


def _text(texts: Mapping[str, str] | tuple[tuple[str, str], ...], lang: str) -> str:
    table = dict(texts)
    return table.get(lang) or table["en"]


def run_rules(frame: pl.DataFrame, rules: Sequence[Rule] = BUILTIN_RULES,
              lang: str = "en") -> list[Flag]:
    """Flags for every submission that meets every condition of a rule."""
    names = set(frame.columns)
    flags: list[Flag] = []
    for rule in rules:
        needed = {c for cond in rule.all_of for c in cond.columns}
        if not needed <= names:
            log.warning("rule %s skipped: frame lacks %s", rule.id, ", ".join(sorted(needed - names)))
            continue
        condition = pl.col("form") == rule.form
        for cond in rule.all_of:
            condition = condition & cond.expr()
        hits = frame.filter(condition.fill_null(False)).select("submission_id", "station_code")
        reason = _text(rule.reason, lang)
        flags.extend(Flag(rule.id, (str(sid),), str(station or ""), reason)
                     for sid, station in hits.iter_rows())
    return flags


def _place_expr(names: set[str]) -> pl.Expr:
    """The place a submission reports from: its station, else its DEC, else its region
    (a long-term observer's report); empty codes count as missing."""
    columns = [c for c in ("station_code", "dec_code", "region_code") if c in names]
    return pl.coalesce([pl.when(pl.col(c).cast(pl.Utf8) != "").then(pl.col(c).cast(pl.Utf8)) for c in columns])


def check_deployments(frame: pl.DataFrame, deployments: pl.DataFrame,
                      lang: str = "en") -> list[Flag]:
    """Submissions whose (team_id, place) is not in ``deployments``."""
    names = set(frame.columns)
    subs = frame.select("submission_id", pl.col("team_id").cast(pl.Utf8),
                        _place_expr(names).alias("_place"))
    allowed = deployments.select(pl.col("team_id").cast(pl.Utf8),
                                 pl.col("station_code").cast(pl.Utf8).alias("_place")).unique()
    outside = subs.join(allowed, on=["team_id", "_place"], how="anti")
    template = _DEPLOYMENT.get(lang, _DEPLOYMENT["en"])
    return [Flag("outside_deployment", (str(sid),), str(place or ""),
                 template.format(team=team, place=place))
            for sid, team, place in outside.iter_rows()]


def _conflict_questions(form: Form) -> list[tuple[str, tuple[str, ...] | None]]:
    """(question, negative values or None for plain yes/no comparison)."""
    out: list[tuple[str, tuple[str, ...] | None]] = []
    for q in form.questions():
        if q.name == "assessment" and q.negative:
            out.append((q.name, q.negative))
        elif q.incident and q.type == "select_one" and q.list_name == "yes_no":
            out.append((q.name, None))
    return out


def check_conflicts(frame: pl.DataFrame, forms: Mapping[str, Form], lang: str = "en") -> list[Flag]:
    """Pairs of teams at one place and form who disagree (see module docstring)."""
    names = set(frame.columns)
    template = _CONFLICT.get(lang, _CONFLICT["en"])
    flags: list[Flag] = []
    for form_id, form in forms.items():
        questions = [(q, neg) for q, neg in _conflict_questions(form) if q in names]
        if not questions:
            continue
        cols = [q for q, _ in questions]
        part = frame.filter(pl.col("form") == form_id).select(
            "submission_id", pl.col("team_id").cast(pl.Utf8), _place_expr(names).alias("_place"), *cols)
        pairs = part.join(part, on="_place", suffix="_b").filter(pl.col("team_id") < pl.col("team_id_b"))
        for q, negative in questions:
            a, b = pl.col(q), pl.col(f"{q}_b")
            if negative is not None:
                differ = a.is_in(list(negative)) != b.is_in(list(negative))
            else:
                differ = a != b
            hits = pairs.filter((a.is_not_null() & b.is_not_null() & differ).fill_null(False))
            for row in hits.select("submission_id", "submission_id_b", "team_id", "team_id_b",
                                   "_place", q, f"{q}_b").iter_rows():
                sid_a, sid_b, team_a, team_b, place, x, y = row
                flags.append(Flag(f"conflict:{form_id}.{q}", (str(sid_a), str(sid_b)), str(place),
                                  template.format(a=team_a, b=team_b, place=place, question=q,
                                                  x=x, y=y)))
    return flags


def run_checks(frame: pl.DataFrame, forms: Mapping[str, Form] | None = None,
               deployments: pl.DataFrame | None = None, rules: Sequence[Rule] = BUILTIN_RULES,
               lang: str = "en") -> list[Flag]:
    """Every check that the inputs allow: rules always; conflicts when ``forms``
    is given and the frame has ``team_id``; deployments when also given."""
    flags = run_rules(frame, rules, lang)
    if "team_id" in frame.columns:
        if deployments is not None:
            flags += check_deployments(frame, deployments, lang)
        if forms:
            flags += check_conflicts(frame, forms, lang)
    return flags
