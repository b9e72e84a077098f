"""The register's files in the data directory: ``<data dir>/registry/``.

A snapshot is one Parquet file (``snapshots/<name>.parquet``); the stations
(code, district, region, kind), the deaths list and the adult population are
Parquet files beside them; the last deduplication's pairs are
``pairs/<name>.parquet``. Every file is written to a temporary name and
renamed, so a file is whole or absent: nothing is half-written. The register
is personal data: these files stay in the data directory and are never
served; pages and open data show aggregates only.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import polars as pl

from saylau.core.errors import UserError

NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


def root(data_dir: Path) -> Path:
    return Path(data_dir) / "registry"


def _write(frame: pl.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.write_parquet(tmp, compression="zstd")
    os.replace(tmp, path)
    return path


def write_sheet(data_dir: Path, name: str, frame: pl.DataFrame) -> Path:
    """A field team's sheet as CSV (UTF-8 with a byte-order mark, for spreadsheets) in
    ``<data dir>/registry/field/``: written whole or not at all. Personal data: never public."""
    path = root(data_dir) / "field" / f"{check_name(name)}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(b"\xef\xbb\xbf" + frame.write_csv().encode("utf-8"))
    os.replace(tmp, path)
    return path


def check_name(name: str) -> str:
    if not NAME.match(name or ""):
        raise UserError(f"snapshot name {name!r}: expected letters, digits, '-', '_' or '.' (at most 64)")
    return name


def snapshot_path(data_dir: Path, name: str) -> Path:
    return root(data_dir) / "snapshots" / f"{check_name(name)}.parquet"


def write_snapshot(data_dir: Path, name: str, frame: pl.DataFrame) -> Path:
    return _write(frame, snapshot_path(data_dir, name))


def snapshots(data_dir: Path) -> list[str]:
    folder = root(data_dir) / "snapshots"
    return sorted(p.stem for p in folder.glob("*.parquet")) if folder.is_dir() else []


def read_snapshot(data_dir: Path, name: str | None = None, *,
                  columns: list[str] | None = None) -> tuple[str, pl.DataFrame]:
    """A snapshot by name, or the latest (by name) when None; says what to run first when there is none.
    ``columns``: only these (the previous snapshot's growth check needs the stations alone: at
    9.1 million voters the whole snapshot is about 2.5 GB more in memory)."""
    names = snapshots(data_dir)
    if not names:
        raise UserError("no register yet: run `saylau register import FILE --snapshot NAME` "
                        "or `saylau register simulate`")
    if name is None:
        name = meta(data_dir).get("current") or names[-1]
    if name not in names:
        raise UserError(f"no register snapshot {name!r}; there are: {', '.join(names)}")
    return name, pl.read_parquet(snapshot_path(data_dir, name), columns=columns)


def write_table(data_dir: Path, kind: str, frame: pl.DataFrame) -> Path:
    return _write(frame, root(data_dir) / f"{kind}.parquet")


def read_table(data_dir: Path, kind: str, *, needed_for: str = "") -> pl.DataFrame:
    path = root(data_dir) / f"{kind}.parquet"
    if not path.exists():
        hint = {"stations": "`saylau register import --stations FILE` or `saylau register simulate`",
                "deaths": "`saylau register import --deaths FILE` or `saylau register simulate`",
                "population": "`saylau register import --population FILE` or `saylau register simulate`"}.get(kind, "")
        raise UserError(f"no {kind} table yet{' for ' + needed_for if needed_for else ''}: run {hint}")
    return pl.read_parquet(path)


def has_table(data_dir: Path, kind: str) -> bool:
    return (root(data_dir) / f"{kind}.parquet").exists()


def meta(data_dir: Path) -> dict:
    path = root(data_dir) / "meta.json"
    return json.loads(path.read_text()) if path.exists() else {}


def set_meta(data_dir: Path, **values) -> None:
    path = root(data_dir) / "meta.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = meta(data_dir) | values
    tmp = path.with_name(".meta.json.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, default=str))
    os.replace(tmp, path)
