"""`hcrm-desktop demo-data`: build a deterministic, realistic demo database fast.

The schema comes from the real migration (`open_database(create=True)`); the rows are bulk-loaded with a
raw connection as a baseline snapshot from the central server (`version=1`, `origin="central"`, no outbox).
"""

from __future__ import annotations

import marshal
import multiprocessing as mp
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.pool import AsyncResult
from pathlib import Path
from types import MappingProxyType

from hcrm_desktop.demo.dataset import Chunk, DemoData, Roster, UniqueNationalIds
from hcrm_desktop.demo.escalations import add_escalations
from hcrm_desktop.demo.knowledge import add_knowledge
from hcrm_desktop.demo.loader import HISTORY_TABLES, BulkLoader
from hcrm_desktop.demo.supervision import add_supervision
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.errors import DatabaseExists

Progress = Callable[[str, int, int], None]
COMMIT_EVERY = 10  # chunks per transaction
PARALLEL_FROM = 20_000  # patients; below this worker processes are not worth starting
WORKERS = 2  # generating processes; the output does not depend on it


@dataclass(frozen=True)
class GenerateSummary:
    path: Path
    patients: int
    seed: int
    today: date
    rows: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    seconds: float = 0.0

    @property
    def history_rows(self) -> int:
        return sum(self.rows.get(table, 0) for table in HISTORY_TABLES)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def generate_database(
    path: Path | str,
    *,
    patients: int,
    seed: int,
    force: bool = False,
    on_progress: Progress | None = None,
    today: date | None = None,
    parallel: bool | None = None,
) -> GenerateSummary:
    """Create a demo database at `path` with `patients` patients and about ten history rows each.

    Refuses an existing file (`DatabaseExists`) unless `force`, which removes it and its WAL files.
    `today` anchors every date (default: the real today), so a test can pin it. `parallel` generates in
    worker processes while this one writes (default: for large data sets on a multi-core machine); the
    rows are the same either way.
    """
    started = time.perf_counter()
    path = Path(path).expanduser()
    today = today or date.today()
    progress = on_progress or _quiet
    _prepare(path, force)
    progress("schema", 0, 1)
    open_database(path, create=True).dispose()
    progress("schema", 1, 1)
    loader = BulkLoader(path)
    try:
        if parallel is None:
            parallel = patients >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2
        _load(loader, _chunks(patients, seed, today, parallel), patients, progress)
        loader.finish(lambda name, done, total: progress("indexes", done, total))
        add_supervision(path, seed=seed, today=today, counts=loader.counts)  # teams, wrap-up, QA, today
        add_knowledge(path, today=today, counts=loader.counts)  # shipped consultation answers
        add_escalations(path, seed=seed, today=today, counts=loader.counts)  # red flags sent to doctors
    except BaseException:
        loader.close()  # a half-loaded file is of no use: leave nothing behind
        _remove(path)
        raise
    rows = MappingProxyType(dict(loader.counts))
    return GenerateSummary(path, patients, seed, today, rows, time.perf_counter() - started)


def _prepare(path: Path, force: bool) -> None:
    if path.exists():
        if not force:
            raise DatabaseExists(str(path))
        _remove(path)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _load(loader: BulkLoader, chunks: Iterator[tuple[str, int, Chunk]], patients: int, progress: Progress) -> None:
    national_ids = UniqueNationalIds()
    for n, (stage, done, chunk) in enumerate(chunks):
        if "patients" in chunk:
            national_ids.fix(chunk["patients"])
        loader.insert_all(chunk)
        if n % COMMIT_EVERY == 0:
            loader.commit()
        progress(stage, done if stage == "patients" else 1, patients if stage == "patients" else 1)


def _chunks(patients: int, seed: int, today: date, parallel: bool) -> Iterator[tuple[str, int, Chunk]]:
    """The data set's chunks in order, made here or by worker processes while this one writes."""
    data = DemoData(patients=patients, seed=seed, today=today)
    if not parallel:
        yield from data.chunks()
        return
    yield "reference", 0, data.reference()
    roster = Roster(today)
    for chunk in _from_workers(data):
        roster.add(chunk["patients"])
        yield "patients", len(roster.ids), chunk
    yield "bookings", len(roster.ids), data.bookings(roster)


def _from_workers(data: DemoData) -> Iterator[Chunk]:
    """Patient chunks made by a pool of processes, in order, with a bounded number in flight."""
    global _worker_data
    _worker_data = data  # forked workers inherit it instead of building their own
    fork = "fork" in mp.get_all_start_methods()
    context = mp.get_context("fork" if fork else "spawn")
    args = (data.patients, data.seed, data.today)
    with context.Pool(WORKERS, initializer=None if fork else _init_worker, initargs=() if fork else args) as pool:
        pending: deque[AsyncResult[bytes]] = deque()
        for k in range(data.chunk_count):
            pending.append(pool.apply_async(_make_chunk, (k,)))
            if len(pending) > 2 * WORKERS:
                yield marshal.loads(pending.popleft().get())
        while pending:
            yield marshal.loads(pending.popleft().get())
    _worker_data = None


_worker_data: DemoData | None = None


def _init_worker(patients: int, seed: int, today: date) -> None:
    global _worker_data
    _worker_data = DemoData(patients=patients, seed=seed, today=today)


def _make_chunk(k: int) -> bytes:
    """In a worker: chunk `k`, marshalled (chunks hold only tuples, lists, dicts, strings, numbers and
    None; `marshal` is about twice as fast as pickle both ways, which counts at millions of rows)."""
    assert _worker_data is not None
    return marshal.dumps(_worker_data.chunk(k))


def _quiet(stage: str, done: int, total: int) -> None:
    return None


class _Printer:
    """Progress lines on stderr, at most every two seconds per stage plus each stage's last line."""

    INTERVAL = 2.0

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if stage == "schema" and done == 0:
            self.started, self.last = now, 0.0
        if done < total and now - self.last < self.INTERVAL:
            return
        self.last = now
        percent = f" ({done * 100 // total}%)" if total else ""
        print(f"{stage} {done}/{total}{percent} {now - self.started:.1f}s", file=sys.stderr, flush=True)


_printer = _Printer()


def print_progress(stage: str, done: int, total: int) -> None:
    """Print `patients 250000/1000000 (25%) 41.2s` lines to stderr, not too often."""
    _printer(stage, done, total)
