"""Customers (客户): search as you type, then the customer's profile (the call card's profile, no call).

Typing waits ~120 ms for a pause, then searches on the database worker; a newer query cancels the stale
one and a stale result never overwrites a newer one. ↓ moves into the results, Enter opens a profile,
Esc goes back to the results.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.phones import PhoneError
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.overview import count_patients
from hcrm_desktop.services.search import search_patients
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.labels import cti_error_text
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard import ProfileCard
from hcrm_desktop.views.callcard.actions import open_wrapup_window
from hcrm_desktop.views.customers.duplicates import DuplicatesDialog
from hcrm_desktop.views.customers.model import SearchResultsModel

SEARCH_DELAY_MS = 120
SEARCH_LIMIT = 50
COLUMN_WIDTHS = (120, 64, 120, 140, 200, 80, 150)  # the last column (found by) takes the rest


class SearchEdit(QLineEdit):
    """↓ and ↑ move the selection in the results while typing continues here."""

    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class CustomersView(Page):
    changes_made = Signal(object)
    booking_requested = Signal(str)  # patient id, from a wrap-up window's booking section
    results_shown = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession | None = None,
                 bridge: CtiBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_heading(self.tr("Customers"), self.tr("One record per person, with one unique customer id."))
        self._db = db
        self._runner = runner
        self._session = session
        self._bridge = bridge
        self._generation = 0
        self.shown_generation = 0
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_search_page())
        self.pages.addWidget(self._build_profile_page())
        self.body.addWidget(self.pages, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def _build_search_page(self) -> QWidget:
        page = QWidget(self)
        self.search_edit = SearchEdit(page)
        self.search_edit.setObjectName("customerSearch")
        self.search_edit.setPlaceholderText(self.tr(
            "Search: name, pinyin or initials (zw), phone or its last 4 digits, national id, customer no., HIS/PEIS"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_edit.moved.connect(self._on_search_edit_moved)
        self.status_label = QLabel(page)
        self.status_label.setObjectName("hintLabel")
        self.model = SearchResultsModel(self)
        self.table = QTableView(page)
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.activated.connect(self._on_table_activated)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        return page

    def _build_profile_page(self) -> QWidget:
        page = QWidget(self)
        self.back_button = QPushButton(self.tr("← Back to the results"), page)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self._on_back_button_clicked)
        self.profile_card = ProfileCard(db=self._db, runner=self._runner, parent=page)
        self.profile_card.action_requested.connect(self._on_profile_card_action_requested)
        if self._bridge is not None:
            self.profile_card.dial_requested.connect(self._bridge.dial)
            self._bridge.command_failed.connect(self._on_bridge_command_failed)
        self.duplicates_button = QPushButton(self.tr("Duplicates"), page)
        self.duplicates_button.setObjectName("cardAction")
        self.duplicates_button.setToolTip(self.tr("Look for other records of this person (查重)"))
        self.duplicates_button.clicked.connect(self._on_duplicates_button_clicked)
        self.profile_card.header.action_row.addWidget(self.duplicates_button)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.profile_card, 1)
        return page

    # --- searching ---------------------------------------------------------------------------------------

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._generation += 1
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        query = self.search_edit.text().strip()
        if not query:
            self.model.set_hits("", ())
            self.shown_generation = self._generation
            self._show_count()
            return
        self._runner.spawn(self._search(query, self._generation), key="customers.search", owner=self)

    async def _search(self, query: str, generation: int) -> None:
        try:
            result = await self._runner.run_db(search_patients, self._db, query, limit=SEARCH_LIMIT)
        except (PhoneError, ValueError):
            result = None
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        if generation < self.shown_generation or generation != self._generation:
            return  # typing went on: a newer query is on its way
        self.shown_generation = generation
        hits = result.hits if result is not None else ()
        self.model.set_hits(query, hits)
        if hits:
            self.table.selectRow(0)
        count = len(hits)
        self.status_label.setText(self.tr("No customer found for “{query}”.").format(query=query) if not count else
                                  self.tr("{count} found; ↓ ↑ to choose, Enter to open.").format(
                                      count=f"{count}+" if count >= SEARCH_LIMIT else count))
        self.results_shown.emit()

    def _show_count(self) -> None:
        self._runner.spawn(self._load_count(), key="customers.count", owner=self)

    async def _load_count(self) -> None:
        try:
            count = await self._runner.run_db(count_patients, self._db)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        if not self.search_edit.text().strip():
            self.status_label.setText(self.tr("{count} customers in the local database.").format(count=f"{count:,}"))

    def _on_search_edit_moved(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
            self.table.selectRow(max(0, min(rows - 1, current + step)))

    def _on_search_edit_return_pressed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._on_table_activated(index)

    def _on_table_activated(self, index: QModelIndex) -> None:
        patient_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if patient_id:
            self.open_profile(str(patient_id))

    # --- the profile -------------------------------------------------------------------------------------

    def open_profile(self, patient_id: str) -> None:
        self.pages.setCurrentIndex(1)
        self.profile_card.load(patient_id)

    def _on_back_button_clicked(self) -> None:
        self.pages.setCurrentIndex(0)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _on_profile_card_action_requested(self, action: str) -> None:
        profile = self.profile_card.profile
        dialog = open_wrapup_window(action, db=self._db, runner=self._runner, actor_id=self._session.id if self._session
                                    else "", patient_id=profile.patient_id if profile else None,
                                    patient_name=profile.name if profile else "", parent=self.window())
        dialog.saved.connect(lambda _result, changes: self.changes_made.emit(changes))
        dialog.booking_requested.connect(self.booking_requested)

    def _on_duplicates_button_clicked(self) -> None:
        if self.profile_card.profile is None or self._session is None:
            return
        dialog = DuplicatesDialog(db=self._db, runner=self._runner, session=self._session,
                                  profile=self.profile_card.profile, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changes_made.connect(self.changes_made)
        dialog.open()

    def _on_bridge_command_failed(self, command: str, code: str) -> None:
        if command == "dial" and self.isVisible():
            self.message_bar.show_message(self.tr("Dialling did not work: {reason}").format(
                reason=cti_error_text(code)), Level.WARNING)

    def apply_changes(self, changes: Changes) -> None:
        self.profile_card.apply_changes(changes)
        if changes.touches("patients", "patient_phones") and self.search_edit.text().strip():
            self._generation += 1
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.search_edit.text().strip():
            self._show_count()
