import hashlib

from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.models import Election
from saylau.observation.core.xlsform import Form, XLSFormError, read_xlsform

#: content md5 -> parsed form; forms are immutable once stored, so the cache never goes stale.
_PARSED: dict[str, Form] = {}


def parsed_form(md5: str) -> Form | None:
    """The form parsed from the workbook with this hash, if this process has parsed it."""
    return _PARSED.get(md5)


def remember_form(md5: str, form: Form) -> None:
    """Keep a form just read from the workbook with this hash (an import reads it once)."""
    if len(_PARSED) > 256:
        _PARSED.clear()
    _PARSED[md5] = form


def _parse(md5: str, data: bytes, name: str | None = None, version: str | None = None) -> Form:
    form = _PARSED.get(md5)
    if form is None:
        form = read_xlsform(data, name=name or None, version=version or None)
        if len(_PARSED) > 256:
            _PARSED.clear()
        _PARSED[md5] = form
    return form


class FormDefinition(models.Model):
    """One version of an XLSForm used in an election. ``xlsx`` (the workbook's
    bytes: .xlsx, .xls or .csv as pyxform reads them) is the source of truth;
    ``form_id``, ``version`` and ``title`` are read from its settings sheet (the
    form id falls back to the file's name, the version to the import's
    timestamp, as ODK Central does), ``md5`` is the workbook's hash. ``xform``
    is the XForm pyxform made at import and ``xform_md5`` its OpenRosa hash:
    the form list and downloads serve them as stored, never converting again."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="forms")
    form_id = models.CharField(max_length=60)
    version = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=200, blank=True)
    xlsx = models.BinaryField()
    md5 = models.CharField(max_length=32)
    xform = models.TextField(blank=True, help_text="The XForm XML pyxform made at import (served as stored).")
    xform_md5 = models.CharField(max_length=32, blank=True)
    active = models.BooleanField(default=True, help_text="The version served to clients.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["election", "form_id", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["election", "form_id", "version"], name="form_version_unique"),
        ]

    @property
    def form(self) -> Form:
        """The parsed form (cached per content hash; ``xlsx`` may be deferred)."""
        cached = _PARSED.get(self.md5) if self.md5 else None
        return cached if cached is not None else _parse(self.md5, bytes(self.xlsx), self.form_id, self.version)

    def clean(self) -> None:
        data = bytes(self.xlsx or b"")
        self.md5 = hashlib.md5(data).hexdigest()  # noqa: S324 - OpenRosa names md5
        try:
            form = _parse(self.md5, data, self.form_id, self.version)
        except XLSFormError as error:
            raise ValidationError({"xlsx": str(error)}) from None
        if form.form_id != self.form_id or form.version != self.version:
            raise ValidationError({"xlsx": "form_id and version must match the settings sheet"})
        self.xform = form.xform
        self.xform_md5 = hashlib.md5(form.xform.encode("utf-8")).hexdigest()  # noqa: S324

    def __str__(self) -> str:
        return f"{self.form_id} v{self.version}" if self.version else self.form_id


class FormMedia(models.Model):
    """A file a form uses (image, audio, CSV for select_one_from_file or
    pulldata), served to ODK Collect through the form's OpenRosa manifest."""

    definition = models.ForeignKey(FormDefinition, on_delete=models.CASCADE, related_name="media")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    data = models.BinaryField()
    md5 = models.CharField(max_length=32)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["definition", "filename"]
        constraints = [models.UniqueConstraint(fields=["definition", "filename"], name="form_media_unique")]

    def __str__(self) -> str:
        return f"{self.definition}: {self.filename}"


class ObservationSettings(models.Model):
    """Per-election observation settings: the local time zone (findings by hour)."""

    election = models.OneToOneField(Election, on_delete=models.CASCADE, related_name="observation_settings")
    timezone = models.CharField(max_length=60, default="UTC", help_text="IANA name, e.g. Asia/Almaty.")

    def clean(self) -> None:
        import zoneinfo

        try:
            zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"timezone": f"unknown time zone {self.timezone!r}"}) from None

    def __str__(self) -> str:
        return f"{self.election.slug}: {self.timezone}"
