from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.choices import StationArea, StationKind, StationSpecialKind, UnitLevel
from saylau.geography.models.election import Election, MultilingualName


class Unit(MultilingualName):
    """A node of the election's territorial tree: national > region > district > station.

    ``path`` holds the codes from the root down, joined by ``/``, so that a
    subtree is one indexed prefix query.
    """

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="units")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    level = models.PositiveSmallIntegerField(choices=UnitLevel.choices)
    code = models.CharField(max_length=40)
    path = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["election", "level", "path"]
        constraints = [
            models.UniqueConstraint(fields=["election", "level", "code"], name="unit_code_unique"),
        ]
        indexes = [models.Index(fields=["election", "level"])]

    def clean(self) -> None:
        if self.level == UnitLevel.NATIONAL:
            if self.parent_id is not None:
                raise ValidationError({"parent": "the national unit has no parent"})
        elif self.parent is None or self.parent.level != self.level - 1:
            raise ValidationError({"parent": "the parent must be one level above"})

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.code} {self.name_en}"


class Station(models.Model):
    """A polling station: the leaf unit where votes are cast and counted."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="station")
    kind = models.CharField(max_length=10, choices=StationKind.choices, default=StationKind.REGULAR)
    special_kind = models.CharField(
        max_length=12, choices=StationSpecialKind.choices, blank=True, default=""
    )
    registered_voters = models.PositiveIntegerField()
    area = models.CharField(max_length=5, choices=StationArea.choices)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        ordering = ["unit__path"]

    @property
    def code(self) -> str:
        return self.unit.code

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.unit.level != UnitLevel.STATION:
            errors["unit"] = "a station's unit must be at station level"
        if (self.kind == StationKind.SPECIAL) != bool(self.special_kind):
            errors["special_kind"] = "a special station names its kind; a regular one does not"
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = "give both coordinates or neither"
        if errors:
            raise ValidationError(errors)

    def __str__(self) -> str:
        return f"Station {self.unit.code}"
