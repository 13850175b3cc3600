"""Central sync for the window: runs the sync engine on the qasync loop, reports its state as signals.

The engine (`sync/engine.py`, no Qt) does the work: network calls on the runner's network pool, database
writes on the runner's single database worker, so the UI thread only ever awaits. Without a configured
central server (or in the demo) the bridge stays idle and the status bar says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop import oplog
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.db import Database
from hcrm_desktop.sync.cli import PASSWORD_KEY
from hcrm_desktop.sync.credentials import KeyringSecrets, SecretStore
from hcrm_desktop.sync.engine import BootstrapProgress, SyncEngine, SyncStatus
from hcrm_desktop.sync.transport import Transport, open_transport
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.tasks import TaskRunner

# sync error codes (docs/sync.md) and the bridge's own -> what the user reads
ERROR_TEXTS = {
    "offline": QT_TRANSLATE_NOOP("SyncBridge", "The central server cannot be reached."),
    "server_error": QT_TRANSLATE_NOOP("SyncBridge", "The central server reported an error."),
    "bad_reply": QT_TRANSLATE_NOOP("SyncBridge", "The central server sent a reply that could not be read."),
    "auth_failed": QT_TRANSLATE_NOOP("SyncBridge", "Sign-in at the central server failed: check user and password "
                                                   "in Settings."),
    "forbidden": QT_TRANSLATE_NOOP("SyncBridge", "Your role may not do this at the central server."),
    "protocol_mismatch": QT_TRANSLATE_NOOP("SyncBridge", "This version of HCRM Desktop does not match the central "
                                                         "server: please update."),
    "schema_mismatch": QT_TRANSLATE_NOOP("SyncBridge", "The central server's data structure differs from this "
                                                       "version's: please update."),
    "central_changed": QT_TRANSLATE_NOOP("SyncBridge", "This database was filled from another central server."),
    "disk_full": QT_TRANSLATE_NOOP("SyncBridge", "The disk is full: free some space, sync resumes by itself."),
    "local_store": QT_TRANSLATE_NOOP("SyncBridge", "The local database could not be written."),
    "bad_address": QT_TRANSLATE_NOOP("SyncBridge", "The central server address is not valid."),
}


def error_text(code: str | None) -> str:
    if not code:
        return ""
    source = ERROR_TEXTS.get(code, QT_TRANSLATE_NOOP("SyncBridge", "Synchronisation failed."))
    return _tr(source)


def _tr(source: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("SyncBridge", source)


def status_text(status: SyncStatus) -> str:
    """One line for the status bar: online or offline, pending, conflicts, last sync, error."""
    parts = [_tr(QT_TRANSLATE_NOOP("SyncBridge", "Online")) if status.online
             else _tr(QT_TRANSLATE_NOOP("SyncBridge", "Offline"))]
    if status.phase == "bootstrapping":
        parts.append(_tr(QT_TRANSLATE_NOOP("SyncBridge", "first download")))
    if status.phase == "paused":
        parts.append(_tr(QT_TRANSLATE_NOOP("SyncBridge", "paused")))
    parts.append(_tr(QT_TRANSLATE_NOOP("SyncBridge", "pending %1")).replace("%1", str(status.pending)))
    if status.conflicts:
        parts.append(_tr(QT_TRANSLATE_NOOP("SyncBridge", "conflicts %1")).replace("%1", str(status.conflicts)))
    if status.last_sync is not None:
        local = status.last_sync.astimezone() if status.last_sync.tzinfo else _utc_to_local(status.last_sync)
        parts.append(_tr(QT_TRANSLATE_NOOP("SyncBridge", "last sync %1")).replace("%1", local.strftime("%H:%M:%S")))
    if status.last_error:
        parts.append(_tr(QT_TRANSLATE_NOOP("SyncBridge", "error")))
    return " · ".join(parts)


def _utc_to_local(naive_utc: Any) -> Any:
    from datetime import UTC

    return naive_utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


TransportFactory = Callable[..., Transport]


class SyncBridge(QObject):
    """Starts and stops the engine; `status_changed(SyncStatus)` and `progress_changed(BootstrapProgress)`
    arrive on the UI thread. `bootstrap_started` fires when a first download begins. `changes_pulled(Changes)`
    names what sync wrote into this database (rows from other workstations, refused edits undone): once per
    pull, once at the end of a first download."""

    status_changed = Signal(object)
    progress_changed = Signal(object)
    bootstrap_started = Signal()
    changes_pulled = Signal(object)

    def __init__(self, *, db: Database, settings: Settings, runner: TaskRunner, username: str, demo: bool = False,
                 secrets: Callable[[str, str], SecretStore] = KeyringSecrets,
                 transport_factory: TransportFactory = open_transport,
                 engine_options: dict[str, Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._settings, self._runner = db, settings, runner
        self._username, self._demo = username, demo
        self._secrets, self._transport_factory = secrets, transport_factory
        self._engine_options = dict(engine_options or {})
        self.engine: SyncEngine | None = None
        self._transport: Transport | None = None
        self._task: asyncio.Task[Any] | None = None
        self._started_with: tuple[str, str] | None = None
        self.status = SyncStatus()
        self.progress: BootstrapProgress | None = None

    @property
    def central(self) -> str:
        return self._settings.central_url.strip()

    @property
    def username(self) -> str:
        return self._settings.central_user.strip() or self._username

    @property
    def configured(self) -> bool:
        return bool(self.central and self.username) and not self._demo

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        """Start syncing in the background (no-op without a central server or while running)."""
        if not self.configured or self.running:
            return
        self._started_with = wanted = (self.central, self.username)
        secrets = self._secrets(self.central, self.username)
        # the OS keyring may answer slowly (a locked keychain, D-Bus): read it off the UI thread
        password = await self._runner.run_net(partial(secrets.get, PASSWORD_KEY))
        if self.running or self._started_with != wanted:  # started or stopped meanwhile
            return
        try:
            self._transport = self._transport_factory(self.central, username=self.username,
                                                      password=password, secrets=secrets)
        except ValueError:
            self._on_engine_status(SyncStatus(last_error="bad_address", phase="offline"))
            return
        options = {"net_executor": self._runner.net_executor, "db_executor": self._runner.db_executor,
                   **self._engine_options}
        self.engine = SyncEngine(db=self._db, transport=self._transport, on_status=self._on_engine_status,
                                 on_progress=self._on_engine_progress, on_changes=self._on_engine_changes,
                                 **options)
        self._task = self._runner.spawn(self.engine.run(), key="sync.engine", owner=self)
        oplog.event("sync.started", central_kind=self._transport.kind)

    async def stop(self, *, phase: str = "idle") -> None:
        """Stop syncing; a first download stopped here resumes where it was at the next start."""
        engine, task, transport = self.engine, self._task, self._transport
        self.engine, self._task, self._transport, self._started_with = None, None, None, None
        if engine is not None:
            engine.stop()
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if transport is not None:
            with contextlib.suppress(Exception):
                await self._runner.run_net(transport.close)
        if engine is not None:
            self._on_engine_status(SyncStatus(online=False, pending=self.status.pending,
                                              conflicts=self.status.conflicts, last_sync=self.status.last_sync,
                                              phase=phase))

    async def restart(self) -> None:
        """After the settings changed: connect with the new address, user or password."""
        await self.stop()
        await self.start()
        if not self.configured:
            self._on_engine_status(SyncStatus())

    def reconfigure(self) -> None:
        """The settings were saved: restart when the address or user changed, or after a failed sign-in
        (a password may have been entered since)."""
        wanted = (self.central, self.username) if self.configured else None
        if wanted == self._started_with and self.status.last_error not in ("auth_failed", "bad_address"):
            return
        self._runner.spawn(self.restart(), key="sync.restart", owner=self)

    def notify_local_change(self) -> None:
        """A local write happened: push it now rather than at the next poll."""
        if self.engine is not None:
            self.engine.notify_local_change()

    def _on_engine_status(self, status: SyncStatus) -> None:
        began = status.phase == "bootstrapping" and self.status.phase != "bootstrapping"
        self.status = status
        if status.last_error and status.last_error != "offline":
            oplog.event("sync.error", level=logging.INFO, code=status.last_error)
        self.status_changed.emit(status)
        if began:
            self.bootstrap_started.emit()

    def _on_engine_changes(self, changes: Changes) -> None:
        self.changes_pulled.emit(changes)

    def _on_engine_progress(self, progress: BootstrapProgress) -> None:
        self.progress = progress
        self.progress_changed.emit(progress)


class SyncStatusLabel(QLabel):
    """The status bar's sync field; a click asks for details (errors, conflicts)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


