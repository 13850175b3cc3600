"""A small read-only table model for the supervisor panels (tens to a few thousand rows, replaced as a
whole on each refresh) and a bar chart on QtCharts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
WARN, DANGER = QColor("#b26a00"), QColor("#c62828")


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    key: Any = None  # what the row stands for (an id), for drill-down and selection
    values: tuple[Any, ...] = ()  # raw values behind the cells, for sorting and drill-down
    tone: str = ""  # "" | "warn" | "danger": the row's text colour


class RowsModel(QAbstractTableModel):
    """Headers plus rows of display texts; `set_rows()` replaces everything."""

    def __init__(self, headers: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []
        self._numeric: set[int] = set()

    def set_headers(self, headers: Sequence[str], numeric: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._numeric = set(numeric)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()] if index.column() < len(row.cells) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.tone:
            return QBrush(DANGER if row.tone == "danger" else WARN)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return None


def make_table(model: RowsModel, parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class BarChart(QChartView):
    """Bars per category, one set per series (stacked or side by side)."""

    def __init__(self, parent: QWidget | None = None, *, stacked: bool = False) -> None:
        super().__init__(parent)
        self._stacked = stacked
        self.chart_ = QChart()
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self.chart_)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.categories: list[str] = []
        self.sets: list[tuple[str, list[float]]] = []

    def set_data(self, title: str, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[float]]]) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.categories = list(categories)
        self.sets = [(name, [float(v) for v in values]) for name, values in sets]
        chart.setTitle(title)
        series = QStackedBarSeries() if self._stacked else QBarSeries()
        for name, values in self.sets:
            bar_set = QBarSet(name)
            bar_set.append(values)
            series.append(bar_set)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(self.categories)
        x_axis.setLabelsAngle(-45 if len(self.categories) > 12 else 0)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x_axis)
        y_axis = QValueAxis()
        columns = [v for _n, v in self.sets]
        tops = [sum(col) for col in zip(*columns, strict=True)] if self._stacked else [max(v, default=0.0) for v in columns]
        top = max(tops, default=0.0)
        y_axis.setRange(0, max(1.0, top * 1.05))
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%d" if top >= 5 else "%.1f")
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y_axis)
        chart.legend().setVisible(len(self.sets) > 1)
