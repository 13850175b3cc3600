"""Sync conflicts (同步冲突): every local edit that lost to another workstation's or that the central side
refused, with my values next to the server's; re-apply mine (Ctrl+R) or accept the server's (Delete)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.sync.conflicts import KEEP_OUT, dismiss, open_conflicts, reapply
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.conflicts.labels import entity_text, field_text, reason_text, value_text

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    entity_id: str
    kind: str  # conflict | rejected
    reason: str
    created_at: datetime
    local: dict[str, Any]
    server: dict[str, Any]


def load_conflicts(db: Database) -> list[ConflictRow]:
    """Open conflicts as plain values (runs on the database worker)."""
    return [ConflictRow(c.id, c.entity, c.entity_id, c.kind, c.reason, c.created_at, dict(c.local_fields or {}),
                        dict(c.server_row or {})) for c in open_conflicts(db)]


class ConflictsModel(QAbstractTableModel):
    """The open conflicts, newest last: when, what, why, which fields."""

    HEADERS = (QT_TRANSLATE_NOOP("ConflictsModel", "When"), QT_TRANSLATE_NOOP("ConflictsModel", "Record"),
               QT_TRANSLATE_NOOP("ConflictsModel", "Why"), QT_TRANSLATE_NOOP("ConflictsModel", "Fields"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConflictRow] = []

    def set_rows(self, rows: list[ConflictRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return row.created_at.strftime("%m-%d %H:%M")
        if column == 1:
            return entity_text(row.entity)
        if column == 2:
            return reason_text(row.reason)
        return "、".join(field_text(k) for k in row.local if k not in KEEP_OUT)


class ConflictsView(Page):
    """`changes_made(Changes)` after a re-apply or a dismissal, so the window refreshes and syncs."""

    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner = db, runner
        self.set_heading(self.tr("Sync conflicts"),
                         self.tr("Your edits that another workstation's changes or the central server's rules "
                                 "overrode. Nothing is lost: re-apply yours or accept the server's."))
        self.model = ConflictsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conflictsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.fields_table = QTableWidget(0, 3, self)  # one conflict's few fields
        self.fields_table.setObjectName("conflictFields")
        self.fields_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("My value"), self.tr("Server value")])
        self.fields_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields_table.verticalHeader().hide()
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reapply_button = QPushButton(self.tr("&Re-apply my edit"), self)
        self.reapply_button.setToolTip(QKeySequence("Ctrl+R").toString(QKeySequence.SequenceFormat.NativeText))
        self.dismiss_button = QPushButton(self.tr("&Dismiss (keep the server's)"), self)
        self.dismiss_button.setToolTip(QKeySequence(Qt.Key.Key_Delete).toString(QKeySequence.SequenceFormat.NativeText))
        self.reapply_button.clicked.connect(self._on_reapply_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        QShortcut(QKeySequence("Ctrl+R"), self, self._on_reapply_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self._on_dismiss_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        self.body.addWidget(self.table, 2)
        self.body.addWidget(self.fields_table, 1)
        self.body.addLayout(buttons)
        self._update_buttons()

    def reload(self) -> None:
        self._runner.spawn(self._reload(), key=f"conflicts.reload.{id(self)}", owner=self)

    async def _reload(self) -> None:
        rows = await self._runner.run_db(load_conflicts, self._db)
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self._show_fields(None)
            self.message_bar.show_message(self.tr("No conflicts: everything you typed reached the central server."),
                                          Level.INFO)
        self._update_buttons()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("sync_conflicts"):
            self.reload()

    def current(self) -> ConflictRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_fields(self.model.rows[current.row()] if current.isValid() else None)
        self._update_buttons()

    def _show_fields(self, row: ConflictRow | None) -> None:
        keys = [k for k in (row.local if row else {}) if k not in KEEP_OUT]
        self.fields_table.setRowCount(len(keys))
        for n, key in enumerate(keys):
            assert row is not None
            for column, text in enumerate((field_text(key), value_text(row.local.get(key)),
                                           value_text(row.server.get(key)))):
                self.fields_table.setItem(n, column, QTableWidgetItem(text))

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.reapply_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    def _on_reapply_button_clicked(self) -> None:
        row = self.current()
        if row is not None:
            self._runner.spawn(self._act(row, again=True), key=f"conflicts.act.{id(self)}", owner=self)

    def _on_dismiss_button_clicked(self) -> None:
        row = self.current()
        if row is not None:
            self._runner.spawn(self._act(row, again=False), key=f"conflicts.act.{id(self)}", owner=self)

    async def _act(self, row: ConflictRow, *, again: bool) -> None:
        if again:
            changes = await self._runner.run_db(reapply, self._db, row.id)
            text = self.tr("Your edit was queued again and is sent to the central server.")
        else:
            await self._runner.run_db(dismiss, self._db, row.id)
            changes = Changes()
            text = self.tr("The server's values are kept.")
        self.message_bar.show_message(text, Level.INFO)
        self.changes_made.emit(changes | Changes.of("sync_conflicts", row.id))
        rows = await self._runner.run_db(load_conflicts, self._db)
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        else:
            self._show_fields(None)
        self._update_buttons()


class ConflictsDialog(QDialog):
    """The conflicts view in a window of its own, opened from the status bar or Ctrl+Shift+Y."""

    def __init__(self, *, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.view = ConflictsView(db=db, runner=runner, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(820, 560)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.view.reload()
