"""A caller whose number is withheld (or unreadable): say so, and offer a search right on the card."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hcrm_desktop.domain.phones import PhoneError
from hcrm_desktop.services.search import PatientHit, search_patients
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.labels import sex_text, vip_text
from hcrm_desktop.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 120


class _SearchEdit(QLineEdit):
    """Down moves into the results, so the keyboard alone finds and opens a customer."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class CallerSearch(QWidget):
    """A heading saying why there is no match, a search field and its results; `chosen(patient_id)`."""

    chosen = Signal(str)
    results_shown = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerSearch")
        self._db = db
        self._runner = runner
        self.hits: tuple[PatientHit, ...] = ()
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.edit = _SearchEdit(self)
        self.edit.setPlaceholderText(self.tr("Name, pinyin initials, phone, national id or customer no."))
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)
        self.edit.down_pressed.connect(self._on_edit_down_pressed)
        self.results = QListWidget(self)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)

    def _on_edit_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        query = self.edit.text().strip()
        if not query:
            self.results.clear()
            return
        self._runner.spawn(self._search(query), key=f"caller-search.{id(self)}", owner=self)

    async def _search(self, query: str) -> None:
        try:
            found = await self._runner.run_db(search_patients, self._db, query, limit=20)
        except (StoreError, PhoneError, ValueError):
            return
        self.hits = found.hits
        self.results.clear()
        for hit in found.hits:
            QListWidgetItem(f"{hit.name}  ·  {sex_text(hit.sex)}  ·  {hit.masked_phone}  ·  {vip_text(hit.vip_level)}",
                            self.results)
        if found.hits:
            self.results.setCurrentRow(0)
        self.results_shown.emit()

    def _on_edit_return_pressed(self) -> None:
        if len(self.hits) >= 1 and self.results.currentRow() >= 0:
            self.chosen.emit(self.hits[self.results.currentRow()].patient_id)

    def _on_edit_down_pressed(self) -> None:
        if self.results.count():
            self.results.setFocus()

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self.hits):
            self.chosen.emit(self.hits[row].patient_id)
