"""Bookings (预约): a placeholder until checkup and clinic booking arrive in a later version."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hcrm_desktop.ui.page import ComingSoon, Page


class BookingsView(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
