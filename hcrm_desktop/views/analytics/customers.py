"""Customer analytics (客户分析): distributions with filters and charts, referrers ranked, and complaints,
satisfaction and follow-up coverage per department for a month. Every table exports to Excel (Ctrl+E).

The customer base is read once on the database worker when the panel is first shown (F5 reads it again);
filtering and counting also run there, so the panel never freezes at a million customers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics import customers
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.analytics.reports import recent_months
from hcrm_desktop.views.analytics.tables import Column, ExportTable, PieChart
from hcrm_desktop.views.analytics.words import (
    DIMENSIONS,
    coverage_text,
    dimension_text,
    error_text,
    value_text,
)
from hcrm_desktop.views.supervisor.tables import BarChart

FILTERS = ("sex", "age_band", "province", "customer_type")
PIE_MAX = 6  # up to this many values a pie reads best; more go on a bar chart
REFERRERS_SHOWN = 500


@dataclass(frozen=True)
class CustomerBase:
    patients: pd.DataFrame
    referrers: pd.DataFrame
    packages: pd.DataFrame


def load_base(db: Database, today: date) -> CustomerBase:
    patients = customers.load_patients(db, today=today)
    return CustomerBase(patients, customers.referral_ranking(db, patients, limit=REFERRERS_SHOWN),
                        customers.package_choice(db))


def count_values(base: CustomerBase, dimension: str, filters: dict[str, str]) -> pd.DataFrame:
    if dimension == "package":
        return base.packages.rename(columns={"package": "value", "checkups": "count"})[["value", "count", "share"]]
    return customers.distribution(customers.apply_filters(base.patients, filters), dimension)


def month_quality(db: Database, month: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    from hcrm_desktop.analytics.report import parse_month

    start, end = parse_month(month)
    return (customers.department_quality(db, start=start, end=end),
            customers.followup_coverage(db, start=start, end=end))


class CustomersPanel(QWidget):
    changes_made = Signal(object)
    base_loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession | None = None,
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._today = db, runner, session, today
        self._loaded = False
        self.patients: pd.DataFrame | None = None
        self._base: CustomerBase | None = None
        actor = session.id if session else None
        self.message_bar = MessageBar(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: reading the customer base
        self.progress.hide()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_distributions(actor), self.tr("Distributions"))
        self.referral_table = self._table(self.tr("Referrers (who brought whom)"), "referrers", actor, [
            Column("customer_no", self.tr("Customer no.")), Column("name", self.tr("Name")),
            Column("direct", self.tr("Brought directly"), "int"), Column("total", self.tr("Whole chain"), "int"),
            Column("levels", self.tr("Levels"), "int"), Column("direct_value_fen", self.tr("Value (direct)"), "money"),
            Column("total_value_fen", self.tr("Value (whole chain)"), "money")])
        self.tabs.addTab(self.referral_table, self.tr("Referrals"))
        self.tabs.addTab(self._build_departments(actor), self.tr("Departments and follow-up"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        refresh = QShortcut(QKeySequence("F5"), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)

    def _table(self, title: str, what: str, actor: str | None, columns: list[Column]) -> ExportTable:
        table = ExportTable(title=title, columns=columns, what=what, db=self._db, runner=self._runner,
                            actor_id=actor, parent=self)
        table.exported.connect(self._on_table_exported)
        table.export_failed.connect(self._on_table_export_failed)
        return table

    def _build_distributions(self, actor: str | None) -> QWidget:
        page = QWidget(self)
        self.dimension_combo = QComboBox(page)
        for code in DIMENSIONS:
            self.dimension_combo.addItem(dimension_text(code), code)
        self.dimension_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.filter_combos: dict[str, QComboBox] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show"), page))
        row.addWidget(self.dimension_combo)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Filter"), page))
        for code in FILTERS:
            combo = QComboBox(page)
            combo.setToolTip(dimension_text(code))
            combo.addItem(self.tr("All: %1").replace("%1", dimension_text(code)), "")
            combo.currentIndexChanged.connect(self._on_filters_changed)
            self.filter_combos[code] = combo
            row.addWidget(combo)
        row.addStretch(1)
        self.bar_chart, self.pie_chart = BarChart(page), PieChart(page)
        self.charts = QStackedWidget(page)
        self.charts.addWidget(self.bar_chart)
        self.charts.addWidget(self.pie_chart)
        self.distribution_table = self._table(self.tr("Distribution"), "distribution", actor, [
            Column("value", self.tr("Value")), Column("count", self.tr("Count"), "int"),
            Column("share", self.tr("Share"), "percent")])
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(self.charts)
        split.addWidget(self.distribution_table)
        split.setSizes([600, 400])
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        return page

    def _build_departments(self, actor: str | None) -> QWidget:
        page = QWidget(self)
        self.month_combo = QComboBox(page)
        for code, label in recent_months(self._today(), 24):
            self.month_combo.addItem(label, code)
        self.month_combo.currentIndexChanged.connect(self._on_month_combo_changed)
        self.department_table = self._table(self.tr("Complaints and satisfaction per department"), "departments",
                                            actor, [
            Column("department", self.tr("Hospital department")), Column("complaints", self.tr("Complaints"), "int"),
            Column("complaint_satisfaction", self.tr("Complaint satisfaction"), "float"),
            Column("praise", self.tr("Praise"), "int"), Column("survey_responses", self.tr("Survey answers"), "int"),
            Column("survey_score", self.tr("Survey score"), "float")])  # fmt: skip
        self.coverage_table = self._table(self.tr("Follow-up coverage"), "followup_coverage", actor, [
            Column("kind", self.tr("Patients with"), label=coverage_text),
            Column("eligible", self.tr("Eligible"), "int"), Column("covered", self.tr("Followed up"), "int"),
            Column("coverage", self.tr("Coverage"), "percent")])
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month"), page))
        row.addWidget(self.month_combo)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.department_table, 2)
        layout.addWidget(self.coverage_table, 1)
        return page

    # --- loading -------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self._runner.spawn(self._load(), key="analytics:customers", owner=self)
        self._on_month_combo_changed()

    async def _load(self) -> None:
        self.progress.show()
        try:
            base = await self._runner.run_db(load_base, self._db, self._today())
        finally:
            with contextlib.suppress(RuntimeError):  # cancelled because the panel was closed
                self.progress.hide()
        self._base, self.patients = base, base.patients
        self._fill_filters(base.patients)
        self.referral_table.set_frame(base.referrers)
        self.base_loaded.emit()
        await self._count()

    def _fill_filters(self, patients: pd.DataFrame) -> None:
        for code, combo in self.filter_combos.items():
            combo.blockSignals(True)
            current = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for value in sorted(v for v in patients[code].dropna().unique() if v):
                combo.addItem(value_text(code, str(value)), str(value))
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _on_filters_changed(self, _index: int = 0) -> None:
        if self._base is not None:
            self._runner.spawn(self._count(), key="analytics:customers:count", owner=self)

    async def _count(self) -> None:
        if self._base is None:
            return
        dimension = str(self.dimension_combo.currentData())
        filters = {code: str(combo.currentData() or "") for code, combo in self.filter_combos.items()}
        for combo in self.filter_combos.values():
            combo.setEnabled(dimension != "package")  # packages are counted per checkup, not per customer
        counts = await self._runner.run_db(count_values, self._base, dimension, filters)
        shown = counts.assign(value=[value_text(dimension, v) for v in counts["value"]])
        self.distribution_table.set_frame(shown)
        slices = list(zip(shown["value"], map(float, counts["count"]), strict=True))
        title = dimension_text(dimension)
        if 0 < len(slices) <= PIE_MAX:
            self.pie_chart.set_data(title, slices)
            self.charts.setCurrentWidget(self.pie_chart)
        else:
            top = slices[:20]
            self.bar_chart.set_data(title, [label for label, _v in top],
                                    [(self.tr("Customer count"), [v for _l, v in top])])
            self.charts.setCurrentWidget(self.bar_chart)

    def chart_counts(self) -> list[float]:
        """The values on the chart shown (for tests and screenshots)."""
        if self.charts.currentWidget() is self.pie_chart:
            return [v for _l, v in self.pie_chart.slices]
        return list(self.bar_chart.sets[0][1]) if self.bar_chart.sets else []

    def _on_month_combo_changed(self, _index: int = 0) -> None:
        self._runner.spawn(self._load_month(), key="analytics:customers:month", owner=self)

    async def _load_month(self) -> None:
        month = str(self.month_combo.currentData())
        quality, coverage = await self._runner.run_db(month_quality, self._db, month)
        self.department_table.set_frame(quality)
        self.coverage_table.set_frame(coverage)

    def _on_table_exported(self, result: object) -> None:
        self.message_bar.show_message(self.tr("Exported to %1").replace("%1", str(getattr(result, "path", ""))))
        self.changes_made.emit(getattr(result, "changes", Changes()))

    def _on_table_export_failed(self, code: str) -> None:
        self.message_bar.show_message(error_text(code), Level.ERROR)

    def apply_changes(self, changes: Changes) -> None:
        """Figures are recomputed on F5 (reading a million customers on every change would be waste)."""
