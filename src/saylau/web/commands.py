"""``saylau users create|token|list`` and ``saylau serve``."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    users = subparsers.add_parser("users", help="accounts: create users with a role, issue login links")
    sub = users.add_subparsers(dest="action", required=True)

    create = sub.add_parser("create", help="create a user with a role")
    create.add_argument("username")
    create.add_argument("--role", required=True,
                        choices=["administrator", "analyst", "coordinator", "observer", "data_clerk"])
    create.add_argument("--email", default="")
    create.add_argument("--first-name", default="")
    create.add_argument("--last-name", default="")
    create.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input (default: none; log in with a token)")
    create.add_argument("--observer", default="", metavar="CODE",
                        help="link the mission observer with this code (latest election unless --election)")
    create.add_argument("--election", default="", help="election slug for --observer")
    create.set_defaults(func=create_user, needs_db=True, creates_data=True)

    token = sub.add_parser("token", help="print a one-time login URL and write its QR code (SVG)")
    token.add_argument("username")
    token.add_argument("--base-url", default="http://127.0.0.1:8000",
                       help="the address observers reach the server at (default %(default)s)")
    token.add_argument("--hours", type=float, default=72, help="validity in hours (default %(default)s)")
    token.add_argument("--qr", default="", metavar="PATH",
                       help="where to write the QR code (default <data dir>/login-qr/USERNAME.svg)")
    token.set_defaults(func=issue_token, needs_db=True)

    odk = sub.add_parser("odk", help="print the ODK Collect server URL with the user's device token, "
                                     "and write the QR code that configures Collect (SVG)")
    odk.add_argument("username")
    odk.add_argument("--base-url", default="http://127.0.0.1:8000",
                     help="the address phones reach the server at (default %(default)s)")
    odk.add_argument("--qr", default="", metavar="PATH",
                     help="where to write the QR code (default <data dir>/odk-qr/USERNAME.svg)")
    odk.set_defaults(func=issue_odk, needs_db=True)

    listing = sub.add_parser("list", help="list users and their roles")
    listing.set_defaults(func=list_users, needs_db=True)

    serve = subparsers.add_parser("serve", help="run the web application (granian)")
    serve.add_argument("--bind", default="127.0.0.1:8000", help="host:port (default %(default)s)")
    serve.add_argument("--workers", type=int, default=2, help="worker processes (default %(default)s)")
    serve.add_argument("--threads", type=int, default=16, help="threads per worker (default %(default)s)")
    serve.add_argument("--access-log", action="store_true",
                       help="log every request to standard output, tokens redacted (default: off; the TLS proxy "
                            "in front logs requests)")
    serve.set_defaults(func=run_server, needs_db=False)


def create_user(args) -> int:
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from saylau.core.actors import Actor
    from saylau.web import services

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    actor = Actor.system("cli")
    try:
        with transaction.atomic():
            user = services.create_user(actor=actor, username=args.username, role=args.role, email=args.email,
                                        password=password, first_name=args.first_name, last_name=args.last_name)
            if args.observer:
                services.link_observer(actor=actor, user=user, observer=_observer(args.observer, args.election))
    except (ValidationError, LookupError) as error:
        print(f"cannot create user {args.username!r}: {_message(error)}", file=sys.stderr)
        return 2
    print(f"created {args.role} {user.get_username()!r}" + (f", observer {args.observer}" if args.observer else ""))
    return 0


def _observer(code: str, election_slug: str):
    from saylau.observation.models import Observer

    qs = Observer.objects.filter(code=code).select_related("election").order_by("-election__date", "-election_id")
    if election_slug:
        qs = qs.filter(election__slug=election_slug)
    observer = qs.first()
    if observer is None:
        raise LookupError(f"no observer with code {code!r}")
    return observer


def _message(error) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return str(error.args[0] if error.args else error)


def issue_token(args) -> int:
    import datetime as dt
    import os
    from pathlib import Path

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from saylau.core.actors import Actor
    from saylau.web import services
    from saylau.web.qr import write_svg

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        print(f"no user {args.username!r}: create it first with `saylau users create {args.username} --role ROLE`",
              file=sys.stderr)
        return 2
    try:
        _, raw = services.issue_login_token(actor=Actor.system("cli"), user=user,
                                            lifetime=dt.timedelta(hours=args.hours))
    except ValidationError as error:
        print(f"cannot issue a token: {_message(error)}", file=sys.stderr)
        return 2
    url = services.login_url(args.base_url, raw)
    path = Path(args.qr) if args.qr else Path(settings.DATA_DIR) / "login-qr" / f"{user.get_username()}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_svg(url, path)
    os.chmod(path, 0o600)
    print(url)
    print(f"QR code: {path} (valid {args.hours:g} h, works once)")
    return 0


def issue_odk(args) -> int:
    """The user's ODK Collect URL (a device token: valid until the password changes) and its QR code."""
    import os
    from pathlib import Path

    import segno
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from saylau.observation.selectors import odk_collect

    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        print(f"no user {args.username!r}: create it first with `saylau users create`", file=sys.stderr)
        return 2
    url, settings_text = odk_collect(args.base_url, user)
    path = Path(args.qr) if args.qr else Path(settings.DATA_DIR) / "odk-qr" / f"{user.get_username()}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    segno.make_qr(settings_text, error="m").save(str(path), kind="svg", scale=6, border=4)
    os.chmod(path, 0o600)
    print(url)
    print(f"QR code for ODK Collect (Configure with QR code): {path}; valid until {user.get_username()}'s "
          "password changes or the account is disabled")
    return 0


def list_users(args) -> int:
    from django.contrib.auth import get_user_model

    from saylau.web.roles import user_role

    users = get_user_model().objects.order_by("username").prefetch_related("groups")
    for user in users:
        state = "" if user.is_active else " (inactive)"
        print(f"{user.get_username():24} {user_role(user)}{state}")
    if not users:
        print("no users yet: `saylau users create USERNAME --role ROLE` creates one", file=sys.stderr)
    return 0


def run_server(args) -> int:
    from saylau.web.serve import parse_bind, serve

    try:
        parse_bind(args.bind)
    except ValueError as error:
        print(f"saylau serve: {error}", file=sys.stderr)
        return 2
    print(f"saylau serve: http://{args.bind}/ with {args.workers} worker(s) of {args.threads} threads; "
          "Ctrl-C stops it", flush=True)
    serve(args.data_dir, bind=args.bind, workers=args.workers, threads=args.threads, access_log=args.access_log)
    return 0
