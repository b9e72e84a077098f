"""Choice enums of the election model, named ``<Model><Field>``."""

from django.db import models


class ElectionKind(models.TextChoices):
    PRESIDENTIAL = "presidential", "Presidential"
    PARLIAMENTARY = "parliamentary", "Parliamentary"
    LOCAL = "local", "Local"
    REFERENDUM = "referendum", "Referendum"


class UnitLevel(models.IntegerChoices):
    NATIONAL = 0, "National"
    REGION = 1, "Region"
    DISTRICT = 2, "District"
    STATION = 3, "Station"


class CommissionTier(models.TextChoices):
    CEC = "CEC", "Central Election Commission"
    TEC = "TEC", "Territorial Election Commission"
    DEC = "DEC", "District Election Commission"
    PEC = "PEC", "Precinct Election Commission"


#: The commission tier that sits at each level of the tree.
TIER_OF_LEVEL = {
    UnitLevel.NATIONAL: CommissionTier.CEC,
    UnitLevel.REGION: CommissionTier.TEC,
    UnitLevel.DISTRICT: CommissionTier.DEC,
    UnitLevel.STATION: CommissionTier.PEC,
}


class CommissionMemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    DEPUTY_CHAIR = "deputy_chair", "Deputy chair"
    SECRETARY = "secretary", "Secretary"
    MEMBER = "member", "Member"


class Gender(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"


class StationKind(models.TextChoices):
    REGULAR = "regular", "Regular"
    SPECIAL = "special", "Special"


class StationSpecialKind(models.TextChoices):
    NONE = "", "Not special"
    HOSPITAL = "hospital", "Hospital or care home"
    MILITARY = "military", "Military unit"
    DETENTION = "detention", "Place of detention"
    TRANSPORT = "transport", "Ship, train or remote site"
    ABROAD = "abroad", "Abroad (embassy or consulate)"
    OTHER = "other", "Other"


class StationArea(models.TextChoices):
    URBAN = "urban", "Urban"
    RURAL = "rural", "Rural"


class CandidateNominator(models.TextChoices):
    PARTY = "party", "Political party"
    ASSOCIATION = "association", "Public association"
    SELF = "self", "Self-nominated"


class CandidateStatus(models.TextChoices):
    NOMINATED = "nominated", "Nominated"
    REGISTERED = "registered", "Registered"
    REFUSED = "refused", "Refused registration"
    WITHDRAWN = "withdrawn", "Withdrawn"
