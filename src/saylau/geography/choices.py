"""Choice enums of the election model, named ``<Model><Field>``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ElectionKind(models.TextChoices):
    PRESIDENTIAL = "presidential", _("Presidential")
    PARLIAMENTARY = "parliamentary", _("Parliamentary")
    LOCAL = "local", _("Local")
    REFERENDUM = "referendum", _("Referendum")


class UnitLevel(models.IntegerChoices):
    NATIONAL = 0, _("National")
    REGION = 1, _("Region")
    DISTRICT = 2, _("District")
    STATION = 3, _("Station")


class CommissionTier(models.TextChoices):
    CEC = "CEC", _("Central Election Commission")
    TEC = "TEC", _("Territorial Election Commission")
    DEC = "DEC", _("District Election Commission")
    PEC = "PEC", _("Precinct Election Commission")


#: The commission tier that sits at each level of the tree.
TIER_OF_LEVEL = {
    UnitLevel.NATIONAL: CommissionTier.CEC,
    UnitLevel.REGION: CommissionTier.TEC,
    UnitLevel.DISTRICT: CommissionTier.DEC,
    UnitLevel.STATION: CommissionTier.PEC,
}


class CommissionMemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class StationKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    SPECIAL = "special", _("Special")


class StationSpecialKind(models.TextChoices):
    NONE = "", _("Not special")
    HOSPITAL = "hospital", _("Hospital or care home")
    MILITARY = "military", _("Military unit")
    DETENTION = "detention", _("Place of detention")
    TRANSPORT = "transport", _("Ship, train or remote site")
    ABROAD = "abroad", _("Abroad (embassy or consulate)")
    OTHER = "other", _("Other")


class StationArea(models.TextChoices):
    URBAN = "urban", _("Urban")
    RURAL = "rural", _("Rural")


class CandidateNominator(models.TextChoices):
    PARTY = "party", _("Political party")
    ASSOCIATION = "association", _("Public association")
    SELF = "self", _("Self-nominated")


class CandidateStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    REGISTERED = "registered", _("Registered")
    REFUSED = "refused", _("Refused registration")
    WITHDRAWN = "withdrawn", _("Withdrawn")
