"""Demo step: sign a checkpoint of the whole ledger, publish it, and check it with
the independent verifier's rules (docs/ledger.md, Checkpoints)."""

from __future__ import annotations

import os

from saylau.core.steps import DemoContext, Step, SummaryRow


def _checkpoint(ctx: DemoContext) -> list[SummaryRow]:
    from saylau.core.actors import Actor
    from saylau.ledger import signing
    from saylau.ledger.publication import write
    from saylau.ledger.services import create_checkpoint, generate_key

    actor = Actor.system("demo")
    os.environ.setdefault("SAYLAU_LEDGER_KEY", str(ctx.data_dir / "keys" / "ledger-signing.json"))
    vkey = generate_key(actor=actor, name=f"demo.saylau/{ctx.election.slug}") if not signing.path().exists() else ""
    made = create_checkpoint(actor=actor)
    counts = write(ctx.out_dir / "ledger")
    rows = [SummaryRow("ledger checkpoint (entries signed)", f"{made.size:,}", str(ctx.out_dir / "ledger")),
            SummaryRow("ledger entries published (with payload)", f"{counts['entries']:,} ({counts['public']:,})",
                       str(ctx.out_dir / "ledger" / "entries.jsonl"))]
    if vkey:
        rows.append(SummaryRow("verifier key", vkey))
    return rows


STEPS = [Step(90, "ledger checkpoint", _checkpoint)]
