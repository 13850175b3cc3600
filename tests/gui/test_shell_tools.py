"""The Tools menu of the main window: ready answers on F3 from any screen, my QA reviews, the follow-up
rules for admins only, and a wrap-up's "book" request opening the bookings screen for that customer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.models import Patient
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import MainWindow
from hcrm_desktop.views.knowledge import KnowledgeDialog

AGENT = UserSession("u-agent", "agent1", "王晓燕", Role.AGENT)
ADMIN = UserSession("u-admin", "admin", "系统管理员", Role.ADMIN)


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))


@pytest.fixture
def open_window(qtbot, staff_db, runner, chinese):
    def open_(session=AGENT):
        window = MainWindow(db=staff_db, runner=runner, session=session, settings=Settings(), demo=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


def test_f3_opens_the_knowledge_base_once_from_any_screen(qtbot, open_window):
    window = open_window()
    window.show_view("complaints")

    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: isinstance(window.tools_dialogs.get("knowledge"), KnowledgeDialog))
    first = window.tools_dialogs["knowledge"]
    assert first.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_F3)  # again: the same window comes to the front
    assert window.tools_dialogs["knowledge"] is first
    first.close()


def test_the_tools_menu_speaks_chinese_and_hides_the_rules_from_an_agent(open_window):
    agent_window = open_window(AGENT)
    assert agent_window.tools_menu.title().startswith("工具")
    assert not agent_window.rules_action.isVisible()
    assert agent_window.knowledge_action.shortcut().toString() == "F3"

    admin_window = open_window(ADMIN)
    assert admin_window.rules_action.isVisible()


def test_a_booking_request_from_the_workbench_opens_bookings_with_the_customer(qtbot, open_window, staff_db):
    with staff_db.write() as s:
        patient = Patient(customer_no="C00000042", name="李娜", name_pinyin="li na", name_initials="ln", sex="F")
        s.add(patient)
        s.flush()
        patient_id = patient.id
    window = open_window()

    window.views["workbench"].booking_requested.emit(patient_id)

    bookings = window.views["bookings"]
    assert window.current_view_key() == "bookings"
    qtbot.waitUntil(lambda: bookings.patient is not None and bookings.patient.patient_id == patient_id)
    assert bookings.patient.name == "李娜"
