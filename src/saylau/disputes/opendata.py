"""Open data of cases and decisions: CSV and JSON, without private complainants' names."""

from __future__ import annotations

import csv
import io
import json

from saylau.disputes.selectors import PUBLIC_FIELDS


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PUBLIC_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row[k] is None else row[k] for k in PUBLIC_FIELDS})
    return out.getvalue()


def to_json(rows: list[dict], election_slug: str) -> str:
    return json.dumps({"election": election_slug, "cases": rows}, ensure_ascii=False, indent=1)
