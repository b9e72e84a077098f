"""The back office's tables on the demo data, on PostgreSQL: a page <= 500 ms,
a whole export (every row, CSV and XLSX) <= 10 s.

Setup (not timed): a scratch PostgreSQL database ``saylau_bench_tables`` on
``BENCH_PG`` (default ``postgres://postgres@127.0.0.1:5432``, dropped afterwards) and a fresh data
directory filled by ``saylau demo --scale S`` (scale 1 by default: 9,725
stations). Timed, in a child process with Django set up on that database and
an analyst logged in (Django's test ``Client``, as ``bench_dashboards``): each
table's first page sorted by one column and filtered (median of ``N`` requests
after one warm-up, ``BENCH_TABLES_REQUESTS``, default 5), then the whole
table exported once as CSV (the streamed body read to its end) and once as
XLSX; each export row says how many rows it wrote.

``BENCH_TABLES_SCALE`` sets the scale (0.05 for a quick proof that it runs),
``BENCH_TABLES_BACKEND=sqlite`` runs on SQLite in the data directory instead.
"""

from __future__ import annotations

import csv
import io
import json
import os
import statistics
import sys
import time

from benchmarks.demo_child import demo_then_child

PAGE_MS = 500.0
EXPORT_S = 10.0
SCALE = float(os.environ.get("BENCH_TABLES_SCALE", "1"))
REQUESTS = int(os.environ.get("BENCH_TABLES_REQUESTS", "5"))
BACKEND = os.environ.get("BENCH_TABLES_BACKEND", "postgresql")
PG_DB = "saylau_bench_tables"

#: (table, a sorted and filtered first page's query)
TABLES = [
    ("submissions", "sort=-received&status=new&status=flagged"),
    ("incidents", "sort=-submitted"),
    ("quality-flags", "sort=rule&open=true"),
    ("protocols", "sort=-valid&source=official"),
    ("discrepancies", "sort=-difference"),
    ("stations", "sort=-registered&observed=false"),
]


def child(data_dir: str) -> dict:
    from benchmarks.bench_dashboards import _setup

    client, election, _station, _metric = _setup(data_dir)
    out: dict = {}
    for table, query in TABLES:
        path = f"/tables/{table}/?election={election.slug}&{query}"
        first = client.get(path)
        if first.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {first.status_code}")
        times = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            client.get(path)
            times.append(1000 * (time.perf_counter() - started))
        exports = {}
        for fmt in ("csv", "xlsx"):
            started = time.perf_counter()
            response = client.get(f"/tables/{table}/?election={election.slug}&export={fmt}")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            seconds = time.perf_counter() - started
            rows = len(list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))) - 1 if fmt == "csv" else None
            exports[fmt] = {"seconds": seconds, "bytes": len(body), "rows": rows}
        out[table] = {"median": statistics.median(times), "worst": max(times), "exports": exports}
    return {"tables": out, "cores": os.cpu_count()}


def run() -> list[dict]:
    r, setup = demo_then_child("bench_tables", scale=SCALE, backend=BACKEND, pg_db=PG_DB)
    backend = "PostgreSQL" if BACKEND == "postgresql" else "SQLite"
    where = f"{backend}, scale {SCALE:g}"
    rows = []
    for table, t in r["tables"].items():
        rows.append({"benchmark": "tables", "metric": f"{table}: first page sorted and filtered, median of "
                     f"{REQUESTS} ({where})", "value": round(t["median"], 1), "unit": "ms",
                     "target": f"<= {PAGE_MS:g} ms", "passed": t["median"] <= PAGE_MS,
                     "note": f"worst {t['worst']:.0f} ms; {r['cores']} cores; demo setup {setup:.0f} s not timed"})
        for fmt, e in t["exports"].items():
            size = f"{e['rows']:,} rows, " if e["rows"] is not None else ""
            rows.append({"benchmark": "tables", "metric": f"{table}: whole table as {fmt.upper()} ({where})",
                         "value": round(e["seconds"], 2), "unit": "s", "target": f"<= {EXPORT_S:g} s",
                         "passed": e["seconds"] <= EXPORT_S,
                         "note": f"{size}{e['bytes'] / 1024:.0f} KiB; {r['cores']} cores"})
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        print(json.dumps(child(sys.argv[2])))
    else:
        for row in run():
            print(row)
