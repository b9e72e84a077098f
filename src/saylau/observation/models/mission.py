from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.choices import UnitLevel
from saylau.geography.models import Election, Unit
from saylau.observation.choices import ObserverRole, TeamKind


class Team(models.Model):
    """Observers who travel together: two STOs or two LTOs."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="teams")
    code = models.CharField(max_length=20)
    kind = models.CharField(max_length=3, choices=TeamKind.choices)

    class Meta:
        ordering = ["election", "code"]
        constraints = [models.UniqueConstraint(fields=["election", "code"], name="team_code_unique")]

    def __str__(self) -> str:
        return f"Team {self.code}"


class Observer(models.Model):
    """A member of the mission; ``user`` links the Django account they log in with."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="observers")
    code = models.CharField(max_length=20)
    full_name = models.CharField(max_length=200)
    role = models.CharField(max_length=12, choices=ObserverRole.choices)
    state = models.CharField(max_length=3, help_text="ISO 3166 code of the sending country.")
    parliamentarian = models.BooleanField(default=False)
    language = models.CharField(max_length=5, default="en", help_text="en, ru or kk: replies and forms.")
    phone = models.CharField(max_length=20, blank=True, help_text="E.164, for coded SMS.")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="observer"
    )

    class Meta:
        ordering = ["election", "code"]
        constraints = [models.UniqueConstraint(fields=["election", "code"], name="observer_code_unique")]
        indexes = [models.Index(fields=["phone"])]

    def clean(self) -> None:
        if self.language not in ("en", "ru", "kk"):
            raise ValidationError({"language": "one of en, ru, kk"})
        if self.team_id and self.team.election_id != self.election_id:
            raise ValidationError({"team": "a team of the same election"})

    def __str__(self) -> str:
        return f"{self.full_name} ({self.code})"


class Deployment(models.Model):
    """A team covers a unit and everything below it: a station, a district (its
    stations and its DEC) or a region."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="deployments")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="deployments")

    class Meta:
        ordering = ["team", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["team", "unit"], name="deployment_unique")]

    def clean(self) -> None:
        if self.unit.election_id != self.team.election_id:
            raise ValidationError({"unit": "a unit of the team's election"})
        if self.unit.level == UnitLevel.NATIONAL:
            raise ValidationError({"unit": "deploy to a region, district or station"})

    def __str__(self) -> str:
        return f"{self.team.code} -> {self.unit.code}"
