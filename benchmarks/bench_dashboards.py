"""Every dashboard page on the full-scale demo data, on PostgreSQL: target <= 500 ms a page.

Setup (not timed): a scratch PostgreSQL database ``saylau_bench_dashboards`` on
``BENCH_PG`` (default ``postgres://postgres@127.0.0.1:5432``, dropped afterwards) and a fresh data
directory, filled by ``saylau demo --scale S`` (scale 1 by default: 9,725
stations; every pipeline of the demo runs, so the results chain, quick count,
forensics, register, media and disputes pages have their data). Timed: in a
child process with Django set up on that database, an analyst logged in with
Django's test ``Client`` requests each page once to warm it, then ``N`` times
(``BENCH_DASHBOARDS_REQUESTS``, default 5); each row gives the median and the
worst response time of one page. The median is held to the target; the worst
and the first (cold: the process's first request for that page, which fills
any per-process cache such as the statement page's) are in the note.

``BENCH_DASHBOARDS_SCALE`` sets the scale (0.1 for a quick proof that it runs),
``BENCH_DASHBOARDS_BACKEND=sqlite`` runs it on SQLite in the data directory
instead (the rows then say so). ``python -m benchmarks.bench_dashboards profile
DATA_DIR PATH`` prints a cProfile of one page on a data directory already built.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

from benchmarks.demo_child import demo_then_child

TARGET_MS = 500.0
SCALE = float(os.environ.get("BENCH_DASHBOARDS_SCALE", "1"))
REQUESTS = int(os.environ.get("BENCH_DASHBOARDS_REQUESTS", "5"))
BACKEND = os.environ.get("BENCH_DASHBOARDS_BACKEND", "postgresql")
PG_DB = "saylau_bench_dashboards"


def pages(election, station: str, metric: str) -> list[tuple[str, str]]:
    """(name, path) of every dashboard page timed, for ``election``."""
    q = f"?election={election.slug}"
    return [
        ("index", f"/dashboards/{q}"),
        ("coverage", f"/dashboards/coverage/{q}"),
        ("findings", f"/dashboards/findings/{q}"),
        ("finding detail", f"/dashboards/findings/{metric}/numerator/{q}"),
        ("incidents", f"/dashboards/incidents/{q}"),
        ("quality", f"/dashboards/quality/{q}"),
        ("results", f"/dashboards/results/{q}"),
        ("forensics", f"/dashboards/forensics/{q}"),
        ("forensics fingerprint (PNG)", f"/dashboards/forensics/fingerprint.png{q}"),
        ("quick count", f"/dashboards/quick-count/{q}"),
        ("statement", f"/dashboards/statement/{q}"),
        ("register", f"/register/{q}"),
        ("media", f"/media/{q}"),
        ("disputes", f"/disputes/{q}"),
        ("portal", f"/portal/{q}"),
        ("portal station", f"/portal/stations/{station}/{q}"),
    ]


def _setup(data_dir: str):
    """Django on the data directory (and ``DATABASE_URL``), an analyst logged in, the election,
    a published station and a finding with a numerator."""
    from saylau import db

    db.setup(data_dir)
    from django.test import Client

    from saylau.core.actors import Actor
    from saylau.results import selectors
    from saylau.web import analysis
    from saylau.web.roles import Role
    from saylau.web.services import create_user

    election = analysis.current_election(None)
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username="bench-analyst").first() or create_user(
        actor=Actor.system("benchmark"), username="bench-analyst", role=Role.ANALYST)
    client = Client()
    client.force_login(user)
    station = selectors.published_stations(election)["station_code"][0]
    return client, election, station, "voting.assessment_negative"


def child(data_dir: str) -> dict:
    client, election, station, metric = _setup(data_dir)
    out = {}
    for name, path in pages(election, station, metric):
        started = time.perf_counter()
        first = client.get(path)
        cold = 1000 * (time.perf_counter() - started)
        if first.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {first.status_code}")
        times = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            response = client.get(path)
            times.append(1000 * (time.perf_counter() - started))
            assert response.status_code == 200, path
        out[name] = {"path": path, "median": statistics.median(times), "worst": max(times),
                     "first": cold, "bytes": len(first.content)}
    from saylau.geography.models import Unit

    return {"pages": out, "stations": Unit.objects.filter(election=election, level=3).count(),
            "cores": os.cpu_count()}


def profile(data_dir: str, path: str) -> None:
    """cProfile of one request to ``path`` (after one warm-up), the 30 costliest functions."""
    import cProfile
    import pstats

    client, *_ = _setup(data_dir)
    client.get(path)
    prof = cProfile.Profile()
    prof.enable()
    client.get(path)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)


def run() -> list[dict]:
    r, setup = demo_then_child("bench_dashboards", scale=SCALE, backend=BACKEND, pg_db=PG_DB)
    backend = "PostgreSQL" if BACKEND == "postgresql" else "SQLite"
    rows = []
    for name, p in r["pages"].items():
        rows.append({
            "benchmark": "dashboards", "metric": f"{name} page, median of {REQUESTS} ({backend}, scale {SCALE:g})",
            "value": round(p["median"], 1), "unit": "ms", "target": f"<= {TARGET_MS:g} ms",
            "passed": p["median"] <= TARGET_MS,
            "note": f"worst {p['worst']:.0f} ms, first request {p['first']:.0f} ms; {p['path'].split('?')[0]}; "
                    f"{p['bytes'] / 1024:.0f} KiB; "
                    f"{r['stations']:,} stations; {r['cores']} cores; demo setup {setup:.0f} s not timed"})
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        print(json.dumps(child(sys.argv[2])))
    elif sys.argv[1:2] == ["profile"]:
        profile(sys.argv[2], sys.argv[3])
    else:
        for row in run():
            print(row)
