"""The inline form under a case's buttons for the steps that need input: resolve (the resolution), close
(the patient's satisfaction or "unreachable"), reopen (the reason), reply (the text) and assign (handler and
department). Ctrl+Enter submits; Esc cancels, and asks once more (inline) when something was typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.complaint_lists import Choice
from hcrm_desktop.views.complaints.words import error_text, severity_text

KINDS = ("resolve", "close", "reopen", "reply", "assign", "severity")


@dataclass(frozen=True)
class FormValues:
    kind: str
    note: str
    satisfaction: int | None = None
    unreachable: bool = False
    handler_id: str | None = None
    department_id: str | None = None
    severity: str | None = None


class ActionForm(QFrame):
    submitted = Signal(object)  # FormValues
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseActionForm")
        self.kind = ""
        self._confirming = False
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogHeading")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("caseNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(80)
        self.satisfaction_row = QWidget(self)
        self.satisfaction_group = QButtonGroup(self)
        row = QHBoxLayout(self.satisfaction_row)
        row.setContentsMargins(0, 0, 0, 0)
        for score in range(1, 6):
            button = QRadioButton(str(score), self.satisfaction_row)
            button.setObjectName(f"satisfaction{score}")
            self.satisfaction_group.addButton(button, score)
            row.addWidget(button)
        self.unreachable_check = QCheckBox(self.tr("Patient unreachable"), self.satisfaction_row)
        self.unreachable_check.setObjectName("unreachable")
        row.addWidget(self.unreachable_check)
        row.addStretch(1)
        self.handler_combo = QComboBox(self)
        self.handler_combo.setObjectName("handlerCombo")
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("departmentCombo")
        self.severity_combo = QComboBox(self)
        self.severity_combo.setObjectName("severityCombo")
        for code in ("low", "medium", "high", "critical"):
            self.severity_combo.addItem(severity_text(code), code)
        self.errors = {name: self._error_label() for name in ("note", "satisfaction", "handler_id", "form")}
        self._build()

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        return label

    def _build(self) -> None:
        self.note_caption = QLabel(self)
        self.note_caption.setBuddy(self.note_edit)
        self.satisfaction_caption = QLabel(self.tr("Satisfaction (1-5)"), self)
        self.handler_caption = QLabel(self.tr("Handler"), self)
        self.handler_caption.setBuddy(self.handler_combo)
        self.department_caption = QLabel(self.tr("Handling department"), self)
        self.department_caption.setBuddy(self.department_combo)
        self.severity_caption = QLabel(self.tr("Severity"), self)
        self.severity_caption.setBuddy(self.severity_combo)
        self.fields = QFormLayout()
        self.rows: dict[str, QWidget] = {}
        rows = (("handler", self.handler_caption, self.handler_combo, "handler_id"),
                ("department", self.department_caption, self.department_combo, None),
                ("severity", self.severity_caption, self.severity_combo, None),
                ("satisfaction", self.satisfaction_caption, self.satisfaction_row, "satisfaction"),
                ("note", self.note_caption, self.note_edit, "note"))  # fmt: skip
        for name, caption, widget, error in rows:
            cell = self.rows[name] = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            if error:
                column.addWidget(self.errors[error])
            self.fields.addRow(caption, cell)
        self.submit_button = QPushButton(self.tr("Save (Ctrl+Enter)"), self)
        self.submit_button.setObjectName("caseFormSubmit")
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors["form"], 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addLayout(self.fields)
        layout.addLayout(buttons)
        for keys, slot in (("Ctrl+Return", self.submit), ("Ctrl+Enter", self.submit), ("Escape", self.request_cancel)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.hide()

    def open_for(self, kind: str, *, handlers: Sequence[Choice] = (), departments: Sequence[Choice] = (),
                 handler_id: str | None = None, department_id: str | None = None, severity: str | None = None) -> None:
        """Show the form for `kind` (one of KINDS), empty, with focus on its first field."""
        self.kind, self._confirming = kind, False
        headings = {"resolve": self.tr("Resolve the case"), "close": self.tr("Close the case"),
                    "reopen": self.tr("Reopen the case"), "reply": self.tr("Reply or response"),
                    "assign": self.tr("Assign the case"),
                    "severity": self.tr("Change the severity (the deadlines are recomputed)")}
        notes = {"resolve": self.tr("Resolution"), "close": self.tr("Note"), "reopen": self.tr("Reason"),
                 "reply": self.tr("Reply"), "assign": self.tr("Note"), "severity": self.tr("Note")}
        self.heading.setText(headings[kind])
        self.note_caption.setText(notes[kind])
        self.note_edit.clear()
        self.satisfaction_group.setExclusive(False)
        for button in self.satisfaction_group.buttons():
            button.setChecked(False)
        self.satisfaction_group.setExclusive(True)
        self.unreachable_check.setChecked(False)
        self._fill(self.handler_combo, handlers, handler_id, self.tr("(nobody)"))
        self._fill(self.department_combo, departments, department_id, self.tr("(unchanged)"))
        self.severity_combo.setCurrentIndex(max(0, self.severity_combo.findData(severity)))
        shown = {"handler": kind == "assign", "department": kind == "assign", "severity": kind == "severity",
                 "satisfaction": kind == "close", "note": kind != "severity"}
        for name, cell in self.rows.items():
            self.fields.setRowVisible(cell, shown[name])
        self.show_errors({})
        self.show()
        first = {"close": self.satisfaction_group.button(1), "assign": self.handler_combo,
                 "severity": self.severity_combo}.get(kind, self.note_edit)
        first.setFocus()

    def _fill(self, combo: QComboBox, choices: Sequence[Choice], current: str | None, empty: str) -> None:
        combo.clear()
        combo.addItem(empty, None)
        for choice in choices:
            combo.addItem(choice.name, choice.id)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)

    def values(self) -> FormValues:
        score = self.satisfaction_group.checkedId()
        return FormValues(
            kind=self.kind, note=self.note_edit.toPlainText().strip(), satisfaction=score if score > 0 else None,
            unreachable=self.unreachable_check.isChecked(), handler_id=self.handler_combo.currentData(),
            department_id=self.department_combo.currentData(), severity=self.severity_combo.currentData(),
        )  # fmt: skip

    def is_dirty(self) -> bool:
        v = self.values()
        return bool(v.note or v.satisfaction or v.unreachable)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Field -> error code, shown next to the field ("form" for the rest); what was typed stays."""
        for field, label in self.errors.items():
            code = errors.get(field)
            label.setText(error_text(code) if code else "")

    def submit(self) -> None:
        if self.isVisible():
            self._confirming = False
            self.show_errors({})
            self.submitted.emit(self.values())

    def request_cancel(self) -> None:
        if self.is_dirty() and not self._confirming:
            self._confirming = True
            self.errors["form"].setText(self.tr("Press Esc again to discard what you typed."))
            return
        self.close_form()
        self.cancelled.emit()

    def close_form(self) -> None:
        self.kind, self._confirming = "", False
        self.hide()

    def _on_note_edit_text_changed(self) -> None:
        if self._confirming:
            self._confirming = False
            self.errors["form"].setText("")
