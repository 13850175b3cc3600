"""Errors the store raises for conditions a user can act on. Each carries a code the UI translates."""

from __future__ import annotations


class StoreError(Exception):
    """A known, user-facing problem with the local database. `code` selects the translated message."""

    code = "store"

    def __init__(self, path: str = "", detail: str = "") -> None:
        super().__init__(f"{self.code}: {path} {detail}".strip())
        self.path = path
        self.detail = detail


class DatabaseMissing(StoreError):
    code = "missing"


class DatabaseLocked(StoreError):
    code = "locked"


class DatabaseTooNew(StoreError):
    """The file was written by a newer HCRM Desktop whose schema this version does not know."""

    code = "too_new"


class DatabaseCorrupt(StoreError):
    code = "corrupt"


class DatabaseNotWritable(StoreError):
    code = "not_writable"


class DatabaseExists(StoreError):
    """Refusing to overwrite an existing database without being told to."""

    code = "exists"


class AppendOnlyViolation(Exception):
    """A bug: code tried to change or remove a row of an append-only table."""


class HardDeleteViolation(Exception):
    """A bug: code tried to remove a synced row instead of marking it deleted."""
