"""The kz-2011 profile's nomination, signatures and accreditation, with ground truth.

SYNOPSIS §3, §4, §7: 22 nominees (self-nominated, by public associations or
by parties), 4 registered; at least 91,010 valid supporting signatures (1 per
cent of voters, spread across at least two thirds of the regions) to submit
within 10 days; a language commission whose criteria were not published (one
nominee failed with 28 errors found); territorial commissions that struck
signatures without recording why, mostly without the nominees' proxies
present; 31,916 candidates' proxies, 28,902 of them the incumbent's, at most 3
per candidate per polling station; domestic observers nominated by parties and
associations, and the international mission (15 core experts, 28 long-term and
about 350 short-term observers from 43 states, 79 of them parliamentarians).

:func:`simulate_nomination` draws it all from one seed over a register
simulation (:func:`saylau.registry.core.simulation.simulate_register`): the
signature lines are the register's own people (valid ones with harmless
variations of their names), and every invalid line is built for exactly one
reason of :data:`saylau.nomination.core.reasons.REASONS`, no other reason
applying to it (see :func:`build_lines`). Sizes follow the register's scale:
the signatures required are ``round(91,010 x scale)``; the proxies
``round(31,916 x scale)`` of which ``round(28,902 x scale)`` the incumbent's
(Python's ``round``: half to even). The international mission keeps its
size at every scale.

Everything not in the statement is an assumption and is a named constant
below (docs/nomination.md lists them); nominees, associations and people are
fictional.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from saylau.nomination.core import eligibility as E
from saylau.nomination.core import sampling, signatures
from saylau.nomination.core import schedule as S
from saylau.nomination.core.simulation_accreditation import (
    PROXIES,
    PROXIES_INCUMBENT,
    proxy_counts,
    simulate_observers,
    simulate_proxies,
)
from saylau.nomination.core.simulation_lines import (
    bind_sheets,
    build_lines,
    day_between,
    official_record,
    region_plan,
    split_reasons,
)
from saylau.registry.core.simulation import RegisterSimulation
from saylau.simulate.core import profile_kz2011 as P

__all__ = ["NOMINEES", "PROXIES", "PROXIES_INCUMBENT", "REGISTERED", "REQUIRED_SIGNATURES", "NominationSimulation",
           "proxy_counts", "simulate_nomination", "simulate_observers", "simulate_proxies"]

# --- figures of the statement (SYNOPSIS) ---------------------------------------
NOMINEES = 22  # §3
REGISTERED = 4  # §3
REQUIRED_SIGNATURES = 91_010  # §3, at scale 1

# --- assumptions ---------------------------------------------------------------
#: the spread rule (sampling.KZ_2011): two thirds of the regions (11 of 16), each with an even share of the
#: required signatures (an assumption of that rule: the law says "evenly"); scaled with the register
SPREAD = sampling.KZ_2011
TOLERATED = 0.05  # invalid share above which signatures are refused (assumption, as Russia's 5%)

# code, English, Russian, Kazakh, nominated by, party, association, fate. The registered are the profile's
# candidates in their order; the fates of the others are assumptions (the statement names one language failure).
_OTHERS = (
    ("Bolat Zhakenov", "Болат Жакенов", "Болат Жакенов", "self", "", "", "language"),
    ("Aigul Temirova", "Айгуль Темирова", "Айгүл Темірова", "self", "", "", "language"),
    ("Yerlan Sadvakasov", "Ерлан Садвакасов", "Ерлан Сәдуақасов", "association", "", "Council of Veterans",
     "too_few"),
    ("Kanat Baimukhanov", "Канат Баймуханов", "Қанат Баймұханов", "self", "", "", "residence"),
    ("Viktor Lisitsyn", "Виктор Лисицын", "Виктор Лисицын", "self", "", "", "language"),
    ("Gulnara Omarova", "Гульнара Омарова", "Гүлнар Омарова", "association", "", "Women's League for Democracy",
     "invalid_share"),
    ("Dauren Myrzakhmetov", "Даурен Мырзахметов", "Дәурен Мырзахметов", "self", "", "", "withdrawn_early"),
    ("Talgat Iskakov", "Талгат Искаков", "Талғат Ысқақов", "self", "", "", "age"),
    ("Nurlybek Sarsenov", "Нурлыбек Сарсенов", "Нұрлыбек Сәрсенов", "self", "", "", "too_few"),
    ("Saule Kudaibergenova", "Сауле Кудайбергенова", "Сәуле Құдайбергенова", "self", "", "", "fee"),
    ("Mukhtar Tulegenov", "Мухтар Тулегенов", "Мұхтар Төлегенов", "party", "AK", "", "spread"),
    ("Yerbol Ospanov", "Ербол Оспанов", "Ербол Оспанов", "self", "", "", "citizenship"),
    ("Askar Zhunussov", "Аскар Жунусов", "Асқар Жүнісов", "self", "", "", "language"),
    ("Oleg Kravets", "Олег Кравец", "Олег Кравец", "self", "", "", "withdrawn_signatures"),
    ("Zhandos Beketov", "Жандос Бекетов", "Жандос Бекетов", "association", "", "Youth Civic Alliance",
     "invalid_share"),
    ("Rakhim Abilov", "Рахим Абилов", "Рахым Әбілов", "self", "", "", "tax_spouse"),
    ("Madina Seitkali", "Мадина Сейткали", "Мәдина Сейітқали", "self", "", "", "too_few"),
    ("Berik Utepov", "Берик Утепов", "Берік Өтепов", "self", "", "", "withdrawn_signatures"),
)
DOCUMENT_FATES = ("language", "residence", "age", "citizenship", "fee", "tax_spouse")
SIGNATURE_FATES = ("registered", "too_few", "invalid_share", "spread")
LANGUAGE_ERRORS = (28, 19, 23, 14)  # errors the language commission counted (the first as SYNOPSIS §3)
#: the sample decision each signature fate should give (codes of reasons.DECISIONS, and the spread rule)
FATE_DECISION = {"registered": "registered_enough", "too_few": "refused_too_few",
                 "invalid_share": "refused_invalid_share", "spread": "refused_spread"}
CEC_MEMBERS = 7


@dataclass(frozen=True)
class NominationSimulation:
    scale: float
    seed: int
    required: int  # valid signatures required
    regions_needed: int  # regions that must each give per_region
    per_region: int
    tolerated: float
    nominees: pl.DataFrame
    history: pl.DataFrame  # the status history, every step a decision
    facts: dict[str, E.Facts]
    checks: pl.DataFrame  # nominee, check, outcome (true), evidence (en), evidence_ru, evidence_kk
    sheets: pl.DataFrame
    lines: pl.DataFrame  # signatures.LINE_COLUMNS
    collectors: pl.DataFrame  # collector, nominee, region_code, accredited
    official: pl.DataFrame  # the territorial commissions' record of each line: struck, reason_recorded
    sessions: pl.DataFrame  # the territorial commissions' verification sessions
    proxies: pl.DataFrame
    observers: pl.DataFrame
    truth_lines: pl.DataFrame  # line_id, nominee, voter_id, reason
    truth_nominees: pl.DataFrame  # nominee, status, ground, lines, valid, invalid, regions_met, decision
    truth_accreditations: pl.DataFrame  # accreditation_id, status, refusal
    windows: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    schedule: S.Schedule = S.KZ_2011
    rules: E.Rules = E.KZ_2011

    def signature_rules(self, nominee: str):
        """The signature check's rules for one nominee (its collection window)."""
        from saylau.nomination.core.signatures import Rules

        start, end = self.windows[nominee]
        return Rules(window_start=start, window_end=end, election_day=self.schedule.election_day)

    @property
    def truth(self) -> dict:
        return {"lines": self.truth_lines, "nominees": self.truth_nominees,
                "accreditations": self.truth_accreditations}


