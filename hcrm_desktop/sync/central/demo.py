"""`hcrm-central demo-data`: the demo generator's data set, copied into the central database.

The generator builds an SQLite file (fast, deterministic); its rows are streamed into PostgreSQL with
COPY, each stamped with its own version from the server counter, so workstations can bootstrap from it
in pages. The demo staff can sign in to the HTTP service with their demo password.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from hcrm_desktop.sync.central.schema import ROLES
from hcrm_desktop.sync.tables import table_specs

Progress = Callable[[str, int, int], None]


def load_demo(engine: Engine, *, patients: int, seed: int, on_progress: Progress | None = None,
              work_dir: Path | None = None) -> dict[str, int]:
    """Generate the demo data set and copy it in; returns rows per table."""
    from hcrm_desktop.demo.generate import generate_database

    with tempfile.TemporaryDirectory(dir=work_dir, prefix="hcrm-demo-") as tmp:
        path = Path(tmp) / "demo.db"
        generate_database(path, patients=patients, seed=seed, on_progress=on_progress)
        return copy_from_sqlite(engine, path, on_progress=on_progress)


def copy_from_sqlite(engine: Engine, path: Path, *, on_progress: Progress | None = None) -> dict[str, int]:
    """Copy every synced table of a workstation-format SQLite file into the central tables."""
    source = sqlite3.connect(path)
    counts: dict[str, int] = {}
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:  # type: ignore[union-attr]
            cur.execute("SELECT pg_advisory_xact_lock(483172)")  # versions in commit order, as push does
            cur.execute("SELECT nextval('sync_version_seq')")
            version = int(cur.fetchone()[0])
            for spec in table_specs().values():
                counts[spec.name] = _copy_table(cur, source, spec.name, spec.columns, version)
                version += counts[spec.name]
                if on_progress:
                    on_progress(f"copy {spec.name}", int(time.perf_counter() - started), 0)
            cur.execute("SELECT setval('sync_version_seq', %s)", (version,))
            _demo_users(cur, source)
        raw.commit()
        # statistics now, not when autovacuum gets to it: without them the planner reads a pull's "rows
        # after my cursor" as a third of the table and scans all of it (35 ms per pull at 20k patients);
        # the vacuum sets the visibility map and hint bits once, instead of autovacuum doing so while the
        # first workstations sync. Only the tables that were filled: an empty table that was analyzed is
        # planned as empty for good (a push's look-up in `sync_mutations` became a full scan, slower with
        # every push until autovacuum caught up), while one never analyzed is assumed to have some pages
        filled = ", ".join(f'"{name}"' for name, n in counts.items() if n)
        raw.driver_connection.autocommit = True  # type: ignore[union-attr]
        with raw.driver_connection.cursor() as cur:  # type: ignore[union-attr]
            if filled:
                cur.execute(f"VACUUM (ANALYZE) {filled}")
    finally:
        raw.close()
        source.close()
    return counts


def _copy_table(cur: object, source: sqlite3.Connection, table: str, columns: tuple[str, ...], first: int) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    rows = source.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid')
    n = 0
    with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:  # type: ignore[attr-defined]
        for row in rows:
            copy.write_row((row[0], first + n, *row[2:]))
            n += 1
    return n


def _demo_users(cur: object, source: sqlite3.Connection) -> None:
    for username, role, password_hash, staff_id in source.execute(
            "SELECT username, role, password_hash, id FROM staff_users WHERE password_hash IS NOT NULL"):
        if role in ROLES:
            cur.execute(  # type: ignore[attr-defined]
                "INSERT INTO sync_users (username, role, password_hash, staff_user_id) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (username) DO NOTHING", (username, role, password_hash, staff_id))
