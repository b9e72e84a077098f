from saylau.observation.models.forms import FormDefinition, FormMedia, ObservationSettings
from saylau.observation.models.mission import Deployment, Observer, Team
from saylau.observation.models.submissions import (
    QualityFlag,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)

__all__ = [
    "Deployment",
    "FormDefinition",
    "FormMedia",
    "ObservationSettings",
    "Observer",
    "QualityFlag",
    "Submission",
    "SubmissionFile",
    "SubmissionVersion",
    "Team",
]