# --- nominees, facts and decisions -----------------------------------------------

def _nominee_table() -> list[dict]:
    rows = []
    for number, en, ru, kk, by, party, body, incumbent, _share in P.CANDIDATES:
        rows.append(dict(name_en=en, name_ru=ru, name_kk=kk, nominated_by=by, party=party, nominating_body=body,
                         incumbent=incumbent, candidate_number=number, fate="registered"))
    for en, ru, kk, by, party, body, fate in _OTHERS:
        rows.append(dict(name_en=en, name_ru=ru, name_kk=kk, nominated_by=by, party=party, nominating_body=body,
                         incumbent=False, candidate_number=None, fate=fate))
    assert len(rows) == NOMINEES
    return rows


def _facts(rng, fate: str, election_day: dt.date, rules: E.Rules, language_errors: int | None) -> E.Facts:
    """Facts that pass every check but the one ``fate`` names (none when withdrawn before the decision)."""
    if fate == "withdrawn_early":
        return E.Facts()
    birth = E.anniversary(election_day, -int(rng.integers(44, 72))) - dt.timedelta(days=int(rng.integers(1, 360)))
    married = bool(rng.random() < 0.85)
    facts = dict(birth_date=birth, citizen_by_birth=True,
                 resident_since=birth + dt.timedelta(days=int(rng.integers(0, 365 * 5))),
                 language_passed=True, language_errors=None, fee_paid=rules.fee.amount if rules.fee else 0,
                 married=married, tax_nominee=True, tax_spouse=True if married else None,
                 documents=frozenset(rules.documents))
    if fate == "language":
        facts.update(language_passed=False, language_errors=language_errors)
    elif fate == "residence":  # back from abroad 8 to 14 years before election day
        facts.update(resident_since=E.anniversary(election_day, -int(rng.integers(8, rules.residence_years))))
    elif fate == "age":  # turns 40 one to ten weeks after election day
        facts.update(birth_date=E.anniversary(election_day, -rules.minimum_age)
                     + dt.timedelta(days=int(rng.integers(7, 70))))
        facts.update(resident_since=facts["birth_date"])
    elif fate == "citizenship":
        facts.update(citizen_by_birth=False)
    elif fate == "fee":
        facts.update(fee_paid=int(rules.fee.amount * 0.5))
    elif fate == "tax_spouse":
        facts.update(married=True, tax_spouse=False)
    return E.Facts(**facts)


