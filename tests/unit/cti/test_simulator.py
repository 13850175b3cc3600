"""The simulator, as a trainer drives it by hand or with a scripted scenario, and as the agent uses it."""

from __future__ import annotations

import asyncio
from itertools import pairwise

import pytest

from hcrm_desktop.cti.base import SourceState, SourceUnavailable, UnknownCall
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.cti.simulator import SimulatorSource, Step
from hcrm_desktop.domain.enums import Direction


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 10))


def test_a_call_by_hand_rings_is_answered_by_the_agent_and_hung_up_by_the_caller(rec):
    async def scenario():
        sim = SimulatorSource(on_event=rec.event, on_state=rec.state, local="8001")
        await sim.start()
        call_id = sim.ring("13800138000", "张三 先生")
        await sim.accept(call_id)
        await sim.accept(call_id)  # a double click answers once
        sim.hang_up(call_id)
        active = sim.active_calls
        await sim.stop()
        return call_id, active

    call_id, active = run(scenario())

    assert rec.kinds == [ContactKind.RINGING, ContactKind.ANSWERED, ContactKind.ENDED]
    ringing = rec.events[0]
    assert (ringing.remote, ringing.remote_display, ringing.local) == ("13800138000", "张三 先生", "8001")
    assert {e.call_id for e in rec.events} == {call_id} and ringing.source == "simulator"
    assert rec.events[-1].reason == "remote hung up"
    assert active == ()
    assert [s for s, _ in rec.states] == [SourceState.CONNECTED, SourceState.DISCONNECTED]


def test_two_calls_at_once_keep_their_own_ids(rec):
    async def scenario():
        sim = SimulatorSource(on_event=rec.event)
        await sim.start()
        first, second = sim.ring("13800138000"), sim.ring("01012345678")
        await sim.hangup(second)
        return first, second, sim.active_calls

    first, second, active = run(scenario())

    assert first != second and active == (first,)
    assert rec.events[-1].call_id == second and rec.events[-1].reason == "agent hung up"


def test_dial_is_answered_after_the_delay_as_an_outbound_call(rec):
    async def scenario():
        sim = SimulatorSource(on_event=rec.event, answer_delay=0.05)
        await sim.start()
        await sim.dial("13800138000")
        assert rec.events == []  # nothing until the far end picks up
        await rec.until_kinds(ContactKind.ANSWERED)
        await sim.hangup(rec.events[0].call_id)

    run(scenario())

    answered, ended = rec.events
    assert answered.direction is Direction.OUTBOUND and answered.remote == "13800138000"
    assert ended.call_id == answered.call_id


def test_hanging_up_a_dial_before_the_answer_cancels_it(rec):
    async def scenario():
        sim = SimulatorSource(on_event=rec.event, answer_delay=0.05)
        await sim.start()
        await sim.dial("13800138000")
        [call_id] = sim.active_calls
        await sim.hangup(call_id)
        await asyncio.sleep(0.1)

    run(scenario())

    assert rec.kinds == [ContactKind.ENDED]


def test_messages_carry_their_channel_and_text(rec):
    async def scenario():
        sim = SimulatorSource(on_event=rec.event)
        await sim.start()
        sim.message("wechat", "13800138000", "明天上午可以加一项胃镜吗？", display="张三")
        with pytest.raises(ValueError, match="channel"):
            sim.message("phone", "13800138000", "?")

    run(scenario())

    [message] = rec.events
    assert message.kind is ContactKind.MESSAGE and message.channel == "wechat"
    assert message.text == "明天上午可以加一项胃镜吗？" and message.remote_display == "张三"


def test_a_scripted_scenario_plays_its_steps_in_order_and_timing(rec):
    script = [
        Step(0.02, "ring", "13800138000", "张三 先生", call="a"),
        Step(0.02, "ring", "13912345678", call="b"),
        Step(0.02, "answer", call="a"),
        Step(0.02, "hang_up", call="b"),
        Step(0.02, "message", "13800138000", channel="sms", text="谢谢"),
        Step(0.02, "hang_up", call="a"),
    ]

    async def scenario():
        sim = SimulatorSource(on_event=rec.event, scenario=script)
        await sim.start()
        await rec.until(lambda: len(rec.events) == 6, what="six events")
        await sim.stop()

    run(scenario())

    a, b = rec.events[0].call_id, rec.events[1].call_id
    assert [(e.kind, e.call_id if e.kind != ContactKind.MESSAGE else "") for e in rec.events] == [
        (ContactKind.RINGING, a), (ContactKind.RINGING, b), (ContactKind.ANSWERED, a),
        (ContactKind.ENDED, b), (ContactKind.MESSAGE, ""), (ContactKind.ENDED, a),
    ]  # fmt: skip
    gaps = [(later.at - earlier.at).total_seconds() for earlier, later in pairwise(rec.events)]
    assert min(gaps) >= 0.015


def test_a_scenario_step_for_a_call_the_agent_already_ended_is_skipped(rec):
    script = [Step(0.0, "ring", "13800138000", call="a"), Step(0.1, "hang_up", call="a"),
              Step(0.0, "message", "13800138000", text="还在吗")]  # fmt: skip

    async def scenario():
        sim = SimulatorSource(on_event=rec.event, scenario=script)
        await sim.start()
        await rec.until_kinds(ContactKind.RINGING)
        await sim.hangup(rec.events[0].call_id)
        await rec.until(lambda: len(rec.events) == 3, what="the message after the skipped step")

    run(scenario())

    assert rec.kinds == [ContactKind.RINGING, ContactKind.ENDED, ContactKind.MESSAGE]


def test_commands_need_a_started_simulator_and_a_known_call(rec):
    async def scenario():
        sim = SimulatorSource(on_event=rec.event)
        with pytest.raises(SourceUnavailable):
            sim.ring("13800138000")
        await sim.start()
        with pytest.raises(UnknownCall):
            await sim.accept("sim-404")
        with pytest.raises(UnknownCall):
            await sim.hangup("sim-404")

    run(scenario())


def test_a_failing_event_handler_does_not_break_the_source(rec, ops_log):
    def broken(event):
        raise RuntimeError("the card crashed")

    async def scenario():
        sim = SimulatorSource(on_event=broken)
        await sim.start()
        call_id = sim.ring("13800138000")
        sim.hang_up(call_id)
        return sim.active_calls

    assert run(scenario()) == ()
    failures = [e for e in ops_log() if e["event"] == "cti.callback_failed"]
    assert len(failures) == 2 and "the card crashed" in failures[0]["error"]
