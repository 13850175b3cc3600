"""The `database` transport: the workstation signs in to the central PostgreSQL with its own login,
which may only EXECUTE the sync functions (docs/sync.md, "Database mode and grants")."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from hcrm_desktop.sync.bulk import bulk_header, copy_statement, frame, parse_bulk
from hcrm_desktop.sync.errors import AuthFailed, BadReply, Forbidden, Offline, ServerError, SyncError
from hcrm_desktop.sync.protocol import (
    Identity,
    MutationResult,
    PullPage,
    ServerInfo,
    dumps,
    parse_identity,
    parse_info,
    parse_json,
    parse_pull,
    parse_push_reply,
)
from hcrm_desktop.sync.snapshot import SnapshotInfo, parse_snapshot
from hcrm_desktop.sync.transport import MAX_WAIT, Transport

CHANNEL = "hcrm_changes"


def classify_database_error(exc: BaseException) -> SyncError:
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    lowered = str(orig).lower()
    if state in ("28P01", "28000") or any(sign in lowered for sign in (
            "password authentication failed", "no pg_hba.conf entry", "password is required",
            "unknown_user")) or ('role "' in lowered and "does not exist" in lowered):
        return AuthFailed(text)
    if state == "42501":
        return Forbidden(text)
    import psycopg

    if isinstance(orig, psycopg.OperationalError) or state.startswith(("08", "57")):
        return Offline(text)
    return ServerError(text)


def libpq_conninfo(url: URL) -> str:
    """A libpq connection string for the same database as a SQLAlchemy URL (for raw psycopg use)."""
    from psycopg.conninfo import make_conninfo

    parts: dict[str, Any] = {"host": url.host, "port": url.port, "dbname": url.database,
                             "user": url.username, "password": url.password}
    parts.update({k: v for k, v in url.query.items() if isinstance(v, str)})
    return make_conninfo("", **{k: v for k, v in parts.items() if v is not None})


def copy_out(conn: Any, table: str, since: int, until: int, actor: str | None = None) -> list[bytes]:
    """One table's rows of a bulk page, as PostgreSQL's COPY text."""
    with conn.cursor() as cur, cur.copy(copy_statement(table), (since, until, actor)) as copy:
        return [bytes(block) for block in copy]


def read_chunk(conn: Any, snapshot_id: int, n: int, actor: str | None = None) -> bytes:
    """One chunk of a workstation image, read in binary (as text, bytea would travel hex-encoded)."""
    with conn.cursor(binary=True) as cur:
        cur.execute("SELECT hcrm_snapshot_chunk(%s, %s, %s)", (snapshot_id, n, actor))
        return bytes(cur.fetchone()[0])


class DatabaseTransport(Transport):
    kind = "database"
    ranged_bulk = True

    def __init__(self, dsn: str, *, username: str, password: str | None, timeout: float = 30.0,
                 actor: str | None = None) -> None:
        """`actor`: act for that sync user (only an owner or `hcrm_service` login may; the snapshot builder
        does, hcrm_desktop/sync/central/snapshot.py)."""
        url = make_url(dsn)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        url = url.set(username=username, password=password)
        self.actor = actor
        self.url = url
        self.timeout = timeout
        self.engine: Engine = create_engine(
            url, pool_size=2, max_overflow=2, pool_pre_ping=True, isolation_level="AUTOCOMMIT",
            connect_args={"connect_timeout": max(1, int(timeout / 3)), "application_name": "hcrm-desktop"},
        )
        self._listener: Any = None
        self._listen_lock = threading.Lock()

    def _scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        try:
            with self.engine.connect() as conn:
                return conn.exec_driver_sql(sql, params).scalar()
        except DBAPIError as exc:
            raise classify_database_error(exc) from exc

    def info(self) -> ServerInfo:
        return parse_info(self._scalar("SELECT hcrm_info()"))

    def login(self) -> Identity:
        return parse_identity(self._scalar("SELECT hcrm_whoami(%s)", (self.actor,)))

    def push(self, device_id: str, mutations: list[dict[str, Any]]) -> list[MutationResult]:
        reply = self._scalar("SELECT hcrm_push(%s, %s::jsonb, %s)::text",
                             (device_id, dumps(mutations).decode(), self.actor))
        return parse_push_reply(parse_json(reply or "", "push reply"), mutations)

    def pull(self, since: int, limit: int, wait: float = 0.0) -> PullPage:
        wait = min(max(wait, 0.0), MAX_WAIT)
        if wait > 0:
            self._listen()  # before the first look, so a change in between is not missed
        page = parse_pull(self._scalar("SELECT hcrm_pull(%s, %s, %s)", (since, limit, self.actor)) or "", since)
        deadline = time.monotonic() + wait
        while page.row_count == 0 and not page.more and time.monotonic() < deadline:
            if not self._wait_notify(deadline - time.monotonic()):
                break
            page = parse_pull(self._scalar("SELECT hcrm_pull(%s, %s, %s)", (since, limit, self.actor)) or "", since)
        return page

    def pull_bulk(self, since: int, limit: int, until: int | None = None) -> PullPage:
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.driver_connection
                assert raw is not None
                header = raw.execute(*bulk_header(since, limit, until, self.actor)).fetchone()[0]
                if not isinstance(header, dict) or not isinstance(header.get("tables"), dict):
                    raise BadReply("bulk page header")
                body = frame(header, lambda name: copy_out(raw, name, since, int(header["next"]), self.actor))
        except DBAPIError as exc:
            raise classify_database_error(exc) from exc
        except psycopg.Error as exc:
            raise classify_database_error(exc) from exc
        return parse_bulk(body, since)

    def snapshot(self, local_schema: str) -> SnapshotInfo | None:
        return parse_snapshot(self._scalar("SELECT hcrm_snapshot(%s, %s)", (local_schema, self.actor)))

    def snapshot_chunk(self, snapshot_id: int, n: int) -> bytes:
        try:
            with self.engine.connect() as conn:
                return read_chunk(conn.connection.driver_connection, snapshot_id, n, self.actor)
        except DBAPIError as exc:
            raise classify_database_error(exc) from exc
        except psycopg.Error as exc:
            raise classify_database_error(exc) from exc

    def _listen(self) -> None:
        import psycopg

        with self._listen_lock:
            if self._listener is not None and not self._listener.closed:
                return
            conninfo = libpq_conninfo(self.url)
            try:
                self._listener = psycopg.connect(conninfo, autocommit=True,
                                                 connect_timeout=max(1, int(self.timeout / 3)))
                self._listener.execute(f"LISTEN {CHANNEL}")
            except psycopg.Error as exc:
                self._listener = None
                raise classify_database_error(exc) from exc

    def _wait_notify(self, seconds: float) -> bool:
        """True when a change was announced within `seconds`."""
        import psycopg

        conn = self._listener
        if conn is None or seconds <= 0:
            return False
        try:
            for _ in conn.notifies(timeout=seconds, stop_after=1):
                return True
        except psycopg.Error as exc:
            self._close_listener()
            raise classify_database_error(exc) from exc
        return False

    def _close_listener(self) -> None:
        with self._listen_lock:
            if self._listener is not None:
                with contextlib.suppress(Exception):  # closing a broken connection
                    self._listener.close()
                self._listener = None

    def close(self) -> None:
        self._close_listener()
        self.engine.dispose()
