"""Complaints (投诉): a placeholder until the complaint cases arrive in a later version."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.page import ComingSoon, Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner


class ComplaintsView(Page):
    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._session = session
        self._bridge = bridge
        self.set_heading(self.tr("Complaints"), self.tr("Complaint cases with their deadlines."))
        self.body.addWidget(ComingSoon(
            self.tr("Coming in a later version: complaint cases"),
            [
                self.tr("Record a complaint during the call, with category, department and severity"),
                self.tr("Case states: new, acknowledged, in progress, resolved, closed"),
                self.tr("Deadlines for acknowledging and resolving, with warnings before they pass"),
                self.tr("Replies, escalation and the customer's satisfaction with the resolution"),
            ],
            self,
        ))
        self.body.addStretch(1)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what this screen shows if `changes` touches it."""
