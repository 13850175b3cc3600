"""The call card's one-key actions open the card's wrap-up (`CardWrapUp`): a non-modal form docked at the
card's right, with the type chosen, the customer on the card and the call's times filled in.

The call is remembered as a wrap-up draft as soon as it is answered (and again when it ends), before
anybody types; saving the wrap-up removes it. So a call that is never wrapped up stays pending, even across
a crash, and the next ring reminds the agent (`views/wrapup/reminder.py`).

Keys: Alt+1 consultation, Alt+2 complaint, Alt+3 booking (the profile's buttons, while it is shown), Alt+4
praise, Alt+5 other; while no profile is shown (chooser, quick-create, search) the card answers Alt+1..3
itself, so every key always has exactly one owner.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hcrm_desktop.services.drafts import WRAPUP_KIND, update_draft, wrapup_key
from hcrm_desktop.services.recording import RecordedInteraction
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard.profilecard import ACTIONS
from hcrm_desktop.views.wrapup.contact import ContactContext, install_type_shortcuts
from hcrm_desktop.views.wrapup.dialog import WrapUpDialog
from hcrm_desktop.views.wrapup.form import WrapUpForm
from hcrm_desktop.views.wrapup.sections import scrollable
from hcrm_desktop.views.wrapup.words import type_text

if TYPE_CHECKING:
    from hcrm_desktop.views.callcard.card import CallCard


class CardWrapUp(QObject):
    """The wrap-up of one call card. `area` is the widget the card docks; `booking_requested(patient_id)`."""

    booking_requested = Signal(str)
    wrapped_up = Signal(object)  # RecordedInteraction

    def __init__(self, *, card: CallCard, db: Database, runner: TaskRunner, actor_id: str) -> None:
        super().__init__(card)
        self._card = card
        self._db = db
        self._runner = runner
        self._actor_id = actor_id
        self.form: WrapUpForm | None = None
        self.answered_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.wrapped = False
        self.area = QFrame(card)
        self.area.setObjectName("wrapupArea")
        self.area.setMinimumWidth(380)
        self.area.setMaximumWidth(460)
        self.saved_label = QLabel(self.area)
        self.saved_label.setObjectName("wrapupSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()
        self._layout = QVBoxLayout(self.area)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.saved_label)
        self.area.hide()
        self.shortcuts = install_type_shortcuts(card, self.open)
        card.profile_card.installEventFilter(self)
        card.profile_card.profile_shown.connect(self._on_profile_card_profile_shown)
        self._update_shortcuts()

    # --- the call --------------------------------------------------------------------------------------------

    def on_call_state(self, state: str) -> None:
        """The card's call changed state: note the times; from the answer on, the call waits for its wrap-up."""
        now = datetime.now().replace(microsecond=0)
        if state == "answered" and self.answered_at is None:
            self.answered_at = now
        elif state == "ended" and self.ended_at is None:
            self.ended_at = now
        else:
            return
        if self.form is not None:
            self.form.set_context(self.context())
        if self.answered_at is not None and not self.wrapped and self._card.call_id:
            self._runner.spawn(self._remember_call(self._call_fields()))

    def _call_fields(self) -> dict[str, Any]:
        context = self.context()
        return {"call_id": context.call_id, "remote": context.remote, "patient_id": context.patient_id,
                "answered_at": context.answered_at.isoformat() if context.answered_at else None,
                "ended_at": context.ended_at.isoformat() if context.ended_at else None}

    async def _remember_call(self, fields: dict[str, Any]) -> None:
        try:
            await self._runner.run_db(update_draft, self._db, self.draft_key(), WRAPUP_KIND, self._actor_id or None,
                                      "call", fields)
        except StoreError:
            return  # the wrap-up can still be saved; only the reminder would miss this call

    def draft_key(self) -> str:
        return wrapup_key(self._card.call_id)

    def context(self) -> ContactContext:
        card = self._card
        profile = card.profile_card.profile if card.kind == "profile" else None
        return ContactContext(
            call_id=card.call_id or None, remote=card.remote, answered_at=self.answered_at, ended_at=self.ended_at,
            patient_id=profile.patient_id if profile else None, patient_name=profile.name if profile else "",
        )  # fmt: skip

    # --- the form ----------------------------------------------------------------------------------------

    def open(self, type_code: str | None = None) -> WrapUpForm:
        """Show the wrap-up (made on first use, restoring a draft), with `type_code` chosen if given."""
        if self.form is None:
            self.form = WrapUpForm(db=self._db, runner=self._runner, actor_id=self._actor_id,
                                   draft_key=self.draft_key(), context=self.context(), parent=self.area)
            self.form.saved.connect(self._on_form_saved)
            self.form.finished.connect(self._on_form_finished)
            self.form.booking_requested.connect(self.booking_requested)
            self._scroll = scrollable(self.form, self.area)
            self._layout.addWidget(self._scroll, 1)
            notes = self._card.notes_edit.toPlainText().strip()
            if notes:
                self.form.summary_edit.setPlainText(notes)
        self.saved_label.hide()
        self.form.show()
        self.area.show()
        self._card.notes_edit.hide()
        self._card.notes_caption.hide()
        if type_code is not None:
            self.form.set_type(type_code)
        else:
            self.form.focus_first_field()
        return self.form

    def _on_form_saved(self, result: RecordedInteraction, changes: object) -> None:
        self.wrapped = True
        text = self.tr("Wrap-up saved: {type}.").format(type=type_text(result.type))
        if result.complaint_case_no:
            text += " " + self.tr("Complaint case {case} opened.").format(case=result.complaint_case_no)
        self.saved_label.setText(text)
        self.saved_label.show()
        self._card.notes_edit.clear()
        self._card.changes_made.emit(changes)
        self.wrapped_up.emit(result)

    def _on_form_finished(self) -> None:
        if self.form is not None:
            self.form.hide()
            self._scroll.deleteLater()
            self.form = None
        self.area.setVisible(self.saved_label.isVisible())
        self._card.notes_edit.show()
        self._card.notes_caption.show()

    def _on_profile_card_profile_shown(self) -> None:
        if self.form is not None:
            self.form.set_context(self.context())

    # --- keys --------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._card.profile_card and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._update_shortcuts(event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)

    def _update_shortcuts(self, profile_shown: bool | None = None) -> None:
        """Alt+1..3 belong to the profile's buttons while it is shown, else to the card."""
        if profile_shown is None:
            profile_shown = self._card.profile_card.isVisible()
        for code, shortcut in self.shortcuts.items():
            shortcut.setEnabled(not (profile_shown and code in ACTIONS))



def open_wrapup_window(action: str, *, db: Database, runner: TaskRunner, actor_id: str, patient_id: str | None,
                       patient_name: str, parent: QWidget) -> WrapUpDialog:
    """A one-key action away from a call (the customers screen): a wrap-up window about that customer."""
    context = ContactContext(channel="walk_in", patient_id=patient_id, patient_name=patient_name)
    dialog = WrapUpDialog(db=db, runner=runner, actor_id=actor_id, context=context, type_code=action, parent=parent)
    dialog.show()
    dialog.form.focus_first_field()
    return dialog
