"""Segmentation (客户分层): value tiers with the rule explained, lifecycle stages, the tier trend, and the
churn-risk list that becomes a follow-up list in one step (Ctrl+G). F5 recomputes.

Segmenting every patient takes seconds at a million patients: it runs on the database worker when the
panel is first shown (and on F5), with a progress bar; the panel stays usable meanwhile.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QVBoxLayout, QWidget

from hcrm_desktop.analytics import customers
from hcrm_desktop.analytics.segments import (
    STAGES,
    TIERS,
    CampaignError,
    CampaignResult,
    ThresholdError,
    Thresholds,
    churn_risk,
    create_campaign_tasks,
    explain_thresholds,
    load_thresholds,
    segment_patients,
    stage_counts,
    tier_counts,
)
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.labels import value_tier_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.page import StatCard, card_grid
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.analytics.tables import Column, ExportTable, LineChart
from hcrm_desktop.views.analytics.thresholds import ThresholdDialog
from hcrm_desktop.views.analytics.words import error_text, stage_text
from hcrm_desktop.views.supervisor.tables import BarChart

TREND_MONTHS = 12
EDITORS = (Role.SUPERVISOR.value, Role.ADMIN.value)


@dataclass(frozen=True)
class SegmentsData:
    tiers: dict[str, int]
    stages: dict[str, int]
    churn: pd.DataFrame
    trend: pd.DataFrame  # month, tier, visits...
    months: list[str]


def compute_segments(db: Database, today: date, thresholds: Thresholds,
                     progress: Callable[[float], None]) -> SegmentsData:
    """On the database worker: everything the panel shows."""
    seg = segment_patients(db, today=today, thresholds=thresholds, progress=lambda f: progress(f * 0.7))
    churn = churn_risk(db, today=today, segments=seg, thresholds=thresholds,
                       progress=lambda f: progress(0.7 + f * 0.15))
    start, end = customers.month_bounds(today, TREND_MONTHS)
    trend = customers.tier_trend(db, seg, start=start, end=end)
    months = [str(p) for p in pd.period_range(start, end - timedelta(days=1), freq="M")]
    progress(1.0)
    return SegmentsData(tier_counts(seg), stage_counts(seg), churn, trend, months)


class SegmentsPanel(QWidget):
    changes_made = Signal(object)
    segments_loaded = Signal()
    campaign_created = Signal(object)  # CampaignResult

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession | None = None,
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._today = db, runner, session, today
        self._loaded = False
        self.data: SegmentsData | None = None
        self.message_bar = MessageBar(self)
        self.cards = {tier.value: StatCard(value_tier_text(tier.value), self) for tier in TIERS}
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("hintLabel")
        self.rule_label.setWordWrap(True)
        self.rule_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit thresholds…"), self)
        self.edit_button.setVisible(session is not None and str(session.role) in EDITORS)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.refresh_button = QPushButton(self.tr("Recompute"), self)
        self.refresh_button.setToolTip(self.tr("Segment all customers again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.stage_chart = BarChart(self)
        self.trend_chart = LineChart(self)
        self.churn_table = ExportTable(title=self.tr("Churn risk"), columns=self._churn_columns(), what="churn_risk",
                                       db=db, runner=runner, actor_id=session.id if session else None, parent=self)
        self.churn_table.exported.connect(self._on_table_exported)
        self.churn_table.export_failed.connect(self._on_table_export_failed)
        self.campaign_button = QPushButton(self.tr("Make follow-up list"), self)
        self.campaign_button.setObjectName("primaryButton")
        self.campaign_button.setToolTip(self.tr("Put the customers listed (or the selected ones) on a follow-up "
                                                "list for the nurses (Ctrl+G)"))
        self.campaign_button.setEnabled(False)
        self.campaign_button.clicked.connect(self._on_campaign_button_clicked)
        self._layout()
        for keys, slot in (("F5", self.refresh), ("Ctrl+G", self._on_campaign_button_clicked)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_rule()

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.rule_label, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        head.addLayout(buttons)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.stage_chart)
        charts.addWidget(self.trend_chart)
        churn_row = QHBoxLayout()
        churn_row.addStretch(1)
        churn_row.addWidget(self.campaign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addLayout(card_grid(list(self.cards.values())))
        layout.addLayout(head)
        layout.addWidget(self.progress)
        layout.addWidget(charts, 1)
        layout.addWidget(self.churn_table, 1)
        layout.addLayout(churn_row)

    def _churn_columns(self) -> list[Column]:
        return [
            Column("customer_no", self.tr("Customer no.")), Column("name", self.tr("Name")),
            Column("tier", self.tr("Value tier"), label=value_tier_text),
            Column("visits", self.tr("Visits"), "int"), Column("monetary_fen", self.tr("Spent"), "money"),
            Column("last_visit", self.tr("Last visit"), "date"),
            Column("median_interval_days", self.tr("Usual interval (days)"), "int"),
            Column("expected_by", self.tr("Expected back by"), "date"),
            Column("overdue_days", self.tr("Days overdue"), "int"),
        ]  # fmt: skip

    def _thresholds(self) -> Thresholds:
        try:
            return load_thresholds()
        except ThresholdError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.WARNING)
            return Thresholds()

    def _show_rule(self) -> None:
        self.rule_label.setText(explain_thresholds(self._thresholds()))

    # --- loading -------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self._runner.spawn(self._load(), key="analytics:segments", owner=self)

    def _set_progress(self, fraction: float) -> None:
        with contextlib.suppress(RuntimeError):  # the panel was closed meanwhile
            self.progress.setValue(int(fraction * 100))

    async def _load(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.refresh_button.setEnabled(False)
        try:
            data = await self._runner.run_db(
                compute_segments, self._db, self._today(), self._thresholds(),
                lambda f: self._runner.call_in_ui(self._set_progress, f))
        finally:
            with contextlib.suppress(RuntimeError):  # cancelled because the panel was closed
                self.progress.hide()
                self.refresh_button.setEnabled(True)
        self._show(data)
        self.segments_loaded.emit()

    def _show(self, data: SegmentsData) -> None:
        self.data = data
        for tier, card in self.cards.items():
            card.set_value(data.tiers[tier])
        self.stage_chart.set_data(self.tr("Lifecycle stages"), [stage_text(s.value) for s in STAGES],
                                  [(self.tr("Customer count"), [data.stages[s.value] for s in STAGES])])
        pivot = data.trend.pivot_table(index="month", columns="tier", values="visits", aggfunc="sum").reindex(
            data.months).fillna(0)
        self.trend_chart.set_data(self.tr("Visits per month by value tier"), data.months, [
            (value_tier_text(t.value), list(pivot[t.value]) if t.value in pivot else [0.0] * len(data.months))
            for t in TIERS])
        self.churn_table.set_frame(data.churn)
        self.campaign_button.setEnabled(not data.churn.empty)
        self._show_rule()

    # --- actions -------------------------------------------------------------------------------------

    def _on_edit_button_clicked(self) -> None:
        self._runner.spawn(self._edit(), key="analytics:thresholds", owner=self)

    async def _edit(self) -> None:
        from hcrm_desktop.ui.tasks import ask

        dialog = ThresholdDialog(self._thresholds(), self)
        if await ask(dialog) == ThresholdDialog.DialogCode.Accepted:
            self._show_rule()
            self.refresh()

    def _selected_ids(self) -> list[str]:
        frame = self.churn_table.model.frame
        rows = sorted({i.row() for i in self.churn_table.view.selectionModel().selectedRows()})
        chosen = frame.iloc[rows] if rows else frame
        return [str(p) for p in chosen["patient_id"]]

    def _on_campaign_button_clicked(self) -> None:
        if self.data is not None and not self.data.churn.empty:
            self._runner.spawn(self._make_campaign(self._selected_ids()), key="analytics:campaign", owner=self)

    async def _make_campaign(self, patient_ids: list[str]) -> None:
        today = self._today()
        name = self.tr("Churn risk win-back %1").replace("%1", today.isoformat())
        due = datetime.combine(today + timedelta(days=1), time(9, 0))
        reason = self.tr("Overdue for the usual return visit")
        try:
            result: CampaignResult = await self._runner.run_db(
                create_campaign_tasks, self._db, patient_ids=patient_ids, name=name,
                actor_id=self._session.id if self._session else None, due=due, reason=reason)
        except CampaignError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return
        self.message_bar.show_message(
            self.tr("Follow-up list “%1”: %2 task(s) created, %3 already on the list.")
            .replace("%1", name).replace("%2", str(result.created)).replace("%3", str(result.skipped)))
        self.campaign_created.emit(result)
        self.changes_made.emit(result.changes)

    def _on_table_exported(self, result: object) -> None:
        self.message_bar.show_message(self.tr("Exported to %1").replace("%1", str(getattr(result, "path", ""))))
        self.changes_made.emit(getattr(result, "changes", Changes()))

    def _on_table_export_failed(self, code: str) -> None:
        self.message_bar.show_message(error_text(code), Level.ERROR)

    def apply_changes(self, changes: Changes) -> None:
        """Visits come from sync; the panel recomputes on F5 rather than after every change."""
