from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.choices import CandidateNominator, CandidateStatus
from saylau.geography.models.election import Election, MultilingualName


class Party(MultilingualName):
    """A political party or public association taking part in the election."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="parties")
    code = models.CharField(max_length=20)
    in_parliament = models.BooleanField(default=False)
    opposition = models.BooleanField(default=False)

    class Meta:
        ordering = ["election", "code"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="party_code_unique"),
        ]


class Candidate(MultilingualName):
    """A nominee; ``number`` is the ballot order once registered."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    number = models.PositiveSmallIntegerField(help_text="Ballot order.")
    nominator = models.CharField(max_length=12, choices=CandidateNominator.choices)
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="candidates"
    )
    nominating_body = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=12, choices=CandidateStatus.choices, default=CandidateStatus.NOMINATED
    )
    incumbent = models.BooleanField(default=False)

    class Meta:
        ordering = ["election", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "number"], name="candidate_number_unique"),
        ]

    def clean(self) -> None:
        if self.nominator == CandidateNominator.PARTY and not self.party_id:
            raise ValidationError({"party": "a party nominee names the party"})
        if self.nominator == CandidateNominator.ASSOCIATION and not self.nominating_body:
            raise ValidationError({"nominating_body": "name the public association"})
