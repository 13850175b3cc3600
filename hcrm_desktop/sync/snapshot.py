"""Workstation snapshots: a first install copies a prebuilt SQLite image instead of rebuilding row by row.

The central side (`hcrm-central snapshot`, hcrm_desktop/sync/central/snapshot.py) bootstraps a scratch
workstation the ordinary way and writes its synced tables into an *image*: a SQLite file with the
workstation's own table and index definitions, the search tables of local migration 0003, and a
`snapshot_meta` table saying what it holds. It is stored on the central in chunks of a few
megabytes, each with its SHA-256.

A new workstation (cursor 0, synced tables empty) asks for the newest image made for its schema and the
tables its user may read, downloads it chunk by chunk into `<database>.snapshot-<id>.part` (resumable:
chunks already there with the right hash are kept), and copies it in with `INSERT INTO main.t SELECT *
FROM snap.t`. Same table and index definitions, empty destination, no triggers (the search triggers are
set aside for the copy), foreign keys off: SQLite copies records and index entries as they are, with no
Python per row and no index to rebuild (its transfer optimisation). The cursor then stands at the image's
version and ordinary pages bring what changed since.

Anything wrong with an image (a chunk with the wrong hash, an image for another schema or central) is
not fatal: the download is dropped and the workstation bootstraps page by page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hcrm_desktop.sync.errors import BadReply
from hcrm_desktop.sync.tables import table_specs

log = logging.getLogger(__name__)
META_TABLE = "snapshot_meta"
_DDL = re.compile(r'^\s*(CREATE (?:UNIQUE )?(?:TABLE|INDEX))\s+("?)([A-Za-z_][A-Za-z0-9_]*)\2', re.IGNORECASE)


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    readable: tuple[str, ...]
    local_schema: str
    fingerprint: str
    central_id: str
    high: int
    rows: int
    size: int
    chunk_size: int
    chunk_hashes: tuple[str, ...]

    def chunk_length(self, n: int) -> int:
        return min(self.chunk_size, self.size - n * self.chunk_size)


def parse_snapshot(value: Any) -> SnapshotInfo | None:
    """The central's description of an image (None: there is none); `BadReply` when it does not add up."""
    if value is None:
        return None
    try:
        info = SnapshotInfo(
            id=int(value["id"]), readable=tuple(str(t) for t in value["readable"]),
            local_schema=str(value["local_schema"]), fingerprint=str(value["fingerprint"]),
            central_id=str(value["central_id"]), high=int(value["high"]), rows=int(value["rows"]),
            size=int(value["size"]), chunk_size=int(value["chunk_size"]),
            chunk_hashes=tuple(str(h) for h in value["chunk_hashes"]),
        )
    except (KeyError, TypeError, ValueError):
        raise BadReply("snapshot description") from None
    chunks = -(-info.size // info.chunk_size) if info.chunk_size > 0 else -1
    if (info.size <= 0 or info.chunk_size <= 0 or chunks != len(info.chunk_hashes) or info.high < 0
            or not all(re.fullmatch(r"[0-9a-f]{64}", h) for h in info.chunk_hashes)
            or not set(info.readable) <= set(table_specs())):
        raise BadReply("snapshot description")
    return info


def part_path(database: Path, info: SnapshotInfo) -> Path:
    return database.with_name(f"{database.name}.snapshot-{info.id}.part")


def fetch_chunk(fetch: Callable[[int, int], bytes], info: SnapshotInfo, n: int, path: Path) -> bool:
    """Make chunk `n` of the image present in `path`: kept if already there with its hash, else fetched.
    False when the central sent bytes that do not match the hash it published (the image is unusable)."""
    length = info.chunk_length(n)
    offset = n * info.chunk_size
    mode = "r+b" if path.exists() else "w+b"
    with path.open(mode) as fh:
        fh.seek(offset)
        present = fh.read(length)
        if len(present) == length and hashlib.sha256(present).hexdigest() == info.chunk_hashes[n]:
            return True
        data = fetch(info.id, n)
        if len(data) != length or hashlib.sha256(data).hexdigest() != info.chunk_hashes[n]:
            return False
        fh.seek(offset)
        fh.write(data)
    return True


SEARCH_TABLES = ("search_name_suffixes", "search_phone_tails")  # local migration 0003, derived from patients
_SEARCH_TRIGGERS = "trg_search_%"


def synced_ddl(conn: sqlite3.Connection, schema: str = "main") -> dict[str, str]:
    names = list(table_specs())
    marks = ", ".join("?" * len(names))
    return dict(conn.execute(f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' "
                             f"AND name IN ({marks})", names).fetchall())


def _qualified(sql: str, schema: str) -> str:
    """A `CREATE TABLE`/`CREATE [UNIQUE] INDEX` statement creating its object in `schema`."""
    qualified, n = _DDL.subn(lambda m: f'{m.group(1)} {schema}."{m.group(3)}"', sql, count=1)
    if n != 1:
        raise ValueError(f"unexpected definition: {sql[:60]}")
    return qualified


def write_image(source: Path, image: Path, meta: dict[str, Any]) -> int:
    """Write the synced tables named in `meta["readable"]` of the workstation database `source`, with their
    indexes and the search tables, into a new image file; returns the synced rows in it. `meta` (schema,
    central, version...) goes into its `snapshot_meta` table."""
    image.unlink(missing_ok=True)
    conn = sqlite3.connect(source, isolation_level=None)
    rows = 0
    try:
        conn.execute("ATTACH DATABASE ? AS img", (str(image),))
        conn.execute("PRAGMA img.journal_mode=OFF")
        tables = [t for t in table_specs() if t in meta["readable"]] + list(SEARCH_TABLES)
        marks = ", ".join("?" * len(tables))
        objects = conn.execute(f"SELECT type, name, sql FROM main.sqlite_master WHERE tbl_name IN ({marks}) "
                               f"AND type IN ('table', 'index') AND sql IS NOT NULL", tables).fetchall()
        conn.execute("BEGIN")
        for _kind, _name, sql in (o for o in objects if o[0] == "table"):
            conn.execute(_qualified(sql, "img"))
        for name in tables:
            conn.execute(f'INSERT INTO img."{name}" SELECT * FROM main."{name}"')
            if name not in SEARCH_TABLES:
                rows += conn.execute(f'SELECT count(*) FROM img."{name}"').fetchone()[0]
        for _kind, _name, sql in (o for o in objects if o[0] == "index"):  # built once, by sorting
            conn.execute(_qualified(sql, "img"))
        conn.execute(f"CREATE TABLE img.{META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.executemany(f"INSERT INTO img.{META_TABLE} VALUES (?, ?)",
                         [(k, json.dumps(v)) for k, v in {**meta, "rows": rows}.items()])
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE img")
    finally:
        conn.close()
    return rows


def copy_image(conn: sqlite3.Connection, tables: list[str]) -> None:
    """Inside a transaction, with the image attached as `snap`: copy its tables and search tables into the
    empty local ones. The search triggers are set aside meanwhile: SQLite copies records and index entries
    as they are only into a table without triggers (and the image's search tables are already filled)."""
    triggers = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                            (_SEARCH_TRIGGERS,)).fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER main."{name}"')
    for name in (*tables, *SEARCH_TABLES):
        conn.execute(f'INSERT INTO main."{name}" SELECT * FROM snap."{name}"')
    for _name, sql in triggers:
        conn.execute(sql)


def remove_parts(database: Path) -> None:
    """Drop leftover image downloads of this database (after an install, or when falling back)."""
    for leftover in database.parent.glob(f"{database.name}.snapshot-*.part"):
        try:
            leftover.unlink()
        except OSError:
            log.warning("could not remove %s", leftover)


def image_meta(conn: sqlite3.Connection, schema: str) -> dict[str, Any]:
    try:
        return {k: json.loads(v) for k, v in conn.execute(f"SELECT key, value FROM {schema}.{META_TABLE}")}
    except (sqlite3.DatabaseError, ValueError):
        return {}


def os_free_bytes(path: Path) -> int | None:
    try:
        stat = os.statvfs(path.parent)
    except (AttributeError, OSError):  # statvfs is POSIX only
        return None
    return stat.f_bavail * stat.f_frsize
