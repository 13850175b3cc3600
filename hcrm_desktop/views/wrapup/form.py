"""The wrap-up form (接触记录): type, category, disposition, notes, and per type the complaint case, praise
credit or a way to the bookings screen. Non-modal: docked in the call card, or in a window of its own for
walk-ins, messages and wrap-ups left from an earlier session.

Keys: Alt+1..Alt+5 choose the type (installed by the host with `install_type_shortcuts`), Ctrl+Enter saves,
Esc cancels (asks first when something was typed). What is typed is saved as a draft a moment after each
change and when the form hides, so a crash or a closed window loses nothing; opening the same draft key
again restores it. A call's draft also carries the call (see `services.drafts`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.categories import CategoryTree, default_categories
from hcrm_desktop.domain.enums import Channel, InteractionType
from hcrm_desktop.services.drafts import WRAPUP_KIND, discard_draft, load_draft, update_draft
from hcrm_desktop.services.recording import (
    FIRST_CONTACT_DISPOSITIONS,
    SUMMARY_MAX,
    FormChoices,
    WrapUp,
    WrapUpError,
    form_choices,
    record_interaction,
    validate_wrapup,
)
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.wrapup.contact import ContactContext
from hcrm_desktop.views.wrapup.sections import (
    BookingSection,
    ComplaintSection,
    FieldGrid,
    PraiseSection,
    choose,
    fill_combo,
    flat_categories,
)
from hcrm_desktop.views.wrapup.words import (
    TYPE_KEYS,
    TYPES,
    channel_text,
    duration_text,
    error_text,
    language,
    type_text,
)

AUTOSAVE_MS = 2000
# The chosen type stands out like the timeline's filter chips (app.qss has no rule for these buttons yet).
TYPE_STYLE = ("QPushButton#wrapupType { padding: 4px 6px; }"
              "QPushButton#wrapupType:checked { background: #0e7c86; border-color: #0e7c86; color: #ffffff; }")
FIELD_ORDER = ("type", "category", "disposition", "remote_number", "credited_staff_id", "credited_department_id",
               "complaint.subject", "complaint.severity", "complaint.department_id", "complaint.staff_involved",
               "complaint.description", "summary")


class WrapUpForm(QFrame):
    """`saved(RecordedInteraction, Changes)` after a save; `finished()` after a save or a cancel (the host
    hides the form); `booking_requested(patient_id)` from the booking section."""

    saved = Signal(object, object)
    finished = Signal()
    booking_requested = Signal(str)
    draft_saved = Signal()
    loaded = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, actor_id: str, draft_key: str,
                 context: ContactContext | None = None, standalone: bool = False, tree: CategoryTree | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapupForm")
        self.setStyleSheet(TYPE_STYLE)
        self._db = db
        self._runner = runner
        self._actor_id = actor_id
        self._tree = tree or default_categories()
        self.draft_key = draft_key
        self.context = context or ContactContext(channel=Channel.WALK_IN.value if standalone else Channel.PHONE.value)
        self.standalone = standalone
        self.opened_at = datetime.now().replace(microsecond=0)
        self.type = ""
        self.dirty = False  # typed since opened, restored or saved
        self.saving = False
        self.surviving_id: str | None = None
        self._unsaved_draft = False
        self._restored = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft_now)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._show_times)
        self._build()
        self._show_context()
        self._runner.spawn(self._load(), key=f"wrapup.load.{id(self)}", owner=self)

    # --- building ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(self.tr("Wrap-up"), self)
        heading.setObjectName("sectionHeading")
        self.patient_label = QLabel(self)
        self.patient_label.setObjectName("wrapupPatient")
        self.time_label = QLabel(self)
        self.time_label.setObjectName("hintLabel")
        self.message_bar = MessageBar(self)
        self.surviving_button = QPushButton(self.tr("Use the record that remains"), self)
        self.surviving_button.hide()
        self.surviving_button.clicked.connect(self._on_surviving_button_clicked)
        self.type_group = QButtonGroup(self)
        self.type_group.setExclusive(True)
        self.type_buttons: dict[str, QPushButton] = {}
        types_row = QHBoxLayout()
        types_row.setSpacing(4)
        for code in TYPES:
            button = QPushButton(type_text(code), self)
            button.setObjectName("wrapupType")
            button.setCheckable(True)
            button.setMinimumWidth(48)  # five in a row fit the docked form whatever the language
            native = QKeySequence(TYPE_KEYS[code]).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(native)
            button.clicked.connect(lambda _checked=False, c=code: self.set_type(c, edited=True))
            self.type_group.addButton(button)
            self.type_buttons[code] = button
            types_row.addWidget(button)
        self.channel_combo = QComboBox(self)
        for code in (Channel.WALK_IN, Channel.PHONE, Channel.SMS, Channel.WECHAT, Channel.WEB):
            self.channel_combo.addItem(channel_text(code.value), code.value)
        self.remote_edit = QLineEdit(self)
        self.remote_edit.setPlaceholderText(self.tr("Contact number, optional"))
        self.category_combo = QComboBox(self)
        self.disposition_combo = QComboBox(self)
        self.first_contact_check = QCheckBox(self.tr("Resolved in this contact"), self)
        self.grid = FieldGrid(self)
        self.grid.add("type", "", QWidget(self)).hide()
        if self.standalone:
            self.grid.add("channel", self.tr("Channel"), self.channel_combo)
            self.grid.add("remote_number", self.tr("Number"), self.remote_edit)
        else:
            self.channel_combo.hide()
            self.remote_edit.hide()
        self.grid.add("category", self.tr("Category"), self.category_combo)
        self.grid.add("disposition", self.tr("Disposition"), self.disposition_combo)
        self.praise = PraiseSection(self)
        self.complaint = ComplaintSection(self)
        self.booking = BookingSection(self)
        self.booking.open_button.clicked.connect(self._on_booking_open_button_clicked)
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setObjectName("wrapupSummary")
        self.summary_edit.setPlaceholderText(self.tr("What the customer wanted and what you did"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_count = QLabel(self)
        self.summary_count.setObjectName("hintLabel")
        self.notes_grid = FieldGrid(self)
        self.notes_grid.add("summary", self.tr("Notes"), self.summary_edit)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"), self)
        self.save_button.setObjectName("wrapupSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.clicked.connect(self.request_cancel)
        self._layout(heading, types_row)
        self._connect_edits()
        for keys, slot in (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save), ("Escape", self.request_cancel)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_sections()

    def _layout(self, heading: QLabel, types_row: QHBoxLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.time_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_count)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.patient_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.surviving_button)
        layout.addLayout(types_row)
        layout.addLayout(self.grid)
        layout.addWidget(self.first_contact_check)
        for section in (self.praise, self.complaint, self.booking):
            layout.addWidget(section)
        layout.addLayout(self.notes_grid, 1)
        layout.addLayout(buttons)

    def _connect_edits(self) -> None:
        self.category_combo.activated.connect(self._on_field_edited)
        self.disposition_combo.activated.connect(self._on_disposition_combo_activated)
        self.channel_combo.activated.connect(self._on_field_edited)
        self.remote_edit.textEdited.connect(self._on_field_edited)
        self.first_contact_check.clicked.connect(self._on_field_edited)
        self.summary_edit.textChanged.connect(self._on_summary_edit_text_changed)
        self.praise.edited.connect(self._on_field_edited)
        self.complaint.edited.connect(self._on_field_edited)

    # --- the type and its lists --------------------------------------------------------------------------

    def set_type(self, code: str, *, edited: bool = False) -> None:
        """Choose the type (a type button, Alt+1..5, or the host opening the form for an action)."""
        if code not in TYPES:
            return
        changed = code != self.type
        self.type = code
        self.type_buttons[code].setChecked(True)
        if changed:
            lang = language()
            categories = [(c.code, ("    " * depth) + c.name(lang)) for c, depth in flat_categories(self._tree, code)]
            placeholder = self.tr("— none for this type —") if not categories else self.tr("— choose —")
            fill_combo(self.category_combo, [(None, placeholder), *categories])
            self.category_combo.setEnabled(bool(categories))
            dispositions = [(d.code, d.name(lang)) for d in self._tree.dispositions_for(code)]
            fill_combo(self.disposition_combo, [(None, self.tr("— choose —")), *dispositions])
            own = [d.code for d in self._tree.dispositions_for(code) if d.types == {code}]
            if len(own) == 1:  # e.g. complaint: "complaint case opened", one key less to press
                choose(self.disposition_combo, own[0])
                self.first_contact_check.setChecked(own[0] in FIRST_CONTACT_DISPOSITIONS)
            self._show_sections()
        if edited:
            self._on_field_edited()
        self.focus_first_field()

    def _show_sections(self) -> None:
        self.praise.setVisible(self.type == InteractionType.PRAISE)
        self.complaint.setVisible(self.type == InteractionType.COMPLAINT)
        self.booking.setVisible(self.type == InteractionType.BOOKING)
        self.booking.open_button.setEnabled(bool(self.context.patient_id))

    def focus_first_field(self) -> None:
        if not self.type:
            self.type_buttons["consultation"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.standalone and self.channel_combo.isVisible():
            self.channel_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.category_combo.isEnabled():
            self.category_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.disposition_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- context (the call, the customer) ----------------------------------------------------------------

    def set_context(self, context: ContactContext) -> None:
        if context.patient_id != self.context.patient_id:
            self.surviving_button.hide()
        self.context = context
        self._show_context()
        self._show_sections()

    def _show_context(self) -> None:
        who = self.context.patient_name or self.tr("No customer linked")
        self.patient_label.setText(self.tr("Customer: {who}").format(who=who))
        if not self.standalone:
            choose(self.channel_combo, self.context.channel)
        self._show_times()

    def handle_seconds(self, now: datetime | None = None) -> int | None:
        start = self.context.answered_at or (None if self.context.call_id else self.opened_at)
        if start is None:
            return None
        end = self.context.ended_at or now or datetime.now()
        return max(0, int((end - start).total_seconds()))

    def _show_times(self) -> None:
        seconds = self.handle_seconds()
        if self.context.call_id and self.context.ended_at is not None:
            text = self.tr("Handle time {time} · call ended").format(time=duration_text(seconds))
        else:
            text = self.tr("Handle time {time}").format(time=duration_text(seconds))
        self.time_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_times()
        self._clock.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clock.stop()
        if self._unsaved_draft:
            self.save_draft_now()

    # --- reading and restoring ---------------------------------------------------------------------------

    def wrapup(self) -> WrapUp:
        staff, department = self.praise.credit() if self.type == InteractionType.PRAISE else (None, None)
        channel = str(self.channel_combo.currentData()) if self.standalone else self.context.channel
        remote = self.remote_edit.text().strip() if self.standalone else self.context.remote
        return WrapUp(
            type=self.type, category=self.category_combo.currentData(),
            disposition=self.disposition_combo.currentData(), summary=self.summary_edit.toPlainText().strip(),
            patient_id=self.context.patient_id, channel=channel, direction=self.context.direction,
            call_id=self.context.call_id, remote_number=remote or None,
            started_at=self.context.answered_at or (None if self.context.call_id else self.opened_at),
            ended_at=self.context.ended_at, resolved_first_contact=self.first_contact_check.isChecked(),
            credited_staff_id=staff, credited_department_id=department,
            complaint=self.complaint.details() if self.type == InteractionType.COMPLAINT else None,
        )  # fmt: skip

    def state(self) -> dict[str, Any]:
        """What was typed, as JSON for the draft."""
        return {
            "type": self.type, "category": self.category_combo.currentData(),
            "disposition": self.disposition_combo.currentData(), "summary": self.summary_edit.toPlainText(),
            "first_contact": self.first_contact_check.isChecked(), "channel": self.channel_combo.currentData(),
            "remote_number": self.remote_edit.text(), "patient_id": self.context.patient_id,
            "patient_name": self.context.patient_name, "opened_at": self.opened_at.isoformat(),
            "complaint": self.complaint.state(), **self.praise.state(),
        }  # fmt: skip

    def restore(self, state: dict[str, Any]) -> None:
        if state.get("type") in TYPES and not self.type:  # a type the host chose just now wins
            self.set_type(str(state["type"]))
        choose(self.category_combo, state.get("category"))
        choose(self.disposition_combo, state.get("disposition"))
        self.summary_edit.blockSignals(True)
        self.summary_edit.setPlainText(str(state.get("summary") or ""))
        self.summary_edit.blockSignals(False)
        self._show_count()
        self.first_contact_check.setChecked(bool(state.get("first_contact")))
        if self.standalone:
            choose(self.channel_combo, state.get("channel"))
            self.remote_edit.setText(str(state.get("remote_number") or ""))
            if state.get("patient_id") and not self.context.patient_id:
                self.set_context(replace(self.context, patient_id=str(state["patient_id"]),
                                         patient_name=str(state.get("patient_name") or "")))
        if state.get("opened_at"):
            self.opened_at = datetime.fromisoformat(str(state["opened_at"]))
        self.complaint.restore(dict(state.get("complaint") or {}))
        self.praise.restore(state)
        self._restored = True

    async def _load(self) -> None:
        try:
            choices = await self._runner.run_db(form_choices, self._db)
            draft = await self._runner.run_db(load_draft, self._db, self.draft_key)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self._set_choices(choices)
        form = (draft.payload.get("form") if draft else None) or {}
        if form and not self.dirty:
            self.restore(form)
            self.message_bar.show_message(self.tr("What you typed earlier is back."), Level.INFO)
        self.loaded.emit()

    def _set_choices(self, choices: FormChoices) -> None:
        self.praise.set_choices(choices)
        self.complaint.set_choices(choices)

    # --- typing and the draft ----------------------------------------------------------------------------

    def _on_field_edited(self, *_args: Any) -> None:
        self.dirty = True
        self._unsaved_draft = True
        if not self._autosave.isActive():
            self._autosave.start()

    def _on_disposition_combo_activated(self, _index: int) -> None:
        self.first_contact_check.setChecked(self.disposition_combo.currentData() in FIRST_CONTACT_DISPOSITIONS)
        self._on_field_edited()

    def _on_summary_edit_text_changed(self) -> None:
        self._show_count()
        self._on_field_edited()

    def _show_count(self) -> None:
        self.summary_count.setText(f"{len(self.summary_edit.toPlainText())}/{SUMMARY_MAX}")

    def save_draft_now(self) -> None:
        """Write the draft now (off the UI thread; the write outlives this form if it is closing)."""
        self._autosave.stop()
        if not self._unsaved_draft:
            return
        self._unsaved_draft = False
        self._runner.spawn(self._write_draft(self.state()))  # no owner: it must finish even if we are gone

    async def _write_draft(self, state: dict[str, Any]) -> None:
        try:
            await self._runner.run_db(update_draft, self._db, self.draft_key, WRAPUP_KIND, self._actor_id or None,
                                      "form", state, merge=False)
        except StoreError:
            return  # the next autosave tries again; the form still holds the text
        if shiboken6.isValid(self):  # the last write of a form that has closed meanwhile
            self.draft_saved.emit()

    # --- saving and cancelling ---------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        for grid in (self.grid, self.notes_grid, self.praise.grid, self.complaint.grid):
            grid.show_errors(errors)
        patient_code = errors.get("patient_id")
        if patient_code:
            self.message_bar.show_message(error_text(patient_code), Level.ERROR)
        if errors.get("type"):
            self.message_bar.show_message(self.tr("Choose the type of contact (Alt+1 to Alt+5)."), Level.ERROR)

    def _focus_field(self, errors: dict[str, str]) -> None:
        widgets: dict[str, QWidget] = {
            "category": self.category_combo, "disposition": self.disposition_combo, "remote_number": self.remote_edit,
            "credited_staff_id": self.praise.staff_combo, "credited_department_id": self.praise.department_combo,
            "complaint.subject": self.complaint.subject_edit, "complaint.severity": self.complaint.severity_combo,
            "complaint.department_id": self.complaint.department_combo,
            "complaint.staff_involved": self.complaint.staff_edit,
            "complaint.description": self.complaint.description_edit, "summary": self.summary_edit,
        }  # fmt: skip
        first = next((f for f in FIELD_ORDER if f in errors and f in widgets), None)
        if first is not None:
            widgets[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if self.saving:
            return
        draft = self.wrapup()
        errors = validate_wrapup(draft, tree=self._tree)
        self.show_errors(errors)
        if errors:
            self._focus_field(errors)
            return
        self.message_bar.clear()
        self._runner.spawn(self._save(draft), key=f"wrapup.save.{id(self)}", owner=self)

    async def _save(self, draft: WrapUp) -> None:
        self.saving = True
        self.save_button.setEnabled(False)
        try:
            result, changes = await self._runner.run_db(record_interaction, self._db, actor_id=self._actor_id,
                                                        draft=draft, tree=self._tree)
        except WrapUpError as exc:
            self._show_save_error(exc)
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        finally:
            self.saving = False
            self.save_button.setEnabled(True)
        self._autosave.stop()
        self.dirty = self._unsaved_draft = False
        await self._runner.run_db(discard_draft, self._db, self.draft_key)
        self.saved.emit(result, changes)
        self.finished.emit()

    def _show_save_error(self, exc: WrapUpError) -> None:
        self.show_errors(exc.errors)
        self._focus_field(exc.errors)
        self.surviving_id = exc.surviving_id
        self.surviving_button.setVisible(exc.code == "patient_merged" and exc.surviving_id is not None)

    def _on_surviving_button_clicked(self) -> None:
        if self.surviving_id:
            self.set_context(replace(self.context, patient_id=self.surviving_id))
            self.message_bar.show_message(self.tr("The contact will be filed under the record that remains."))
            self._on_field_edited()

    def _on_booking_open_button_clicked(self) -> None:
        if self.context.patient_id:
            self.booking_requested.emit(self.context.patient_id)

    def request_cancel(self) -> None:
        """Esc: close the form; when something was typed, ask first (what was typed is then discarded)."""
        if not self.dirty:
            self.finished.emit()
            return
        self._runner.spawn(self._confirm_cancel(), key=f"wrapup.cancel.{id(self)}", owner=self)

    async def _confirm_cancel(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the wrap-up?"),
                          self.tr("Discard what you typed in this wrap-up?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("discardWrapUp")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        await ask(box)
        if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Discard:
            return
        self.discard()

    def discard(self) -> None:
        """Forget what was typed (the call, if any, stays waiting for its wrap-up) and close."""
        self._autosave.stop()
        self.dirty = self._unsaved_draft = False
        self._runner.spawn(self._clear_form_draft())
        self.finished.emit()

    async def _clear_form_draft(self) -> None:
        if self.context.call_id:
            await self._runner.run_db(update_draft, self._db, self.draft_key, WRAPUP_KIND, self._actor_id or None,
                                      "form", {}, merge=False)
        else:
            await self._runner.run_db(discard_draft, self._db, self.draft_key)
