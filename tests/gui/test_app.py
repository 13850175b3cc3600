"""The whole start: open the database off the UI thread, sign in, work in the window, close."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QApplication

from hcrm_desktop.app import App
from hcrm_desktop.settings import Settings, load_settings
from hcrm_desktop.ui.errors import ExceptHook


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))


def find_visible(object_name):
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == object_name and widget.isVisible():
            return widget
    return None


async def appear(object_name, timeout=30.0):
    async def poll():
        while (widget := find_visible(object_name)) is None:
            await asyncio.sleep(0.01)
        return widget

    return await asyncio.wait_for(poll(), timeout)


def test_sign_in_then_work_then_close(qloop, runner, staff_db_path):
    hook = ExceptHook()
    app = App(runner=runner, settings=Settings(), hook=hook)

    async def scenario():
        run = asyncio.ensure_future(app.run(demo=False, db_path=staff_db_path))
        dialog = await appear("signInDialog")
        assert not dialog.hint_label.isVisible()  # not the demo database
        dialog.password_edit.setText("demo")
        dialog.sign_in_button.click()
        window = await appear("mainWindow")
        seen = (window.user_status_label.text(), window.sync_status_label.text())
        window.close()
        return seen, await run

    (user, sync), code = qloop.run_until_complete(asyncio.wait_for(scenario(), 30))

    assert code == 0
    assert user == "王晓燕 · 客服专员"
    assert sync == "离线：未配置中心服务器"
    assert load_settings().last_user == "agent1"
    assert hook.dialogs == []


@pytest.mark.slow
def test_first_demo_start_builds_the_demo_database_with_progress(qloop, runner, tmp_path):
    hook = ExceptHook()
    app = App(runner=runner, settings=Settings(), hook=hook)

    async def scenario():
        run = asyncio.ensure_future(app.run(demo=True, db_path=tmp_path / "demo.db"))
        progress = await appear("demoProgress")
        dialog = await appear("signInDialog", timeout=120)
        hint = dialog.hint_label.text()
        dialog.reject()
        return progress is not None, hint, await run

    shown, hint, code = qloop.run_until_complete(asyncio.wait_for(scenario(), 150))

    assert shown and hint == "演示密码：demo"
    assert code == 0
    assert (tmp_path / "demo.db").stat().st_size > 100_000
    assert hook.dialogs == []
