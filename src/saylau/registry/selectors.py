"""Reads of the register audit: the latest run, the review queue, the
dashboard's aggregates and the statement's findings; and, for those whose
role allows personal data, the two records of a pair (from the register's
Parquet files in the data directory)."""

from __future__ import annotations

from pathlib import Path

from saylau.registry.models import AuditRun, CandidatePair, Flag


def latest_run(election) -> AuditRun | None:
    return AuditRun.objects.filter(election=election).first()


def review_queue(run: AuditRun, *, status: str = "review"):
    return CandidatePair.objects.filter(run=run, status=status).order_by("-weight_e3", "pk")


def flag_counts(run: AuditRun) -> dict[str, int]:
    from django.db.models import Count

    return {r["kind"]: r["n"] for r in Flag.objects.filter(run=run).values("kind").annotate(n=Count("pk"))}


def unit_flags(run: AuditRun, kind: str):
    return Flag.objects.filter(run=run, kind=kind, voter_id="").order_by("pk")


def findings(election) -> dict | None:
    """The latest audit's findings (key -> numerator, denominator, unit), with the run
    they come from; None when no audit has run."""
    run = latest_run(election)
    if run is None:
        return None
    return {"run": run.pk, "snapshot": run.snapshot, "records": run.records, "findings": run.findings}


def field_answers(election):
    """The field audits' answers as the observation channels stored them (reviewed
    per the review policy): ``(list_to_people, people_to_list)`` frames, each None
    when no answer came. list-to-people: ``station, voter_id, outcome``;
    people-to-list: ``station, interview, surname, given_name, patronymic, birth_date, iin``."""
    import polars as pl

    from saylau.observation import selectors as observation
    from saylau.registry import forms

    frame = observation.submissions_frame(election, list(forms.FORM_IDS))
    if not len(frame):
        return None, None
    l2p = frame.filter(pl.col("form") == forms.LIST_TO_PEOPLE).select(
        pl.col("station_code").alias("station"), pl.col("voter_id").cast(pl.String), pl.col("outcome").cast(pl.String))
    p2l = frame.filter(pl.col("form") == forms.PEOPLE_TO_LIST).select(
        pl.col("station_code").alias("station"), pl.col("interview").cast(pl.Int64),
        *(pl.col(c).cast(pl.String) for c in ("surname", "given_name", "patronymic")),
        pl.col("birth_date").cast(pl.String).str.slice(0, 10).str.to_date(strict=False), pl.col("iin").cast(pl.String))
    return (l2p if len(l2p) else None), (p2l if len(p2l) else None)


def pair_records(pair: CandidatePair, data_dir: Path) -> tuple[dict | None, dict | None]:
    """The two records of a pair as the register holds them (personal data: the web
    shows them to analysts and administrators only)."""
    import polars as pl

    from saylau.registry import store

    path = store.snapshot_path(Path(data_dir), pair.run.snapshot)
    if not path.exists():
        return None, None
    rows = (pl.scan_parquet(path).filter(pl.col("voter_id").is_in([pair.voter_l, pair.voter_r])).collect())
    by_id = {r["voter_id"]: r for r in rows.iter_rows(named=True)}
    return by_id.get(pair.voter_l), by_id.get(pair.voter_r)


def growth_by_region(run: AuditRun) -> list[dict]:
    """Growth by region (``region_code``, ``before``, ``now``, ``growth``, ``outlier``), stored with the run."""
    return [dict(r) for r in run.tables.get("growth_by_region", [])]


def duplicates_by_region(run: AuditRun) -> list[dict]:
    return [dict(r) for r in run.tables.get("duplicates_by_region", [])]


def register_snapshot(data_dir: Path, name: str | None = None):
    """``(name, frame)`` of a register snapshot in the data directory (personal data: for the checks,
    never shown), the current one when ``name`` is None; a UserError says what to run first."""
    from saylau.registry import store

    return store.read_snapshot(Path(data_dir), name)


def register_table(data_dir: Path, kind: str, *, needed_for: str = "", optional: bool = False):
    """A side table of the register in the data directory (``stations``, ``deaths``, ``population``);
    with ``optional``, None when it is not there, else a UserError saying what to run first."""
    from saylau.registry import store

    if optional and not store.has_table(Path(data_dir), kind):
        return None
    return store.read_table(Path(data_dir), kind, needed_for=needed_for)


def register_meta(data_dir: Path) -> dict:
    """What the data directory says of its register (current and previous snapshot, simulated, scale, seed)."""
    from saylau.registry import store

    return store.meta(Path(data_dir))
