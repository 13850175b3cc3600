"""The screen pop (来电弹屏): a ringing event becomes a call card with the caller already looked up.

Path and timing: the bridge stamps the event on arrival; the lookup (and, for one match, the profile with
its first timeline page) runs in one trip to the database worker, a newer ring of the same call cancelling
the stale lookup; the card shows the result; after its first paint the pop is logged as
`screen_pop(call_id, matched, ms)`, ms being event received to card painted.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from hcrm_desktop import oplog
from hcrm_desktop.cti.events import ContactEvent, ContactKind
from hcrm_desktop.domain.enums import Channel, Direction
from hcrm_desktop.domain.phones import PhoneError
from hcrm_desktop.services.lookup import lookup_number
from hcrm_desktop.services.profile import PatientNotFound
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.tasks import TaskRunner, signal_future
from hcrm_desktop.views.callcard import CallCard, Resolution
from hcrm_desktop.views.callcard.profilecard import read_profile
from hcrm_desktop.views.workbench.calls import CallStack, user_is_typing

PAINT_TIMEOUT_S = 5.0
SPARE_DELAY_MS = 20
LOOKING_AFTER_S = 0.3


def resolve_caller(db: Database, raw: str, today: date) -> Resolution:
    """Lookup, plus the profile and first timeline page when exactly one customer matched."""
    try:
        lookup = lookup_number(db, raw)
    except PhoneError as exc:
        return Resolution(None, error=exc.code)
    if len(lookup.matches) != 1:
        return Resolution(lookup)
    try:
        profile, first = read_profile(db, lookup.matches[0].patient_id, today)
    except PatientNotFound:
        return Resolution(lookup)
    return Resolution(lookup, profile, first)


class ScreenPop(QObject):
    """Turns the bridge's events into cards on `stack`. `popped(call_id, matched_ids, ms)` per pop."""

    popped = Signal(str, object, float)
    attention_needed = Signal()
    changes_made = Signal(object)
    booking_requested = Signal(str)  # patient id, from a card's wrap-up

    def __init__(self, *, db: Database, runner: TaskRunner, bridge: CtiBridge, stack: CallStack, actor_id: str,
                 today: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._bridge = bridge
        self._stack = stack
        self._actor_id = actor_id
        self._today = today
        self._early: dict[str, str] = {}  # answered/ended before the card was up
        self._focus_after_add: dict[str, QWidget | None] = {}
        bridge.contact_received.connect(self._on_bridge_contact_received)
        QTimer.singleShot(0, self.prepare_spare)

    def _on_bridge_contact_received(self, event: ContactEvent, received: float) -> None:
        if event.channel != Channel.PHONE:
            return
        if event.kind is ContactKind.RINGING and event.direction is Direction.INBOUND:
            self._runner.spawn(self._pop(event, received), key=f"screen_pop.{event.call_id}", owner=self)
        elif event.kind in (ContactKind.ANSWERED, ContactKind.ENDED):
            state = "answered" if event.kind is ContactKind.ANSWERED else "ended"
            card = self._stack.card(event.call_id)
            if card is not None:
                card.set_state(state)
            elif event.direction is Direction.INBOUND:
                self._early[event.call_id] = state  # the lookup is still running

    def _card_for(self, event: ContactEvent) -> CallCard:
        """The call's card, on screen: the one it has, else the prepared spare (or a new one)."""
        card = self._stack.card(event.call_id)
        if card is not None:
            return card
        card = self._stack.spare or self._new_card()
        card.start_call(event.call_id, event.remote)
        if self._stack.add_card(card):  # nobody was typing: the card may take the keyboard once it is filled
            self._focus_after_add[event.call_id] = QApplication.focusWidget()
        if event.call_id in self._early:
            card.set_state(self._early.pop(event.call_id))
        self.attention_needed.emit()
        return card

    def _may_take_focus(self, card: CallCard) -> bool:
        """True when the card came to the front with nobody typing, and the keyboard has not moved since
        (Qt may have put it in the card when the previous one hid; the agent has not)."""
        if card.call_id not in self._focus_after_add:
            return False
        untouched = QApplication.focusWidget() is self._focus_after_add.pop(card.call_id)
        return self._stack.currentWidget() is card and (untouched or not user_is_typing(card))

    def _new_card(self) -> CallCard:
        card = CallCard(db=self._db, runner=self._runner, call_id="", remote="", actor_id=self._actor_id,
                        today=self._today)
        card.accept_requested.connect(self._bridge.accept)
        card.hangup_requested.connect(self._bridge.hangup)
        card.dial_requested.connect(self._bridge.dial)
        card.changes_made.connect(self.changes_made)
        card.booking_requested.connect(self.booking_requested)
        return card

    def prepare_spare(self) -> None:
        """Build the next call's card while nothing happens (after start-up and after each pop)."""
        if self._stack.spare is None:
            self._stack.set_spare(self._new_card())

    async def _pop(self, event: ContactEvent, received: float) -> None:
        # The card shows once, with its content: one layout and one paint. Only a slow lookup first
        # shows the card saying it is looking the caller up.
        slow = self._runner.loop.call_later(LOOKING_AFTER_S, self._card_for, event)
        try:
            resolution = await self._runner.run_db(resolve_caller, self._db, event.remote, self._today or date.today())
        finally:
            slow.cancel()
        card = self._card_for(event)
        painted = signal_future(card.painted)
        card.show_resolution(resolution)
        if self._may_take_focus(card):
            card.focus_content()
        try:
            async with asyncio.timeout(PAINT_TIMEOUT_S):
                await painted
        except TimeoutError:
            oplog.event("screen_pop_not_painted", level=logging.WARNING, call_id=event.call_id)
        ms = (time.perf_counter() - received) * 1000
        matched = [m.patient_id for m in resolution.lookup.matches] if resolution.lookup else []
        oplog.event("screen_pop", call_id=event.call_id, matched=matched, ms=round(ms, 1),
                    withheld=bool(resolution.lookup and resolution.lookup.withheld), unreadable=bool(resolution.error))
        self.popped.emit(event.call_id, matched, ms)
        QTimer.singleShot(SPARE_DELAY_MS, self.prepare_spare)
