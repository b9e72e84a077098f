"""Who may stand: each election's eligibility rules as data, and the checks
they give a nominee, each with its outcome and the evidence it rests on.

:class:`Rules` holds one election's requirements; :data:`KZ_2011` those of
Kazakhstan's early presidential election of 3 April 2011 (SYNOPSIS §3: a
citizen by birth, aged 40 or over, fluent in the state language, resident for
the last 15 years; a fee of about EUR 4,000; tax declarations of the nominee
and spouse). :class:`Facts` is what the commission established about a
nominee (None where nothing was established); :func:`evaluate` gives one
:class:`Check` per rule, in the order of :data:`labels.CHECK`.

Counting years: a person reaches an age, and a residence reaches its years,
on the anniversary of the start date; one born on 29 February reaches it on
1 March in a year without 29 February (the day and month have to be reached,
as :func:`saylau.registry.core.checks.age_years` counts a signer's age).
A nominee who turns 40 on election day is 40 on election day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saylau.core.wording.numbers import format_int
from saylau.nomination.core.labels import (
    CHECK,
    DOCUMENT,
    EVIDENCE,
    EVIDENCE_PARTS,
    LANGS,
    LANGUAGE_NAME,
)

PASSED, FAILED, NOT_CHECKED = "passed", "failed", "not_checked"


@dataclass(frozen=True)
class Fee:
    amount: int  # in the currency's units
    currency: str
    basis: str  # how the amount is set, and its source


@dataclass(frozen=True)
class Rules:
    """One election's eligibility requirements (data, not code)."""

    code: str
    minimum_age: int
    citizen_by_birth: bool
    residence_years: int
    language: str | None  # the language whose proficiency is tested (ISO code), None when not required
    language_criteria_published: bool  # whether the test's criteria were published
    fee: Fee | None
    tax_declarations: tuple[str, ...]  # whose: "nominee", "spouse"
    documents: tuple[str, ...]  # other documents required (codes of labels.DOCUMENT)
    source: str


#: Kazakhstan, early presidential election of 3 April 2011.
KZ_2011 = Rules(
    code="kz-2011",
    minimum_age=40,
    citizen_by_birth=True,
    residence_years=15,
    language="kk",
    language_criteria_published=False,  # SYNOPSIS §3: "no published criteria"
    # The statement gives "about EUR 4,000". The amount here is an approximation read as the election law's
    # fifty times the monthly minimum wage (15,999 tenge in 2011): 799,950 tenge, about EUR 4,000 at the
    # early-2011 rate of about 200 tenge to the euro. A deployment states the exact figure.
    fee=Fee(799_950, "KZT", "approximation: 50 x the 2011 monthly minimum wage (15,999 KZT), about EUR 4,000 "
                            "(SYNOPSIS §3)"),
    tax_declarations=("nominee", "spouse"),
    documents=("application", "identity", "biography", "nomination_record"),
    source="Constitution of Kazakhstan, art. 41; Constitutional Law on Elections; as summarised in the "
           "observation mission's statement of 4 April 2011 (SYNOPSIS §3)",
)


@dataclass(frozen=True)
class Facts:
    """What was established about a nominee (None: not established)."""

    birth_date: dt.date | None = None
    citizen_by_birth: bool | None = None
    resident_since: dt.date | None = None  # start of the unbroken residence up to election day
    language_passed: bool | None = None  # the language commission's conclusion
    language_errors: int | None = None  # errors the commission counted
    fee_paid: int | None = None  # amount paid, in the fee's currency
    married: bool | None = None
    tax_nominee: bool | None = None  # declaration filed
    tax_spouse: bool | None = None
    documents: frozenset[str] | None = None  # codes of the documents filed


@dataclass(frozen=True)
class Check:
    code: str
    outcome: str  # PASSED, FAILED, NOT_CHECKED
    evidence: str  # in English; :func:`evidence` gives it in any language
    key: str = ""  # the evidence's wording (labels.EVIDENCE)
    values: tuple = ()  # its values, (name, value) pairs


def _check(code: str, outcome: str, key: str, **values) -> Check:
    items = tuple(values.items())
    return Check(code, outcome, _render(key, items, "en"), key, items)


def _fmt(name: str, value, lang: str) -> str:
    i = LANGS.index(lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value, lang)
    if isinstance(value, dt.date):
        return value.isoformat() if lang == "en" else value.strftime("%d.%m.%Y")
    if name == "whose":
        return EVIDENCE_PARTS[value][i]
    if name == "language":
        return LANGUAGE_NAME[value][i] if value in LANGUAGE_NAME else value
    return str(value)


def _render(key: str, items: tuple, lang: str) -> str:
    i = LANGS.index(lang)
    values = dict(items)
    text = {k: _fmt(k, v, lang) for k, v in values.items()}
    if key == "language":
        text["verdict"] = EVIDENCE_PARTS["passed" if values["passed"] else "failed"][i]
        errors = values["errors"]
        text["errors"] = "" if errors is None else EVIDENCE_PARTS["errors"][i].format(n=format_int(errors, lang))
        text["criteria"] = EVIDENCE_PARTS["criteria_published" if values["published"] else "criteria_unpublished"][i]
    if key.startswith("documents_") and "docs" in values:
        text["docs"] = ", ".join(DOCUMENT[d][i] if d in DOCUMENT else d for d in values["docs"])
    return EVIDENCE[key][i].format(**text)


