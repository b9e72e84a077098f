"""``saylau serve``: gunicorn on ``saylau.wsgi`` after migrations and collectstatic.

    from saylau.web.serve import serve
    serve("demo-data", bind="127.0.0.1:8000", workers=2)   # blocks until stopped

``serve`` points Django at the data directory, applies pending migrations,
collects static files into ``<data dir>/static`` (WhiteNoise serves them),
makes sure a secret key exists (``SAYLAU_SECRET_KEY``, else one generated once
and kept in ``<data dir>/secret-key`` with mode 0600, so sessions survive a
restart and no deployment runs on the development key), then runs gunicorn
in this process: a master and ``workers`` forked workers (the app is loaded
once, before the fork). Stop it with Ctrl-C or SIGTERM.

Defaults and trade-offs: ``127.0.0.1:8000`` so that nothing is exposed by
accident (put a TLS proxy in front and set ``SAYLAU_HTTPS=1`` and
``SAYLAU_ALLOWED_HOSTS`` for a real deployment); 2 workers, enough for a
mission's core team on SQLite, whose single writer limits what more workers
would add (use PostgreSQL via ``DATABASE_URL`` beyond that); workers are
recycled after about 2,000 requests. Each worker runs ``threads`` threads
(gunicorn's ``gthread``): a thread waiting on the database costs no CPU, and
concurrent single submissions of one worker share a transaction (the group
commit of :class:`saylau.db.GroupCommit`).
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
#: request headers that carry credentials, should an access-log format name them
SECRET_HEADERS = ("{authorization}i", "{cookie}i", "{x-csrftoken}i", "{proxy-authorization}i")


def redact(text: str) -> str:
    """``text`` with every secret a URL may carry replaced by ``[redacted]``."""
    return SECRET_IN_URL.sub(lambda m: m.group(1) + REDACTED, text)


def access_logger_class():
    """gunicorn's logger, with tokens kept out of the access log: the request line, path,
    query, referer (the page after a token login names the link) and every other value
    are redacted (:func:`redact`); credential headers are never written."""
    from gunicorn.glogging import Logger

    class RedactingLogger(Logger):
        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for key, value in atoms.items():
                if key.lower() in SECRET_HEADERS:
                    atoms[key] = REDACTED
                elif isinstance(value, str) and ("/accounts/token/" in value or "/key/" in value):
                    atoms[key] = redact(value)
            return atoms

    return RedactingLogger


def gunicorn_options(bind: str, workers: int, threads: int = DEFAULT_THREADS) -> dict:
    return {
        "bind": bind,
        "workers": max(1, int(workers)),
        "worker_class": "gthread",
        "threads": max(1, int(threads)),
        "preload_app": True,
        "timeout": 60,
        "graceful_timeout": 20,
        "max_requests": 2000,
        "max_requests_jitter": 200,
        "accesslog": "-",
        "logger_class": access_logger_class(),  # login and device tokens never in the access log
        "errorlog": "-",
        "forwarded_allow_ips": "127.0.0.1",
        "proc_name": "saylau",
    }


def serve(data_dir: str | os.PathLike | None = None, bind: str = DEFAULT_BIND,
          workers: int = DEFAULT_WORKERS, threads: int = DEFAULT_THREADS) -> None:
    """Prepare the data directory and run gunicorn until it is stopped."""
    from gunicorn.app.base import BaseApplication

    prepare(data_dir)
    host = bind.rsplit(":", 1)[0]
    if host not in ("127.0.0.1", "localhost", "[::1]") and os.environ.get("SAYLAU_HTTPS") != "1":
        logger.warning("serving on %s without SAYLAU_HTTPS=1: put a TLS proxy in front", bind)

    from saylau.wsgi import application

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in gunicorn_options(bind, workers, threads).items():
                self.cfg.set(key, value)

        def load(self):
            return application

    Server().run()
