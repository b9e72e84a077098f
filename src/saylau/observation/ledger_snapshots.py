"""Register the current state of submissions with ``saylau ledger verify``."""

from __future__ import annotations

from saylau.ledger.checks import register_snapshot


def submission_snapshot() -> dict[str, object]:
    from saylau.observation.models import Submission
    from saylau.observation.services.ingest import answers_digest

    return {
        str(pk): {"uuid": str(uuid), "form": form, "version": version, "status": status,
                  "answers_sha256": answers_digest(answers)}
        for pk, uuid, form, version, status, answers in Submission.objects.values_list(
            "pk", "uuid", "form_code", "version", "status", "answers").iterator(chunk_size=5000)
    }


register_snapshot("observation.submission", submission_snapshot)
