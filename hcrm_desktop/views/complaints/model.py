"""The list of cases as a lazy table model: pages are fetched as the view scrolls; the countdown column
is recomputed on a tick from the working time elapsed since the last tick, without asking the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from hcrm_desktop.domain.sla import SlaPolicy, SlaStatus
from hcrm_desktop.services.complaint_lists import CaseRow
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.views.complaints.words import countdown_text, severity_text, state_text

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("CaseTableModel", "Deadline"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Case no."),
    QT_TRANSLATE_NOOP("CaseTableModel", "Subject"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Severity"),
    QT_TRANSLATE_NOOP("CaseTableModel", "State"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Patient"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Department"),
    QT_TRANSLATE_NOOP("CaseTableModel", "Handler"),
)
COUNTDOWN = 0
COLOURS = {SlaStatus.OK: "#1e7d32", SlaStatus.AT_RISK: "#b26a00", SlaStatus.BREACHED: "#b3261e"}
PAGE = 100

Fetch = Callable[[int, int], None]  # (offset, limit): the view fetches, then calls `append()`


class CaseTableModel(QAbstractTableModel):
    def __init__(self, *, policy: SlaPolicy, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self._fetch = fetch
        self.rows: list[CaseRow] = []
        self.total = 0
        self.fetching = False
        self.ticked_at: datetime | None = None

    # --- filling --------------------------------------------------------------------------------------

    def reset(self, total: int, rows: list[CaseRow], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.total, self.fetching, self.ticked_at = list(rows), total, False, now
        self.endResetModel()

    def append(self, offset: int, rows: list[CaseRow]) -> None:
        self.fetching = False
        if offset != len(self.rows) or not rows:
            return  # a stale page (the list was reset meanwhile)
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self.fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.fetching = True
            self._fetch(len(self.rows), PAGE)

    def tick(self, now: datetime) -> None:
        """Move every countdown on by the working time since the last tick; repaint only that column."""
        if self.ticked_at is None or not self.rows:
            self.ticked_at = now
            return
        elapsed = self._policy.calendar.working_minutes_between(self.ticked_at, now)
        self.ticked_at = now
        if elapsed == 0:
            return
        self.rows = [self._moved(row, elapsed) for row in self.rows]
        self.dataChanged.emit(self.index(0, COUNTDOWN), self.index(len(self.rows) - 1, COUNTDOWN))

    def _moved(self, row: CaseRow, elapsed: float) -> CaseRow:
        if row.remaining_minutes is None:
            return row
        remaining = row.remaining_minutes - elapsed
        status = self._policy.status_of(remaining, row.allowed_minutes or 0)
        return replace(row, remaining_minutes=remaining, status=status)

    def row_of(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == case_id), -1)

    # --- Qt -------------------------------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
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
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COUNTDOWN and row.status is not None:
            return QBrush(QColor(COLOURS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COUNTDOWN and row.due is not None:
            return row.due.strftime("%Y-%m-%d %H:%M")
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        if column == COUNTDOWN:
            text = countdown_text(row.remaining_minutes, row.due_kind, self._policy.calendar.day_minutes)
            return ("↑ " if row.escalated and text else "") + text
        values = (row.case_no, row.subject, severity_text(row.severity), state_text(row.state),
                  row.patient_name or "", row.department_name or "", row.handler_name or "")
        return values[column - 1]
