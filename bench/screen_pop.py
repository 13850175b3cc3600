"""Benchmark of the screen pop, search and the duplicate scan on a demo database of the named scale.

    python bench/screen_pop.py --patients 1000000 --history 10000000 [--db PATH] [--calls 300] [--seed 7]

Builds the demo database (`--db` reuses an existing file, or builds there), then, offscreen, rings the
simulator through the path the app uses (CtiBridge -> ScreenPop -> lookup and profile on the database
worker -> CallCard painted) for `--calls` numbers: customers' own numbers, family members' numbers and
unknown ones. Prints one JSON object: pop p50/p95/max in ms (event received to card painted, the figure
the app logs as `screen_pop`), the floor (a bare sqlite3 lookup of the same numbers on the same file),
search p95 per query kind (`search_patients`), and the whole-database duplicate scan in seconds.
`--history` is the target the generator is sized for (about ten history rows per patient); the JSON
reports the rows actually there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hcrm_desktop.demo.generate import generate_database  # noqa: E402
from hcrm_desktop.demo.loader import HISTORY_TABLES  # noqa: E402

WARMUP_CALLS = 5
CALL_GAP_S = 0.2
SEARCH_SAMPLES = 40
MIX = (("customer", 0.7), ("family", 0.2), ("unknown", 0.1))
FLOOR_SQL = (
    "SELECT p.id FROM patient_phones AS pp JOIN patients AS p ON p.id = pp.patient_id "
    "WHERE pp.number_e164 = ? AND pp.deleted = 0 AND p.deleted = 0"
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2) if ordered else 0.0


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


# --- data --------------------------------------------------------------------------------------------


def ensure_database(path: Path, patients: int, seed: int) -> float:
    """Build the demo database unless the file is there; seconds spent building."""
    if path.exists():
        return 0.0
    started = time.perf_counter()
    generate_database(path, patients=patients, seed=seed)
    return time.perf_counter() - started


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts = {t: conn.execute(f"SELECT max(rowid) FROM {t}").fetchone()[0] or 0 for t in HISTORY_TABLES}
        counts["patients"] = conn.execute("SELECT max(rowid) FROM patients").fetchone()[0] or 0
    finally:
        conn.close()
    return counts


def pick_callers(db: Any, calls: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, number) for each call: own numbers, family numbers, unknown numbers, in the MIX shares."""
    from hcrm_desktop.services.profile import sample_caller
    from hcrm_desktop.views.workbench.simulate import unknown_number

    picked = []
    for _ in range(calls):
        kind = rng.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
        found = sample_caller(db, family=kind == "family", rng=rng) if kind != "unknown" else None
        picked.append((kind, found[0] if found else unknown_number(rng)))
    return picked


