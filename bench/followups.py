"""Benchmark of follow-up task generation and of the first page of a large worklist.

    python bench/followups.py --patients 1000000 [--seed 1] [--db PATH] [--progress]

Builds N demo patients with their history (`demo/generate.py`; `--db` keeps or reuses the file), then
- `generate_s`: a first run of the shipped rules under new codes, so every candidate is made (the worst case:
  all tasks and their outbox rows are new); `rerun_s`: the same run again (creates nothing: idempotent);
  `daily_s`: a run of the shipped rules over the demo's own tasks (the ordinary daily run);
- `first_page_ms`: the worklist's first page as its table model paints it (`services.worklist.first_page`,
  100 rows; the whole ordered id list follows in the background and is reported as `id_list_ms`) for the filter whose size is nearest 50,000 tasks;
- floors measured in the same run: bare `count(*)` scans of the tables generation reads, and the bare SQL
  of the first page (`ORDER BY priority, due_at LIMIT 100`).
Prints one JSON object; times are p50/p95 over repeated runs where a run is cheap enough to repeat.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from hcrm_desktop.demo.generate import generate_database, print_progress  # noqa: E402
from hcrm_desktop.domain.followup_rules import RuleSet  # noqa: E402
from hcrm_desktop.services.followup_catalog import shipped_rules  # noqa: E402
from hcrm_desktop.services.followup_generation import generate_tasks  # noqa: E402
from hcrm_desktop.services.worklist import (  # noqa: E402
    ACTIVE_STATES,
    WorklistFilter,
    first_page,
    worklist_ids,
)
from hcrm_desktop.store.db import Database, open_database  # noqa: E402

TARGET_TASKS = 50_000
PAGE = 100


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"p50": round(statistics.median(ordered), 2), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
            "n": len(ordered)}  # fmt: skip


def renamed(rules: RuleSet, prefix: str) -> RuleSet:
    """The shipped rules under new codes: every candidate is new to the database."""
    from dataclasses import replace

    return RuleSet(tuple(replace(r, code=prefix + r.code, definition={**r.definition, "code": prefix + r.code})
                         for r in rules.rules))  # fmt: skip


def generation_floor(db: Database) -> dict[str, float]:
    """Milliseconds of a bare count over each table generation reads."""
    floor = {}
    with db.engine.connect() as conn:
        for table in ("patients", "encounters", "checkups", "patient_phones", "followup_tasks"):
            started = time.perf_counter()
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            floor[table] = round((time.perf_counter() - started) * 1000, 1)
    return floor


def pick_filter(db: Database) -> tuple[str, WorklistFilter, int]:
    """The worklist filter (all, one rule, one nurse) whose active task count is nearest TARGET_TASKS."""
    states = ", ".join(f"'{s}'" for s in ACTIVE_STATES)
    active = f"deleted = 0 AND state IN ({states})"
    with db.engine.connect() as conn:
        options: list[tuple[str, WorklistFilter, int]] = [
            ("all", WorklistFilter(),
             int(conn.exec_driver_sql(f"SELECT count(*) FROM followup_tasks WHERE {active}").scalar() or 0))]
        for rule_id, n in conn.exec_driver_sql(f"SELECT rule_id, count(*) FROM followup_tasks WHERE {active} GROUP BY 1"):
            options.append((f"rule:{rule_id}", WorklistFilter(rule_id=rule_id), n))
        for who, n in conn.exec_driver_sql(f"SELECT assignee_id, count(*) FROM followup_tasks WHERE {active}"
                                           " AND assignee_id IS NOT NULL GROUP BY 1"):  # fmt: skip
            options.append((f"assignee:{who}", WorklistFilter(assignee_id=who), n))
    return min(options, key=lambda o: abs(o[2] - TARGET_TASKS))


def page_floor(db: Database, f: WorklistFilter, repeat: int) -> dict[str, float]:
    states = ", ".join(f"'{s}'" for s in f.states)
    extra = f" AND rule_id = '{f.rule_id}'" if f.rule_id else f" AND assignee_id = '{f.assignee_id}'" \
        if f.assignee_id else ""  # fmt: skip
    sql = (f"SELECT id FROM followup_tasks WHERE deleted = 0 AND state IN ({states}){extra}"
           f" ORDER BY priority, due_at LIMIT {PAGE}")  # fmt: skip
    with db.engine.connect() as conn:
        times, _ = timed(lambda: conn.exec_driver_sql(sql).fetchall(), repeat)
    return summary(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="build (or reuse, if it exists) the demo database here")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--repeat", type=int, default=15, help="runs of the first page")
    args = parser.parse_args()
    today = date.today()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "followups.db"
        build_s = None
        if not path.exists():
            started = time.perf_counter()
            generate_database(path, patients=args.patients, seed=args.seed, today=today,
                              on_progress=print_progress if args.progress else None)  # fmt: skip
            build_s = round(time.perf_counter() - started, 1)
        db = open_database(path)
        try:
            result = run(db, today, args.repeat)
        finally:
            db.dispose()
    result.update(patients=args.patients, seed=args.seed, build_s=build_s, load_before=[round(x, 2) for x in load_before],
                  load_after=[round(x, 2) for x in os.getloadavg()], machine={"cpus": os.cpu_count(),
                  "python": platform.python_version(), "platform": platform.platform()})  # fmt: skip
    print(json.dumps(result, ensure_ascii=False))
    return 0


def run(db: Database, today: date, repeat: int) -> dict[str, Any]:
    floor = generation_floor(db)
    daily = generate_tasks(db, today=today)
    prefix = f"b{int(time.time()) % 100000}_"
    fresh = generate_tasks(db, today=today, rules=renamed(shipped_rules(), prefix))
    again = generate_tasks(db, today=today, rules=renamed(shipped_rules(), prefix))
    label, f, size = pick_filter(db)
    now = datetime.combine(today, datetime.min.time()).replace(hour=10)

    def first_page_shown() -> int:  # what the table model paints before the whole id list is known
        return len(first_page(db, f, now=now, limit=PAGE))

    def whole_id_list() -> int:  # loaded next, in the background, for scrolling
        return len(worklist_ids(db, f, now=now))

    page_times, shown = timed(first_page_shown, repeat)
    id_list_times, _ = timed(whole_id_list, repeat)
    return {
        "generate_s": round(fresh.seconds, 2),
        "generate_created": fresh.total_created,
        "generate_created_by_rule": {k[len(prefix):]: v for k, v in fresh.created.items()},
        "generate_skipped": fresh.skipped_by_reason(),
        "rerun_s": round(again.seconds, 2),
        "rerun_created": again.total_created,
        "daily_s": round(daily.seconds, 2),
        "daily_created": daily.total_created,
        "generate_floor_count_ms": floor,
        "first_page_ms": summary(page_times)["p50"],
        "first_page": summary(page_times),
        "first_page_rows": shown,
        "first_page_method": "services.worklist.first_page(limit=100)",
        "id_list_ms": summary(id_list_times),
        "worklist_filter": label.split(":")[0],
        "worklist_tasks": size,
        "first_page_floor_ms": page_floor(db, f, repeat),
    }


if __name__ == "__main__":
    raise SystemExit(main())
