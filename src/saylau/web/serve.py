"""``saylau serve``: granian on ``saylau.wsgi`` after migrations and collectstatic.

    from saylau.web.serve import serve
    serve("demo-data", bind="127.0.0.1:8000", workers=2)   # blocks until stopped

``serve`` points Django at the data directory, applies pending migrations,
collects static files into ``<data dir>/static`` (WhiteNoise serves them),
makes sure a secret key exists (``SAYLAU_SECRET_KEY``, else one generated once
and kept in ``<data dir>/secret-key`` with mode 0600, so sessions survive a
restart and no deployment runs on the development key), then runs granian's
WSGI server in this process: a main process and ``workers`` worker processes
(started afresh, not forked, see :func:`serve`; a worker that dies is started
again). Stop it with Ctrl-C or SIGTERM.

Why granian: its HTTP handling (parsing, keep-alive, chunked bodies, writing
responses) is compiled Rust that does not hold Python's GIL, so a worker's
Python time goes to the application. Measured against gunicorn's threaded
workers on the same code, interleaved on the same machine, it answered more
single submissions and clearly more OpenRosa pairs a second
(docs/observation.md, "Measured").

Defaults and trade-offs: ``127.0.0.1:8000`` so that nothing is exposed by
accident (put a TLS proxy in front and set ``SAYLAU_HTTPS=1`` and
``SAYLAU_ALLOWED_HOSTS`` for a real deployment); 2 workers, enough for a
mission's core team on SQLite, whose single writer limits what more workers
would add (use PostgreSQL via ``DATABASE_URL`` beyond that). Each worker runs
the application in ``threads`` threads (granian's blocking threads): a thread
waiting on the database costs no CPU, and concurrent single submissions of one
worker share a transaction (the group commit of :class:`saylau.db.GroupCommit`).
With ``access_log`` (``saylau serve --access-log``) each request is logged to
standard output with every secret a URL may carry redacted
(:class:`RedactSecrets`); it is off by default, as gunicorn's and granian's
own are: the TLS proxy a deployment puts in front logs every request anyway,
and the server's own log line costs about a twelfth of a single submission's
server CPU (docs/observation.md).
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from pathlib import Path

from saylau.core import datadir

logger = logging.getLogger(__name__)
DEFAULT_BIND = "127.0.0.1:8000"
DEFAULT_WORKERS = 2
DEFAULT_THREADS = 16


def ensure_secret_key(data_dir: Path) -> None:
    """Set ``SAYLAU_SECRET_KEY`` from the environment or ``<data dir>/secret-key``."""
    if os.environ.get("SAYLAU_SECRET_KEY"):
        return
    path = data_dir / "secret-key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    os.environ["SAYLAU_SECRET_KEY"] = path.read_text().strip()


def prepare(data_dir: str | os.PathLike | None) -> Path:
    """Everything before the server starts; returns the data directory."""
    path = datadir.ensure(datadir.resolve(data_dir))
    os.environ[datadir.ENV_VAR] = str(path)
    ensure_secret_key(path)
    from django.conf import settings

    if settings.configured:  # Django was set up before (``saylau demo --serve``): use the key now
        settings.SECRET_KEY = os.environ["SAYLAU_SECRET_KEY"]
    from saylau import db

    db.setup(str(path))
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    return path


#: secrets that travel in a URL: one-time login links (``/accounts/token/<token>/``) and the
#: device tokens of ODK clients' server URLs (``/key/<token>/openrosa/...``)
SECRET_IN_URL = re.compile(r"(/accounts/token/|/key/)[^/?#\s\"]+")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    """``text`` with every secret a URL may carry replaced by ``[redacted]``."""
    return SECRET_IN_URL.sub(lambda m: m.group(1) + REDACTED, text)


#: one access-log line: who, when, the request line (path and query), status, time taken,
#: referer and user agent; no credential header is named
ACCESS_LOG_FORMAT = ('%(addr)s - [%(time)s] "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).1fms '
                     '"%(header{referer})s" "%(header{user-agent})s"')


class RedactSecrets(logging.Filter):
    """A filter for the access log (granian's logger ``granian.access``): the query
    string joins the path, and every value is redacted (:func:`redact`), so login
    and device tokens never reach the log, not even as the referer of the page
    after a token login."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, dict):
            values = dict(record.args)
            if values.get("query_string"):
                values["path"] = f"{values.get('path', '')}?{values['query_string']}"
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in values.items()}
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def logging_config() -> dict:
    """granian's logging, with :class:`RedactSecrets` on the access log."""
    return {
        "filters": {"redact": {"()": "saylau.web.serve.RedactSecrets"}},
        "handlers": {
            "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
            "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                       "filters": ["redact"]},
        },
    }


def parse_bind(bind: str) -> tuple[str, int]:
    """``host:port`` (an IPv6 host in brackets) as ``(host, port)``; ValueError otherwise."""
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"--bind: expected host:port (say 127.0.0.1:8000), got {bind!r}")
    return host.strip("[]"), int(port)


def server(bind: str, workers: int = DEFAULT_WORKERS, threads: int = DEFAULT_THREADS, access_log: bool = False):
    """The granian server ``saylau serve`` runs (not started)."""
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces

    host, port = parse_bind(bind)
    return Granian(
        "saylau.wsgi:application", address=host, port=port, interface=Interfaces.WSGI,
        http=HTTPModes.http1, websockets=False, workers=max(1, int(workers)),
        blocking_threads=max(1, int(threads)), respawn_failed_workers=True,
        log_access=access_log, log_access_format=ACCESS_LOG_FORMAT, log_dictconfig=logging_config(),
    )


def serve(data_dir: str | os.PathLike | None = None, bind: str = DEFAULT_BIND,
          workers: int = DEFAULT_WORKERS, threads: int = DEFAULT_THREADS, access_log: bool = False) -> None:
    """Prepare the data directory and run granian until it is stopped."""
    host, _ = parse_bind(bind)  # before anything is prepared
    prepare(data_dir)
    if host not in ("127.0.0.1", "localhost", "::1") and os.environ.get("SAYLAU_HTTPS") != "1":
        logger.warning("serving on %s without SAYLAU_HTTPS=1: put a TLS proxy in front", bind)
    import multiprocessing

    from django.db import connections

    connections.close_all()
    # fresh worker processes, not forks of this one: a fork inherits the state of this process's
    # thread pools (Polars', after ``saylau demo --serve`` has computed with it) without their
    # threads, and the first page to use it would wait for ever; and it would share connections
    multiprocessing.set_start_method("spawn", force=True)
    server(bind, workers, threads, access_log).serve()
