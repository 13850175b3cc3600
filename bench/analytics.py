"""Benchmark of the supervisor workspace at scale: live board, a month's KPI view, segmentation, report.

    python bench/analytics.py --patients 1000000 --interactions 10000000 [--seed 1] [--keep PATH | --db PATH] [--progress]

Builds the demo database at N patients (`hcrm-desktop demo-data`), then bulk-adds interactions until the
table holds M (spread evenly over the three years up to now and inserted in time order, as a cache receives
them from sync and from the desk; with the sync columns; no outbox rows: this is the local cache), then
times on the finished file:
- `board_refresh_s`: `analytics.board.load_board()` at now (p50 of 5 warm runs; p95 and the cold first run too);
- `kpi_month_s`: `analytics.performance.kpi_table()` for last month, per agent (p50 of 3 warm runs);
- `segmentation_s`: `analytics.segments.segment_patients()` over all patients (once), if that module exists;
- `report_s`: `analytics.report.build_monthly_report()` for last month to a PDF and an .xlsx (once), if present.
Floors measured in the same run put the figures in proportion: the bare indexed `count(*)` of today's and
of last month's interactions. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from hcrm_desktop.analytics.board import load_board  # noqa: E402
from hcrm_desktop.analytics.frames import Period, read_rows  # noqa: E402
from hcrm_desktop.analytics.performance import kpi_table  # noqa: E402
from hcrm_desktop.demo.generate import generate_database  # noqa: E402
from hcrm_desktop.store.db import open_database  # noqa: E402

BATCH = 200_000
DAYS = 3 * 365
TYPES = ("consultation",) * 74 + ("booking",) * 15 + ("praise",) * 5 + ("other",) * 6
CHANNELS = ("phone",) * 72 + ("wechat",) * 14 + ("web",) * 6 + ("sms",) * 3 + ("walk_in",) * 5
COLUMNS = ("id", "updated_at", "version", "deleted", "origin", "patient_id", "type", "channel", "direction",
           "category", "agent_id", "started_at", "ended_at", "handle_seconds", "resolved_first_contact",
           "wrap_seconds")  # fmt: skip


def add_interactions(path: Path, target: int, seed: int, now: datetime, log: Callable[[str], None]) -> int:
    """Bulk-add interactions until the table holds `target` rows; returns how many were added. The secondary
    indexes of `interactions` are dropped for the load and rebuilt after (as the demo loader does)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1048576")
    have = conn.execute("SELECT count(*) FROM interactions").fetchone()[0]
    missing = max(0, target - have)
    if missing:
        indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions'"
                               " AND sql IS NOT NULL").fetchall()
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        _insert(conn, missing, seed, now, log)
        conn.execute(f"PRAGMA threads={min(4, os.cpu_count() or 1)}")
        for name, sql in indexes:
            log(f"index {name}")
            conn.execute(sql)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return missing


