"""A call cannot be forgotten unwrapped: the workbench's reminder bar and the "new contact" action.

`WrapUpLauncher` looks for pending wrap-ups (`services.drafts.pending_wrapups`) when the next call rings,
when the workbench starts (a crash may have left some) and after each save; the bar names the oldest and
its button opens it: on its call card when that card is still open, else in a wrap-up window restored from
the draft. `new_contact()` (Ctrl+N on the workbench) opens an empty wrap-up window for a walk-in or a message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hcrm_desktop.domain.phones import mask_phone
from hcrm_desktop.services.drafts import PendingWrapUp, load_draft, pending_wrapups
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.wrapup.dialog import WrapUpDialog, context_of_draft

if TYPE_CHECKING:
    from hcrm_desktop.views.workbench.calls import CallStack


class PendingBar(QFrame):
    """"2 contacts are not wrapped up yet: the call from 138****8000 answered at 09:30.  [Open wrap-up]"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingWrapUps")
        self.setProperty("level", "warning")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open wrap-up"), self)
        self.open_button.setObjectName("openPendingWrapUp")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        self.hide()

    def show_pending(self, pending: list[PendingWrapUp]) -> None:
        if not pending:
            self.hide()
            return
        first = pending[0]
        if first.call_id:
            when = first.answered_at.strftime("%H:%M") if first.answered_at else "—"
            number = mask_phone(first.remote) if first.remote else self.tr("a withheld number")
            what = self.tr("the call from {number} answered at {time}").format(number=number, time=when)
        else:
            what = self.tr("a contact you started by hand")
        self.label.setText(self.tr("{count} contact(s) not wrapped up yet, the oldest: {what}.").format(
            count=len(pending), what=what))
        self.show()


class WrapUpLauncher(QObject):
    """`changes_made(Changes)` after a wrap-up saved in a window; `booking_requested(patient_id)`."""

    changes_made = Signal(object)
    booking_requested = Signal(str)
    pending_shown = Signal(object)  # list[PendingWrapUp]

    def __init__(self, *, db: Database, runner: TaskRunner, user_id: str, calls: CallStack,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._user_id = user_id
        self._calls = calls
        self._window_parent = parent
        self.pending: list[PendingWrapUp] = []
        self.windows: dict[str, WrapUpDialog] = {}  # open wrap-up windows by draft key
        self.bar = PendingBar(parent)
        self.bar.open_button.clicked.connect(self.open_oldest)

    def check(self, *_args: object) -> None:
        """Look for pending wrap-ups now (after a ring, at start, after a save)."""
        self._runner.spawn(self._check(), key=f"wrapup.pending.{id(self)}", owner=self)

    async def _check(self) -> None:
        try:
            found = await self._runner.run_db(pending_wrapups, self._db, self._user_id or None)
        except StoreError:
            return
        self.pending = [p for p in found if p.key not in self.windows and not self._being_wrapped(p)]
        self.bar.show_pending(self.pending)
        self.pending_shown.emit(self.pending)

    def _being_wrapped(self, pending: PendingWrapUp) -> bool:
        """Its card is on screen with the wrap-up open: no need to remind."""
        card = self._calls.card(pending.call_id) if pending.call_id else None
        return card is not None and card.wrapup.form is not None and card.wrapup.form.isVisible()

    def open_oldest(self) -> None:
        if self.pending:
            self.open_pending(self.pending[0])

    def open_pending(self, pending: PendingWrapUp) -> None:
        card = self._calls.card(pending.call_id) if pending.call_id else None
        if card is not None:
            self._calls.setCurrentWidget(card)
            card.wrapup.open()
            self.bar.hide()
            return
        self._runner.spawn(self._open_window(pending.key), key=f"wrapup.open.{pending.key}", owner=self)

    async def _open_window(self, key: str) -> None:
        if key in self.windows:
            self.windows[key].raise_()
            return
        try:
            draft = await self._runner.run_db(load_draft, self._db, key)
        except StoreError:
            return
        if draft is None:
            self.check()
            return
        self.bar.hide()
        self._show(WrapUpDialog(db=self._db, runner=self._runner, actor_id=self._user_id, draft_key=key,
                                context=context_of_draft(draft), parent=self._window_parent))

    def new_contact(self) -> WrapUpDialog:
        """A wrap-up window for a contact without a call: walk-in, SMS, WeChat, web."""
        return self._show(WrapUpDialog(db=self._db, runner=self._runner, actor_id=self._user_id,
                                       parent=self._window_parent))

    def _show(self, dialog: WrapUpDialog) -> WrapUpDialog:
        key = dialog.form.draft_key
        self.windows[key] = dialog
        dialog.saved.connect(lambda _result, changes: self.changes_made.emit(changes))
        dialog.booking_requested.connect(self.booking_requested)
        dialog.destroyed.connect(lambda *_: self._on_dialog_destroyed(key))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.form.focus_first_field()
        return dialog

    def _on_dialog_destroyed(self, key: str) -> None:
        if shiboken6.isValid(self):  # not when the workbench itself is going
            self.windows.pop(key, None)
            self.check()

