"""An inline message bar: info, warning or error, shown above the content it concerns, closable."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MessageBar(QFrame):
    """Hidden until `show_message()`; the QSS colours it by its `level` property."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setProperty("level", Level.INFO.value)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("messageBarClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.clicked.connect(self._on_close_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def level(self) -> Level:
        return Level(self.property("level"))

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, level: Level = Level.INFO, *, closable: bool = True) -> None:
        self.setProperty("level", level.value)
        for widget in (self, self.label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.label.setText(text)
        self.close_button.setVisible(closable)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def _on_close_button_clicked(self) -> None:
        self.clear()
        self.closed.emit()