def _insert(conn: sqlite3.Connection, missing: int, seed: int, now: datetime, log: Callable[[str], None]) -> None:
    rng = random.Random(f"bench-analytics:{seed}")
    count = conn.execute("SELECT count(*) FROM patients").fetchone()[0]
    step = max(1, count // 200_000)
    patients = [r[0] for r in conn.execute(f"SELECT id FROM patients WHERE rowid % {step} = 0")]
    agents = [r[0] for r in conn.execute("SELECT id FROM staff_users WHERE role IN ('agent', 'nurse')")]
    first = datetime.combine(now.date() - timedelta(days=DAYS), datetime.min.time())
    span = int((now - first).total_seconds())
    days = [(first.date() + timedelta(days=i)).isoformat() for i in range(DAYS + 2)]
    hms = [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86_400)]
    sql = f"INSERT INTO interactions ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    r = rng.random
    done = 0
    conn.execute("BEGIN")
    while done < missing:
        rows = []
        for i in range(done, min(missing, done + BATCH)):
            t = int((i + r()) * span / missing)  # in time order, as a cache receives them
            handle = 60 + int(r() * 400)
            end = t + handle
            rows.append((
                f"f{i:07x}-0000-4000-8000-{i:012x}", days[t // 86_400] + hms[t % 86_400], 1, 0, "central",
                patients[int(r() * len(patients))], TYPES[int(r() * 100)], CHANNELS[int(r() * 100)], "inbound",
                "咨询/其他", agents[int(r() * len(agents))], days[t // 86_400] + hms[t % 86_400],
                days[end // 86_400] + hms[end % 86_400], handle, int(r() < 0.85), 15 + int(r() * 100),
            ))  # fmt: skip
        conn.executemany(sql, rows)
        done += len(rows)
        log(f"interactions +{done}/{missing}")
    conn.execute("COMMIT")


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, list[float]]:
    """(first run, the warm runs after it) in seconds."""
    started = time.perf_counter()
    fn()
    cold = time.perf_counter() - started
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        warm.append(time.perf_counter() - started)
    return cold, warm


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def floor(db_path: Path, period: Period) -> float:
    conn = sqlite3.connect(db_path)
    started = time.perf_counter()
    conn.execute("SELECT count(*) FROM interactions WHERE started_at >= ? AND started_at < ?", period.bounds).fetchone()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def optional_figures(db: Any, today: date, month: Period, tmp: Path) -> dict[str, Any]:
    """Segmentation and the monthly report, from the analytics modules when they exist."""
    out: dict[str, Any] = {"segmentation_s": None, "report_s": None}
    try:
        from hcrm_desktop.analytics.segments import segment_patients
    except ImportError:
        out["segmentation_note"] = "hcrm_desktop.analytics.segments.segment_patients not available"
    else:
        started = time.perf_counter()
        segments = segment_patients(db, today=today)
        out["segmentation_s"] = round(time.perf_counter() - started, 3)
        out["segmented_patients"] = len(segments)
    try:
        from hcrm_desktop.analytics.report import build_monthly_report
    except ImportError:
        out["report_note"] = "hcrm_desktop.analytics.report.build_monthly_report not available"
    else:
        started = time.perf_counter()
        build_monthly_report(db, month=f"{month.start:%Y-%m}", pdf=tmp / "report.pdf", xlsx=tmp / "report.xlsx",
                             today=today)
        out["report_s"] = round(time.perf_counter() - started, 3)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, required=True)
    parser.add_argument("--interactions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build here and keep the file (default: a temp file)")
    parser.add_argument("--db", type=Path, help="measure an existing database (changed: interactions added up to M)")
    parser.add_argument("--progress", action="store_true", help="progress lines on stderr")
    args = parser.parse_args()

    def log(text: str) -> None:
        if args.progress:
            print(f"{time.perf_counter() - started:7.1f}s {text}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    now = datetime.now()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = args.db or args.keep or tmp / "analytics.db"
        build: dict[str, float] = {}
        if args.db is None:
            log("demo data")
            generate_database(path, patients=args.patients, seed=args.seed, force=True)
            build["demo_data_s"] = round(time.perf_counter() - started, 1)
        open_database(path).dispose()  # an existing file may need the current schema (wrap_seconds...)
        mark = time.perf_counter()
        added = add_interactions(path, args.interactions, args.seed, now, log)
        build["add_interactions_s"] = round(time.perf_counter() - mark, 1)
        db = open_database(path)
        try:
            log("measuring")
            counts = {t: read_rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("patients", "interactions")}
            month = Period.last_month(now.date())
            board_cold, board = timed(lambda: load_board(db, now=datetime.now()), 5)
            kpi_cold, kpi = timed(lambda: kpi_table(db, month, now=now), 3)
            result: dict[str, Any] = {
                "scale": {"patients": counts["patients"], "interactions": counts["interactions"],
                          "interactions_added": added, "month": f"{month.start:%Y-%m}"},
                "board_refresh_s": round(statistics.median(board), 3),
                "board_refresh_p95_s": round(p95(board), 3),
                "board_refresh_cold_s": round(board_cold, 3),
                "board_today_contacts": load_board(db, now=datetime.now()).contacts_today,
                "kpi_month_s": round(statistics.median(kpi), 3),
                "kpi_month_p95_s": round(p95(kpi), 3),
                "kpi_month_cold_s": round(kpi_cold, 3),
                "floor_today_count_s": round(floor(path, Period.day(now.date())), 4),
                "floor_month_count_s": round(floor(path, month), 4),
            }
            log("segmentation and report")
            result.update(optional_figures(db, now.date(), month, tmp))
        finally:
            db.dispose()
        result["build"] = build
        result["machine"] = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                             "cpus": os.cpu_count(), "platform": platform.platform(),
                             "load_1m": round(os.getloadavg()[0], 2)}
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
