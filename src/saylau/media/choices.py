"""Choice enums of the media models, named after their field.

Labels come from :mod:`saylau.media.core.codes` (English, Russian, Kazakh) and
follow the active language, so a page, the API and the statement show the
same words and there is one list to keep.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language

from saylau.media.core import codes


def _pick(label: codes.Label) -> str:
    return codes.pick(label, (get_language() or "en")[:2])


label = lazy(_pick, str)


def _choices(name: str, mapping: dict[str, codes.Label]) -> type[models.TextChoices]:
    return models.TextChoices(name, [(code.upper(), (code, label(text))) for code, text in mapping.items()])


OutletKind = _choices("OutletKind", codes.OUTLET_KINDS)
Ownership = _choices("Ownership", codes.OWNERSHIP)
Programme = _choices("Programme", codes.PROGRAMMES)
Subject = _choices("Subject", codes.SUBJECTS)
Tone = _choices("Tone", codes.TONES)
Speech = _choices("Speech", codes.SPEECH)
Language = _choices("Language", codes.LANGUAGES)
