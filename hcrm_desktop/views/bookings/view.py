"""Bookings (预约): the free-capacity calendar of a checkup package or clinic, the customer, and the actions.

Choose the package or clinic, a day and period in the calendar (arrow keys), the customer (Ctrl+F to
search, ↓ and Enter to choose), then Book (Ctrl+Enter). A booking chosen in the list below can be moved
to the chosen slot (Ctrl+R), cancelled with a reason (Ctrl+Del), marked no-show (Ctrl+Shift+N) or
completed (Ctrl+Shift+D); its confirmation text is shown with Copy (Ctrl+Shift+C). Alt+← / Alt+→ page
the calendar by a week. Refusals (a full slot, a day in the past...) appear next to what caused them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.bookings import BookingError
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services import bookings as service
from hcrm_desktop.services.bookings import BookableResource, BookingResult, BookingRow
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.search import PatientHit, search_patients
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.bookings.calendar import CalendarTable
from hcrm_desktop.views.bookings.capacity import CapacityDialog
from hcrm_desktop.views.bookings.confirmation import ConfirmationPanel
from hcrm_desktop.views.bookings.model import PAGE, ROW_ROLE, BookingsModel
from hcrm_desktop.views.bookings.patient import PatientPicker
from hcrm_desktop.views.bookings.words import error_text, period_text, resource_text

DAYS = 14
HISTORY_DAYS = 30  # a customer's list shows bookings from a month back


class BookingsView(Page):
    changes_made = Signal(object)
    calendar_loaded = Signal()
    bookings_loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._session = session
        self._bridge = bridge
        self.clock: Callable[[], datetime] = datetime.now  # local wall-clock time; tests pin it
        self.start = self.clock().date()
        self.resources: list[BookableResource] = []
        self.patient: PatientHit | None = None
        self._wanted_slot: str | None = None
        self._wanted_booking: str | None = None
        self._interaction_id: str | None = None
        self.set_heading(self.tr("Bookings"), self.tr("Checkup packages and specialist clinics."))
        self.body.addLayout(self._build_top())
        self.calendar = CalendarTable(self)
        self.calendar.selectionModel().selectionChanged.connect(self._on_calendar_selection_changed)
        self.body.addWidget(self.calendar)
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        bottom.addWidget(self._build_actions(), 2)
        bottom.addWidget(self._build_list(), 3)
        self.body.addLayout(bottom, 1)
        self._build_shortcuts()
        self._update_buttons()
        self._runner.spawn(self._load_resources(), key="bookings.resources", owner=self)

    # --- building ----------------------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        self.resource_combo = QComboBox(self)
        self.resource_combo.setObjectName("bookingResource")
        self.resource_combo.setMinimumWidth(220)
        self.resource_combo.currentIndexChanged.connect(self._on_resource_combo_current_index_changed)
        self.previous_button = QPushButton(self.tr("◀ Week"), self)
        self.previous_button.setToolTip(self.tr("Previous week (Alt+←)"))
        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.today_button = QPushButton(self.tr("Today"), self)
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.next_button = QPushButton(self.tr("Week ▶"), self)
        self.next_button.setToolTip(self.tr("Next week (Alt+→)"))
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("hintLabel")
        self.capacity_button = QPushButton(self.tr("Capacity…"), self)
        self.capacity_button.setToolTip(self.tr("Create or change the places per day and period"))
        self.capacity_button.setVisible(self._session.role in (Role.SUPERVISOR, Role.ADMIN))
        self.capacity_button.clicked.connect(self._on_capacity_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.resource_combo)
        for widget in (self.previous_button, self.today_button, self.next_button, self.range_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.capacity_button)
        return top

    def _build_actions(self) -> QWidget:
        box = QWidget(self)
        self.picker = PatientPicker(db=self._db, runner=self._runner, parent=box)
        self.picker.patient_chosen.connect(self._on_picker_patient_chosen)
        self.search_edit = self.picker.search_edit
        self.notes_edit = QLineEdit(box)
        self.notes_edit.setPlaceholderText(self.tr("Notes for the booking (optional)"))
        self.notes_error = self._error_label(box)
        self.book_button = QPushButton(self.tr("Book"), box)
        self.book_button.setObjectName("primaryButton")
        self.book_button.setToolTip(self.tr("Book the chosen slot for the customer (Ctrl+Enter)"))
        self.book_button.clicked.connect(self._on_book_button_clicked)
        self.reschedule_button = QPushButton(self.tr("Move here"), box)
        self.reschedule_button.setToolTip(self.tr("Move the chosen booking to the chosen slot (Ctrl+R)"))
        self.reschedule_button.clicked.connect(self._on_reschedule_button_clicked)
        self.reason_edit = QLineEdit(box)
        self.reason_edit.setPlaceholderText(self.tr("Reason for cancelling"))
        self.reason_error = self._error_label(box)
        self.cancel_button = QPushButton(self.tr("Cancel booking"), box)
        self.cancel_button.setToolTip(self.tr("Cancel the chosen booking (Ctrl+Del)"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.no_show_button = QPushButton(self.tr("No-show"), box)
        self.no_show_button.setToolTip(self.tr("The customer did not come (Ctrl+Shift+N)"))
        self.no_show_button.clicked.connect(self._on_no_show_button_clicked)
        self.completed_button = QPushButton(self.tr("Completed"), box)
        self.completed_button.setToolTip(self.tr("The customer came (Ctrl+Shift+D)"))
        self.completed_button.clicked.connect(self._on_completed_button_clicked)
        self.action_error = self._error_label(box)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.picker, 0, 0, 3, 3)
        grid.addWidget(self.notes_edit, 3, 0, 1, 3)
        grid.addWidget(self.notes_error, 4, 0, 1, 3)
        grid.addWidget(self.book_button, 5, 0)
        grid.addWidget(self.reschedule_button, 5, 1)
        grid.addWidget(self.reason_edit, 6, 0, 1, 2)
        grid.addWidget(self.cancel_button, 6, 2)
        grid.addWidget(self.reason_error, 7, 0, 1, 3)
        grid.addWidget(self.no_show_button, 8, 0)
        grid.addWidget(self.completed_button, 8, 1)
        grid.addWidget(self.action_error, 9, 0, 1, 3)
        grid.setRowStretch(10, 1)
        return box

    def _error_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        return label

    def _build_list(self) -> QWidget:
        box = QWidget(self)
        self.list_label = QLabel(box)
        self.list_label.setObjectName("hintLabel")
        self.bookings_model = BookingsModel(self)
        self.bookings_model.fetch_requested.connect(self._on_bookings_model_fetch_requested)
        self.bookings_table = QTableView(box)
        self.bookings_table.setObjectName("bookingsTable")
        self.bookings_table.setModel(self.bookings_model)
        self.bookings_table.verticalHeader().hide()
        self.bookings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bookings_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bookings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bookings_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.bookings_table.horizontalHeader().setStretchLastSection(True)
        self.bookings_table.selectionModel().selectionChanged.connect(self._on_bookings_table_selection_changed)
        self.confirmation = ConfirmationPanel(db=self._db, runner=self._runner, clock=lambda: self.clock(), parent=box)
        self.confirmation.changes_made.connect(self._on_child_changes_made)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_label)
        layout.addWidget(self.bookings_table, 1)
        layout.addWidget(self.confirmation)
        return box

    def _build_shortcuts(self) -> None:
        keys: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+Return", self._on_book_button_clicked), ("Ctrl+Enter", self._on_book_button_clicked),
            ("Ctrl+R", self._on_reschedule_button_clicked), ("Ctrl+Del", self._on_cancel_button_clicked),
            ("Ctrl+Shift+N", self._on_no_show_button_clicked), ("Ctrl+Shift+D", self._on_completed_button_clicked),
            ("Ctrl+F", self.picker.focus_search), ("Alt+Left", self._on_previous_button_clicked),
            ("Alt+Right", self._on_next_button_clicked),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- public ------------------------------------------------------------------------------------------

    def start_booking(self, patient_id: str, *, interaction_id: str | None = None) -> None:
        """Open the screen with this customer chosen (from the wrap-up form or the call card); a booking
        made next is linked to `interaction_id` (the contact it was made in), if given."""
        self._runner.spawn(self._choose_patient_by_id(patient_id, interaction_id), key="bookings.patient", owner=self)

    @property
    def booking(self) -> BookingRow | None:
        index = self.bookings_table.currentIndex()
        row = self.bookings_model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, BookingRow) else None

    @property
    def resource(self) -> BookableResource | None:
        index = self.resource_combo.currentIndex()
        return self.resources[index] if 0 <= index < len(self.resources) else None

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what this screen shows if `changes` touches it."""
        if changes.touches("slots", "bookings", "patients"):
            self._reload()
        if changes.touches("packages", "departments"):
            self._runner.spawn(self._load_resources(), key="bookings.resources", owner=self)

    # --- loading -----------------------------------------------------------------------------------------

    async def _load_resources(self) -> None:
        try:
            resources = await self._runner.run_db(service.bookable_resources, self._db)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        chosen = self.resource
        self.resources = resources
        self.resource_combo.blockSignals(True)
        self.resource_combo.clear()
        for item in resources:
            self.resource_combo.addItem(f"{resource_text(item.resource)} · {item.name}")
        keep = next((n for n, r in enumerate(resources) if chosen and r.resource_id == chosen.resource_id), 0)
        self.resource_combo.setCurrentIndex(keep if resources else -1)
        self.resource_combo.blockSignals(False)
        self._reload()

    def choose_resource(self, resource_id: str) -> bool:
        index = next((n for n, r in enumerate(self.resources) if r.resource_id == resource_id), -1)
        if index >= 0:
            self.resource_combo.setCurrentIndex(index)
        return index >= 0

    def _reload(self) -> None:
        self._runner.spawn(self._load_calendar(), key="bookings.calendar", owner=self)
        self._runner.spawn(self._load_bookings(), key="bookings.list", owner=self)

    async def _load_calendar(self) -> None:
        resource, start = self.resource, self.start
        end = start + timedelta(days=DAYS - 1)
        self.range_label.setText(f"{start.isoformat()} – {end.isoformat()}")
        if resource is None:
            self.calendar.calendar_model.set_cells(start, DAYS, [])
            return
        chosen = self.calendar.current_cell()
        wanted = self._wanted_slot or (chosen.slot_id if chosen is not None else None)
        cells = await self._runner.run_db(service.calendar, self._db, resource=resource.resource,
                                          resource_id=resource.resource_id, start=start, end=end)
        self.calendar.calendar_model.set_cells(start, DAYS, cells)
        if wanted is not None:
            self.calendar.select_slot(wanted)
        self._wanted_slot = None
        self._update_buttons()
        self.calendar_loaded.emit()

    async def _load_bookings(self, offset: int = 0) -> None:
        query = self._bookings_query()
        rows = await self._runner.run_db(service.list_bookings, self._db, offset=offset, limit=PAGE, **query) \
            if query is not None else []
        if offset:
            self.bookings_model.append_rows(rows)
            return
        current = self.booking
        wanted = self._wanted_booking or (current.booking_id if current is not None else None)
        self.bookings_model.set_rows(rows)
        self._wanted_booking = None
        row = self.bookings_model.row_index(wanted) if wanted else -1
        if row < 0 and self.patient is not None and rows:
            row = next((n for n, r in enumerate(rows) if r.state == "booked"), 0)  # the customer's next booking
        if row >= 0:
            self.bookings_table.selectRow(row)
        else:
            self.confirmation.show_booking(None)
        self.list_label.setText(self._list_caption())
        self._update_buttons()
        self.bookings_loaded.emit()

    def _bookings_query(self) -> dict[str, object] | None:
        """What the list shows: the chosen customer's bookings (all states, from a month back), or else
        what is booked for the chosen package or clinic in the days the calendar shows."""
        today = self.clock().date()
        if self.patient is not None:
            return {"start": today - timedelta(days=HISTORY_DAYS), "patient_id": self.patient.patient_id,
                    "states": ()}
        resource = self.resource
        if resource is None:
            return None
        return {"start": max(self.start, today), "end": self.start + timedelta(days=DAYS - 1),
                "resource": resource.resource, "resource_id": resource.resource_id}

    def _list_caption(self) -> str:
        if self.patient is not None:
            return self.tr("Bookings of {name}").format(name=self.patient.name)
        return self.tr("Booked in these two weeks")

    def _on_bookings_model_fetch_requested(self, offset: int) -> None:
        self._runner.spawn(self._load_bookings(offset), key="bookings.more", owner=self)

    # --- the customer ------------------------------------------------------------------------------------

    def _on_picker_patient_chosen(self, hit: PatientHit) -> None:
        self._choose_patient(hit)

    async def _choose_patient_by_id(self, patient_id: str, interaction_id: str | None) -> None:
        result = await self._runner.run_db(search_patients, self._db, patient_id, limit=1)
        if result.hits:
            self._choose_patient(result.hits[0])
            self._interaction_id = interaction_id
        else:
            self._show_error("patient", "patient_not_found")

    def _choose_patient(self, hit: PatientHit) -> None:
        if self.patient is not None and self.patient.patient_id != hit.patient_id:
            self._interaction_id = None  # the contact belonged to the customer chosen before
        self.patient = hit
        self.picker.show_patient(hit)
        self._clear_errors()
        self.calendar.setFocus()
        self._runner.spawn(self._load_bookings(), key="bookings.list", owner=self)

    # --- choosing ----------------------------------------------------------------------------------------

    def _on_resource_combo_current_index_changed(self, _index: int) -> None:
        self._reload()

    def _on_previous_button_clicked(self) -> None:
        self._move_start(self.start - timedelta(days=7))

    def _on_next_button_clicked(self) -> None:
        self._move_start(self.start + timedelta(days=7))

    def _on_today_button_clicked(self) -> None:
        self._move_start(self.clock().date())

    def _move_start(self, start: date) -> None:
        self.start = max(start, self.clock().date() - timedelta(days=7))
        self._reload()

    def _on_calendar_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _on_bookings_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        booking = self.booking
        self.confirmation.show_booking(booking.booking_id if booking is not None else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        cell = self.calendar.current_cell()
        booking = self.booking
        active = booking is not None and booking.state == "booked"
        self.book_button.setEnabled(cell is not None and self.patient is not None)
        self.reschedule_button.setEnabled(cell is not None and active)
        for button in (self.cancel_button, self.no_show_button, self.completed_button):
            button.setEnabled(active)

    # --- actions -----------------------------------------------------------------------------------------

    def _on_book_button_clicked(self) -> None:
        cell = self.calendar.current_cell()
        if self.patient is None:
            self._show_error("patient", "no_patient")
        elif cell is None:
            self._show_error("slot", "no_slot")
        else:
            self._run(service.book, actor_id=self._session.id, patient_id=self.patient.patient_id,
                      slot_id=cell.slot_id, notes=self.notes_edit.text(), interaction_id=self._interaction_id)

    def _on_reschedule_button_clicked(self) -> None:
        cell, booking = self.calendar.current_cell(), self.booking
        if booking is None:
            self._show_error("booking", "no_booking")
        elif cell is None:
            self._show_error("slot", "no_slot")
        else:
            self._run(service.reschedule, actor_id=self._session.id, booking_id=booking.booking_id,
                      slot_id=cell.slot_id, notes=self.notes_edit.text())

    def _on_cancel_button_clicked(self) -> None:
        self._on_booking_action(service.cancel, reason=self.reason_edit.text())

    def _on_no_show_button_clicked(self) -> None:
        self._on_booking_action(service.mark_no_show)

    def _on_completed_button_clicked(self) -> None:
        self._on_booking_action(service.mark_completed)

    def _on_booking_action(self, action: Callable[..., tuple[BookingResult, Changes]], **values: str) -> None:
        booking = self.booking
        if booking is None:
            self._show_error("booking", "no_booking")
            return
        self._run(action, actor_id=self._session.id, booking_id=booking.booking_id, **values)

    def _run(self, action: Callable[..., tuple[BookingResult, Changes]], **values: str | None) -> None:
        self._clear_errors()
        self._runner.spawn(self._write(action, values), key="bookings.write", owner=self)

    async def _write(self, action: Callable[..., tuple[BookingResult, Changes]], values: dict[str, str | None]) -> None:
        try:
            result, changes = await self._runner.run_db(action, self._db, now=self.clock(), **values)
        except BookingError as error:
            self._show_error(error.field, error.code)
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self._after_write(action, result)
        self.changes_made.emit(changes)
        self._reload()

    def _after_write(self, action: Callable[..., object], result: BookingResult) -> None:
        self._wanted_booking, self._wanted_slot = result.booking_id, result.slot_id
        if action in (service.book, service.reschedule):
            self.notes_edit.clear()
        if action is service.cancel:
            self.reason_edit.clear()
        name = self.patient.name if self.patient is not None else ""
        words = {service.book: self.tr("Booked: {name}, {day} {period}."),
                 service.reschedule: self.tr("Moved: {name}, now {day} {period}."),
                 service.cancel: self.tr("Cancelled: {name}, {day} {period}."),
                 service.mark_no_show: self.tr("Marked as no-show: {day} {period}."),
                 service.mark_completed: self.tr("Marked as completed: {day} {period}.")}
        self.message_bar.show_message(words.get(action, "{day}").format(
            name=name, day=result.day.isoformat(), period=period_text(result.period)), Level.INFO)

    def _on_child_changes_made(self, changes: Changes) -> None:
        self.changes_made.emit(changes)
        self._runner.spawn(self._load_bookings(), key="bookings.list", owner=self)

    # --- messages ----------------------------------------------------------------------------------------

    def _show_error(self, field: str, code: str) -> None:
        label = {"notes": self.notes_error, "reason": self.reason_error}.get(field, self.action_error)
        label.setText(error_text(code))
        label.show()
        focus = {"notes": self.notes_edit, "reason": self.reason_edit, "patient": self.search_edit,
                 "slot": self.calendar}.get(field)
        if focus is not None:
            focus.setFocus()

    def _clear_errors(self) -> None:
        for label in (self.notes_error, self.reason_error, self.action_error):
            label.clear()
            label.hide()

    def _on_capacity_button_clicked(self) -> None:
        resource = self.resource
        if resource is None:
            return
        dialog = CapacityDialog(db=self._db, runner=self._runner, session=self._session, resource=resource,
                                start=self.start, today=self.clock().date(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changes_made.connect(self._on_child_changes_made)
        dialog.changes_made.connect(lambda _changes: self._reload())
        dialog.open()
