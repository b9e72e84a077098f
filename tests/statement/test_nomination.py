"""The statement's sentences on candidate registration, proxies and observers (issue #17),
without Django: the figures are the summary's numbers, written in each language's style,
each with its numerator, denominator and metric; a part without data says nothing."""

from __future__ import annotations

import pytest

from saylau.statement.core.compose import compose
from saylau.statement.core.inputs import StatementInputs
from saylau.statement.core.nomination import NominationSummary, SampleCheck
from saylau.statement.core.render import render_html

NAMES = (("en", "Test election"), ("ru", "Тестовые выборы"), ("kk", "Сынақ сайлауы"))
INCUMBENT = (("en", "Aidar Bekov"), ("ru", "Айдар Беков"), ("kk", "Айдар Беков"))
OTHER = (("en", "Dana Sadykova"), ("ru", "Дана Садыкова"), ("kk", "Дана Садықова"))

# The statement's own figures (SYNOPSIS §3, §4): 22 nominees, 4 registered; 31,916 proxies, 28,902 for the incumbent.
SUMMARY = NominationSummary(
    nominees=22, by_status=(("refused", 15), ("registered", 4), ("withdrawn", 3)), refused_documents=7,
    refused_signatures=8, struck_valid=900,
    nominees_checked=12, lines_checked=1_250_000,
    invalid_by_reason=(("deceased", 1_200), ("not_found", 48_000)),
    struck=60_000, struck_without_reason=57_000, sessions=14, sessions_with_proxy=2,
    samples=(SampleCheck(INCUMBENT, lines=120_000, sampled=3_000, invalid=90, estimate=116_400.4, low=115_800.0,
                         high=116_990.6, required=91_010, decision="registered_enough",
                         code="N01"),),
    proxies_by_candidate=((INCUMBENT, 28_902, True), (OTHER, 3_014, False)),
    proxies_refused=40, proxies_over_limit=35, proxy_limit=3,
    accredited=(("proxy", 31_916), ("domestic_observer", 500), ("international_observer", 410)),
    domestic_by_nominator=(("party", 300), ("association", 200)),
    restricted_reports=12, restricted_accredited=10, election="kz-2011")


def _text(sentence) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in sentence)


def _section(doc, section_id: str) -> str:
    section = next(s for s in doc.sections if s.id == section_id)
    return " ".join(_text(s) for s in section.sentences)


def _figures(doc) -> dict:
    return {f.metric: f for f in doc.figures()}


