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
    """Fetches bulk pages from `since` in daemon threads, at most `depth` pages ahead, handed out in order.

    `ranged` (a central and transport that page by version range): each worker fetches its own range
    (since, since + limit], so with several workers the central prepares one page while the previous one is
    on the wire and being decoded; the central also skips working out where a page ends. A page cut back short of its range (the newest committed version was lower: rows
    were being written meanwhile) makes the ranges after it start again from where it ended."""

    def __init__(self, transport: Transport, since: int, limit: int, depth: int = 2, workers: int = 1,
                 ranged: bool = False) -> None:
        self.transport, self.since, self.limit = transport, since, limit
        self.depth = max(1, depth)
        self.ranged = ranged and transport.ranged_bulk
        self.stopped = threading.Event()
        self._held: PullPage | BaseException | None = None  # taken, handed out next time
        self.queue: queue.Queue[PullPage | BaseException] = queue.Queue(maxsize=self.depth)
        # ranged mode: pages by the start of their range, the next range to hand out, ranges taken and not
        # yet consumed, and an epoch that drops pages fetched before a restart
        self._cond = threading.Condition()
        self._ready: dict[int, PullPage | BaseException] = {}
        self._issue = self._expect = since
        self._taken = 0
        self._epoch = 0
        self._last = False  # a page without more was handed out, or a fetch failed: no new ranges
        count = workers if self.ranged else 1
        self.threads = [threading.Thread(target=self._ranges if self.ranged else self._run,
                                         name=f"hcrm-prefetch-{i}", daemon=True) for i in range(count)]
        for thread in self.threads:
            thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self.threads[0]

    # one worker, page after page (each page's start is the previous one's end)

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

    # several workers, a range each

    def _ranges(self) -> None:
        while True:
            with self._cond:
                while not self.stopped.is_set() and not self._last and self._taken >= self.depth:
                    self._cond.wait(0.2)
                if self.stopped.is_set() or self._last:
                    return
                start, epoch = self._issue, self._epoch
                self._issue += self.limit
                self._taken += 1
            item: PullPage | BaseException
            try:
                item = self.transport.pull_bulk(start, self.limit, start + self.limit)
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer, in order
                item = exc
            with self._cond:
                if epoch == self._epoch:
                    self._ready[start] = item
                    if isinstance(item, BaseException):
                        self._last = True
                    self._cond.notify_all()

    def _take_ranged(self) -> PullPage | BaseException:
        with self._cond:
            while self._expect not in self._ready:
                if self.stopped.is_set():
                    raise RuntimeError("prefetch stopped")
                self._cond.wait(0.2)
            start = self._expect
            item = self._ready.pop(start)
            self._taken -= 1
            if isinstance(item, PullPage):
                self._expect = item.next
                if not item.more:
                    self._last = True
                elif item.next != start + self.limit:  # cut short: what was fetched after it is dropped
                    self._epoch += 1
                    self._ready.clear()
                    self._issue, self._taken = item.next, 0
            self._cond.notify_all()
            return item

    # the consumer

    def _next(self) -> PullPage | BaseException:
        item, self._held = self._held, None
        if item is not None:
            return item
        return self._take_ranged() if self.ranged else self.queue.get()

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
        with self._cond:
            self._cond.notify_all()
