"""The demo database ships the knowledge articles, deterministically, and the app does not seed them again."""

from __future__ import annotations

import sqlite3
from datetime import date

from hcrm_desktop.demo.generate import generate_database
from hcrm_desktop.services.knowledge import ensure_seeded, read_seed, search_articles
from hcrm_desktop.store.db import open_database


def test_demo_database_has_the_articles_once(tmp_path):
    paths = [tmp_path / "a.db", tmp_path / "b.db"]
    for path in paths:
        summary = generate_database(path, patients=20, seed=3, today=date(2026, 11, 20))
        assert summary.rows["knowledge_articles"] == len(read_seed())
    rows = []
    for path in paths:
        conn = sqlite3.connect(path)
        rows.append(conn.execute("SELECT * FROM knowledge_articles ORDER BY id").fetchall())
        conn.close()
    assert rows[0] == rows[1] and len(rows[0]) == len(read_seed())
    db = open_database(paths[0])
    try:
        assert ensure_seeded(db) == 0
        assert search_articles(db, "中老年套餐")[0].title == "中老年套餐内容与价格"
    finally:
        db.dispose()
