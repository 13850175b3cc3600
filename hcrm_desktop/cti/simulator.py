"""A pretend phone line for demos and training: ring, answer, hang up and send messages by hand, or play a
scripted scenario (a list of timed steps). ``dial`` works too: the simulated far end answers after
``answer_delay`` seconds.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from hcrm_desktop import oplog
from hcrm_desktop.cti.base import (
    ContactSource,
    EventCallback,
    SourceState,
    SourceUnavailable,
    StateCallback,
    UnknownCall,
)
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.domain.enums import Channel, Direction

MESSAGE_CHANNELS = (Channel.SMS, Channel.WECHAT, Channel.WEB)
Action = Literal["ring", "answer", "hang_up", "message"]


@dataclass(frozen=True)
class Step:
    """One scripted step, ``after`` seconds after the previous one. ``call`` names the call a ring starts,
    so later answer/hang_up steps can refer to it."""

    after: float
    action: Action
    number: str = ""
    display: str = ""
    call: str = "call"
    channel: str = Channel.SMS
    text: str = ""


DEMO_SCENARIO = (
    Step(2.0, "ring", "13800138000", "张三 先生", call="a"),
    Step(4.0, "answer", call="a"),
    Step(20.0, "hang_up", call="a"),
    Step(3.0, "message", "13800138000", channel=Channel.WECHAT, text="请问体检报告什么时候可以取？"),
)


@dataclass
class _Call:
    number: str
    display: str
    direction: Direction
    answered: bool = False
    pickup: asyncio.TimerHandle | None = field(default=None, repr=False)


class SimulatorSource(ContactSource):
    name = "simulator"

    def __init__(
        self,
        *,
        on_event: EventCallback,
        on_state: StateCallback | None = None,
        local: str = "8001",
        answer_delay: float = 1.5,
        scenario: Sequence[Step] = (),
        repeat: bool = False,
    ) -> None:
        super().__init__(on_event=on_event, on_state=on_state)
        self.local, self.answer_delay = local, answer_delay
        self.scenario, self.repeat = tuple(scenario), repeat
        self._calls: dict[str, _Call] = {}
        self._ids = itertools.count(1)
        self._script: asyncio.Task[None] | None = None

    @property
    def active_calls(self) -> tuple[str, ...]:
        return tuple(self._calls)

    async def start(self) -> None:
        if self.state is SourceState.CONNECTED:
            return
        self._set_state(SourceState.CONNECTED)
        if self.scenario:
            self._script = asyncio.get_running_loop().create_task(self._play(), name="cti-simulator-script")

    async def stop(self) -> None:
        script, self._script = self._script, None
        if script is not None:
            script.cancel()
        for call in self._calls.values():
            if call.pickup is not None:
                call.pickup.cancel()
        self._calls.clear()
        self._set_state(SourceState.DISCONNECTED)

    # --- the world calling in ----------------------------------------------------------------------------

    def ring(self, number: str, display: str = "", *, call_id: str = "") -> str:
        self._require_started()
        call_id = call_id or f"sim-{next(self._ids)}"
        self._calls[call_id] = _Call(number, display, Direction.INBOUND)
        self._emit_call(ContactKind.RINGING, call_id)
        return call_id

    def answer(self, call_id: str) -> None:
        call = self._call(call_id)
        if not call.answered:
            call.answered = True
            self._emit_call(ContactKind.ANSWERED, call_id)

    def hang_up(self, call_id: str, reason: str = "remote hung up") -> None:
        call = self._call(call_id)
        if call.pickup is not None:
            call.pickup.cancel()
        self._emit_call(ContactKind.ENDED, call_id, reason=reason)
        del self._calls[call_id]

    def message(self, channel: str, number: str, text: str, *, display: str = "") -> str:
        self._require_started()
        if channel not in MESSAGE_CHANNELS:
            raise ValueError(f"channel must be one of {', '.join(MESSAGE_CHANNELS)}")
        message_id = f"sim-msg-{next(self._ids)}"
        self._emit(
            ContactKind.MESSAGE, message_id, channel=channel, remote=number, remote_display=display,
            local=self.local, text=text,
        )  # fmt: skip
        return message_id

    # --- the agent's commands ----------------------------------------------------------------------------

    async def accept(self, call_id: str) -> None:
        call = self._call(call_id)
        if call.direction is not Direction.INBOUND:
            raise UnknownCall(f"call {call_id} is not ringing")
        self.answer(call_id)

    async def hangup(self, call_id: str) -> None:
        self.hang_up(call_id, reason="agent hung up")

    async def dial(self, number: str) -> None:
        self._require_started()
        call_id = f"sim-{next(self._ids)}"
        call = self._calls[call_id] = _Call(number, "", Direction.OUTBOUND)
        call.pickup = asyncio.get_running_loop().call_later(self.answer_delay, self._picked_up, call_id)

    def _picked_up(self, call_id: str) -> None:
        if call_id in self._calls:
            self._calls[call_id].pickup = None
            self.answer(call_id)

    # --- helpers -----------------------------------------------------------------------------------------

    async def _play(self) -> None:
        while True:
            names: dict[str, str] = {}
            for step in self.scenario:
                await asyncio.sleep(step.after)
                try:
                    self._run_step(step, names)
                except Exception as exc:  # e.g. the agent already hung up the call a step refers to
                    oplog.event("cti.scenario_step_skipped", level=logging.INFO, error=str(exc))
            if not self.repeat:
                return

    def _run_step(self, step: Step, names: dict[str, str]) -> None:
        if step.action == "ring":
            names[step.call] = self.ring(step.number, step.display)
        elif step.action == "answer":
            self.answer(names.get(step.call, ""))
        elif step.action == "hang_up":
            self.hang_up(names.get(step.call, ""))
        else:
            self.message(step.channel, step.number, step.text, display=step.display)

    def _require_started(self) -> None:
        if self.state is not SourceState.CONNECTED:
            raise SourceUnavailable("the simulator is not started")

    def _call(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None:
            raise UnknownCall(f"no simulated call {call_id}")
        return call

    def _emit_call(self, kind: ContactKind, call_id: str, reason: str = "") -> None:
        call = self._calls[call_id]
        self._emit(
            kind, call_id, remote=call.number, remote_display=call.display, local=self.local,
            direction=call.direction, reason=reason,
        )  # fmt: skip
