"""The findings table as ``saylau findings`` prints it."""

from __future__ import annotations

import math

from saylau.geography.models import Election
from saylau.observation.core.findings import Finding, evaluate_all
from saylau.observation.selectors import submissions_frame


def _interval(f: Finding) -> str:
    if math.isnan(f.low):
        return "-"
    return f"{100 * f.low:.1f}-{100 * f.high:.1f}%"


def findings_table(election: Election, *, by: str | None = None, lang: str = "en") -> str:
    """Metric, group, unit, numerator, denominator, share, Wilson 95% interval and sentence."""
    findings = evaluate_all(submissions_frame(election), by=by)
    header = ("metric", by or "", "unit", "n", "of", "share", "95% CI", "sentence")
    rows = []
    for f in findings:
        share = "-" if f.metric.kind == "total" or not f.denominator else f"{100 * f.share:.1f}%"
        rows.append((f.metric.id, str(f.group[1]) if f.group else "", f.unit, f"{f.numerator:,}",
                     f"{f.denominator:,}" if f.metric.kind != "total" else "-", share, _interval(f),
                     f.sentence(lang)))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(7)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header[:7], widths, strict=True)) + "  " + header[7]]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r[:7], widths, strict=True)) + "  " + r[7] for r in rows]
    return "\n".join(lines)
