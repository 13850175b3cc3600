"""No customer has the calling number: a short form to file one, prefilled with the number.

Field errors come from `validate_new_patient` codes and show next to their fields once a field was
touched (all of them after a save attempt). Possible duplicates are looked up off the UI thread shortly
after typing stops. Ctrl+Enter saves.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.national_id import NationalIdError, validate_national_id
from hcrm_desktop.services.identity import DuplicateCandidate, find_duplicates
from hcrm_desktop.services.patients import NewPatient, ValidationError, create_patient, validate_new_patient
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.labels import relation_text, sex_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard.words import field_error_text, reasons_text

DUPLICATE_DELAY_MS = 300
FIELDS = ("phone", "relation", "contact_name", "name", "sex", "national_id", "birth_date")
RELATIONS = ("self", "spouse", "child", "parent", "other")


class QuickCreateForm(QFrame):
    """`created(patient_id, changes)` after a save; `open_requested(patient_id)` for a duplicate."""

    created = Signal(str, object)
    open_requested = Signal(str)
    duplicates_shown = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, actor_id: str, phone: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickCreate")
        self._db = db
        self._runner = runner
        self._actor_id = actor_id
        self.touched: set[str] = set()
        self.duplicates: list[DuplicateCandidate] = []
        self.saving = False
        self._dupe_timer = QTimer(self)
        self._dupe_timer.setSingleShot(True)
        self._dupe_timer.setInterval(DUPLICATE_DELAY_MS)
        self._dupe_timer.timeout.connect(self._on_dupe_timer_timeout)
        self._build(phone)

    def _build(self, phone: str) -> None:
        self.heading = QLabel(self.tr("Unknown number: file a new customer"), self)
        self.heading.setObjectName("sectionHeading")
        self.message_bar = MessageBar(self)
        self.phone_edit = QLineEdit(phone, self)
        self.relation_combo = QComboBox(self)
        for code in RELATIONS:
            self.relation_combo.addItem(relation_text(code), code)
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setPlaceholderText(self.tr("e.g. 李娜"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("The patient's name"))
        self.sex_combo = QComboBox(self)
        for code in ("U", "F", "M"):
            self.sex_combo.addItem(sex_text(code), code)
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("18 characters, optional"))
        self.birth_edit = QLineEdit(self)
        self.birth_edit.setPlaceholderText(self.tr("YYYY-MM-DD, optional"))
        self.inputs: dict[str, QWidget] = {
            "phone": self.phone_edit, "relation": self.relation_combo, "contact_name": self.contact_edit,
            "name": self.name_edit, "sex": self.sex_combo, "national_id": self.id_edit, "birth_date": self.birth_edit,
        }  # fmt: skip
        captions = {
            "phone": self.tr("Phone"), "relation": self.tr("Caller is"), "contact_name": self.tr("Caller's name"),
            "name": self.tr("Name"), "sex": self.tr("Sex"), "national_id": self.tr("National ID"),
            "birth_date": self.tr("Birth date"),
        }  # fmt: skip
        self.error_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for row, field in enumerate(FIELDS):
            caption = QLabel(captions[field], self)
            caption.setBuddy(self.inputs[field])
            error = self.error_labels[field] = QLabel(self)
            error.setObjectName("fieldError")
            grid.addWidget(caption, row, 0)
            grid.addWidget(self.inputs[field], row, 1)
            grid.addWidget(error, row, 2)
        grid.setColumnMinimumWidth(1, 260)
        grid.setColumnStretch(2, 1)
        for edit in (self.phone_edit, self.contact_edit, self.name_edit, self.id_edit, self.birth_edit):
            edit.textEdited.connect(self._on_field_edited)
        for combo in (self.relation_combo, self.sex_combo):
            combo.currentIndexChanged.connect(self._on_field_edited)
        self.duplicates_frame = QFrame(self)
        self.duplicates_frame.setObjectName("duplicateBox")
        self.duplicates_label = QLabel(self.duplicates_frame)
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates_label.linkActivated.connect(self._on_duplicates_label_link_activated)
        QVBoxLayout(self.duplicates_frame).addWidget(self.duplicates_label)
        self.duplicates_frame.hide()
        self.save_button = QPushButton(self.tr("File customer (Ctrl+Enter)"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_save_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.message_bar)
        layout.addLayout(grid)
        layout.addWidget(self.duplicates_frame)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._update_contact_visibility()

    # --- reading the form --------------------------------------------------------------------------------

    def _birth_date(self) -> date | None:
        text = self.birth_edit.text().strip()
        return date.fromisoformat(text) if text else None

    def new_patient(self) -> NewPatient:
        try:
            birth = self._birth_date()
        except ValueError:
            birth = None
        relation = str(self.relation_combo.currentData())
        return NewPatient(
            name=self.name_edit.text().strip(), sex=str(self.sex_combo.currentData()),
            phone=self.phone_edit.text().strip(), birth_date=birth,
            national_id=self.id_edit.text().strip().upper() or None, relation=relation,
            contact_name=(self.contact_edit.text().strip() or None) if relation != "self" else None,
        )  # fmt: skip

    def errors(self) -> dict[str, str]:
        errors = dict(validate_new_patient(self.new_patient()))
        try:
            self._birth_date()
        except ValueError:
            errors["birth_date"] = "birth_date_invalid"
        return errors

    def show_errors(self, errors: dict[str, str], *, all_fields: bool = False) -> None:
        for field, label in self.error_labels.items():
            code = errors.get(field)
            label.setText(field_error_text(code) if code and (all_fields or field in self.touched) else "")

    # --- reacting to typing ------------------------------------------------------------------------------

    def _on_field_edited(self, *_args: Any) -> None:
        sender = self.sender()
        field = next((f for f, w in self.inputs.items() if w is sender), None)
        if field is not None:
            self.touched.add(field)
        if sender is self.id_edit:
            self._fill_from_national_id()
        self._update_contact_visibility()
        self.show_errors(self.errors())
        self._dupe_timer.start()

    def _fill_from_national_id(self) -> None:
        try:
            parsed = validate_national_id(self.id_edit.text())
        except NationalIdError:
            return
        if "sex" not in self.touched:
            self.sex_combo.blockSignals(True)
            self.sex_combo.setCurrentIndex(self.sex_combo.findData(parsed.sex.value))
            self.sex_combo.blockSignals(False)
        if "birth_date" not in self.touched:
            self.birth_edit.setText(parsed.birth_date.isoformat())

    def _update_contact_visibility(self) -> None:
        family = self.relation_combo.currentData() != "self"
        self.contact_edit.setEnabled(family)

    def _on_dupe_timer_timeout(self) -> None:
        patient = self.new_patient()
        if not patient.name and not patient.national_id:
            self._show_duplicates([])
            return
        self._runner.spawn(self._find_duplicates(patient), key=f"dupes.{id(self)}", owner=self)

    async def _find_duplicates(self, patient: NewPatient) -> None:
        try:
            found = await self._runner.run_db(
                find_duplicates, self._db, name=patient.name, national_id=patient.national_id,
                phones=[patient.phone] if patient.phone else [], birth_date=patient.birth_date,
            )  # fmt: skip
        except (StoreError, ValueError):
            return  # a warning that cannot be computed is no reason to stop the agent
        self._show_duplicates(list(found))

    def _show_duplicates(self, found: list[DuplicateCandidate]) -> None:
        self.duplicates = found[:5]
        if not self.duplicates:
            self.duplicates_frame.hide()
            return
        rows = [
            f'<a href="{html.escape(c.patient_id)}">{html.escape(c.name)}</a>（{html.escape(reasons_text(c.reasons))}）'
            for c in self.duplicates
        ]
        heading = html.escape(self.tr("Possibly already on file — open instead of filing again:"))
        self.duplicates_label.setText(f"<b>{heading}</b><br>{'<br>'.join(rows)}")
        self.duplicates_frame.show()
        self.duplicates_shown.emit()

    def _on_duplicates_label_link_activated(self, patient_id: str) -> None:
        self.open_requested.emit(patient_id)

    # --- saving ------------------------------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        if self.saving:
            return
        errors = self.errors()
        if errors:
            self.show_errors(errors, all_fields=True)
            first = next(f for f in FIELDS if f in errors) if any(f in errors for f in FIELDS) else None
            if first is not None:
                self.inputs[first].setFocus()
            return
        self._runner.spawn(self._save(self.new_patient()), key=f"create.{id(self)}", owner=self)

    async def _save(self, patient: NewPatient) -> None:
        self.saving = True
        self.save_button.setEnabled(False)
        try:
            patient_id, changes = await self._runner.run_db(create_patient, self._db, patient,
                                                            actor_id=self._actor_id)
        except ValidationError as exc:
            self.show_errors(dict(exc.errors), all_fields=True)
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        finally:
            self.saving = False
            self.save_button.setEnabled(True)
        self.created.emit(patient_id, changes)
