"""BaresipSource against a tiny asyncio server speaking ctrl_tcp: the real recorded frames, split frames,
malformed frames, drops and reconnects, and commands matched to their responses by token."""

from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path

import pytest

from hcrm_desktop.cti.baresip import BaresipSource
from hcrm_desktop.cti.base import CommandFailed, CommandTimeout, SourceState, SourceUnavailable, UnknownCall
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.cti.netstring import NetstringDecoder, encode, encode_json
from hcrm_desktop.domain.enums import Direction

TRANSCRIPT = Path(__file__).resolve().parents[2] / "data" / "baresip_ctrl_transcript.txt"
FAST = {"retry_initial": 0.05, "retry_max": 0.2}
CALL = "90fa0e73ba20181c"


def call_event(kind: str, call_id: str = CALL, **extra: object) -> dict:
    return {
        "event": True, "type": kind, "class": "call", "accountaor": "sip:agent@127.0.0.1:29907",
        "direction": "incoming", "peeruri": "sip:13800138000@127.0.0.1:24104", "peerdisplayname": "张三 先生",
        "id": call_id, "param": "sip:13800138000@127.0.0.1:24104", **extra,
    }  # fmt: skip


class FakeBaresip:
    """Accepts connections one after another (like ctrl_tcp); each is handled by the test's script."""

    def __init__(self) -> None:
        self.connections: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
        self.accepted = 0
        self.server: asyncio.Server | None = None

    async def start(self, port: int = 0) -> int:
        self.server = await asyncio.start_server(self._accept, "127.0.0.1", port)
        return int(self.server.sockets[0].getsockname()[1])

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        await self.connections.put((reader, writer))

    async def next_connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        return await asyncio.wait_for(self.connections.get(), 5)

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()


async def read_command(reader: asyncio.StreamReader, decoder: NetstringDecoder) -> dict:
    while True:
        frames = decoder.feed(await asyncio.wait_for(reader.read(4096), 5))
        if frames:
            return json.loads(frames[0])


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 20))


def test_the_recorded_call_split_at_random_points_gives_ringing_answered_ended(rec):
    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **FAST)
        await source.start()
        _, writer = await fake.next_connection()
        wire, rng, at = TRANSCRIPT.read_bytes(), random.Random(3), 0
        while at < len(wire):  # cuts land inside headers, JSON and multi-byte characters
            step = rng.randint(1, 25)
            writer.write(wire[at : at + step])
            await writer.drain()
            at += step
            await asyncio.sleep(0)
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ANSWERED, ContactKind.ENDED)
        await source.stop()
        await fake.close()
        return source

    source = run(scenario())

    ringing, answered, ended = rec.events
    assert ringing.remote == "sip:13800138000@127.0.0.1:24104"
    assert ringing.remote_display == "张三 先生"
    assert ringing.local == "sip:agent@127.0.0.1:29907"
    assert ringing.source == "baresip" and ringing.channel == "phone"
    assert ringing.direction is Direction.INBOUND
    assert {e.call_id for e in rec.events} == {CALL}
    assert ended.reason == "Connection reset by peer"
    assert rec.states[-1] == (SourceState.DISCONNECTED, "")
    assert source.state is SourceState.DISCONNECTED


def test_malformed_frames_are_logged_and_skipped_and_the_connection_stays_up(rec, ops_log):
    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **FAST)
        await source.start()
        _, writer = await fake.next_connection()
        writer.write(encode_json(call_event("CALL_INCOMING")))
        cut_json = b'{"event":true,"type":"CALL_ESTABLISHED","peeruri":"sip:13800138000@x'
        writer.write(encode(cut_json))
        writer.write(b"!!line noise 13800138000!!")
        writer.write(encode_json({"hello": "world"}))
        writer.write(encode_json({"event": True, "type": "CALL_ESTABLISHED"}))  # no call id
        writer.write(encode_json(call_event("CALL_CLOSED", param="Connection reset by peer")))
        await writer.drain()
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ENDED)
        await asyncio.sleep(0.1)
        still_up = not writer.is_closing() and fake.accepted == 1 and source.state is SourceState.CONNECTED
        await source.stop()
        await fake.close()
        return still_up

    assert run(scenario())
    warnings = [e for e in ops_log() if e["event"] == "cti.frame_malformed"]
    reasons = ["bad_json", "bad_header", "neither_event_nor_response", "call_event_without_id"]
    assert [w["reason"] for w in warnings] == reasons
    assert all(w["level"] == "warning" and w["source"] == "baresip" for w in warnings)
    assert "13800138000" not in ops_log.path.read_text(encoding="utf-8")