EXPECTED = {
    "en": {
        "candidate_registration": (
            "Of the 22 nominees, four were registered as candidates, 15 were refused registration (seven on the "
            "eligibility checks and documents, eight on the signatures) and three withdrew.",
            "Of the signatures they invalidated, 900 were valid by the mission's check against the voter register.",
            "The mission checked 1,250,000 supporting signatures of 12 nominees against the voter register and found "
            "49,200 invalid, each for a stated reason: ",
            "Territorial commissions recorded no reason for 57,000 of 60,000 invalidated signatures.",
            "Territorial commissions held 14 signature verification sessions; the nominee's proxy was present at two.",
            "Aidar Bekov: of a random sample of 3,000 of the 120,000 signatures submitted, 90 were invalid; the "
            "projected number of valid signatures is 116,400 (95 per cent interval 115,800–116,991), against 91,010 "
            "required. Decision under the rule: enough valid signatures."),
        "campaign": ("Candidates registered 31,916 proxies, 28,902 of them for the incumbent, Aidar Bekov.",
                     "Proxies by candidate: Aidar Bekov 28,902; Dana Sadykova 3,014.",
                     "Accreditation was refused to 40 proxies, 35 of them over the limit of three per candidate per "
                     "polling station."),
        "observers": ("Accredited observers and media representatives: domestic observers 500; international "
                      "observers 410.",
                      "Domestic observers accredited: nominated by political parties 300; nominated by public "
                      "associations 200.",
                      "in 12 reports on election day; the observer was accredited in ten of them."),
    },
    "ru": {
        "candidate_registration": (
            "Число выдвинутых кандидатов — 22; зарегистрированы — четыре, в регистрации отказано — 15 (по итогам "
            "проверки документов и требований — 7, по подписям — 8), сняли свои кандидатуры — три.",
            "сверенных миссией со списками избирателей, — 1\u00a0250\u00a0000; недействительных — 49\u00a0200",
            "Число подписей, признанных территориальными комиссиями недействительными, — 60\u00a0000; для "
            "57\u00a0000 из них причина не указана.",
            "Число заседаний территориальных комиссий по проверке подписей — 14, из них с участием доверенного лица кандидата — 2.",
            "расчётное число действительных подписей — 116\u00a0400 (95-процентный интервал: "
            "115\u00a0800–116\u00a0991), требуется — 91\u00a0010."),
        "campaign": ("Число зарегистрированных доверенных лиц кандидатов — 31\u00a0916, из них доверенных лиц "
                     "кандидата Айдар Беков, занимающего эту должность, — 28\u00a0902.",),
        "observers": ("отечественные наблюдатели — 500; международные наблюдатели — 410.",),
    },
    "kk": {
        "candidate_registration": (
            "Ұсынылған үміткерлер саны – 22; кандидат ретінде тіркелгендері – төрт",
            "Аумақтық комиссиялар жарамсыз деп таныған қолтаңбалар саны – 60\u00a0000, оның ішінде 57\u00a0000 "
            "қолтаңба бойынша себеп көрсетілмеген.",
            "жарамды қолтаңбалардың есептік саны – 116\u00a0400 (95 пайыздық аралық: 115\u00a0800–116\u00a0991)"),
        "campaign": ("Кандидаттардың тіркелген сенім білдірілген өкілдерінің саны – 31\u00a0916, оның ішінде "
                     "қазіргі лауазым иесі Айдар Беков өкілдері – 28\u00a0902.",),
        "observers": ("отандық бақылаушылар – 500; халықаралық бақылаушылар – 410.",),
    },
}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_sentences_carry_the_summary_in_the_language(lang):
    doc = compose(StatementInputs(election_name=NAMES, mission_name=NAMES, nomination=SUMMARY), lang)
    for section_id, expected in EXPECTED[lang].items():
        text = _section(doc, section_id)
        for piece in expected:
            assert piece in text, (lang, section_id, piece, text)
    f = _figures(doc)
    assert (f["nomination.nominees"].numerator, f["nomination.nominees"].denominator) == (22, None)
    assert (f["nomination.registered"].numerator, f["nomination.registered"].denominator) == (4, 22)
    assert (f["nomination.refused_documents"].numerator, f["nomination.refused_documents"].denominator) == (7, 15)
    assert (f["signatures.struck_valid"].numerator, f["signatures.struck_valid"].denominator) == (900, 60_000)
    assert (f["signatures.invalid"].numerator, f["signatures.invalid"].denominator) == (49_200, 1_250_000)
    assert (f["signatures.invalid.not_found"].numerator, f["signatures.invalid.not_found"].denominator) == (
        48_000, 49_200)
    assert (f["signatures.struck_without_reason"].numerator, f["signatures.struck_without_reason"].denominator) == (
        57_000, 60_000)
    assert (f["signatures.sessions_with_proxy"].numerator, f["signatures.sessions_with_proxy"].denominator) == (2, 14)
    assert (f["accreditation.proxies"].numerator, f["accreditation.proxies.incumbent"].numerator,
            f["accreditation.proxies.incumbent"].denominator) == (31_916, 28_902, 31_916)
    assert f["signatures.sample.N01.projected_valid"].numerator == 116_400
    # every figure links to the page it can be checked on, or is a rule's number (the requirement)
    assert f["nomination.nominees"].link == "/candidates/?election=kz-2011"
    assert f["signatures.sample.N01.sampled"].link == "/candidates/N01/?election=kz-2011"
    assert f["accreditation.proxies"].link == "/accreditation/?election=kz-2011"


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_reasons_and_decisions_are_named_in_the_language(lang):
    from saylau.nomination.core.reasons import DECISIONS, REASONS

    doc = compose(StatementInputs(election_name=NAMES, mission_name=NAMES, nomination=SUMMARY), lang)
    text = _section(doc, "candidate_registration")
    i = ("en", "ru", "kk").index(lang)
    for code in ("not_found", "deceased"):
        label = REASONS[code][i]
        assert label[:1].lower() + label[1:] in text
    assert "not_found" not in text and "registered_enough" not in text
    decision = DECISIONS["registered_enough"][i]
    assert decision[:1].lower() + decision[1:] in text
    # the precedence order of the reasons, not the alphabet: not found comes before deceased
    assert text.index(REASONS["not_found"][i][1:]) < text.index(REASONS["deceased"][i][1:])


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Dana Sadykova: all 800 signatures submitted were checked and 30 were invalid; the projected number of "
           "valid signatures is 770 (95 per cent interval 770–770), against 91,010 required. Decision under the "
           "rule: refused – too few valid signatures."),
    ("ru", "Дана Садыкова: проверены все представленные подписи (800), недействительных — 30; расчётное число "
           "действительных подписей — 770 (95-процентный интервал: 770–770), требуется — 91\u00a0010. Решение по "
           "правилу: отказ – недостаточно действительных подписей."),
    ("kk", "Ереже бойынша шешім: бас тарту – жарамды қолтаңбалар жеткіліксіз.")])
def test_a_full_check_and_a_refusal(lang, expected):
    full = SampleCheck(OTHER, lines=800, sampled=800, invalid=30, estimate=770, low=770, high=770, required=91_010,
                       decision="refused_too_few", code="N02")
    doc = compose(StatementInputs(election_name=NAMES, mission_name=NAMES,
                                  nomination=NominationSummary(samples=(full,), election="kz-2011")), lang)
    assert expected in _section(doc, "candidate_registration")


def test_no_data_no_sentence_and_zero_is_said():
    empty = StatementInputs(election_name=NAMES, mission_name=NAMES, nomination=NominationSummary())
    assert compose(empty, "en").figures() == []
    none_struck_without = NominationSummary(struck=10, struck_without_reason=0, sessions=3, sessions_with_proxy=0)
    doc = compose(StatementInputs(election_name=NAMES, mission_name=NAMES, nomination=none_struck_without), "en")
    text = _section(doc, "candidate_registration")
    assert "recorded a reason for each of the ten invalidated signatures" in text
    assert "Territorial commissions held three signature verification sessions; the nominee's proxy was present at none." in text


def test_the_html_marks_every_figure():
    doc = compose(StatementInputs(election_name=NAMES, mission_name=NAMES, nomination=SUMMARY), "kk")
    html = render_html(doc)
    assert 'data-metric="accreditation.proxies" data-numerator="31916" data-denominator=""' in html
    assert 'data-metric="signatures.struck_without_reason" data-numerator="57000" data-denominator="60000"' in html
