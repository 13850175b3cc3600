"""The shipped knowledge articles (`resources/recording/knowledge.json`) in the demo database, as rows of
the central baseline: the same ids `services.knowledge.ensure_seeded` would give them, a fixed stamp."""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hcrm_desktop.services.knowledge import SEEDED_KEY, read_seed
from hcrm_desktop.store.db import raw_connection

INSERT = (
    "INSERT INTO knowledge_articles (id, updated_at, version, deleted, origin, category, title, body, keywords, "
    "active, updated_by_id) VALUES (?, ?, 1, 0, 'central', ?, ?, ?, ?, 1, NULL)"
)


def add_knowledge(path: Path, *, today: date, counts: MutableMapping[str, int] | None = None) -> int:
    """Insert the articles into the finished demo database at `path`; return how many."""
    stamp = datetime.combine(today - timedelta(days=30), time(2, 0)).isoformat(sep=" ", timespec="microseconds")
    articles = read_seed()
    conn = raw_connection(path)
    try:
        with conn:
            conn.execute("BEGIN")
            conn.executemany(INSERT, [(a.id, stamp, a.category, a.title, a.body, a.keywords) for a in articles])
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SEEDED_KEY, str(len(articles))))
            conn.execute("COMMIT")
    finally:
        conn.close()
    if counts is not None:
        counts["knowledge_articles"] = len(articles)
    return len(articles)
