"""Choice enums of the observation models, named ``<Model><Field>``."""

from django.db import models


class ObserverRole(models.TextChoices):
    CORE = "core", "Core team"
    COORDINATOR = "coordinator", "Coordinator"
    LTO = "lto", "Long-term observer"
    STO = "sto", "Short-term observer"


class TeamKind(models.TextChoices):
    STO = "sto", "Short-term observer team"
    LTO = "lto", "Long-term observer team"


class SubmissionStatus(models.TextChoices):
    NEW = "new", "New"
    FLAGGED = "flagged", "Flagged"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


class SubmissionChannel(models.TextChoices):
    API = "api", "JSON API"
    OPENROSA = "openrosa", "OpenRosa (ODK Collect, Enketo)"
    SMS = "sms", "Coded SMS"
    IMPORT = "import", "File import"
    SIMULATION = "simulation", "Simulation"
