"""Follow-ups (随访): the nurse's worklist, the next-call flow, red-flag escalations and, for supervisors,
assignment.

Keys: F9 next call (claims the most urgent due task and opens it), Enter calls the selected task, F5
refreshes, Ctrl+Shift+A assigns (supervisors); in a call Alt+1..Alt+7 choose the outcome, Ctrl+D dials,
Ctrl+Enter saves, Esc goes back. Nurses see their own tasks first; supervisors see everyone's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.enums import Role, TaskState
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.followup_assignment import assign_tasks, nurse_loads, rebalance
from hcrm_desktop.services.profile import PatientNotFound, Profile, load_profile
from hcrm_desktop.services.worklist import (
    ACTIVE_STATES,
    PAGE_SIZE,
    Claim,
    WorklistError,
    WorklistFilter,
    claim_next,
    claim_task,
    first_page,
    worklist_ids,
    worklist_options,
    worklist_rows,
    worklist_summary,
)
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.followups.assign import ASSIGN, REBALANCE, AssignDialog
from hcrm_desktop.views.followups.call import CallPanel
from hcrm_desktop.views.followups.escalations import EscalationsPanel
from hcrm_desktop.views.followups.model import DUE_COLUMN, WorklistModel
from hcrm_desktop.views.followups.words import TASK_STATES, error_text, word

SUPERVISING = (Role.SUPERVISOR, Role.ADMIN)
TABLES = frozenset({"followup_tasks", "call_attempts", "survey_responses", "escalations", "patients"})


class FollowUpsView(Page):
    changes_made = Signal(object)
    list_loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 clock: Callable[[], datetime] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._bridge = db, runner, session, bridge
        self._clock = clock or datetime.now
        self.supervising = session.role in SUPERVISING
        self._stale = self._stale_options = True
        self.set_heading(self.tr("Follow-ups"), self.tr("F9 calls the next patient due; Enter calls the one selected."))
        self.tabs = QTabWidget(self)
        self.stack = QStackedWidget(self)
        self.list_page = self._build_list_page()
        self.call_panel = CallPanel(db=db, runner=runner, session=session, bridge=bridge, clock=self._clock,
                                    parent=self)
        self.call_panel.changes_made.connect(self._on_call_panel_changes_made)
        self.call_panel.next_requested.connect(self.start_next_call)
        self.call_panel.closed.connect(self._on_call_panel_closed)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.call_panel)
        self.escalations = EscalationsPanel(db=db, runner=runner, session=session, clock=self._clock, parent=self)
        self.escalations.changes_made.connect(self.changes_made)
        self.tabs.addTab(self.stack, self.tr("Worklist"))
        self.tabs.addTab(self.escalations, self.tr("Red flags"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.body.addWidget(self.tabs, 1)
        self._build_shortcuts()

    # --- building ---------------------------------------------------------------------------------------

    def _build_list_page(self) -> QWidget:
        page = QWidget(self)
        self.scope_combo = QComboBox(page)
        self.scope_combo.setObjectName("scopeCombo")
        self.scope_combo.addItem(self.tr("My tasks"), "mine")
        if self.supervising:
            self.scope_combo.addItem(self.tr("All tasks"), "all")
            self.scope_combo.setCurrentIndex(1)
        self.scope_combo.addItem(self.tr("Unassigned"), "unassigned")
        self.rule_combo = QComboBox(page)
        self.rule_combo.addItem(self.tr("All follow-ups"), None)
        self.dept_combo = QComboBox(page)
        self.dept_combo.addItem(self.tr("All departments"), None)
        self.state_combo = QComboBox(page)
        self.state_combo.addItem(self.tr("Still to do"), None)
        for state in TaskState:
            self.state_combo.addItem(word(TASK_STATES, state.value), state.value)
        self.overdue_check = QCheckBox(self.tr("Overdue only"), page)
        for combo in (self.scope_combo, self.rule_combo, self.dept_combo, self.state_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue_check.toggled.connect(self._on_filter_changed)
        self.summary_label = QLabel(page)
        self.summary_label.setObjectName("worklistSummary")
        self.model = WorklistModel(self)
        self.model.more_wanted.connect(self._on_model_more_wanted)
        self.table = QTableView(page)
        self.table.setObjectName("worklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DUE_COLUMN, 150)
        self.table.activated.connect(self._on_table_activated)
        self.next_button = QPushButton(self.tr("Next call (F9)"), page)
        self.next_button.setObjectName("nextCallButton")
        self.next_button.clicked.connect(self.start_next_call)
        self.assign_button = QPushButton(self.tr("Assign… (Ctrl+Shift+A)"), page)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.assign_button.setVisible(self.supervising)
        filters = QHBoxLayout()
        for widget in (self.scope_combo, self.rule_combo, self.dept_combo, self.state_combo, self.overdue_check):
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.summary_label, 1)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        return page

    def _build_shortcuts(self) -> None:
        for keys, slot in (("F9", self.start_next_call), ("F5", self.refresh),
                           ("Ctrl+Shift+A", self._on_assign_button_clicked)):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            if self._stale_options:
                self._stale_options = False
                self._runner.spawn(self._load_options(), key="followups.options", owner=self)
            self._stale = False
            self.refresh()

    # --- the list ---------------------------------------------------------------------------------------

    def current_filter(self) -> WorklistFilter:
        scope = str(self.scope_combo.currentData())
        state = self.state_combo.currentData()
        nurse = scope.split(":", 1)[1] if scope.startswith("nurse:") else None
        return WorklistFilter(
            assignee_id=self._session.id if scope == "mine" else nurse, unassigned=scope == "unassigned",
            rule_id=self.rule_combo.currentData(), department_id=self.dept_combo.currentData(),
            states=(state,) if state else ACTIVE_STATES, overdue_only=self.overdue_check.isChecked(),
        )  # fmt: skip

    def _on_filter_changed(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._runner.spawn(self.load_list(), key="followups.list", owner=self)
        if self.tabs.currentWidget() is self.escalations:
            self.escalations.refresh()

    async def load_list(self) -> None:
        f, now = self.current_filter(), self._clock()
        self.model.set_first_page(await self._runner.run_db(first_page, self._db, f, now=now, limit=PAGE_SIZE))
        if self.model.rows:
            self.table.selectRow(0)
        self.model.set_ids(await self._runner.run_db(worklist_ids, self._db, f, now=now))
        if not self.model.rows and self.model.canFetchMore():
            self.model.fetchMore()
        summary = await self._runner.run_db(worklist_summary, self._db, f, now=now)
        self.summary_label.setText(
            self.tr("%1 tasks · %2 due now · %3 callbacks due · %4 overdue · %5 done today")
            .replace("%1", f"{self.model.total or 0:,}").replace("%2", str(summary.due_now))
            .replace("%3", str(summary.callbacks_due)).replace("%4", str(summary.overdue))
            .replace("%5", str(summary.done_today)))  # fmt: skip
        self.list_loaded.emit()

    def _on_model_more_wanted(self, offset: int) -> None:
        self._runner.spawn(self._fetch_page(offset), key="followups.page", owner=self)

    async def _fetch_page(self, offset: int) -> None:
        ids = self.model.page_ids(offset, PAGE_SIZE)
        rows = await self._runner.run_db(worklist_rows, self._db, ids, now=self._clock())
        self.model.append_rows(offset, rows)

    async def _load_options(self) -> None:
        options = await self._runner.run_db(worklist_options, self._db)
        nurses = await self._runner.run_db(nurse_loads, self._db) if self.supervising else []
        scopes = tuple((f"nurse:{n.id}", n.name) for n in nurses if n.id != self._session.id)
        for combo, items in ((self.rule_combo, options.rules), (self.dept_combo, options.departments),
                             (self.scope_combo, scopes)):  # fmt: skip
            combo.blockSignals(True)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.blockSignals(False)

    # --- calls ------------------------------------------------------------------------------------------

    def start_next_call(self) -> None:
        self._runner.spawn(self.next_call(), key="followups.claim", owner=self)

    def _on_table_activated(self, index: object) -> None:
        task_id = self.model.task_id(self.table.currentIndex().row())
        if task_id:
            self._runner.spawn(self.call_task(task_id), key="followups.claim", owner=self)

    async def next_call(self) -> Claim | None:
        """Claim the next due task and open it; say so when nothing is due in the call hours."""
        now = self._clock()
        claim, changes = await self._runner.run_db(claim_next, self._db, nurse_id=self._session.id, now=now)
        if claim is None:
            self.stack.setCurrentWidget(self.list_page)
            self.message_bar.show_message(self.tr("Nothing is due to call now (within the call hours)."))
            return None
        await self._open(claim, changes)
        return claim

    async def call_task(self, task_id: str) -> Claim | None:
        try:
            claim, changes = await self._runner.run_db(claim_task, self._db, task_id=task_id,
                                                       nurse_id=self._session.id, now=self._clock())
        except WorklistError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.WARNING)
            return None
        await self._open(claim, changes)
        return claim

    async def _open(self, claim: Claim, changes: Changes) -> None:
        self.message_bar.clear()
        profile = await self._runner.run_db(_profile_or_none, self._db, claim.patient_id, self._clock())
        self.tabs.setCurrentWidget(self.stack)
        self.stack.setCurrentWidget(self.call_panel)
        self.call_panel.show_call(claim, profile)
        if changes.entities:
            self.changes_made.emit(changes)

    def _on_call_panel_changes_made(self, changes: Changes) -> None:
        self.changes_made.emit(changes)

    def _on_call_panel_closed(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()
        self.refresh()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.escalations:
            self.escalations.refresh()

    # --- assignment -------------------------------------------------------------------------------------

    def selected_task_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [t for t in (self.model.task_id(r) for r in rows) if t]

    def _on_assign_button_clicked(self) -> None:
        if self.supervising:
            self._runner.spawn(self.assign(), key="followups.assign", owner=self)

    async def assign(self) -> None:
        nurses = await self._runner.run_db(nurse_loads, self._db)
        selected = self.selected_task_ids()
        dialog = AssignDialog(nurses=nurses, selected=len(selected), parent=self)
        if await ask(dialog) != AssignDialog.DialogCode.Accepted.value:
            return
        await self.apply_assignment(*dialog.action(), selected)

    async def apply_assignment(self, kind: str, nurse_ids: list[str], task_ids: list[str]) -> None:
        now, actor = self._clock(), self._session.id
        try:
            if kind == REBALANCE:
                result, changes = await self._runner.run_db(
                    rebalance, self._db, nurse_ids=nurse_ids, actor_id=actor, now=now,
                    scope=WorklistFilter(rule_id=self.rule_combo.currentData(),
                                         department_id=self.dept_combo.currentData()))  # fmt: skip
            else:
                nurse = nurse_ids[0] if kind == ASSIGN else None
                result, changes = await self._runner.run_db(assign_tasks, self._db, task_ids=task_ids, nurse_id=nurse,
                                                            actor_id=actor, now=now)
        except WorklistError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return
        self.message_bar.show_message(self.tr("%n task(s) reassigned.", "", result.assigned))
        self.changes_made.emit(changes)
        await self.load_list()

    # --- changes from elsewhere -------------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what this screen shows if `changes` touches it."""
        if not changes.entities & TABLES:
            return
        if self.isVisible() and self.stack.currentWidget() is self.list_page:
            self.refresh()
        else:
            self._stale = True


def _profile_or_none(db: Database, patient_id: str, now: datetime) -> Profile | None:
    try:
        return load_profile(db, patient_id, today=now.date(), now=now)
    except PatientNotFound:
        return None
