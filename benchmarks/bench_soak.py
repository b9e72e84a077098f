"""Soak: many observers and one gateway account posting at once while the
server is killed with SIGKILL twice; then a count proving that nothing
acknowledged was lost or doubled.

    make bench ONLY=soak                                # or:
    .venv/bin/python -m benchmarks.bench_soak          # prints the rows
    SAYLAU_SOAK_SECONDS=600 .venv/bin/python -m benchmarks.bench_soak

What it does:

1. a fresh PostgreSQL database ``saylau_soak`` (created here, dropped
   afterwards; ``BENCH_PG`` names the server, as for every benchmark), the kz-2011 simulation
   at scale 1 (as ``bench_observation_http``): one session per team's observer,
   and a staff account ``bench-gateway`` with a password;
2. ``saylau serve`` (granian on ``saylau.wsgi`` and its worker processes), in its
   own process group; ``OBSERVER_CONNECTIONS`` keep-alive connections post single
   submissions from observers' sessions and ``GATEWAY_CONNECTIONS`` from the one
   gateway account with HTTP Basic, for ``SAYLAU_SOAK_SECONDS`` (default 180;
   ``SAYLAU_BENCH_SCALE`` scales the simulation, default 1);
3. at one third and at two thirds of that time (``SAYLAU_SOAK_KILLS``, default 2)
   the whole process group (master and workers) is killed with SIGKILL and
   started again at once; the clients find it when it listens again;
4. each client behaves as a phone does: a request that got no answer (the
   connection reset by the kill) is sent again, with the same uuid and the
   same body, until it is answered; 201 (stored) and 200 (stored before) are
   acknowledgements, the uuid is written down;
5. afterwards, from the database: every acknowledged uuid is stored exactly
   once (lost = acknowledged but not stored), each stored submission has one
   first version and one ``observation.submission.accepted`` ledger entry
   (doubled = more than one), and ``ledger verify`` passes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid as uuidlib
from multiprocessing import Pool
from pathlib import Path

from benchmarks import scratch
from benchmarks.bench_observation_http import (
    ANSWERS,
    HOST,
    PY,
    ROOT,
    SETUP,
    THREADS,
    WORKERS,
    _free_port,
    _request,
    _response,
)

DB = "saylau_soak"
SECONDS = float(os.environ.get("SAYLAU_SOAK_SECONDS", "180"))
KILLS = int(os.environ.get("SAYLAU_SOAK_KILLS", "2"))
OBSERVER_CONNECTIONS = 24
GATEWAY_CONNECTIONS = 8
PATH = "/api/observation/submissions/"

VERIFY = r'''
import json, sys
import django
django.setup()
from saylau.ledger.checks import verify_database
from saylau.ledger.models import LedgerEntry
from saylau.observation.models import Submission, SubmissionVersion
acked = json.load(open(sys.argv[1]))
api = Submission.objects.filter(channel="api")
stored = {str(u) for u in api.values_list("uuid", flat=True)}
ids = list(api.values_list("id", flat=True))
versions = SubmissionVersion.objects.filter(submission_id__in=ids, version=1).count()
entries = LedgerEntry.objects.filter(object_type="observation.submission", event="observation.submission.accepted",
                                     object_id__in=[str(i) for i in ids]).count()
report = verify_database()
print(json.dumps({"acked": len(acked), "stored": len(stored), "lost": len(set(acked) - stored),
                  "unacknowledged_stored": len(stored - set(acked)), "versions": versions, "entries": entries,
                  "ledger_ok": bool(report.ok)}))
'''


def _start(env: dict, port: int) -> subprocess.Popen:
    """``saylau serve`` in a process group of its own (so that one SIGKILL reaches the
    main process and its workers); its output (the access log) to ``server.log``."""
    import socket

    log = open(Path(env["SAYLAU_DATA_DIR"]) / "server.log", "a")  # noqa: SIM115 (closed with the process)
    server = subprocess.Popen(
        [PY, "-m", "saylau", "--data-dir", env["SAYLAU_DATA_DIR"], "serve", "--bind", f"{HOST}:{port}",
         "--workers", str(WORKERS), "--threads", str(THREADS)],
        env=env, cwd=ROOT, start_new_session=True, stdout=log, stderr=log)
    for _ in range(600):
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server


def _kill(server: subprocess.Popen) -> None:
    """SIGKILL to the master and its workers; returns once none is left (a dying
    worker still holds the listening socket)."""
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=30)
    for _ in range(400):
        try:
            os.killpg(server.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def _load(args: tuple) -> dict:
    """One load-generator process: its connections post until the deadline; a
    request without an answer is sent again as it was."""
    import asyncio

    port, clients, extra, connections, seconds, seed = args
    acked: dict[str, int] = {}
    stats = {"retries": 0, "refused": 0}
    timeline: dict[int, int] = {}  # acknowledgements per second since the start
    begun = time.perf_counter()
    counter = [seed]

    def job(client: dict) -> tuple[str, bytes]:
        counter[0] += 1
        stations = client.get("stations") or extra["stations"]
        key = str(uuidlib.uuid4())
        body = json.dumps({"uuid": key, "form": "voting",
                           "answers": {**ANSWERS, "station_code": stations[counter[0] % len(stations)]}}).encode()
        return key, _request(PATH, body, client, port)

    async def connection(client: dict, deadline: float) -> None:
        reader = writer = None
        pending = None
        while time.perf_counter() < deadline:
            pending = pending or job(client)
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(HOST, port)
                writer.write(pending[1])
                await writer.drain()
                code, _ = await asyncio.wait_for(_response(reader, False), 60)
            except (TimeoutError, OSError, ConnectionError, asyncio.IncompleteReadError, ValueError,
                    IndexError) as error:
                stats["retries"] += 1
                if os.environ.get("SAYLAU_SOAK_DEBUG"):
                    print(f"{time.perf_counter() - begun:.1f}s {type(error).__name__}: {error}", file=sys.stderr)
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.25)
                continue  # the same uuid and body again, as a phone does
            if code in (200, 201):
                acked[pending[0]] = code
                second = int(time.perf_counter() - begun)
                timeline[second] = timeline.get(second, 0) + 1
            else:
                stats["refused"] += 1
                stats[str(code)] = stats.get(str(code), 0) + 1
            pending = None
        if writer is not None:
            writer.close()

    async def main() -> None:
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*(connection(clients[i % len(clients)], deadline) for i in range(connections)))

    asyncio.run(main())
    return {"acked": acked, "stats": stats, "timeline": timeline}


def run() -> list[dict]:
    env = {**os.environ, "DATABASE_URL": scratch.create(DB),
           "DJANGO_SETTINGS_MODULE": "saylau.settings", "SAYLAU_LOG_LEVEL": "CRITICAL",
           "SAYLAU_SECRET_KEY": "soak-" + uuidlib.uuid4().hex}  # the sessions made in SETUP verify in the server
    work = Path(tempfile.mkdtemp(prefix="saylau-soak-"))
    env["SAYLAU_DATA_DIR"] = str(work)
    server = None
    try:
        subprocess.run([PY, "-c", SETUP, str(work / "clients.json")], env=env, check=True, cwd=ROOT)
        setup = json.loads((work / "clients.json").read_text())
        extra = {"stations": setup["stations"]}
        observers = setup["clients"]
        gateway = [{"user": "bench-gateway"}]
        port = _free_port()
        server = _start(env, port)
        started = time.perf_counter()
        with Pool(3) as pool:
            parts = pool.map_async(_load, [
                (port, observers[0::2], extra, OBSERVER_CONNECTIONS // 2, SECONDS, 0),
                (port, observers[1::2], extra, OBSERVER_CONNECTIONS // 2, SECONDS, 1_000_003),
                (port, gateway, extra, GATEWAY_CONNECTIONS, SECONDS, 2_000_003)])
            downtime = []
            for k in range(1, KILLS + 1):
                time.sleep(max(0.0, started + k * SECONDS / (KILLS + 1) - time.perf_counter()))
                down = time.perf_counter()
                _kill(server)
                server = _start(env, port)
                downtime.append(time.perf_counter() - down)
            results = parts.get(timeout=SECONDS + 600)
        server.terminate()
        server.wait(timeout=60)
        server = None
        acked = {k: v for part in results for k, v in part["acked"].items()}
        (work / "acked.json").write_text(json.dumps(sorted(acked)))
        out = subprocess.run([PY, "-c", VERIFY, str(work / "acked.json")], env=env, check=True, cwd=ROOT,
                             capture_output=True, text=True)
        count = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        if server is not None:
            _kill(server)
        scratch.drop(DB)
    retries = sum(p["stats"]["retries"] for p in results)
    refused = {k: sum(p["stats"].get(k, 0) for p in results) for k in {k for p in results for k in p["stats"]}
               if k not in ("retries", "refused")}
    by_gateway = len(results[2]["acked"])
    buckets = [0] * (int(SECONDS) // 10 + 1)
    for part in results:
        for second, n in part["timeline"].items():
            buckets[min(second // 10, len(buckets) - 1)] += n
    timeline = ", ".join(f"{b / 10:.0f}" for b in buckets)
    doubled = max(0, count["versions"] - count["stored"]) + max(0, count["entries"] - count["stored"])
    note = (f"{SECONDS:.0f} s, {OBSERVER_CONNECTIONS} observers' connections ({len(observers)} observers) and "
            f"{GATEWAY_CONNECTIONS} of one gateway account (Basic), saylau serve (granian, {WORKERS}x{THREADS}) killed with "
            f"SIGKILL {KILLS} times (listening again after {', '.join(f'{d:.1f}' for d in downtime)} s); "
            f"{os.cpu_count()} cores shared")
    return [
        {"benchmark": "soak", "metric": "acknowledged submissions lost", "value": count["lost"], "unit": "",
         "target": "0", "passed": count["lost"] == 0,
         "note": f"{count['acked']:,} acknowledged ({by_gateway:,} by the gateway account), {count['stored']:,} "
                 f"stored; {retries:,} requests sent again after a kill; refused: {refused or 'none'}; "
                 f"acknowledged a second, per 10 s: {timeline}; {note}"},
        {"benchmark": "soak", "metric": "submissions doubled", "value": doubled, "unit": "", "target": "0",
         "passed": doubled == 0 and count["versions"] == count["entries"] == count["stored"],
         "note": f"{count['stored']:,} stored, {count['versions']:,} first versions, {count['entries']:,} ledger "
                 f"entries 'accepted'; stored but never acknowledged (the client stopped before an answer): "
                 f"{count['unacknowledged_stored']}"},
        {"benchmark": "soak", "metric": "ledger verify after the kills", "value": int(count["ledger_ok"]), "unit": "",
         "target": "1", "passed": count["ledger_ok"], "note": "saylau.ledger.checks.verify_database"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
