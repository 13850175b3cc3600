"""The workstation sync engine (no Qt): bootstrap, push then pull, and a long-running `run()` coroutine.

Each sync step is a generator that yields `(NET, call)` or `(DB, call)`; `sync_once()` runs the calls in
line, `run()` runs network calls on a network executor and database calls on the single database writer,
so the UI thread only ever awaits. The same steps serve both, so the headless command and the app sync
the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import threading
import time
from collections.abc import Callable, Generator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any

from hcrm_desktop.services.changes import NO_CHANGES, Changes
from hcrm_desktop.store.base import utcnow
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.sync_state import SyncCursor
from hcrm_desktop.sync.errors import (
    AuthFailed,
    CentralChanged,
    Offline,
    ProtocolMismatch,
    SchemaMismatch,
    SyncError,
    TokenExpired,
)
from hcrm_desktop.sync.local import LocalStore, page_changes
from hcrm_desktop.sync.prefetch import Prefetcher
from hcrm_desktop.sync.protocol import Identity, PullPage, ServerInfo, mutation_message
from hcrm_desktop.sync.snapshot import SnapshotInfo, fetch_chunk, os_free_bytes, part_path, remove_parts
from hcrm_desktop.sync.tables import PROTOCOL, schema_fingerprint
from hcrm_desktop.sync.transport import MAX_WAIT, Transport

NET, DB = "net", "db"
log = logging.getLogger(__name__)
Step = Generator[tuple[str, Callable[[], Any]], Any, Any]


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    online: bool = False
    pending: int = 0
    conflicts: int = 0
    last_sync: datetime | None = None  # local clock, for display only
    last_error: str | None = None  # a SyncError code
    message: str = ""
    phase: str = "idle"  # idle | connecting | bootstrapping | syncing | waiting | offline


@dataclass(frozen=True)
class BootstrapProgress:
    rows: int  # rows written so far (across restarts)
    total: int  # estimate of all rows
    fraction: float
    elapsed_s: float
    eta_s: float | None


@dataclass(frozen=True)
class SyncSummary:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    changes: Changes = field(default=NO_CHANGES, compare=False)  # what pulls and refusals changed locally

    def __add__(self, other: SyncSummary) -> SyncSummary:
        return SyncSummary(self.pushed + other.pushed, self.pulled + other.pulled,
                           self.conflicts + other.conflicts, self.rejected + other.rejected,
                           self.changes | other.changes)

    def as_dict(self) -> dict[str, int]:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts,
                "rejected": self.rejected}


def _snapshot_or_none(transport: Transport) -> SnapshotInfo | None:
    """The central's image for this workstation; None also when asking failed for a reason other than the
    network or the sign-in (an image is an optimisation: the bootstrap goes on by pages)."""
    from hcrm_desktop.store import migrations

    try:
        return transport.snapshot(migrations.head_revision())
    except (Offline, AuthFailed, TokenExpired):
        raise
    except SyncError as exc:
        log.warning("no snapshot: %s", exc)
        return None


class _DaemonExecutor(Executor):
    """One daemon thread per call: for long polls, which must not keep the app from quitting."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()

        def work() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
                future.set_exception(exc)

        threading.Thread(target=work, name="hcrm-long-poll", daemon=True).start()
        return future