def test_after_a_drop_the_source_reconnects_by_itself_and_follows_the_call(rec):
    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **FAST)
        await source.start()
        _, writer = await fake.next_connection()
        writer.write(encode_json(call_event("CALL_INCOMING")))
        await rec.until_kinds(ContactKind.RINGING)
        writer.close()  # baresip went away (or another client took the one ctrl_tcp connection)
        reader, writer = await fake.next_connection()
        await rec.until_state(SourceState.CONNECTED)
        listing = await read_command(reader, NetstringDecoder())  # it asks what calls survived
        assert listing["command"] == "listcalls"
        writer.write(encode_json({"response": True, "ok": True, "data": "\n--- Active calls (1) ---\n",
                                  "token": listing["token"]}))  # fmt: skip
        writer.write(encode_json(call_event("CALL_ESTABLISHED")))
        writer.write(encode_json(call_event("CALL_CLOSED", param="Connection reset by user")))
        await writer.drain()
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ANSWERED, ContactKind.ENDED)
        await source.stop()
        await fake.close()

    run(scenario())

    states = [state for state, _ in rec.states]
    assert states[:2] == [SourceState.CONNECTING, SourceState.CONNECTED]
    assert (SourceState.ERROR, "dropped") in rec.states
    dropped_at = rec.states.index((SourceState.ERROR, "dropped"))
    assert states[dropped_at + 1 : dropped_at + 3] == [SourceState.CONNECTING, SourceState.CONNECTED]
    assert rec.events[-1].reason == "Connection reset by user"


def test_a_call_lost_while_disconnected_ends_when_baresip_comes_back_without_calls(rec):
    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **FAST)
        await source.start()
        _, writer = await fake.next_connection()
        writer.write(encode_json(call_event("CALL_INCOMING")))
        await rec.until_kinds(ContactKind.RINGING)
        writer.close()
        reader, writer = await fake.next_connection()  # a restarted baresip: it knows no calls
        listing = await read_command(reader, NetstringDecoder())
        writer.write(encode_json({"response": True, "ok": True, "data": "\n--- Active calls (0) ---\n\n",
                                  "token": listing["token"]}))  # fmt: skip
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ENDED)
        await source.stop()
        await fake.close()

    run(scenario())

    assert rec.events[-1].call_id == CALL
    assert rec.events[-1].reason == "lost while disconnected"


def test_commands_are_matched_to_their_response_by_token(rec):
    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **FAST)
        await source.start()
        reader, writer = await fake.next_connection()
        writer.write(encode_json(call_event("CALL_INCOMING")))
        await rec.until_kinds(ContactKind.RINGING)
        decoder = NetstringDecoder()

        accepting = asyncio.ensure_future(source.accept(CALL))
        accept = await read_command(reader, decoder)
        writer.write(encode_json({"response": True, "ok": True, "data": "other", "token": "t999"}))
        writer.write(encode_json(call_event("CALL_REMOTE_SDP", param="offer")))
        await asyncio.sleep(0.05)
        answered_early = accepting.done()
        writer.write(encode_json({"response": True, "ok": True, "data": "Answering incoming call\n",
                                  "token": accept["token"]}))  # fmt: skip
        await accepting

        refusing = asyncio.ensure_future(source.command("nosuchcmd"))
        refused = await read_command(reader, decoder)
        writer.write(encode_json({"response": True, "ok": False, "data": "command not found (nosuchcmd)\n",
                                  "token": refused["token"]}))  # fmt: skip
        with pytest.raises(CommandFailed, match="command not found"):
            await refusing

        dialling = asyncio.ensure_future(source.dial("sip:13800138000@127.0.0.1:5070"))
        dial = await read_command(reader, decoder)
        writer.write(encode_json({"response": True, "ok": True, "data": "", "token": dial["token"]}))
        await dialling
        await source.stop()
        await fake.close()
        return answered_early, accept, dial

    answered_early, accept, dial = run(scenario())

    assert answered_early is False  # a response with another token did not complete the accept
    assert accept["command"] == "accept" and accept["params"] == CALL
    assert dial == {"command": "dial", "params": "sip:13800138000@127.0.0.1:5070", "token": dial["token"]}
    assert accept["token"] != dial["token"]


