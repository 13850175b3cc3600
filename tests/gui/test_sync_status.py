"""Central sync in the window, against a real central service (PostgreSQL + uvicorn on a free port): the status
bar going offline and back, pending edits draining, a losing edit re-applied from the conflicts view."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import create_engine

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Patient
from hcrm_desktop.sync.central.admin import central_engine, create_user, init_db
from hcrm_desktop.sync.cli import PASSWORD_KEY
from hcrm_desktop.sync.credentials import KeyringSecrets
from hcrm_desktop.sync.protocol import dumps
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import MainWindow
from hcrm_desktop.ui.syncbridge import SyncBridge
from hcrm_desktop.views.conflicts.labels import field_text
from tests.fixtures import free_tcp_port
from tests.integration.sync.conftest import PASSWORD, USERS, MemoryKeyring, ServiceThread

pytestmark = pytest.mark.postgres

AGENT = UserSession(USERS["agent1"][1], "agent1", "王晓燕", Role.AGENT)
TEMPLATE = "hcrm_gui_sync_template"


def in_loop(qloop, action) -> None:
    """Run a synchronous widget action while the asyncio loop runs (not between `run_until_complete`s)."""

    async def act() -> None:
        action()

    qloop.run_until_complete(act())


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncBridge", text)


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def gui_central_template(postgres_server: Any) -> str:
    postgres_server.drop_database(TEMPLATE)
    dsn = postgres_server.create_database(TEMPLATE)
    init_db(dsn)
    engine = central_engine(dsn)
    for name in ("agent1", "agent2"):
        create_user(engine, name, "agent", PASSWORD, staff_user_id=USERS[name][1])
    engine.dispose()
    return TEMPLATE


class LiveCentral:
    def __init__(self, server: Any, name: str) -> None:
        self.server, self.name = server, name
        self.service = ServiceThread(server.dsn(name), free_tcp_port())
        self.engine = create_engine(server.dsn(name), isolation_level="AUTOCOMMIT")

    def scalar(self, query: str, *params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(query, params).scalar()

    def push_as(self, user: str, mutation: dict[str, Any]) -> dict[str, Any]:
        reply = self.scalar("SELECT hcrm_push('other-device', %s::jsonb, %s)", dumps([mutation]).decode(), user)
        return dict(reply["results"][0])


@pytest.fixture
def live_central(postgres_server, gui_central_template) -> Iterator[LiveCentral]:
    name = f"central_gui_{uuid.uuid4().hex[:10]}"
    with postgres_server.connect(autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{gui_central_template}" STRATEGY FILE_COPY')
    central = LiveCentral(postgres_server, name)
    central.service.start()
    yield central
    central.service.stop()
    central.engine.dispose()
    postgres_server.drop_database(name)


@pytest.fixture
def synced_window(qtbot, runner, qloop, tmp_path, live_central, after_call):
    """A main window whose sync bridge talks to the live central as agent1 (password in the keyring)."""
    url = live_central.service.url
    KeyringSecrets(url, "agent1").set(PASSWORD_KEY, PASSWORD)
    db = open_database(tmp_path / "ws.db", create=True)
    settings = Settings(central_url=url, central_user="agent1")
    window = MainWindow(db=db, runner=runner, session=AGENT, settings=settings, demo=False)
    qtbot.addWidget(window)
    bridge = SyncBridge(db=db, settings=settings, runner=runner, username="agent1",
                        engine_options={"min_backoff": 0.1, "max_backoff": 0.4, "poll_wait": 1.0})
    window.attach_sync(bridge)
    window.show()
    qloop.run_until_complete(bridge.start())
    after_call(lambda: stop_sync(qloop, bridge))  # also when the test fails half-way
    yield window, bridge, db
    qloop.run_until_complete(bridge.stop())
    db.dispose()


def stop_sync(qloop, bridge) -> None:
    """End a test with sync stopped: pytest-qt processes Qt events between a test and its fixtures' teardown,
    outside the asyncio loop, and an engine step resumed there fails with "no running event loop".
    `synced_window` also does it after a failed test (`after_call`)."""
    qloop.run_until_complete(bridge.stop())


def label(window) -> str:
    return window.sync_status_label.text()


def add_patients(db, n: int) -> list[str]:
    with db.write() as s:
        rows = [Patient(customer_no=f"G{uuid.uuid4().hex[:10]}", name=f"患者{i}", name_pinyin="huanzhe",
                        name_initials="hz") for i in range(n)]
        s.add_all(rows)
    return [r.id for r in rows]


def test_status_bar_goes_offline_when_the_central_stops_and_back_online(synced_window, qloop, live_central, wait_until):
    window, bridge, _db = synced_window
    wait_until(lambda: label(window).startswith(tr("Online")) and bridge.status.last_sync is not None, 20)
    assert tr("last sync %1").split("%1")[0] in label(window)

    live_central.service.stop()
    wait_until(lambda: label(window).startswith(tr("Offline")), 20)
    assert bridge.status.last_error == "offline"
    assert "cannot be reached" in window.sync_status_label.toolTip() or window.sync_status_label.toolTip()

    live_central.service.start()
    wait_until(lambda: label(window).startswith(tr("Online")) and not bridge.status.last_error, 20)
    stop_sync(qloop, bridge)


def test_pending_edits_are_counted_offline_and_drain_when_the_central_returns(synced_window, qloop, live_central,
                                                                              wait_until):
    window, bridge, db = synced_window
    wait_until(lambda: bridge.status.phase == "waiting", 20)
    live_central.service.stop()
    wait_until(lambda: not bridge.status.online, 20)

    ids = add_patients(db, 3)
    window.publish_changes(Changes.of("patients", *ids))  # what a screen does after a write
    wait_until(lambda: bridge.status.pending == 3, 20)
    assert tr("pending %1").replace("%1", "3") in label(window)

    live_central.service.start()
    wait_until(lambda: bridge.status.pending == 0 and bridge.status.online, 20)
    assert tr("pending %1").replace("%1", "0") in label(window)
    assert live_central.scalar("SELECT count(*) FROM patients WHERE id = ANY(%s)", ids) == 3
    stop_sync(qloop, bridge)


def test_a_losing_edit_is_shown_and_re_applied_from_the_conflicts_view(synced_window, live_central, qloop, qtbot,
                                                                       wait_until):
    window, bridge, db = synced_window
    [pid] = add_patients(db, 1)
    window.publish_changes(Changes.of("patients", pid))
    wait_until(lambda: live_central.scalar("SELECT version FROM patients WHERE id = %s", pid) is not None, 20)
    wait_until(lambda: bridge.status.pending == 0 and bridge.status.phase == "waiting", 20)

    qloop.run_until_complete(bridge.stop())  # this workstation is offline while someone else edits
    with db.write() as s:
        s.get(Patient, pid).city = "宁波"
    version = live_central.scalar("SELECT version FROM patients WHERE id = %s", pid)
    other = dict(mutation_id=str(uuid.uuid4()), entity="patients", entity_id=pid, op="update", base_version=version,
                 fields={"city": "上海"})
    assert live_central.push_as("agent2", other)["status"] == "applied"
    qloop.run_until_complete(bridge.start())
    wait_until(lambda: bridge.status.conflicts == 1 and bridge.status.pending == 0, 20)
    assert tr("conflicts %1").replace("%1", "1") in label(window)

    # widgets are driven inside the running loop: the engine keeps syncing, and an event Qt delivers while
    # a click is handled must find a running asyncio loop for the engine's next step
    in_loop(qloop, window.conflicts_action.trigger)  # Ctrl+Shift+Y
    view = window.conflicts_dialog.view
    wait_until(lambda: view.model.rowCount() == 1 and view.fields_table.rowCount() == 1)
    cells = [view.fields_table.item(0, c).text() for c in range(3)]
    assert cells == [field_text("city"), "宁波", "上海"]

    in_loop(qloop, view.reapply_button.click)
    wait_until(lambda: live_central.scalar("SELECT city FROM patients WHERE id = %s", pid) == "宁波", 20)
    wait_until(lambda: view.model.rowCount() == 0 and bridge.status.conflicts == 0, 20)
    with db.session() as s:
        assert s.get(Patient, pid).city == "宁波"
    stop_sync(qloop, bridge)


def test_first_download_shows_counts_and_can_be_stopped_and_resumed(qtbot, runner, qloop, tmp_path, live_central,
                                                                     wait_until):
    from hcrm_desktop.ui.syncbridge import BootstrapDialog

    batch = [dict(mutation_id=str(uuid.uuid4()), entity="patients", entity_id=str(uuid.uuid4()), op="insert",
                  base_version=0, fields=dict(customer_no=f"B{n:04d}", name=f"患者{n}", name_pinyin="huanzhe",
                                              name_initials="hz", sex="U", vip_level=0, points=0, consent_sms=True,
                                              consent_wechat=True, consent_phone=True, consent_data_use=True,
                                              tags=[], created_at="2026-11-01T09:00:00"))
             for n in range(60)]
    reply = live_central.scalar("SELECT hcrm_push('loader', %s::jsonb, 'agent1')", dumps(batch).decode())
    assert {r["status"] for r in reply["results"]} == {"applied"}
    url = live_central.service.url
    KeyringSecrets(url, "agent1").set(PASSWORD_KEY, PASSWORD)
    db = open_database(tmp_path / "fresh.db", create=True)
    bridge = SyncBridge(db=db, settings=Settings(central_url=url, central_user="agent1"), runner=runner,
                        username="agent1", engine_options={"pull_limit": 10, "poll_wait": 1.0})
    dialog = BootstrapDialog(bridge=bridge, runner=runner)
    qtbot.addWidget(dialog)
    bridge.bootstrap_started.connect(dialog.show)
    qloop.run_until_complete(bridge.start())
    wait_until(dialog.isVisible, 20)
    wait_until(lambda: bridge.progress is not None and bridge.progress.rows >= 10, 20)
    dialog.pause_button.click()  # Stop: what came in stays
    wait_until(lambda: not bridge.running and bridge.status.phase == "paused", 20)
    assert any(ch.isdigit() for ch in dialog.counts_label.text())

    dialog.pause_button.click()  # Resume: on from the last page
    wait_until(lambda: not dialog.isVisible() and bridge.status.phase == "waiting", 30)
    with db.session() as s:
        assert s.query(Patient).count() == 60
    qloop.run_until_complete(bridge.stop())
    db.dispose()


def test_settings_sign_in_keeps_the_password_in_the_keyring_and_saves_the_central(qtbot, live_central, wait_until):
    from hcrm_desktop.views.settings.central import CentralServerBox

    settings = Settings()
    saves: list[bool] = []

    def save() -> bool:
        saves.append(True)
        return True

    box = CentralServerBox(settings=settings, save=save)
    qtbot.addWidget(box)
    url = live_central.service.url
    box.central_edit.setText(url)
    box.user_edit.setText("agent1")
    box.password_edit.setText("wrong password")
    box.sign_in_button.click()
    wait_until(lambda: box.sign_in_button.isEnabled() and box.result_label.text() != tr("Connecting…"), 20)
    assert box.result_label.text() == tr(
        "Sign-in at the central server failed: check user and password in Settings.")
    assert KeyringSecrets(url, "agent1").get(PASSWORD_KEY) is None and not saves

    box.password_edit.setText(PASSWORD)
    signed_in: list[bool] = []
    box.saved.connect(lambda: signed_in.append(True))
    box.sign_in_button.click()
    wait_until(lambda: signed_in, 20)
    assert KeyringSecrets(url, "agent1").get(PASSWORD_KEY) == PASSWORD
    assert (settings.central_url, settings.central_user) == (url, "agent1")
    assert box.password_edit.text() == ""  # never kept on screen or in the settings file


def test_a_customer_another_workstation_pushed_appears_in_the_open_search_within_2_s(
        synced_window, live_central, tmp_path, qloop, wait_until):
    """Workstation B (the window) has the customers screen open with a search typed; workstation A pushes a new
    customer of that name through the service; B's result list shows it without anyone touching B."""
    import time

    from hcrm_desktop.sync.engine import SyncEngine
    from hcrm_desktop.sync.transport import open_transport

    window, bridge, _db = synced_window
    window.show_view("customers")
    view = window.views["customers"]
    wait_until(lambda: bridge.status.phase == "waiting", 20)
    view.search_edit.setText("欧阳同步")
    wait_until(lambda: view.shown_generation == view._generation and "欧阳同步" in view.status_label.text(), 5)
    assert view.model.rowCount() == 0
    pushes: list[Changes] = []
    bridge.changes_pulled.connect(pushes.append)
    qloop.run_until_complete(asyncio.sleep(1.5))  # B is hanging in its long poll now

    a_db = open_database(tmp_path / "a.db", create=True)
    a_transport = open_transport(live_central.service.url, username="agent2", password=PASSWORD)
    a = SyncEngine(db=a_db, transport=a_transport)
    a.connect()
    [pid] = add_patients(a_db, 1)
    with a_db.write() as s:
        s.get(Patient, pid).name = "欧阳同步"
    assert a.push().pushed >= 1
    pushed_at = time.monotonic()

    wait_until(lambda: view.model.rowCount() == 1, 2.0)
    assert time.monotonic() - pushed_at <= 2.0
    assert any("patients" in c.entities and pid in c.patient_ids for c in pushes)
    a_transport.close()
    a_db.dispose()
    stop_sync(qloop, bridge)


def test_changes_pulled_do_not_start_a_push_round(synced_window, qloop, wait_until, monkeypatch):
    window, bridge, _db = synced_window
    wait_until(lambda: bridge.status.phase == "waiting", 20)
    woken: list[bool] = []
    monkeypatch.setattr(bridge.engine, "notify_local_change", lambda: woken.append(True))
    published: list[Changes] = []
    window.changes_published.connect(published.append)
    bridge.changes_pulled.emit(Changes.of("patients", "x"))
    assert published and not woken
    window.publish_changes(Changes.of("patients", "y"))  # a local write still pushes at once
    assert woken == [True]
    stop_sync(qloop, bridge)
