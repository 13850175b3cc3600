"""GUI test fixtures (tests/conftest.py has set QT_QPA_PLATFORM=offscreen): a qasync loop, a task runner and a small database with staff users."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from qasync import QEventLoop

from hcrm_desktop.app import guard_refcount_bug
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.passwords import hash_password
from hcrm_desktop.store.db import Database, open_database
from hcrm_desktop.store.models import StaffUser
from hcrm_desktop.ui.i18n import install_language
from hcrm_desktop.ui.tasks import TaskRunner

guard_refcount_bug()  # PySide6 6.12.0 drops references to None/True on every call (see hcrm_desktop.app)

STAFF = [  # username, display name, role (the demo generator's users)
    ("agent1", "王晓燕", Role.AGENT),
    ("agent2", "李明", Role.AGENT),
    ("nurse1", "张丽", Role.NURSE),
    ("nurse2", "刘芳", Role.NURSE),
    ("supervisor1", "陈静", Role.SUPERVISOR),
    ("admin", "赵强", Role.ADMIN),
]
_DEMO_HASH: list[str] = []


def make_staff_database(path: Path) -> Database:
    """A new database whose staff all have the password "demo" (hashed once per test session)."""
    if not _DEMO_HASH:
        _DEMO_HASH.append(hash_password("demo"))
    db = open_database(path, create=True)
    with db.write() as s:
        for username, name, role in STAFF:
            s.add(StaffUser(username=username, display_name=name, role=role.value, password_hash=_DEMO_HASH[0]))
    return db


@pytest.fixture
def staff_db_path(tmp_path: Path) -> Path:
    """The file of a closed staff database (for subprocesses)."""
    path = tmp_path / "staff-file.db"
    make_staff_database(path).dispose()
    return path


@pytest.fixture
def staff_db(tmp_path: Path) -> Iterator[Database]:
    db = make_staff_database(tmp_path / "staff.db")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def _qasync_loop(qapp: QApplication) -> Iterator[QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)  # as in the app: closing a dialog must not stop the loop
    loop = QEventLoop(qapp)  # one per session: qasync loops made and closed per test crash at exit
    yield loop
    loop.close()


@pytest.fixture
def qloop(_qasync_loop: QEventLoop) -> Iterator[QEventLoop]:
    """The qasync loop, the current asyncio loop only during the test that asks for it."""
    asyncio.set_event_loop(_qasync_loop)
    yield _qasync_loop
    asyncio.set_event_loop(None)


@pytest.fixture
def runner(qloop: QEventLoop) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(loop=qloop)
    yield task_runner
    qloop.run_until_complete(task_runner.idle())
    task_runner.shutdown()


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    """Every GUI test starts in the default language, Chinese."""
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "zh_CN")


_AFTER_CALL: list[Callable[[], None]] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Run `after_call` actions as soon as the test body ends, passed or failed: pytest-qt then processes
    Qt events outside the asyncio loop (its own wrapper runs after this one), and a background task still
    running there (sync) would fail with "no running event loop" and turn one failure into several."""
    yield
    while _AFTER_CALL:
        _AFTER_CALL.pop()()


@pytest.fixture
def after_call() -> Callable[[Callable[[], None]], None]:
    return _AFTER_CALL.append


@pytest.fixture
def wait_until(qloop: QEventLoop) -> Callable[..., None]:
    """Run the asyncio loop until `predicate()` is true (tasks need a running loop to progress). The
    default timeout is generous: on a loaded machine things are slow, not wrong."""

    def wait(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        async def poll() -> None:
            while not predicate():
                await asyncio.sleep(0.01)

        qloop.run_until_complete(asyncio.wait_for(poll(), timeout))

    return wait
