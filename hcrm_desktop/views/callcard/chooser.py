"""Several customers share the calling number: a list ranked as the lookup ranked them, picked with the
arrow keys and Enter (or a double click)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hcrm_desktop.services.lookup import PhoneMatch
from hcrm_desktop.services.profile import age_on
from hcrm_desktop.ui.labels import relation_text, sex_text, vip_text
from hcrm_desktop.views.callcard.words import when


class MatchList(QListWidget):
    """Enter or Return picks the current row."""

    picked = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.picked.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class MatchChooser(QWidget):
    chosen = Signal(str)  # patient id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matchChooser")
        self.matches: tuple[PhoneMatch, ...] = ()
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionHeading")
        self.hint = QLabel(self.tr("Ask who is calling; ↑ ↓ to move, Enter to open."), self)
        self.hint.setObjectName("hintLabel")
        self.list = MatchList(self)
        self.list.setObjectName("matchList")
        self.list.picked.connect(self._on_list_picked)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)

    def show_matches(self, matches: tuple[PhoneMatch, ...], today: date) -> None:
        self.matches = matches
        self.heading.setText(self.tr("{count} customers use this number. Who is it about?").format(
            count=len(matches)))
        self.list.clear()
        for match in matches:
            QListWidgetItem(self.row_text(match, today), self.list)
        self.list.setCurrentRow(0)

    def row_text(self, match: PhoneMatch, today: date) -> str:
        parts = [match.name, sex_text(match.sex)]
        age = age_on(match.birth_date, today)
        if age is not None:
            parts.append(self.tr("{age} years").format(age=age))
        parts.append(vip_text(match.vip_level))
        caller = relation_text(match.relation)
        if match.relation != "self" and match.contact_name:
            caller = f"{caller} {match.contact_name}"
        parts.append(self.tr("number of: {who}").format(who=caller))
        if match.last_contact_at is not None:
            parts.append(self.tr("last contact {when}").format(when=when(match.last_contact_at, with_time=False)))
        if match.deceased:
            parts.append(self.tr("deceased"))
        return "  ·  ".join(parts)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_list_picked(self, row: int) -> None:
        if 0 <= row < len(self.matches):
            self.chosen.emit(self.matches[row].patient_id)

    def _on_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        self._on_list_picked(self.list.row(item))
