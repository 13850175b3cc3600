"""The wrap-up in a window of its own: a contact started by hand (walk-in, message: Ctrl+N on the workbench),
a contact about the customer on the customers screen, or a call's wrap-up left from earlier. Non-modal, so
the agent can look things up while it is open; closing the window keeps what was typed as a draft."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QWidget

from hcrm_desktop.services.drafts import DraftRecord, walk_in_key
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard.withheld import CallerSearch
from hcrm_desktop.views.wrapup.contact import ContactContext, install_type_shortcuts
from hcrm_desktop.views.wrapup.form import WrapUpForm
from hcrm_desktop.views.wrapup.sections import scrollable


def context_of_draft(draft: DraftRecord) -> ContactContext:
    """The contact a stored draft was for (its call section, or none for a contact started by hand)."""
    call: dict[str, Any] = dict(draft.payload.get("call") or {})

    def when(key: str) -> datetime | None:
        value = call.get(key)
        return datetime.fromisoformat(value) if isinstance(value, str) and value else None

    if not call.get("call_id"):
        return ContactContext(channel="walk_in")
    return ContactContext(call_id=str(call["call_id"]), remote=str(call.get("remote") or ""),
                          answered_at=when("answered_at"), ended_at=when("ended_at"),
                          patient_id=call.get("patient_id") or None)


class WrapUpDialog(QWidget):
    """`saved(RecordedInteraction, Changes)`, `booking_requested(patient_id)`."""

    saved = Signal(object, object)
    booking_requested = Signal(str)

    def __init__(self, *, db: Database, runner: TaskRunner, actor_id: str, draft_key: str | None = None,
                 context: ContactContext | None = None, type_code: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapupDialog")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        context = context or ContactContext(channel="walk_in")
        self.setWindowTitle(self.tr("Wrap-up of a call") if context.call_id else self.tr("New contact"))
        self.search = CallerSearch(db=db, runner=runner, parent=self, heading=self.tr(
            "Who is it? Search for the customer, or leave this empty for a contact without one."))
        self.search.chosen.connect(self._on_search_chosen)
        self.form = WrapUpForm(db=db, runner=runner, actor_id=actor_id, draft_key=draft_key or walk_in_key(str(uuid.uuid4())),
                               context=context, standalone=not context.call_id, parent=self)
        self.form.saved.connect(self.saved)
        self.form.booking_requested.connect(self.booking_requested)
        self.form.finished.connect(self._on_form_finished)
        self.shortcuts = install_type_shortcuts(self, lambda code: self.form.set_type(code, edited=True))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)  # in the form, the form's own Esc
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.form.request_cancel)
        layout = QHBoxLayout(self)
        layout.addWidget(self.search, 2)
        layout.addWidget(scrollable(self.form, self), 3)
        self.resize(960, 620)
        if type_code:
            self.form.set_type(type_code)

    def _on_search_chosen(self, patient_id: str) -> None:
        hit = next((h for h in self.search.hits if h.patient_id == patient_id), None)
        name = hit.name if hit is not None else ""
        self.form.set_context(replace(self.form.context, patient_id=patient_id, patient_name=name))
        self.form.focus_first_field()

    def _on_form_finished(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.form.save_draft_now()  # closed with the window's ×: what was typed waits as a draft
        super().closeEvent(event)
