"""Slot capacity for supervisors: places per day and period of a package or clinic over a range of days
(new slots are created, existing ones adjusted; never below the places already booked)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.bookings import BookingError
from hcrm_desktop.services.bookings import BookableResource, set_capacity
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.bookings.words import error_text, period_text


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CapacityDialog(QDialog):
    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, resource: BookableResource,
                 start: date, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._resource, self._today = db, runner, session, resource, today
        self.setWindowTitle(self.tr("Capacity of {name}").format(name=resource.name))
        self.start_edit = QDateEdit(_qdate(max(start, today)), self)
        self.end_edit = QDateEdit(_qdate(max(start, today)), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.am_check = QCheckBox(period_text("am"), self)
        self.pm_check = QCheckBox(period_text("pm"), self)
        self.am_check.setChecked(True)
        self.pm_check.setChecked(True)
        self.capacity_spin = QSpinBox(self)
        self.capacity_spin.setRange(0, 999)
        self.capacity_spin.setValue(20)
        self.vip_spin = QSpinBox(self)
        self.vip_spin.setRange(0, 999)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self._on_buttons_accepted)
        self._build_layout()
        self.start_edit.setFocus()

    def _build_layout(self) -> None:
        periods = QHBoxLayout()
        periods.addWidget(self.am_check)
        periods.addWidget(self.pm_check)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(self.tr("Periods"), periods)
        form.addRow(self.tr("Places per period"), self.capacity_spin)
        form.addRow(self.tr("Kept for VIP customers"), self.vip_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _on_buttons_accepted(self) -> None:
        periods = tuple(p for p, check in (("am", self.am_check), ("pm", self.pm_check)) if check.isChecked())
        self._runner.spawn(self._save(periods), key="bookings.capacity", owner=self)

    async def _save(self, periods: tuple[str, ...]) -> None:
        try:
            result, changes = await self._runner.run_db(
                set_capacity, self._db, actor_role=self._session.role, resource=self._resource.resource,
                resource_id=self._resource.resource_id, start=_date(self.start_edit.date()),
                end=_date(self.end_edit.date()), periods=periods, capacity=self.capacity_spin.value(),
                vip_reserved=self.vip_spin.value(), today=self._today)
        except BookingError as error:
            self.error_label.setText(error_text(error.code))
            {"capacity": self.capacity_spin, "vip_reserved": self.vip_spin, "start": self.start_edit,
             "end": self.end_edit}.get(error.field, self.start_edit).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.changes_made.emit(changes)
        self.accept()
