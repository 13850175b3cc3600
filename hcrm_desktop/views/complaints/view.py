"""Complaints (投诉): a placeholder until the complaint cases arrive in a later version."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hcrm_desktop.ui.page import ComingSoon, Page


class ComplaintsView(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
