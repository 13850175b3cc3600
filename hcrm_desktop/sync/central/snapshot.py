"""`hcrm-central snapshot`: build the workstation images that first installs start from.

One image per set of tables a role may read (today: agents and nurses without the audit log, supervisors
and admins with it). A scratch workstation database is bootstrapped the ordinary way, acting for an internal
user (`snapshot.<role>`, no usable password) of the role that may read the most; each image takes the
tables of its set from it into an image file (hcrm_desktop/sync/snapshot.py) that is stored in `sync_snapshot_chunks` in chunks of
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
                    roles: Sequence[str] = ROLES, on_progress: Progress | None = None) -> list[dict[str, Any]]:
    """Build and store one image per readable-table set; returns what was stored, one dict per image.

    Reading is decided per table (no row filters), so one scratch bootstrap acting for a role that may read
    every table the others may serves every set: each image leaves out the tables its roles may not read.
    `roles`: build only the images these roles use."""
    engine = central_engine(dsn)
    try:
        with engine.connect() as conn:
            readable = {role: tuple(conn.execute(text("SELECT hcrm_readable(:r)"), {"r": role}).scalar_one())
                        for role in ROLES}
        sets = sorted({readable[role] for role in roles}, key=len)
        union = set().union(*sets)
        widest = next((role for role in ROLES if set(readable[role]) == union), None)
        with tempfile.TemporaryDirectory(dir=work_dir, prefix="hcrm-snapshot-") as tmp:
            if widest is not None:
                scratch = _bootstrap(engine, dsn, Path(tmp), widest, on_progress)
                return [_image(engine, scratch, tables, keep, chunk_size, on_progress) for tables in sets]
            stored = []
            for tables in sets:
                role = next(r for r in ROLES if readable[r] == tables)
                scratch = _bootstrap(engine, dsn, Path(tmp), role, on_progress)
                stored.append(_image(engine, scratch, tables, keep, chunk_size, on_progress))
            return stored
    finally:
        engine.dispose()


@dataclass(frozen=True)
class _Scratch:
    path: Path
    central_id: str
    high: int
    started: float


def _bootstrap(engine: Any, dsn: str, tmp: Path, role: str, on_progress: Progress | None) -> _Scratch:
    """A scratch workstation database bootstrapped by pages, acting for an internal user of `role`."""
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
        on_progress(f"bootstrapped as {role} in {time.perf_counter() - started:.0f} s")
    return _Scratch(path, info.central_id, cursor.cursor, started)


def _image(engine: Any, scratch: _Scratch, tables: tuple[str, ...], keep: int, chunk_size: int,
           on_progress: Progress | None) -> dict[str, Any]:
    started = time.perf_counter()
    image = scratch.path.with_suffix(f".{len(tables)}.image")
    meta = {"local_schema": local_migrations.head_revision(), "central_id": scratch.central_id,
            "high": scratch.high, "fingerprint": schema_fingerprint(), "readable": list(tables)}
    rows = write_image(scratch.path, image, meta)
    stored = _store(engine, image, meta, rows, chunk_size, keep)
    image.unlink()
    stored["seconds"] = round(time.perf_counter() - started, 1)
    if on_progress:
        on_progress(f"image {stored['id']} ({len(tables)} tables) stored: {stored['size']} bytes")
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
