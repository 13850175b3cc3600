"""The central HTTP service (FastAPI): sign-in, token refresh, push, long-poll pull, version.

Stateless: tokens are HMAC-signed with a key kept in the database and all state lives in PostgreSQL, so
any number of instances can serve behind a load balancer. Push and pull call the same PL/pgSQL functions
the database transport calls, acting for the signed-in user. OpenAPI: /openapi.json, /docs.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

import psycopg
from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from hcrm_desktop import __version__
from hcrm_desktop.domain.passwords import verify_password
from hcrm_desktop.sync.bulk import bulk_header, frame
from hcrm_desktop.sync.central import tokens
from hcrm_desktop.sync.central.admin import central_engine, create_user, token_secret
from hcrm_desktop.sync.database import copy_out, libpq_conninfo, read_chunk
from hcrm_desktop.sync.protocol import dumps, loads
from hcrm_desktop.sync.tables import PROTOCOL

CHANNEL = "hcrm_changes"
MAX_BATCH = 1000
MAX_WAIT = 25.0
MAX_BULK = 200000  # rows (or versions) in one bootstrap page


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str = "") -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message or code


# --- request bodies (they also make the OpenAPI document) ------------------------------------------


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(default="", max_length=64)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=4096)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    expires_in: int
    username: str
    role: str


class MutationIn(BaseModel):
    mutation_id: str = Field(min_length=1, max_length=64)
    entity: str = Field(min_length=1, max_length=64)
    entity_id: str = Field(min_length=1, max_length=36)
    op: str = Field(pattern="^(insert|update|delete)$")
    base_version: int = Field(ge=0)
    fields: dict[str, Any]


class PushRequest(BaseModel):
    device_id: str = Field(min_length=1, max_length=64)
    mutations: list[MutationIn] = Field(max_length=MAX_BATCH)


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=63)
    role: str = Field(pattern="^(agent|nurse|supervisor|admin)$")
    password: str = Field(min_length=8, max_length=1024)
    staff_user_id: str | None = Field(default=None, max_length=36)


@dataclass(frozen=True)
class Caller:
    username: str
    role: str
    device_id: str


# --- change notifications -------------------------------------------------------------------------


class ChangeNotifier:
    """LISTENs on the database in a thread; long polls await `wait()` instead of polling."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.generation = 0
        self._event = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="hcrm-listen", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._bump()  # (re)connected: changes may have been missed, so waiters look again
                    while not self._stop.is_set():
                        if any(True for _ in conn.notifies(timeout=1.0)):
                            self._bump()
            except psycopg.Error:
                self._stop.wait(1.0)

    def _bump(self) -> None:
        self.generation += 1
        if self._loop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait(self, seen: int, timeout: float) -> None:
        if self.generation != seen or timeout <= 0:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout)


# --- the application -------------------------------------------------------------------------------


class Central:
    """What the endpoints share: the engine, the token key, the notifier."""

    def __init__(self, dsn: str, *, access_ttl: int, refresh_ttl: int, pool_size: int) -> None:
        # a fixed pool, no overflow: connections beyond it were opened and closed per request under load
        # (a new PostgreSQL backend each time); now a request waits for one of the pool's instead
        self.engine: Engine = central_engine(dsn, pool_size=pool_size, max_overflow=0, pool_timeout=30,
                                             pool_pre_ping=True, isolation_level="AUTOCOMMIT")
        self.access_ttl, self.refresh_ttl = access_ttl, refresh_ttl
        self._secret: bytes | None = None
        self.notifier = ChangeNotifier(libpq_conninfo(self.engine.url))

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            self._secret = token_secret(self.engine)
        return self._secret

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        try:
            with self.engine.connect() as conn:
                return conn.exec_driver_sql(sql, params).scalar()
        except DBAPIError as exc:
            raise _database_error(exc) from exc

    def issue(self, username: str, role: str, device_id: str) -> TokenPair:
        jti = str(uuid.uuid4())
        with self.engine.connect() as conn:
            conn.execute(text("INSERT INTO sync_refresh_tokens (jti, username, device_id, expires_at) VALUES "
                              "(:j, :u, :d, (now() AT TIME ZONE 'utc') + make_interval(secs => :ttl))"),
                         {"j": jti, "u": username, "d": device_id, "ttl": self.refresh_ttl})
        return TokenPair(
            access_token=tokens.access_token(self.secret, username, role, device_id, self.access_ttl),
            refresh_token=tokens.refresh_token(self.secret, username, jti, self.refresh_ttl),
            expires_in=self.access_ttl, username=username, role=role,
        )


