"""The bookings list: rows arrive a page at a time (`canFetchMore`/`fetchMore` ask the view for the next
page, which it loads on the database worker and hands back with `append_rows`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from hcrm_desktop.services.bookings import BookingRow
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.labels import vip_text
from hcrm_desktop.views.bookings.words import period_text, state_text

PAGE = 100
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (
    QT_TRANSLATE_NOOP("BookingsModel", "Date"), QT_TRANSLATE_NOOP("BookingsModel", "Period"),
    QT_TRANSLATE_NOOP("BookingsModel", "Customer"), QT_TRANSLATE_NOOP("BookingsModel", "Customer no."),
    QT_TRANSLATE_NOOP("BookingsModel", "VIP"), QT_TRANSLATE_NOOP("BookingsModel", "Package or clinic"),
    QT_TRANSLATE_NOOP("BookingsModel", "Doctor"), QT_TRANSLATE_NOOP("BookingsModel", "State"),
    QT_TRANSLATE_NOOP("BookingsModel", "Confirmation"),
)  # fmt: skip
Index = QModelIndex | QPersistentModelIndex


class BookingsModel(QAbstractTableModel):
    fetch_requested = Signal(int)  # offset of the next page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BookingRow] = []
        self._more = False
        self._fetching = False

    def set_rows(self, rows: list[BookingRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._more, self._fetching = len(rows) >= PAGE, False
        self.endResetModel()

    def append_rows(self, rows: list[BookingRow]) -> None:
        self._fetching = False
        self._more = len(rows) >= PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.fetch_requested.emit(len(self.rows))

    def row_index(self, booking_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.booking_id == booking_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row.booking_id
        if role == ROW_ROLE:
            return row
        return None

    @staticmethod
    def _text(row: BookingRow, column: int) -> str:
        sent = row.confirmation_sent_at
        values = (
            row.day.isoformat(), period_text(row.period), row.patient_name, row.customer_no, vip_text(row.vip_level),
            row.resource_name, row.doctor_name or "", state_text(row.state),
            QCoreApplication.translate("BookingsModel", "Sent") if sent is not None else "",
        )
        return values[column]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("BookingsModel", HEADERS[section])
        return None
