"""Analytics (统计): a placeholder until the supervisor's figures arrive in a later version."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hcrm_desktop.ui.page import ComingSoon, Page


class AnalyticsView(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_heading(self.tr("Analytics"), self.tr("For supervisors and administrators."))
        self.body.addWidget(ComingSoon(
            self.tr("Coming in a later version: analytics and reports"),
            [
                self.tr("Today's load and deadline risk; reassigning work"),
                self.tr("Agent figures: calls, handle time, first-contact resolution, satisfaction"),
                self.tr("Customer value tiers, lifecycle stages, age bands, regions and packages"),
                self.tr("Complaints and satisfaction by department"),
                self.tr("Export to Excel and a monthly PDF report"),
            ],
            self,
        ))
        self.body.addStretch(1)
