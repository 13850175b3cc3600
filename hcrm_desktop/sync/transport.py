"""What a transport does; `open_transport` picks one from the configured central address.

Both transports end in the same PL/pgSQL functions (`hcrm_push`, `hcrm_pull`), so they apply the same
rules; the contract tests run every scenario through each.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from hcrm_desktop.sync.credentials import MemorySecrets, SecretStore
from hcrm_desktop.sync.protocol import Identity, MutationResult, PullPage, ServerInfo
from hcrm_desktop.sync.snapshot import SnapshotInfo

MAX_WAIT = 25.0  # seconds a long poll may hang


class Transport(ABC):
    kind = ""

    @abstractmethod
    def info(self) -> ServerInfo:
        """Protocol and schema version of the central side (no sign-in needed)."""

    @abstractmethod
    def login(self) -> Identity:
        """Sign in (or check the session still stands) and say who we are."""

    @abstractmethod
    def push(self, device_id: str, mutations: list[dict[str, Any]]) -> list[MutationResult]:
        """Send a batch; one result per mutation, in order."""

    @abstractmethod
    def pull(self, since: int, limit: int, wait: float = 0.0) -> PullPage:
        """Changes after `since`; with `wait`, hang up to that many seconds for a change to arrive."""

    ranged_bulk = False  # `pull_bulk` takes `until`: pages by version range, fetched several at once

    def pull_bulk(self, since: int, limit: int, until: int | None = None) -> PullPage:
        """A bootstrap page in the bulk format (docs/sync.md); by default an ordinary pull. With `until`
        (when `ranged_bulk`), the versions (since, until], cut back to the newest committed one."""
        return self.pull(since, limit)

    def snapshot(self, local_schema: str) -> SnapshotInfo | None:
        """The newest image of the central for a first install (hcrm_desktop/sync/snapshot.py), if any."""
        return None

    def snapshot_chunk(self, snapshot_id: int, n: int) -> bytes:
        raise NotImplementedError

    def close(self) -> None:
        return None


def open_transport(central: str, *, username: str, password: str | None = None,
                   secrets: SecretStore | None = None, timeout: float = 30.0) -> Transport:
    """`http(s)://...` talks to the central service; `postgresql...://...` to the database itself."""
    secrets = secrets if secrets is not None else MemorySecrets()
    if central.startswith(("http://", "https://")):
        from hcrm_desktop.sync.http import HttpTransport

        return HttpTransport(central, username=username, password=password, secrets=secrets, timeout=timeout)
    if central.startswith(("postgresql", "postgres://")):
        from hcrm_desktop.sync.database import DatabaseTransport

        return DatabaseTransport(central, username=username, password=password, timeout=timeout)
    raise ValueError(f"not a central address: {central!r} (http(s)://... or postgresql://...)")
