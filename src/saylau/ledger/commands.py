"""``saylau ledger verify`` and ``saylau ledger head``."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("ledger", help="verify the tamper-evident ledger or print its head")
    sub = p.add_subparsers(dest="action", required=True)
    v = sub.add_parser("verify", help="check the hash chain and every object it vouches for")
    v.add_argument("--head", help="a published head hash the chain must end with")
    v.add_argument("--chain-only", action="store_true", help="skip the comparison with current objects")
    v.set_defaults(func=verify, needs_db=True)
    h = sub.add_parser("head", help="print the sequence number and hash to publish")
    h.set_defaults(func=head, needs_db=True)
    k = sub.add_parser("keygen", help="make the mission's Ed25519 key that signs checkpoints (retires the old one)")
    k.add_argument("--name", required=True, help="the signer's name, e.g. the mission's web address (no spaces)")
    k.set_defaults(func=keygen, needs_db=True)
    c = sub.add_parser("checkpoint", help="sign the Merkle root of every entry so far and store the checkpoint")
    c.add_argument("--every", type=float, metavar="SECONDS",
                   help="keep running: sign a new checkpoint whenever entries were added, checking this often")
    c.add_argument("--rounds", type=int, help="with --every: stop after this many rounds (default: run until stopped)")
    c.set_defaults(func=checkpoint, needs_db=True)
    pr = sub.add_parser("prove", help="print an inclusion proof (--entry) or a consistency proof (--from/--to) as JSON")
    pr.add_argument("--entry", type=int, help="the entry's sequence number")
    pr.add_argument("--size", type=int, help="the tree size to prove against (default: the latest checkpoint)")
    pr.add_argument("--from", dest="size1", type=int, help="the smaller tree size")
    pr.add_argument("--to", dest="size2", type=int, help="the larger tree size (default: the latest checkpoint)")
    pr.set_defaults(func=prove, needs_db=True)
    pu = sub.add_parser("publish", help="write the checkpoints, keys and public entries for independent verification")
    pu.add_argument("--out", required=True, help="directory to write into (created)")
    pu.set_defaults(func=publish, needs_db=True)


def verify(args) -> int:
    from saylau.ledger.checks import load_snapshots, verify_database

    load_snapshots()
    report = verify_database(expected_head=args.head, objects=not args.chain_only)
    print(report)
    return 0 if report.ok else 1


def head(args) -> int:
    from saylau.ledger.services import current_head

    sequence, digest = current_head()
    print(f"{sequence} {digest}")
    return 0


def keygen(args) -> int:
    from saylau.core.actors import Actor
    from saylau.ledger import signing
    from saylau.ledger.services import generate_key

    vkey = generate_key(actor=Actor.system("ledger keygen"), name=args.name)
    print(f"new signing key kept in {signing.path()} (back it up; readable by its owner only)")
    print(f"verifier key to publish: {vkey}")
    return 0


def checkpoint(args) -> int:
    import time

    from saylau.core.actors import Actor
    from saylau.ledger import selectors
    from saylau.ledger.services import create_checkpoint, current_head

    actor = Actor.system("ledger checkpoint")
    if args.every is None:
        print(create_checkpoint(actor=actor).note, end="")
        return 0
    rounds = 0
    try:
        while args.rounds is None or rounds < args.rounds:
            last = selectors.latest()
            # the entry recording the last checkpoint is not worth a checkpoint of its own
            if current_head()[0] > (last.size + 1 if last else 0):
                made = create_checkpoint(actor=actor)
                print(f"checkpoint of {made.size:,} entries, root {made.root}", flush=True)
            rounds += 1
            if args.rounds is None or rounds < args.rounds:
                time.sleep(args.every)
    except KeyboardInterrupt:
        pass
    return 0


def _latest_size() -> int:
    from saylau.core.errors import UserError
    from saylau.ledger import selectors

    last = selectors.latest()
    if last is None:
        raise UserError("no checkpoint yet: run `saylau ledger checkpoint` first")
    return last.size


def prove(args) -> int:
    import json

    from saylau.core.errors import UserError
    from saylau.ledger import selectors

    if args.entry is not None:
        size = args.size or _latest_size()
        if not 1 <= args.entry <= size:
            raise UserError(f"entry {args.entry} is not in a tree of {size} entries")
        receipt = selectors.receipt(args.entry)
        out = {"sequence": args.entry, "hash": receipt["hash"], "leaf": receipt["leaf"], "size": size,
               "inclusion": selectors.inclusion(args.entry, size)}
    elif args.size1 is not None:
        size2 = args.size2 or _latest_size()
        if not 1 <= args.size1 <= size2:
            raise UserError(f"no consistency proof from {args.size1} to {size2} entries: --from must be 1..--to")
        out = {"size1": args.size1, "size2": size2, "consistency": selectors.consistency(args.size1, size2)}
    else:
        raise UserError("say what to prove: --entry N (inclusion) or --from N [--to M] (consistency)")
    print(json.dumps(out, indent=1))
    return 0


def publish(args) -> int:
    from pathlib import Path

    from saylau.ledger.publication import write

    counts = write(Path(args.out))
    print(f"wrote {counts['checkpoints']} checkpoints, {counts['keys']} keys and {counts['entries']:,} entries "
          f"({counts['public']:,} with payload) to {args.out}")
    return 0
