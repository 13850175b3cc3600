"""BaresipSource against real baresip processes on loopback: a caller dials the agent, the source sees the
call, answers and hangs up through ctrl_tcp, and finds the agent's baresip again after it crashes."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from hcrm_desktop.cti.baresip import BaresipSource
from hcrm_desktop.cti.base import SourceState
from hcrm_desktop.cti.events import ContactEvent, ContactKind
from hcrm_desktop.domain.enums import Direction
from tests.fixtures.baresip import (
    CALLER_DISPLAY_NAME,
    CALLER_NUMBER,
    BaresipPair,
    CtrlConnection,
    ctrl_command,
    free_sip_port,
    read_events,
    start_baresip,
    stop_all,
)

pytestmark = [pytest.mark.baresip, pytest.mark.slow]


class Seen:
    def __init__(self) -> None:
        self.events: list[ContactEvent] = []
        self.states: list[tuple[SourceState, str]] = []

    async def until(self, check, what: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no {what} within {timeout} s; events {self.events}, states {self.states}"
                )
            await asyncio.sleep(0.02)

    def of(self, kind: ContactKind) -> list[ContactEvent]:
        return [event for event in self.events if event.kind is kind]


def test_a_real_call_rings_is_answered_and_hung_up_and_survives_a_baresip_crash(baresip_pair: BaresipPair,
                                                                                 tmp_path: Path):  # fmt: skip
    seen = Seen()
    agent = baresip_pair.agent
    restarted = []
    caller_closed: list[dict] = []

    async def scenario() -> None:
        source = BaresipSource(
            address=f"127.0.0.1:{agent.ctrl_port}", on_event=seen.events.append,
            on_state=lambda state, error: seen.states.append((state, error)), retry_initial=0.2, retry_max=2.0,
        )  # fmt: skip
        await source.start()
        await seen.until(lambda: source.state is SourceState.CONNECTED, "connection")
        caller = await asyncio.to_thread(CtrlConnection, baresip_pair.caller.ctrl_port)
        try:
            # 1. the caller dials; the source reports ringing with who is calling
            await asyncio.to_thread(ctrl_command, caller, "dial", baresip_pair.agent_uri)
            await seen.until(lambda: seen.of(ContactKind.RINGING), "ringing")
            call_id = seen.events[0].call_id
            # 2. the agent answers from the app; both ends see the call established
            await source.accept(call_id)
            await seen.until(lambda: seen.of(ContactKind.ANSWERED), "answered")
            await asyncio.to_thread(read_events, caller, "CALL_ESTABLISHED")
            # 3. the agent hangs up from the app; the caller's phone sees it too
            await source.hangup(call_id)
            await seen.until(lambda: seen.of(ContactKind.ENDED), "ended")
            caller_closed.append((await asyncio.to_thread(read_events, caller, "CALL_CLOSED"))[-1])
            # 4. the agent's baresip crashes and comes back on the same ctrl_tcp port
            agent.process.kill()
            await asyncio.to_thread(agent.process.wait)
            await seen.until(lambda: source.state is SourceState.ERROR, "the error state")
            new_sip = free_sip_port(exclude=[baresip_pair.caller.sip_port, agent.sip_port])
            account = f"<sip:agent@127.0.0.1:{new_sip}>;regint=0"
            restarted.append(await asyncio.to_thread(
                start_baresip, tmp_path, "agent-restarted", new_sip, agent.ctrl_port, accounts=[account],
            ))  # fmt: skip
            crashed_at = len(seen.states)
            await seen.until(lambda: source.state is SourceState.CONNECTED and len(seen.states) > crashed_at,
                             "reconnection")  # fmt: skip
            # 5. the next call arrives through the same source, untouched by the app
            await asyncio.to_thread(ctrl_command, caller, "dial", f"sip:agent@127.0.0.1:{new_sip}")
            await seen.until(lambda: len(seen.of(ContactKind.RINGING)) == 2, "the second ringing")
            await asyncio.to_thread(ctrl_command, caller, "hangup")
            await seen.until(lambda: len(seen.of(ContactKind.ENDED)) == 2, "the second call's end")
        finally:
            caller.close()
            await source.stop()

    try:
        asyncio.run(asyncio.wait_for(scenario(), 90))
    finally:
        stop_all(restarted)

    ringing, answered, ended, second_ringing, second_ended = seen.events
    assert ringing.remote == baresip_pair.caller_uri
    assert ringing.remote.startswith(f"sip:{CALLER_NUMBER}@127.0.0.1:")
    assert ringing.remote_display == CALLER_DISPLAY_NAME == "张三 先生"
    assert ringing.local == baresip_pair.agent_uri and ringing.direction is Direction.INBOUND
    assert answered.call_id == ended.call_id == ringing.call_id
    assert ended.reason == "Connection reset by user"  # baresip's words for "we hung up"
    assert caller_closed[0]["param"] == "Connection reset by peer"  # the caller's phone saw the agent hang up
    assert caller_closed[0]["id"] == ringing.call_id  # both ends share the call id (the SIP dialog's)
    assert second_ringing.call_id != ringing.call_id
    assert second_ringing.remote == baresip_pair.caller_uri
    assert (
        second_ended.call_id == second_ringing.call_id and second_ended.reason == "Connection reset by peer"
    )
    after_crash = seen.states[seen.states.index((SourceState.CONNECTED, "")) + 1 :]
    kinds = [state for state, _ in after_crash]
    assert SourceState.ERROR in kinds and SourceState.CONNECTING in kinds
    assert kinds.index(SourceState.ERROR) < len(kinds) - 1 - kinds[::-1].index(SourceState.CONNECTED)


def test_a_call_ringing_when_baresip_crashes_is_ended_once_the_source_is_back(baresip_pair: BaresipPair,
                                                                              tmp_path: Path):  # fmt: skip
    """No call card may wait forever for an end that happened while the softphone was gone."""
    seen = Seen()
    agent = baresip_pair.agent
    restarted = []

    async def scenario() -> None:
        source = BaresipSource(address=f"127.0.0.1:{agent.ctrl_port}", on_event=seen.events.append,
                               retry_initial=0.2, retry_max=2.0)  # fmt: skip
        await source.start()
        await seen.until(lambda: source.state is SourceState.CONNECTED, "connection")
        try:
            await asyncio.to_thread(
                ctrl_command, baresip_pair.caller.ctrl_port, "dial", baresip_pair.agent_uri
            )
            await seen.until(lambda: seen.of(ContactKind.RINGING), "ringing")
            agent.process.kill()
            await asyncio.to_thread(agent.process.wait)
            restarted.append(await asyncio.to_thread(
                start_baresip, tmp_path, "agent-restarted", free_sip_port(exclude=[baresip_pair.caller.sip_port]),
                agent.ctrl_port, accounts=["<sip:agent@127.0.0.1>;regint=0"],
            ))  # fmt: skip
            await seen.until(lambda: seen.of(ContactKind.ENDED), "the lost call's end")
        finally:
            await source.stop()

    try:
        asyncio.run(asyncio.wait_for(scenario(), 60))
    finally:
        stop_all(restarted)

    ringing, ended = seen.events
    assert ended.call_id == ringing.call_id
    assert ended.reason == "lost while disconnected"


def test_click_to_dial_rings_the_patient_and_reports_the_answer(baresip_pair: BaresipPair):
    """The agent's app dials through its baresip; the caller instance plays the patient and picks up."""
    seen = Seen()

    async def scenario() -> None:
        source = BaresipSource(
            address=f"127.0.0.1:{baresip_pair.agent.ctrl_port}", on_event=seen.events.append
        )
        await source.start()
        await seen.until(lambda: source.state is SourceState.CONNECTED, "connection")
        patient = await asyncio.to_thread(CtrlConnection, baresip_pair.caller.ctrl_port)
        try:
            await source.dial(baresip_pair.caller_uri)
            incoming = (await asyncio.to_thread(read_events, patient, "CALL_INCOMING"))[-1]
            assert incoming["peeruri"] == baresip_pair.agent_uri
            await asyncio.to_thread(ctrl_command, patient, "accept")
            await seen.until(lambda: seen.of(ContactKind.ANSWERED), "answered")
            await source.hangup(seen.events[0].call_id)
            await seen.until(lambda: seen.of(ContactKind.ENDED), "ended")
        finally:
            patient.close()
            await source.stop()

    asyncio.run(asyncio.wait_for(scenario(), 60))

    answered, ended = seen.events  # no ringing: nothing to pop for a call the agent makes
    assert answered.direction is Direction.OUTBOUND and answered.remote == baresip_pair.caller_uri
    assert ended.call_id == answered.call_id and ended.reason == "Connection reset by user"
