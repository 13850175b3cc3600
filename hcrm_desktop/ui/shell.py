"""The main window: navigation on the left, one screen at a time, the state of things in the status bar.

It also carries the app-wide change notification: a view that wrote emits `changes_made(Changes)`, the
window hands the `Changes` to every view's `apply_changes`, and each refreshes only what it shows. A
screen pop asks for attention: the window comes back from the taskbar, flashes when inactive, and
switches to the workbench unless someone is typing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hcrm_desktop import __version__, oplog, paths
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.settings import Settings, save_settings
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP, install_language
from hcrm_desktop.ui.labels import phone_state_text, sync_state_text
from hcrm_desktop.ui.session import UserSession, role_text
from hcrm_desktop.ui.syncbridge import SyncBridge, SyncStatusLabel, error_text, status_text
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.analytics import AnalyticsView
from hcrm_desktop.views.bookings import BookingsView
from hcrm_desktop.views.complaints import ComplaintsView
from hcrm_desktop.views.conflicts import ConflictsDialog
from hcrm_desktop.views.customers import CustomersView
from hcrm_desktop.views.followups import FollowUpsView
from hcrm_desktop.views.followups.rules import RulesDialog
from hcrm_desktop.views.knowledge import KnowledgeDialog
from hcrm_desktop.views.settings import SettingsView
from hcrm_desktop.views.supervisor.myqa import MyQaDialog
from hcrm_desktop.views.workbench import WorkbenchView
from hcrm_desktop.views.workbench.calls import user_is_typing

# (key, navigation label); Ctrl+1.. follow this order whatever the role, so a shortcut never moves.
SCREENS = (
    ("workbench", QT_TRANSLATE_NOOP("MainWindow", "Workbench")),
    ("customers", QT_TRANSLATE_NOOP("MainWindow", "Customers")),
    ("complaints", QT_TRANSLATE_NOOP("MainWindow", "Complaints")),
    ("bookings", QT_TRANSLATE_NOOP("MainWindow", "Bookings")),
    ("followups", QT_TRANSLATE_NOOP("MainWindow", "Follow-ups")),
    ("analytics", QT_TRANSLATE_NOOP("MainWindow", "Analytics")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
)
SCREEN_KEYS = tuple(key for key, _label in SCREENS)


def _b64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


class MainWindow(QMainWindow):
    """Emits `closed` after saving its geometry; the app then shuts down. `bridge` is the phone (the app
    starts and stops it); without one the status bar shows the configured adapter as idle."""

    closed = Signal()
    changes_published = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, settings: Settings,
                 demo: bool, bridge: CtiBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._db = db
        self._runner = runner
        self._settings = settings
        self._demo = demo
        self.session = session
        self.bridge = bridge
        if bridge is not None:
            bridge.state_changed.connect(self._on_bridge_state_changed)
        self.views = self._build_views()
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self._retranslate_chrome()
        self._restore_window()
        self.show_view("workbench")
        self.nav_list.setFocus()  # arrow keys move between screens at once

    def _build_views(self) -> dict[str, QWidget]:
        settings_view = SettingsView(settings=self._settings, db_path=self._db.path, log_dir=paths.log_dir())
        settings_view.settings_changed.connect(self._on_settings_view_settings_changed)
        settings_view.language_changed.connect(self._on_settings_view_language_changed)
        workbench = WorkbenchView(db=self._db, runner=self._runner, session=self.session, bridge=self.bridge)
        workbench.attention_needed.connect(self._on_workbench_attention_needed)
        customers = CustomersView(db=self._db, runner=self._runner, session=self.session, bridge=self.bridge)
        common = {"db": self._db, "runner": self._runner, "session": self.session, "bridge": self.bridge}
        complaints = ComplaintsView(**common)
        bookings = BookingsView(**common)
        followups = FollowUpsView(**common)
        analytics = AnalyticsView(**common)
        for view in (workbench, customers, complaints, bookings, followups, analytics):
            view.changes_made.connect(self.publish_changes)
        for view in (workbench, customers):
            view.booking_requested.connect(self._on_booking_requested)
        return {
            "workbench": workbench,
            "customers": customers,
            "complaints": complaints,
            "bookings": bookings,
            "followups": followups,
            "analytics": analytics,
            "settings": settings_view,
        }

    def _build_body(self) -> None:
        self.nav_list = QListWidget(self)
        self.nav_list.setObjectName("navList")
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("viewStack")
        for number, (key, _label) in enumerate(SCREENS, start=1):
            item = QListWidgetItem(self.nav_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText))
            item.setHidden(not self.may_show(key))
            self.stack.addWidget(self.views[key])
        self.nav_list.currentRowChanged.connect(self._on_nav_list_current_row_changed)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav_list)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.conflicts_action = QAction(self)
        self.conflicts_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self.file_menu.addAction(self.conflicts_action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.go_menu = self.menuBar().addMenu("")
        self.go_actions: dict[str, QAction] = {}
        for number, (key, _label) in enumerate(SCREENS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setVisible(self.may_show(key))
            action.triggered.connect(lambda _checked=False, k=key: self.show_view(k))
            self.go_menu.addAction(action)
            self.go_actions[key] = action
        self._build_tools_menu()
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.help_menu.addAction(self.about_action)

    def _build_tools_menu(self) -> None:
        """Tools any screen may need: ready answers (F3), my QA reviews, the follow-up rules (admins)."""
        self.tools_menu = self.menuBar().addMenu("")
        self.knowledge_action = QAction(self)
        self.knowledge_action.setShortcut(QKeySequence(Qt.Key.Key_F3))
        self.knowledge_action.triggered.connect(self.show_knowledge)
        self.my_qa_action = QAction(self)
        self.my_qa_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.my_qa_action.triggered.connect(self._on_my_qa_action_triggered)
        self.rules_action = QAction(self)
        self.rules_action.setVisible(self.session.role == Role.ADMIN)
        self.rules_action.triggered.connect(self._on_rules_action_triggered)
        for action in (self.knowledge_action, self.my_qa_action, self.rules_action):
            self.tools_menu.addAction(action)
            self.addAction(action)  # the shortcut works with the menu bar hidden or a dialog on top
        self.tools_dialogs: dict[str, QWidget] = {}

    def _tool_dialog(self, key: str, factory: Callable[..., QWidget]) -> QWidget:
        """One window per tool: a second F3 brings the open one to the front instead of opening another."""
        dialog = self.tools_dialogs.get(key)
        if dialog is None:
            dialog = factory(db=self._db, runner=self._runner, session=self.session, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: self.tools_dialogs.pop(key, None))
            for name in ("changes_made", "rules_saved", "tasks_generated"):  # each carries a Changes
                changed = getattr(dialog, name, None)
                if changed is not None:
                    changed.connect(self.publish_changes)
            self.tools_dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_knowledge(self) -> QWidget:
        return self._tool_dialog("knowledge", KnowledgeDialog)

    def _on_my_qa_action_triggered(self) -> None:
        self._tool_dialog("my_qa", MyQaDialog)

    def _on_rules_action_triggered(self) -> None:
        self._tool_dialog("rules", RulesDialog)

    def _on_booking_requested(self, patient_id: str) -> None:
        """A wrap-up asked to book for this customer: the bookings screen opens with them chosen."""
        bookings = self.views["bookings"]
        if isinstance(bookings, BookingsView) and self.show_view("bookings"):
            bookings.start_booking(patient_id)

    def _retranslate_chrome(self) -> None:
        """Everything the window itself says (the screens are rebuilt instead)."""
        title = self.tr("HCRM Desktop")
        self.setWindowTitle(self.tr("{title} (demo)").format(title=title) if self._demo else title)
        for row, (key, label) in enumerate(SCREENS):
            self.nav_list.item(row).setText(self.tr(label))
            self.go_actions[key].setText(self.tr(label))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.conflicts_action.setText(self.tr("Sync &conflicts…"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.knowledge_action.setText(self.tr("&Knowledge base…"))
        self.my_qa_action.setText(self.tr("My &QA reviews…"))
        self.rules_action.setText(self.tr("Follow-up &rules…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About HCRM Desktop"))
        self._update_status()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_status_label = QLabel(bar)
        self.sync_bridge: SyncBridge | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.sync_status_label = SyncStatusLabel(bar)
        self.sync_status_label.clicked.connect(self._on_sync_status_label_clicked)
        self.phone_status_label = QLabel(bar)
        for label, name in ((self.user_status_label, "userStatus"), (self.sync_status_label, "syncStatus"),
                            (self.phone_status_label, "phoneStatus")):
            label.setObjectName(name)
            bar.addPermanentWidget(label)

    def _update_status(self) -> None:
        self.user_status_label.setText(f"{self.session.display_name} · {role_text(self.session.role)}")
        self._update_sync_status()
        self._update_phone_status()

    def attach_sync(self, bridge: SyncBridge) -> None:
        """The central sync of this window (the app starts and stops it); its state shows in the status bar."""
        self.sync_bridge = bridge
        bridge.status_changed.connect(self._update_sync_status)
        bridge.changes_pulled.connect(self.apply_remote_changes)
        self._update_sync_status()

    def _update_sync_status(self) -> None:
        bridge = self.sync_bridge
        if bridge is None or not bridge.configured:
            self.sync_status_label.setText(sync_state_text(demo=self._demo, central_url=self._settings.central_url))
            self.sync_status_label.setToolTip("")
            return
        self.sync_status_label.setText(status_text(bridge.status))
        self.sync_status_label.setToolTip(error_text(bridge.status.last_error) or self.tr("Click for sync conflicts"))

    def _on_sync_status_label_clicked(self) -> None:
        bridge = self.sync_bridge
        if bridge is not None and bridge.status.last_error:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Synchronisation"),
                              error_text(bridge.status.last_error), parent=self)
            box.setInformativeText(self.tr("Your work is kept on this computer and sent when the connection is back."))
            box.setDetailedText(f"{bridge.status.last_error}: {bridge.status.message}")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        else:
            self.show_conflicts()

    def show_conflicts(self) -> None:
        if self.conflicts_dialog is None:
            self.conflicts_dialog = ConflictsDialog(db=self._db, runner=self._runner, parent=self)
            self.conflicts_dialog.view.changes_made.connect(self.publish_changes)
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        self.conflicts_dialog.activateWindow()

    def _update_phone_status(self) -> None:
        if self.bridge is None:
            self.phone_status_label.setText(phone_state_text(self._settings.cti_adapter))
        else:
            self.phone_status_label.setText(phone_state_text(self.bridge.adapter, self.bridge.phone_state,
                                                             self.bridge.error))

    def _on_bridge_state_changed(self) -> None:
        self._update_phone_status()

    def publish_changes(self, changes: Changes) -> None:
        """Tell every screen what a write touched; each refreshes what it shows. The write is pushed at once."""
        self._show_changes(changes)
        if self.sync_bridge is not None:
            self.sync_bridge.notify_local_change()
        self.changes_published.emit(changes)

    def apply_remote_changes(self, changes: Changes) -> None:
        """What sync wrote (rows from other workstations): the screens refresh, without a push round."""
        self._show_changes(changes)
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.view.apply_changes(changes)
        self.changes_published.emit(changes)

    def _show_changes(self, changes: Changes) -> None:
        for view in self.views.values():
            apply = getattr(view, "apply_changes", None)
            if apply is not None:
                apply(changes)

    def _on_workbench_attention_needed(self) -> None:
        if self.isMinimized():
            self.showNormal()
            self.raise_()
        if not self.isActiveWindow():
            QApplication.alert(self)
        if not user_is_typing(self) and self.current_view_key() != "workbench":
            self.show_view("workbench")

    def may_show(self, key: str) -> bool:
        return key != "analytics" or self.session.can_see_analytics

    def current_view_key(self) -> str:
        return SCREEN_KEYS[self.stack.currentIndex()]

    def show_view(self, key: str) -> bool:
        """Switch to a screen; False if there is no such screen or this user may not see it."""
        if key not in self.views or not self.may_show(key):
            return False
        self.nav_list.setCurrentRow(SCREEN_KEYS.index(key))
        return True

    def _on_nav_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(SCREEN_KEYS):
            self.stack.setCurrentIndex(row)

    def _on_settings_view_settings_changed(self) -> None:
        if self.sync_bridge is not None:
            self.sync_bridge.reconfigure()
        self._update_status()

    def _on_settings_view_language_changed(self, language: str) -> None:
        app = QApplication.instance()
        if app is not None:
            install_language(app, language)  # Qt then sends every window a LanguageChange event

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self._retranslate)  # not while the event still travels to the children

    def _retranslate(self) -> None:
        """Live language switch: new words for the window, fresh screens in place of the old ones."""
        current = self.current_view_key()
        workbench = self.views["workbench"]
        cards = workbench.take_cards() if isinstance(workbench, WorkbenchView) else []
        for view in self.views.values():
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views = self._build_views()
        new_workbench = self.views["workbench"]
        if isinstance(new_workbench, WorkbenchView):
            new_workbench.adopt_cards(cards)  # a call in progress keeps its card and what was typed
        for key in SCREEN_KEYS:
            self.stack.addWidget(self.views[key])
        self._retranslate_chrome()
        self.show_view(current)
        self.stack.setCurrentIndex(SCREEN_KEYS.index(current))

    def _on_about_action_triggered(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About HCRM Desktop"),
                          self.tr("HCRM Desktop {version}").format(version=__version__), parent=self)
        box.setInformativeText(self.tr("Customer service workbench for hospitals and health-check centers."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _restore_window(self) -> None:
        geometry = QByteArray.fromBase64(self._settings.window_geometry.encode("ascii"))
        self.restored_geometry = not geometry.isEmpty() and self.restoreGeometry(geometry)
        if not self.restored_geometry:
            self.resize(1280, 760)
        state = QByteArray.fromBase64(self._settings.window_state.encode("ascii"))
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.window_geometry = _b64(self.saveGeometry())
        self._settings.window_state = _b64(self.saveState())
        try:
            save_settings(self._settings)
        except OSError as exc:  # losing the window size is not worth keeping someone from quitting
            oplog.event("settings_not_saved", level=logging.WARNING, error=str(exc))
        super().closeEvent(event)
        self.closed.emit()