def _true_outcomes(fate: str) -> dict[str, str]:
    """The outcome of each check as built (not computed by the eligibility code)."""
    from saylau.nomination.core.labels import CHECK

    if fate == "withdrawn_early":
        return {c: E.NOT_CHECKED for c in CHECK}
    failed = fate if fate in {"language", "residence", "age", "citizenship", "fee", "tax_spouse"} else None
    return {c: (E.FAILED if c == failed else E.PASSED) for c in CHECK}


def _votes(rng) -> tuple[int, int, int]:
    """Members present, for, against (a CEC of 7; now and then one absent or against)."""
    present = CEC_MEMBERS - int(rng.random() < 0.15)
    against = int(rng.random() < 0.1)
    return present, present - against, against


# --- the whole ---------------------------------------------------------------------

def simulate_nomination(register: RegisterSimulation, stations: pl.DataFrame | None = None, *,
                        seed: int = 2011) -> NominationSimulation:
    """Nominees, eligibility, signatures with ground truth, the commissions' record, proxies and observers
    over ``register`` (its stations when ``stations`` is None). The same seed gives the same data."""
    rng = np.random.default_rng(seed + 1717)
    stations = (stations if stations is not None else register.stations).select("code", "region_code")
    scale = register.scale
    required = int(round(REQUIRED_SIGNATURES * scale))
    regions = sorted(stations["region_code"].unique().to_list())
    regions_needed = math.ceil(SPREAD.regions_share * len(regions) - 1e-9)
    per_region = math.ceil(SPREAD.per_region * required / SPREAD.required)

    nominee_rows, facts, check_rows, plan, events = _nominate(rng)
    plan_signatures(rng, plan, required, regions)
    frame, _keys, collectors = bind_sheets(rng, build_lines(rng, plan, register, stations),
                                           {r["nominee"]: i for i, r in enumerate(nominee_rows)})
    truth_lines = frame.select("line_id", "nominee", "voter_id", "reason")
    sheets = (frame.group_by("sheet", maintain_order=True)
              .agg(pl.col("nominee").first(), pl.col("region_code").first(), pl.col("collector").first(),
                   lines=pl.len())
              .with_columns(submitted_on=pl.col("nominee").replace_strict(
                  {p["nominee"]: p["submitted"] for p in plan}, return_dtype=pl.Date)))
    official, sessions = official_record(rng, frame, {p["nominee"]: (p["submitted"], p["verified_by"]) for p in plan})
    truth_sig, decisions = _signature_truth(frame, required, per_region, regions_needed)
    for p in plan:
        if decisions[p["nominee"]] != FATE_DECISION[p["fate"]]:
            raise AssertionError(f"{p['nominee']}: built as {p['fate']} but its lines give {decisions[p['nominee']]}")
        events.append((p["submitted"], p["nominee"], "documents", "signatures", "", "signature sheets submitted"))
        to = "registered" if p["fate"] == "registered" else "refused"
        events.append((p["decide"], p["nominee"], "signatures", to, decisions[p["nominee"]],
                       "registered as a candidate" if to == "registered" else "signatures insufficient"))
    for r in nominee_rows:
        r["ground"] = decisions.get(r["nominee"], r["ground"])
    nominees = (pl.DataFrame(nominee_rows, schema_overrides={
        "candidate_number": pl.Int64, "accepted_on": pl.Date, "window_start": pl.Date, "window_end": pl.Date,
        "submitted_on": pl.Date}).drop("fate")
        .join(truth_sig.select("nominee", "lines"), on="nominee", how="left")
        .with_columns(pl.col("lines").fill_null(0).cast(pl.Int64)))
    truth_nominees = (pl.DataFrame([{k: r[k] for k in ("nominee", "fate", "status", "ground")} for r in nominee_rows])
                      .join(truth_sig, on="nominee", how="left")
                      .with_columns(decision=pl.col("nominee").replace_strict(decisions, default=None,
                                                                              return_dtype=pl.String)))
    proxies, observers, truth_acc = _accreditations(register, stations, truth_lines, nominee_rows, plan, seed)
    return NominationSimulation(
        scale=scale, seed=seed, required=required, regions_needed=regions_needed, per_region=per_region,
        tolerated=TOLERATED, nominees=nominees, history=_history(rng, events), facts=facts,
        checks=pl.DataFrame(check_rows), sheets=sheets, lines=frame.select(signatures.LINE_COLUMNS), collectors=collectors,
        official=official, sessions=sessions, proxies=proxies, observers=observers, truth_lines=truth_lines,
        truth_nominees=truth_nominees, truth_accreditations=truth_acc,
        windows={p["nominee"]: p["window"] for p in plan}, schedule=S.KZ_2011, rules=E.KZ_2011)




