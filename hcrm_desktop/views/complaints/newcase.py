"""A new complaint case that did not come from a call (a letter, a walk-in, a WeChat message): the patient
(found by name, phone or customer no., or none), severity, category, subject, description, department
and staff involved, channel. Ctrl+Enter saves; Esc cancels (a second Esc when something was typed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.categories import CategoryConfigError, default_categories
from hcrm_desktop.domain.enums import Channel, ComplaintSeverity
from hcrm_desktop.services.complaint_lists import department_choices
from hcrm_desktop.services.complaints import open_complaint
from hcrm_desktop.services.patients import ValidationError
from hcrm_desktop.services.search import search_patients
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.complaints.words import channel_text, error_text, language, severity_text

SEARCH_DELAY_MS = 250
FIELDS = ("patient_id", "severity", "category", "subject", "description", "department_id", "staff_involved",
          "channel")


class NewCaseDialog(QDialog):
    complaint_saved = Signal(str, object)  # case id, Changes

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseDialog")
        self.setWindowTitle(self.tr("New complaint case"))
        self._db, self._runner, self._session = db, runner, session
        self._confirming = False
        self.message_bar = MessageBar(self)
        self._make_inputs()
        self._layout()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.patient_edit.textEdited.connect(self._on_patient_edit_text_edited)
        for keys, slot in (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self._runner.spawn(self._load_departments(), key="complaints.new.departments", owner=self)
        self.patient_edit.setFocus()

    def _make_inputs(self) -> None:
        self.patient_edit = QLineEdit(self)
        self.patient_edit.setPlaceholderText(self.tr("Name, phone or customer no.; empty: no patient"))
        self.patient_combo = QComboBox(self)
        self.patient_combo.addItem(self.tr("(no patient)"), None)
        self.severity_combo = QComboBox(self)
        for code in (ComplaintSeverity.LOW, ComplaintSeverity.MEDIUM, ComplaintSeverity.HIGH, ComplaintSeverity.CRITICAL):
            self.severity_combo.addItem(severity_text(code), code.value)
        self.severity_combo.setCurrentIndex(1)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem("—", None)
        try:
            for category in default_categories().categories_for("complaint"):
                self.category_combo.addItem(category.name(language()), category.code)
        except CategoryConfigError:
            pass  # the category list is optional here: the case can be filed without one
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("newCaseSubject")
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(90)
        self.department_combo = QComboBox(self)
        self.department_combo.addItem("—", None)
        self.staff_edit = QLineEdit(self)
        self.channel_combo = QComboBox(self)
        for channel in (Channel.WALK_IN, Channel.PHONE, Channel.WECHAT, Channel.SMS, Channel.WEB):
            self.channel_combo.addItem(channel_text(channel), channel.value)
        self.inputs: dict[str, QWidget] = dict(zip(FIELDS, (
            self.patient_combo, self.severity_combo, self.category_combo, self.subject_edit, self.description_edit,
            self.department_combo, self.staff_edit, self.channel_combo), strict=True))
        self.error_labels = {field: QLabel(self) for field in FIELDS}
        for label in self.error_labels.values():
            label.setObjectName("fieldError")

    def _layout(self) -> None:
        captions = (self.tr("Patient"), self.tr("Severity"), self.tr("Category"), self.tr("Subject"),
                    self.tr("Description"), self.tr("Department concerned"), self.tr("Staff involved"),
                    self.tr("Channel"))
        grid = QGridLayout()
        grid.addWidget(self.patient_edit, 0, 1)
        for row, (field, caption) in enumerate(zip(FIELDS, captions, strict=True), start=1):
            label = QLabel(caption, self)
            label.setBuddy(self.inputs[field])
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.inputs[field], row, 1)
            grid.addWidget(self.error_labels[field], row, 2)
        grid.setColumnMinimumWidth(1, 320)
        grid.setColumnStretch(2, 1)
        self.save_button = QPushButton(self.tr("Open case (Ctrl+Enter)"), self)
        self.save_button.setObjectName("newCaseSave")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    async def _load_departments(self) -> None:
        try:
            choices = await self._runner.run_db(department_choices, self._db)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        for choice in choices:
            self.department_combo.addItem(choice.name, choice.id)

    # --- the patient ------------------------------------------------------------------------------------

    def _on_patient_edit_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        query = self.patient_edit.text().strip()
        if query:
            self._runner.spawn(self._search(query), key="complaints.new.search", owner=self)

    async def _search(self, query: str) -> None:
        try:
            result = await self._runner.run_db(search_patients, self._db, query, limit=10)
        except (StoreError, ValueError):
            return
        if query != self.patient_edit.text().strip():
            return
        self.patient_combo.clear()
        self.patient_combo.addItem(self.tr("(no patient)"), None)
        for hit in result.hits:
            self.patient_combo.addItem(f"{hit.name}  {hit.masked_phone}  {hit.customer_no}", hit.patient_id)
        self.patient_combo.setCurrentIndex(1 if result.hits else 0)

    # --- saving -----------------------------------------------------------------------------------------

    def values(self) -> dict[str, str | None]:
        return {
            "patient_id": self.patient_combo.currentData(), "severity": self.severity_combo.currentData(),
            "category": self.category_combo.currentData(), "subject": self.subject_edit.text(),
            "description": self.description_edit.toPlainText() or None,
            "department_id": self.department_combo.currentData(), "staff_involved": self.staff_edit.text() or None,
            "channel": self.channel_combo.currentData(),
        }  # fmt: skip

    def is_dirty(self) -> bool:
        return bool(self.subject_edit.text() or self.description_edit.toPlainText() or self.staff_edit.text())

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self.error_labels.items():
            label.setText(error_text(errors[field]) if field in errors else "")
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            self.inputs[first].setFocus()

    def save(self) -> None:
        self._runner.spawn(self._save(), key="complaints.new.save", owner=self)

    async def _save(self) -> None:
        try:
            case, changes = await self._runner.run_db(open_complaint, self._db, actor_id=self._session.id,
                                                      interaction_id=None, **self.values())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self.complaint_saved.emit(case.id, changes)
        self.accept()

    def reject(self) -> None:
        """Esc or Cancel: close, after a second Esc when something was typed."""
        if self.is_dirty() and not self._confirming:
            self._confirming = True
            self.message_bar.show_message(self.tr("Press Esc again to discard what you typed."), Level.WARNING)
            return
        super().reject()
