"""Choice enums of the observation models, named ``<Model><Field>``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ObserverRole(models.TextChoices):
    CORE = "core", _("Core team")
    COORDINATOR = "coordinator", _("Coordinator")
    LTO = "lto", _("Long-term observer")
    STO = "sto", _("Short-term observer")


class TeamKind(models.TextChoices):
    STO = "sto", _("Short-term observer team")
    LTO = "lto", _("Long-term observer team")


class SubmissionStatus(models.TextChoices):
    NEW = "new", _("New")
    FLAGGED = "flagged", _("Flagged")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class SubmissionChannel(models.TextChoices):
    # product and protocol names read the same in every language: not translated
    API = "api", "JSON API"
    OPENROSA = "openrosa", "OpenRosa (ODK Collect, Enketo)"
    SMS = "sms", _("Coded SMS")
    IMPORT = "import", _("File import")
    SIMULATION = "simulation", _("Simulation")
