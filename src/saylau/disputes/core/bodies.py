"""The bodies that handle disputes, and where an appeal goes next.

Kazakhstan's election law lets a decision of an election commission be
complained of to the commission above it and/or to a court; district courts
are the first instance, regional courts hear appeals, and two kinds of case
(the CEC's registration or deregistration of candidates, its refusal to
declare the elected president) go straight to the Supreme Court with no
appeal (SYNOPSIS §6, the statement's footnote 16).
"""

from __future__ import annotations

PEC, DEC, TEC, CEC = "PEC", "DEC", "TEC", "CEC"
DISTRICT_COURT, REGIONAL_COURT, SUPREME_COURT = "court_district", "court_regional", "court_supreme"
COMMISSIONS = (PEC, DEC, TEC, CEC)
COURTS = (DISTRICT_COURT, REGIONAL_COURT, SUPREME_COURT)
BODIES = COMMISSIONS + COURTS

#: where an appeal of a decision of each body goes by default (None: no appeal)
NEXT_BODY: dict[str, str | None] = {
    PEC: DEC, DEC: TEC, TEC: CEC, CEC: SUPREME_COURT,
    DISTRICT_COURT: REGIONAL_COURT, REGIONAL_COURT: SUPREME_COURT, SUPREME_COURT: None,
}

#: complainants who are private persons: their names are never published
PRIVATE_COMPLAINANTS = frozenset({"voter", "observer", "other"})


def is_court(body: str) -> bool:
    return body in COURTS


def next_body(body: str) -> str | None:
    """The body an appeal of ``body``'s decision goes to, or None when there is no appeal."""
    if body not in NEXT_BODY:
        raise ValueError(f"unknown body {body!r}: one of {', '.join(BODIES)}")
    return NEXT_BODY[body]


def may_appeal_to(body: str, to: str) -> bool:
    """An appeal goes up: to a higher commission, or from a commission or a lower court to a court above."""
    if body == SUPREME_COURT:
        return False
    if body in COMMISSIONS:
        return (to in COMMISSIONS and COMMISSIONS.index(to) > COMMISSIONS.index(body)) or to in COURTS
    return to in COURTS and COURTS.index(to) > COURTS.index(body)