def _nominate(rng):
    """Each nominee's dates, facts, checks and decisions up to the signatures; the plan of those who submit."""
    sched, rules = S.KZ_2011, E.KZ_2011
    cal = sched.calendar()
    table = _nominee_table()
    order = rng.permutation(NOMINEES - REGISTERED)
    nominated_days = sorted(rng.integers(0, 16, NOMINEES - REGISTERED).tolist())
    lang_errors = iter(LANGUAGE_ERRORS)
    nominee_rows, facts, check_rows, plan = [], {}, [], []
    events: list[tuple] = []  # (date, nominee, from, to, ground, reason)
    for i, row in enumerate(table):
        code, fate = f"N{i + 1:02d}", row["fate"]
        days = int(rng.integers(1, 6)) if i < REGISTERED else nominated_days[int(order[i - REGISTERED])]
        if fate in SIGNATURE_FATES or fate == "withdrawn_signatures":
            days = min(days, 9)  # early enough to collect, verify and be decided before registration closes
        nominated_on = sched.nomination_opens + dt.timedelta(days=days)
        latest = S.deadlines(sched, nominated_on, calendar=cal).documents_decided_by
        accepted_on = nominated_on + dt.timedelta(days=int(rng.integers(2, (latest - nominated_on).days + 1)))
        d = S.deadlines(sched, nominated_on, accepted_on, calendar=cal)
        facts[code] = _facts(rng, fate, sched.election_day, rules, next(lang_errors) if fate == "language" else None)
        outcomes = _true_outcomes(fate)
        check_rows += [{"nominee": code, "check": c.code, "outcome": outcomes[c.code], "evidence": c.evidence,
                        "evidence_ru": E.evidence(c, "ru"), "evidence_kk": E.evidence(c, "kk")}
                       for c in E.evaluate(facts[code], rules, sched.election_day)]
        events.append((nominated_on, code, "", "nominated", "", ""))
        window = submitted = None
        status, ground = "refused", ""
        if fate == "withdrawn_early":
            status, ground = "withdrawn", "withdrawn"
            events.append((accepted_on - dt.timedelta(days=1), code, "nominated", "withdrawn", "withdrawn",
                           "the nominee withdrew before the decision on eligibility"))
        elif fate in DOCUMENT_FATES:
            ground = fate
            events.append((accepted_on, code, "nominated", "refused", fate, f"failed check: {fate}"))
        else:
            events.append((accepted_on, code, "nominated", "documents", "", "eligibility confirmed"))
            if fate == "withdrawn_signatures":
                status, ground = "withdrawn", "withdrawn"
                events.append((day_between(rng, *d.window), code, "documents", "withdrawn", "withdrawn",
                               "the nominee withdrew while collecting signatures"))
            else:
                window = d.window
                submitted = window[1] - dt.timedelta(days=int(rng.integers(0, 3)))
                dd = S.deadlines(sched, nominated_on, accepted_on, submitted, calendar=cal)
                plan.append({"nominee": code, "fate": fate, "window": window, "submitted": submitted,
                             "verified_by": dd.verified_by, "decide": dd.registration_decided_by})
                status = "registered" if fate == "registered" else "refused"
        nominee_rows.append({
            "nominee": code, "name_en": row["name_en"], "name_ru": row["name_ru"], "name_kk": row["name_kk"],
            "nominated_by": row["nominated_by"], "party": row["party"], "nominating_body": row["nominating_body"],
            "incumbent": row["incumbent"], "candidate_number": row["candidate_number"], "nominated_on": nominated_on,
            "accepted_on": accepted_on if fate != "withdrawn_early" else None,
            "window_start": window[0] if window else None, "window_end": window[1] if window else None,
            "submitted_on": submitted, "status": status, "ground": ground, "fate": fate})
    return nominee_rows, facts, check_rows, plan, events


