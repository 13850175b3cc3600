"""Tables and charts of the analytics panels: a lazy DataFrame table model, a table with "Export to Excel"
(Ctrl+E), and pie/line charts on QtCharts (the bar chart is `views.supervisor.tables.BarChart`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QPieSeries, QValueAxis
from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics.export import export_with_audit
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.tasks import TaskRunner, ask

Index = QModelIndex | QPersistentModelIndex
PAGE_ROWS = 200  # rows handed to the view per fetchMore


@dataclass(frozen=True)
class Column:
    key: str  # the DataFrame column
    header: str  # translated header (also the Excel header)
    kind: str = "text"  # text | int | money (fen) | percent (0..1) | float | date
    label: Callable[[Any], str] | None = None  # codes to words (value tiers, sexes...)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def cell_text(column: Column, value: Any) -> str:
    if _missing(value):
        return "–" if column.kind != "text" else ""
    if column.label is not None:
        return column.label(value)
    if column.kind == "int":
        return f"{int(value):,}"
    if column.kind == "money":
        return f"¥{value / 100:,.2f}"
    if column.kind == "percent":
        return f"{value * 100:.1f}%"
    if column.kind == "float":
        return f"{value:.2f}"
    if column.kind == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value)


class FrameModel(QAbstractTableModel):
    """A DataFrame shown column by column as `Column`s say; rows reach the view in pages (fetchMore) and
    cells are formatted only when painted, so a list of 100,000 customers costs what is on screen."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.frame = pd.DataFrame(columns=[c.key for c in self.columns])
        self._shown = 0

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self._shown = min(PAGE_ROWS, len(self.frame))
        self.endResetModel()

    def total_rows(self) -> int:
        return len(self.frame)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self.frame)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = min(PAGE_ROWS, len(self.frame) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column, self.frame.iat[index.row(), self.frame.columns.get_loc(column.key)])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind not in ("text", "date"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def export_frame(self) -> pd.DataFrame:
        """The whole table (not only the rows fetched), codes turned into the words shown."""
        out = pd.DataFrame({c.key: self.frame[c.key] for c in self.columns})
        for c in self.columns:
            if c.label is not None:
                out[c.key] = out[c.key].map(lambda v, c=c: "" if _missing(v) else c.label(v))  # type: ignore[misc]
        return out

    def export_headers(self) -> dict[str, str]:
        return {c.key: c.header for c in self.columns}


class ExportTable(QWidget):
    """A titled table with an "Export to Excel" button; Ctrl+E inside it does the same. The export is
    written on the database worker and audited (`export_with_audit`)."""

    exported = Signal(object)  # ExportResult
    export_failed = Signal(str)  # the error code

    def __init__(self, *, title: str, columns: Sequence[Column], what: str, db: Database, runner: TaskRunner,
                 actor_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._actor_id, self._what = db, runner, actor_id, what
        self.model = FrameModel(columns, self)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("sectionTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hintLabel")
        self.export_button = QPushButton(self.tr("Export to Excel"), self)
        self.export_button.setToolTip(self.tr("Save this table as an .xlsx file (Ctrl+E)"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._on_export_button_clicked)
        self.view = QTableView(self)
        self.view.setObjectName(f"table_{what}")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.model.set_frame(frame)
        self.view.resizeColumnsToContents()  # the rows fetched so far: one page
        self.count_label.setText(self.tr("%n row(s)", "", len(frame)))

    def _on_export_button_clicked(self) -> None:
        self._runner.spawn(self._choose_and_export(), key=f"export:{self._what}", owner=self)

    async def _choose_and_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export to Excel"), str(Path.home() / f"{self._what}.xlsx"),
                             self.tr("Excel workbook (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        if await ask(dialog) != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        await self.export_to(Path(dialog.selectedFiles()[0]))

    async def export_to(self, path: Path) -> None:
        from hcrm_desktop.analytics.export import ExportError

        frame, headers = self.model.export_frame(), self.model.export_headers()
        try:
            result = await self._runner.run_db(export_with_audit, self._db, self._actor_id, frame, headers, path,
                                               what=self._what)
        except ExportError as exc:
            self.export_failed.emit(exc.code)
            return
        self.exported.emit(result)


class PieChart(QChartView):
    """Shares of a whole: one slice per (label, value), labels with their percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_ = QChart()
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setChart(self.chart_)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.slices: list[tuple[str, float]] = []

    def set_data(self, title: str, slices: Sequence[tuple[str, float]]) -> None:
        self.chart_.removeAllSeries()
        self.chart_.setTitle(title)
        self.slices = [(label, float(value)) for label, value in slices]
        series = QPieSeries()
        total = sum(v for _l, v in self.slices) or 1.0
        for label, value in self.slices:
            part = series.append(f"{label} {value / total * 100:.0f}%", value)
            part.setLabelVisible(value / total >= 0.05)
        self.chart_.addSeries(series)


class LineChart(QChartView):
    """One line per series over months (first day of each month on the x axis)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_ = QChart()
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(self.chart_)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.series_names: list[str] = []

    def set_data(self, title: str, months: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        self.series_names = [name for name, _v in series]
        stamps = [QDateTime.fromString(f"{m}-01", "yyyy-MM-dd").toMSecsSinceEpoch() for m in months]
        x_axis, y_axis = QDateTimeAxis(), QValueAxis()
        x_axis.setFormat("yyyy-MM")
        x_axis.setTickCount(min(max(2, len(months)), 6))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        top = 0.0
        for name, values in series:
            line = QLineSeries()
            line.setName(name)
            for stamp, value in zip(stamps, values, strict=True):
                line.append(float(stamp), float(value))
                top = max(top, float(value))
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
        if stamps:
            x_axis.setRange(QDateTime.fromMSecsSinceEpoch(stamps[0]), QDateTime.fromMSecsSinceEpoch(stamps[-1]))
        y_axis.setRange(0, max(1.0, top * 1.1))
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%d")
