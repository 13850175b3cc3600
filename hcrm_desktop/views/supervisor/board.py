"""The live board (实时看板): today's contacts by hour, complaints by SLA urgency, follow-up progress and the
agents' states. Loads on the database worker every 30 seconds and whenever a change arrives; a busy bar
shows while it loads and the screen never waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics.board import Board, ComplaintRisk, FollowUpProgress, load_board
from hcrm_desktop.analytics.frames import AnalyticsForbidden
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.page import StatCard
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.supervisor.tables import BarChart, Row, RowsModel, make_table
from hcrm_desktop.views.supervisor.words import (
    AGENT_STATES,
    CHANNELS,
    SEVERITIES,
    SLA_STATES,
    TYPES,
    UNASSIGNED,
    duration_text,
    error_text,
    tr,
    word,
)

REFRESH_MS = 30_000
WATCHED = ("interactions", "complaints", "followup_tasks", "call_attempts", "staff_users")


class BoardPanel(QWidget):
    """`(db=, runner=, session=)`; read-only: `apply_changes()` refreshes when a change touches its data.
    `clock` gives "now" (local time; tests pin it)."""

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._clock = db, runner, session, clock
        self.board: Board | None = None
        self.loads = 0
        self.stale = False
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self._retranslate()

    def _build(self) -> None:
        self.cards = {key: StatCard("", self) for key in
                      ("contacts", "open", "overdue", "at_risk", "followups_due", "followups_done")}
        self.busy = QProgressBar(self)
        self.busy.setObjectName("boardBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(4)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message_bar = MessageBar(self)
        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("boardUpdated")
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.split_combo = QComboBox(self)
        self.split_combo.setObjectName("boardSplitCombo")
        self.split_combo.currentIndexChanged.connect(self._on_split_combo_current_index_changed)
        top = QHBoxLayout()
        top.addWidget(self.updated_label, 1)
        top.addWidget(self.split_combo)
        top.addWidget(self.refresh_button)
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, i)
        self.chart = BarChart(self, stacked=True)
        self.chart.setObjectName("boardHourChart")
        self.complaints_model = RowsModel(parent=self)
        self.complaints_view = make_table(self.complaints_model, self, "boardComplaints")
        self.by_staff_model = RowsModel(parent=self)
        self.by_dept_model = RowsModel(parent=self)
        self.agents_model = RowsModel(parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.complaints_view, "")
        self.tabs.addTab(make_table(self.by_staff_model, self, "boardFollowupsByStaff"), "")
        self.tabs.addTab(make_table(self.by_dept_model, self, "boardFollowupsByDept"), "")
        self.tabs.addTab(make_table(self.agents_model, self, "boardAgents"), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.message_bar)
        layout.addLayout(grid)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.tabs, 3)

    def _retranslate(self) -> None:
        captions = {
            "contacts": self.tr("Contacts today"), "open": self.tr("Open complaints"),
            "overdue": self.tr("Overdue complaints"), "at_risk": self.tr("Complaints at risk"),
            "followups_due": self.tr("Follow-ups due today"), "followups_done": self.tr("Follow-ups done today"),
        }  # fmt: skip
        for key, card in self.cards.items():
            card.caption_label.setText(captions[key])
        self.split_combo.blockSignals(True)
        current = self.split_combo.currentData() or "channel"
        self.split_combo.clear()
        self.split_combo.addItem(self.tr("By channel"), "channel")
        self.split_combo.addItem(self.tr("By contact type"), "type")
        self.split_combo.setCurrentIndex(max(0, self.split_combo.findData(current)))
        self.split_combo.blockSignals(False)
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Refresh).toString(
            QKeySequence.SequenceFormat.NativeText))
        for i, text in enumerate((self.tr("Complaints by SLA"), self.tr("Follow-ups by staff"),
                                  self.tr("Follow-ups by department"), self.tr("Agents"))):
            self.tabs.setTabText(i, text)
        self.complaints_model.set_headers([self.tr("Case"), self.tr("Subject"), self.tr("Severity"),
                                           self.tr("Department"), self.tr("Handler"), self.tr("Due"),
                                           self.tr("Time left"), self.tr("SLA")], numeric=(6,))
        progress = [self.tr("Due"), self.tr("Done"), self.tr("Remaining"), self.tr("Lost to follow-up")]
        self.by_staff_model.set_headers([self.tr("Staff"), *progress], numeric=(1, 2, 3, 4))
        self.by_dept_model.set_headers([self.tr("Department"), *progress], numeric=(1, 2, 3, 4))
        self.agents_model.set_headers([self.tr("Agent"), self.tr("Team"), self.tr("State"), self.tr("Last activity"),
                                       self.tr("Contacts today"), self.tr("Follow-up calls today")], numeric=(4, 5))
        if self.board is not None:
            self._show(self.board)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.board is None or self.stale:
            self.refresh()

    # --- loading ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.stale = False
        self._runner.spawn(self._load(), key=f"board:{id(self)}", owner=self)

    def apply_changes(self, changes: Changes) -> None:
        """Reload now if shown, else when shown next."""
        if changes.touches(*WATCHED):
            if self.isVisible():
                self.refresh()
            else:
                self.stale = True

    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    async def _load(self) -> None:
        self.busy.show()
        try:
            board = await self._runner.run_db(load_board, self._db, now=self._clock(), viewer_role=self._session.role)
        except AnalyticsForbidden as exc:  # (when cancelled, the widget may be gone: touch nothing)
            self.busy.hide()
            self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return
        self.busy.hide()
        self.board = board
        self.loads += 1
        self._show(board)

    # --- showing ------------------------------------------------------------------------------------

    def _show(self, board: Board) -> None:
        self.updated_label.setText(self.tr("Updated {time}").format(time=board.at.strftime("%H:%M:%S")))
        values = {"contacts": board.contacts_today, "open": board.open_complaints,
                  "overdue": board.overdue_complaints, "at_risk": board.at_risk_complaints,
                  "followups_due": board.followups_due, "followups_done": board.followups_done}  # fmt: skip
        for key, value in values.items():
            self.cards[key].set_value(value)
        self._draw_chart(board)
        self.complaints_model.set_rows([self._complaint_row(r) for r in board.complaints])
        unassigned = tr(UNASSIGNED)
        self.by_staff_model.set_rows([_progress_row(p.name or unassigned, p) for p in board.followups_by_assignee])
        self.by_dept_model.set_rows([_progress_row(p.name or unassigned, p) for p in board.followups_by_department])
        self.agents_model.set_rows([
            Row((a.name, a.team or "", word(AGENT_STATES, a.state),
                 a.last_activity.strftime("%H:%M") if a.last_activity else "", str(a.contacts_today),
                 str(a.attempts_today)), a.agent_id, tone="warn" if a.state == "on_call" else "")
            for a in board.agents
        ])

    def _draw_chart(self, board: Board) -> None:
        """Contacts per hour from 08:00 (or the first contact) to now, stacked by channel or by type."""
        column = str(self.split_combo.currentData() or "channel")
        hours = board.by_hour(column)
        busy = hours.index[hours.sum(axis=1) > 0]
        last = max(board.at.hour, int(busy.max()) if len(busy) else 0)
        first = min(8, int(busy.min()) if len(busy) else 8)
        shown = hours.loc[first:last]
        words = CHANNELS if column == "channel" else TYPES
        self.chart.set_data(self.tr("Contacts by hour"), [f"{h:02d}" for h in shown.index],
                            [(word(words, str(c)), list(shown[c])) for c in shown.columns])

    def _on_split_combo_current_index_changed(self, _index: int) -> None:
        if self.board is not None:
            self._draw_chart(self.board)

    def _complaint_row(self, r: ComplaintRisk) -> Row:
        tone = {"breached": "danger", "at_risk": "warn"}.get(r.status, "")
        return Row((r.case_no, r.subject, word(SEVERITIES, r.severity), r.department or "", r.handler or "",
                    r.resolve_due.strftime("%m-%d %H:%M"), duration_text(r.remaining_minutes),
                    word(SLA_STATES, r.status)), r.id, (r.remaining_minutes,), tone)


def _progress_row(name: str, p: FollowUpProgress) -> Row:
    return Row((name, str(p.due), str(p.done), str(p.remaining), str(p.lost)), p.key,
               tone="warn" if p.remaining else "")