class BootstrapDialog(QDialog):
    """The first download: rows, estimated total, time left. Stop pauses it (what is in stays in); Resume
    goes on from there. It closes itself when the download is done."""

    def __init__(self, *, bridge: SyncBridge, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge, self._runner = bridge, runner
        self.setWindowTitle(self.tr("First download from the central server"))
        self.setObjectName("bootstrapDialog")
        self.info_label = QLabel(self.tr("Downloading the customer records for this workstation. You can keep "
                                         "working; screens fill in as data arrives."), self)
        self.info_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.counts_label = QLabel(self.tr("Connecting…"), self)
        self.counts_label.setObjectName("bootstrapCounts")
        buttons = QDialogButtonBox(self)
        self.pause_button = QPushButton(self.tr("&Stop"), self)
        self.hide_button = QPushButton(self.tr("Continue in &background"), self)
        buttons.addButton(self.pause_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.hide_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.hide_button.clicked.connect(self.hide)
        layout = QVBoxLayout(self)
        for widget in (self.info_label, self.progress_bar, self.counts_label, buttons):
            layout.addWidget(widget)
        self.resize(480, self.sizeHint().height())
        bridge.progress_changed.connect(self._on_bridge_progress_changed)
        bridge.status_changed.connect(self._on_bridge_status_changed)

    def _on_bridge_progress_changed(self, progress: BootstrapProgress) -> None:
        self.progress_bar.setValue(int(progress.fraction * 1000))
        text = self.tr("%1 of about %2 records").replace("%1", f"{progress.rows:,}").replace(
            "%2", f"{progress.total:,}")
        if progress.eta_s is not None:
            text += " · " + self.tr("about %1 left").replace("%1", _duration(progress.eta_s))
        self.counts_label.setText(text)

    def _on_bridge_status_changed(self, status: SyncStatus) -> None:
        if status.phase in ("syncing", "waiting") and self.isVisible():
            self.accept()  # done
        elif status.last_error:
            self.counts_label.setText(error_text(status.last_error) + " " + self.tr("Retrying by itself."))

    def _on_pause_button_clicked(self) -> None:
        if self._bridge.running:
            self.pause_button.setText(self.tr("&Resume"))
            self._runner.spawn(self._bridge.stop(phase="paused"), key="sync.pause", owner=self)
        else:
            self.pause_button.setText(self.tr("&Stop"))
            self._runner.spawn(self._bridge.start(), key="sync.pause", owner=self)
