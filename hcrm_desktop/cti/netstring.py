"""Netstrings (``<length>:<payload>,``, the length in bytes), as baresip's ``ctrl_tcp`` frames its JSON.

``NetstringDecoder.feed()`` takes bytes as they arrive and returns whole payloads; a frame split across
reads waits for its rest. Bytes that cannot start a frame come back as one ``Garbage`` item (with a code)
and the decoder resynchronises on the next thing that looks like a header, checked by its terminator.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_LENGTH = 1 << 20  # baresip's frames are a few hundred bytes; a bigger length is garbage


@dataclass(frozen=True)
class Garbage:
    """Bytes skipped while resynchronising: ``code`` is the first reason (bad_header, bad_terminator,
    too_long), ``size`` how many bytes were dropped."""

    code: str
    size: int


def encode(payload: bytes) -> bytes:
    return b"%d:%s," % (len(payload), payload)


def encode_json(message: Any) -> bytes:
    return encode(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


class NetstringDecoder:
    def __init__(self, max_length: int = MAX_LENGTH, payload_start: bytes = b"") -> None:
        """``payload_start``: what every payload begins with (``b"{"`` for JSON objects), so a header-like
        run of digits inside garbage is recognised at once instead of waiting for its claimed length."""
        self.max_length = max_length
        self._start = payload_start
        self._digits = len(str(max_length))
        self._header = re.compile(rb"([0-9]{1,%d}):" % self._digits)
        self._buffer = bytearray()
        self._skipped = 0
        self._skip_code = ""

    @property
    def buffered(self) -> int:
        """Bytes held back, waiting for the rest of a frame."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[bytes | Garbage]:
        self._buffer += data
        out: list[bytes | Garbage] = []
        while self._buffer:
            header = self._header.match(self._buffer)
            if header is None:
                if self._buffer.isdigit() and len(self._buffer) <= self._digits:
                    break  # the start of a header: wait for the colon
                self._skip("bad_header", out)
                continue
            length = int(header.group(1))
            if length > self.max_length:
                self._skip("too_long", out)
                continue
            end = header.end() + length
            if not self._starts_right(header.end(), length):
                self._skip("bad_header", out)
                continue
            if len(self._buffer) <= end:
                break  # the payload or its terminator is still on the way
            if self._buffer[end] != ord(","):
                self._skip("bad_terminator", out)
                continue
            self._flush_garbage(out)
            out.append(bytes(self._buffer[header.end() : end]))
            del self._buffer[: end + 1]
        if not self._buffer:
            self._flush_garbage(out)
        return out

    def _starts_right(self, offset: int, length: int) -> bool:
        if not self._start:
            return True
        seen = bytes(self._buffer[offset : offset + min(length, len(self._start))])
        return length >= len(self._start) and self._start.startswith(seen)

    def _skip(self, code: str, out: list[bytes | Garbage]) -> None:
        """Drop bytes up to the next digit that follows a non-digit (a possible header start)."""
        self._skip_code = self._skip_code or code
        start = 1
        while start < len(self._buffer):
            if self._buffer[start] in _DIGITS and self._buffer[start - 1] not in _DIGITS:
                break
            start += 1
        self._skipped += start
        del self._buffer[:start]
        if not self._buffer:
            self._flush_garbage(out)

    def _flush_garbage(self, out: list[bytes | Garbage]) -> None:
        if self._skipped:
            out.append(Garbage(self._skip_code, self._skipped))
            self._skipped, self._skip_code = 0, ""


_DIGITS = frozenset(b"0123456789")
