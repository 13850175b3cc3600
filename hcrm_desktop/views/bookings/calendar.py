"""The free-capacity calendar: one column per day, one row per period (morning, afternoon); each cell
shows the places free for anybody and, where places are kept for VIPs, for a VIP, coloured by fill."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from hcrm_desktop.domain.enums import DayPeriod
from hcrm_desktop.services.bookings import CalendarCell
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.views.bookings.words import period_text, weekday_text

PERIODS = (DayPeriod.MORNING.value, DayPeriod.AFTERNOON.value)
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
COLOURS = (  # (fill below, background): green when there is room, amber when filling, red when full
    (0.5, "#dff3e4"), (0.85, "#fff1c2"), (1.0, "#ffd9b3"),
)
FULL, VIP_ONLY, NO_SLOT = "#f6c6c3", "#e8dcf7", "#f2f3f5"
Index = QModelIndex | QPersistentModelIndex
FREE = QT_TRANSLATE_NOOP("CalendarModel", "{free}/{capacity} free")
VIP_FREE = QT_TRANSLATE_NOOP("CalendarModel", "VIP {free}")
SUMMARY = QT_TRANSLATE_NOOP("CalendarModel", "Capacity {capacity}, booked {booked}, free {free}")
VIP_SUMMARY = QT_TRANSLATE_NOOP("CalendarModel", "{reserved} kept for VIP customers; a VIP can still book {free}")
DOCTOR = QT_TRANSLATE_NOOP("CalendarModel", "Doctor: {name}")


def fill_colour(cell: CalendarCell | None) -> str:
    if cell is None:
        return NO_SLOT
    if cell.vip_free == 0:
        return FULL
    if cell.free == 0:
        return VIP_ONLY
    return next(colour for limit, colour in COLOURS if cell.fill < limit or limit == 1.0)


class CalendarModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = date.today()
        self.days = 14
        self._cells: dict[tuple[date, str], CalendarCell] = {}

    def set_cells(self, start: date, days: int, cells: list[CalendarCell]) -> None:
        self.beginResetModel()
        self.start, self.days = start, days
        self._cells = {(cell.day, cell.period): cell for cell in cells}
        self.endResetModel()

    def cell_at(self, index: Index) -> CalendarCell | None:
        if not index.isValid():
            return None
        return self._cells.get((self.day_of(index.column()), PERIODS[index.row()]))

    def index_of(self, slot_id: str) -> QModelIndex:
        for (day, period), cell in self._cells.items():
            if cell.slot_id == slot_id:
                return self.index(PERIODS.index(period), (day - self.start).days)
        return QModelIndex()

    def day_of(self, column: int) -> date:
        return self.start + timedelta(days=column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PERIODS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.days

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(fill_colour(cell))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1f2933" if cell is not None else "#9aa5b1")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None:
            return self._tooltip(cell)
        if role == Qt.ItemDataRole.UserRole:
            return cell.slot_id if cell is not None else None
        if role == CELL_ROLE:
            return cell
        return None

    def _text(self, cell: CalendarCell | None) -> str:
        if cell is None:
            return "—"
        text = _tr(FREE).format(free=cell.free, capacity=cell.capacity)
        if cell.vip_reserved:
            text += "\n" + _tr(VIP_FREE).format(free=cell.vip_free)
        return text

    def _tooltip(self, cell: CalendarCell) -> str:
        lines = [_tr(SUMMARY).format(capacity=cell.capacity, booked=cell.booked, free=cell.free)]
        if cell.vip_reserved:
            lines.append(_tr(VIP_SUMMARY).format(reserved=cell.vip_reserved, free=cell.vip_free))
        if cell.doctor_name:
            lines.append(_tr(DOCTOR).format(name=cell.doctor_name))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return period_text(PERIODS[section]) if 0 <= section < len(PERIODS) else None
        day = self.day_of(section)
        return f"{day.month}/{day.day}\n{weekday_text(day.weekday())}"


def _tr(source: str) -> str:
    return QCoreApplication.translate("CalendarModel", source)


class CalendarTable(QTableView):
    """Arrow keys move between days and periods; the current cell is the chosen slot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingCalendar")
        self.calendar_model = CalendarModel(self)
        self.setModel(self.calendar_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(56)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(150)
        self.setMaximumHeight(200)

    def current_cell(self) -> CalendarCell | None:
        return self.calendar_model.cell_at(self.currentIndex())

    def select_slot(self, slot_id: str) -> bool:
        index = self.calendar_model.index_of(slot_id)
        if index.isValid():
            self.setCurrentIndex(index)
        return index.isValid()