def evidence(check: Check, lang: str) -> str:
    """The check's evidence in ``lang`` (en, ru or kk)."""
    return _render(check.key, check.values, lang) if check.key else check.evidence


def anniversary(start: dt.date, years: int) -> dt.date:
    """The day ``start`` is ``years`` years behind (29 February -> 1 March when the year has none)."""
    year = start.year + years
    try:
        return start.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years from ``birth`` to ``day``: the day and month have to be reached."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _age(facts: Facts, rules: Rules, day: dt.date) -> Check:
    if facts.birth_date is None:
        return _check("age", NOT_CHECKED, "age_unknown")
    years = age_on(facts.birth_date, day)
    outcome = PASSED if years >= rules.minimum_age else FAILED
    return _check("age", outcome, "age", birth=facts.birth_date, years=years, day=day, required=rules.minimum_age,
                  reaches=anniversary(facts.birth_date, rules.minimum_age))


def _citizenship(facts: Facts, rules: Rules) -> Check:
    if not rules.citizen_by_birth:
        return _check("citizenship", PASSED, "citizenship_not_required")
    if facts.citizen_by_birth is None:
        return _check("citizenship", NOT_CHECKED, "citizenship_unknown")
    if facts.citizen_by_birth:
        return _check("citizenship", PASSED, "citizenship_by_birth")
    return _check("citizenship", FAILED, "citizenship_acquired")


def _residence(facts: Facts, rules: Rules, day: dt.date) -> Check:
    if facts.resident_since is None:
        return _check("residence", NOT_CHECKED, "residence_unknown")
    years = age_on(facts.resident_since, day) if facts.resident_since <= day else 0
    outcome = PASSED if years >= rules.residence_years else FAILED
    return _check("residence", outcome, "residence", since=facts.resident_since, years=years,
                  required=rules.residence_years)


def _language(facts: Facts, rules: Rules) -> Check:
    if rules.language is None:
        return _check("language", PASSED, "language_not_required")
    if facts.language_passed is None:
        return _check("language", NOT_CHECKED, "language_unknown")
    return _check("language", PASSED if facts.language_passed else FAILED, "language", language=rules.language,
                  passed=facts.language_passed, errors=facts.language_errors,
                  published=rules.language_criteria_published)


def _fee(facts: Facts, rules: Rules) -> Check:
    if rules.fee is None:
        return _check("fee", PASSED, "fee_not_required")
    if facts.fee_paid is None:
        return _check("fee", NOT_CHECKED, "fee_unknown")
    fee = rules.fee
    return _check("fee", PASSED if facts.fee_paid >= fee.amount else FAILED, "fee", paid=facts.fee_paid,
                  amount=fee.amount, currency=fee.currency)


def _tax(facts: Facts, rules: Rules, whose: str) -> Check:
    code = f"tax_{whose}"
    if whose not in rules.tax_declarations:
        return _check(code, PASSED, "tax_not_required", whose=whose)
    if whose == "spouse" and facts.married is False:
        return _check(code, PASSED, "tax_unmarried")
    filed = facts.tax_nominee if whose == "nominee" else facts.tax_spouse
    if filed is None or (whose == "spouse" and facts.married is None):
        return _check(code, NOT_CHECKED, "tax_unknown", whose=whose)
    return _check(code, PASSED if filed else FAILED, "tax_filed" if filed else "tax_not_filed", whose=whose)


def _documents(facts: Facts, rules: Rules) -> Check:
    if facts.documents is None:
        return _check("documents", NOT_CHECKED, "documents_unknown")
    missing = tuple(d for d in rules.documents if d not in facts.documents)
    if missing:
        return _check("documents", FAILED, "documents_missing", docs=missing)
    return _check("documents", PASSED, "documents_all", n=len(rules.documents), docs=tuple(rules.documents))


def evaluate(facts: Facts, rules: Rules, election_day: dt.date) -> list[Check]:
    """One check per rule, in the order of :data:`labels.CHECK` (a fact not
    established gives ``not_checked``)."""
    checks = {
        "citizenship": _citizenship(facts, rules),
        "age": _age(facts, rules, election_day),
        "residence": _residence(facts, rules, election_day),
        "language": _language(facts, rules),
        "fee": _fee(facts, rules),
        "tax_nominee": _tax(facts, rules, "nominee"),
        "tax_spouse": _tax(facts, rules, "spouse"),
        "documents": _documents(facts, rules),
    }
    return [checks[code] for code in CHECK]


def eligible(checks: list[Check]) -> bool:
    """Every check passed."""
    return all(c.outcome == PASSED for c in checks)


def first_failed(checks: list[Check]) -> str | None:
    return next((c.code for c in checks if c.outcome == FAILED), None)
