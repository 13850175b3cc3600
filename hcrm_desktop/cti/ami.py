"""Asterisk Manager Interface (AMI) over TCP: login, call events for one agent, Originate and Hangup.

The wire: a banner line (``Asterisk Call Manager/7.0.3``), then blocks of ``Key: Value`` lines ended by a
blank line, each either a ``Response`` (to an action, matched by ``ActionID``) or an ``Event``.

One call is one ``Linkedid`` (the Uniqueid of its oldest channel). Only calls in which the configured
agent's channel (``agent="PJSIP/8001"`` matches ``PJSIP/8001-0000002a``) takes part become events:
- inbound (someone else's channel started the call): ringing on ``DialBegin`` towards the agent or the
  agent channel in state Ring/Ringing; answered when the agent channel is Up; ended on its ``Hangup``.
  The caller is the dialling channel's CallerIDNum/Name (or the agent channel's ConnectedLine).
- outbound (the agent's channel is the oldest: the agent dialled, or our Originate rang the agent's
  phone first): answered when another channel of the call is Up, ended on the agent channel's Hangup.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from hcrm_desktop import oplog
from hcrm_desktop.cti.base import (
    CommandFailed,
    CommandNotSupported,
    EventCallback,
    PendingReplies,
    ProtocolError,
    ReconnectingSource,
    SourceUnavailable,
    StateCallback,
    UnknownCall,
    close_writer,
    parse_address,
)
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.domain.enums import Direction

DEFAULT_PORT = 5038
BANNER = "Asterisk Call Manager/"
MAX_BLOCK = 256 * 1024
_UNKNOWN = ("", "<unknown>", "<Unknown>")

Block = dict[str, str]


@dataclass(frozen=True)
class BadBlock:
    code: str
    size: int


class AmiParser:
    """Bytes in, blocks out: ``feed()`` returns a dict per complete block, or ``BadBlock`` for one whose
    lines are not ``Key: Value`` (it is skipped as a whole). CRLF or bare LF both end a line."""

    def __init__(self, max_block: int = MAX_BLOCK) -> None:
        self.max_block = max_block
        self._pending = b""
        self._lines: list[bytes] = []
        self._size = 0

    def feed(self, data: bytes) -> list[Block | BadBlock]:
        out: list[Block | BadBlock] = []
        *lines, self._pending = (self._pending + data).split(b"\n")
        for raw in lines:
            line = raw.removesuffix(b"\r")
            if line:
                self._lines.append(line)
                self._size += len(raw) + 1
            elif self._lines:
                out.append(self._block())
        if self._size + len(self._pending) > self.max_block:
            self._pending, self._lines, self._size = b"", [], 0
            out.append(BadBlock("too_long", self.max_block))
        return out

    def _block(self) -> Block | BadBlock:
        lines, size = self._lines, self._size
        self._lines, self._size = [], 0
        block: Block = {}
        for line in lines:
            key, sep, value = line.decode("utf-8", "replace").partition(":")
            if not sep or not key or key != key.strip():
                return BadBlock("not_key_value", size)
            block.setdefault(key, value.removeprefix(" "))
        if "Event" not in block and "Response" not in block:
            return BadBlock("neither_event_nor_response", size)
        return block


def _action(name: str, action_id: str, headers: dict[str, str]) -> bytes:
    lines = [f"Action: {name}", f"ActionID: {action_id}", *(f"{k}: {v}" for k, v in headers.items())]
    if any("\r" in line or "\n" in line for line in lines):
        raise ValueError("AMI header values cannot contain line breaks")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def _known(value: str | None) -> str:
    return "" if value is None or value in _UNKNOWN else value


@dataclass
class _Call:
    call_id: str
    agent_channel: str
    direction: Direction
    local: str
    remote: str = ""
    display: str = ""
    rang: bool = False
    answered: bool = False


class AmiSource(ReconnectingSource):
    name = "ami"

    def __init__(
        self,
        *,
        address: str = f"127.0.0.1:{DEFAULT_PORT}",
        username: str,
        secret: str,
        agent: str,
        originate_context: str = "from-internal",
        on_event: EventCallback,
        on_state: StateCallback | None = None,
        command_timeout: float = 5.0,
        ping_interval: float = 30.0,
        **retry: float,
    ) -> None:
        super().__init__(on_event=on_event, on_state=on_state, **retry)
        if "/" not in agent:
            raise ValueError(
                f"the AMI source needs the agent's channel as Tech/resource (PJSIP/8001), not {agent!r}"
            )
        self.host, self.port = parse_address(address, DEFAULT_PORT)
        self.username, self._secret, self.agent = username, secret, agent
        self.originate_context = originate_context
        self.command_timeout, self.ping_interval = command_timeout, ping_interval
        self._writer: asyncio.StreamWriter | None = None
        self._replies: PendingReplies[Block] = PendingReplies()
        self._action_ids = 0
        self._logged_in = False
        self._calls: dict[str, _Call] = {}  # by Linkedid
        self._callers: dict[str, tuple[str, str]] = {}  # Linkedid -> first channel's (CallerIDNum, Name)

    # --- commands ----------------------------------------------------------------------------------------

    async def accept(self, call_id: str) -> None:
        raise CommandNotSupported("AMI cannot take a SIP phone off the hook; answer on the phone")

    async def hangup(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            raise UnknownCall(f"no call {call_id} for {self.agent}")
        await self.action("Hangup", Channel=call.agent_channel)

    async def dial(self, number: str) -> None:
        """Originate: ring the agent's phone, and when it is picked up dial ``number`` from it."""
        await self.action(
            "Originate", Channel=self.agent, Context=self.originate_context, Exten=number, Priority="1",
            CallerID=f"<{number}>", Timeout="30000", Async="true",
        )  # fmt: skip

    async def action(self, name: str, **headers: str) -> Block:
        """Send one action and return its response block (``CommandFailed`` on ``Response: Error``)."""
        if not self._logged_in:
            raise SourceUnavailable("not logged in to the Asterisk manager")
        response = await self._send_action(name, headers)
        if response.get("Response") == "Error":
            raise CommandFailed(response.get("Message") or f"Asterisk refused {name}")
        return response

    async def _send_action(self, name: str, headers: dict[str, str]) -> Block:
        writer = self._writer
        if writer is None or writer.is_closing():
            raise SourceUnavailable("not connected to the Asterisk manager")
        self._action_ids += 1
        action_id = f"hcrm-{self._action_ids}"
        wire = _action(name, action_id, headers)
        reply = self._replies.expect(action_id)
        writer.write(wire)
        return await self._replies.wait(action_id, reply, self.command_timeout, name)

    # --- the session -------------------------------------------------------------------------------------

    async def _session(self) -> None:
        followed = list(self._calls.values())  # the calls to ask about once logged in again
        parser = AmiParser()
        async with asyncio.timeout(self.connect_timeout):
            reader, self._writer = await asyncio.open_connection(self.host, self.port)
            banner = await reader.readline()
            if not banner.startswith(BANNER.encode()):
                raise ProtocolError("not_ami", "the peer did not greet as an Asterisk manager")
            early = await self._login(reader, self._writer, parser)
        self._callers.clear()  # stale: we may have missed their Hangup
        self._logged_in = True
        self._connected()
        loop = asyncio.get_running_loop()
        helpers = [loop.create_task(self._keepalive())]
        if followed:
            helpers.append(loop.create_task(self._reconcile(followed)))
        try:
            for block in early:
                self._on_block(block)
            await self._serve(reader, parser)
        finally:
            self._logged_in = False
            for task in helpers:
                task.cancel()

    async def _login(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, parser: AmiParser
    ) -> list[Block | BadBlock]:
        """Send Login and read up to its response, before anything else: whatever a handler does with
        the first events may already use actions. Returns the blocks that came after the response."""
        self._action_ids += 1
        action_id = f"hcrm-{self._action_ids}"
        writer.write(_action("Login", action_id, {"Username": self.username, "Secret": self._secret}))
        blocks: list[Block | BadBlock] = []
        while data := await reader.read(65536):
            blocks += parser.feed(data)
            for i, block in enumerate(blocks):
                if isinstance(block, dict) and "Event" not in block and block.get("ActionID") == action_id:
                    if block.get("Response") != "Success":
                        raise ProtocolError("auth_failed", block.get("Message", ""))
                    return blocks[i + 1 :]
        raise ConnectionResetError("closed before the login was answered")

    async def _serve(self, reader: asyncio.StreamReader, parser: AmiParser) -> None:
        try:
            while data := await reader.read(65536):
                for block in parser.feed(data):
                    self._on_block(block)
        finally:
            self._replies.fail_all(SourceUnavailable("Asterisk manager connection lost"))

    def _on_block(self, block: Block | BadBlock) -> None:
        if isinstance(block, BadBlock):
            self._malformed(block.code, size=block.size)
        elif "Event" in block:  # before Response: OriginateResponse is an event with a Response header
            self._on_ami_event(block)
        elif not self._replies.resolve(block.get("ActionID", ""), block):
            self._malformed("unexpected_response")

    async def _keepalive(self) -> None:
        """A Ping now and then: a half-open connection (a NAT forgot us) shows up as a timeout."""
        while True:
            await asyncio.sleep(self.ping_interval)
            try:
                await self._send_action("Ping", {})
            except Exception as exc:
                oplog.event(
                    "cti.ping_failed", level=logging.WARNING, source=self.name, error=type(exc).__name__
                )
                if self._writer is not None:
                    self._writer.close()  # the reader sees EOF, the session ends, the supervisor retries
                return

    async def _reconcile(self, calls: list[_Call]) -> None:
        """After a reconnect, ask about each call we were following: a channel that is gone ended while we
        were away (no call card may wait forever), one that is Up was answered meanwhile."""
        for call in calls:
            try:
                reply = await self._send_action(
                    "Getvar", {"Channel": call.agent_channel, "Variable": "CHANNEL(state)"}
                )
            except Exception:
                return
            if call.call_id not in self._calls:
                continue  # its Hangup arrived meanwhile
            if reply.get("Response") == "Error":
                del self._calls[call.call_id]
                self._emit_call(ContactKind.ENDED, call, reason="lost while disconnected")
            elif reply.get("Value") == "Up" and call.direction is Direction.INBOUND:
                self._answer(call)

    async def _session_ended(self) -> None:
        writer, self._writer = self._writer, None
        self._replies.fail_all(SourceUnavailable("Asterisk manager connection lost"))
        await close_writer(writer)

    # --- events ------------------------------------------------------------------------------------------

    def _is_agent(self, channel: str) -> bool:
        return channel == self.agent or channel.startswith(self.agent + "-")

    def _on_ami_event(self, event: Block) -> None:
        name = event["Event"]
        linkedid = event.get("Linkedid", "")
        if name not in ("Newchannel", "Newstate", "NewConnectedLine", "DialBegin", "DialEnd", "Hangup"):
            return
        if not linkedid and name != "DialBegin":
            self._malformed("call_event_without_linkedid", event=name)
            return
        channel = event.get("Channel", "")
        if name == "Newchannel" and event.get("Uniqueid") == linkedid:
            self._callers[linkedid] = (_known(event.get("CallerIDNum")), _known(event.get("CallerIDName")))
        if name == "DialBegin":
            self._on_dial_begin(event)
        elif name == "DialEnd":
            self._on_dial_end(event)
        elif name == "Hangup":
            self._on_hangup(event, linkedid, channel)
        elif self._is_agent(channel):
            self._on_agent_channel(event, linkedid)
        elif event.get("ChannelStateDesc") == "Up":
            self._far_end_up(linkedid)

    def _far_end_up(self, linkedid: str) -> None:
        call = self._calls.get(linkedid)
        if call is not None and call.direction is Direction.OUTBOUND:  # the number the agent dialled answered
            self._answer(call)

    def _track(self, linkedid: str, event: Block, channel: str) -> _Call:
        call = self._calls.get(linkedid)
        if call is None:
            outbound = event.get("Uniqueid") == linkedid
            call = _Call(
                call_id=linkedid, agent_channel=channel, local=_known(event.get("CallerIDNum")),
                direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
            )  # fmt: skip
            if not outbound:
                call.remote, call.display = self._callers.get(linkedid, ("", ""))
            else:
                call.remote = _known(event.get("Exten")) if event.get("Exten") != "s" else ""
            self._calls[linkedid] = call
        return call

    def _on_agent_channel(self, event: Block, linkedid: str) -> None:
        call = self._track(linkedid, event, event["Channel"])
        if call.direction is Direction.INBOUND and not call.remote:
            call.remote = _known(event.get("ConnectedLineNum"))
            call.display = call.display or _known(event.get("ConnectedLineName"))
        state = event.get("ChannelStateDesc")
        if call.direction is Direction.INBOUND and state in ("Ring", "Ringing"):
            self._ring(call)
        elif call.direction is Direction.INBOUND and state == "Up":
            self._answer(call)

    def _on_dial_begin(self, event: Block) -> None:
        dest = event.get("DestChannel", "")
        if self._is_agent(dest) and event.get("DestLinkedid"):
            agent_view = {"Uniqueid": event.get("DestUniqueid", ""), "Channel": dest,
                          "CallerIDNum": event.get("DestCallerIDNum", "")}  # fmt: skip
            call = self._track(event["DestLinkedid"], agent_view, dest)
            if call.direction is Direction.INBOUND:
                caller = _known(event.get("CallerIDNum"))
                if caller:  # the dialling channel is the caller (or a queue's Local channel carrying it)
                    call.remote, call.display = caller, _known(event.get("CallerIDName"))
                self._ring(call)
        elif self._is_agent(event.get("Channel", "")):
            outbound = self._calls.get(event.get("Linkedid", ""))
            if outbound is not None and outbound.direction is Direction.OUTBOUND and not outbound.remote:
                outbound.remote = event.get("DialString", "").rpartition("/")[2].partition("@")[0]

    def _on_dial_end(self, event: Block) -> None:
        call = self._calls.get(event.get("Linkedid", ""))
        if call is not None and event.get("DialStatus") == "ANSWER":
            agent_answered = self._is_agent(event.get("DestChannel", ""))
            if agent_answered == (call.direction is Direction.INBOUND):
                self._answer(call)

    def _on_hangup(self, event: Block, linkedid: str, channel: str) -> None:
        if event.get("Uniqueid") == linkedid:
            self._callers.pop(linkedid, None)
        call = self._calls.get(linkedid)
        if call is None or channel != call.agent_channel:
            return
        del self._calls[linkedid]
        cause = event.get("Cause-txt") or event.get("Cause", "")
        self._emit_call(ContactKind.ENDED, call, reason=cause)

    def _ring(self, call: _Call) -> None:
        if not call.rang and not call.answered:
            call.rang = True
            self._emit_call(ContactKind.RINGING, call)

    def _answer(self, call: _Call) -> None:
        if not call.answered:
            call.answered = True
            self._emit_call(ContactKind.ANSWERED, call)

    def _emit_call(self, kind: ContactKind, call: _Call, reason: str = "") -> None:
        self._emit(
            kind, call.call_id, remote=call.remote, remote_display=call.display, local=call.local,
            direction=call.direction, reason=reason,
        )  # fmt: skip
