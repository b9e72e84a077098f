"""Nominees, the decisions that move them towards registration, and their eligibility checks.

A nominee's ``status`` changes only through
:func:`saylau.nomination.services.decide`, which records the step as a
:class:`StatusDecision` (the body, its decision's number and date, the vote)
and appends the ledger entries of both in one transaction.
"""

from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.choices import CommissionTier
from saylau.geography.models import Candidate, Election, Party
from saylau.geography.models.election import MultilingualName
from saylau.nomination.choices import CheckCode, CheckOutcome, NominatedBy, NomineeStatus


class Nominee(MultilingualName):
    """A person nominated for the election, from nomination to registration (or refusal)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="nominees")
    code = models.CharField(max_length=20, help_text="the nominee's id in files and on signature sheets")
    nominated_by = models.CharField(max_length=12, choices=NominatedBy.choices)
    party = models.ForeignKey(Party, on_delete=models.PROTECT, null=True, blank=True, related_name="nominees")
    nominating_body = models.CharField(max_length=200, blank=True, help_text="the public association's name")
    nominated_on = models.DateField()
    status = models.CharField(max_length=12, choices=NomineeStatus.choices, default=NomineeStatus.NOMINATED)
    incumbent = models.BooleanField(default=False)
    #: the registered candidate on the ballot (saylau.geography), once registered
    candidate = models.OneToOneField(Candidate, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="nominee")

    class Meta:
        ordering = ["election", "code"]
        constraints = [models.UniqueConstraint(fields=["election", "code"], name="nominee_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"

    def clean(self) -> None:
        if self.nominated_by == NominatedBy.PARTY and not self.party_id:
            raise ValidationError({"party": "a party's nominee names the party"})
        if self.nominated_by == NominatedBy.ASSOCIATION and not self.nominating_body:
            raise ValidationError({"nominating_body": "name the public association"})


class StatusDecision(models.Model):
    """One step of a nominee's status history: a decision of an election body with its vote."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="decisions")
    from_status = models.CharField(max_length=12, choices=NomineeStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=NomineeStatus.choices)
    body = models.CharField(max_length=3, choices=CommissionTier.choices, default=CommissionTier.CEC)
    number = models.CharField(max_length=40, help_text="the decision's number, e.g. 12/45")
    decided_on = models.DateField()
    members_present = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    #: the rule's code the decision rests on (an eligibility check, a sampling decision), or blank
    ground = models.CharField(max_length=40, blank=True)
    reason = models.TextField(blank=True, help_text="the decision's reasoning as the body wrote it")
    published_on = models.DateField(null=True, blank=True)
    actor = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["nominee", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_body_display()} No. {self.number} of {self.decided_on}: {self.to_status}"

    def clean(self) -> None:
        if self.votes_for is not None and self.votes_against is not None and self.members_present is not None \
                and self.votes_for + self.votes_against > self.members_present:
            raise ValidationError({"votes_for": "votes for and against exceed the members present"})


class EligibilityCheck(models.Model):
    """One eligibility rule checked for a nominee: its outcome and the evidence it rests on."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="checks")
    code = models.CharField(max_length=30, choices=CheckCode.choices)
    outcome = models.CharField(max_length=12, choices=CheckOutcome.choices)
    evidence = models.TextField(blank=True, help_text="in English")
    evidence_ru = models.TextField(blank=True, help_text="in Russian, when the check was evaluated here")
    evidence_kk = models.TextField(blank=True, help_text="in Kazakh, when the check was evaluated here")
    rules = models.CharField(max_length=30, blank=True, help_text="the rule set checked against, e.g. kz-2011")

    class Meta:
        ordering = ["nominee", "code"]
        constraints = [models.UniqueConstraint(fields=["nominee", "code"], name="eligibility_check_once")]

    def __str__(self) -> str:
        return f"{self.nominee_id} {self.code}: {self.outcome}"

    def evidence_in(self, lang: str) -> str:
        """The evidence in ``lang`` (en, ru, kk); a check recorded as given (a commission's
        record) has its evidence in the words it came with."""
        return {"ru": self.evidence_ru, "kk": self.evidence_kk}.get(lang, "") or self.evidence
