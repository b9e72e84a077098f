"""Demo step: sign a checkpoint of the whole ledger and publish it (docs/ledger.md,
Checkpoints). The demo's key lives in its own data directory; a key file left
there by an earlier run whose database is gone is replaced."""

from __future__ import annotations

import os

from saylau.core.steps import DemoContext, Step, SummaryRow


def _checkpoint(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.ledger import selectors
    from saylau.ledger.publication import write
    from saylau.ledger.services import create_checkpoint, generate_key

    actor = Actor.system("demo")
    chosen = os.environ.get("SAYLAU_LEDGER_KEY")
    os.environ["SAYLAU_LEDGER_KEY"] = str(ctx.data_dir / "keys" / "ledger-signing.json")
    try:
        vkey = ""
        if not selectors.keys().filter(retired_at__isnull=True).exists():
            vkey = generate_key(actor=actor, name=f"demo.saylau/{ctx.election.slug}")
        made = create_checkpoint(actor=actor)
    finally:
        if chosen is None:
            os.environ.pop("SAYLAU_LEDGER_KEY", None)
        else:
            os.environ["SAYLAU_LEDGER_KEY"] = chosen
    counts = write(ctx.out_dir / "ledger")
    rows = [SummaryRow("ledger checkpoint (entries signed)", f"{made.size:,}", str(ctx.out_dir / "ledger")),
            SummaryRow("ledger entries published (with payload)", f"{counts['entries']:,} ({counts['public']:,})",
                       str(ctx.out_dir / "ledger" / "entries.jsonl"))]
    if vkey:
        rows.append(SummaryRow("verifier key", vkey))
    return rows


STEPS = [Step(90, "ledger checkpoint", _checkpoint)]
