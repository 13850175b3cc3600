"""The confirmation text of the chosen booking (SMS or WeChat), its length in SMS, a warning when the
customer has not agreed to messages on that channel, Copy (Ctrl+Shift+C) and Mark as sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.bookings import BookingError, TemplateError
from hcrm_desktop.services.bookings import Confirmation, confirmation, mark_confirmation_sent
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.bookings.words import error_text


class ConfirmationPanel(QWidget):
    changes_made = Signal(object)
    text_shown = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._clock = db, runner, clock
        self.booking_id: str | None = None
        self.current: Confirmation | None = None
        self.channel_combo = QComboBox(self)
        self.channel_combo.addItem(self.tr("SMS"), "sms")
        self.channel_combo.addItem(self.tr("WeChat"), "wechat")
        self.channel_combo.currentIndexChanged.connect(self._on_channel_combo_current_index_changed)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("confirmationText")
        self.text_edit.setReadOnly(True)
        self.text_edit.setPlaceholderText(self.tr("Choose a booking to see its confirmation text."))
        self.text_edit.setMaximumHeight(120)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("hintLabel")
        self.consent_label = QLabel(self)
        self.consent_label.setObjectName("fieldError")
        self.consent_label.setWordWrap(True)
        self.consent_label.hide()
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the text to paste into the SMS or WeChat tool (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        copy = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        copy.setContext(Qt.ShortcutContext.WindowShortcut)
        copy.activated.connect(self._on_copy_button_clicked)
        self.sent_button = QPushButton(self.tr("Mark as sent"), self)
        self.sent_button.setToolTip(self.tr("Record that the confirmation went out (Ctrl+Shift+M)"))
        self.sent_button.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.sent_button.clicked.connect(self._on_sent_button_clicked)
        self._build_layout()
        self._set_enabled(False)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Confirmation"), self))
        top.addWidget(self.channel_combo)
        top.addStretch(1)
        top.addWidget(self.info_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.consent_label, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.sent_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text_edit)
        layout.addLayout(buttons)

    @property
    def channel(self) -> str:
        return str(self.channel_combo.currentData())

    def show_booking(self, booking_id: str | None) -> None:
        self.booking_id = booking_id
        if booking_id is None:
            self.current = None
            self.text_edit.clear()
            self.info_label.clear()
            self.consent_label.hide()
            self._set_enabled(False)
            return
        self._runner.spawn(self._load(booking_id, self.channel), key="bookings.confirmation", owner=self)

    async def _load(self, booking_id: str, channel: str) -> None:
        try:
            found = await self._runner.run_db(confirmation, self._db, booking_id=booking_id, channel=channel)
        except BookingError as error:
            self._show_problem(error_text(error.code))
            return
        except TemplateError as error:
            self._show_problem(self.tr("The confirmation templates cannot be read: {error}").format(error=error))
            return
        if booking_id != self.booking_id or channel != self.channel:
            return
        self.current = found
        self.text_edit.setPlainText(found.text)
        self.info_label.setText(self._info(found))
        self._show_consent(found)
        self._set_enabled(True)
        self.text_shown.emit()

    def _info(self, found: Confirmation) -> str:
        if found.channel == "sms":
            text = self.tr("{length} characters, {segments} SMS").format(length=found.length, segments=found.segments)
        else:
            text = self.tr("{length} characters").format(length=found.length)
        if found.sent_at is not None:
            text += " · " + self.tr("sent already")
        return text

    def _show_consent(self, found: Confirmation) -> None:
        if found.consent:
            self.consent_label.hide()
            return
        self.consent_label.setText(self.tr("The customer has not agreed to SMS messages.") if found.channel == "sms"
                                   else self.tr("The customer has not agreed to WeChat messages."))
        self.consent_label.show()

    def _show_problem(self, text: str) -> None:
        self.current = None
        self.text_edit.clear()
        self.info_label.setText(text)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        self.copy_button.setEnabled(enabled)
        self.sent_button.setEnabled(enabled)

    def _on_channel_combo_current_index_changed(self, _index: int) -> None:
        if self.booking_id is not None:
            self.show_booking(self.booking_id)

    def _on_copy_button_clicked(self) -> None:
        if self.current is None:
            return
        QGuiApplication.clipboard().setText(self.current.text)
        self.info_label.setText(self._info(self.current) + " · " + self.tr("copied"))

    def _on_sent_button_clicked(self) -> None:
        if self.current is not None:
            self._runner.spawn(self._mark_sent(self.current.booking_id), key="bookings.sent", owner=self)

    async def _mark_sent(self, booking_id: str) -> None:
        try:
            _at, changes = await self._runner.run_db(mark_confirmation_sent, self._db, booking_id=booking_id,
                                                     now=self._clock())
        except BookingError as error:
            self._show_problem(error_text(error.code))
            return
        self.changes_made.emit(changes)
        if booking_id == self.booking_id:
            self.show_booking(booking_id)
