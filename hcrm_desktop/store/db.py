"""Opening the local SQLite cache: pragmas, schema migrations, device identity, transactions."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hcrm_desktop.store import migrations, outbox
from hcrm_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseNotWritable,
    StoreError,
)
from hcrm_desktop.store.models import Meta

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def classify_error(path: Path, exc: BaseException) -> StoreError:
    """Turn a driver error into the known condition it stands for."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(str(path), text)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseNotWritable(str(path), text)
    return DatabaseCorrupt(str(path), text)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except PermissionError as exc:
        raise DatabaseNotWritable(str(path), str(exc)) from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseCorrupt(str(path), "not an SQLite database")


class Database:
    """The local cache of one workstation. Reads use `session()`, writes `write()`."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        outbox.install(self._sessions)
        self.device_id = self._ensure_device_id()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            session.info["device_id"] = self.device_id
            yield session

    @contextmanager
    def write(self, *, remote: bool = False) -> Iterator[Session]:
        """One transaction; every synced change in it gets its outbox row, unless `remote`."""
        with self._sessions.begin() as session:
            session.info["device_id"] = self.device_id
            session.info["remote"] = remote
            yield session

    def meta(self, key: str) -> str | None:
        with self.session() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    def _ensure_device_id(self) -> str:
        with self._sessions.begin() as s:
            row = s.scalar(select(Meta).where(Meta.key == "device_id"))
            if row is None:
                row = Meta(key="device_id", value=str(uuid.uuid4()))
                s.add(row)
            return row.value

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(path: str | Path, *, create: bool = False) -> Database:
    """Open (and migrate) the cache at `path`; raise a `StoreError` for conditions a user can act on.

    `create` allows making a new, empty database when the file does not exist.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise DatabaseMissing(str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseNotWritable(str(path), str(exc)) from exc
    else:
        _check_header(path)
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # fails if another process holds the write lock
            conn.exec_driver_sql("ROLLBACK")
        migrations.upgrade_to_head(engine)
        return Database(path, engine)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise classify_error(path, exc) from exc
    except StoreError:
        engine.dispose()
        raise


def raw_connection(path: Path) -> Any:
    """A plain sqlite3 connection for bulk loads (demo data) that bypass the ORM and the outbox."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=OFF")
    return conn
