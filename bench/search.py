"""Benchmark of caller lookup, search as you type, and the duplicate scan on a large local cache.

    python bench/search.py --db /tmp/bench1m.db [--samples 300] [--seed 1]
    python bench/search.py --patients 100000 [--keep PATH]      # builds the demo database first

Prints one JSON object: p50/p95/max of `lookup_number` and of `search_patients` per query kind (queries
drawn from the data itself, typed keystroke by keystroke for names, pinyin and initials), the bare SQLite
floor for the lookup (the same SQL on a plain sqlite3 connection, same numbers), the whole-database
duplicate scan in seconds, the scale and the machine. Timings are warm: each kind runs its queries once
before measuring. `measure()` is importable by other benchmarks (e.g. bench/screen_pop.py).
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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from hcrm_desktop.demo.generate import generate_database  # noqa: E402
from hcrm_desktop.services.identity import scan_duplicates  # noqa: E402
from hcrm_desktop.services.lookup import _phone_query, lookup_number  # noqa: E402
from hcrm_desktop.services.search import search_patients  # noqa: E402
from hcrm_desktop.store.db import Database, open_database  # noqa: E402


def percentiles(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50": round(statistics.median(ordered), 3), "p95": round(p95, 3), "max": round(ordered[-1], 3),
            "n": len(ordered)}  # fmt: skip


def timed(fn: Callable[[str], object], queries: Iterable[str]) -> list[float]:
    out = []
    for q in queries:
        started = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _sample(conn: sqlite3.Connection, sql: str, n: int, rng: random.Random) -> list[tuple[Any, ...]]:
    """`n` random rows of `sql` (which selects from a table aliased `t`), picked by rowid."""
    table = sql.split(" FROM ", 1)[1].split()[0]
    top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    rows: list[tuple[Any, ...]] = []
    while len(rows) < n and top:
        ids = ",".join(str(rng.randint(1, top)) for _ in range(n))
        rows += conn.execute(f"{sql} WHERE t.rowid IN ({ids})").fetchall()
    return rows[:n]


def keystrokes(text: str, start: int = 1) -> list[str]:
    """What a search box holds after each key: 张, 张伟 ... (or z, zh, zha ...)."""
    return [text[:i] for i in range(start, len(text) + 1)]


def queries(path: Path, n: int, seed: int) -> dict[str, list[str]]:
    """Search texts of each kind, drawn from the data at random (deterministic for a seed)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    people = _sample(conn, "SELECT t.id, t.customer_no, t.name, t.name_pinyin, t.name_initials, t.national_id "
                           "FROM patients AS t", n, rng)  # fmt: skip
    numbers = [r[0] for r in _sample(conn, "SELECT t.number_e164 FROM patient_phones AS t", n, rng)]
    ids = [r[0] for r in _sample(conn, "SELECT t.value FROM patient_identifiers AS t", n, rng)]
    conn.close()
    mobile = [e[3:] for e in numbers if e.startswith("+86")]
    out = {
        "phone": mobile,
        "phone_tail": [m[-rng.choice((4, 4, 5, 6, 8)) :] for m in mobile],
        "name": [k for p in people for k in keystrokes(p[2])],
        "name_substring": [p[2][1:] for p in people if len(p[2]) > 2] + [p[2][-1] for p in people[: n // 4]],
        "pinyin": [k for p in people for k in keystrokes(p[3], 2)],
        "initials": [k for p in people for k in keystrokes(p[4], 2)],
        "national_id": [p[5] for p in people if p[5]],
        "customer_no": [p[1] for p in people],
        "customer_id": [p[0] for p in people],
        "identifier": ids,
    }
    for kind, texts in out.items():
        rng.shuffle(texts)
        out[kind] = texts[: max(n, 1)]
    return out


def lookup_numbers(path: Path, n: int, seed: int) -> list[str]:
    """Caller numbers: filed ones in the forms PBXs send, plus one in ten that nobody has."""
    rng = random.Random(seed + 1)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    numbers = [r[0] for r in _sample(conn, "SELECT t.number_e164 FROM patient_phones AS t", n, rng)]
    conn.close()
    forms = (lambda e: e[3:], lambda e: f"sip:{e[3:]}@10.0.0.1", lambda e: e, lambda e: f"tel:{e}")
    out = [rng.choice(forms)(e) for e in numbers]
    out[:: 10] = [f"1390000{rng.randint(0, 9999):04d}" for _ in out[:: 10]]
    return out


def floor_ms(path: Path, db: Database, numbers: list[str]) -> list[float]:
    """The lookup's own SQL on a plain sqlite3 connection: what SQLite alone needs."""
    from hcrm_desktop.domain.phones import normalize_phone

    sql = str(_phone_query().compile(db.engine)).replace(":e164", "?")
    conn = sqlite3.connect(str(path))
    e164s = [p.e164 for p in (normalize_phone(n) for n in numbers) if p]
    for e in e164s:
        conn.execute(sql, (e,)).fetchall()
    out = timed(lambda e: conn.execute(sql, (e,)).fetchall(), e164s)
    conn.close()
    return out


def measure(path: Path, *, samples: int = 300, seed: int = 1, scan: bool = True) -> dict[str, Any]:
    db = open_database(path)
    try:
        numbers = lookup_numbers(path, samples, seed)
        timed(lambda n: lookup_number(db, n), numbers)  # warm
        lookup = percentiles(timed(lambda n: lookup_number(db, n), numbers))
        floor = percentiles(floor_ms(path, db, numbers))
        search: dict[str, dict[str, float]] = {}
        for kind, texts in queries(path, samples, seed).items():
            timed(lambda q: search_patients(db, q), texts)  # warm
            search[kind] = percentiles(timed(lambda q: search_patients(db, q), texts))
        result: dict[str, Any] = {
            "lookup_p50_ms": lookup["p50"], "lookup_p95_ms": lookup["p95"], "lookup_ms": lookup,
            "floor_lookup_p50_ms": floor["p50"], "floor_lookup_p95_ms": floor["p95"],
            "search_p50_ms": {k: v["p50"] for k, v in search.items()},
            "search_p95_ms": {k: v["p95"] for k, v in search.items()},
            "search_max_ms": {k: v["max"] for k, v in search.items()},
        }  # fmt: skip
        if scan:
            started = time.perf_counter()
            pairs = scan_duplicates(db)
            result["dedupe_scan_s"] = round(time.perf_counter() - started, 2)
            result["dedupe_pairs"] = len(pairs)
        return result
    finally:
        db.dispose()


def scale(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = ("patients", "patient_phones", "patient_identifiers", "encounters", "checkups", "interactions",
              "complaints", "bookings", "followup_tasks", "survey_responses", "points_ledger")  # fmt: skip
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", type=Path, help="an existing database (not modified)")
    source.add_argument("--patients", type=int, help="build a demo database of this size first")
    parser.add_argument("--keep", type=Path, help="with --patients: build here and keep the file")
    parser.add_argument("--samples", type=int, default=300, help="queries per kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-scan", action="store_true", help="skip the duplicate scan")
    args = parser.parse_args()

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or args.keep or Path(tmp) / "bench.db"
        if args.patients is not None:
            generate_database(path, patients=args.patients, seed=args.seed, force=True)
        result = measure(path, samples=args.samples, seed=args.seed, scan=not args.no_scan)
        counts = scale(path)
    print(json.dumps({
        **result,
        "scale": counts,
        "samples_per_kind": args.samples,
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            "load_avg_before": [round(x, 2) for x in load_before],
            "load_avg_after": [round(x, 2) for x in os.getloadavg()],
        },
    }, ensure_ascii=False))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
