"""The demo's follow-up tasks come from the shipped rules: same codes and steps, due inside the call window,
and a generation run over fresh demo data finds them all already there (it makes nothing new)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from hcrm_desktop.demo.generate import generate_database
from hcrm_desktop.services.followup_catalog import shipped_rules
from hcrm_desktop.services.followup_generation import generate_tasks
from hcrm_desktop.store.db import open_database

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fudemo") / "demo.db"
    generate_database(path, patients=800, seed=11, today=TODAY)
    return path


def test_demo_tasks_use_the_shipped_rules_and_call_windows(demo: Path) -> None:
    rules = {r.code: r for r in shipped_rules().rules}
    with sqlite3.connect(demo) as conn:
        rows = conn.execute("SELECT r.code, t.step, t.due_at, t.window_end, t.priority FROM followup_tasks t"
                            " JOIN followup_rules r ON r.id = t.rule_id").fetchall()  # fmt: skip
        stored = {code for (code,) in conn.execute("SELECT code FROM followup_rules")}
    assert stored == set(rules)
    assert {code for code, *_ in rows} >= {"post_discharge", "chronic_hypertension", "abnormal_checkup"}
    for code, step, due, window_end, priority in rows:
        rule = rules[code]
        assert step in {s.code for s in rule.steps}, (code, step)
        assert priority == next(s.priority for s in rule.steps if s.code == step)
        due_at = datetime.fromisoformat(due)
        assert rule.call_window.is_open(due_at), (code, due)
        assert datetime.fromisoformat(window_end) >= due_at
        assert due_at.date() <= TODAY.replace(day=26)  # nothing made before generation would make it


def test_generation_over_fresh_demo_data_finds_the_tasks_there(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(demo.read_bytes())
    db = open_database(copy)
    try:
        report = generate_tasks(db, today=TODAY, now=datetime(2026, 11, 25, 0, 30))
    finally:
        db.dispose()
    existing = report.skipped_by_reason().get("exists", 0)
    assert existing > 100
    assert report.total_created == 0, report.to_json()
