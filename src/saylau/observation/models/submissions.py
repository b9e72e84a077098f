from django.conf import settings
from django.db import models

from saylau.geography.models import Election
from saylau.observation.choices import SubmissionChannel, SubmissionStatus
from saylau.observation.models.forms import FormDefinition
from saylau.observation.models.mission import Observer, Team


class Submission(models.Model):
    """One filled-in form. ``uuid`` is made by the client: a retry with the same
    uuid returns this row unchanged. ``answers`` is the current version's
    validated answers (JSON); every version is kept in SubmissionVersion."""

    # election and team: no index of their own, the composite indexes below lead with them
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="submissions", db_index=False)
    uuid = models.UUIDField(unique=True)
    form = models.ForeignKey(FormDefinition, on_delete=models.PROTECT, related_name="submissions")
    form_code = models.CharField(max_length=60, help_text="The form's id (copy, for fast reads).")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="submissions",
                             db_index=False)
    observer = models.ForeignKey(Observer, on_delete=models.SET_NULL, null=True, blank=True, related_name="submissions")
    station_code = models.CharField(max_length=40, blank=True)
    dec_code = models.CharField(max_length=40, blank=True)
    region_code = models.CharField(max_length=40, blank=True)
    urban = models.BooleanField(null=True)
    submitted_at = models.DateTimeField(help_text="When the observer completed the form (client clock).")
    received_at = models.DateTimeField(help_text="When saylau stored the first version.")
    channel = models.CharField(max_length=10, choices=SubmissionChannel.choices)
    status = models.CharField(max_length=8, choices=SubmissionStatus.choices, default=SubmissionStatus.NEW)
    version = models.PositiveIntegerField(default=1)
    answers = models.JSONField()

    class Meta:
        ordering = ["election", "submitted_at", "id"]
        indexes = [
            models.Index(fields=["election", "form_code"]),
            models.Index(fields=["election", "station_code"]),
            models.Index(fields=["team", "submitted_at"]),
        ]

    def __str__(self) -> str:
        where = self.station_code or self.dec_code or self.region_code
        return f"{self.form_code} {where} ({self.uuid})"


class SubmissionVersion(models.Model):
    """Each version of a submission's answers: who, when, through which channel."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions",
                                   db_index=False)  # the unique (submission, version) index leads with it
    version = models.PositiveIntegerField()
    answers = models.JSONField()
    channel = models.CharField(max_length=10, choices=SubmissionChannel.choices)
    actor = models.CharField(max_length=150)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField()
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["submission", "version"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "version"], name="submission_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} v{self.version}"


class SubmissionFile(models.Model):
    """A file sent with a submission (the answer to a photo, audio, video or file
    question is its ``filename``). ``sha256`` is what the submission's ledger
    entry vouches for (``observation.submission``'s ``files``)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files",
                                   db_index=False)  # the unique (submission, filename) index leads with it
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["submission", "filename"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "filename"], name="submission_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.submission_id}/{self.filename}"


class QualityFlag(models.Model):
    """A quality-check finding on a submission (a conflict names both submissions,
    one flag row each, sharing ``rule_id`` and ``related``)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="quality_flags")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="flags")
    rule_id = models.CharField(max_length=80)
    place = models.CharField(max_length=40, blank=True)
    reason = models.TextField()
    related = models.JSONField(default=list, help_text="Ids of the other submissions involved.")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["election", "rule_id", "submission"]
        indexes = [models.Index(fields=["election", "rule_id"])]

    def __str__(self) -> str:
        return f"{self.rule_id} on {self.submission_id}"
