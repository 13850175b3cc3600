"""Complaints (投诉工单): the lists (我的 / 本部门 / 全部未结 / 已超时优先) with countdowns, and one case's detail.

The table is lazy (pages of 100 as it scrolls). Every 30 s the countdowns move on by the working time that
passed, without a query; every 5 minutes the view runs the escalation check (at-risk and breached cases go
to a supervisor) and reloads the list if it escalated anything.

Shortcuts: Alt+1..4 the lists, Ctrl+Shift+N a new case (not from a call), F5 reload; in a case:
Ctrl+Shift+A acknowledge, Ctrl+Shift+P start, Ctrl+Shift+R resolve, Ctrl+Shift+L close, Ctrl+Shift+O reopen,
Ctrl+Shift+G assign, Ctrl+Shift+M reply, Ctrl+Shift+F attach a file; Ctrl+Enter saves a form, Esc cancels.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.sla import SlaConfigError, SlaPolicy, default_policy
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.complaint_lists import CaseScope, case_page, count_cases
from hcrm_desktop.services.complaints import escalate_due_complaints
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.complaints.detail import CaseDetailPane
from hcrm_desktop.views.complaints.model import PAGE, CaseTableModel
from hcrm_desktop.views.complaints.newcase import NewCaseDialog

TICK_MS = 30_000
ESCALATION_TICKS = 10  # every 5 minutes
SCOPES = (CaseScope.MINE, CaseScope.DEPARTMENT, CaseScope.OPEN, CaseScope.OVERDUE_FIRST)
WATCHED = ("complaints", "complaint_events", "complaint_attachments")
COLUMN_WIDTHS = (200, 160, 200, 80, 80, 80, 100)


class ComplaintsView(Page):
    changes_made = Signal(object)
    list_loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._session = session
        self._bridge = bridge
        self._own: set[int] = set()  # Changes this view published: it has refreshed for them already
        self._ticks = 0
        self._loaded = False
        self.set_heading(self.tr("Complaints"), self.tr("Complaint cases with their deadlines, in working time."))
        try:
            self.policy: SlaPolicy | None = default_policy()
        except SlaConfigError as exc:
            self.policy = None
            self.message_bar.show_message(self.tr("The SLA settings cannot be used: {error}").format(error=str(exc)),
                                          Level.ERROR, closable=False)
            return
        self._build(self.policy)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _build(self, policy: SlaPolicy) -> None:
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("caseScopes")
        for index, text in enumerate((self.tr("Mine"), self.tr("My department"), self.tr("All open"),
                                      self.tr("Overdue first")), start=1):
            self.tabs.addTab(text)
            self.tabs.setTabToolTip(index - 1, f"Alt+{index}")
            shortcut = QShortcut(QKeySequence(f"Alt+{index}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda i=index - 1: self.tabs.setCurrentIndex(i))
        self.tabs.setCurrentIndex(3 if self._session.role in ("supervisor", "admin") else 0)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hintLabel")
        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setObjectName("newCase")
        self.new_button.setToolTip(QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText))
        self.new_button.clicked.connect(self.open_new_case)
        for keys, slot in (("Ctrl+Shift+N", self.open_new_case), ("F5", self.reload)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        self.model = CaseTableModel(policy=policy, fetch=self._fetch_page, parent=self)
        self.table = self._make_table()
        self.detail = CaseDetailPane(db=self._db, runner=self._runner, session=self._session, policy=policy,
                                     shortcut_host=self, parent=self)
        self.detail.changes_made.connect(self._on_detail_changes_made)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 500])
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(splitter, 1)
        self.body.addLayout(column, 1)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("caseTable")
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(index, width)
        table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        return table

    # --- the list ---------------------------------------------------------------------------------------

    @property
    def scope(self) -> CaseScope:
        return SCOPES[self.tabs.currentIndex()]

    def reload(self) -> None:
        if self.policy is not None:
            self._runner.spawn(self._reload(self.scope), key="complaints.list", owner=self)

    async def _reload(self, scope: CaseScope) -> None:
        now = datetime.now()
        try:
            total = await self._runner.run_db(count_cases, self._db, scope, actor_id=self._session.id)
            rows = await self._runner.run_db(case_page, self._db, scope, actor_id=self._session.id, offset=0,
                                             limit=PAGE, now=now)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        if scope != self.scope:
            return
        selected = self.detail.case_id
        self.model.reset(total, rows, now)
        self.count_label.setText(self.tr("{n} cases").format(n=total))
        row = self.model.row_of(selected) if selected else (0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.list_loaded.emit()

    def _fetch_page(self, offset: int, limit: int) -> None:
        self._runner.spawn(self._fetch(self.scope, offset, limit), key="complaints.page", owner=self)

    async def _fetch(self, scope: CaseScope, offset: int, limit: int) -> None:
        now = self.model.ticked_at or datetime.now()
        try:
            rows = await self._runner.run_db(case_page, self._db, scope, actor_id=self._session.id, offset=offset,
                                             limit=limit, now=now)
        except StoreError as exc:
            self.model.fetching = False
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        if scope == self.scope:
            self.model.append(offset, rows)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.reload()

    def _on_table_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        case_id = self.model.data(indexes[0], Qt.ItemDataRole.UserRole) if indexes else None
        if case_id and case_id != self.detail.case_id:
            self.detail.load(str(case_id))

    # --- ticking and escalation -------------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        self.tick(datetime.now())

    def tick(self, now: datetime) -> None:
        """Move the countdowns on; every `ESCALATION_TICKS` ticks also run the escalation check."""
        self.model.tick(now)
        self.detail.refresh_countdown(now)
        self._ticks += 1
        if self._ticks % ESCALATION_TICKS == 0:
            self._runner.spawn(self._escalate(), key="complaints.escalate", owner=self)

    async def _escalate(self) -> None:
        try:
            escalated, changes = await self._runner.run_db(escalate_due_complaints, self._db)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        except SlaConfigError:
            return
        if escalated:
            self._publish(changes)

    # --- changes ----------------------------------------------------------------------------------------

    def open_new_case(self) -> NewCaseDialog | None:
        if self.policy is None:
            return None
        dialog = NewCaseDialog(db=self._db, runner=self._runner, session=self._session, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.complaint_saved.connect(self._on_new_case_complaint_saved)
        dialog.open()
        return dialog

    def _on_new_case_complaint_saved(self, case_id: str, changes: Changes) -> None:
        self.detail.load(case_id)
        self._publish(changes)

    def _on_detail_changes_made(self, changes: Changes) -> None:
        self._publish(changes)

    def _publish(self, changes: Changes) -> None:
        self._own.add(id(changes))
        self.reload()
        self.changes_made.emit(changes)
        self._own.discard(id(changes))

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what this screen shows if `changes` touches it."""
        if self.policy is None or id(changes) in self._own or not changes.touches(*WATCHED):
            return
        self.reload()
        if self.detail.case_id in changes.ids:
            self.detail.load(self.detail.case_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and self.policy is not None:
            self._loaded = True
            self._runner.spawn(self._first_load(), key="complaints.first", owner=self)

    async def _first_load(self) -> None:
        """Escalate what is due, then show the list; an agent with no cases of their own sees all open ones."""
        await self._escalate()
        if self.scope is CaseScope.MINE:
            try:
                mine = await self._runner.run_db(count_cases, self._db, CaseScope.MINE, actor_id=self._session.id)
            except StoreError:
                mine = 1  # the reload below reports the error
            if mine == 0:
                self.tabs.setCurrentIndex(SCOPES.index(CaseScope.OPEN))  # reloads
                return
        self.reload()
