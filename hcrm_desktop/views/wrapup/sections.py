"""The parts of the wrap-up form that only some types show: the complaint case, praise credit, booking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.categories import Category, CategoryTree
from hcrm_desktop.domain.enums import ComplaintSeverity
from hcrm_desktop.services.recording import ComplaintDetails, FormChoices
from hcrm_desktop.views.wrapup.words import error_text, severity_text


def fill_combo(combo: QComboBox, items: list[tuple[str | None, str]], keep: str | None = None) -> None:
    """Replace the items (data, text) of a combo, keeping the chosen data when it is still offered."""
    keep = keep if keep is not None else combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(keep) if keep is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def scrollable(form: QWidget, parent: QWidget) -> QScrollArea:
    """The form in a frameless scroll area, so a small screen (1366x768) scrolls it instead of growing."""
    area = QScrollArea(parent)
    area.setObjectName("wrapupScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(form)
    return area


def flat_categories(tree: CategoryTree, type_code: str) -> list[tuple[Category, int]]:
    """The type's category tree in display order, each with its depth (0 for the top level)."""
    out: list[tuple[Category, int]] = []

    def walk(items: tuple[Category, ...], depth: int) -> None:
        for item in items:
            out.append((item, depth))
            walk(item.children, depth + 1)

    walk(tree.categories_for(type_code), 0)
    return out


class FieldGrid(QGridLayout):
    """Caption, input and, under the input, its error message (objectName fieldError)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__()
        self._parent = parent
        self.setHorizontalSpacing(8)
        self.setVerticalSpacing(2)
        self.setColumnStretch(1, 1)
        self.error_labels: dict[str, QLabel] = {}

    def add(self, field: str, caption: str, widget: QWidget) -> QLabel:
        row = self.rowCount()
        label = QLabel(caption, self._parent)
        label.setBuddy(widget)
        error = QLabel(self._parent)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self.addWidget(label, row, 0)
        self.addWidget(widget, row, 1)
        self.addWidget(error, row + 1, 1)
        self.error_labels[field] = error
        return label

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self.error_labels.items():
            code = errors.get(field)
            label.setText(error_text(code) if code else "")
            label.setVisible(bool(code))


class ComplaintSection(QGroupBox):
    """Severity, department and staff involved, subject and description of the case to open."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapupComplaint")
        self.setTitle(self.tr("Complaint case"))
        self.severity_combo = QComboBox(self)
        for code in ComplaintSeverity:
            self.severity_combo.addItem(severity_text(code.value), code.value)
        choose(self.severity_combo, ComplaintSeverity.MEDIUM.value)
        self.department_combo = QComboBox(self)
        self.department_combo.addItem(self.tr("— not known —"), None)
        self.staff_edit = QLineEdit(self)
        self.staff_edit.setPlaceholderText(self.tr("Name or post, if the caller said"))
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setPlaceholderText(self.tr("In a few words, e.g. 候诊两小时无人解释"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(self.tr("What happened, when and where"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(64)
        self.grid = FieldGrid(self)
        self.grid.add("complaint.subject", self.tr("Subject"), self.subject_edit)
        self.grid.add("complaint.severity", self.tr("Severity"), self.severity_combo)
        self.grid.add("complaint.department_id", self.tr("Department"), self.department_combo)
        self.grid.add("complaint.staff_involved", self.tr("Staff involved"), self.staff_edit)
        self.grid.add("complaint.description", self.tr("Description"), self.description_edit)
        QVBoxLayout(self).addLayout(self.grid)
        for edit in (self.staff_edit, self.subject_edit):
            edit.textEdited.connect(self.edited)
        self.description_edit.textChanged.connect(self.edited)
        for combo in (self.severity_combo, self.department_combo):
            combo.activated.connect(self.edited)

    def set_choices(self, choices: FormChoices) -> None:
        fill_combo(self.department_combo, [(None, self.tr("— not known —")), *choices.departments])

    def details(self) -> ComplaintDetails:
        return ComplaintDetails(
            severity=str(self.severity_combo.currentData()), subject=self.subject_edit.text().strip(),
            description=self.description_edit.toPlainText().strip() or None,
            department_id=self.department_combo.currentData(), staff_involved=self.staff_edit.text().strip() or None,
        )  # fmt: skip

    def state(self) -> dict[str, Any]:
        return {"severity": self.severity_combo.currentData(), "subject": self.subject_edit.text(),
                "description": self.description_edit.toPlainText(), "staff_involved": self.staff_edit.text(),
                "department_id": self.department_combo.currentData()}

    def restore(self, state: dict[str, Any]) -> None:
        choose(self.severity_combo, state.get("severity") or ComplaintSeverity.MEDIUM.value)
        self.subject_edit.setText(str(state.get("subject") or ""))
        self.description_edit.setPlainText(str(state.get("description") or ""))
        self.staff_edit.setText(str(state.get("staff_involved") or ""))
        choose(self.department_combo, state.get("department_id"))


class PraiseSection(QGroupBox):
    """Who is praised: a staff member (the department follows) or a whole department."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapupPraise")
        self.setTitle(self.tr("Praise for"))
        self.choices = FormChoices((), ())
        self.staff_combo = QComboBox(self)
        self.staff_combo.addItem(self.tr("— a whole department —"), None)
        self.department_combo = QComboBox(self)
        self.department_combo.addItem(self.tr("— choose —"), None)
        self.grid = FieldGrid(self)
        self.grid.add("credited_staff_id", self.tr("Staff member"), self.staff_combo)
        self.grid.add("credited_department_id", self.tr("Department"), self.department_combo)
        QVBoxLayout(self).addLayout(self.grid)
        self.staff_combo.activated.connect(self._on_staff_combo_activated)
        self.department_combo.activated.connect(self.edited)

    def set_choices(self, choices: FormChoices) -> None:
        self.choices = choices
        staff = [(c.id, f"{c.name}（{c.title}）" if c.title else c.name) for c in choices.staff]
        fill_combo(self.staff_combo, [(None, self.tr("— a whole department —")), *staff])
        fill_combo(self.department_combo, [(None, self.tr("— choose —")), *choices.departments])

    def _on_staff_combo_activated(self, _index: int) -> None:
        chosen = next((c for c in self.choices.staff if c.id == self.staff_combo.currentData()), None)
        if chosen is not None and chosen.department_id:
            choose(self.department_combo, chosen.department_id)
        self.edited.emit()

    def credit(self) -> tuple[str | None, str | None]:
        return self.staff_combo.currentData(), self.department_combo.currentData()

    def state(self) -> dict[str, Any]:
        staff, department = self.credit()
        return {"credited_staff_id": staff, "credited_department_id": department}

    def restore(self, state: dict[str, Any]) -> None:
        choose(self.staff_combo, state.get("credited_staff_id"))
        choose(self.department_combo, state.get("credited_department_id"))


class BookingSection(QGroupBox):
    """A booking is made on the bookings screen; the wrap-up records the contact and opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapupBooking")
        self.setTitle(self.tr("Booking"))
        self.open_button = QPushButton(self.tr("Open bookings for this customer…"), self)
        self.open_button.setObjectName("openBookingsButton")
        hint = QLabel(self.tr("Book, reschedule or cancel there; record the contact here."), self)
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.open_button)
        layout.addWidget(hint)
