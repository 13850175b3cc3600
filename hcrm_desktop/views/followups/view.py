"""Follow-ups (随访): a placeholder until the nurses' call list arrives in a later version."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hcrm_desktop.ui.page import ComingSoon, Page


class FollowUpsView(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
