"""Every write of the observation app goes through these services (see docs/observation.md)."""

from saylau.observation.services.forms import (
    export_xform,
    export_xlsx,
    import_form,
    seed_builtin_forms,
    set_timezone,
)
from saylau.observation.services.importing import import_submissions
from saylau.observation.services.ingest import IngestResult, SubmissionInput, submit, submit_many
from saylau.observation.services.mission import (
    MissionSummary,
    import_deployments,
    import_observers,
    load_mission,
)
from saylau.observation.services.review import edit_submission, run_quality_checks, set_status

__all__ = [
    "IngestResult", "MissionSummary", "SubmissionInput", "edit_submission", "export_xform",
    "export_xlsx", "import_deployments", "import_form", "import_submissions", "import_observers", "load_mission",
    "run_quality_checks", "seed_builtin_forms", "set_status", "set_timezone", "submit", "submit_many",
]
