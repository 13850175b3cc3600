"""Known store problems in plain Chinese with a way out; unexpected errors in a calm crash dialog."""

from __future__ import annotations

import asyncio
import json
import re
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from hcrm_desktop import __version__, oplog
from hcrm_desktop.app import App
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseExists,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseNotWritable,
    DatabaseTooNew,
    StoreError,
)
from hcrm_desktop.ui.errors import CrashDialog, ExceptHook, store_error_text
from hcrm_desktop.ui.opening import DatabaseOpener

CJK = re.compile(r"[\u4e00-\u9fff]")
ERRORS = [DatabaseMissing, DatabaseLocked, DatabaseTooNew, DatabaseCorrupt, DatabaseNotWritable, DatabaseExists]


@pytest.mark.parametrize("error_class", ERRORS)
def test_each_store_error_code_has_its_own_chinese_message(error_class):
    text = store_error_text(error_class.code, "/data/hcrm.db")

    assert CJK.search(text), text
    assert "/data/hcrm.db" in text
    assert "Traceback" not in text and error_class.code not in text


def test_the_messages_differ_by_code_and_unknown_codes_get_a_general_one():
    texts = {store_error_text(cls.code, "p") for cls in ERRORS}

    assert len(texts) == len(ERRORS)
    assert store_error_text("something_new", "p") == "无法使用该数据库：\np"


def test_a_damaged_file_really_opens_as_corrupt_with_a_chinese_message(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database" * 100)

    with pytest.raises(StoreError) as info:
        open_database(path)

    assert info.value.code == "corrupt"
    assert store_error_text(info.value.code, info.value.path).startswith("数据库文件已损坏")


@pytest.mark.parametrize(("error", "buttons"), [
    (DatabaseMissing("/x.db"), ["选择其他文件…", "新建演示数据库", "退出"]),
    (DatabaseLocked("/x.db"), ["重试", "选择其他文件…", "退出"]),
    (DatabaseCorrupt("/x.db"), ["选择其他文件…", "新建演示数据库", "退出"]),
])
def test_the_store_error_dialog_offers_translated_choices(qtbot, runner, error, buttons):
    box, choices = DatabaseOpener(runner=runner).store_error_box(error)
    qtbot.addWidget(box)

    assert box.windowTitle() == "无法打开数据库"
    assert box.text() == store_error_text(error.code, "/x.db")
    assert [b.text() for b in choices] == buttons
    assert box.escapeButton().text() == "退出"


def find_visible(object_name):
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == object_name and widget.isVisible():
            return widget
    return None


def test_starting_on_a_missing_database_shows_the_choices_and_quit_leaves_calmly(qloop, runner, tmp_path):
    hook = ExceptHook()
    app = App(runner=runner, settings=Settings(), hook=hook)

    async def scenario():
        run = asyncio.ensure_future(app.run(demo=False, db_path=tmp_path / "nowhere.db"))
        while (box := find_visible("storeErrorBox")) is None:
            await asyncio.sleep(0.01)
        text = box.text()
        next(b for b in box.buttons() if b.text() == "退出").click()
        return text, await run

    text, code = qloop.run_until_complete(asyncio.wait_for(scenario(), 10))

    assert code == 0
    assert text.startswith("数据库文件不存在") and "nowhere.db" in text
    assert hook.dialogs == []  # no crash dialog


@pytest.fixture
def log_file(tmp_path):
    path = oplog.setup(tmp_path / "ops.jsonl")
    return path


def raise_and_catch():
    try:
        raise ValueError("the widget fell over")
    except ValueError:
        return sys.exc_info()


def test_an_unexpected_error_shows_the_crash_dialog_without_the_traceback(qtbot, log_file):
    hook = ExceptHook(parent=lambda: None)

    hook(*raise_and_catch())

    dialog = hook.dialogs[-1]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert dialog.windowTitle() == "意外错误"
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "HCRM 客服工作台遇到了意外问题" in shown
    assert "Traceback" not in shown and "fell over" not in shown


def test_copy_details_puts_the_traceback_and_version_on_the_clipboard(qtbot, log_file):
    hook = ExceptHook(parent=lambda: None)
    hook(*raise_and_catch())
    dialog = hook.dialogs[-1]
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().clear()

    dialog.copy_button.click()

    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "ValueError: the widget fell over" in copied
    assert f"HCRM Desktop {__version__}" in copied
    assert dialog.copied_label.text() == "已复制到剪贴板。"


def test_the_crash_is_logged_at_level_error(qtbot, log_file):
    hook = ExceptHook(parent=lambda: None)

    hook(*raise_and_catch())
    qtbot.addWidget(hook.dialogs[-1])

    entries = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    crash = [e for e in entries if e["event"] == "unhandled_exception"]
    assert crash and crash[-1]["level"] == "error"
    assert "ValueError" in crash[-1]["error"] and crash[-1]["version"] == __version__


def test_a_store_error_reaching_the_hook_is_a_message_not_a_crash(qtbot, log_file):
    hook = ExceptHook(parent=lambda: None)

    try:
        raise DatabaseLocked("/data/hcrm.db", "database is locked")
    except DatabaseLocked:
        hook(*sys.exc_info())

    box = hook.dialogs[-1]
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("数据库正被其他程序占用")


def test_an_exception_in_a_spawned_task_reaches_the_excepthook(qloop, runner, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: seen.append(info))

    async def fails():
        await runner.run_db(lambda: 1 / 0)

    task = runner.spawn(fails())
    qloop.run_until_complete(asyncio.wait([task]))

    assert seen and seen[0][0] is ZeroDivisionError
