"""The statement's complaints section on the kz-2011 cases: its figures equal the
simulation's ground truth, in English, Russian and Kazakh."""

from __future__ import annotations

import pytest

from saylau.disputes import services
from saylau.disputes.core import simulation
from saylau.statement.core.compose import compose
from saylau.statement.selectors import collect
from tests.disputes.conftest import ACTOR

pytestmark = pytest.mark.django_db

EXPECTED_TEXT = {
    "en": ("Complaints lodged with the Central Election Commission before election day: 12.",
           "The CEC decided none of these complaints by a vote in a session, as the law requires.",
           "It published none of its answers to them.",
           "All 20 complaints decided by the courts were rejected or not considered.",
           "Courts refused to consider four complaints as filed too late under one legal basis"),
    "ru": ("Число жалоб, поданных в ЦИК до дня выборов, — 12.",
           "ЦИК не рассмотрела ни одной из этих жалоб путём голосования на заседании",
           "ЦИК не опубликовала ни одного из своих ответов на них.",
           "Все решённые судами жалобы (20 жалоб) были отклонены или не рассмотрены.",
           "Суды не стали рассматривать четыре жалобы, сочтя срок пропущенным"),
    "kk": ("Сайлау күніне дейін ОСК-ға берілген шағымдар саны – 12.",
           "ОСК бұл шағымдардың ешқайсысын заң талап еткендей алқалы отырыста дауыс беру арқылы шешкен жоқ.",
           "ОСК оларға берген жауаптарының ешқайсысын жарияламады.",
           "Соттар шешкен шағымдардың барлығы (20 шағым) қанағаттандырылмады немесе қаралмады.",
           "Соттар төрт шағым бойынша істі қараудан бас тартты"),
}


def test_the_complaints_section_equals_the_ground_truth(election):
    services.import_simulation(actor=ACTOR, election=election)
    _, truth = simulation.kz2011()
    inputs = collect(election)
    for lang in ("en", "ru", "kk"):
        doc = compose(inputs, lang)
        f = {x.metric: x for x in doc.figures()}
        assert f["complaints.CEC"].numerator == truth.cec
        assert f["complaints.court_district"].numerator == truth.district_court
        assert f["complaints.court_supreme"].numerator == truth.supreme_court
        assert (f["complaints.cec_in_session"].numerator, f["complaints.cec_in_session"].denominator) == (
            truth.cec_in_session, truth.cec)
        assert f["complaints.cec_published"].numerator == truth.cec_published
        assert f["complaints.courts_rejected"].numerator == truth.courts_rejected_or_not_considered
        assert f["complaints.courts_rejected"].denominator == truth.district_court + truth.supreme_court
        assert f["complaints.wrong_deadline"].numerator == truth.wrong_deadline
        section = next(s for s in doc.sections if s.id == "complaints")
        text = " ".join("".join(p if isinstance(p, str) else p.text for p in s) for s in section.sentences)
        for expected in EXPECTED_TEXT[lang]:
            assert expected in text, (lang, expected, text)
