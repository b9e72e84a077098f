"""Open data of the register audit: aggregates only (by region and district),
never a voter's record. CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path


def write(outcome, out: str | Path, slug: str) -> Path:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    outcome.duplicates_by_region.write_csv(out / "register-duplicates-by-region.csv")
    if outcome.growth_regions is not None:
        outcome.growth_regions.sort("region_code").write_csv(out / "register-growth-by-region.csv")
        outcome.growth_districts.sort("district_code").write_csv(out / "register-growth-by-district.csv")
    flags = outcome.flags.group_by("kind").len("count").sort("kind")
    flags.write_csv(out / "register-flags.csv")
    doc = {
        "election": slug,
        "records": outcome.records,
        "findings": [{"key": f.key, "numerator": f.numerator, "denominator": f.denominator, "unit": f.unit}
                     for f in outcome.findings],
        "flags": dict(flags.iter_rows()),
        "duplicates_by_region": outcome.duplicates_by_region.to_dicts(),
        "growth_by_region": [] if outcome.growth_regions is None else
        outcome.growth_regions.sort("region_code").select("region_code", "before", "now", "outlier").to_dicts(),
        "note": "aggregates only; no voter's record is published",
    }
    (out / "register-audit.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return out
