"""The current state of submissions, for ``saylau ledger verify`` (declared: the
command reads ``SNAPSHOTS`` from every package's ``ledger_snapshots`` module).

A submission's files are hashed from the bytes stored, not read from their
``sha256`` column, so a file changed in the database is found too."""

from __future__ import annotations


def _file_hashes() -> dict[int, dict[str, str]]:
    from saylau.observation.core.files import sha256
    from saylau.observation.models import SubmissionFile

    out: dict[int, dict[str, str]] = {}
    for submission_id, filename, data in SubmissionFile.objects.order_by("submission_id", "filename").values_list(
            "submission_id", "filename", "data").iterator(chunk_size=200):
        out.setdefault(submission_id, {})[filename] = sha256(bytes(data))
    return out


def submission_snapshot() -> dict[str, object]:
    from saylau.observation.models import Submission
    from saylau.observation.services.ingest import answers_digest

    files = _file_hashes()
    out: dict[str, object] = {}
    for pk, uuid, form, version, status, answers in Submission.objects.values_list(
            "pk", "uuid", "form_code", "version", "status", "answers").iterator(chunk_size=5000):
        state = {"uuid": str(uuid), "form": form, "version": version, "status": status,
                 "answers_sha256": answers_digest(answers)}
        if pk in files:
            state["files"] = files[pk]
        out[str(pk)] = state
    return out


SNAPSHOTS = {"observation.submission": submission_snapshot}
