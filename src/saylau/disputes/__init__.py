"""Complaints and appeals (issue #18): every electoral dispute from filing to a
published, reasoned decision, with the deadlines that apply, collegial sessions
and the chain of appeals.

Pure code in :mod:`saylau.disputes.core`: the deadline calendar
(:mod:`~saylau.disputes.core.deadlines`), the bodies and their order of appeal
(:mod:`~saylau.disputes.core.bodies`), the ledger states of cases
(:mod:`~saylau.disputes.core.states`), the kz-2011 case set with its ground
truth (:mod:`~saylau.disputes.core.simulation`) and the statistics the
statement reports (:mod:`~saylau.disputes.core.stats`). Django: the models, the
state machine (django-fsm-2) and the services that move a case, each with a
ledger entry. See docs/disputes.md.
"""
