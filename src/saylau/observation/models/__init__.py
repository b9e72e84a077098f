from .forms import FormDefinition, ObservationSettings
from .mission import Deployment, Observer, Team
from .submissions import QualityFlag, Submission, SubmissionVersion

__all__ = [
    "Deployment",
    "FormDefinition",
    "ObservationSettings",
    "Observer",
    "QualityFlag",
    "Submission",
    "SubmissionVersion",
    "Team",
]
