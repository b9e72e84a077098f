"""Shared by the page benchmarks (``bench_dashboards``, ``bench_tables``): build the
demo data in a fresh data directory (a scratch PostgreSQL database or SQLite), then
run the benchmark's ``child`` in a second process on it and read its JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import scratch

ROOT = Path(__file__).resolve().parent.parent


def _environment(backend: str, pg_db: str) -> dict[str, str]:
    if backend != "postgresql":
        return {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return {**os.environ, "DATABASE_URL": scratch.create(pg_db)}


def demo_then_child(module: str, *, scale: float, backend: str, pg_db: str) -> tuple[dict, float]:
    """``saylau demo --scale S`` (not timed), then ``python -m benchmarks.<module> child DATA``:
    its last line of output as JSON, and the seconds the demo took."""
    env = _environment(backend, pg_db)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data = f"{tmp}/data"
            started = time.perf_counter()
            demo = subprocess.run([sys.executable, "-m", "saylau", "--data-dir", data, "demo", "--scale", str(scale)],
                                  capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600)
            if demo.returncode:
                raise RuntimeError(f"demo failed:\n{demo.stderr[-3000:]}")
            setup = time.perf_counter() - started
            done = subprocess.run([sys.executable, "-m", f"benchmarks.{module}", "child", data],
                                  capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600)
            if done.returncode:
                raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
            return json.loads(done.stdout.strip().splitlines()[-1]), setup
    finally:
        if backend == "postgresql":
            scratch.drop(pg_db)