def search_queries(path: Path, rng: random.Random) -> dict[str, list[str]]:
    """Realistic queries per kind, taken from random patients of the file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM patients").fetchone()[0]
    queries: dict[str, list[str]] = {k: [] for k in ("name", "pinyin", "initials", "phone", "phone_tail",
                                                      "national_id", "customer_no", "identifier")}
    try:
        while min(len(v) for v in queries.values()) < SEARCH_SAMPLES:
            row = conn.execute(
                "SELECT p.id, p.name, p.name_pinyin, p.name_initials, p.national_id, p.customer_no, "
                "(SELECT number FROM patient_phones WHERE patient_id = p.id LIMIT 1), "
                "(SELECT value FROM patient_identifiers WHERE patient_id = p.id LIMIT 1) "
                "FROM patients AS p WHERE p.rowid >= ? LIMIT 1", (rng.randint(1, top),)).fetchone()
            if row is None:
                continue
            _pid, name, pinyin, initials, nid, customer_no, phone, identifier = row
            candidates = {"name": name, "pinyin": pinyin, "initials": initials, "phone": phone,
                          "phone_tail": phone[-4:] if phone else None, "national_id": nid,
                          "customer_no": customer_no, "identifier": identifier}
            for kind, value in candidates.items():
                if value and len(queries[kind]) < SEARCH_SAMPLES:
                    queries[kind].append(value)
    finally:
        conn.close()
    return queries


# --- measurements ------------------------------------------------------------------------------------


def floor_ms(path: Path, numbers: list[str]) -> list[float]:
    from hcrm_desktop.domain.phones import PhoneError, normalize_phone

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    times = []
    try:
        for number in numbers:
            try:
                phone = normalize_phone(number)
            except PhoneError:
                continue
            if phone is not None:
                times.append(timed(lambda e=phone.e164: conn.execute(FLOOR_SQL, (e,)).fetchall()))
    finally:
        conn.close()
    return times


def search_ms(db: Any, queries: dict[str, list[str]]) -> dict[str, float]:
    from hcrm_desktop.services.search import search_patients

    result = {}
    for kind, texts in queries.items():
        for text in texts[:3]:
            search_patients(db, text)  # warm the statement cache and the pages
        result[kind] = pct([timed(lambda t=t: search_patients(db, t)) for t in texts], 0.95)
    return result


def dedupe_scan_s(db: Any) -> float | None:
    try:
        from hcrm_desktop.services.identity import scan_duplicates
    except ImportError:
        return None
    started = time.perf_counter()
    scan_duplicates(db)
    return round(time.perf_counter() - started, 1)


async def pop_all(window: Any, callers: list[tuple[str, str]]) -> list[tuple[str, str, float, float]]:
    """Ring each number through the simulator; wait for the card to be painted; close it. Per call: the
    caller kind, the card shown, wall ms (as logged) and the UI thread's CPU ms over the same span (what
    a loaded machine cannot inflate)."""
    from hcrm_desktop.ui.tasks import signal_future

    workbench = window.views["workbench"]
    simulator = window.bridge.simulator
    results = []
    for kind, number in callers:
        popped = signal_future(workbench.screen_pop.popped)
        cpu = time.thread_time()
        call_id = simulator.ring(number, "")
        async with asyncio.timeout(30):
            _call, _matched, ms = await popped
        cpu_ms = (time.thread_time() - cpu) * 1000
        results.append((kind, workbench.calls.card(call_id).kind, ms, cpu_ms))
        simulator.hang_up(call_id)
        calls = workbench.calls
        calls.close_card(calls.card(call_id))
        await asyncio.sleep(CALL_GAP_S)  # calls come seconds apart; the app prepares the next card meanwhile
    return results


def screen_pops(path: Path, callers: list[tuple[str, str]]) -> list[tuple[str, str, float, float]]:
    from qasync import QEventLoop

    from hcrm_desktop.app import make_application
    from hcrm_desktop.domain.enums import Role
    from hcrm_desktop.services.staff import StaffAccount
    from hcrm_desktop.settings import Settings
    from hcrm_desktop.store.db import open_database
    from hcrm_desktop.ui.cti import CtiBridge
    from hcrm_desktop.ui.shell import MainWindow
    from hcrm_desktop.ui.tasks import TaskRunner

    app = make_application()
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    runner = TaskRunner(loop=loop)

    async def run() -> list[tuple[str, str, float, float]]:
        db = await runner.run_db(open_database, path)
        bridge = CtiBridge(adapter="simulator", address="", runner=runner)
        await bridge.start()
        session = StaffAccount("bench", "bench", "Bench", Role.AGENT)
        with tempfile.TemporaryDirectory() as home:
            os.environ["HCRM_DESKTOP_HOME"] = home  # never the user's settings
            window = MainWindow(db=db, runner=runner, session=session, settings=Settings(), demo=True, bridge=bridge)
            window.resize(1366, 768)
            window.show()
            await asyncio.sleep(0.2)
            try:
                return await pop_all(window, callers)
            finally:
                window.hide()
                await bridge.stop()
                await runner.idle()
                await runner.run_db(db.dispose)

    try:
        return loop.run_until_complete(run())
    finally:
        runner.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, required=True)
    parser.add_argument("--history", type=int, help="target history rows (the generator makes ~10 per patient)")
    parser.add_argument("--db", type=Path, help="reuse this database (or build it here)")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-scan", action="store_true", help="skip the whole-database duplicate scan")
    args = parser.parse_args()

    from hcrm_desktop.store.db import open_database

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / f"screen_pop_{args.patients}.db"
        build_s = ensure_database(path, args.patients, seed=1)
        counts = row_counts(path)
        db = open_database(path)
        try:
            callers = pick_callers(db, args.calls + WARMUP_CALLS, rng)
            queries = search_queries(path, rng)
            floor = floor_ms(path, [number for _kind, number in callers])
            searches = search_ms(db, queries)
            scan = None if args.no_scan else dedupe_scan_s(db)
        finally:
            db.dispose()
        pops = screen_pops(path, callers)[WARMUP_CALLS:]
    pop_ms = [ms for _kind, _card, ms, _cpu in pops]
    cpu_ms = [cpu for _kind, _card, _ms, cpu in pops]
    by_caller = {kind: pct([ms for k, _c, ms, _u in pops if k == kind], 0.95) for kind, _ in MIX}
    cards = sorted({c for _k, c, _m, _u in pops})
    by_card = {card: pct([ms for _k, c, ms, _u in pops if c == card], 0.95) for card in cards}
    print(json.dumps({
        "scale": {"patients": counts["patients"], "history_rows": sum(counts[t] for t in HISTORY_TABLES),
                  "history_target": args.history, "database_built_s": round(build_s, 1)},
        "calls": len(pop_ms),
        "screen_pop_p50_ms": pct(pop_ms, 0.5),
        "screen_pop_p95_ms": pct(pop_ms, 0.95),
        "screen_pop_max_ms": pct(pop_ms, 1.0),
        "screen_pop_ui_cpu_p50_ms": pct(cpu_ms, 0.5),
        "screen_pop_ui_cpu_p95_ms": pct(cpu_ms, 0.95),
        "screen_pop_p95_ms_by_caller": by_caller,
        "screen_pop_p95_ms_by_card": by_card,
        "floor_p50_ms": pct(floor, 0.5),
        "floor_p95_ms": pct(floor, 0.95),
        "search_p95_ms": searches,
        "dedupe_scan_s": scan,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version,
                    "load_avg_1m_at_end": round(os.getloadavg()[0], 2)},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
