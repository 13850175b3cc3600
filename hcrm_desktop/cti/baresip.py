"""baresip over its ``ctrl_tcp`` module: netstring-framed JSON events and commands (DESIGN.md section 6).

Events: ``CALL_INCOMING`` becomes ringing, ``CALL_ESTABLISHED`` answered, ``CALL_CLOSED`` ended (its
``param`` is the reason, e.g. ``"Connection reset by peer"`` when the caller hung up). Calls the agent
dials (``direction: "outgoing"``) yield answered and ended with ``Direction.OUTBOUND``, never ringing.

What baresip 1.0.0 does that shapes this module:
- ``ctrl_tcp`` serves one connection at a time; a new one silently replaces (closes) the old one.
- ``accept`` and ``hangup`` act on baresip's *current* call and ignore their ``params``; the call id is
  sent anyway (later baresip versions take it) and checked against the calls this source knows.
- ``dial`` answers ``ok`` at once with no call id; the call's own events carry it.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from typing import Any

from hcrm_desktop.cti.base import (
    CommandFailed,
    EventCallback,
    PendingReplies,
    ReconnectingSource,
    SourceUnavailable,
    StateCallback,
    UnknownCall,
    close_writer,
    parse_address,
)
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.cti.netstring import Garbage, NetstringDecoder, encode_json
from hcrm_desktop.domain.enums import Direction

DEFAULT_PORT = 4444
MAX_FRAME = 64 * 1024
_ACTIVE_CALLS = re.compile(r"Active calls \((\d+)\)")


@dataclass
class _Call:
    direction: Direction
    remote: str
    display: str
    local: str
    answered: bool = False


class BaresipSource(ReconnectingSource):
    name = "baresip"

    def __init__(
        self,
        *,
        address: str = f"127.0.0.1:{DEFAULT_PORT}",
        on_event: EventCallback,
        on_state: StateCallback | None = None,
        command_timeout: float = 5.0,
        **retry: float,
    ) -> None:
        super().__init__(on_event=on_event, on_state=on_state, **retry)
        self.host, self.port = parse_address(address, DEFAULT_PORT)
        self.command_timeout = command_timeout
        self._writer: asyncio.StreamWriter | None = None
        self._replies: PendingReplies[dict[str, Any]] = PendingReplies()
        self._tokens = 0
        self._calls: dict[str, _Call] = {}

    # --- commands ----------------------------------------------------------------------------------------

    async def accept(self, call_id: str) -> None:
        call = self._known(call_id)
        if call.direction is not Direction.INBOUND or call.answered:
            raise UnknownCall(f"call {call_id} is not ringing")
        await self.command("accept", call_id)

    async def hangup(self, call_id: str) -> None:
        self._known(call_id)
        await self.command("hangup", call_id)

    async def dial(self, number: str) -> None:
        await self.command("dial", number)

    async def command(self, command: str, params: str = "") -> str:
        """Send one ctrl_tcp command and return the ``data`` of its response (``CommandFailed`` if not ok)."""
        writer = self._writer
        if writer is None or writer.is_closing():
            raise SourceUnavailable("baresip is not connected")
        self._tokens += 1
        token = f"t{self._tokens}"
        reply = self._replies.expect(token)
        writer.write(encode_json({"command": command, "params": params, "token": token}))
        reply_data = await self._replies.wait(token, reply, self.command_timeout, repr(command))
        data = str(reply_data.get("data") or "")
        if reply_data.get("ok") is not True:
            raise CommandFailed(data.strip() or f"baresip refused {command!r}")
        return data

    def _known(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None:
            raise UnknownCall(f"no call {call_id} on baresip")
        return call

    # --- the session -------------------------------------------------------------------------------------

    async def _session(self) -> None:
        async with asyncio.timeout(self.connect_timeout):
            reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self._connected()
        decoder = NetstringDecoder(MAX_FRAME, payload_start=b"{")
        followed = list(self._calls)  # the calls known before this connection brings any news
        reconcile = asyncio.get_running_loop().create_task(self._reconcile(followed)) if followed else None
        try:
            while data := await reader.read(65536):
                for frame in decoder.feed(data):
                    self._on_frame(frame)
        finally:
            if reconcile is not None:
                reconcile.cancel()

    async def _session_ended(self) -> None:
        writer, self._writer = self._writer, None
        self._replies.fail_all(SourceUnavailable("baresip connection lost"))
        await close_writer(writer)

    def _on_frame(self, frame: bytes | Garbage) -> None:
        if isinstance(frame, Garbage):
            self._malformed(frame.code, size=frame.size)
            return
        try:
            message = json.loads(frame)
        except ValueError:  # also UnicodeDecodeError
            message = None
        if not isinstance(message, dict):
            self._malformed("bad_json", size=len(frame))
        elif message.get("event") is True:
            self._on_message_event(message)
        elif message.get("response") is True:
            if not self._replies.resolve(str(message.get("token", "")), message):
                self._malformed("unexpected_response", size=len(frame))
        else:
            self._malformed("neither_event_nor_response", size=len(frame))

    def _on_message_event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind not in ("CALL_INCOMING", "CALL_ESTABLISHED", "CALL_CLOSED", "CALL_RINGING"):
            return  # CALL_REMOTE_SDP, CALL_RTCP, REGISTER_OK, ... say nothing a call card needs
        call_id = event.get("id")
        if not isinstance(call_id, str) or not call_id:
            self._malformed("call_event_without_id", type=str(kind))
            return
        call = self._calls.get(call_id) or self._track(call_id, event)
        if kind == "CALL_INCOMING" and call.direction is Direction.INBOUND and not call.answered:
            self._emit_call(ContactKind.RINGING, call_id, call)
        elif kind == "CALL_ESTABLISHED" and not call.answered:
            call.answered = True
            self._emit_call(ContactKind.ANSWERED, call_id, call)
        elif kind == "CALL_CLOSED":
            del self._calls[call_id]
            self._emit_call(ContactKind.ENDED, call_id, call, reason=str(event.get("param") or ""))

    def _track(self, call_id: str, event: dict[str, Any]) -> _Call:
        outgoing = event.get("direction") == "outgoing"
        call = _Call(
            direction=Direction.OUTBOUND if outgoing else Direction.INBOUND,
            remote=str(event.get("peeruri") or ""),
            display=str(event.get("peerdisplayname") or ""),
            local=str(event.get("accountaor") or ""),
        )
        self._calls[call_id] = call
        return call

    def _emit_call(self, kind: ContactKind, call_id: str, call: _Call, reason: str = "") -> None:
        self._emit(
            kind, call_id, remote=call.remote, remote_display=call.display, local=call.local,
            direction=call.direction, reason=reason,
        )  # fmt: skip

    async def _reconcile(self, followed: list[str]) -> None:
        """After a reconnect: if baresip has no calls at all (it restarted, or they ended while we were
        away), end the calls we still think are on, so no call card waits forever."""
        try:
            listing = await self.command("listcalls")
        except Exception:
            return
        found = _ACTIVE_CALLS.search(listing)
        if found is None or int(found.group(1)) != 0:
            return
        for call_id in followed:
            if (call := self._calls.pop(call_id, None)) is not None:
                self._emit_call(ContactKind.ENDED, call_id, call, reason="lost while disconnected")
