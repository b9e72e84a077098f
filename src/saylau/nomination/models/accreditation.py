"""The accreditation registry: candidates' proxies, domestic and international observers, media."""

from django.db import models

from saylau.geography.models import Election, Party
from saylau.nomination.choices import AccreditationKind, AccreditationStatus, Refusal
from saylau.nomination.models.nominees import Nominee


class Accreditation(models.Model):
    """One person accredited (or refused) for the election: who nominated them and where they may go."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="accreditations")
    kind = models.CharField(max_length=24, choices=AccreditationKind.choices)
    full_name = models.CharField(max_length=200)
    reference = models.CharField(max_length=40, blank=True, help_text="the application's own number")
    iin = models.CharField(max_length=12, blank=True, help_text="personal data: for the checks, never shown")
    role = models.CharField(max_length=20, blank=True, help_text="an international observer's role in the mission")
    #: who nominated them: a candidate (proxies), a party or association (domestic observers), a state or
    #: organisation (international observers), an outlet (media)
    nominee = models.ForeignKey(Nominee, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="accreditations")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, null=True, blank=True, related_name="accreditations")
    organisation = models.CharField(max_length=200, blank=True, help_text="association, organisation or outlet")
    state = models.CharField(max_length=3, blank=True, help_text="ISO 3166 code of the sending state")
    station_code = models.CharField(max_length=40, blank=True)
    region_code = models.CharField(max_length=40, blank=True)
    filed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=AccreditationStatus.choices)
    refusal = models.CharField(max_length=24, choices=Refusal.choices, blank=True)
    badge = models.CharField(max_length=40, blank=True)
    #: an international (or mission) observer's record in the observation package
    observer = models.ForeignKey("observation.Observer", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="accreditations")

    class Meta:
        ordering = ["election", "kind", "badge", "id"]
        constraints = [models.UniqueConstraint(fields=["election", "badge"], condition=~models.Q(badge=""),
                                               name="accreditation_badge_unique")]
        indexes = [models.Index(fields=["election", "kind", "status"]), models.Index(fields=["election", "nominee"])]

    def __str__(self) -> str:
        return f"{self.badge or '-'} {self.full_name} ({self.kind})"
