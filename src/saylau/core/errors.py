"""Errors meant for the person running saylau, not for a developer.

A :class:`UserError` says what went wrong and what to do about it in one
sentence; the command line prints that sentence, without a traceback, and
exits with status 2. Raise it (or a subclass) where the cause is the user's
data or the order of steps, never for a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; its message says how."""


class NoElection(UserError, LookupError):
    """No election (or none with the slug given) in the database yet."""
