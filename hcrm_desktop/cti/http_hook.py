"""A local HTTP endpoint that PBXs, softphones and SMS/WeChat/web gateways call (stdlib asyncio only).

    POST /v1/ring      {"call_id", "from", "display", "to"}   -> ringing (call_id made up when missing)
    POST /v1/answered  {"call_id"}                            -> answered
    POST /v1/ended     {"call_id", "reason"}                  -> ended
    POST /v1/message   {"channel": "sms|wechat|web", "from", "text", "id", "display"} -> message
    GET  the same paths with the fields as query parameters, for PBXs that can only fetch a URL.

Every request needs the token: ``Authorization: Bearer <token>`` or ``?token=<token>``. Answers are JSON:
202 ``{"accepted": true, "call_id": ...}``; 400 (malformed), 401 (token), 404, 405, 411 (chunked),
413 (body over 64 KiB) with ``{"accepted": false, "error": "..."}``. One request per connection.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from hcrm_desktop import oplog
from hcrm_desktop.cti.base import (
    EventCallback,
    ProtocolError,
    ReconnectingSource,
    SourceState,
    StateCallback,
    parse_address,
)
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.domain.enums import Channel

DEFAULT_PORT = 8765
MAX_BODY = 64 * 1024
MAX_HEAD = 16 * 1024
READ_TIMEOUT = 10.0
MESSAGE_CHANNELS = (Channel.SMS, Channel.WECHAT, Channel.WEB)
_REASONS = {
    202: "Accepted", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
    411: "Length Required", 413: "Payload Too Large", 431: "Request Header Fields Too Large",
}  # fmt: skip
_ROUTES = {
    "/v1/ring": ContactKind.RINGING,
    "/v1/answered": ContactKind.ANSWERED,
    "/v1/ended": ContactKind.ENDED,
    "/v1/message": ContactKind.MESSAGE,
}


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


class HttpHookSource(ReconnectingSource):
    name = "http_hook"

    def __init__(
        self,
        *,
        address: str = f"127.0.0.1:{DEFAULT_PORT}",
        token: str,
        on_event: EventCallback,
        on_state: StateCallback | None = None,
        max_body: int = MAX_BODY,
        **retry: float,
    ) -> None:
        super().__init__(on_event=on_event, on_state=on_state, **retry)
        self.host, self._port = parse_address(address, DEFAULT_PORT)
        self._token = token
        self.max_body = max_body
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        """The port listened on (the real one once connected, when the address asked for port 0)."""
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self._port}"

    async def start(self) -> None:
        if not self._token:
            self._set_state(SourceState.ERROR, "no_token")  # an open hook would let anyone pop screens
            return
        await super().start()

    async def _session(self) -> None:
        if not self._token:
            raise ProtocolError("no_token")
        self._server = await asyncio.start_server(self._serve, self.host, self._port, limit=MAX_HEAD)
        self._port = int(self._server.sockets[0].getsockname()[1])
        self._connected()
        await self._server.serve_forever()

    async def _session_ended(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()

    # --- one request -------------------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        status, answer = 500, {"accepted": False, "error": "internal error"}
        try:
            async with asyncio.timeout(READ_TIMEOUT):
                request = await self._read(reader)
            answer = {"accepted": True, "call_id": self._handle(request)}
            status = 202
        except HttpError as exc:
            status, answer = exc.status, {"accepted": False, "error": exc.message}
            oplog.event("cti.hook_refused", level=logging.WARNING, status=status, error=exc.message)
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            writer.close()
            return
        except Exception:
            oplog.event("cti.hook_failed", level=logging.ERROR, exc_info=True)
        try:
            writer.write(_response(status, answer))
            writer.write_eof()
            await writer.drain()
            async with asyncio.timeout(2.0):
                await _discard(reader, 16 * self.max_body)
        except (OSError, TimeoutError):
            pass
        finally:
            writer.close()

    async def _read(self, reader: asyncio.StreamReader) -> Request:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError:
            raise HttpError(431, "request head too large") from None
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        parts = request_line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise HttpError(400, "malformed request line")
        headers: dict[str, str] = {}
        for line in filter(None, header_lines):
            key, sep, value = line.partition(":")
            if not sep:
                raise HttpError(400, "malformed header line")
            headers[key.strip().lower()] = value.strip()
        target = urlsplit(parts[1])
        query = dict(parse_qsl(target.query, keep_blank_values=True))
        self._authorize(headers, query)
        body = await self._read_body(reader, headers)
        return Request(parts[0].upper(), target.path.rstrip("/") or "/", query, headers, body)

    def _authorize(self, headers: dict[str, str], query: dict[str, str]) -> None:
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            given = query.get("token", "")
        if not given or not hmac.compare_digest(given.strip().encode(), self._token.encode()):
            raise HttpError(401, "missing or wrong token")

    async def _read_body(self, reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise HttpError(411, "send a Content-Length, not a chunked body")
        length_text = headers.get("content-length", "0")
        if not length_text.isdigit():
            raise HttpError(400, "bad Content-Length")
        length = int(length_text)
        if length > self.max_body:
            raise HttpError(413, f"body over {self.max_body} bytes")
        return await reader.readexactly(length) if length else b""

    def _handle(self, request: Request) -> str:
        kind = _ROUTES.get(request.path)
        if kind is None:
            raise HttpError(404, f"no such endpoint {request.path}; try {', '.join(_ROUTES)}")
        if request.method == "POST":
            fields = _json_fields(request.body)
        elif request.method == "GET":
            fields = {k: v for k, v in request.query.items() if k != "token"}
        else:
            raise HttpError(405, "use POST (or GET with query parameters)")
        return self._emit_from(kind, fields)

    def _emit_from(self, kind: ContactKind, fields: dict[str, Any]) -> str:
        text = {
            key: text_field(fields, key)
            for key in ("call_id", "id", "from", "display", "to", "reason", "text")
        }
        if kind is ContactKind.MESSAGE:
            channel = text_field(fields, "channel")
            if channel not in MESSAGE_CHANNELS:
                raise HttpError(400, f"channel must be one of {', '.join(MESSAGE_CHANNELS)}")
            if "text" not in fields:
                raise HttpError(400, "text is required")
            message_id = text["id"] or text["call_id"] or _new_id()
            self._emit(
                kind, message_id, channel=channel, remote=text["from"], remote_display=text["display"],
                local=text["to"], text=text["text"],
            )  # fmt: skip
            return message_id
        call_id = text["call_id"]
        if not call_id and kind is not ContactKind.RINGING:
            raise HttpError(400, "call_id is required")
        call_id = call_id or _new_id()
        self._emit(
            kind, call_id, remote=text["from"], remote_display=text["display"], local=text["to"],
            reason=text["reason"],
        )  # fmt: skip
        return call_id


def _json_fields(body: bytes) -> dict[str, Any]:
    try:
        fields = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (ValueError, UnicodeDecodeError) as exc:
        raise HttpError(400, f"malformed JSON: {exc}") from None
    if not isinstance(fields, dict):
        raise HttpError(400, "the body must be a JSON object")
    return fields


async def _discard(reader: asyncio.StreamReader, limit: int) -> None:
    """Read what the client still sends (a refused body) until it closes, so our close is not a reset."""
    while limit > 0 and (data := await reader.read(65536)):
        limit -= len(data)


def text_field(fields: dict[str, Any], key: str) -> str:
    """A field as text: strings as they are, numbers as digits (a PBX may send 13800138000 unquoted)."""
    value = fields.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise HttpError(400, f"{key} must be a string")
    return str(value).strip()


def _new_id() -> str:
    return f"hook-{uuid.uuid4().hex[:16]}"


def _response(status: int, answer: dict[str, Any]) -> bytes:
    body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Internal Server Error')}\r\n"
        "Content-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        + ('WWW-Authenticate: Bearer realm="hcrm"\r\n' if status == 401 else "")
        + ("Allow: GET, POST\r\n" if status == 405 else "")
        + "Connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body
