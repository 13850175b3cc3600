"""The worklist as a lazy table model: the ordered task ids, rows fetched a page at a time on demand.

The view fills it in two steps: `set_first_page()` shows the top rows at once, `set_ids()` then gives the
whole ordered id list; `canFetchMore()` is true while rows remain, and `fetchMore()` asks the view (signal
`more_wanted(offset)`) to read the next page off the UI thread and hand it to `append_rows()`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from hcrm_desktop.services.worklist import WorklistRow
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.views.followups.words import TASK_STATES, word

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("WorklistModel", "Priority"),
    QT_TRANSLATE_NOOP("WorklistModel", "Patient"),
    QT_TRANSLATE_NOOP("WorklistModel", "Phone"),
    QT_TRANSLATE_NOOP("WorklistModel", "Follow-up"),
    QT_TRANSLATE_NOOP("WorklistModel", "Department"),
    QT_TRANSLATE_NOOP("WorklistModel", "Due"),
    QT_TRANSLATE_NOOP("WorklistModel", "State"),
    QT_TRANSLATE_NOOP("WorklistModel", "Calls"),
    QT_TRANSLATE_NOOP("WorklistModel", "Nurse"),
)
OVERDUE = QColor("#b91c1c")
CALLBACK_DUE = QColor("#fef3c7")
MERGED = QColor("#9ca3af")


DUE_COLUMN = 5


def _when(at: datetime | None, year: int | None = None) -> str:
    """`11-26 09:00`, with the year when it is not `year` (an old backlog task)."""
    if at is None:
        return ""
    return at.strftime("%m-%d %H:%M" if at.year == (year or datetime.now().year) else "%Y-%m-%d %H:%M")


class WorklistModel(QAbstractTableModel):
    more_wanted = Signal(int)  # offset of the next page to read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WorklistRow] = []
        self.ids: list[str] | None = None  # None until the whole id list has arrived
        self.fetching = False
        self._bold = QFont()
        self._bold.setBold(True)

    # --- filling ----------------------------------------------------------------------------------------

    def set_first_page(self, rows: list[WorklistRow]) -> None:
        self.beginResetModel()
        self.rows, self.ids, self.fetching = list(rows), None, False
        self.endResetModel()

    def set_ids(self, ids: list[str]) -> None:
        """The whole list; rows shown already that are not where the list says are read again."""
        if [r.task_id for r in self.rows] != ids[: len(self.rows)]:
            self.beginResetModel()
            self.rows = []
            self.endResetModel()
        self.ids = list(ids)

    def append_rows(self, offset: int, rows: list[WorklistRow]) -> None:
        self.fetching = False
        if offset != len(self.rows) or not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def page_ids(self, offset: int, size: int) -> list[str]:
        return (self.ids or [])[offset:offset + size]

    @property
    def total(self) -> int | None:
        return None if self.ids is None else len(self.ids)

    def task_id(self, row: int) -> str | None:
        return self.rows[row].task_id if 0 <= row < len(self.rows) else None

    def row_of(self, row: int) -> WorklistRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- Qt ---------------------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self.ids is not None and len(self.rows) < len(self.ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and not self.fetching:
            self.fetching = True
            self.more_wanted.emit(len(self.rows))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_of(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row.task_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue and index.column() == DUE_COLUMN:
                return QBrush(OVERDUE)
            return QBrush(MERGED) if row.merged else None
        if role == Qt.ItemDataRole.BackgroundRole and row.callback_due:
            return QBrush(CALLBACK_DUE)
        if role == Qt.ItemDataRole.FontRole and (row.callback_due or (row.overdue and index.column() == DUE_COLUMN)):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return None

    def _text(self, row: WorklistRow, column: int) -> str:
        due = row.callback_at or row.due_at
        values = (
            f"P{row.priority}", row.patient_name, row.masked_phone, f"{row.rule_name} {row.step}".strip(),
            row.department, _when(due), word(TASK_STATES, row.state), str(row.attempts), row.assignee,
        )  # fmt: skip
        return values[column]

    def _tip(self, row: WorklistRow) -> str:
        notes = [row.reason] if row.reason else []
        if row.overdue:
            notes.append(self.tr("Overdue: the call window ended %1").replace("%1", _when(row.window_end or row.due_at)))
        if row.callback_due:
            notes.append(self.tr("The patient asked to be called back now"))
        if row.merged:
            notes.append(self.tr("This record was merged into another one"))
        return "\n".join(notes)
