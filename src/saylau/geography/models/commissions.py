from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.choices import TIER_OF_LEVEL, CommissionMemberRole, CommissionTier, Gender
from saylau.geography.models.candidates import Party
from saylau.geography.models.units import Unit


class Commission(models.Model):
    """The election commission of one unit: CEC, TEC, DEC or PEC."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="commission")
    tier = models.CharField(max_length=3, choices=CommissionTier.choices)
    seats = models.PositiveSmallIntegerField(default=7, help_text="Voting seats by law.")

    class Meta:
        ordering = ["unit__level", "unit__path"]

    def clean(self) -> None:
        if TIER_OF_LEVEL.get(self.unit.level) != self.tier:
            raise ValidationError({"tier": "the tier does not match the unit's level"})

    def __str__(self) -> str:
        return f"{self.tier} {self.unit.code}"


class CommissionMember(models.Model):
    """A member of a commission, with who nominated them and where they work."""

    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(max_length=200)
    role = models.CharField(max_length=15, choices=CommissionMemberRole.choices)
    gender = models.CharField(max_length=6, choices=Gender.choices)
    nominating_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="commission_members"
    )
    nominating_body = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who nominated the member when not a party: President, Senate, Mazhilis, "
        "a local council, a public association.",
    )
    organisation = models.CharField(max_length=200, blank=True, help_text="Employer or workplace.")
    ethnicity = models.CharField(max_length=40, blank=True)
    voting = models.BooleanField(default=True, help_text="False for an advisory (non-voting) member.")

    class Meta:
        ordering = ["commission", "role", "full_name"]
        indexes = [models.Index(fields=["commission", "role"])]

    def clean(self) -> None:
        if not self.nominating_party_id and not self.nominating_body:
            raise ValidationError("a member is nominated by a party or by a named body")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()}, {self.commission})"
