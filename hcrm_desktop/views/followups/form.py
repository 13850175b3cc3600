"""A questionnaire as a form, built from its template: one row per question, with the template's skip logic
(rows appear and disappear as answers change) and the error of a question shown under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hcrm_desktop.domain.questionnaire import Question, Questionnaire
from hcrm_desktop.views.followups.words import error_text


class QuestionRow(QWidget):
    """The input of one question and its error line. Choices, scales and yes/no are combo boxes (type the
    first letter or digit to choose); numbers and text are line edits."""

    changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.combo: QComboBox | None = None
        self.edit: QLineEdit | None = None
        self.values: list[Any] = []
        if question.type in ("choice", "scale", "yes_no"):
            self.combo = QComboBox(self)
            self.combo.setObjectName(f"answer_{question.id}")
            for text, value in self._choices():
                self.combo.addItem(text)
                self.values.append(value)
            self.combo.currentIndexChanged.connect(self.changed)
        else:
            self.edit = QLineEdit(self)
            self.edit.setObjectName(f"answer_{question.id}")
            if question.type == "number":
                self.edit.setPlaceholderText(self._range_text())
            self.edit.textChanged.connect(self.changed)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.focus_widget())
        layout.addWidget(self.error_label)

    def _choices(self) -> list[tuple[str, Any]]:
        q = self.question
        blank = [("", None)]
        if q.type == "yes_no":
            return blank + [(self.tr("Yes"), True), (self.tr("No"), False)]
        if q.type == "scale":
            low, high = int(q.minimum or 1), int(q.maximum or 5)
            labels = list(q.labels)
            return blank + [(f"{v}  {labels[i]}" if i < len(labels) else str(v), v)
                            for i, v in enumerate(range(low, high + 1))]  # fmt: skip
        return blank + [(option, option) for option in q.options]

    def _range_text(self) -> str:
        q = self.question
        return f"{q.minimum:g}–{q.maximum:g} {q.unit}".strip() if q.minimum is not None and q.maximum is not None else ""

    def focus_widget(self) -> QWidget:
        return self.combo or self.edit  # type: ignore[return-value]

    def value(self) -> Any:
        if self.combo is not None:
            return self.values[self.combo.currentIndex()] if self.combo.currentIndex() >= 0 else None
        text = (self.edit.text() if self.edit else "").strip()
        if not text:
            return None
        if self.question.type == "number":
            try:
                return float(text) if any(c in text for c in ".eE") else int(text)
            except ValueError:
                return text  # the service says not_a_number, next to this row
        return text

    def set_value(self, value: Any) -> None:
        if self.combo is not None:
            self.combo.setCurrentIndex(self.values.index(value) if value in self.values else 0)
        elif self.edit is not None:
            self.edit.setText("" if value is None else f"{value:g}" if isinstance(value, float) else str(value))

    def show_error(self, code: str | None) -> None:
        self.error_label.setText(error_text(code) if code else "")
        self.error_label.setVisible(bool(code))


class QuestionnaireForm(QWidget):
    """`set_questionnaire()` builds the rows; `answers()` gives the visible questions' answers."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaireForm")
        self.questionnaire: Questionnaire | None = None
        self.rows: dict[str, QuestionRow] = {}
        self.labels: dict[str, QLabel] = {}
        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.layout_ = QFormLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.title_label)
        outer.addLayout(self.layout_)

    def set_questionnaire(self, questionnaire: Questionnaire | None) -> None:
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.rows, self.labels, self.questionnaire = {}, {}, questionnaire
        self.title_label.setText(questionnaire.name if questionnaire else "")
        self.setVisible(questionnaire is not None)
        for question in questionnaire.questions if questionnaire else ():
            row = QuestionRow(question, self)
            row.changed.connect(self._on_row_changed)
            label = QLabel(question.text, self)
            label.setWordWrap(True)
            label.setBuddy(row.focus_widget())
            self.layout_.addRow(label, row)
            self.rows[question.id], self.labels[question.id] = row, label
        self._apply_skip_logic()

    def _on_row_changed(self) -> None:
        self._apply_skip_logic()
        self.changed.emit()

    def _raw(self) -> dict[str, Any]:
        return {qid: row.value() for qid, row in self.rows.items() if row.value() is not None}

    def _apply_skip_logic(self) -> None:
        if self.questionnaire is None:
            return
        visible = {q.id for q in self.questionnaire.visible_questions(self._raw())}
        for qid, row in self.rows.items():
            self.layout_.setRowVisible(row, qid in visible)

    def answers(self) -> dict[str, Any]:
        """The answers of the questions shown, blanks left out (the service says which are required)."""
        if self.questionnaire is None:
            return {}
        raw = self._raw()
        return {q.id: raw[q.id] for q in self.questionnaire.visible_questions(raw) if q.id in raw}

    def set_answer(self, question_id: str, value: Any) -> None:
        self.rows[question_id].set_value(value)

    def is_visible_question(self, question_id: str) -> bool:
        return self.questionnaire is not None and question_id in {
            q.id for q in self.questionnaire.visible_questions(self._raw())}

    def show_error(self, question_id: str, code: str) -> None:
        self.clear_errors()
        row = self.rows.get(question_id)
        if row is not None:
            row.show_error(code)
            row.focus_widget().setFocus()

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.show_error(None)

    def first_input(self) -> QWidget | None:
        return next(iter(self.rows.values())).focus_widget() if self.rows else None