def plan_signatures(rng, plan: list[dict], required: int, regions: list[str]) -> None:
    """How many valid lines each nominee submits, by region, and how many invalid, by reason: well clear of
    the thresholds (the invalid share of :data:`TOLERATED`, the required total, the spread rule), so that a
    sample decides as the whole does."""
    weight_of = {r[0]: r[4] for r in P.REGIONS}
    weights = np.array([weight_of.get(r, 1.0) for r in regions], float)
    ranges = {"registered": ((1.2, 1.5), (0.01, 0.025)), "too_few": ((0.45, 0.8), (0.01, 0.025)),
              "invalid_share": ((1.1, 1.4), (0.13, 0.2)), "spread": ((1.08, 1.25), (0.01, 0.025))}
    for p in plan:
        (lo, hi), (s_lo, s_hi) = ranges[p["fate"]]
        valid, share = int(required * rng.uniform(lo, hi)), rng.uniform(s_lo, s_hi)
        p["valid"] = region_plan(rng, p["fate"], valid, regions, weights)
        p["invalid"] = max(1, int(round(valid * share / (1 - share))))
    split_reasons(plan)


def _signature_truth(frame: pl.DataFrame, required: int, per_region: int, regions_needed: int):
    """Each nominee's lines, valid, invalid and regions meeting the minimum, counted from the lines as built,
    and the decision they give."""
    per = frame.group_by("nominee").agg(lines=pl.len(), valid=pl.col("reason").is_null().sum(),
                                        invalid=pl.col("reason").is_not_null().sum())
    met = (frame.filter(pl.col("reason").is_null()).group_by("nominee", "region_code").len()
           .filter(pl.col("len") >= per_region).group_by("nominee").len("regions_met"))
    truth = per.join(met, on="nominee", how="left").with_columns(pl.col("regions_met").fill_null(0)).sort("nominee")
    decisions = {}
    for r in truth.iter_rows(named=True):
        decisions[r["nominee"]] = ("refused_invalid_share" if r["invalid"] / r["lines"] > TOLERATED
                                   else "refused_too_few" if r["valid"] < required
                                   else "refused_spread" if r["regions_met"] < regions_needed
                                   else "registered_enough")
    return truth, decisions


