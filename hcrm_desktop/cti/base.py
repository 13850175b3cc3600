"""The one interface every contact source implements, and what the sources share.

A source is built with two callbacks, ``on_event(ContactEvent)`` and ``on_state(SourceState, error)``, and
started with ``await source.start()``; from then on it keeps itself connected (capped exponential backoff
after a drop) until ``await source.stop()``. Nothing a peer sends can raise into the event loop: malformed
frames are logged and skipped, failed callbacks are logged. Commands (``accept``, ``hangup``, ``dial``)
raise a ``CtiError`` subclass the UI can translate by its ``code``.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import random
import socket
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar, Generic, TypeVar

from hcrm_desktop import oplog
from hcrm_desktop.cti.events import ContactEvent, ContactKind
from hcrm_desktop.domain.enums import Channel, Direction

ADAPTERS = ("simulator", "baresip", "ami", "http_hook")

EventCallback = Callable[[ContactEvent], None]
StateCallback = Callable[["SourceState", str], None]
T = TypeVar("T")


class SourceState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    ERROR = "error"


# --- errors a command can raise (``code`` is what the UI translates) ------------------------------------


class CtiError(Exception):
    code = "cti_error"


class CommandNotSupported(CtiError):
    code = "not_supported"


class SourceUnavailable(CtiError):
    """The source is not connected (yet, or any more)."""

    code = "unavailable"


class CommandTimeout(CtiError):
    code = "timeout"


class CommandFailed(CtiError):
    """The far side refused the command; the message is its own words."""

    code = "failed"


class UnknownCall(CtiError):
    code = "unknown_call"


class ProtocolError(CtiError):
    """The peer does not speak the expected protocol (a session-level error, ends the connection)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


def error_code(exc: BaseException) -> str:
    """A short, stable code for why a connection attempt or session ended."""
    if isinstance(exc, CtiError):
        return exc.code
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, ConnectionError | asyncio.IncompleteReadError):
        return "dropped"
    if isinstance(exc, socket.gaierror):
        return "bad_host"
    if isinstance(exc, OSError):
        return "address_in_use" if exc.errno == errno.EADDRINUSE else "os_error"
    return "internal"


def parse_address(address: str, default_port: int, default_host: str = "127.0.0.1") -> tuple[str, int]:
    """``"host:port"``, ``":port"``, ``"port"`` or ``"host"`` (also ``"[::1]:port"``) to (host, port)."""
    address = address.strip()
    if not address:
        return default_host, default_port
    if address.isdigit():
        return default_host, int(address)
    host, sep, port = address.rpartition(":")
    if not sep or (host.count(":") and not host.endswith("]")):  # "host" alone, or a bare IPv6 address
        host, port = address, ""
    host = host.strip("[]") or default_host
    if port and not port.isdigit():
        raise ValueError(f"bad port in address {address!r}")
    return host, int(port) if port else default_port


# --- shared machinery ------------------------------------------------------------------------------------


class Backoff:
    """Capped exponential delays: initial, initial*factor, ... up to maximum, each spread by +-``jitter``
    (so fifty workstations do not all knock on a restarted PBX in the same instant); ``reset()`` starts over."""

    def __init__(
        self, initial: float = 0.5, maximum: float = 30.0, factor: float = 2.0, jitter: float = 0.2
    ) -> None:
        self.initial, self.maximum, self.factor, self.jitter = initial, maximum, factor, jitter
        self._next = initial

    def next(self) -> float:
        delay = self._next
        self._next = min(self.maximum, self._next * self.factor)
        return delay * random.uniform(1 - self.jitter, 1 + self.jitter)

    def reset(self) -> None:
        self._next = self.initial


