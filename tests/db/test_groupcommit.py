"""Group commit (pure threads): every owner gets its own result or error; items
arriving while a group is written go into the next group; a failing group is
retried item by item."""

from __future__ import annotations

import threading
import time

import pytest

from saylau.db import GroupCommit


def test_items_waiting_during_a_write_form_the_next_group() -> None:
    groups: list[list[int]] = []
    first_started, release = threading.Event(), threading.Event()

    def write(items):
        groups.append(list(items))
        if len(groups) == 1:
            first_started.set()
            assert release.wait(5)
        return [i * 10 for i in items]

    gc = GroupCommit(write)
    results: dict[int, int] = {}

    def submit(i: int) -> None:
        results[i] = gc.submit(i)

    leader = threading.Thread(target=submit, args=(0,))
    leader.start()
    assert first_started.wait(5)
    others = [threading.Thread(target=submit, args=(i,)) for i in range(1, 8)]
    for t in others:
        t.start()
    deadline = time.monotonic() + 5
    while len(gc._pending) < 7 and time.monotonic() < deadline:
        time.sleep(0.001)
    release.set()
    for t in [leader, *others]:
        t.join(5)
    assert results == {i: i * 10 for i in range(8)}
    assert groups[0] == [0] and sorted(groups[1]) == list(range(1, 8)) and len(groups) == 2
    assert (gc.groups, gc.items) == (2, 8)


def test_a_failing_item_fails_only_its_owner() -> None:
    calls: list[list[int]] = []
    gate = threading.Event()

    def write(items):
        calls.append(list(items))
        if len(calls) == 1:
            gate.wait(5)
        if 13 in items:
            raise ValueError("thirteen")
        return [-i for i in items]

    gc = GroupCommit(write)
    out: dict[int, object] = {}

    def submit(i: int) -> None:
        try:
            out[i] = gc.submit(i)
        except ValueError as error:
            out[i] = error

    threads = [threading.Thread(target=submit, args=(i,)) for i in (1, 12, 13, 14)]
    threads[0].start()
    while not calls:
        time.sleep(0.001)
    for t in threads[1:]:
        t.start()
    while len(gc._pending) < 3:
        time.sleep(0.001)
    gate.set()
    for t in threads:
        t.join(5)
    assert out[1] == -1 and out[12] == -12 and out[14] == -14
    assert isinstance(out[13], ValueError)
    assert sorted(calls[1]) == [12, 13, 14]  # the group, then one by one
    assert sorted(map(tuple, calls[2:])) == [(12,), (13,), (14,)]


def test_a_lone_item_is_written_at_once_and_errors_reach_the_caller() -> None:
    gc = GroupCommit(lambda items: [len(items)])
    assert gc.submit("x") == 1

    def boom(items):
        raise RuntimeError("down")

    with pytest.raises(RuntimeError, match="down"):
        GroupCommit(boom).submit(1)


def test_many_threads_all_answered_in_fewer_groups_than_items() -> None:
    lock = threading.Lock()
    seen: list[int] = []

    def write(items):
        time.sleep(0.002)  # a commit's flush
        with lock:
            seen.extend(items)
        return [i + 1 for i in items]

    gc = GroupCommit(write, max_group=50)
    results: list[tuple[int, int]] = []

    def worker(base: int) -> None:
        for i in range(base, base + 40):
            results.append((i, gc.submit(i)))

    threads = [threading.Thread(target=worker, args=(k * 1000,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(seen) == sorted(i for i, _ in results) and len(seen) == 320
    assert all(r == i + 1 for i, r in results)
    assert gc.items == 320 and gc.groups < 320
