"""The workbench (工作台): today's figures, and the call cards the phone pops up.

With no call the calls area says it is waiting (and, on the simulator, offers "simulate call"). Each call
gets its own card tab; see `screenpop.py` for how a ring becomes a card.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.overview import WorkbenchCounts, workbench_counts
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.labels import cti_error_text
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page, StatCard, card_grid
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard import CallCard
from hcrm_desktop.views.workbench.calls import CallStack
from hcrm_desktop.views.workbench.screenpop import ScreenPop
from hcrm_desktop.views.workbench.simulate import CallSimulator, SimulateCallButton
from hcrm_desktop.views.wrapup.reminder import WrapUpLauncher


class WorkbenchView(Page):
    attention_needed = Signal()
    changes_made = Signal(object)
    booking_requested = Signal(str)  # patient id: open the bookings screen for them

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_heading(
            self.tr("Workbench"),
            self.tr("Hello, {name}. Here is today at a glance.").format(name=session.display_name),
        )
        self._db = db
        self._runner = runner
        self.bridge = bridge
        self.patients_card = StatCard(self.tr("Customers"), self)
        self.complaints_card = StatCard(self.tr("Open complaints"), self)
        self.followups_card = StatCard(self.tr("Follow-ups due today or overdue"), self)
        self.bookings_card = StatCard(self.tr("Bookings in the next 7 days"), self)
        cards = [self.patients_card, self.complaints_card, self.followups_card, self.bookings_card]
        for card in cards:
            card.setObjectName("statCardCompact")
            if (card_layout := card.layout()) is not None:
                card_layout.setContentsMargins(18, 8, 18, 8)
        self.body.addLayout(card_grid(cards))
        self.calls = CallStack(self)
        self.calls.card_count_changed.connect(self._on_calls_card_count_changed)
        self.waiting = self._build_waiting()
        self.calls_area = QStackedWidget(self)
        self.calls_area.addWidget(self.waiting)
        self.calls_area.addWidget(self.calls)
        self.wrapups = WrapUpLauncher(db=db, runner=runner, user_id=session.id, calls=self.calls, parent=self)
        self.wrapups.changes_made.connect(self.changes_made)
        self.wrapups.booking_requested.connect(self.booking_requested)
        self.new_contact_action = QAction(self.tr("New contact (walk-in, message)"), self)
        self.new_contact_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_contact_action.triggered.connect(self.wrapups.new_contact)
        self.addAction(self.new_contact_action)
        self.new_contact_button = QToolButton(self.waiting)
        self.new_contact_button.setObjectName("newContactButton")
        self.new_contact_button.setDefaultAction(self.new_contact_action)
        self.new_contact_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.waiting_row.insertWidget(1, self.new_contact_button)
        self.body.addWidget(self.wrapups.bar)
        self.body.addWidget(self.calls_area, 1)
        self.simulate_button: SimulateCallButton | None = None
        self.simulator: CallSimulator | None = None
        self.screen_pop: ScreenPop | None = None
        if bridge is not None:
            self._connect_phone(bridge, session, today)

    def _build_waiting(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("waitingPanel")
        self.waiting_label = QLabel(self.tr("Waiting for calls. When the phone rings, the caller's profile "
                                            "appears here, before you answer."), panel)
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting_row = QHBoxLayout()
        self.waiting_row.addStretch(1)
        self.waiting_row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(self.waiting_label)
        layout.addLayout(self.waiting_row)
        layout.addStretch(2)
        return panel

    def _connect_phone(self, bridge: CtiBridge, session: UserSession, today: date | None) -> None:
        self.screen_pop = ScreenPop(db=self._db, runner=self._runner, bridge=bridge, stack=self.calls,
                                    actor_id=session.id, today=today, parent=self)
        self.screen_pop.attention_needed.connect(self.attention_needed)
        self.screen_pop.changes_made.connect(self.changes_made)
        self.screen_pop.booking_requested.connect(self.booking_requested)
        self.screen_pop.popped.connect(self.wrapups.check)  # the next call reminds of unwrapped ones
        bridge.command_failed.connect(self._on_bridge_command_failed)
        if bridge.adapter == "simulator":
            self.simulator = CallSimulator(db=self._db, runner=self._runner, bridge=bridge, parent=self)
            self.simulate_button = SimulateCallButton(self.simulator, self.waiting)
            self.waiting_row.insertWidget(1, self.simulate_button)
            self.calls.setCornerWidget(SimulateCallButton(self.simulator, self.calls), Qt.Corner.TopRightCorner)
            self.simulate_action = QAction(self.tr("Simulate call"), self)
            self.simulate_action.setShortcut(QKeySequence(Qt.Key.Key_F8))
            self.simulate_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from any screen
            self.simulate_action.triggered.connect(self.simulator.ring_next)
            self.addAction(self.simulate_action)

    def _on_calls_card_count_changed(self) -> None:
        self.calls_area.setCurrentWidget(self.calls if self.calls.cards else self.waiting)

    def _on_bridge_command_failed(self, command: str, code: str) -> None:
        if not self.isVisible():
            return  # the screen the agent is on says it (click-to-dial from the customers screen)
        words = {"accept": self.tr("Answering"), "hangup": self.tr("Hanging up"), "dial": self.tr("Dialling")}
        self.message_bar.show_message(self.tr("{action} did not work: {reason}").format(
            action=words.get(command, command), reason=cti_error_text(code)), Level.WARNING)

    def apply_changes(self, changes: Changes) -> None:
        for card in self.calls.cards.values():
            card.apply_changes(changes)
        if changes.touches("patients", "complaints", "followup_tasks", "bookings"):
            self.refresh()

    def take_cards(self) -> list[CallCard]:
        return self.calls.take_cards()

    def adopt_cards(self, cards: list[CallCard]) -> None:
        for card in cards:
            card.changes_made.connect(self.changes_made)
            card.booking_requested.connect(self.booking_requested)
        self.calls.adopt(cards)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.wrapups.check()

    def refresh(self) -> None:
        self._runner.spawn(self._load(), key="workbench.counts", owner=self)

    async def _load(self) -> None:
        try:
            counts = await self._runner.run_db(workbench_counts, self._db)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self._show_counts(counts)

    def _show_counts(self, counts: WorkbenchCounts) -> None:
        self.patients_card.set_value(counts.patients)
        self.complaints_card.set_value(counts.open_complaints)
        self.followups_card.set_value(counts.due_followups)
        self.bookings_card.set_value(counts.bookings_next_7_days)
