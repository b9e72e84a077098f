"""Choice enums of nomination and accreditation; labels from
:mod:`saylau.nomination.core.labels` and :mod:`saylau.nomination.core.reasons`
(English, Russian, Kazakh), following the active language."""

from __future__ import annotations

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from saylau.nomination.core import labels, reasons
from saylau.registry.core.labels import Label, pick


def _pick(text: Label) -> str:
    return pick(text, (get_language() or "en")[:2])


label = lazy(_pick, str)


def _choices(name: str, mapping: dict[str, Label]) -> type[models.TextChoices]:
    return models.TextChoices(name, [(code.upper(), (code, label(text))) for code, text in mapping.items()])


NominatedBy = _choices("NominatedBy", labels.NOMINATED_BY)
NomineeStatus = _choices("NomineeStatus", labels.STATUS)
CheckCode = _choices("CheckCode", labels.CHECK)
CheckOutcome = _choices("CheckOutcome", labels.CHECK_OUTCOME)
AccreditationKind = _choices("AccreditationKind", labels.ACCREDITATION_KIND)
AccreditationStatus = _choices("AccreditationStatus", labels.ACCREDITATION_STATUS)
Refusal = _choices("Refusal", labels.REFUSAL)
LineReason = _choices("LineReason", reasons.REASONS)
SessionDecision = _choices("SessionDecision", reasons.DECISIONS)


class SessionMode(models.TextChoices):
    FULL = "full", _("Full check")
    SAMPLE = "sample", _("Random sample")


class SessionSource(models.TextChoices):
    CHECK = "check", _("Checked against the register")
    COMMISSION = "commission", _("The commission's record")
