"""Errors of sync, each with a stable `code` the UI translates (docs/sync.md lists them).

`retryable` says whether trying again later can succeed without the user doing anything.
"""

from __future__ import annotations


class SyncError(Exception):
    code = "sync"
    retryable = True

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"{self.code}: {detail}" if detail else self.code)
        self.detail = detail


class Offline(SyncError):
    """The central side cannot be reached (refused, timed out, dropped)."""

    code = "offline"


class ServerError(SyncError):
    """The central side answered with a failure of its own (HTTP 5xx, database restarting)."""

    code = "server_error"


class BadReply(SyncError):
    """A reply that is malformed, truncated, or does not follow the protocol."""

    code = "bad_reply"


class AuthFailed(SyncError):
    """Wrong user name or password, or a disabled account: the user must sign in again."""

    code = "auth_failed"
    retryable = False


class TokenExpired(SyncError):
    """The access token ran out; the transport refreshes it and repeats the request."""

    code = "token_expired"


class Forbidden(SyncError):
    code = "forbidden"
    retryable = False


class ProtocolMismatch(SyncError):
    """Client and central speak different protocol versions: one of them must be upgraded."""

    code = "protocol_mismatch"
    retryable = False


class SchemaMismatch(SyncError):
    """Client and central disagree on the synced tables' columns: one of them must be upgraded."""

    code = "schema_mismatch"
    retryable = False


class CentralChanged(SyncError):
    """The workstation was bootstrapped from another central database; it needs a fresh bootstrap."""

    code = "central_changed"
    retryable = False


class DiskFull(SyncError):
    """The local disk (or the database's size limit) is full; nothing was lost, sync retries later."""

    code = "disk_full"


class LocalStoreError(SyncError):
    """The local database failed in another way (locked, read-only)."""

    code = "local_store"