def test_a_command_without_response_times_out_and_a_late_response_harms_nothing(rec, ops_log):
    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state,
                               command_timeout=0.2, **FAST)  # fmt: skip
        await source.start()
        reader, writer = await fake.next_connection()
        decoder = NetstringDecoder()
        dialling = asyncio.ensure_future(source.dial("1001"))
        late = await read_command(reader, decoder)
        with pytest.raises(CommandTimeout):
            await dialling
        writer.write(encode_json({"response": True, "ok": True, "data": "", "token": late["token"]}))
        hanging = asyncio.ensure_future(source.command("hangup"))
        second = await read_command(reader, decoder)
        writer.write(encode_json({"response": True, "ok": True, "data": "bye", "token": second["token"]}))
        result = await hanging
        state = source.state
        await source.stop()
        await fake.close()
        return result, state

    result, state = run(scenario())

    assert result == "bye" and state is SourceState.CONNECTED
    assert [e["reason"] for e in ops_log() if e["event"] == "cti.frame_malformed"] == ["unexpected_response"]


def test_commands_are_refused_clearly_when_disconnected_or_for_unknown_calls(rec):
    async def scenario():
        source = BaresipSource(address="127.0.0.1:9", on_event=rec.event, on_state=rec.state, **FAST)
        with pytest.raises(SourceUnavailable):
            await source.dial("1001")
        with pytest.raises(UnknownCall):
            await source.accept("nope")
        with pytest.raises(UnknownCall):
            await source.hangup("nope")

    run(scenario())


def test_a_softphone_started_later_is_found_by_the_retries(rec, unused_port):
    async def scenario():
        source = BaresipSource(
            address=f"127.0.0.1:{unused_port}", on_event=rec.event, on_state=rec.state, **FAST
        )
        await source.start()
        await rec.until(lambda: rec.states.count((SourceState.ERROR, "refused")) >= 2, what="two refusals")
        fake = FakeBaresip()
        await fake.start(unused_port)
        await fake.next_connection()
        await rec.until_state(SourceState.CONNECTED)
        await source.stop()
        await fake.close()

    run(scenario())

    assert rec.states[0] == (SourceState.CONNECTING, "")
    assert rec.states[1] == (SourceState.ERROR, "refused")
    assert rec.states[2] == (SourceState.CONNECTING, "refused")  # the UI can say why it is retrying
    assert rec.states[-1] == (SourceState.DISCONNECTED, "")


@pytest.fixture
def unused_port():
    from tests.fixtures import free_tcp_port

    return free_tcp_port()


def test_a_call_the_agent_dials_is_answered_then_ended_without_a_ringing(rec, ops_log):
    """Frames as baresip 1.0.0 sends them for ``dial``: the first CALL_LOCAL_SDP has no call id yet."""
    outgoing = {
        "direction": "outgoing",
        "peeruri": "sip:13800138000@127.0.0.1:5070",
        "id": "bef6dee5cd67a091",
    }

    async def scenario():
        fake = FakeBaresip()
        port = await fake.start()
        source = BaresipSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **FAST)
        await source.start()
        reader, writer = await fake.next_connection()
        dialling = asyncio.ensure_future(source.dial("sip:13800138000@127.0.0.1:5070"))
        dial = await read_command(reader, NetstringDecoder())
        writer.write(encode_json({"response": True, "ok": True, "data": "", "token": dial["token"]}))
        await dialling
        local_sdp = {
            "event": True,
            "type": "CALL_LOCAL_SDP",
            "class": "other",
            "direction": "outgoing",
            "accountaor": "sip:agent@127.0.0.1:5060",
            "peeruri": outgoing["peeruri"],
            "param": "offer",
        }
        writer.write(encode_json(local_sdp))
        for kind in ("CALL_RINGING", "CALL_ESTABLISHED", "CALL_CLOSED"):
            param = "Connection reset by peer" if kind == "CALL_CLOSED" else outgoing["peeruri"]
            writer.write(encode_json(call_event(kind, **outgoing, param=param)))
        await rec.until_kinds(ContactKind.ANSWERED, ContactKind.ENDED)
        await source.stop()
        await fake.close()

    run(scenario())

    answered, ended = rec.events
    assert answered.direction is Direction.OUTBOUND and answered.remote == "sip:13800138000@127.0.0.1:5070"
    assert ended.call_id == answered.call_id == "bef6dee5cd67a091"
    assert [e for e in ops_log() if e["event"] == "cti.frame_malformed"] == []
