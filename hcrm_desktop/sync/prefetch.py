"""Bootstrap pages fetched in a thread while the previous ones are written, handed out in batches.

A first download writes many pages into tables whose unique indexes (random UUID keys) cannot be dropped:
each transaction rewrites every index page it touches, so writing several pages per transaction (a few
hundred thousand rows) writes far fewer index pages than one transaction per page. `take(rows)` merges
consecutive pages up to that many rows; the thread keeps fetching the next batch meanwhile.
"""

from __future__ import annotations

import queue
import threading
from typing import Any

from hcrm_desktop.sync.protocol import PullPage
from hcrm_desktop.sync.transport import Transport


def merge_pages(pages: list[PullPage]) -> PullPage:
    """Consecutive pages as one (their tables must name the same columns)."""
    if len(pages) == 1:
        return pages[0]
    tables: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {}
    exact: dict[str, list[list[Any]]] = {}
    for page in pages:
        for name, (columns, rows) in page.tables.items():
            if name in tables:
                tables[name][1].extend(rows)
            else:
                tables[name] = (columns, list(rows))
        for name, rows in page.exact.items():
            exact.setdefault(name, []).extend(rows)
    last = pages[-1]
    return PullPage(pages[0].since, last.next, last.more, tables, prepared=pages[0].prepared, exact=exact)


def _fits(batch: list[PullPage], page: PullPage) -> bool:
    """Same columns per table as the batch so far (always so, unless the central changed schema meanwhile)."""
    known: dict[str, tuple[str, ...]] = {}
    for earlier in batch:
        known.update({name: columns for name, (columns, _rows) in earlier.tables.items()})
    return page.prepared == batch[0].prepared and all(
        known.get(name, columns) == columns for name, (columns, _rows) in page.tables.items())


class Prefetcher:
    """Fetches bulk pages from `since` in a daemon thread, at most `depth` pages ahead."""

    def __init__(self, transport: Transport, since: int, limit: int, depth: int = 2) -> None:
        self.transport, self.since, self.limit = transport, since, limit
        self.queue: queue.Queue[PullPage | BaseException] = queue.Queue(maxsize=max(1, depth))
        self.stopped = threading.Event()
        self._held: PullPage | BaseException | None = None  # taken from the queue, handed out next time
        self.thread = threading.Thread(target=self._run, name="hcrm-prefetch", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        since = self.since
        while not self.stopped.is_set():
            try:
                page = self.transport.pull_bulk(since, self.limit)
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                self._put(exc)
                return
            self._put(page)
            if not page.more:
                return
            since = page.next

    def _put(self, item: PullPage | BaseException) -> None:
        while not self.stopped.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def _next(self) -> PullPage | BaseException:
        item, self._held = self._held, None
        return item if item is not None else self.queue.get()

    def get(self) -> PullPage:
        item = self._next()
        if isinstance(item, BaseException):
            raise item
        return item

    def take(self, rows: int) -> PullPage:
        """The next pages merged, up to about `rows` rows. A failed fetch after some pages ends the batch (what
        came in gets written) and is raised by the next call."""
        batch = [self.get()]
        count = batch[0].row_count
        while batch[-1].more and count < rows:
            item = self._next()
            if isinstance(item, BaseException) or not _fits(batch, item):
                self._held = item
                break
            batch.append(item)
            count += item.row_count
        return merge_pages(batch)

    def stop(self) -> None:
        self.stopped.set()
