"""Sync benchmark: bootstrap, push throughput, concurrent workstations, propagation.

    python bench/sync.py --patients N --clients K [--duration S]

Starts its own PostgreSQL (as the test suite does) and the central HTTP service in a subprocess on
loopback, loads the demo data set, then measures. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hcrm_desktop.store import migrations  # noqa: E402
from hcrm_desktop.store.db import make_engine, open_database  # noqa: E402
from hcrm_desktop.store.models import Patient  # noqa: E402
from hcrm_desktop.store.sync_state import SyncCursor  # noqa: E402
from hcrm_desktop.sync import http as http_module  # noqa: E402
from hcrm_desktop.sync import local as local_module  # noqa: E402
from hcrm_desktop.sync import prefetch as prefetch_module  # noqa: E402
from hcrm_desktop.sync.central.admin import central_engine, create_user, init_db  # noqa: E402
from hcrm_desktop.sync.central.demo import load_demo  # noqa: E402
from hcrm_desktop.sync.credentials import MemorySecrets  # noqa: E402
from hcrm_desktop.sync.engine import SyncEngine  # noqa: E402
from hcrm_desktop.sync.errors import SyncError  # noqa: E402
from hcrm_desktop.sync.transport import open_transport  # noqa: E402
from tests.fixtures import free_tcp_port  # noqa: E402
from tests.fixtures.postgres import PostgresServer, _make_base_dir, find_pg_bin  # noqa: E402

PASSWORD = "bench password"


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Breakdown:
    """Where a bootstrap's time goes: wall and thread CPU seconds of its steps (`--breakdown`)."""

    STEPS = (  # (owner, attribute, label)
        (http_module.HttpTransport, "snapshot_chunk", "snapshot: download chunks"),
        (local_module.LocalStore, "install_snapshot", "snapshot: copy the image in (SQLite)"),
        (http_module.HttpTransport, "_send", "fetch: server query + transfer (prefetch thread)"),
        (http_module, "parse_bulk", "decode: bulk page parsing (prefetch thread)"),
        (prefetch_module.Prefetcher, "take", "wait: writer waiting for pages"),
        (local_module.LocalStore, "apply_page", "write: apply pages (transaction, commit)"),
        (local_module.LocalStore, "_upsert", "write: of which executemany inserts"),
        (local_module.LocalStore, "begin_bulk", "bulk: drop indexes and triggers"),
        (local_module.LocalStore, "end_bulk", "bulk: rebuild indexes, search tables, triggers"),
    )

    def __init__(self) -> None:
        self.wall: dict[str, float] = collections.defaultdict(float)
        self.cpu: dict[str, float] = collections.defaultdict(float)
        self.lock = threading.Lock()

    def _timed(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                with self.lock:
                    self.wall[label] += time.perf_counter() - wall
                    self.cpu[label] += time.thread_time() - cpu
        return timed

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        saved = [(owner, name, getattr(owner, name)) for owner, name, _label in self.STEPS]
        for owner, name, label in self.STEPS:
            setattr(owner, name, self._timed(label, getattr(owner, name)))
        usage = os.times()
        try:
            yield
        finally:
            for owner, name, fn in saved:
                setattr(owner, name, fn)
            after = os.times()
            self.process = (after.user - usage.user, after.system - usage.system)

    def as_dict(self) -> dict[str, Any]:
        steps = {label: {"wall_s": round(self.wall[label], 1), "cpu_s": round(self.cpu[label], 1)}
                 for _o, _n, label in self.STEPS}
        return {"steps": steps, "client_cpu_user_s": round(self.process[0], 1),
                "client_cpu_system_s": round(self.process[1], 1)}


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="hcrm-bench-"))
        self.server = PostgresServer(bin_dir=find_pg_bin(), base_dir=_make_base_dir())
        self.service: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.template = self.tmp / "template.db"
        self.errors: list[str] = []

    def setup(self) -> dict[str, float]:
        if self.args.dsn:  # an existing central that already holds the demo data
            dsn, counts, load_s = self.args.dsn, {}, 0.0
            engine = central_engine(dsn)
        else:
            self.server.init()
            self.server.start()
            dsn = self.server.create_database("central")
            started = time.perf_counter()
            init_db(dsn)
            engine = central_engine(dsn)
            counts = load_demo(engine, patients=self.args.patients, seed=1, work_dir=self.tmp)
            load_s = time.perf_counter() - started
        snapshot_s = 0.0
        if self.args.snapshot:  # what a central does after a load and nightly: images for first installs
            from hcrm_desktop.sync.central.snapshot import build_snapshots

            started = time.perf_counter()
            build_snapshots(dsn, work_dir=self.tmp, roles=("admin",))  # the image the bench's admin installs
            snapshot_s = time.perf_counter() - started
        for i in range(self.args.clients + 3):
            create_user(engine, f"bench{i}", "admin" if i == 0 else "agent", PASSWORD, db_login=False)
        engine.dispose()
        port = free_tcp_port()
        self.url = f"http://127.0.0.1:{port}"
        self.service = subprocess.Popen(
            [sys.executable, "-m", "hcrm_desktop.sync.central.cli", "serve", "--dsn", dsn, "--port", str(port),
             "--pool-size", "12"], cwd=ROOT)
        self._wait_service()
        eng = make_engine(self.template)
        migrations.upgrade_to_head(eng)
        eng.dispose()
        return {"central_rows": sum(counts.values()), "central_load_s": round(load_s, 1),
                "snapshot_build_s": round(snapshot_s, 1)}

    def _wait_service(self) -> None:
        import requests

        for _ in range(300):
            try:
                if requests.get(self.url + "/v1/version", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("service did not start")

    def workstation(self, name: str, user: str, *, caught_up: bool = True, **options: object) -> SyncEngine:
        """A workstation; `caught_up` starts it empty but with its cursor at the central's current version
        (a late joiner without history: the bootstrap is measured on its own)."""
        path = self.tmp / f"{name}.db"
        shutil.copy(self.template, path)
        db = open_database(path)
        transport = open_transport(self.url, username=user, password=PASSWORD, secrets=MemorySecrets())
        engine = SyncEngine(db=db, transport=transport, **options)  # type: ignore[arg-type]
        if caught_up:
            info = engine.connect()
            with db.write(remote=True) as s:
                s.add(SyncCursor(id=1, central_id=info.central_id, cursor=info.high, bootstrapped=True,
                                 bootstrap_target=info.high, rows_pulled=0))
        return engine

    def bootstrap(self) -> dict[str, Any]:
        engine = self.workstation("bootstrap", "bench0", caught_up=False, pull_limit=self.args.page,
                                  snapshots=self.args.snapshot)
        breakdown = Breakdown() if self.args.breakdown else None
        started = time.perf_counter()
        with breakdown.installed() if breakdown else contextlib.nullcontext():
            engine.connect()
            rows = engine.bootstrap()
        seconds = time.perf_counter() - started
        if breakdown is not None:
            print(json.dumps({"bootstrap_breakdown": breakdown.as_dict()}, ensure_ascii=False), file=sys.stderr)
        engine.transport.close()
        engine.db.dispose()
        engine.db.path.unlink()
        return {"bootstrap_s": round(seconds, 2), "bootstrap_rows": rows,
                "bootstrap_from": "snapshot + pages" if self.args.snapshot else "pages",
                "bootstrap_rows_per_s": round(rows / seconds)}

    def push_throughput(self, n: int = 5000, runs: int = 3) -> dict[str, Any]:
        """One workstation pushing `n` new patients in batches of 500; the median of `runs` runs (one run is
        a few seconds, easily disturbed on a shared 2-core machine), every run reported."""
        engine = self.workstation("pusher", "bench1", push_batch=500)
        engine.connect()
        rates = []
        for _ in range(runs):
            with engine.db.write() as s:
                s.add_all(Patient(customer_no=f"P{uuid.uuid4().hex[:12]}", name="推送", name_pinyin="tuisong",
                                  name_initials="ts") for _ in range(n))
            started = time.perf_counter()
            summary = engine.push()
            rates.append(round(summary.pushed / (time.perf_counter() - started)))
        return {"push_per_s": sorted(rates)[len(rates) // 2], "push_per_s_runs": rates, "push_batch": 500,
                "push_mutations": n}

    def clients(self) -> dict[str, float]:
        """K workstations in several processes (a workstation is a process of its own in real life; one
        process for all would measure its own GIL), each pushing a few mutations and pulling twice a second."""
        k, duration = self.args.clients, self.args.duration
        procs = max(1, min(self.args.processes, k))
        context = multiprocessing.get_context("fork")
        results: Any = context.Queue()
        start_at = time.time() + 3 + k * 0.15  # wall clock, shared by the processes: time to set up
        workers = [context.Process(target=self._client_process,
                                   args=(list(range(p, k, procs)), start_at, duration, results))
                   for p in range(procs)]
        for w in workers:
            w.start()
        prop = self._propagation_async(time.monotonic() + (start_at - time.time()) + duration, start_at)
        latencies: list[float] = []
        pushed = 0
        for _ in workers:
            lat, count, errors = results.get(timeout=duration + 300)
            latencies += lat
            pushed += count
            self.errors += errors
        for w in workers:
            w.join()
        samples = prop()
        return {
            "clients": k, "client_processes": procs, "duration_s": duration, "client_pushes": len(latencies),
            "client_mutations": pushed,
            "push_p50_ms": round(pct(latencies, 0.5), 1), "push_p95_ms": round(pct(latencies, 0.95), 1),
            "propagation_p50_ms": round(pct(samples, 0.5), 1), "propagation_p95_ms": round(pct(samples, 0.95), 1),
            "propagation_samples": len(samples),
        }

    def _client_process(self, ids: list[int], start_at: float, duration: float, results: Any) -> None:
        self.errors = []
        engines = [self.workstation(f"c{i}", f"bench{i + 3}", push_batch=50, pull_limit=2000) for i in ids]
        latencies: list[float] = []
        pushed = [0]
        lock = threading.Lock()
        time.sleep(max(0.0, start_at - time.time()))
        stop = time.monotonic() + duration

        def client(engine: SyncEngine, n: int) -> None:
            while time.monotonic() < stop:
                with engine.db.write() as s:
                    s.add_all(Patient(customer_no=f"K{uuid.uuid4().hex[:12]}", name="并发", name_pinyin="bingfa",
                                      name_initials="bf") for _ in range(1 + n % 3))
                try:
                    t0 = time.perf_counter()
                    summary = engine.push()
                    t1 = time.perf_counter()
                    engine.pull()
                    with lock:
                        latencies.append((t1 - t0) * 1000)
                        pushed[0] += summary.pushed
                except SyncError as exc:
                    with lock:
                        self.errors.append(exc.code)
                time.sleep(0.5)

        threads = [threading.Thread(target=client, args=(e, i)) for i, e in zip(ids, engines, strict=True)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        results.put((latencies, pushed[0], self.errors))

    def _propagation_async(self, stop: float, start_at: float):  # type: ignore[no-untyped-def]
        writer = self.workstation("writer", "bench1", push_batch=50)
        reader = self.workstation("reader", "bench2", pull_limit=2000)
        samples: list[float] = []
        done = threading.Event()

        async def scenario() -> None:
            await asyncio.sleep(max(0.0, start_at - time.time()))
            tasks = [asyncio.ensure_future(e.run()) for e in (writer, reader)]
            while reader.status.phase != "waiting" or writer.status.phase != "waiting":
                await asyncio.sleep(0.05)
            while time.monotonic() < stop:
                pid = str(uuid.uuid4())
                with writer.db.write() as s:
                    s.add(Patient(id=pid, customer_no=f"W{pid[:12]}", name="传播", name_pinyin="chuanbo",
                                  name_initials="cb"))
                t0 = time.perf_counter()
                writer.notify_local_change()
                while time.perf_counter() - t0 < 10:
                    with reader.db.session() as s:
                        if s.get(Patient, pid) is not None:
                            samples.append((time.perf_counter() - t0) * 1000)
                            break
                    await asyncio.sleep(0.01)
                else:
                    self.errors.append("propagation_timeout")
                await asyncio.sleep(1.0)
            for e in (writer, reader):
                e.stop()
            await asyncio.wait(tasks, timeout=30)

        def run() -> None:
            try:
                asyncio.run(scenario())
            except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not crash
                self.errors.append(f"propagation: {exc!r}")
            done.set()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()

        def result() -> list[float]:
            thread.join(timeout=60)
            return samples

        return result

    def close(self) -> None:
        if self.service is not None:
            self.service.terminate()
            try:
                self.service.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.service.kill()
                self.service.wait()
        if not self.args.dsn:
            self.server.stop()
        shutil.rmtree(self.server.base_dir, ignore_errors=True)
        shutil.rmtree(self.tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds the workstations run")
    parser.add_argument("--page", type=int, default=20000, help="rows per bootstrap page and table")
    parser.add_argument("--processes", type=int, default=10,
                        help="processes hosting the workstations (5 each by default: a real one has its own)")
    parser.add_argument("--no-bootstrap", action="store_true", help="skip the bootstrap measurement")
    parser.add_argument("--bootstrap-only", action="store_true", help="measure the bootstrap and nothing else")
    parser.add_argument("--breakdown", action="store_true",
                        help="print where the bootstrap's time goes (wall and CPU seconds per step) on stderr")
    parser.add_argument("--no-snapshot", dest="snapshot", action="store_false",
                        help="no workstation image: the bootstrap rebuilds everything from pages")
    parser.add_argument("--dsn", help="use this central (already holding the demo data) instead of a new one")
    args = parser.parse_args()
    bench = Bench(args)
    result: dict[str, object] = {"patients": args.patients, "machine": {
        "cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}}
    try:
        result.update(bench.setup())
        if not args.no_bootstrap:
            result.update(bench.bootstrap())
        if not args.bootstrap_only:
            result.update(bench.push_throughput())
            result.update(bench.clients())
    finally:
        bench.close()
    result["errors"] = len(bench.errors)
    result["error_codes"] = sorted(set(bench.errors))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
