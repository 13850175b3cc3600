"""What the CTI tests share: a recorder for a source's events and states, and the operational log."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable

import pytest

from hcrm_desktop import oplog
from hcrm_desktop.cti.base import SourceState
from hcrm_desktop.cti.events import ContactEvent, ContactKind


class Recorder:
    """Pass ``on_event=rec.event, on_state=rec.state`` to a source; then await what should happen."""

    def __init__(self) -> None:
        self.events: list[ContactEvent] = []
        self.states: list[tuple[SourceState, str]] = []

    def event(self, event: ContactEvent) -> None:
        self.events.append(event)

    def state(self, state: SourceState, error: str) -> None:
        self.states.append((state, error))

    @property
    def kinds(self) -> list[ContactKind]:
        return [event.kind for event in self.events]

    async def until(self, check: Callable[[], object], timeout: float = 5.0, what: str = "") -> None:
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out waiting for {what or 'condition'}; events {self.kinds}, states {self.states}"
                )
            await asyncio.sleep(0.01)

    async def until_kinds(self, *kinds: ContactKind, timeout: float = 5.0) -> None:
        await self.until(lambda: len(self.events) >= len(kinds), timeout, f"events {list(kinds)}")
        assert self.kinds == list(kinds)

    async def until_state(self, state: SourceState, error: str | None = None, timeout: float = 5.0) -> None:
        def reached() -> bool:
            return bool(self.states) and self.states[-1][0] is state and error in (None, self.states[-1][1])

        await self.until(reached, timeout, f"state {state}/{error}")


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def ops_log(tmp_path):
    """The operational log of this test, as a function returning its entries (dicts)."""
    path = oplog.setup(tmp_path / "ops.jsonl")

    def entries() -> list[dict]:
        for handler in logging.getLogger(oplog.LOGGER_NAME).handlers:
            handler.flush()
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    entries.path = path  # type: ignore[attr-defined]
    return entries
