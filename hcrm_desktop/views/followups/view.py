"""Follow-ups (随访): a placeholder until the nurses' call list arrives in a later version."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.page import ComingSoon, Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner


class FollowUpsView(Page):
    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._session = session
        self._bridge = bridge
        self.set_heading(self.tr("Follow-ups"), self.tr("The call list of follow-up tasks."))
        self.body.addWidget(ComingSoon(
            self.tr("Coming in a later version: the follow-up call list"),
            [
                self.tr("Post-discharge, post-surgery, chronic-disease and abnormal-checkup follow-ups"),
                self.tr("A script and questionnaire for each call, with outcome and callback time"),
                self.tr("Red flags that reach a doctor"),
                self.tr("Satisfaction surveys and win-back of lapsed customers"),
            ],
            self,
        ))
        self.body.addStretch(1)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what this screen shows if `changes` touches it."""