def _history(rng, events: list[tuple]) -> pl.DataFrame:
    """The status history: every step a decision of the CEC, numbered session by session."""
    events = sorted(events, key=lambda e: (e[0], e[1]))
    session_no = {d: k + 1 for k, d in enumerate(sorted({e[0] for e in events}))}
    rows = []
    for k, (day, code, frm, to, ground, reason) in enumerate(events):
        present, votes_for, against = _votes(rng)
        rows.append({"nominee": code, "from_status": frm, "to_status": to, "body": "CEC",
                     "number": f"{session_no[day]}/{k + 1}", "decided_on": day, "members_present": present,
                     "votes_for": votes_for, "votes_against": against, "ground": ground, "reason": reason,
                     "published_on": day + dt.timedelta(days=int(rng.integers(0, 3)))})
    return pl.DataFrame(rows).sort("nominee", "decided_on", maintain_order=True)


def _accreditations(register: RegisterSimulation, stations: pl.DataFrame, truth_lines: pl.DataFrame,
                    nominee_rows: list[dict], plan: list[dict], seed: int):
    """Proxies of the registered candidates and observers, drawn from voters who signed no line."""
    region_of = stations.select(pl.col("code").alias("station"), "region_code")
    used = truth_lines["voter_id"].drop_nulls().implode()
    voters = (register.current.join(region_of, on="station", how="left")
              .filter(pl.col("region_code").is_not_null() & ~pl.col("voter_id").is_in(register.truth["deceased"])
                      & ~pl.col("voter_id").is_in(used))
              .unique("iin", keep="first").sort("voter_id"))
    _total, counts = proxy_counts(register.scale)
    registered = [r["nominee"] for r in nominee_rows if r["status"] == "registered"]
    refused = next(p["nominee"] for p in plan if p["fate"] != "registered")
    not_voters = register.truth["unlisted"].filter(~pl.col("iin").is_in(register.current["iin"].implode())).sort("iin")
    half = len(voters) // 2
    proxies, truth_p = simulate_proxies(stations, registered, counts, scale=register.scale, seed=seed,
                                        people=voters[:half], not_voters=not_voters, not_candidate=refused,
                                        first_day=max(p["decide"] for p in plan) + dt.timedelta(days=1))
    observers, truth_o = simulate_observers(stations, scale=register.scale, seed=seed, people=voters[half:])
    return proxies, observers, pl.concat([truth_p, truth_o])
