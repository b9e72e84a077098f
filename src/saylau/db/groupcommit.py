"""Group commit: many request threads, one transaction.

Every write that appends to the ledger costs a transaction: its rows, a
ledger entry under the lock of the ledger's head, and a flush of the
write-ahead log at commit. Done one request at a time, the head lock and the
flush cap the whole server at a few hundred writes a second (the API's single
submissions: :mod:`saylau.observation.services.ingest`). :class:`GroupCommit`
lets concurrent threads of one process share the cost: the first thread to
arrive becomes the *leader* and writes every item waiting at that moment in
one call of ``write`` (one transaction); threads arriving meanwhile wait, and
when the leader is done it hands leadership to the oldest of them, which
writes the next group. Nothing waits on a timer: a lone request is written
at once.

Each item's owner receives its own result or its own exception. If a group
fails, the leader writes its items again one by one, so one bad item (say a
uuid that a concurrent request stored first) fails only its owner.

Pure Python (``threading``); ``write`` is whatever the caller needs, and runs
on the leader's thread (so on that thread's database connection).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Waiter:
    """One item and its owner's wake-up: a lock taken at birth and released once
    (cheaper than ``threading.Event``, which is a condition over two locks)."""

    __slots__ = ("_lock", "answered", "error", "item", "lead", "result")

    def __init__(self, item) -> None:
        self.item = item
        self._lock = threading.Lock()
        self._lock.acquire()
        self.answered = False
        self.lead = False
        self.result = None
        self.error: BaseException | None = None

    def wake(self) -> None:
        if not self.answered:
            self.answered = True
            self._lock.release()

    def wait(self, timeout: float) -> bool:
        return self._lock.acquire(timeout=timeout)


class GroupCommit(Generic[T, R]):
    """Write concurrent items in groups; ``write(items)`` returns one result per item, in order."""

    def __init__(self, write: Callable[[Sequence[T]], Sequence[R]], max_group: int = 500,
                 timeout: float = 60.0) -> None:
        self._write = write
        self._max_group = max_group
        self._timeout = timeout
        self._lock = threading.Lock()
        self._pending: list[_Waiter] = []
        self._busy = False
        self.groups = 0  # statistics, for tests and benchmarks
        self.items = 0

    def submit(self, item: T) -> R:
        """Write ``item`` (in a group with whatever else is waiting); its result or its exception."""
        me = _Waiter(item)
        with self._lock:
            self._pending.append(me)
            lead = not self._busy
            self._busy = True
        if not lead:
            if not me.wait(self._timeout):
                with self._lock:  # promotion is made under the lock
                    if not me.answered:
                        if me in self._pending:
                            self._pending.remove(me)
                        raise TimeoutError("the group writer did not answer in time")
            lead = me.lead
        if lead:
            self._lead()
        if me.error is not None:
            raise me.error
        return me.result  # type: ignore[return-value]

    def _lead(self) -> None:
        with self._lock:
            group = self._pending[:self._max_group]
            del self._pending[:self._max_group]
        try:
            self._run(group)
        finally:
            with self._lock:
                if self._pending:
                    nxt = self._pending[0]  # stays pending: it writes its own group
                    nxt.lead = True
                    nxt.wake()
                else:
                    self._busy = False

    def _run(self, group: list[_Waiter]) -> None:
        try:
            results = self._write([w.item for w in group])
            for w, r in zip(group, results, strict=True):
                w.result = r
        except BaseException as error:  # noqa: BLE001 - handed to the owners
            if len(group) == 1:
                group[0].error = error
            else:
                for w in group:  # one by one: a bad item fails only its owner
                    try:
                        w.result = self._write([w.item])[0]
                    except BaseException as single:  # noqa: BLE001
                        w.error = single
        self.groups += 1
        self.items += len(group)
        for w in group:
            w.lead = False
            w.wake()
