"""The timeline of a customer: a table model that loads pages as the view scrolls, and filter chips.

The model holds the items loaded so far; `canFetchMore`/`fetchMore` ask the database worker for the page
before the last item (keyset on time and id), so a customer with years of history opens at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.profile import TIMELINE_KINDS, TimelineItem, timeline_page
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard.words import kind_text, sub_text, when

PAGE_SIZE = 30
Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    """Rows of `TimelineItem`, newest first. `page_loaded` after each page (tests and the empty state)."""

    page_loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._ids: tuple[str, ...] = ()
        self._kinds: set[str] | None = None
        self.items: list[TimelineItem] = []
        self.exhausted = True
        self.loading = False
        self._generation = 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Type"), self.tr("What"), self.tr("Details"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and item.sub == "red_flag":
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    @staticmethod
    def _text(item: TimelineItem, column: int) -> str:
        if column == 0:
            return when(item.at)
        if column == 1:
            sub = sub_text(item.sub)
            return f"{kind_text(item.kind)} · {sub}" if sub else kind_text(item.kind)
        if column == 2:
            return item.title
        return sub_text(item.detail) if item.kind == "followup" else item.detail  # the call's outcome

    def set_source(self, patient_ids: Sequence[str], kinds: set[str] | None,
                   first_page: list[TimelineItem] | None = None) -> None:
        """Show the history of `patient_ids`; `first_page` when the caller already read it."""
        self.beginResetModel()
        self._generation += 1
        self._ids, self._kinds = tuple(patient_ids), kinds
        self.items = list(first_page or [])
        self.exhausted = first_page is not None and len(first_page) < PAGE_SIZE
        self.loading = False
        self.endResetModel()
        if first_page is None and self._ids:
            self.fetchMore(QModelIndex())
        elif first_page is not None:
            self.page_loaded.emit()

    def set_kinds(self, kinds: set[str] | None) -> None:
        self.set_source(self._ids, kinds)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and bool(self._ids) and not self.exhausted and not self.loading

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self.loading or not self._ids:
            return
        self.loading = True
        self._runner.spawn(self._fetch(self._generation), key=f"timeline.{id(self)}", owner=self)

    async def _fetch(self, generation: int) -> None:
        last = self.items[-1] if self.items else None
        try:
            page = await self._runner.run_db(
                timeline_page, self._db, self._ids, kinds=self._kinds,
                before=last.at if last else None, before_id=last.ref_id if last else None, limit=PAGE_SIZE,
            )  # fmt: skip
        finally:
            if generation == self._generation:
                self.loading = False
        if generation != self._generation:
            return  # the filter changed meanwhile
        if page:
            self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(page) - 1)
            self.items.extend(page)
            self.endInsertRows()
        self.exhausted = len(page) < PAGE_SIZE
        self.page_loaded.emit()


class TimelinePanel(QWidget):
    """Filter chips over the table. No chip checked means every kind."""

    def __init__(self, *, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(db=db, runner=runner, parent=self)
        self.all_chip = self._chip(self.tr("All"))
        self.all_chip.setChecked(True)
        self.all_chip.clicked.connect(self._on_all_chip_clicked)
        self.chips: dict[str, QPushButton] = {}
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.all_chip)
        for kind in TIMELINE_KINDS:
            chip = self.chips[kind] = self._chip(kind_text(kind))
            chip.clicked.connect(self._on_chip_clicked)
            chips.addWidget(chip)
        chips.addStretch(1)
        self.table = QTableView(self)
        self.table.setObjectName("timelineTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((130, 150, 220)):
            header.resizeSection(column, width)
        self.table.verticalHeader().setDefaultSectionSize(26)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(chips)
        layout.addWidget(self.table, 1)

    def _chip(self, text: str) -> QPushButton:
        chip = QPushButton(text, self)
        chip.setObjectName("filterChip")
        chip.setCheckable(True)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # chips never take the keyboard from a form
        return chip

    def selected_kinds(self) -> set[str] | None:
        kinds = {kind for kind, chip in self.chips.items() if chip.isChecked()}
        return kinds or None

    def _on_chip_clicked(self) -> None:
        kinds = self.selected_kinds()
        self.all_chip.setChecked(kinds is None)
        self.model.set_kinds(kinds)

    def _on_all_chip_clicked(self) -> None:
        for chip in self.chips.values():
            chip.setChecked(False)
        self.all_chip.setChecked(True)
        self.model.set_kinds(None)