class SyncEngine:
    def __init__(
        self, *, db: Database, transport: Transport,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_progress: Callable[[BootstrapProgress], None] | None = None,
        on_changes: Callable[[Changes], None] | None = None,
        push_batch: int = 200, pull_limit: int = 5000, bulk_rows: int = 200_000, fetch_workers: int = 1,
        snapshots: bool = True,
        net_executor: Executor | None = None, db_executor: Executor | None = None,
        min_backoff: float = 1.0, max_backoff: float = 60.0, poll_wait: float = MAX_WAIT,
    ) -> None:
        self.db, self.transport = db, transport
        self.store = LocalStore(db)
        self.on_status, self.on_progress, self.on_changes = on_status, on_progress, on_changes
        self.push_batch, self.pull_limit = push_batch, pull_limit
        self.fetch_workers = fetch_workers  # bootstrap pages fetched at once (hcrm_desktop/sync/prefetch.py)
        self.snapshots = snapshots  # a first install may start from the central's image (sync/snapshot.py)
        self.bulk_rows = max(bulk_rows, pull_limit)  # rows per transaction in a bootstrap (hcrm_desktop/sync/prefetch.py)
        self._net = net_executor
        self._dbx = db_executor
        self.min_backoff, self.max_backoff, self.poll_wait = min_backoff, max_backoff, poll_wait
        self.status = SyncStatus()
        self.info: ServerInfo | None = None
        self.identity: Identity | None = None
        self._stopping = False
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._poll: asyncio.Future[PullPage] | None = None

    # --- steps ------------------------------------------------------------------------------------

    def _connect_steps(self) -> Step:
        info: ServerInfo = yield NET, self.transport.info
        if info.protocol != PROTOCOL:
            raise ProtocolMismatch(f"central speaks protocol {info.protocol}, this workstation {PROTOCOL}")
        if info.fingerprint != schema_fingerprint():
            raise SchemaMismatch(f"central schema {info.schema} ({info.fingerprint}), "
                                 f"workstation {schema_fingerprint()}")
        cursor = yield DB, self.store.cursor
        if cursor.central_id and cursor.central_id != info.central_id:
            raise CentralChanged("this database was filled from another central database")
        self.identity = yield NET, self.transport.login
        self.info = info
        return info

    def _push_steps(self) -> Step:
        total = SyncSummary()
        while True:
            batch = yield DB, partial(self.store.read_batch, self.push_batch)
            if not batch:
                return total
            messages = [mutation_message(m) for m in batch]
            results = yield NET, partial(self.transport.push, self.db.device_id, messages)
            counts = yield DB, partial(self.store.apply_results, batch, results)
            self._changed(counts.changes)
            total += SyncSummary(pushed=counts.pushed, conflicts=counts.conflicts, rejected=counts.rejected,
                                 changes=counts.changes)

    def _pull_steps(self, wait: float = 0.0, *, bootstrap: bool = False) -> Step:
        started = time.monotonic()
        first = yield DB, self.store.cursor
        if bootstrap and not first.bootstrap_target:
            info = self.info or (yield NET, self.transport.info)
            yield DB, partial(self.store.set_bootstrap, info.central_id, info.high)
            first = yield DB, self.store.cursor
        elif not first.central_id and self.info is not None:
            yield DB, partial(self.store.set_bootstrap, self.info.central_id, self.info.high)
        bulk = bootstrap and not first.bootstrapped and (first.cursor == 0 or (yield DB, self.store.in_bulk))
        pulled = 0
        changes = NO_CHANGES
        installed = False
        if bulk and first.cursor == 0 and self.snapshots and self.info is not None and self.info.snapshots:
            image = yield from self._snapshot_steps(first, started)
            if image is not None:  # indexes and search tables came with it: what changed since goes through them
                first = yield DB, self.store.cursor
                pulled, changes, bulk, installed = image.rows, Changes(frozenset(image.readable)), False, True
        if bulk:
            yield DB, self.store.begin_bulk
        # a batch being written, the next one being fetched: a bootstrap holds up to about 2 * bulk_rows rows
        ranged = self.info is not None and self.info.ranged_bulk
        pages = Prefetcher(self.transport, first.cursor, self.pull_limit,
                           depth=-(-self.bulk_rows // self.pull_limit) + 1,
                           workers=self.fetch_workers, ranged=ranged) if bootstrap else None
        cursor = first
        try:
            while True:
                fetch = partial(pages.take, self.bulk_rows) if pages \
                    else partial(self.transport.pull, cursor.cursor, self.pull_limit, wait)
                page: PullPage = yield NET, fetch
                wait = 0.0
                pulled += yield DB, partial(self.store.apply_page, page, bootstrapped=not page.more or None)
                # a bootstrap names tables only (one refresh of everything at the end, not millions of ids)
                changes |= Changes(frozenset(n for n, (_c, r) in page.tables.items() if r)) if bootstrap \
                    else page_changes(page)
                cursor = yield DB, self.store.cursor
                if bootstrap:
                    self._progress(first.cursor, cursor.cursor, cursor.bootstrap_target, cursor.rows_pulled,
                                   started)
                if not page.more:
                    break
        finally:
            if pages is not None:
                pages.stop()
            if not bootstrap:  # what was written stays written, even when a later page failed
                self._changed(changes)
        if bulk:
            yield DB, self.store.end_bulk
        elif installed:  # drop the connections that wrote pages with bootstrap settings (a big page cache)
            yield DB, self.db.engine.dispose
        if bootstrap:
            self._changed(changes)  # once, after the indexes are back: the screens refresh once
        return SyncSummary(pulled=pulled, changes=changes)

    def _snapshot_steps(self, cursor: SyncCursor, started: float) -> Step:
        """A first install from the central's image, when it has one for this workstation: download (kept
        across restarts), then copy in. None when there is none or it cannot be used: pages do the work."""
        info = yield NET, partial(_snapshot_or_none, self.transport)
        if info is None or info.central_id != cursor.central_id or info.fingerprint != schema_fingerprint():
            return None
        if not (yield DB, self.store.synced_tables_empty):
            return None  # rows written here before the first sync: the image's copy needs empty tables
        path = part_path(self.db.path, info)
        free = os_free_bytes(path)
        if free is not None and free < 2 * info.size:
            log.warning("not enough disk space for snapshot %s (%s bytes)", info.id, info.size)
            return None
        done = 0
        for n in range(len(info.chunk_hashes)):
            if not (yield NET, partial(fetch_chunk, self.transport.snapshot_chunk, info, n, path)):
                log.warning("snapshot %s: chunk %s does not match its hash; bootstrapping by pages", info.id, n)
                yield DB, partial(remove_parts, self.db.path)
                return None
            done += info.chunk_length(n)
            self._download_progress(info, done, cursor.bootstrap_target, started)
        installed = yield DB, partial(self.store.install_snapshot, path, info, cursor.central_id)
        yield DB, partial(remove_parts, self.db.path)
        return info if installed else None

    def _download_progress(self, info: SnapshotInfo, done: int, target: int, started: float) -> None:
        if self.on_progress is None:
            return
        share = min(1.0, info.high / target) if target > 0 else 1.0
        fraction = share * done / info.size
        elapsed = time.monotonic() - started
        rows = info.rows * done // info.size
        total = int(info.rows / share) if share > 0 else info.rows
        eta = elapsed * (1 - fraction) / fraction if fraction > 0 else None
        self.on_progress(BootstrapProgress(rows, max(rows, total), fraction, elapsed, eta))

    def _progress(self, start: int, now: int, target: int, rows: int, started: float) -> None:
        if self.on_progress is None:
            return
        fraction = 1.0 if target <= 0 else min(1.0, now / target)
        elapsed = time.monotonic() - started
        done_here = now - start
        eta = (target - now) * elapsed / done_here if done_here > 0 and now < target else (0.0 if now >= target else None)
        total = max(rows, int(rows / fraction)) if fraction > 0 else rows
        self.on_progress(BootstrapProgress(rows, total, fraction, elapsed, eta))

    def _sync_steps(self) -> Step:
        pushed = yield from self._push_steps()
        pulled = yield from self._pull_steps()
        return pushed + pulled

    # --- blocking use (command line, tests) --------------------------------------------------------

    @staticmethod
    def _drive(steps: Step) -> Any:
        try:
            kind, call = next(steps)
            while True:
                kind, call = steps.send(call())
        except StopIteration as stop:
            return stop.value
        finally:
            steps.close()

    def connect(self) -> ServerInfo:
        """Check protocol and schema versions, then sign in."""
        return self._drive(self._connect_steps())  # type: ignore[no-any-return]

    def bootstrap(self) -> int:
        """Pull everything (resumable: the cursor is committed with every page). Returns rows pulled."""
        if self.info is None:
            self.connect()
        return self._drive(self._pull_steps(bootstrap=True)).pulled  # type: ignore[no-any-return]

    def push(self) -> SyncSummary:
        return self._drive(self._push_steps())  # type: ignore[no-any-return]

    def pull(self, wait: float = 0.0) -> SyncSummary:
        return self._drive(self._pull_steps(wait))  # type: ignore[no-any-return]

    def sync_once(self) -> SyncSummary:
        """Connect if needed, push the whole outbox, then pull until up to date."""
        if self.info is None:
            self.connect()
        summary: SyncSummary = self._drive(self._sync_steps())
        self._set(online=True, last_sync=utcnow(), last_error=None, message="", phase="idle",
                  pending=self.store.pending_count(), conflicts=self.store.conflict_count())
        return summary

    # --- background use (the app, on qasync) ---------------------------------------------------------

    async def _drive_async(self, steps: Step) -> Any:
        loop = asyncio.get_running_loop()
        try:
            kind, call = next(steps)
            while True:
                executor = self._net if kind == NET else self._dbx
                kind, call = steps.send(await loop.run_in_executor(executor, call))
        except StopIteration as stop:
            return stop.value
        finally:
            steps.close()

    def notify_local_change(self) -> None:
        """Call after a local write (from any thread): the outbox is pushed without waiting for the poll."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def stop(self) -> None:
        self._stopping = True
        self.notify_local_change()

    async def run(self) -> None:
        """Sync until `stop()`: push and pull, then long-poll; back off exponentially while failing."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        own_net = self._net is None
        if own_net:
            self._net = ThreadPoolExecutor(max_workers=2, thread_name_prefix="hcrm-net")
        if self._dbx is None:
            self._dbx = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hcrm-db")
        backoff = self.min_backoff
        try:
            while not self._stopping:
                try:
                    await self._round()
                    backoff = self.min_backoff
                    await self._wait_for_work()
                except SyncError as exc:
                    await self._failed(exc, backoff)
                    backoff = min(self.max_backoff, backoff * 2)
        finally:
            if own_net and isinstance(self._net, ThreadPoolExecutor):
                self._net.shutdown(wait=False)

    async def _round(self) -> None:
        if self.info is None:
            self._set(phase="connecting")
            await self._drive_async(self._connect_steps())
            cursor = await self._in_db(self.store.cursor)
            if not cursor.bootstrapped:
                self._set(phase="bootstrapping", online=True)
                await self._drive_async(self._pull_steps(bootstrap=True))
        self._set(phase="syncing", online=True)
        await self._drive_async(self._sync_steps())
        pending, conflicts = await self._in_db(self._counts)
        self._set(online=True, last_sync=utcnow(), last_error=None, message="", phase="waiting",
                  pending=pending, conflicts=conflicts)

    def _counts(self) -> tuple[int, int]:
        return self.store.pending_count(), self.store.conflict_count()

    async def _in_db(self, call: Callable[[], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._dbx, call)

    async def _wait_for_work(self) -> None:
        """Until the central side announces a change (long poll) or this workstation wrote something."""
        assert self._wake is not None
        loop = asyncio.get_running_loop()
        if self._poll is None or self._poll.done():
            cursor = await self._in_db(self.store.cursor)
            call = partial(self.transport.pull, cursor.cursor, self.pull_limit, self.poll_wait)
            self._poll = loop.run_in_executor(_DaemonExecutor(), call)
        woken: asyncio.Future[Any] = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait([self._poll, woken], return_when=asyncio.FIRST_COMPLETED)
        finally:
            woken.cancel()
        self._wake.clear()
        if self._poll.done():
            poll, self._poll = self._poll, None
            page = poll.result()  # raises the poll's SyncError, if any
            cursor = await self._in_db(self.store.cursor)
            if page.since <= cursor.cursor and page.row_count:
                await self._in_db(partial(self.store.apply_page, page))
                self._changed(page_changes(page))

    async def _failed(self, exc: SyncError, backoff: float) -> None:
        if isinstance(exc, Offline) or not exc.retryable:
            self.info = None  # connect (and check versions) again when it comes back
        with contextlib.suppress(Exception):
            pending, conflicts = await self._in_db(self._counts)
            self._set(pending=pending, conflicts=conflicts)
        self._set(online=not isinstance(exc, Offline) and exc.retryable, last_error=exc.code,
                  message=exc.detail, phase="offline" if isinstance(exc, Offline) else "idle")
        delay = backoff * random.uniform(0.8, 1.2)
        if not exc.retryable:
            delay = self.max_backoff  # needs the user (sign in again, upgrade): retry rarely
        assert self._wake is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), delay)
        self._wake.clear()

    def _changed(self, changes: Changes) -> None:
        """Tell the app which tables and rows sync wrote (on the loop's thread in `run()`)."""
        if self.on_changes is not None and changes.entities:
            self.on_changes(changes)

    def _set(self, **changes: Any) -> None:
        self.status = replace(self.status, **changes)
        if self.on_status is not None:
            self.on_status(self.status)
