"""A real central for each sync test: a PostgreSQL database cloned from a migrated template, and for the
`http` transport the real service on uvicorn on a free port. Tests that take `central` run once per
transport: one contract, two ways of reaching it."""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
from sqlalchemy import create_engine

from hcrm_desktop.store import migrations
from hcrm_desktop.store.db import Database, make_engine, open_database
from hcrm_desktop.sync.central.admin import central_engine, create_user, init_db
from hcrm_desktop.sync.credentials import MemorySecrets
from hcrm_desktop.sync.engine import SyncEngine
from hcrm_desktop.sync.protocol import dumps
from hcrm_desktop.sync.transport import Transport, open_transport
from tests.fixtures import free_tcp_port

PASSWORD = "correct horse 1"
TEMPLATE = "hcrm_central_template"
# user name -> (role, staff user id)
USERS = {
    "agent1": ("agent", "00000000-0000-4000-8000-000000000001"),
    "agent2": ("agent", "00000000-0000-4000-8000-000000000002"),
    "nurse1": ("nurse", "00000000-0000-4000-8000-000000000003"),
    "nurse2": ("nurse", "00000000-0000-4000-8000-000000000004"),
    "sup1": ("supervisor", "00000000-0000-4000-8000-000000000005"),
    "admin1": ("admin", "00000000-0000-4000-8000-000000000006"),
}


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def central_template(postgres_server: Any) -> str:
    """A migrated central database with the test users, cloned by every test."""
    postgres_server.drop_database(TEMPLATE)
    dsn = postgres_server.create_database(TEMPLATE)
    init_db(dsn)
    engine = central_engine(dsn)
    for name, (role, staff) in USERS.items():
        create_user(engine, name, role, PASSWORD, staff_user_id=staff)
    engine.dispose()
    return TEMPLATE


@pytest.fixture(scope="session")
def workstation_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty workstation database without a device id (each copy makes its own)."""
    path = tmp_path_factory.mktemp("ws-template") / "template.db"
    engine = make_engine(path)
    migrations.upgrade_to_head(engine)
    engine.dispose()
    return path


class ServiceThread:
    """The central HTTP service on uvicorn, in a thread of this process, restartable on its port."""

    def __init__(self, dsn: str, port: int, **app_options: Any) -> None:
        self.dsn, self.port, self.app_options = dsn, port, app_options
        self.server: Any = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        import uvicorn

        from hcrm_desktop.sync.central.service import create_app

        config = uvicorn.Config(create_app(self.dsn, **self.app_options), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="on", timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the central service did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
            assert self.thread is not None
            self.thread.join(timeout=15)
            self.server = None

    def restart(self) -> None:
        self.stop()
        self.start()


@dataclass
class Workstation:
    name: str
    db: Database
    transport: Transport
    engine: SyncEngine


@dataclass
class Central:
    """One test's central side, reached through `kind` (database or http)."""

    kind: str
    server: Any
    name: str
    tmp: Path
    ws_template: Path
    service: ServiceThread | None = None
    _engine: Any = None
    _closing: list[Any] = field(default_factory=list)

    @property
    def dsn(self) -> str:
        return str(self.server.dsn(self.name))

    @property
    def address(self) -> str:
        """What a workstation is configured with: the service URL or the database DSN."""
        if self.service is not None:
            return self.service.url
        return f"postgresql+psycopg://127.0.0.1:{self.server.port}/{self.name}"

    @property
    def engine(self) -> Any:
        if self._engine is None:
            self._engine = create_engine(self.dsn, isolation_level="AUTOCOMMIT")
        return self._engine

    def sql(self, query: str, *params: Any) -> list[Any]:
        with self.engine.connect() as conn:
            result = conn.exec_driver_sql(query, params)
            return list(result) if result.returns_rows else []

    def scalar(self, query: str, *params: Any) -> Any:
        rows = self.sql(query, *params)
        return rows[0][0] if rows else None

    def push_as(self, user: str, mutations: list[dict[str, Any]], device: str = "central-test") -> list[dict[str, Any]]:
        """Apply mutations straight through the apply function, acting for `user` (set-up data)."""
        reply = self.scalar("SELECT hcrm_push(%s, %s::jsonb, %s)", device, dumps(mutations).decode(), user)
        return list(reply["results"])

    def transport(self, user: str, password: str = PASSWORD) -> Transport:
        transport = open_transport(self.address, username=user, password=password, secrets=MemorySecrets())
        self._closing.append(transport)
        return transport

    def workstation(self, name: str, user: str = "agent1", **engine_options: Any) -> Workstation:
        path = self.tmp / f"{name}.db"
        if not path.exists():
            shutil.copy(self.ws_template, path)
        db = open_database(path)
        self._closing.append(db)
        transport = self.transport(user)
        engine_options.setdefault("push_batch", 50)
        engine_options.setdefault("pull_limit", 500)
        return Workstation(name, db, transport, SyncEngine(db=db, transport=transport, **engine_options))

    def close(self) -> None:
        for item in reversed(self._closing):
            with contextlib.suppress(Exception):  # best effort at teardown
                item.close() if hasattr(item, "close") else item.dispose()
        if self.service is not None:
            self.service.stop()
        if self._engine is not None:
            self._engine.dispose()


def _clone(server: Any, template: str) -> str:
    name = f"central_{uuid.uuid4().hex[:12]}"
    with server.connect(autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
    return name


@pytest.fixture(params=["database", "http"])
def central(request: pytest.FixtureRequest, postgres_server: Any, central_template: str,
            workstation_template: Path, tmp_path: Path) -> Iterator[Central]:
    name = _clone(postgres_server, central_template)
    service = None
    if request.param == "http":
        service = ServiceThread(postgres_server.dsn(name), free_tcp_port(), **getattr(request, "app_options", {}))
        service.start()
    c = Central(request.param, postgres_server, name, tmp_path, workstation_template, service)
    try:
        yield c
    finally:
        c.close()
        postgres_server.drop_database(name)


@pytest.fixture
def central_db(postgres_server: Any, central_template: str, workstation_template: Path,
               tmp_path: Path) -> Iterator[Central]:
    """The central database alone (tests of the apply rules and of database grants)."""
    name = _clone(postgres_server, central_template)
    c = Central("database", postgres_server, name, tmp_path, workstation_template)
    try:
        yield c
    finally:
        c.close()
        postgres_server.drop_database(name)
