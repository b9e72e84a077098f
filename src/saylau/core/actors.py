"""Who did something: every service takes a required keyword ``actor``.

Jobs and pipelines pass a named system actor (``Actor.system("simulation")``),
never ``None``, so that every ledger entry names a person or a process.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str = "system"  # "system" or "user"
    user_id: int | None = None

    @classmethod
    def system(cls, name: str) -> Actor:
        return cls(name=name, kind="system")

    @classmethod
    def from_user(cls, user) -> Actor:
        return cls(name=user.get_username(), kind="user", user_id=user.pk)

    def __str__(self) -> str:
        return f"{self.kind}:{self.name}"
