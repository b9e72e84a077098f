"""The kz-2011 profile's complaints and appeals, with their ground truth.

SYNOPSIS §6 (the statement's section on complaints and appeals, and its
footnotes 16-20): before election day the CEC received 12 complaints and
decided none by a vote in a session (its deputy chair appears to have handled
them alone, its secretary signed the answers), and published none of the
answers; 15 complaints went to district courts and 5 to the Supreme Court, all
rejected or not considered; several district courts in Almaty rejected
complaints against a maslikhat's decision on a TEC's composition on the
election law's 10 days when the civil procedure code's 3 months applied; the
Supreme Court refused one case because the CEC alone may find violations and
deregister candidates.

What the statement does not say is modelled and marked *assumption*: the dates
(the election was called on 4 February 2011), who complained, the CEC's
outcomes, that two of the CEC's decisions on candidates' registration were
appealed to the Supreme Court, and the courts' publication of their decisions.
Complainants are fictional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from saylau.disputes.core import bodies

ELECTION_DAY = dt.date(2011, 4, 3)
CALLED = dt.date(2011, 2, 4)  # assumption: the decree calling the early election
ELECTION_LAW, CIVIL = "kz-election-law", "kz-civil-procedure"


@dataclass(frozen=True)
class SimCase:
    reference: str
    body: str
    body_name: str
    complainant_kind: str
    complainant_name: str
    respondent: str
    contested_act: str
    act_date: dt.date
    filed_on: dt.date
    phase: str
    bases: tuple[str, ...]
    decided_on: dt.date
    decision_mode: str  # "session" or "official"
    outcome: str
    appeal_of: str = ""
    official: str = ""
    session: tuple[int, int, int] | None = None  # members present, for, against
    not_considered_reason: str = ""
    deadline_basis: str = ""
    published_on: dt.date | None = None
    reasoning: str = ""
    appealed: bool = False


@dataclass(frozen=True)
class Truth:
    """What the simulation put in, counted as it was built (not by the statistics' code)."""

    cec: int
    cec_in_session: int
    cec_published: int
    district_court: int
    supreme_court: int
    courts_rejected_or_not_considered: int
    wrong_deadline: int
    appeals: int


N_CEC, N_DISTRICT, N_SUPREME = 12, 15, 5  # SYNOPSIS §6
N_WRONG_DEADLINE = 4  # "several" (SYNOPSIS §6, footnote 19): assumption, four
N_APPEALED_FROM_CEC = 2  # assumption

_PEOPLE = ["A. Seitkali", "B. Ormanov", "D. Nurpeisova", "E. Zhunusov", "G. Abdrakhmanova", "K. Tulegenov",
           "M. Sadykova", "N. Iskakov", "R. Bekova", "S. Mukanov", "T. Ospanova", "Zh. Kaliyev"]
_PARTIES = ["Social Democratic Party", "Free Democrats", "Rukhaniyat"]
_CEC_SUBJECTS = [
    ("candidate_registration", "CEC decision refusing to register a nominee (language test)"),
    ("candidate_registration", "CEC decision refusing to register a nominee (signatures)"),
    ("campaign", "Use of administrative resources by the incumbent's campaign"),
    ("media", "Coverage of the incumbent on state television"),
    ("voter_registration", "Voter lists not open for inspection"),
    ("campaign", "Pressure on public-sector employees to attend rallies"),
    ("administration", "Composition of a territorial election commission"),
    ("campaign", "Campaign materials removed by local officials"),
    ("voter_registration", "Students registered at their dormitories"),
    ("media", "Refusal of air time to a nominee"),
    ("administration", "Observers refused accreditation"),
    ("campaign", "Meeting premises refused to a nominee"),
]


def kz2011(seed: int = 2011) -> tuple[list[SimCase], Truth]:
    """The cases of the kz-2011 profile and their ground truth."""
    rng = np.random.default_rng(seed)
    cases: list[SimCase] = []

    def day(lo: dt.date, hi: dt.date) -> dt.date:
        return lo + dt.timedelta(days=int(rng.integers(0, (hi - lo).days + 1)))

    last = ELECTION_DAY - dt.timedelta(days=2)
    # 12 complaints to the CEC: none decided in a session, answers signed and not published
    for i, (phase, act) in enumerate(_CEC_SUBJECTS, start=1):
        filed = day(CALLED + dt.timedelta(days=6), last - dt.timedelta(days=8))
        kind = ["party", "candidate", "voter", "observer", "proxy"][i % 5]
        name = _PARTIES[i % 3] if kind == "party" else _PEOPLE[i - 1]
        outcome = "rejected" if i % 4 else "not_considered"
        cases.append(SimCase(
            reference=f"CEC-{i:03d}", body=bodies.CEC, body_name="", complainant_kind=kind,
            complainant_name=name, respondent="Central Election Commission" if phase.endswith("registration")
            or phase == "administration" else "Local administration", contested_act=act,
            act_date=filed - dt.timedelta(days=int(rng.integers(1, 8))), filed_on=filed, phase=phase,
            bases=(ELECTION_LAW,), decided_on=filed + dt.timedelta(days=int(rng.integers(2, 9))),
            decision_mode="official", official="Deputy chair of the CEC (answer signed by the secretary)",
            outcome=outcome, not_considered_reason="" if outcome == "rejected" else "jurisdiction",
            reasoning="Answer by letter.", appealed=i <= N_APPEALED_FROM_CEC))
    # 15 complaints to district courts: N_WRONG_DEADLINE against a maslikhat's decision on a TEC, refused on the
    # election law's 10 days while the civil procedure code's 3 months applied; the rest rejected or not considered
    maslikhat = dt.date(2011, 2, 10)  # assumption: the decision's date
    for i in range(1, N_DISTRICT + 1):
        court = f"{['Almaly', 'Bostandyk', 'Medeu', 'Auezov', 'Zhetysu'][i % 5]} District Court"
        if i <= N_WRONG_DEADLINE:
            filed = maslikhat + dt.timedelta(days=int(rng.integers(12, 40)))  # late under 10 days, in time under 3 months
            cases.append(SimCase(
                reference=f"DC-{i:03d}", body=bodies.DISTRICT_COURT, body_name=court + " of Almaty",
                complainant_kind="party", complainant_name=_PARTIES[i % 3],
                respondent="Almaty City Maslikhat", contested_act="Maslikhat decision on the composition of the "
                "territorial election commission", act_date=maslikhat, filed_on=filed, phase="administration",
                bases=(ELECTION_LAW, CIVIL), decided_on=filed + dt.timedelta(days=int(rng.integers(3, 10))),
                decision_mode="official", official="Judge", outcome="not_considered",
                not_considered_reason="deadline", deadline_basis=ELECTION_LAW,
                published_on=None, reasoning="Filed after the ten days of the election law."))
            continue
        filed = day(CALLED + dt.timedelta(days=5), last - dt.timedelta(days=6))
        outcome = "rejected" if rng.random() < 0.6 else "not_considered"
        cases.append(SimCase(
            reference=f"DC-{i:03d}", body=bodies.DISTRICT_COURT, body_name=court,
            complainant_kind=["voter", "candidate", "observer", "party"][i % 4],
            complainant_name=_PEOPLE[i % 12] if i % 4 != 3 else _PARTIES[i % 3],
            respondent="District election commission", contested_act="Decision of a district election commission",
            act_date=filed - dt.timedelta(days=int(rng.integers(1, 9))), filed_on=filed,
            phase=["campaign", "voter_registration", "media", "administration"][i % 4], bases=(ELECTION_LAW,),
            decided_on=filed + dt.timedelta(days=int(rng.integers(2, 7))), decision_mode="official",
            official="Judge", outcome=outcome, not_considered_reason="" if outcome == "rejected" else "standing",
            reasoning="No violation established." if outcome == "rejected" else "Complainant without standing."))
    # 5 to the Supreme Court: N_APPEALED_FROM_CEC appeals of the CEC's registration decisions, the rest direct
    # (candidates' registration goes there without appeal); one refused: the CEC alone may find violations
    cec = {c.reference: c for c in cases if c.body == bodies.CEC}
    for i in range(1, N_SUPREME + 1):
        if i <= N_APPEALED_FROM_CEC:
            origin = cec[f"CEC-{i:03d}"]
            filed = origin.decided_on + dt.timedelta(days=int(rng.integers(1, 4)))
            act, act_date, appeal_of, phase = (f"Decision of {origin.decided_on} in case {origin.reference}",
                                               origin.decided_on, origin.reference, origin.phase)
            kind, name = origin.complainant_kind, origin.complainant_name
        else:
            filed = day(CALLED + dt.timedelta(days=10), last - dt.timedelta(days=5))
            act, act_date, appeal_of, phase = ("CEC decision on a candidate's registration",
                                               filed - dt.timedelta(days=int(rng.integers(1, 5))), "",
                                               "candidate_registration")
            kind, name = "candidate", _PEOPLE[(i + 5) % 12]
        refused = i == N_SUPREME
        cases.append(SimCase(
            reference=f"SC-{i:03d}", body=bodies.SUPREME_COURT, body_name="Supreme Court",
            complainant_kind=kind, complainant_name=name, respondent="Central Election Commission",
            contested_act=act if not refused else "Abuse of office by the incumbent in the campaign",
            act_date=act_date, filed_on=filed, phase=phase if not refused else "campaign", bases=(ELECTION_LAW,),
            decided_on=filed + dt.timedelta(days=int(rng.integers(2, 6))), decision_mode="session",
            session=(3, 3, 0), outcome="not_considered" if refused else "rejected",
            not_considered_reason="jurisdiction" if refused else "", appeal_of=appeal_of,
            published_on=filed + dt.timedelta(days=8),
            reasoning="The CEC alone finds violations and deregisters candidates." if refused else
            "The CEC's decision is lawful."))
    courts = [c for c in cases if bodies.is_court(c.body)]
    truth = Truth(
        cec=N_CEC, cec_in_session=0, cec_published=0, district_court=N_DISTRICT, supreme_court=N_SUPREME,
        courts_rejected_or_not_considered=len(courts), wrong_deadline=N_WRONG_DEADLINE,
        appeals=N_APPEALED_FROM_CEC)
    return cases, truth
