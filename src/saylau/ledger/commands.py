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


def _load_snapshots() -> None:
    """Import every installed package's ``ledger_snapshots`` module and register what it
    declares: ``SNAPSHOTS`` and ``TEXT_SNAPSHOTS`` (object type -> function), as
    :func:`saylau.ledger.checks.register_snapshot` and ``register_text_snapshot``
    take them. (A module may also call those itself when imported.)"""
    from django.apps import apps

    from saylau.core import plugins
    from saylau.ledger import checks

    for module in plugins.submodules("ledger_snapshots",
                                     [c.name for c in apps.get_app_configs() if c.name.startswith("saylau.")]):
        for object_type, function in getattr(module, "SNAPSHOTS", {}).items():
            checks.register_snapshot(object_type, function)
        for object_type, function in getattr(module, "TEXT_SNAPSHOTS", {}).items():
            checks.register_text_snapshot(object_type, function)


def verify(args) -> int:
    from saylau.ledger.checks import verify_database

    _load_snapshots()
    report = verify_database(expected_head=args.head, objects=not args.chain_only)
    print(report)
    return 0 if report.ok else 1


def head(args) -> int:
    from saylau.ledger.services import current_head

    sequence, digest = current_head()
    print(f"{sequence} {digest}")
    return 0
