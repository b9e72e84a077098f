"""Choice enums of the register audit's models; labels from
:mod:`saylau.registry.core.labels` (English, Russian, Kazakh), following the
active language."""

from __future__ import annotations

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language

from saylau.registry.core import labels


def _pick(label: labels.Label) -> str:
    return labels.pick(label, (get_language() or "en")[:2])


label = lazy(_pick, str)


def _choices(name: str, mapping: dict[str, labels.Label]) -> type[models.TextChoices]:
    return models.TextChoices(name, [(code.upper(), (code, label(text))) for code, text in mapping.items()])


PairStatus = _choices("PairStatus", labels.PAIR_STATUS)
PairSource = _choices("PairSource", labels.PAIR_SOURCE)
FlagKind = _choices("FlagKind", labels.FLAG_KIND)
DecisionReason = _choices("DecisionReason", labels.DECISION_REASON)
