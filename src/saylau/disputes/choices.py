"""Choices shown to users, with their labels in English, Russian and Kazakh
(this app's own catalogues: ``src/saylau/disputes/locale``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from saylau.disputes.core import bodies, deadlines


class ComplainantKind(models.TextChoices):
    VOTER = "voter", _("Voter")
    CANDIDATE = "candidate", _("Candidate")
    PROXY = "proxy", _("Candidate's proxy")
    PARTY = "party", _("Political party")
    OBSERVER = "observer", _("Observer")
    OTHER = "other", _("Other")


class Phase(models.TextChoices):
    VOTER_REGISTRATION = "voter_registration", _("Registration of voters")
    CANDIDATE_REGISTRATION = "candidate_registration", _("Registration of candidates")
    CAMPAIGN = "campaign", _("Campaign")
    MEDIA = "media", _("Media")
    ELECTION_DAY = "election_day", _("Election day")
    COUNTING = "counting", _("Counting")
    TABULATION = "tabulation", _("Tabulation")
    RESULTS = "results", _("Results")
    ADMINISTRATION = "administration", _("Election administration")


class Body(models.TextChoices):
    PEC = bodies.PEC, _("Precinct election commission")
    DEC = bodies.DEC, _("District election commission")
    TEC = bodies.TEC, _("Territorial election commission")
    CEC = bodies.CEC, _("Central Election Commission")
    DISTRICT_COURT = bodies.DISTRICT_COURT, _("District court")
    REGIONAL_COURT = bodies.REGIONAL_COURT, _("Regional court")
    SUPREME_COURT = bodies.SUPREME_COURT, _("Supreme Court")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ADMITTED = "admitted", _("Admitted")
    RETURNED = "returned", _("Returned")
    CONSIDERED = "considered", _("Under consideration")
    DECIDED = "decided", _("Decided")
    APPEALED = "appealed", _("Appealed")
    FINAL = "final", _("Final")


class DecisionMode(models.TextChoices):
    SESSION = "session", _("By vote in a session")
    OFFICIAL = "official", _("By one official")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    REJECTED = "rejected", _("Rejected")
    NOT_CONSIDERED = "not_considered", _("Not considered")


class NotConsideredReason(models.TextChoices):
    NONE = "", _("Not applicable")
    DEADLINE = "deadline", _("Filed after the deadline")
    JURISDICTION = "jurisdiction", _("Outside the body's jurisdiction")
    STANDING = "standing", _("Complainant without standing")
    FORM = "form", _("Incomplete or wrongly filed")
    WITHDRAWN = "withdrawn", _("Withdrawn by the complainant")
    OTHER = "other", _("Other reason")


class PeriodUnit(models.TextChoices):
    CALENDAR_DAYS = deadlines.CALENDAR_DAYS, _("calendar days")
    WORKING_DAYS = deadlines.WORKING_DAYS, _("working days")
    MONTHS = deadlines.MONTHS, _("months")


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Day off")
    WORKING = "working", _("Working day")


class LinkKind(models.TextChoices):
    STATION = "station", _("Polling station")
    CANDIDATE = "candidate", _("Candidate")
    PROTOCOL = "protocol", _("Protocol")
    SUBMISSION = "submission", _("Observer's submission")


class Transition(models.TextChoices):
    FILED = "filed", _("Filed")
    ADMITTED = "admitted", _("Admitted")
    RETURNED = "returned", _("Returned")
    CONSIDERED = "considered", _("Taken up for consideration")
    DECIDED = "decided", _("Decided")
    PUBLISHED = "published", _("Decision published")
    APPEALED = "appealed", _("Appealed")
    FINAL = "final", _("Became final")
    DOCUMENT = "document", _("Document added")
