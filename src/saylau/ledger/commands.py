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
