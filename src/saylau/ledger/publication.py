"""What anyone needs to check the ledger without saylau (docs/ledger.md):

- ``keys.txt``: the verifier keys, one a line, oldest first;
- ``checkpoints/<size>.txt``: every signed checkpoint;
- ``entries.jsonl``: every entry in order, ``sequence``, ``previous_hash``,
  ``hash``, and for public object types the ``payload`` whose hash it is.
"""

from __future__ import annotations

import json
from pathlib import Path

from saylau.ledger import selectors


def write(out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    keys = [k.verifier_key for k in selectors.keys()]
    (out / "keys.txt").write_text("".join(k + "\n" for k in keys))
    folder = out / "checkpoints"
    folder.mkdir(exist_ok=True)
    made = list(selectors.checkpoints())
    for c in made:
        (folder / f"{c.size:012d}-{c.pk}.txt").write_text(c.note)
    entries = public = 0
    with (out / "entries.jsonl").open("w", encoding="utf-8") as handle:
        for item in selectors.published_entries():
            handle.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")
            entries += 1
            public += "payload" in item
    return {"keys": len(keys), "checkpoints": len(made), "entries": entries, "public": public}
