"""The task runner: database work on one worker thread, network work on a pool, results on the UI thread.

Coroutines run on the qasync loop (the UI thread) and `await runner.run_db(fn, ...)`; the function runs on
the single database worker (SQLite wants writes serialised) and the coroutine continues on the UI thread.
`spawn()` starts a UI coroutine; an exception nobody handled goes to `sys.excepthook` (the crash dialog).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sys
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QMetaObject, QObject, SignalInstance
from PySide6.QtWidgets import QDialog

T = TypeVar("T")


class TaskRunner:
    """Owns the executors. Pass it to whoever needs to leave the UI thread."""

    def __init__(self, *, loop: asyncio.AbstractEventLoop, net_workers: int = 4) -> None:
        self.loop = loop
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hcrm-db")
        self._net = ThreadPoolExecutor(max_workers=net_workers, thread_name_prefix="hcrm-net")
        self._tasks: set[asyncio.Task[Any]] = set()
        self._keyed: dict[str, asyncio.Task[Any]] = {}
        self._closed = False

    @property
    def db_executor(self) -> ThreadPoolExecutor:
        """The database worker itself, for code that takes an executor (the sync engine)."""
        return self._db

    @property
    def net_executor(self) -> ThreadPoolExecutor:
        return self._net

    async def run_db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn` on the database worker; one at a time, in submission order. After `shutdown()` the
        awaiting coroutine is cancelled instead (a view refreshing while the app closes is not an error)."""
        if self._closed:
            raise asyncio.CancelledError
        future = self._db.submit(functools.partial(fn, *args, **kwargs))
        return await asyncio.wrap_future(future, loop=self.loop)

    async def run_net(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn` on the network pool; slow servers never hold up database work."""
        if self._closed:
            raise asyncio.CancelledError
        future = self._net.submit(functools.partial(fn, *args, **kwargs))
        return await asyncio.wrap_future(future, loop=self.loop)

    def call_in_ui(self, fn: Callable[..., Any], /, *args: Any) -> None:
        """From any thread: call `fn(*args)` on the UI thread soon (e.g. progress from a worker)."""
        self.loop.call_soon_threadsafe(fn, *args)

    def spawn(self, coro: Coroutine[Any, Any, Any], *, key: str | None = None,
              owner: QObject | None = None) -> asyncio.Task[Any]:
        """Start a UI coroutine. A new task with the same `key` cancels the stale one; destroying the
        `owner` widget cancels the task, so a result never lands on a deleted widget."""
        if key is not None and (stale := self._keyed.get(key)) is not None and not stale.done():
            stale.cancel()
        task = self.loop.create_task(coro)
        if self._closed:  # shutting down: the coroutine never starts
            task.cancel()
        self._tasks.add(task)
        if key is not None:
            self._keyed[key] = task
        task.add_done_callback(self._on_task_done)
        if owner is not None:
            connection = owner.destroyed.connect(lambda *_: task.cancel())
            task.add_done_callback(lambda _t: _disconnect(owner, connection))
        return task

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    async def idle(self) -> None:
        """Wait until every spawned task has finished (tests and screenshots use this)."""
        while pending := [t for t in self._tasks if not t.done()]:
            await asyncio.wait(pending)

    def shutdown(self, *, wait: bool = True) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        self._net.shutdown(wait=False, cancel_futures=True)
        self._db.shutdown(wait=wait, cancel_futures=True)


def _disconnect(owner: QObject, connection: QMetaObject.Connection) -> None:
    with contextlib.suppress(RuntimeError):  # the owner is gone already
        owner.disconnect(connection)  # type: ignore[call-overload]  # the stubs lack this overload


def signal_future(signal: SignalInstance, loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Future[Any]:
    """A future resolved (on the UI thread) with the arguments of the next emission of `signal`.

    It is connected at once, so an emission right after this call is not missed.
    """
    future: asyncio.Future[Any] = (loop or asyncio.get_event_loop()).create_future()

    def receive(*args: Any) -> None:
        signal.disconnect(receive)
        if not future.done():
            future.set_result(args)

    signal.connect(receive)
    return future


async def ask(dialog: QDialog) -> int:
    """Show `dialog` window-modal without a nested event loop and return its result code."""
    finished = signal_future(dialog.finished)
    dialog.open()
    (result,) = await finished
    return int(result)
