"""The supervisor's dialog for the segmentation thresholds. Ctrl+Enter saves, Esc cancels (asks if changed);
a wrong value is named next to its field."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics.segments import ThresholdError, Thresholds, explain_thresholds, save_thresholds
from hcrm_desktop.views.analytics.words import error_text

INT_FIELDS = ("window_days", "recent_days", "lapsed_days", "core_frequency", "long_term_visits")


class ThresholdDialog(QDialog):
    def __init__(self, thresholds: Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Segmentation thresholds"))
        self._original = thresholds
        self.saved: Thresholds | None = None
        self._discard_asked = False
        labels = {
            "window_days": self.tr("Window (days)"), "recent_days": self.tr("Recent: seen within (days)"),
            "lapsed_days": self.tr("Drifting / lapsed: not seen for more than (days)"),
            "core_frequency": self.tr("Core: at least this many visits"),
            "long_term_visits": self.tr("Long-term: at least this many visits"),
        }  # fmt: skip
        self.fields: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in INT_FIELDS:
            box = QSpinBox(self)
            box.setRange(1, 3650)
            box.setValue(int(getattr(thresholds, name)))
            self._add(form, name, labels[name], box)
        money = QDoubleSpinBox(self)
        money.setRange(0, 10_000_000)
        money.setDecimals(0)
        money.setPrefix("¥")
        money.setValue(thresholds.core_monetary_fen / 100)
        self._add(form, "core_monetary_fen", self.tr("Core: spent at least"), money)
        factor = QDoubleSpinBox(self)
        factor.setRange(0.5, 20)
        factor.setSingleStep(0.1)
        factor.setDecimals(1)
        factor.setValue(thresholds.churn_interval_factor)
        self._add(form, "churn_interval_factor", self.tr("Churn risk: overdue by × usual interval"), factor)
        self.preview = QLabel(explain_thresholds(thresholds), self)
        self.preview.setWordWrap(True)
        self.preview.setObjectName("hintLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self._on_buttons_accepted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.fields["window_days"].setFocus()

    def _add(self, form: QFormLayout, name: str, label: str, box: QSpinBox | QDoubleSpinBox) -> None:
        error = QLabel(self)
        error.setObjectName("fieldError")
        error.hide()
        self.fields[name] = box
        self.errors[name] = error
        box.valueChanged.connect(self._on_field_value_changed)
        form.addRow(label, box)
        form.addRow("", error)

    def values(self) -> Thresholds:
        ints = {name: int(self.fields[name].value()) for name in INT_FIELDS}
        money = int(round(self.fields["core_monetary_fen"].value() * 100))
        return replace(self._original, **ints, core_monetary_fen=money,
                       churn_interval_factor=float(self.fields["churn_interval_factor"].value()))

    def _on_field_value_changed(self, _value: float) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            self.preview.setText(explain_thresholds(self.values().validated()))
        except ThresholdError as exc:
            self._show_error(exc)

    def _show_error(self, exc: ThresholdError) -> None:
        label = self.errors.get(exc.field)
        if label is not None:
            label.setText(error_text(exc.code))
            label.show()

    def _on_buttons_accepted(self) -> None:
        try:
            self.saved = self.values().validated()
            save_thresholds(self.saved)
        except ThresholdError as exc:
            self._show_error(exc)
            self.fields.get(exc.field, self.fields["window_days"]).setFocus()
            return
        self.accept()

    def reject(self) -> None:
        """Esc or Cancel; with changes, the first one asks (inline) and the second one discards."""
        if self.values() != self._original and not self._discard_asked:
            self._discard_asked = True
            self.preview.setText(self.tr("The thresholds were changed. Press Esc again to discard the changes, "
                                         "or Ctrl+Enter to save them."))
            return
        super().reject()

    def keyPressEvent(self, event: object) -> None:  # Esc goes through reject() (asks when changed)
        key = getattr(event, "key", lambda: None)()
        if key == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
