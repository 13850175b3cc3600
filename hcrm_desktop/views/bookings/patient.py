"""Choosing the customer on the bookings screen: search as you type (the customer search service), ↓ into
the results, Enter chooses; the chosen customer is shown below."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hcrm_desktop.services.search import PatientHit, search_patients
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.labels import vip_text
from hcrm_desktop.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 150
RESULTS = 10
HitRole = Qt.ItemDataRole.UserRole


class PatientSearchEdit(QLineEdit):
    """↓ moves into the results."""

    moved_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.moved_down.emit()
            return
        super().keyPressEvent(event)


class PatientPicker(QWidget):
    patient_chosen = Signal(object)  # PatientHit

    def __init__(self, *, db: Database, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner = db, runner
        self.search_edit = PatientSearchEdit(self)
        self.search_edit.setObjectName("bookingPatientSearch")
        self.search_edit.setPlaceholderText(self.tr("Customer: name, phone, last 4 digits, customer no. (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_edit.moved_down.connect(self._on_search_edit_moved_down)
        self.results_list = QListWidget(self)
        self.results_list.setMaximumHeight(90)
        self.results_list.itemActivated.connect(self._on_results_list_item_activated)
        self.patient_label = QLabel(self.tr("No customer chosen."), self)
        self.patient_label.setObjectName("bookingPatient")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results_list)
        layout.addWidget(self.patient_label)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def show_patient(self, hit: PatientHit) -> None:
        self.patient_label.setText(" · ".join((hit.name, hit.customer_no, vip_text(hit.vip_level))))

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        query = self.search_edit.text().strip()
        if not query:
            self.results_list.clear()
            return
        self._runner.spawn(self._search(query), key="bookings.search", owner=self)

    async def _search(self, query: str) -> None:
        try:
            result = await self._runner.run_db(search_patients, self._db, query, limit=RESULTS)
        except ValueError:
            return
        if query != self.search_edit.text().strip():
            return  # typing went on
        self.results_list.clear()
        for hit in result.hits:
            item = QListWidgetItem(" · ".join((hit.name, hit.customer_no, hit.masked_phone, vip_text(hit.vip_level))))
            item.setData(HitRole, hit)
            self.results_list.addItem(item)
        if result.hits:
            self.results_list.setCurrentRow(0)

    def _on_search_edit_moved_down(self) -> None:
        if self.results_list.count():
            self.results_list.setFocus()
            self.results_list.setCurrentRow(max(0, self.results_list.currentRow()))

    def _on_search_edit_return_pressed(self) -> None:
        item = self.results_list.currentItem()
        if item is not None:
            self._on_results_list_item_activated(item)

    def _on_results_list_item_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, PatientHit):
            self.patient_chosen.emit(hit)
