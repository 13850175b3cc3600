"""The main window: navigation by click and Ctrl+N, the status bar, role rules, remembered geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.settings import Settings, load_settings
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import SCREEN_KEYS, MainWindow

AGENT = UserSession("u-agent", "agent1", "王晓燕", Role.AGENT)
SUPERVISOR = UserSession("u-sup", "supervisor1", "陈静", Role.SUPERVISOR)


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))


@pytest.fixture
def open_window(qtbot, staff_db, runner):
    def open_(session=AGENT, settings=None):
        window = MainWindow(db=staff_db, runner=runner, session=session, settings=settings or Settings(),
                            demo=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


def nav_texts(window):
    return [window.nav_list.item(i).text() for i in range(window.nav_list.count())
            if not window.nav_list.item(i).isHidden()]


def click_nav(qtbot, window, key):
    item = window.nav_list.item(SCREEN_KEYS.index(key))
    qtbot.mouseClick(window.nav_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav_list.visualItemRect(item).center())


def test_the_agent_sees_six_screens_in_chinese_starting_at_the_workbench(open_window):
    window = open_window()

    assert nav_texts(window) == ["工作台", "客户", "投诉", "预约", "随访", "设置"]
    assert window.current_view_key() == "workbench"
    assert window.windowTitle() == "HCRM 客服工作台（演示）"


def test_clicking_the_navigation_switches_screens(qtbot, open_window):
    window = open_window()

    for key in ("customers", "complaints", "bookings", "followups", "settings", "workbench"):
        click_nav(qtbot, window, key)
        assert window.current_view_key() == key
        assert window.stack.currentWidget() is window.views[key]


@pytest.mark.parametrize(("number", "key"), [(1, "workbench"), (2, "customers"), (3, "complaints"),
                                             (4, "bookings"), (5, "followups"), (7, "settings")])
def test_ctrl_number_switches_screens(qtbot, open_window, number, key):
    window = open_window()
    window.show_view("settings" if key == "workbench" else "workbench")

    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)

    assert window.current_view_key() == key
    assert window.views[key].title == window.nav_list.item(SCREEN_KEYS.index(key)).text()


def test_the_status_bar_shows_user_role_sync_and_phone_in_chinese(open_window):
    window = open_window()

    assert window.user_status_label.text() == "王晓燕 · 客服专员"
    assert window.sync_status_label.text() == "离线演示"
    assert window.phone_status_label.text() == "模拟器 · 空闲"


def test_analytics_is_hidden_from_an_agent(qtbot, open_window):
    window = open_window()

    assert window.nav_list.item(SCREEN_KEYS.index("analytics")).isHidden()
    assert not window.go_actions["analytics"].isVisible()
    assert window.show_view("analytics") is False
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view_key() == "workbench"


def test_analytics_is_visible_to_a_supervisor(qtbot, open_window):
    window = open_window(SUPERVISOR)

    assert "统计" in nav_texts(window)
    assert window.user_status_label.text() == "陈静 · 客服主管"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view_key() == "analytics"
    assert window.views["analytics"].title == "统计"


def test_placeholders_say_they_are_placeholders(open_window):
    window = open_window()

    for key in ():  # complaints, bookings and follow-ups are real screens now
        text = " ".join(label.text() for label in window.views[key].findChildren(QLabel))
        assert "此功能将在后续版本提供" in text


def test_the_workbench_shows_counts_read_off_the_ui_thread(open_window, wait_until):
    window = open_window()
    card = window.views["workbench"].patients_card

    wait_until(lambda: card.value_label.text() != "…")

    assert card.value_label.text() == "0"


def test_changing_the_phone_adapter_updates_the_status_bar(open_window):
    window = open_window()
    combo = window.views["settings"].cti_combo

    combo.setCurrentIndex(combo.findData("baresip"))

    assert window.phone_status_label.text() == "baresip 软电话 · 空闲"
    assert load_settings().cti_adapter == "baresip"


def test_geometry_is_saved_on_close_and_restored(qtbot, open_window):
    window = open_window()
    window.resize(720, 520)  # the offscreen screen is 800x600
    window.move(40, 30)
    size = (window.width(), window.height())

    window.close()

    saved = load_settings()
    assert saved.window_geometry and saved.window_state
    again = open_window(settings=saved)
    assert (again.width(), again.height()) == size


def test_ctrl_q_closes_the_window(qtbot, open_window):
    window = open_window()

    with qtbot.waitSignal(window.closed, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    assert not window.isVisible()
