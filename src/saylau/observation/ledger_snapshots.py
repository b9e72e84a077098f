"""The current state of submissions, for ``saylau ledger verify`` (declared: the
command reads ``SNAPSHOTS`` from every package's ``ledger_snapshots`` module)."""

from __future__ import annotations


def submission_snapshot() -> dict[str, object]:
    from saylau.observation.models import Submission
    from saylau.observation.services.ingest import answers_digest

    return {
        str(pk): {"uuid": str(uuid), "form": form, "version": version, "status": status,
                  "answers_sha256": answers_digest(answers)}
        for pk, uuid, form, version, status, answers in Submission.objects.values_list(
            "pk", "uuid", "form_code", "version", "status", "answers").iterator(chunk_size=5000)
    }


SNAPSHOTS = {"observation.submission": submission_snapshot}
