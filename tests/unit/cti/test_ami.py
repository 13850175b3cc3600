"""AmiSource against a small AMI server replaying Asterisk 18/20 transcripts (tests/data/ami/*.txt).

The replay server sends the transcript's blocks in order; before each ``Response`` block it waits for the
client's action and answers with that action's ActionID, as Asterisk does. Every action it receives is kept,
so the tests check the Login (and Hangup, Originate) the way an Asterisk admin would read them.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from hcrm_desktop.cti.ami import AmiParser, AmiSource, BadBlock
from hcrm_desktop.cti.base import CommandFailed, CommandNotSupported, SourceState, UnknownCall
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.domain.enums import Direction

DATA = Path(__file__).resolve().parents[2] / "data" / "ami"
AGENT = "PJSIP/8001"
FAST = {"retry_initial": 0.05, "retry_max": 0.2}


def load(name: str) -> tuple[str, list[str]]:
    """The banner line and the blocks (without their blank line) of a transcript, as sent on the wire."""
    # Stored with CRLF as Asterisk sends them; normalised in case a checkout turned them into LF.
    wire = (DATA / name).read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
    banner, _, rest = wire.partition("\r\n")
    return banner, [block for block in rest.split("\r\n\r\n") if block.strip()]


def fields(block: str) -> dict[str, str]:
    return dict(
        line.split(": ", 1) if ": " in line else (line.rstrip(":"), "") for line in block.split("\r\n")
    )


class AmiReplay:
    """Plays one transcript across however many connections the client makes; ``drop_before`` closes the
    socket (once) before that block; ``inject`` sends extra raw bytes before the given block index."""

    def __init__(self, name: str, *, drop_before: int | None = None, inject: dict[int, bytes] | None = None,
                 login_refused: bool = False, silent_after_login: bool = False) -> None:  # fmt: skip
        self.banner, self.blocks = load(name)
        self.drop_before, self.inject = drop_before, inject or {}
        self.login_refused, self.silent_after_login = login_refused, silent_after_login
        self.actions: list[dict[str, str]] = []
        self.connections = 0
        self.position = 2  # blocks[0] answers the Login, blocks[1] is FullyBooted: sent on every login
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()

    async def _read_action(self, reader: asyncio.StreamReader) -> dict[str, str]:
        raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        action = fields(raw.decode("utf-8").removesuffix("\r\n\r\n"))
        self.actions.append(action)
        return action

    def _answer(self, block: str, action: dict[str, str]) -> bytes:
        lines = [f"ActionID: {action['ActionID']}" if line.startswith("ActionID: ") else line
                 for line in block.split("\r\n")]  # fmt: skip
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            writer.write(f"{self.banner}\r\n".encode())
            login = await self._read_action(reader)
            if self.login_refused:
                refusal = (
                    f"Response: Error\r\nActionID: {login['ActionID']}\r\nMessage: Authentication failed"
                )
                writer.write(f"{refusal}\r\n\r\n".encode())
                await writer.drain()
                return
            writer.write(self._answer(self.blocks[0], login) + f"{self.blocks[1]}\r\n\r\n".encode())
            while self.silent_after_login:
                await self._read_action(reader)  # take Pings, answer nothing
            while self.position < len(self.blocks):
                if self.position == self.drop_before:
                    self.drop_before = None
                    return
                writer.write(self.inject.get(self.position, b""))
                block = self.blocks[self.position]
                if block.startswith("Response:"):
                    writer.write(self._answer(block, await self._read_action(reader)))
                else:
                    writer.write(f"{block}\r\n\r\n".encode())
                await writer.drain()
                self.position += 1
            await reader.read()  # stay up until the client leaves
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            pass
        finally:
            writer.close()


def make_source(port: int, rec, **kw) -> AmiSource:
    options = {"username": "hcrm", "secret": "s3cret", "agent": AGENT, "ping_interval": 60.0, **FAST, **kw}
    return AmiSource(address=f"127.0.0.1:{port}", on_event=rec.event, on_state=rec.state, **options)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 20))


# --- the parser ----------------------------------------------------------------------------------------


def test_parser_gives_the_same_blocks_however_the_bytes_are_cut():
    banner, blocks = load("inbound_answered_agent_hangs_up.txt")
    wire = "".join(f"{block}\r\n\r\n" for block in blocks).encode("utf-8")
    whole = AmiParser().feed(wire)
    rng = random.Random(5)
    for _ in range(10):
        parser, blocks, at = AmiParser(), [], 0
        while at < len(wire):
            step = rng.randint(1, 300)
            blocks += parser.feed(wire[at : at + step])
            at += step
        assert blocks == whole
    assert len(whole) == len(blocks) and banner == "Asterisk Call Manager/7.0.3"
    newchannel = whole[2]
    assert newchannel["Event"] == "Newchannel" and newchannel["AccountCode"] == ""
    assert newchannel["CallerIDNum"] == "13800138000" and newchannel["Uniqueid"] == newchannel["Linkedid"]


def test_parser_accepts_bare_newlines_and_flags_a_block_that_is_not_key_value():
    parser = AmiParser()
    blocks = parser.feed(
        b"Event: Newstate\nChannel: PJSIP/8001-1\n\nthis is no header\nEvent: X\n\nEvent: Y\n\n"
    )

    assert blocks[0] == {"Event": "Newstate", "Channel": "PJSIP/8001-1"}
    assert isinstance(blocks[1], BadBlock) and blocks[1].code == "not_key_value"
    assert blocks[2] == {"Event": "Y"}


# --- replays -------------------------------------------------------------------------------------------


def test_inbound_call_answered_by_the_agent_who_hangs_up_from_the_app(rec):
    replay = AmiReplay("inbound_answered_agent_hangs_up.txt")

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec)
        await source.start()
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ANSWERED)
        with pytest.raises(CommandNotSupported):
            await source.accept(rec.events[0].call_id)
        await source.hangup(rec.events[0].call_id)
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ANSWERED, ContactKind.ENDED)
        await asyncio.sleep(0.1)  # the rest of the transcript (other channels hanging up) adds nothing
        await source.stop()
        await replay.close()

    run(scenario())

    login, hangup = replay.actions
    assert login["Action"] == "Login" and login["Username"] == "hcrm" and login["Secret"] == "s3cret"
    assert login["ActionID"]
    assert hangup["Action"] == "Hangup" and hangup["Channel"] == "PJSIP/8001-00000032"
    ringing, answered, ended = rec.events
    assert ringing.call_id == answered.call_id == ended.call_id == "1718262000.97"  # the Linkedid
    assert ringing.remote == "13800138000"
    assert ringing.remote_display == "张三"  # set by the dialplan's CALLERID(name) lookup
    assert ringing.local == "8001"
    assert ringing.direction is Direction.INBOUND and ringing.source == "ami"
    assert ended.reason == "Normal Clearing"
    assert len(rec.events) == 3  # the 8003 -> 8002 call in the same transcript is not ours


def test_a_caller_who_gives_up_while_the_agent_rings_is_a_ringing_then_ended(rec):
    replay = AmiReplay("inbound_missed_caller_cancels.txt")

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec)
        await source.start()
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ENDED)
        await source.stop()
        await replay.close()

    run(scenario())

    ringing, ended = rec.events
    assert ringing.remote == "02087654321" and ringing.remote_display == ""  # <unknown> is no name
    assert ended.call_id == ringing.call_id == "1718263100.21"
    assert ended.reason == "Interworking, unspecified"


def test_click_to_dial_originates_from_the_agent_phone_and_reports_the_answer(rec):
    replay = AmiReplay("outbound_originate.txt")

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec, originate_context="hcrm-outbound")
        await source.start()
        await rec.until_state(SourceState.CONNECTED)
        await source.dial("13800138000")
        await rec.until_kinds(ContactKind.ANSWERED, ContactKind.ENDED)
        await source.stop()
        await replay.close()

    run(scenario())

    originate = replay.actions[1]
    assert originate["Action"] == "Originate" and originate["Channel"] == AGENT
    assert originate["Exten"] == "13800138000" and originate["Context"] == "hcrm-outbound"
    assert originate["Priority"] == "1" and originate["Async"] == "true"
    answered, ended = rec.events  # the agent's own phone ringing for the callback is no screen pop
    assert answered.direction is Direction.OUTBOUND and answered.remote == "13800138000"
    assert ended.call_id == answered.call_id == "1718264000.150"


def test_a_refused_originate_raises_with_asterisks_message(rec):
    async def scenario():
        server_actions: list[str] = []

        async def serve(reader, writer):
            writer.write(b"Asterisk Call Manager/9.0.0\r\n")
            while raw := await reader.readuntil(b"\r\n\r\n"):
                action = fields(raw.decode().strip())
                server_actions.append(action["Action"])
                reply = "Success\r\nMessage: Authentication accepted" if action["Action"] == "Login" else (
                    "Error\r\nMessage: Extension does not exist."
                )  # fmt: skip
                writer.write(f"Response: {reply}\r\nActionID: {action['ActionID']}\r\n\r\n".encode())

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        source = make_source(server.sockets[0].getsockname()[1], rec)
        await source.start()
        await rec.until_state(SourceState.CONNECTED)
        with pytest.raises(CommandFailed, match="Extension does not exist"):
            await source.dial("99999")
        with pytest.raises(UnknownCall):
            await source.hangup("no-such-linkedid")
        await source.stop()
        server.close()
        return server_actions

    assert run(scenario()) == ["Login", "Originate"]


def test_a_dropped_socket_is_reconnected_with_a_new_login_and_the_call_continues(rec):
    replay = AmiReplay("inbound_missed_caller_cancels.txt", drop_before=8)  # drop while the agent rings

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec)
        await source.start()
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ENDED)
        await source.stop()
        await replay.close()

    run(scenario())

    assert replay.connections == 2
    assert [action["Action"] for action in replay.actions] == ["Login", "Login"]
    assert (SourceState.ERROR, "dropped") in rec.states
    dropped_at = rec.states.index((SourceState.ERROR, "dropped"))
    assert [s for s, _ in rec.states[dropped_at + 1 : dropped_at + 3]] == [
        SourceState.CONNECTING, SourceState.CONNECTED,
    ]  # fmt: skip
    assert rec.events[0].call_id == rec.events[1].call_id


def test_a_malformed_block_is_logged_and_skipped_and_the_session_stays_up(rec, ops_log):
    garbage = b"Event: Newstate\r\nChannel PJSIP/8001-00000008 13800138000\r\n\r\n"
    replay = AmiReplay("inbound_missed_caller_cancels.txt", inject={5: garbage})

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec)
        await source.start()
        await rec.until_kinds(ContactKind.RINGING, ContactKind.ENDED)
        await source.stop()
        await replay.close()

    run(scenario())

    assert replay.connections == 1
    [warning] = [e for e in ops_log() if e["event"] == "cti.frame_malformed"]
    assert warning["reason"] == "not_key_value" and warning["level"] == "warning"
    assert "13800138000" not in ops_log.path.read_text(encoding="utf-8")


def test_a_refused_login_is_an_auth_failed_state_retried_slowly(rec):
    replay = AmiReplay("inbound_missed_caller_cancels.txt", login_refused=True)

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec, retry_initial=0.01, retry_max=1.0)
        await source.start()
        await rec.until_state(SourceState.ERROR, "auth_failed")
        await asyncio.sleep(0.4)  # fast retries would have logged in again many times by now
        await source.stop()
        await replay.close()

    run(scenario())

    assert replay.connections == 1
    assert rec.events == []


def test_a_peer_that_is_not_asterisk_is_a_not_ami_error(rec):
    async def scenario():
        async def serve(reader, writer):
            writer.write(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
            await reader.read()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        source = make_source(server.sockets[0].getsockname()[1], rec)
        await source.start()
        await rec.until_state(SourceState.ERROR, "not_ami")
        await source.stop()
        server.close()

    run(scenario())


def test_an_unanswered_ping_makes_the_source_reconnect(rec):
    replay = AmiReplay("inbound_missed_caller_cancels.txt", silent_after_login=True)

    async def scenario():
        port = await replay.start()
        source = make_source(port, rec, ping_interval=0.1, command_timeout=0.2)
        await source.start()
        await rec.until(lambda: replay.connections >= 2, what="a second connection")
        await source.stop()
        await replay.close()

    run(scenario())

    assert [a["Action"] for a in replay.actions[:3]] == ["Login", "Ping", "Login"]
    assert (SourceState.ERROR, "dropped") in rec.states


def test_the_agent_must_be_a_channel():
    with pytest.raises(ValueError, match="PJSIP/8001"):
        AmiSource(username="u", secret="s", agent="8001", on_event=print)


@pytest.mark.parametrize(
    ("getvar_reply", "expected"),
    [
        ("Response: Error\r\nMessage: No such channel", [ContactKind.RINGING, ContactKind.ENDED]),
        (
            "Response: Success\r\nVariable: CHANNEL(state)\r\nValue: Up",
            [ContactKind.RINGING, ContactKind.ANSWERED],
        ),
    ],
)
def test_after_a_reconnect_the_source_asks_asterisk_what_became_of_the_ringing_call(
    rec, getvar_reply, expected
):
    banner, blocks = load("inbound_missed_caller_cancels.txt")
    getvars: list[dict[str, str]] = []

    async def serve(reader, writer):
        writer.write(f"{banner}\r\n".encode())
        login = fields((await reader.readuntil(b"\r\n\r\n")).decode().strip())
        writer.write(f"Response: Success\r\nActionID: {login['ActionID']}\r\n"
                     "Message: Authentication accepted\r\n\r\n".encode())  # fmt: skip
        if not getvars and not rec.events:  # first connection: the call rings, then the socket drops
            writer.write("".join(f"{block}\r\n\r\n" for block in blocks[2:8]).encode())
            await writer.drain()
            await asyncio.sleep(0.1)
            writer.close()
            return
        getvar = fields((await reader.readuntil(b"\r\n\r\n")).decode().strip())
        getvars.append(getvar)
        writer.write(f"{getvar_reply}\r\nActionID: {getvar['ActionID']}\r\n\r\n".encode())
        await reader.read()

    async def scenario():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        source = make_source(server.sockets[0].getsockname()[1], rec)
        await source.start()
        await rec.until_kinds(*expected)
        await source.stop()
        server.close()

    run(scenario())

    assert getvars[0]["Action"] == "Getvar" and getvars[0]["Channel"] == "PJSIP/8001-00000008"
    if expected[-1] is ContactKind.ENDED:
        assert rec.events[-1].reason == "lost while disconnected"
