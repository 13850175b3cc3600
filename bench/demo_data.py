"""Benchmark of `hcrm-desktop demo-data`: build N patients with their history into a temp file.

    python bench/demo_data.py --patients 1000000 [--seed 1] [--progress] [--keep PATH]

Prints one JSON object: row counts, seconds per stage, throughput, file size, CPU seconds of the writer
and of the generating worker process, and a floor measured in the same run (a bare `executemany` of
narrow rows into SQLite on this machine), so figures from a busy machine can be put in proportion.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from hcrm_desktop.demo.generate import generate_database, print_progress  # noqa: E402


def sqlite_floor(rows: int = 300_000) -> float:
    """Rows per second of a bare executemany (id text primary key + 6 columns) into a temp file."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "floor.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a INTEGER, b TEXT, c TEXT, d INTEGER, e TEXT, f TEXT)")
        data = [(f"{i * 2654435761 % 2**32:08x}-{i:027d}", i, "central", "2025-01-01 08:00:00.000000", 0, None, "x")
                for i in range(rows)]  # fmt: skip
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", data)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
        conn.close()
    return rows / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--progress", action="store_true", help="progress lines on stderr")
    parser.add_argument("--keep", type=Path, help="build here and keep the file (default: a temp file)")
    args = parser.parse_args()

    stages: dict[str, float] = {}
    started = time.perf_counter()

    def on_progress(stage: str, done: int, total: int) -> None:
        stages[stage] = round(time.perf_counter() - started, 2)
        if args.progress:
            print_progress(stage, done, total)

    load_before = os.getloadavg()
    floor = sqlite_floor()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "demo.db"
        cpu = time.process_time()
        started = time.perf_counter()
        summary = generate_database(path, patients=args.patients, seed=args.seed, force=True, on_progress=on_progress)
        cpu_main = time.process_time() - cpu
        size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob(path.name + "-*"))
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "patients": args.patients,
        "seed": args.seed,
        "history_rows": summary.history_rows,
        "history_rows_per_patient": round(summary.history_rows / max(1, args.patients), 2),
        "total_rows": summary.total_rows,
        "rows": dict(summary.rows),
        "seconds": round(summary.seconds, 1),
        "stage_done_at_s": stages,
        "patients_per_s": round(args.patients / summary.seconds),
        "rows_per_s": round(summary.total_rows / summary.seconds),
        "db_mb": round(size / 2**20, 1),
        "cpu_s": {"writer": round(cpu_main, 1), "worker": round(children.ru_utime + children.ru_stime, 1)},
        "floor": {"bare_sqlite_insert_rows_per_s": round(floor)},
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            "load_avg_before": [round(x, 2) for x in load_before],
            "load_avg_after": [round(x, 2) for x in os.getloadavg()],
        },
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
