"""Eligibility checks against hand-computed cases (the dates and amounts worked out in the comments)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from saylau.nomination.core import eligibility as E
from saylau.nomination.core.labels import CHECK, CHECK_OUTCOME

DAY = dt.date(2011, 4, 3)  # election day


def passing(**changes) -> E.Facts:
    base = dict(birth_date=dt.date(1960, 6, 1), citizen_by_birth=True, resident_since=dt.date(1960, 6, 1),
                language_passed=True, fee_paid=799_950, married=True, tax_nominee=True, tax_spouse=True,
                documents=frozenset(E.KZ_2011.documents))
    return E.Facts(**{**base, **changes})


def outcomes(facts, rules=E.KZ_2011, day=DAY) -> dict[str, str]:
    return {c.code: c.outcome for c in E.evaluate(facts, rules, day)}


def test_every_check_once_in_label_order_and_all_pass():
    checks = E.evaluate(passing(), E.KZ_2011, DAY)
    assert [c.code for c in checks] == list(CHECK)
    assert {c.outcome for c in checks} == {"passed"}
    assert E.eligible(checks) and E.first_failed(checks) is None
    assert set(CHECK_OUTCOME) == {E.PASSED, E.FAILED, E.NOT_CHECKED}


def test_fortieth_birthday_on_election_day_is_forty():
    # born 3 April 1971: 40 years on 3 April 2011 exactly
    on_the_day = E.evaluate(passing(birth_date=dt.date(1971, 4, 3)), E.KZ_2011, DAY)[1]
    assert on_the_day.outcome == "passed"
    assert "40 on election day" in on_the_day.evidence
    # born a day later: 39 on election day, 40 on 4 April
    day_after = E.evaluate(passing(birth_date=dt.date(1971, 4, 4)), E.KZ_2011, DAY)[1]
    assert day_after.outcome == "failed"
    assert "39 on election day" in day_after.evidence and "reached on 2011-04-04" in day_after.evidence


def test_born_on_29_february_comes_of_age_on_1_march():
    # born 29 February 1968; in 2009 (no 29 February) the 41st birthday comes on 1 March:
    # 28 February 2009 -> 40 full years, 1 March 2009 -> 41
    assert E.age_on(dt.date(1968, 2, 29), dt.date(2009, 2, 28)) == 40
    assert E.age_on(dt.date(1968, 2, 29), dt.date(2009, 3, 1)) == 41
    assert E.anniversary(dt.date(1968, 2, 29), 41) == dt.date(2009, 3, 1)
    assert E.anniversary(dt.date(1968, 2, 29), 40) == dt.date(2008, 2, 29)
    rules = dataclasses.replace(E.KZ_2011, minimum_age=41)
    facts = passing(birth_date=dt.date(1968, 2, 29))
    assert outcomes(facts, rules, dt.date(2009, 2, 28))["age"] == "failed"
    assert outcomes(facts, rules, dt.date(2009, 3, 1))["age"] == "passed"


def test_fifteen_years_of_residence_counted_to_election_day():
    # resident since 3 April 1996: 15 full years on 3 April 2011; from 4 April 1996 only 14
    assert outcomes(passing(resident_since=dt.date(1996, 4, 3)))["residence"] == "passed"
    checks = {c.code: c for c in E.evaluate(passing(resident_since=dt.date(1996, 4, 4)), E.KZ_2011, DAY)}
    assert checks["residence"].outcome == "failed"
    assert "14 full years" in checks["residence"].evidence
    # back after election day: no years at all
    assert outcomes(passing(resident_since=dt.date(2011, 5, 1)))["residence"] == "failed"


def test_fee_in_tenge_at_least_the_amount():
    # 50 x 15,999 tenge = 799,950 tenge
    assert E.KZ_2011.fee.amount == 50 * 15_999 == 799_950
    assert E.KZ_2011.fee.currency == "KZT" and "approximation" in E.KZ_2011.fee.basis
    assert outcomes(passing(fee_paid=799_950))["fee"] == "passed"
    assert outcomes(passing(fee_paid=799_949))["fee"] == "failed"


def test_spouses_declaration_due_only_from_the_married():
    assert outcomes(passing(married=False, tax_spouse=None))["tax_spouse"] == "passed"
    assert outcomes(passing(married=True, tax_spouse=False))["tax_spouse"] == "failed"
    assert outcomes(passing(married=None, tax_spouse=None))["tax_spouse"] == "not_checked"
    assert outcomes(passing(tax_nominee=False))["tax_nominee"] == "failed"


def test_language_test_evidence_says_errors_and_unpublished_criteria():
    check = {c.code: c for c in E.evaluate(passing(language_passed=False, language_errors=28), E.KZ_2011, DAY)}
    assert check["language"].outcome == "failed"
    assert "28 errors" in check["language"].evidence and "criteria not published" in check["language"].evidence
    no_test = dataclasses.replace(E.KZ_2011, language=None)
    assert outcomes(passing(language_passed=False), no_test)["language"] == "passed"


def test_missing_documents_named():
    check = {c.code: c for c in E.evaluate(passing(documents=frozenset({"application", "identity"})), E.KZ_2011,
                                           DAY)}
    assert check["documents"].outcome == "failed"
    assert check["documents"].evidence == "missing: Biography, Record of the nominating meeting"
    assert E.evidence(check["documents"], "ru") == "не представлены: Биографические данные, Протокол собрания о выдвижении"


def test_evidence_in_each_language_in_its_style():
    checks = {c.code: c for c in E.evaluate(passing(birth_date=dt.date(1971, 4, 4), fee_paid=400_000,
                                                    language_passed=False, language_errors=28), E.KZ_2011, DAY)}
    age = checks["age"]
    assert age.evidence == "born 1971-04-04: 39 on election day 2011-04-03 (40 required, reached on 2011-04-04)"
    assert E.evidence(age, "ru") == ("дата рождения 04.04.1971: полных лет на день выборов 03.04.2011 — 39 "
                                     "(требуется не менее 40; дата достижения 40 лет — 04.04.2011)")
    assert E.evidence(age, "kk").startswith("туған күні 04.04.1971: сайлау күні (03.04.2011) толық жасы — 39")
    fee = checks["fee"]
    assert fee.evidence == "paid 400,000 KZT of 799,950 KZT required"
    assert E.evidence(fee, "ru") == "внесено 400\u00a0000 KZT, требуется 799\u00a0950 KZT"
    lang = checks["language"]
    assert E.evidence(lang, "en") == lang.evidence == ("language commission: Kazakh language test failed, 28 errors "
                                                       "counted (criteria not published)")
    assert E.evidence(lang, "kk") == ("тіл комиссиясы: қазақ тілінен сынақ — тапсырылмады, 28 қате саналды "
                                      "(критерийлері жарияланбаған)")
    assert E.evidence(checks["tax_spouse"], "kk") == "жұбайының салық декларациясы тапсырылды"


def test_citizenship_by_birth():
    assert outcomes(passing(citizen_by_birth=False))["citizenship"] == "failed"
    relaxed = dataclasses.replace(E.KZ_2011, citizen_by_birth=False)
    assert outcomes(passing(citizen_by_birth=False), relaxed)["citizenship"] == "passed"


def test_nothing_established_is_not_checked():
    assert set(outcomes(E.Facts()).values()) == {"not_checked"}
    checks = E.evaluate(E.Facts(), E.KZ_2011, DAY)
    assert not E.eligible(checks) and E.first_failed(checks) is None


@pytest.mark.parametrize("field, value, failed", [
    ("citizen_by_birth", False, "citizenship"), ("birth_date", dt.date(1980, 1, 1), "age"),
    ("language_passed", False, "language"), ("fee_paid", 0, "fee"), ("documents", frozenset(), "documents"),
])
def test_one_fact_wrong_fails_one_check(field, value, failed):
    got = outcomes(passing(**{field: value}))
    assert [c for c, o in got.items() if o != "passed"] == [failed]


def test_kz_2011_rules_are_the_statements():
    r = E.KZ_2011
    assert (r.minimum_age, r.citizen_by_birth, r.residence_years, r.language) == (40, True, 15, "kk")
    assert r.tax_declarations == ("nominee", "spouse") and r.language_criteria_published is False


def test_every_evidence_wording_has_the_same_placeholders_in_three_languages():
    import string

    from saylau.nomination.core.labels import EVIDENCE

    for key, texts in EVIDENCE.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in texts]
        assert fields[0] == fields[1] == fields[2], key
    # and every check the rules give renders in each language
    for facts in (passing(), E.Facts(), passing(married=False, tax_spouse=None, documents=frozenset())):
        for check in E.evaluate(facts, E.KZ_2011, DAY):
            assert check.key in EVIDENCE
            assert all(E.evidence(check, lang) for lang in ("en", "ru", "kk"))
