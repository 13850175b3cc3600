"""Bookings (预约): a placeholder until checkup and clinic booking arrive in a later version."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.page import ComingSoon, Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner


class BookingsView(Page):
    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._session = session
        self._bridge = bridge
        self.set_heading(self.tr("Bookings"), self.tr("Checkup packages and specialist clinics."))
        self.body.addWidget(ComingSoon(
            self.tr("Coming in a later version: booking"),
            [
                self.tr("Free slots by package or clinic, day and morning or afternoon"),
                self.tr("Book, reschedule and cancel during the call"),
                self.tr("Places kept for VIP customers"),
                self.tr("Reminders and no-show tracking"),
            ],
            self,
        ))
        self.body.addStretch(1)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what this screen shows if `changes` touches it."""
