"""Sync survives what the field throws at it: kills, restarts, lost replies, full disks, bad sign-ins."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from hcrm_desktop.store.models import Outbox, Patient
from hcrm_desktop.store.sync_state import SyncCursor
from hcrm_desktop.sync import engine as engine_module
from hcrm_desktop.sync.central import tokens
from hcrm_desktop.sync.errors import AuthFailed, DiskFull, Offline, ProtocolMismatch, SchemaMismatch

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[3]


def new_patient(n: int, **kw):
    values = dict(customer_no=f"C{n:08d}", name=f"患者{n}", name_pinyin=f"huanzhe{n}", name_initials="hz")
    values.update(kw)
    return Patient(**values)


def add_patients(ws, first: int, n: int) -> None:
    with ws.db.write() as s:
        s.add_all(new_patient(i) for i in range(first, first + n))


def count(ws, model) -> int:
    with ws.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def cursor(ws) -> SyncCursor:
    with ws.db.session() as s:
        return s.get(SyncCursor, 1)


def sync_command(central, db_path: Path, batch: int) -> list[str]:
    return [sys.executable, "-m", "hcrm_desktop.sync.cli", "sync", "--once", "--db", str(db_path),
            "--central", central.address, "--user", "agent1", "--password-stdin", "--batch", str(batch)]


def test_workstation_killed_mid_push_loses_and_duplicates_nothing(central):
    from tests.integration.sync.conftest import PASSWORD

    ws = central.workstation("killed")
    add_patients(ws, 0, 1500)
    path = ws.db.path
    ws.db.dispose()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}

    proc = subprocess.Popen(sync_command(central, path, batch=10), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    proc.stdin.write(f"{PASSWORD}\n".encode())
    proc.stdin.close()
    deadline = time.monotonic() + 60
    while central.scalar("SELECT count(*) FROM sync_mutations") < 100:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    applied_at_kill = central.scalar("SELECT count(*) FROM sync_mutations")
    assert 100 <= applied_at_kill < 1500, "the kill should land mid-push"

    done = subprocess.run(sync_command(central, path, batch=200), input=f"{PASSWORD}\n".encode(),
                          capture_output=True, cwd=ROOT, env=env, timeout=120)

    assert done.returncode == 0, done.stderr.decode()
    summary = json.loads(done.stdout)
    assert set(summary) == {"pushed", "pulled", "conflicts", "rejected"}
    assert summary["rejected"] == summary["conflicts"] == 0
    assert central.scalar("SELECT count(*) FROM patients") == 1500
    assert central.scalar("SELECT count(*) FROM sync_mutations") == 1500
    assert central.scalar("SELECT count(*) FROM sync_mutations WHERE status <> 'applied'") == 0
    again = central.workstation("killed")
    assert count(again, Outbox) == 0 and count(again, Patient) == 1500


class StopAfter:
    """Delegates to a transport; runs `action` once after `calls` calls of `method`."""

    def __init__(self, inner, method: str, calls: int, action) -> None:
        self.inner, self.method, self.calls, self.action = inner, method, calls, action

    def __getattr__(self, name):
        attr = getattr(self.inner, name)
        if name != self.method:
            return attr

        def wrapped(*args, **kwargs):
            result = attr(*args, **kwargs)
            self.calls -= 1
            if self.calls == 0:
                self.action()
            return result

        return wrapped


def test_central_restarted_mid_sync(central):
    ws = central.workstation("a", push_batch=20)
    add_patients(ws, 0, 200)
    ws.engine.connect()

    if central.kind == "http":
        ws.engine.transport = StopAfter(ws.transport, "push", 2, central.service.stop)
        with pytest.raises(Offline):
            ws.engine.sync_once()
        assert 0 < count(ws, Outbox) < 200
        central.service.start()
    else:  # the database drops every session, as a restart does
        kill = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'agent1'"
        ws.engine.transport = StopAfter(ws.transport, "push", 2, lambda: central.sql(kill))

    ws.engine.transport = ws.transport
    for _ in range(3):
        try:
            ws.engine.sync_once()
            break
        except Offline:
            time.sleep(0.5)
    assert count(ws, Outbox) == 0
    assert central.scalar("SELECT count(*) FROM patients") == 200
    assert central.scalar("SELECT count(*) FROM sync_mutations WHERE status = 'applied'") == 200


def test_bootstrap_is_resumable_and_reports_progress(central):
    seed = central.workstation("seed", user="admin1", push_batch=100)
    add_patients(seed, 0, 300)
    seed.engine.sync_once()
    progress = []
    ws = central.workstation("new", pull_limit=40, on_progress=progress.append)
    ws.engine.connect()

    def crash():
        raise Offline("cable pulled")

    ws.engine.transport = StopAfter(ws.transport, "pull_bulk", 3, crash)
    with pytest.raises(Offline):
        ws.engine.bootstrap()
    stopped_at = cursor(ws)
    assert stopped_at.cursor > 0 and not stopped_at.bootstrapped
    assert 0 < count(ws, Patient) < 300

    again = central.workstation("new", pull_limit=40, on_progress=progress.append)
    again.engine.bootstrap()

    assert count(again, Patient) == 300 and cursor(again).bootstrapped
    assert cursor(again).rows_pulled == 300
    assert progress[-1].fraction == 1.0 and progress[-1].rows == 300 and progress[-1].eta_s == 0
    assert any(p.eta_s and p.eta_s > 0 for p in progress[:-1]) or len(progress) > 3
    assert [p.rows for p in progress] == sorted(p.rows for p in progress)


class WritesDuringBootstrap:
    """Delegates to a transport; every other bootstrap page, another workstation pushes new patients first."""

    def __init__(self, inner, writer) -> None:
        self.inner, self.writer = inner, writer
        self.ranges: list[tuple[int, int | None]] = []
        self.lock = threading.Lock()
        self.next_patient = 1000

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def pull_bulk(self, since, limit, until=None):
        with self.lock:
            self.ranges.append((since, until))
            if len(self.ranges) % 2:
                add_patients(self.writer, self.next_patient, 7)
                self.next_patient += 7
                self.writer.engine.push()
        return self.inner.pull_bulk(since, limit, until)


def test_rows_written_during_a_bootstrap_by_ranges_arrive_once(central):
    """Three workers fetch version ranges at once while another workstation keeps pushing: after the
    bootstrap and one sync, the new workstation holds exactly the central's patients."""
    seed = central.workstation("seed", user="admin1", push_batch=100)
    add_patients(seed, 0, 300)
    seed.engine.sync_once()
    ws = central.workstation("new", pull_limit=40, fetch_workers=3)
    ws.engine.connect()
    assert ws.engine.info is not None and ws.engine.info.ranged_bulk
    wrapper = WritesDuringBootstrap(ws.transport, seed)
    ws.engine.transport = wrapper

    ws.engine.bootstrap()
    ws.engine.sync_once()

    with ws.db.session() as s:
        local = set(s.scalars(select(Patient.id)))
    central_ids = {row[0] for row in central.sql("SELECT id FROM patients WHERE NOT deleted")}
    assert len(central_ids) > 300  # writes did happen meanwhile
    assert local == central_ids and count(ws, Patient) == len(central_ids)
    assert cursor(ws).bootstrapped
    assert all(until == since + 40 for since, until in wrapper.ranges)  # ranges, not "about 40 per table"


