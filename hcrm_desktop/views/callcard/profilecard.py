"""A customer's profile card: header, alerts, one-key actions and the timeline. The call card shows it for
a caller; the customers screen shows the same card without a call."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hcrm_desktop import oplog
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.profile import PatientNotFound, Profile, TimelineItem, load_profile, timeline_page
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard.header import AlertsStrip, ProfileHeader
from hcrm_desktop.views.callcard.timeline import PAGE_SIZE, TimelinePanel
from hcrm_desktop.views.callcard.words import when

ACTIONS = ("consultation", "complaint", "booking")
TIMELINE_TABLES = ("patient_phones", "encounters", "checkups", "interactions", "complaints", "bookings",
                   "followup_tasks", "survey_responses")
SHORTCUTS = {"consultation": "Alt+1", "complaint": "Alt+2", "booking": "Alt+3"}


def read_profile(db: Database, patient_id: str, today: date) -> tuple[Profile, list[TimelineItem]]:
    """The profile and its first timeline page in one trip to the database worker."""
    profile = load_profile(db, patient_id, today=today)
    return profile, timeline_page(db, profile.patient_ids, kinds=None, before=None, limit=PAGE_SIZE)


class ProfileCard(QWidget):
    """`show_profile()` with what was read, or `load(patient_id)`. A record deleted meanwhile gives a
    clear state (`deleted` True) and the card stays up, so nothing around it is lost."""

    action_requested = Signal(str)  # consultation | complaint | booking
    dial_requested = Signal(str)
    profile_shown = Signal()
    deleted_found = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileCard")
        self._db = db
        self._runner = runner
        self._today = today
        self.profile: Profile | None = None
        self.patient_id: str | None = None
        self.deleted = False
        self.deceased_banner = QLabel(self)
        self.deceased_banner.setObjectName("deceasedBanner")
        self.deceased_banner.setWordWrap(True)
        self.deceased_banner.hide()
        self.message_bar = MessageBar(self)
        self.header = ProfileHeader(self)
        self.header.dial_requested.connect(self.dial_requested)
        self.alerts = AlertsStrip(self)
        self.action_buttons: dict[str, QPushButton] = {}
        for action, text in zip(ACTIONS, (self.tr("Consultation"), self.tr("Complaint"), self.tr("Booking")),
                                strict=True):
            button = QPushButton(text, self)
            button.setObjectName("cardAction")
            button.setToolTip(QKeySequence(SHORTCUTS[action]).toString(QKeySequence.SequenceFormat.NativeText))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, a=action: self._on_action_button_clicked(a))
            self.header.action_row.addWidget(button)
            self.action_buttons[action] = button
        self.timeline = TimelinePanel(db=db, runner=runner, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.deceased_banner, self.message_bar, self.header, self.alerts):
            layout.addWidget(widget)
        layout.addWidget(self.timeline, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for action, button in self.action_buttons.items():  # only the card on screen answers Alt+1..3
            button.setShortcut(QKeySequence(SHORTCUTS[action]))

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        for button in self.action_buttons.values():
            button.setShortcut(QKeySequence())

    def today(self) -> date:
        return self._today or date.today()

    def show_profile(self, profile: Profile, first_page: list[TimelineItem] | None = None) -> None:
        self.profile, self.patient_id, self.deleted = profile, profile.patient_id, False
        self.message_bar.clear()
        self.header.show_profile(profile)
        self.alerts.show_alerts(tuple(a for a in profile.alerts if a.kind != "deceased"))
        if profile.deceased_on is not None:
            self.deceased_banner.setText(self.tr(
                "This customer died on {date}. Please speak with care; no marketing, no routine follow-up."
            ).format(date=when(profile.deceased_on)))
        self.deceased_banner.setVisible(profile.deceased_on is not None)
        if profile.merged_into_id:
            self.message_bar.show_message(
                self.tr("This record was merged into another customer's record."), Level.WARNING, closable=False)
        self._set_actions_enabled(True)
        self.timeline.model.set_source(profile.patient_ids, self.timeline.selected_kinds(), first_page)
        self.profile_shown.emit()

    def load(self, patient_id: str) -> None:
        self.patient_id = patient_id
        self._runner.spawn(self._load(patient_id), key=f"profile.{id(self)}", owner=self)

    def reload(self) -> None:
        if self.patient_id is not None:
            self.load(self.patient_id)

    async def _load(self, patient_id: str) -> None:
        try:
            profile, first = await self._runner.run_db(read_profile, self._db, patient_id, self.today())
        except PatientNotFound:
            self.mark_deleted()
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self.show_profile(profile, first)

    def apply_changes(self, changes: Changes) -> None:
        """Reload when a write touched this customer (or patients without saying which)."""
        if self.patient_id is None or not changes.touches("patients", *TIMELINE_TABLES):
            return
        mine = set(self.profile.patient_ids if self.profile else (self.patient_id,))
        if not (changes.patient_ids or changes.ids) or mine & (changes.patient_ids | changes.ids):
            self.reload()

    def mark_deleted(self) -> None:
        """The record is gone (deleted here or on another workstation): say so, keep what is on screen."""
        self.deleted = True
        oplog.event("profile_deleted_while_open", level=logging.INFO, patient_id=self.patient_id)
        self.message_bar.show_message(
            self.tr("This customer's record has been deleted, so it can no longer be changed. What you typed "
                    "on this card is kept; search for the customer again if needed."),
            Level.ERROR, closable=False)
        self._set_actions_enabled(False)
        self.deleted_found.emit()

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in self.action_buttons.values():
            button.setEnabled(enabled)

    def _on_action_button_clicked(self, action: str) -> None:
        if not self.deleted and self.profile is not None:
            self.action_requested.emit(action)