class PendingReplies(Generic[T]):
    """Commands waiting for the reply that carries their token (ActionID)."""

    def __init__(self) -> None:
        self._waiting: dict[str, asyncio.Future[T]] = {}

    def expect(self, token: str) -> asyncio.Future[T]:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._waiting[token] = future
        return future

    def resolve(self, token: str, reply: T) -> bool:
        future = self._waiting.pop(token, None)
        if future is None or future.done():
            return False
        future.set_result(reply)
        return True

    async def wait(self, token: str, future: asyncio.Future[T], timeout: float, what: str) -> T:
        try:
            async with asyncio.timeout(timeout):  # not wait_for: on 3.11 it can swallow a cancellation
                return await future
        except TimeoutError:
            raise CommandTimeout(f"no reply to {what} within {timeout:g} s") from None
        finally:
            self._waiting.pop(token, None)

    def fail_all(self, exc: CtiError) -> None:
        for future in self._waiting.values():
            if not future.done():
                future.set_exception(exc)
        self._waiting.clear()


class ContactSource(ABC):
    """A contact source: ``start``/``stop``, a state, events through ``on_event``, three commands."""

    name: ClassVar[str]

    def __init__(self, *, on_event: EventCallback, on_state: StateCallback | None = None) -> None:
        self._on_event = on_event
        self._on_state = on_state
        self._state = SourceState.DISCONNECTED
        self._error = ""
        self._last_logged: tuple[SourceState, str] | None = None

    @property
    def state(self) -> SourceState:
        return self._state

    @property
    def error(self) -> str:
        """Why the last connection failed or ended (a code such as ``refused``); empty when connected."""
        return self._error

    @abstractmethod
    async def start(self) -> None:
        """Begin connecting (returns at once; the state tells how it goes). Idempotent."""

    @abstractmethod
    async def stop(self) -> None:
        """Disconnect and stop reconnecting. Idempotent."""

    async def accept(self, call_id: str) -> None:
        raise CommandNotSupported(f"{self.name} cannot answer calls")

    async def hangup(self, call_id: str) -> None:
        raise CommandNotSupported(f"{self.name} cannot hang up calls")

    async def dial(self, number: str) -> None:
        raise CommandNotSupported(f"{self.name} cannot dial")

    def _set_state(self, state: SourceState, error: str = "", **log_fields: Any) -> None:
        if (state, error) == (self._state, self._error):
            return
        self._state, self._error = state, error
        # A PBX that stays away all night gives one log line, not one per retry.
        if state is not SourceState.CONNECTING and (state, error) != self._last_logged:
            self._last_logged = (state, error)
            level = logging.WARNING if state is SourceState.ERROR else logging.INFO
            oplog.event(
                "cti.state", level=level, source=self.name, state=state.value, error=error, **log_fields
            )
        if self._on_state is not None:
            try:
                self._on_state(state, error)
            except Exception:
                oplog.event("cti.callback_failed", level=logging.ERROR, source=self.name, exc_info=True)

    def _emit(
        self,
        kind: ContactKind,
        call_id: str,
        *,
        remote: str = "",
        remote_display: str = "",
        local: str = "",
        channel: str = Channel.PHONE,
        text: str = "",
        direction: Direction = Direction.INBOUND,
        reason: str = "",
    ) -> ContactEvent:
        event = ContactEvent(
            kind=kind, channel=channel, call_id=call_id, remote=remote, remote_display=remote_display,
            local=local, at=datetime.now(UTC), source=self.name, text=text, direction=direction, reason=reason,
        )  # fmt: skip
        try:
            self._on_event(event)
        except Exception:
            oplog.event("cti.callback_failed", level=logging.ERROR, source=self.name, exc_info=True)
        return event

    def _malformed(self, reason: str, **fields: Any) -> None:
        """Log a frame that was skipped. Never the frame itself: it may hold numbers and names."""
        oplog.event("cti.frame_malformed", level=logging.WARNING, source=self.name, reason=reason, **fields)


