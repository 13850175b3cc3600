"""Demo rows for the supervisor workspace: teams, wrap-up seconds, today's night-line contacts, QA reviews."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from hcrm_desktop.demo.generate import generate_database
from hcrm_desktop.services.qa import default_checklist

TODAY = date(2025, 11, 20)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("supervision") / "demo.db"
    summary = generate_database(path, patients=400, seed=3, today=TODAY)
    conn = sqlite3.connect(path)
    yield conn, summary, path
    conn.close()


def test_every_agent_has_a_team_and_every_contact_a_wrap_up(demo):
    conn, _summary, _path = demo
    assert conn.execute("SELECT count(*) FROM staff_users WHERE role = 'agent' AND team IS NULL").fetchone() == (0,)
    teams = {t for (t,) in conn.execute("SELECT DISTINCT team FROM staff_users WHERE role = 'agent'")}
    assert len(teams) == 3
    low, high, missing = conn.execute(
        "SELECT min(wrap_seconds), max(wrap_seconds), sum(wrap_seconds IS NULL) FROM interactions"
        " WHERE agent_id IS NOT NULL").fetchone()
    assert missing == 0 and low >= 7 and high <= 160


def test_today_has_night_line_contacts_before_the_opening(demo):
    conn, _summary, _path = demo
    first, last, n = conn.execute(
        "SELECT min(started_at), max(ended_at), count(*) FROM interactions WHERE started_at >= ?",
        (TODAY.isoformat(),)).fetchone()
    assert n == 30  # 400 patients // 20 = 20, at least 30
    assert first >= f"{TODAY} 00:00" and last <= f"{TODAY} 08:00:00.000000"


def test_qa_reviews_follow_the_checklist_and_are_counted(demo):
    conn, summary, _path = demo
    checklist = {i.code: i.max_points for i in default_checklist().items}
    rows = conn.execute("SELECT q.scores, q.total, q.reviewed_at, i.started_at, q.agent_id = i.agent_id"
                        " FROM qa_reviews q JOIN interactions i ON i.id = q.interaction_id").fetchall()
    assert len(rows) == summary.rows["qa_reviews"] > 0
    for scores_json, total, reviewed, started, same_agent in rows:
        scores = json.loads(scores_json)
        assert set(scores) == set(checklist) and all(0 <= scores[k] <= checklist[k] for k in scores)
        assert total == sum(scores.values()) and same_agent
        assert started < reviewed < TODAY.isoformat()


def test_the_same_seed_gives_the_same_reviews(demo, tmp_path):
    conn, _summary, _path = demo
    again = generate_database(tmp_path / "again.db", patients=400, seed=3, today=TODAY)
    other = sqlite3.connect(again.path)
    try:
        query = "SELECT * FROM qa_reviews ORDER BY id"
        assert other.execute(query).fetchall() == conn.execute(query).fetchall()
    finally:
        other.close()
