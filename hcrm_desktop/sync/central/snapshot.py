"""`hcrm-central snapshot`: build the workstation images that first installs start from.

One image per set of tables a role may read (today: agents and nurses without the audit log, supervisors
and admins with it). Each is made by bootstrapping a scratch workstation database the ordinary way, acting
for an internal user of that role (`snapshot.<role>`, no usable password), then writing its synced tables
into an image file (hcrm_desktop/sync/snapshot.py) that is stored in `sync_snapshot_chunks` in chunks of
8 MB with their SHA-256. Older images of the same kind are removed once the new one is complete, keeping
`keep` of them, so a workstation halfway through a download can still finish it.

Run it after a large load and then regularly (nightly): a workstation installed from an image pulls only
what changed since the image was made.
"""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from hcrm_desktop.store import migrations as local_migrations
from hcrm_desktop.store.db import make_engine, open_database
from hcrm_desktop.sync.central.admin import central_engine, create_user
from hcrm_desktop.sync.central.schema import ROLES
from hcrm_desktop.sync.database import DatabaseTransport
from hcrm_desktop.sync.engine import SyncEngine
from hcrm_desktop.sync.snapshot import write_image
from hcrm_desktop.sync.tables import schema_fingerprint

CHUNK = 8 * 1024 * 1024
Progress = Callable[[str], None]


def build_snapshots(dsn: str, *, work_dir: Path | None = None, keep: int = 2, chunk_size: int = CHUNK,
                    on_progress: Progress | None = None) -> list[dict[str, Any]]:
    """Build and store one image per readable-table set; returns what was stored, one dict per image."""
    engine = central_engine(dsn)
    try:
        with engine.connect() as conn:
            readable = {role: tuple(conn.execute(text("SELECT hcrm_readable(:r)"), {"r": role}).scalar_one())
                        for role in ROLES}
        kinds: dict[tuple[str, ...], str] = {}
        for role in ROLES:  # the first role of each set acts for it
            kinds.setdefault(readable[role], role)
        with tempfile.TemporaryDirectory(dir=work_dir, prefix="hcrm-snapshot-") as tmp:
            return [_build_one(engine, dsn, Path(tmp), role, tables, keep, chunk_size, on_progress)
                    for tables, role in kinds.items()]
    finally:
        engine.dispose()


def _build_one(engine: Any, dsn: str, tmp: Path, role: str, tables: tuple[str, ...], keep: int,
               chunk_size: int, on_progress: Progress | None) -> dict[str, Any]:
    started = time.perf_counter()
    actor = f"snapshot.{role}"
    create_user(engine, actor, role, secrets.token_urlsafe(32), db_login=False)
    path = tmp / f"{role}.db"
    scratch = make_engine(path)
    local_migrations.upgrade_to_head(scratch)
    scratch.dispose()
    db = open_database(path)
    url = make_url(dsn)
    transport = DatabaseTransport(dsn, username=url.username or "", password=url.password, actor=actor)
    try:
        sync = SyncEngine(db=db, transport=transport, pull_limit=20000, snapshots=False)
        info = sync.connect()
        sync.bootstrap()
        cursor = sync.store.cursor()
    finally:
        transport.close()
        db.dispose()
    if on_progress:
        on_progress(f"{role}: bootstrapped in {time.perf_counter() - started:.0f} s")
    image = tmp / f"{role}.image"
    meta = {"local_schema": local_migrations.head_revision(), "central_id": info.central_id,
            "high": cursor.cursor, "fingerprint": schema_fingerprint(), "readable": list(tables)}
    rows = write_image(path, image, meta)
    path.unlink()
    stored = _store(engine, image, meta, rows, chunk_size, keep)
    image.unlink()
    stored["seconds"] = round(time.perf_counter() - started, 1)
    if on_progress:
        on_progress(f"{role}: image {stored['id']} stored, {stored['size']} bytes")
    return stored


def _store(engine: Any, image: Path, meta: dict[str, Any], rows: int, chunk_size: int, keep: int) -> dict[str, Any]:
    size = image.stat().st_size
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO sync_snapshots (readable, local_schema, fingerprint, central_id, high, rows, size, "
                "chunk_size, chunk_hashes) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, '{}') RETURNING id",
                (meta["readable"], meta["local_schema"], meta["fingerprint"], meta["central_id"], meta["high"],
                 rows, size, chunk_size))
            snapshot_id = int(cur.fetchone()[0])
            hashes = []
            with image.open("rb") as fh:
                n = 0
                while chunk := fh.read(chunk_size):
                    hashes.append(hashlib.sha256(chunk).hexdigest())
                    cur.execute("INSERT INTO sync_snapshot_chunks (snapshot_id, n, data) VALUES (%s, %s, %s)",
                                (snapshot_id, n, chunk))
                    n += 1
            cur.execute("UPDATE sync_snapshots SET chunk_hashes = %s, complete = true WHERE id = %s",
                        (hashes, snapshot_id))
            cur.execute(  # older images of the same kind, beyond `keep`
                "DELETE FROM sync_snapshots WHERE readable = %s AND local_schema = %s AND id NOT IN "
                "(SELECT id FROM sync_snapshots WHERE readable = %s AND local_schema = %s AND complete "
                "ORDER BY id DESC LIMIT %s)",
                (meta["readable"], meta["local_schema"], meta["readable"], meta["local_schema"], max(1, keep)))
        raw.commit()
    finally:
        raw.close()
    return {"id": snapshot_id, "readable": meta["readable"], "high": meta["high"], "rows": rows, "size": size,
            "chunks": len(hashes)}
