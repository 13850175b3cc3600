"""The composition root: application, language, log, crash handling, event loop, database, sign-in, window.

Only this module, `ui/` and `views/` import Qt. Everything slow runs on the task runner.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from qasync import QEventLoop

from hcrm_desktop import APP_NAME, __version__, oplog
from hcrm_desktop.services.staff import sign_in_accounts
from hcrm_desktop.settings import Settings, load_settings, save_settings
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.errors import ExceptHook, install_excepthook
from hcrm_desktop.ui.i18n import install_language
from hcrm_desktop.ui.opening import DatabaseOpener, Target, resolve_target
from hcrm_desktop.ui.shell import MainWindow
from hcrm_desktop.ui.signin import SignInDialog
from hcrm_desktop.ui.syncbridge import BootstrapDialog, SyncBridge
from hcrm_desktop.ui.tasks import TaskRunner, ask, signal_future
from hcrm_desktop.ui.theme import apply_theme

REFCOUNT_RESERVE = 1 << 40
_refcount_guarded: list[bool] = []


def guard_refcount_bug() -> bool:
    """Keep None, True and False alive despite PySide6 6.12.0, whose every void call (setText, update,
    QTimer.start, killTimer: qasync kills one timer per loop callback) drops a reference to None and every
    signal emit() one to True. Unchecked, a working day ends in "Fatal Python error: none_dealloc".

    If a probe shows the bug, each of the three singletons gets a reserve of 2**40 references, as Python
    3.12 does for its immortal objects; the reserve outlasts any session. Idempotent; True if needed.
    """
    if _refcount_guarded:
        return _refcount_guarded[0]
    probe = QObject()
    probe.setObjectName("probe")
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    leaking = before - sys.getrefcount(None) >= 32
    if leaking:
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += REFCOUNT_RESERVE
        oplog.event("pyside_refcount_guard", pyside=PySide6.__version__)
    _refcount_guarded.append(leaking)
    return leaking


def make_application(argv: list[str] | None = None) -> QApplication:
    guard_refcount_bug()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("HCRM")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("HCRM Desktop")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)  # the main coroutine decides when the app ends
    apply_theme(app)
    return app


def _save_quietly(settings: Settings) -> None:
    try:
        save_settings(settings)
    except OSError as exc:
        oplog.event("settings_not_saved", level=logging.WARNING, error=str(exc))


class App:
    """One run of the desktop app, from opening the database to closing the main window."""

    def __init__(self, *, runner: TaskRunner, settings: Settings, hook: ExceptHook) -> None:
        self._runner = runner
        self._settings = settings
        self._hook = hook
        self.window: MainWindow | None = None
        self.sync: SyncBridge | None = None
        self.bootstrap_dialog: BootstrapDialog | None = None

    async def run(self, *, demo: bool, db_path: Path | None) -> int:
        try:
            first = resolve_target(demo=demo, db_path=db_path, settings=self._settings)
            opened = await DatabaseOpener(runner=self._runner).open(first)
            if opened is None:
                return 0
            db, target = opened
            if target != first and db_path is None:  # the user picked another file: remember it
                self._settings.db_path = "" if target.demo else str(target.path)
                _save_quietly(self._settings)
            try:
                return await self._work(db, target)
            finally:
                await self._runner.run_db(db.dispose)
        except Exception as exc:  # a bug: tell the user calmly, then leave
            self._hook(type(exc), exc, exc.__traceback__)
            if self._hook.dialogs:
                await signal_future(self._hook.dialogs[-1].finished)
            return 1

    async def _work(self, db: Database, target: Target) -> int:
        accounts = await self._runner.run_db(sign_in_accounts, db)
        dialog = SignInDialog(db=db, accounts=accounts, runner=self._runner, demo=target.demo,
                              last_user=self._settings.last_user)
        if await ask(dialog) != QDialog.DialogCode.Accepted or dialog.session is None:
            return 0
        session = dialog.session
        self._settings.last_user = session.username
        _save_quietly(self._settings)
        oplog.event("signed_in", user=session.username, role=session.role.value)
        bridge = self.make_bridge(demo=target.demo)
        self.window = MainWindow(db=db, runner=self._runner, session=session, settings=self._settings,
                                 demo=target.demo, bridge=bridge)
        closed = signal_future(self.window.closed)
        if self.window.restored_geometry:
            self.window.show()
        else:
            self.window.showMaximized()  # first start: all of a call-centre screen
        self.window.raise_()
        self.window.activateWindow()
        self.sync = SyncBridge(db=db, settings=self._settings, runner=self._runner, username=session.username,
                               demo=target.demo)
        self.sync.bootstrap_started.connect(self._show_bootstrap)
        self.window.attach_sync(self.sync)
        await bridge.start()
        await self.sync.start()
        try:
            await closed
        finally:
            await self.sync.stop()
            await bridge.stop()
        oplog.event("signed_out", user=session.username)
        return 0

    def _show_bootstrap(self) -> None:
        """A first download began: show its progress (it can be stopped, resumed or sent to the background)."""
        if self.sync is None or self.window is None:
            return
        if self.bootstrap_dialog is None:
            self.bootstrap_dialog = BootstrapDialog(bridge=self.sync, runner=self._runner, parent=self.window)
        self.bootstrap_dialog.show()

    def make_bridge(self, *, demo: bool) -> CtiBridge:
        """The phone from the settings; the demo always rings the simulator (its "simulate call" button)."""
        adapter = "simulator" if demo else self._settings.cti_adapter
        return CtiBridge(adapter=adapter, address=self._settings.cti_address, runner=self._runner)


def run_app(*, demo: bool, db_path: Path | None, language: str | None) -> int:
    """Start the desktop app. `language` overrides the saved one for this run only."""
    settings = load_settings()
    app = make_application()
    install_language(app, language or settings.language)
    oplog.setup()
    oplog.event("app_started", version=__version__, demo=demo)
    hook = install_excepthook()
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(hook.on_loop_exception)
    runner = TaskRunner(loop=loop)
    try:
        code = loop.run_until_complete(App(runner=runner, settings=settings, hook=hook).run(
            demo=demo, db_path=db_path))
    finally:
        runner.shutdown()
        loop.close()
    oplog.event("app_stopped", code=code)
    return code
