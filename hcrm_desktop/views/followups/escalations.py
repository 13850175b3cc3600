"""The escalations tab: red flags raised on follow-up calls, overdue first, with the loop of the doctor's
instruction (指令), its execution fed back (执行反馈) and closing. Lists hold at most a few hundred rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.escalations import (
    NOT_CLOSED,
    EscalationError,
    EscalationFilter,
    EscalationRow,
    close_escalation,
    list_escalations,
    record_feedback,
    record_instruction,
)
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.followups.words import ESCALATION_STATES, error_text, word

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("EscalationsModel", "Patient"),
    QT_TRANSLATE_NOOP("EscalationsModel", "Department"),
    QT_TRANSLATE_NOOP("EscalationsModel", "Doctor"),
    QT_TRANSLATE_NOOP("EscalationsModel", "Red flag"),
    QT_TRANSLATE_NOOP("EscalationsModel", "Raised"),
    QT_TRANSLATE_NOOP("EscalationsModel", "Due"),
    QT_TRANSLATE_NOOP("EscalationsModel", "State"),
)
SCOPES = (  # (key, label, filter)
    ("not_closed", QT_TRANSLATE_NOOP("EscalationsPanel", "Not closed"), EscalationFilter()),
    ("overdue", QT_TRANSLATE_NOOP("EscalationsPanel", "Overdue"), EscalationFilter(overdue_only=True)),
    ("closed", QT_TRANSLATE_NOOP("EscalationsPanel", "Closed"), EscalationFilter(states=("closed",))),
)
OVERDUE = QColor("#b91c1c")


class EscalationsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EscalationRow] = []

    def set_rows(self, rows: list[EscalationRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.patient_name, row.department, row.doctor, row.reason, f"{row.raised_at:%m-%d %H:%M}",
                      f"{row.due_at:%m-%d %H:%M}", word(ESCALATION_STATES, row.state))  # fmt: skip
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class EscalationsPanel(QWidget):
    changes_made = Signal(object)
    loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._clock = db, runner, session, clock
        self.message_bar = MessageBar(self)
        self.scope_combo = QComboBox(self)
        for key, label, _f in SCOPES:
            self.scope_combo.addItem(self.tr(label), key)
        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.model = EscalationsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("escalationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self._build_detail()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.scope_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self._show_detail(None)

    def _build_detail(self) -> None:
        self.detail = QWidget(self)
        self.detail_label = QLabel(self.detail)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_edit = QPlainTextEdit(self.detail)
        self.text_edit.setObjectName("escalationText")
        self.text_edit.setMaximumHeight(70)
        self.text_error = QLabel(self.detail)
        self.text_error.setObjectName("fieldError")
        self.text_error.hide()
        self.step_button = QPushButton(self.detail)
        self.step_button.setObjectName("escalationStep")
        self.step_button.clicked.connect(self._on_step_button_clicked)
        self.step_button.setToolTip("Ctrl+Enter")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.detail)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_step_button_clicked)
        layout = QVBoxLayout(self.detail)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.detail_label, self.text_edit, self.text_error, self.step_button):
            layout.addWidget(widget)
        layout.addStretch(1)

    # --- loading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.spawn(self.load(), key="followups.escalations", owner=self)

    async def load(self) -> None:
        f = SCOPES[max(0, self.scope_combo.currentIndex())][2]
        current = self.current()
        rows = await self._runner.run_db(list_escalations, self._db, f, now=self._clock())
        self.model.set_rows(rows)
        self._select(current.id if current else None)
        self.loaded.emit()

    def _select(self, escalation_id: str | None) -> None:
        ids = [r.id for r in self.model.rows]
        row = ids.index(escalation_id) if escalation_id in ids else 0 if ids else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show_detail(self.current())

    def current(self) -> EscalationRow | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _on_table_current_row_changed(self, *_args: object) -> None:
        self._show_detail(self.current())

    # --- the loop ---------------------------------------------------------------------------------------

    def _show_detail(self, row: EscalationRow | None) -> None:
        self.text_error.hide()
        self.detail.setVisible(row is not None)
        if row is None:
            return
        lines = [f"{row.patient_name} {row.customer_no} · {row.department} · {row.doctor}", row.reason,
                 "\n".join(f"    {text}  {self._said(answer)}" for text, answer in row.answered)]
        if row.instruction:
            lines.append(self.tr("Instruction (%1): %2").replace("%1", row.instructed_by).replace("%2", row.instruction))
        if row.feedback:
            lines.append(self.tr("Feedback: %1").replace("%1", row.feedback))
        self.detail_label.setText("\n".join(lines))
        step = {"open": self.tr("Record the doctor's instruction"), "instructed": self.tr("Record the feedback"),
                "executed": self.tr("Close")}.get(row.state)  # fmt: skip
        self.step_button.setText(step or "")
        self.step_button.setVisible(step is not None)
        self.text_edit.setVisible(row.state in ("open", "instructed"))
        self.text_edit.clear()
        self.text_edit.setPlaceholderText(self.tr("Instruction") if row.state == "open" else self.tr("Feedback"))

    def _said(self, answer: object) -> str:
        if isinstance(answer, bool):
            return self.tr("Yes") if answer else self.tr("No")
        return str(answer)

    def _on_step_button_clicked(self) -> None:
        self._runner.spawn(self.advance(), key="followups.escalation_step", owner=self)

    async def advance(self) -> Changes | None:
        """Record the next step of the selected escalation with the text typed."""
        row = self.current()
        if row is None or row.state not in NOT_CLOSED:
            return None
        now, actor, text = self._clock(), self._session.id, self.text_edit.toPlainText()
        try:
            if row.state == "open":
                changes = await self._runner.run_db(record_instruction, self._db, escalation_id=row.id,
                                                    actor_id=actor, instruction=text, now=now)
            elif row.state == "instructed":
                changes = await self._runner.run_db(record_feedback, self._db, escalation_id=row.id, actor_id=actor,
                                                    feedback=text, now=now)
            else:
                changes = await self._runner.run_db(close_escalation, self._db, escalation_id=row.id, actor_id=actor,
                                                    now=now)
        except EscalationError as exc:
            if exc.field:
                self.text_error.setText(error_text(exc.code))
                self.text_error.show()
                self.text_edit.setFocus()
            else:
                self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return None
        self.changes_made.emit(changes)
        await self.load()
        return changes
