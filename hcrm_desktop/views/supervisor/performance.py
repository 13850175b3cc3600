"""Agent performance (坐席绩效): KPIs per agent or team for a period, a bar chart of one KPI, a drill-down
to the records behind any figure (double-click or Enter on a cell), and export to Excel (audited)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics.frames import AnalyticsForbidden, Period
from hcrm_desktop.analytics.performance import KPI_COLUMNS, drill_down, kpi_table, team_members
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.supervisor.tables import BarChart, Row, RowsModel, make_table
from hcrm_desktop.views.supervisor.words import (
    CHANNELS,
    COLUMN_HEADERS,
    KPI_NAMES,
    NO,
    NO_TEAM,
    PERCENT_KPIS,
    TYPES,
    YES,
    error_text,
    kpi_value_text,
    tr,
    word,
)

WATCHED = ("interactions", "complaints", "followup_tasks", "call_attempts", "survey_responses", "qa_reviews",
           "staff_users")  # fmt: skip
DRILL_LIMIT = 5000
CHART_ROWS = 15


class PerformancePanel(QWidget):
    """`(db=, runner=, session=)`: read-only; `changes_made` carries the audit event of an export."""

    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._clock = db, runner, session, clock
        self.by = "agent"
        self.stale = False
        self.table: pd.DataFrame | None = None
        self.period: Period | None = None
        self.loads = 0
        self._build()
        self._retranslate()

    def _build(self) -> None:
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        today = QDate(self._clock().date())
        self.from_edit.setDate(QDate(today.year(), today.month(), 1))
        self.to_edit.setDate(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.by_combo = QComboBox(self)
        self.by_combo.setObjectName("byCombo")
        self.chart_combo = QComboBox(self)
        self.chart_combo.setObjectName("chartKpiCombo")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(4)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message_bar = MessageBar(self)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("hint")
        self.model = RowsModel(parent=self)
        self.view = make_table(self.model, self, "kpiTable")
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, self._on_enter, context=Qt.ShortcutContext.WidgetShortcut)
        self.chart = BarChart(self)
        self.chart.setObjectName("kpiChart")
        bar = QHBoxLayout()
        self.period_label, self.by_label, self.chart_label = QLabel(self), QLabel(self), QLabel(self)
        for widget in (self.period_label, self.period_combo, self.from_edit, self.to_edit, self.by_label,
                       self.by_combo, self.chart_label, self.chart_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.busy)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.hint_label)
        layout.addWidget(splitter, 1)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_current_index_changed)
        self.by_combo.currentIndexChanged.connect(self.refresh)
        self.chart_combo.currentIndexChanged.connect(self._draw_chart)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+E"), self, self._on_export_button_clicked)

    def _retranslate(self) -> None:
        self._fill(self.period_combo, [(self.tr("This month"), "this"), (self.tr("Last month"), "last"),
                                       (self.tr("Custom…"), "custom")])
        self._fill(self.by_combo, [(self.tr("By agent"), "agent"), (self.tr("By team"), "team")])
        self._fill(self.chart_combo, [(tr(KPI_NAMES[k]), k) for k in KPI_COLUMNS])
        self.period_label.setText(self.tr("Period"))
        self.by_label.setText(self.tr("Show"))
        self.chart_label.setText(self.tr("Chart"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip("Ctrl+E")
        self.hint_label.setText(self.tr("Double-click a figure (or press Enter) to see the records behind it."))
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        if self.table is not None:
            self._show_table()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.table is None or self.stale:
            self.refresh()

    # --- period and loading -------------------------------------------------------------------------

    def selected_period(self, today: date | None = None) -> Period:
        today = today or self._clock().date()
        kind = self.period_combo.currentData()
        if kind == "last":
            return Period.last_month(today)
        if kind == "custom":
            first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            assert isinstance(first, date) and isinstance(last, date)
            return Period.days(min(first, last), max(first, last))
        return Period.this_month(today)

    def _on_period_combo_current_index_changed(self, _index: int) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.refresh()

    def _on_date_edit_date_changed(self, _value: QDate) -> None:
        if self.period_combo.currentData() == "custom":
            self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """Reload now if shown, else when shown next."""
        if self.table is not None and changes.touches(*WATCHED):
            if self.isVisible():
                self.refresh()
            else:
                self.stale = True

    def refresh(self) -> None:
        self.stale = False
        self._runner.spawn(self._load(), key=f"performance:{id(self)}", owner=self)

    async def _load(self) -> None:
        period, by = self.selected_period(), str(self.by_combo.currentData() or "agent")
        self.busy.show()
        try:
            table = await self._runner.run_db(kpi_table, self._db, period, by=by, now=self._clock(),
                                              viewer_role=self._session.role)
        except AnalyticsForbidden as exc:  # (when cancelled, the widget may be gone: touch nothing)
            self.busy.hide()
            self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return
        self.busy.hide()
        self.table, self.period, self.by = table, period, by
        self.loads += 1
        self._show_table()

    def _show_table(self) -> None:
        assert self.table is not None
        first = self.tr("Agent") if self.by == "agent" else self.tr("Team")
        headers = [first] + ([self.tr("Team")] if self.by == "agent" else []) + [tr(KPI_NAMES[k]) for k in KPI_COLUMNS]
        offset = 2 if self.by == "agent" else 1
        self.model.set_headers(headers, numeric=range(offset, offset + len(KPI_COLUMNS)))
        rows = []
        for key, rec in self.table.iterrows():
            name = str(rec["name"]) or tr(NO_TEAM)
            labels = (name, str(rec["team"])) if self.by == "agent" else (name,)
            cells = labels + tuple(kpi_value_text(k, rec[k]) for k in KPI_COLUMNS)
            rows.append(Row(cells, key, tuple(rec[k] for k in KPI_COLUMNS)))
        self.model.set_rows(rows)
        self._draw_chart()

    def _draw_chart(self) -> None:
        """The chosen KPI for the `CHART_ROWS` highest rows that have it."""
        if self.table is None:
            return
        kpi = str(self.chart_combo.currentData() or "contacts")
        values = self.table[kpi].astype(float)
        top = values[values.notna() & (values != 0)].sort_values(ascending=False).head(CHART_ROWS)
        names = [str(self.table.at[k, "name"]) or tr(NO_TEAM) for k in top.index]
        self.chart.set_data(tr(KPI_NAMES[kpi]), names, [(tr(KPI_NAMES[kpi]), list(top))])

    # --- drill-down and export -------------------------------------------------------------------------

    def _on_enter(self) -> None:
        self._on_view_double_clicked(self.view.currentIndex())

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if not index.isValid() or self.table is None or self.period is None:
            return
        offset = 2 if self.by == "agent" else 1
        column = max(index.column() - offset, 0)
        kpi = KPI_COLUMNS[column]
        row = self.model.row(index.row())
        self.open_drill_down(kpi, str(row.key), row.cells[0])

    def open_drill_down(self, kpi: str, key: str, name: str) -> DrillDownDialog:
        assert self.period is not None
        dialog = DrillDownDialog(db=self._db, runner=self._runner, session=self._session, kpi=kpi, key=key,
                                 team=self.by == "team", period=self.period, title=name, now=self._clock(),
                                 parent=self)
        dialog.open()
        return dialog

    def _on_export_button_clicked(self) -> None:
        if self.table is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                                    f"performance-{date.today():%Y%m%d}.xlsx", "Excel (*.xlsx)")
        if path:
            self._runner.spawn(self.export_to(Path(path)), key=f"performance-export:{id(self)}", owner=self)

    async def export_to(self, path: Path) -> None:
        """Write the table shown to `path` (.xlsx, Chinese headers, percentages as percentages), audited."""
        from hcrm_desktop.analytics.export import ExportError, export_with_audit

        assert self.table is not None
        frame = self.table.copy()
        for kpi in PERCENT_KPIS:
            frame[kpi] = frame[kpi] / 100
        headers = {"name": self.tr("Agent") if self.by == "agent" else self.tr("Team")}
        if self.by == "agent":
            headers["team"] = self.tr("Team")
        headers.update({k: tr(KPI_NAMES[k]).replace(" %", "").replace("%", "") for k in KPI_COLUMNS})
        try:
            result = await self._runner.run_db(export_with_audit, self._db, self._session.id, frame, headers, path,
                                               what="agent_performance", percent=PERCENT_KPIS)
        except ExportError:
            self.message_bar.show_message(self.tr("The file could not be written: {path}").format(path=path),
                                          Level.ERROR)
            return
        self.message_bar.show_message(self.tr("Exported {n} rows to {path}").format(n=result.rows, path=path))
        self.changes_made.emit(result.changes)


class DrillDownDialog(QDialog):
    """The records behind one figure: loaded on the database worker, listed oldest first."""

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, kpi: str, key: str, team: bool,
                 period: Period, title: str, now: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDownDialog")
        self._db, self._runner, self._session = db, runner, session
        self.kpi, self.key, self.team, self.period, self.now = kpi, key, team, period, now
        self.frame: pd.DataFrame | None = None
        last = (period.end - timedelta(microseconds=1)).date()
        self.setWindowTitle(self.tr("{kpi}: {name}, {first} to {last}").format(
            kpi=tr(KPI_NAMES[kpi]), name=title, first=period.start.date().isoformat(), last=last.isoformat()))
        self.model = RowsModel(parent=self)
        self.view = make_table(self.model, self, "drillDownTable")
        self.count_label = QLabel(self.tr("Loading…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.task = runner.spawn(self._load(), owner=self)

    async def _load(self) -> None:
        def query() -> pd.DataFrame:
            staff = team_members(self._db, self.key) if self.team else [self.key]
            return drill_down(self._db, kpi=self.kpi, period=self.period, staff_ids=staff, now=self.now,
                              viewer_role=self._session.role, limit=DRILL_LIMIT)

        frame = await self._runner.run_db(query)
        self.frame = frame
        columns = [c for c in frame.columns if not c.endswith("_id") and c != "id"]
        self.model.set_headers([_column_header(c) for c in columns])
        self.model.set_rows([Row(tuple(_cell(c, rec[c]) for c in columns), rec["id"]) for _i, rec in frame.iterrows()])
        more = self.tr(" (first {n} shown)").format(n=DRILL_LIMIT) if len(frame) >= DRILL_LIMIT else ""
        self.count_label.setText(self.tr("{n} records").format(n=len(frame)) + more)




def _column_header(column: str) -> str:
    return word(COLUMN_HEADERS, column)


def _cell(column: str, value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if column.endswith("_at") or column in ("resolve_due", "at"):
        text = str(value)
        return text[:16] if len(text) >= 16 else text
    if column == "channel":
        return word(CHANNELS, str(value))
    if column == "type":
        return word(TYPES, str(value))
    if column == "resolved_first_contact":
        return tr(YES) if value else tr(NO)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