class ReconnectingSource(ContactSource):
    """A source with one long-lived session (a TCP connection, a listening server) kept up by itself.

    Subclasses implement ``_session()``: open the connection, handshake, call ``_connected()``, then serve
    until the peer goes away (return, or raise). The loop here retries with capped exponential backoff;
    the backoff starts over once a session has stayed up for ``stable_after`` seconds. Errors whose code
    is in ``slow_retry`` (a refused login) wait the longest delay at once: retrying fast cannot help.
    """

    slow_retry: ClassVar[frozenset[str]] = frozenset({"auth_failed"})

    def __init__(
        self,
        *,
        on_event: EventCallback,
        on_state: StateCallback | None = None,
        retry_initial: float = 0.5,
        retry_max: float = 30.0,
        stable_after: float = 5.0,
        connect_timeout: float = 5.0,
    ) -> None:
        super().__init__(on_event=on_event, on_state=on_state)
        self._backoff = Backoff(retry_initial, retry_max)
        self._stable_after = stable_after
        self.connect_timeout = connect_timeout
        self._task: asyncio.Task[None] | None = None
        self._connected_at: float | None = None

    async def start(self) -> None:
        if self._task is not None and not self._task.done():
            return
        self._set_state(SourceState.CONNECTING)
        self._task = asyncio.get_running_loop().create_task(self._supervise(), name=f"cti-{self.name}")

    async def stop(self) -> None:
        task, self._task = self._task, None
        while task is not None and not task.done():
            task.cancel()  # again if need be: a cancellation racing a finished await can be lost
            await asyncio.wait({task}, timeout=1.0)
        if task is not None and not task.cancelled():
            task.exception()  # retrieved, so asyncio does not complain; _supervise only ends by cancellation
        await self._session_ended()
        self._set_state(SourceState.DISCONNECTED)

    def _connected(self) -> None:
        self._connected_at = time.monotonic()
        self._set_state(SourceState.CONNECTED)

    async def _supervise(self) -> None:
        while True:
            self._connected_at = None
            self._set_state(SourceState.CONNECTING, self._error)
            try:
                await self._session()
                code = "dropped"
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                code = error_code(exc)
                if code == "internal":
                    oplog.event("cti.session_failed", level=logging.ERROR, source=self.name, exc_info=True)
            await self._session_ended()
            if self._connected_at is not None and time.monotonic() - self._connected_at >= self._stable_after:
                self._backoff.reset()
            delay = self._backoff.maximum if code in self.slow_retry else self._backoff.next()
            self._set_state(SourceState.ERROR, code, retry_in_s=delay)
            await asyncio.sleep(delay)

    @abstractmethod
    async def _session(self) -> None:
        """One connection, from connect to drop."""

    async def _session_ended(self) -> None:
        """Close what the session opened (called after every session and on stop). Must not raise."""


async def close_writer(writer: asyncio.StreamWriter | None) -> None:
    """Close a stream writer, ignoring a peer that is already gone."""
    if writer is None:
        return
    writer.close()
    with contextlib.suppress(OSError, TimeoutError):
        async with asyncio.timeout(1.0):
            await writer.wait_closed()


def make_source(
    adapter_name: str,
    address: str,
    *,
    on_event: EventCallback,
    on_state: StateCallback | None = None,
    **options: Any,
) -> ContactSource:
    """The source the settings name (``Settings.cti_adapter``/``cti_address``); ``options`` go to it.

    ``ami`` needs ``username``, ``secret`` and ``agent`` (e.g. ``"PJSIP/8001"``); ``http_hook`` needs
    ``token``. Secrets come from the keyring, never from the settings file. ``"none"`` has no source.
    """
    callbacks: dict[str, Any] = {"on_event": on_event, "on_state": on_state}
    source: ContactSource
    if adapter_name == "simulator":
        from hcrm_desktop.cti.simulator import SimulatorSource

        source = SimulatorSource(**callbacks, **options)
    elif adapter_name == "baresip":
        from hcrm_desktop.cti.baresip import BaresipSource

        source = BaresipSource(address=address, **callbacks, **options)
    elif adapter_name == "ami":
        from hcrm_desktop.cti.ami import AmiSource

        source = AmiSource(address=address, **callbacks, **options)
    elif adapter_name == "http_hook":
        from hcrm_desktop.cti.http_hook import HttpHookSource

        source = HttpHookSource(address=address, **callbacks, **options)
    else:
        raise ValueError(f"unknown CTI adapter {adapter_name!r}; expected one of {', '.join(ADAPTERS)}")
    return source
