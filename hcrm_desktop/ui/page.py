"""Building blocks every screen shares: the page frame with its title, stat cards, "coming soon" panels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from hcrm_desktop.ui.messagebar import MessageBar


class Page(QWidget):
    """A screen: a title, an optional subtitle, an inline message bar, then the content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.hide()
        self.message_bar = MessageBar(self)
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addWidget(self.message_bar)
        layout.addSpacing(8)
        layout.addLayout(self.body, 1)

    @property
    def title(self) -> str:
        return self.title_label.text()

    def set_heading(self, title: str, subtitle: str = "") -> None:
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))


class StatCard(QFrame):
    """One figure with its caption; shows "…" until the value arrives."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.value_label = QLabel("…", self)
        self.value_label.setObjectName("statValue")
        self.caption_label = QLabel(caption, self)
        self.caption_label.setObjectName("statCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int | str) -> None:
        self.value_label.setText(f"{value:,}" if isinstance(value, int) else value)


def card_grid(cards: Sequence[QWidget], *, columns: int = 4) -> QGridLayout:
    grid = QGridLayout()
    grid.setSpacing(16)
    for index, card in enumerate(cards):
        grid.addWidget(card, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)  # a lone card keeps a card's width
    return grid


class ComingSoon(QFrame):
    """A placeholder panel that says plainly what this screen will do in a later version."""

    def __init__(self, heading: str, items: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comingSoon")
        self.heading_label = QLabel(heading, self)
        self.heading_label.setObjectName("comingSoonHeading")
        self.heading_label.setWordWrap(True)
        self.items_label = QLabel("\n".join(f"•  {item}" for item in items), self)
        self.items_label.setObjectName("comingSoonItems")
        self.items_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.items_label)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