def _database_error(exc: Exception) -> ApiError:
    state = getattr(getattr(exc, "orig", exc), "sqlstate", None) or ""
    if state == "28000":
        return ApiError(401, "auth_failed", "unknown or disabled user")
    if state == "42501":
        return ApiError(403, "forbidden")
    if state == "22023":
        return ApiError(400, "bad_request")
    return ApiError(503, "server_error", "the central database is unavailable")


async def caller(request: Request) -> Caller:
    """The signed-in user named by the request's bearer token."""
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise ApiError(401, "auth_failed", "sign in first")
    try:
        payload = tokens.verify(request.app.state.central.secret, header[7:].strip(), "access")
    except tokens.TokenError as exc:
        raise ApiError(401, exc.code) from None
    return Caller(str(payload["sub"]), str(payload["role"]), str(payload.get("dev", "")))


Authed = Annotated[Caller, Depends(caller)]


def _push_envelope(raw: bytes) -> str:
    """The device id of a push body, after checking its shape; `ApiError` 400/422 otherwise."""
    try:
        body = loads(raw)
    except ValueError:
        raise ApiError(400, "bad_request", "the body is not JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("mutations"), list):
        raise ApiError(422, "bad_request", "expected {device_id, mutations: [...]}")
    device_id = body.get("device_id")
    if not isinstance(device_id, str) or not 1 <= len(device_id) <= 64:
        raise ApiError(422, "bad_request", "device_id")
    if len(body["mutations"]) > MAX_BATCH or not all(isinstance(m, dict) for m in body["mutations"]):
        raise ApiError(422, "bad_request", f"at most {MAX_BATCH} mutation objects")
    return device_id


def create_app(dsn: str, *, access_ttl: int = tokens.ACCESS_TTL, refresh_ttl: int = tokens.REFRESH_TTL,
               pool_size: int = 8) -> FastAPI:
    central = Central(dsn, access_ttl=access_ttl, refresh_ttl=refresh_ttl, pool_size=pool_size)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = max(40, pool_size * 4)
        central.notifier.start(asyncio.get_running_loop())
        try:
            yield
        finally:
            central.notifier.stop()
            central.engine.dispose()

    app = FastAPI(title="HCRM central", version=__version__, lifespan=lifespan)
    app.state.central = central

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": exc.message}, status_code=exc.status)

    def require(user: Caller, *roles: str) -> None:
        if user.role not in roles:
            raise ApiError(403, "forbidden", f"needs the role {' or '.join(roles)}")

    @app.get("/v1/version")
    def version() -> dict[str, Any]:
        """Protocol and schema version; a client compares them before anything else."""
        info = central.scalar("SELECT hcrm_info()")
        return {**info, "protocol": int(info["protocol"]), "server": f"hcrm-central {__version__}"}

    @app.post("/v1/login")
    def login(body: LoginRequest) -> TokenPair:
        row = None
        try:
            with central.engine.connect() as conn:
                row = conn.execute(text("SELECT role, password_hash FROM sync_users WHERE username = :u "
                                        "AND active"), {"u": body.username}).first()
        except DBAPIError as exc:
            raise _database_error(exc) from exc
        if row is None or not verify_password(body.password, row.password_hash):
            raise ApiError(401, "auth_failed", "wrong user name or password")
        return central.issue(body.username, row.role, body.device_id)

    @app.post("/v1/refresh")
    def refresh(body: RefreshRequest) -> TokenPair:
        try:
            payload = tokens.verify(central.secret, body.refresh_token, "refresh")
        except tokens.TokenError:
            raise ApiError(401, "auth_failed", "sign in again") from None
        try:
            with central.engine.begin() as conn:
                row = conn.execute(text(
                    "UPDATE sync_refresh_tokens SET used_at = coalesce(used_at, now() AT TIME ZONE 'utc') "
                    "WHERE jti = :j AND username = :u AND (used_at IS NULL OR used_at > (now() AT TIME ZONE "
                    "'utc') - interval '30 seconds') RETURNING device_id, "
                    "(SELECT role FROM sync_users WHERE username = :u AND active) AS role"),
                    {"j": payload.get("jti"), "u": payload["sub"]}).first()
        except DBAPIError as exc:
            raise _database_error(exc) from exc
        if row is None or row.role is None:
            raise ApiError(401, "auth_failed", "sign in again")
        return central.issue(str(payload["sub"]), row.role, row.device_id or "")

    @app.post("/v1/push", openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")}}}})
    async def push(request: Request, user: Authed) -> Response:
        """Apply mutations in order; one result per mutation: applied, duplicate, conflict, rejected.

        The body (a `PushRequest`) is checked here only as an envelope and handed to PostgreSQL as it
        came: `hcrm_push` checks every mutation itself, so nothing is parsed twice."""
        raw = await request.body()
        device_id = _push_envelope(raw)
        reply = await run_in_threadpool(
            central.scalar, "SELECT hcrm_push(%s, (%s::jsonb)->'mutations', %s)::text",
            (device_id, raw.decode("utf-8"), user.username))
        return Response(reply, media_type="application/json")

    @app.post("/v1/apply")
    def apply_one(body: MutationIn, user: Authed) -> Response:
        """One mutation, with its verdict as the HTTP status: 403 when the role may not do it."""
        reply = central.scalar("SELECT hcrm_push(%s, %s::jsonb, %s)->'results'->0",
                               (user.device_id or "api", dumps([body.model_dump()]).decode(), user.username))
        status = 200
        if reply.get("status") == "rejected":
            status = 403 if reply.get("reason") == "forbidden" else 409
        return JSONResponse(reply, status_code=status)

    @app.get("/v1/pull")
    async def pull(user: Authed, since: Annotated[int, Query(ge=0)] = 0,
                   limit: Annotated[int, Query(ge=1, le=20000)] = 2000,
                   wait: Annotated[float, Query(ge=0, le=MAX_WAIT)] = 0) -> Response:
        """Changes after `since` in version order with the next cursor; `wait` long-polls."""
        deadline = time.monotonic() + wait
        while True:
            seen = central.notifier.generation
            body = await run_in_threadpool(central.scalar, "SELECT hcrm_pull(%s, %s, %s)",
                                           (since, limit, user.username))
            left = deadline - time.monotonic()
            if not body.endswith('"tables":{}}') or left <= 0:
                return Response(body, media_type="application/json")
            await central.notifier.wait(seen, left)

    @app.get("/v1/pull/bulk", response_class=Response)
    def pull_bulk(user: Authed, since: Annotated[int, Query(ge=0)] = 0,
                  limit: Annotated[int, Query(ge=1, le=MAX_BULK)] = 20000,
                  until: Annotated[int | None, Query(ge=0)] = None) -> Response:
        """A bootstrap page: a JSON header line, then each table's rows in PostgreSQL COPY text format.

        Without `until`, the page holds about `limit` rows per table after `since`; with it, the versions
        (since, until] (at most `MAX_BULK` of them), cut back to the newest committed one (`next`)."""
        if until is not None and not since <= until <= since + MAX_BULK:
            raise ApiError(422, "bad_request", f"until must be within {MAX_BULK} versions after since")
        try:
            raw = central.engine.raw_connection()
        except DBAPIError as exc:
            raise _database_error(exc) from exc
        try:
            conn = raw.driver_connection
            assert conn is not None
            header = conn.execute(*bulk_header(since, limit, until, user.username)).fetchone()[0]
            until = int(header["next"])
            body = frame(header, lambda name: copy_out(conn, name, since, until, user.username))
        except psycopg.Error as exc:
            raise _database_error(exc) from exc
        finally:
            raw.close()
        return Response(body, media_type="application/x-hcrm-bulk")

    @app.get("/v1/snapshot")
    def snapshot(user: Authed, local_schema: Annotated[str, Query(min_length=1, max_length=64)]) -> Response:
        """The newest workstation image for a first install: made for this workstation schema and exactly
        the tables the user may read (`{"snapshot": null}` when there is none)."""
        reply = central.scalar("SELECT hcrm_snapshot(%s, %s)::text", (local_schema, user.username))
        return Response('{"snapshot":' + (reply or "null") + "}", media_type="application/json")

    @app.get("/v1/snapshot/{snapshot_id}/chunks/{n}", response_class=Response)
    def snapshot_chunk(user: Authed, snapshot_id: int, n: int) -> Response:
        """One chunk of an image, as stored (its SHA-256 is in the image's description)."""
        try:
            with central.engine.connect() as conn:
                data = read_chunk(conn.connection.driver_connection, snapshot_id, n, user.username)
        except (DBAPIError, psycopg.Error) as exc:
            raise _database_error(exc) from exc
        return Response(data, media_type="application/octet-stream")

    @app.get("/v1/conflicts")
    def conflicts(user: Authed, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Response:
        """The central record of edits that lost (supervisors and admins)."""
        require(user, "supervisor", "admin")
        reply = central.scalar(
            "SELECT coalesce(json_agg(c ORDER BY c.id DESC), '[]')::text FROM "
            "(SELECT * FROM sync_conflict_log ORDER BY id DESC LIMIT %s) c", (limit,))
        return Response(reply, media_type="application/json")

    @app.post("/v1/users", status_code=201)
    def add_user(body: UserIn, user: Authed) -> dict[str, str]:
        """Add or change a user of the HTTP service (admins)."""
        require(user, "admin")
        create_user(central.engine, body.username, body.role, body.password,
                    staff_user_id=body.staff_user_id, db_login=False)
        return {"username": body.username, "role": body.role}

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        central.scalar("SELECT 1")
        return {"ok": True, "protocol": PROTOCOL}

    return app
