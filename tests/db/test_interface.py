"""The fast paths' database interface (``saylau.db``) gives the same results on
SQLite and PostgreSQL (``make test`` runs every ``django_db`` test on both),
and no app module asks which database it runs on."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import polars as pl
import pytest

from saylau import db
from saylau.db import records

SRC = Path(__file__).resolve().parents[2] / "src" / "saylau"
TRICKY = ["plain", "tab\there", "new\nline", "back\\slash", 'quo"te, comma', "ünïcode ✓", "", None, "\\N", "cr\rlf"]


def test_no_app_module_asks_which_database_it_runs_on() -> None:
    found = [f"{path.relative_to(SRC.parent)}:{n}"
             for path in sorted(SRC.rglob("*.py")) if SRC / "db" not in path.parents
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\.vendor\b", line)]
    assert found == [], "database differences belong in saylau.db: " + ", ".join(found)


def test_records_are_json_with_json_columns_as_json() -> None:
    from saylau.observation.models import Submission

    key = uuid.uuid4()
    at = dt.datetime(2011, 4, 3, 7, 30, 0, 123456, tzinfo=dt.UTC)
    sub = Submission(uuid=key, form_code="voting", answers={"q": ["a", 1, None], "t": 'x"\n'}, submitted_at=at)
    row = json.loads(records.dumps(records.fields(Submission), [sub]))[0]
    assert row["answers"] == {"q": ["a", 1, None], "t": 'x"\n'}  # an object, not text quoted in text
    assert row["uuid"] == str(key) and row["submitted_at"] == at.isoformat() and row["form_code"] == "voting"
    assert "id" not in row


@pytest.mark.django_db
def test_fetch_one_reads_one_row_or_none() -> None:
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="observers")
    text = f"SELECT id, name FROM {Group._meta.db_table} WHERE name = %s"
    assert db.fetch_one(text, ["observers"]) == (group.pk, "observers")
    assert db.fetch_one(text, ["nobody"]) is None
    assert db.fetch_one(text, ["observers"], for_update=True) == (group.pk, "observers")


@pytest.mark.django_db
def test_postgresql_prepares_the_statements_and_locks_rows_for_update() -> None:
    from django.contrib.auth.models import Group
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite prepares nothing and has no row locks")
    Group.objects.create(name="observers")
    marker = f"prepared_{uuid.uuid4().hex[:8]}"
    text = f"SELECT id AS {marker} FROM {Group._meta.db_table} WHERE name = %s"
    for _ in range(6):  # psycopg prepares a statement once it has run a few times
        db.fetch_one(text, ["observers"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", [f"%{marker}%"])
        assert cursor.fetchone()[0] == 1
        db.fetch_one(text, ["observers"], for_update=True)
        cursor.execute("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = %s::regclass",
                       [Group._meta.db_table])
        assert "RowShareLock" in {mode for (mode,) in cursor.fetchall()}


def _entries(n: int, start: int = 1) -> list:
    from saylau.ledger.models import LedgerEntry

    at = dt.datetime(2011, 4, 3, 7, 30, 0, 123456, tzinfo=dt.UTC)
    return [LedgerEntry(sequence=start + i, event="test.event", object_type="test", object_id=str(i),
                        batch_id="b", created_at=at + dt.timedelta(seconds=i),
                        payload=json.dumps({"text": TRICKY[i % len(TRICKY)]}, ensure_ascii=False),
                        previous_hash="0" * 64, hash=f"{i:064d}") for i in range(n)]


def _stored(start: int, n: int) -> list[tuple]:
    from saylau.ledger.models import LedgerEntry

    return list(LedgerEntry.objects.filter(sequence__gte=start, sequence__lt=start + n).order_by("sequence")
                .values_list("sequence", "object_id", "created_at", "payload", "hash"))


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [None, 2])  # PostgreSQL: one JSON record set; more than the limit: bulk_create
def test_insert_writes_every_column_then_runs_the_next_statement(limit) -> None:
    from django.contrib.auth.models import Group

    from saylau.ledger.models import LedgerEntry

    group = Group.objects.create(name="before")
    entries = _entries(5, start=1001)
    db.insert_rows(LedgerEntry, entries, columns=[f.name for f in records.fields(LedgerEntry)], limit=limit,
                   then=(f"UPDATE {Group._meta.db_table} SET name = %s WHERE id = %s", ["after", group.pk]))
    expected = [(e.sequence, e.object_id, e.created_at, e.payload, e.hash) for e in entries]
    assert _stored(1001, 5) == expected
    assert Group.objects.get(pk=group.pk).name == "after"
    db.insert_rows(LedgerEntry, [], then=(f"UPDATE {Group._meta.db_table} SET name = %s WHERE id = %s",
                                          ["empty", group.pk]))
    assert Group.objects.get(pk=group.pk).name == "empty"


@pytest.mark.django_db
def test_insert_with_children_links_each_child_to_its_new_parent() -> None:
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.auth.models import User

    at = dt.datetime(2011, 4, 3, 7, 30, 0, 123456, tzinfo=dt.UTC)
    names = ["aigerim", "boris", 'd"ana\t', "ерлан"]
    users = [User(username=n, password="x", email=f"{i}@example.org", is_staff=i % 2 == 0, date_joined=at)
             for i, n in enumerate(names)]
    logs = [LogEntry(user=u, object_repr=u.username, action_flag=ADDITION, change_message=f"made {i}\n",
                     action_time=at + dt.timedelta(minutes=i)) for i, u in enumerate(users)]
    db.insert_with_children(users, logs, key="username", link="user", shared={"object_repr": "username"})
    stored = {u.username: u for u in User.objects.filter(username__in=names)}
    assert [u.pk for u in users] == [stored[n].pk for n in names]
    assert all(not u._state.adding for u in users)
    assert [(s.email, s.is_staff, s.date_joined, s.last_login) for s in (stored[n] for n in names)] \
        == [(f"{i}@example.org", i % 2 == 0, at, None) for i in range(len(names))]
    rows = LogEntry.objects.filter(user__username__in=names).order_by("action_time")
    assert [(r.user_id, r.object_repr, r.change_message, r.action_time) for r in rows] \
        == [(u.pk, u.username, f"made {i}\n", at + dt.timedelta(minutes=i)) for i, u in enumerate(users)]
    assert [log.user_id for log in logs] == [u.pk for u in users]
    db.insert_with_children([], [], key="username", link="user")  # nothing to do


@pytest.mark.django_db
def test_frames_written_in_bulk_read_back_alike() -> None:
    from django.db import connection

    pg = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE db_bulk_test (id " + ("BIGSERIAL PRIMARY KEY" if pg else
                       "INTEGER PRIMARY KEY AUTOINCREMENT") + ", name TEXT, n BIGINT, at "
                       + ("TIMESTAMP WITH TIME ZONE" if pg else "DATETIME") + ")")
    n = len(TRICKY)
    frame = pl.DataFrame({
        "id": pl.Series(range(10, 10 + n), dtype=pl.Int64), "name": pl.Series(TRICKY, dtype=pl.Utf8),
        "n": pl.Series([i if i % 3 else None for i in range(n)], dtype=pl.Int64),
        "at": pl.Series([f"2011-04-03T07:{i:02d}:05Z" for i in range(n)], dtype=pl.Utf8),
    })
    columns = ("id", "name", "n", "at")
    with db.frame_writer("db_bulk_test", columns) as write:
        write(frame.slice(0, 4).with_columns(db.stored_timestamps(pl.col("at"))))
        write(frame.slice(4).with_columns(db.stored_timestamps(pl.col("at"))).select("at", "n", "name", "id"))
    with connection.cursor() as cursor:  # ids written explicitly: the next one comes after them
        cursor.execute("INSERT INTO db_bulk_test (name) VALUES ('next')")
    read = db.read_text_frame(f"SELECT id, name, n, {db.utc_text('at')} FROM db_bulk_test WHERE id < %s ORDER BY id",
                          [10 + n], 4)
    assert read.columns == ["c0", "c1", "c2", "c3"] and read.schema["c1"] == pl.Utf8
    assert read["c0"].to_list() == [str(i) for i in frame["id"]]
    assert read["c1"].to_list() == TRICKY
    assert read["c2"].to_list() == [None if v is None else str(v) for v in frame["n"]]
    assert read["c3"].to_list() == frame["at"].to_list()
    assert db.read_text_frame("SELECT id, name FROM db_bulk_test WHERE name = %s", ["next"], 2)["c0"].to_list() \
        == [str(10 + n)]
    empty = db.read_text_frame("SELECT id, name FROM db_bulk_test WHERE id < %s", [0], 2)
    assert empty.height == 0 and empty.columns == ["c0", "c1"]


@pytest.mark.django_db
def test_bulk_timestamps_are_the_instants_django_reads() -> None:
    from saylau.ledger.models import LedgerEntry

    entries = _entries(3, start=2001)
    frame = pl.DataFrame({
        "sequence": [e.sequence for e in entries], "event": [e.event for e in entries],
        "object_type": [e.object_type for e in entries], "object_id": [e.object_id for e in entries],
        "batch_id": [e.batch_id for e in entries],
        "created_at": [e.created_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ") for e in entries],
        "payload": [e.payload for e in entries], "previous_hash": [e.previous_hash for e in entries],
        "hash": [e.hash for e in entries],
    })
    columns = [f.name for f in records.fields(LedgerEntry)]
    with db.frame_writer(LedgerEntry._meta.db_table, columns) as write:
        write(frame.with_columns(db.stored_timestamps(pl.col("created_at"))).select(columns))
    assert _stored(2001, 3) == [(e.sequence, e.object_id, e.created_at, e.payload, e.hash) for e in entries]


@pytest.mark.django_db
def test_lock_keeps_other_writers_out_until_the_transaction_ends() -> None:
    from django.contrib.auth.models import Group
    from django.db import connection

    db.lock_table(Group._meta.db_table)
    Group.objects.create(name="still writable in this transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = %s::regclass",
                           [Group._meta.db_table])
            assert "ShareRowExclusiveLock" in {mode for (mode,) in cursor.fetchall()}


@pytest.mark.django_db
def test_sql_fragments_mean_the_same_on_each_database() -> None:
    from django.contrib.auth.models import Group
    from django.db import connection

    for name in ("db-a", "db-b"):
        Group.objects.create(name=name)
    table = Group._meta.db_table
    agg = db.fetch_one(f"SELECT {db.json_agg('g.name')} FROM (SELECT name FROM {table} WHERE name LIKE %s "
                             "ORDER BY name) g", ["db-%"])[0]
    array = db.fetch_one(f"SELECT {db.json_array('g.name', 'g.id')} FROM {table} g WHERE g.name = %s",
                               ["db-b"])[0]
    none = db.fetch_one(f"SELECT {db.json_agg('name')} FROM {table} WHERE name = %s", ["nobody"])[0]

    def value(v):
        return json.loads(v) if isinstance(v, str | bytes) else v

    assert value(agg) == ["db-a", "db-b"] and value(array) == ["db-b", Group.objects.get(name="db-b").pk]
    assert value(none) == []
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE db_sql_test (j " + ("JSONB" if connection.vendor == "postgresql" else "TEXT")
                       + ", at " + ("TIMESTAMP WITH TIME ZONE" if connection.vendor == "postgresql" else "DATETIME")
                       + ")")
        at = connection.ops.adapt_datetimefield_value(dt.datetime(2011, 4, 3, 7, 30, 5, 250000, tzinfo=dt.UTC))
        cursor.execute("INSERT INTO db_sql_test (j, at) VALUES (%s, %s)", ['{"b": [1, 2], "a": "x"}', at])
        cursor.execute(f"SELECT {db.json_text('j')}, {db.utc_text('at')} FROM db_sql_test")
        text, when = cursor.fetchone()
    assert isinstance(text, str) and json.loads(text) == {"b": [1, 2], "a": "x"}
    assert when == "2011-04-03T07:30:05Z"


def test_per_backend_builds_a_statement_once() -> None:
    built: list[int] = []

    @db.per_backend
    def statement() -> str:
        built.append(1)
        return f"SELECT {len(built)}"

    assert statement() == statement() == "SELECT 1" and built == [1]


def test_instance_is_the_instance_the_model_makes() -> None:
    """``db.instance`` builds what ``Model(**values)`` builds: every concrete field
    (given, or its default, callable defaults called), related objects cached,
    unknown names and wrong related types refused."""
    from django.db.models.signals import post_init

    from saylau.geography.models import Election
    from saylau.observation.models import Submission, SubmissionVersion

    election = Election(id=7, slug="e")
    values = dict(election=election, uuid=uuid.uuid4(), form_code="voting", team=None, station_code="0001",
                  dec_code="01", region_code="1", urban=True, submitted_at=dt.datetime(2011, 4, 3, 10, tzinfo=dt.UTC),
                  channel="api", answers={"a": 1})
    made, built = db.instance(Submission, **values), Submission(**values)
    columns = [f.attname for f in Submission._meta.concrete_fields]
    assert [getattr(made, c) for c in columns] == [getattr(built, c) for c in columns]
    assert made.election is election and made.election_id == 7 and made.team is None  # cached: no query
    assert made._state.adding and made._state.db is None and made.pk is None
    version = db.instance(SubmissionVersion, submission=made, version=1, answers={"a": 1})
    assert version.submission is made and version.submission_id is None
    assert [getattr(version, f.attname) for f in SubmissionVersion._meta.concrete_fields if f.attname != "created_at"] \
        == [getattr(SubmissionVersion(submission=made, version=1, answers={"a": 1}), f.attname)
            for f in SubmissionVersion._meta.concrete_fields if f.attname != "created_at"]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        db.instance(Submission, colour="red")
    with pytest.raises(ValueError, match="must be a Election"):
        db.instance(Submission, election="e")
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(receiver, sender=Submission)
    try:  # a model with init receivers is built by Model.__init__, which sends them
        assert db.instance(Submission, form_code="x") is seen[-1]
    finally:
        post_init.disconnect(receiver, sender=Submission)
