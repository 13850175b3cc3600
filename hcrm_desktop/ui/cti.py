"""The Qt side of the phone: runs the configured contact source on the qasync loop, signals what it says.

The sources call back on the event loop, which qasync runs on the UI thread, so the callbacks turn into
signals directly. `contact_received` carries the `time.perf_counter()` of the moment the event arrived, so
a screen pop can measure event-to-card-painted. Commands (accept, hang up, dial) run as tasks; a failure is
reported through `command_failed` with the source's error code, never raised into the UI.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from hcrm_desktop import oplog
from hcrm_desktop.cti.base import ContactSource, CtiError, SourceState, make_source
from hcrm_desktop.cti.events import ContactEvent, ContactKind
from hcrm_desktop.cti.simulator import SimulatorSource
from hcrm_desktop.domain.enums import Direction
from hcrm_desktop.ui.tasks import TaskRunner

KEYRING_SERVICE = "hcrm-desktop"
SECRET_OPTIONS = {"ami": ("username", "secret", "agent"), "http_hook": ("token",)}


def keyring_options(adapter: str) -> dict[str, str] | None:
    """The adapter's credentials from the OS keyring (`cti.<adapter>.<name>`); None if any is missing."""
    names = SECRET_OPTIONS.get(adapter, ())
    if not names:
        return {}
    import keyring

    values: dict[str, str] = {}
    for name in names:
        try:
            value = keyring.get_password(KEYRING_SERVICE, f"cti.{adapter}.{name}")
        except keyring.errors.KeyringError:
            value = None
        if not value:
            return None
        values[name] = value
    return values


class CtiBridge(QObject):
    """One phone connection for the window. `adapter` "none" has no source; `phone_state` is what the
    status bar shows: idle, ringing, talking, connecting, reconnecting, error, disconnected."""

    contact_received = Signal(object, float)  # ContactEvent, perf_counter() at arrival
    call_changed = Signal(str, str)  # call id, ringing | answered | ended
    state_changed = Signal()
    command_failed = Signal(str, str)  # command, error code

    def __init__(self, *, adapter: str, address: str, runner: TaskRunner,
                 options: Mapping[str, Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.address = address
        self._runner = runner
        self._options = dict(options or {})
        self.source: ContactSource | None = None
        self.source_state = SourceState.DISCONNECTED
        self.error = ""
        self.calls: dict[str, str] = {}  # inbound and outbound calls on the line: id -> state

    @property
    def simulator(self) -> SimulatorSource | None:
        return self.source if isinstance(self.source, SimulatorSource) else None

    @property
    def can_dial(self) -> bool:
        return self.source is not None and type(self.source).dial is not ContactSource.dial

    @property
    def phone_state(self) -> str:
        if self.adapter == "none":
            return "idle"
        if self.source_state is SourceState.CONNECTED:
            if any(state == "answered" for state in self.calls.values()):
                return "talking"
            return "ringing" if self.calls else "idle"
        if self.source_state is SourceState.CONNECTING:
            return "reconnecting" if self.error else "connecting"
        if self.source_state is SourceState.ERROR:
            return "error"
        return "disconnected" if self.source is not None else "idle"

    async def start(self) -> None:
        if self.adapter == "none" or self.source is not None:
            return
        options = dict(self._options)
        if self.adapter in SECRET_OPTIONS and not options:
            found = keyring_options(self.adapter)
            if found is None:
                self._on_source_state(SourceState.ERROR, "not_configured")
                return
            options = found
        try:
            self.source = make_source(self.adapter, self.address, on_event=self._on_source_event,
                                      on_state=self._on_source_state, **options)
        except (ValueError, TypeError) as exc:
            oplog.event("cti.not_started", level=logging.WARNING, adapter=self.adapter, error=str(exc))
            self._on_source_state(SourceState.ERROR, "bad_address" if isinstance(exc, ValueError) else "not_configured")
            return
        await self.source.start()

    async def stop(self) -> None:
        source, self.source = self.source, None
        if source is not None:
            with contextlib.suppress(Exception):
                await source.stop()
        self.calls.clear()

    # --- what the source says ----------------------------------------------------------------------------

    def _on_source_event(self, event: ContactEvent) -> None:
        received = time.perf_counter()
        if event.kind is not ContactKind.MESSAGE:
            self._track(event)
        self.contact_received.emit(event, received)

    def _track(self, event: ContactEvent) -> None:
        state = {ContactKind.RINGING: "ringing", ContactKind.ANSWERED: "answered",
                 ContactKind.ENDED: "ended"}[event.kind]
        if state == "ended":
            self.calls.pop(event.call_id, None)
        elif event.direction is Direction.INBOUND or state == "answered":
            self.calls[event.call_id] = state
        self.call_changed.emit(event.call_id, state)
        self.state_changed.emit()

    def _on_source_state(self, state: SourceState, error: str) -> None:
        self.source_state, self.error = state, error
        if state is not SourceState.CONNECTED:
            self.calls.clear()
        self.state_changed.emit()

    # --- the agent's commands ----------------------------------------------------------------------------

    def accept(self, call_id: str) -> None:
        self._command("accept", call_id)

    def hangup(self, call_id: str) -> None:
        self._command("hangup", call_id)

    def dial(self, number: str) -> None:
        self._command("dial", number)

    def _command(self, command: str, argument: str) -> None:
        self._runner.spawn(self.run_command(command, argument), owner=self)

    async def run_command(self, command: str, argument: str) -> bool:
        """Run one command now; False (and `command_failed`) when the phone refused or is away."""
        source = self.source
        if source is None:
            self.command_failed.emit(command, "unavailable")
            return False
        try:
            await getattr(source, command)(argument)
        except CtiError as exc:
            oplog.event("cti.command_failed", level=logging.INFO, command=command, code=exc.code)
            self.command_failed.emit(command, exc.code)
            return False
        return True