def test_changes_reach_another_running_workstation_within_two_seconds(central):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    statuses = []
    b.engine.on_status = statuses.append

    async def scenario() -> float:
        tasks = [asyncio.ensure_future(ws.engine.run()) for ws in (a, b)]
        try:
            await _until(lambda: b.engine.status.phase == "waiting" and a.engine.status.phase == "waiting"
                         , message=lambda: (a.engine.status, b.engine.status))
            await asyncio.sleep(0.3)  # let B's long poll start
            with a.db.write() as s:
                s.add(new_patient(42))
            started = time.monotonic()
            a.engine.notify_local_change()
            await _until(lambda: count(b, Patient) == 1)
            return time.monotonic() - started
        finally:
            for ws in (a, b):
                ws.engine.stop()
            await asyncio.wait(tasks, timeout=5)

    elapsed = asyncio.run(scenario())

    assert elapsed < 2.0
    assert statuses and statuses[-1].online and statuses[-1].last_sync is not None


async def _until(condition, timeout: float = 10.0, message=lambda: "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out {message()}"
        await asyncio.sleep(0.02)


def test_unknown_user_is_refused_with_auth_failed(central):
    ws = central.workstation("a")
    ws.engine.transport = central.transport("nobody")
    with pytest.raises(AuthFailed) as caught:
        ws.engine.connect()
    assert caught.value.code == "auth_failed"


def test_wrong_password_is_refused_over_http(central):
    if central.kind != "http":
        pytest.skip("the test server trusts local logins; PostgreSQL checks database passwords itself")
    ws = central.workstation("a")
    add_patients(ws, 0, 3)
    ws.engine.transport = central.transport("agent1", password="wrong")
    with pytest.raises(AuthFailed):
        ws.engine.sync_once()
    assert count(ws, Outbox) == 3


def test_expired_access_token_is_refreshed_without_the_user(central):
    if central.kind != "http":
        pytest.skip("tokens belong to the HTTP service")
    ws = central.workstation("a")
    ws.engine.connect()
    secret = bytes(central.scalar("SELECT value FROM sync_secrets"))
    ws.transport.access = tokens.access_token(secret, "agent1", "agent", ws.db.device_id, ttl=-5)
    ws.transport.password = None  # proves the refresh token did it, not the password
    add_patients(ws, 0, 2)

    assert ws.engine.sync_once().pushed == 2
    assert tokens.verify(secret, ws.transport.access, "access")["sub"] == "agent1"


def test_full_disk_keeps_the_outbox_and_sync_resumes(central):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    add_patients(b, 0, 400)
    b.engine.sync_once()
    add_patients(a, 1000, 1)
    a.engine.connect()

    def limit(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    a.db.engine.dispose()
    event.listen(a.db.engine, "connect", limit)
    with pytest.raises(DiskFull) as caught:
        a.engine.sync_once()
    assert caught.value.code == "disk_full" and caught.value.retryable
    assert cursor(a) is None or cursor(a).cursor == 0

    event.remove(a.db.engine, "connect", limit)
    a.db.engine.dispose()
    a.engine.sync_once()
    assert count(a, Patient) == 401 and count(a, Outbox) == 0
    assert central.scalar("SELECT count(*) FROM patients") == 401


def test_protocol_or_schema_disagreement_is_reported_on_connect(central, monkeypatch):
    ws = central.workstation("a")
    monkeypatch.setattr(engine_module, "PROTOCOL", 99)
    with pytest.raises(ProtocolMismatch) as caught:
        ws.engine.connect()
    assert caught.value.code == "protocol_mismatch" and not caught.value.retryable
    monkeypatch.undo()
    monkeypatch.setattr(engine_module, "schema_fingerprint", lambda: "0000")
    with pytest.raises(SchemaMismatch):
        ws.engine.connect()


class FlakyInfo:
    """The central is unreachable for the first `failures` connection attempts."""

    def __init__(self, inner, failures: int) -> None:
        self.inner, self.failures, self.attempts = inner, failures, []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def info(self):
        self.attempts.append(time.monotonic())
        if len(self.attempts) <= self.failures:
            raise Offline("connection refused")
        return self.inner.info()


def test_running_engine_backs_off_while_offline_then_drains_the_outbox(central):
    ws = central.workstation("a", min_backoff=0.05, max_backoff=0.4)
    add_patients(ws, 0, 5)
    flaky = FlakyInfo(ws.transport, failures=4)
    ws.engine.transport = flaky
    statuses = []
    ws.engine.on_status = statuses.append

    async def scenario() -> None:
        task = asyncio.ensure_future(ws.engine.run())
        try:
            await _until(lambda: ws.engine.status.phase == "waiting", message=lambda: ws.engine.status)
        finally:
            ws.engine.stop()
            await asyncio.wait([task], timeout=5)

    asyncio.run(scenario())

    offline = [s for s in statuses if s.last_error == "offline"]
    assert offline and not offline[0].online and offline[0].pending == 5
    gaps = [b - a for a, b in zip(flaky.attempts, flaky.attempts[1:], strict=False)]
    assert gaps[0] < gaps[2], "the waits between attempts grow"
    assert statuses[-1].online and statuses[-1].pending == 0 and statuses[-1].last_error is None
    assert central.scalar("SELECT count(*) FROM patients") == 5
