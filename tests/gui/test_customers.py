"""The customers screen: search as you type (stale answers never win), Enter opens the profile, and the
duplicates dialog merges (supervisor) and undoes the merge (admin)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services import search
from hcrm_desktop.store.models import Patient, PatientPhone, StaffUser
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.views.customers import CustomersView
from hcrm_desktop.views.customers.duplicates import DuplicatesDialog


def type_text(widget, text):
    """Key presses that carry any character (QTest's keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def add(s, no, name, phone, **fields):
    pinyin, initials = name_pinyin(name)
    patient = Patient(customer_no=no, name=name, name_pinyin=pinyin, name_initials=initials, **fields)
    s.add_all([patient, PatientPhone(patient_id=patient.id, number=phone, number_e164=f"+86{phone}",
                                     relation="self", is_primary=True)])
    return patient


@pytest.fixture
def people(staff_db):
    with staff_db.write() as s:
        zw = add(s, "C001", "张伟", "13800138000", sex="M", vip_level=2, national_id="110105197001050012",
                 birth_date=date(1970, 1, 5))
        twin = add(s, "C002", "张玮", "13800138001", sex="M", national_id="110105197001050012",
                   birth_date=date(1970, 1, 5))
        add(s, "C003", "李娜", "13900000001", sex="F")
        add(s, "C004", "周文", "13900000002", sex="M")
    return {"zw": zw.id, "twin": twin.id}


def session_of(db, username, role):
    with db.session() as s:
        staff = s.query(StaffUser).filter_by(username=username).one()
        return UserSession(staff.id, staff.username, staff.display_name, role)


@pytest.fixture
def open_view(qtbot, staff_db, people, runner):
    def open_(username="agent1", role=Role.AGENT):
        view = CustomersView(db=staff_db, runner=runner, session=session_of(staff_db, username, role))
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        qtbot.waitExposed(view)
        view.search_edit.setFocus()
        return view

    return open_


def names(view):
    return [hit.name for hit in view.model.hits]


def test_typing_initials_lists_the_customer_with_masked_numbers(qtbot, open_view, wait_until):
    view = open_view()

    qtbot.keyClicks(view.search_edit, "zw")
    wait_until(lambda: view.model.query == "zw")

    assert "张伟" in names(view)
    row = names(view).index("张伟")
    shown = [view.model.index(row, column).data() for column in range(view.model.columnCount())]
    assert "138****8000" in shown and "110105********0012" in shown
    assert "13800138000" not in shown
    assert view.status_label.text().startswith("找到")


def test_enter_opens_the_profile_and_escape_goes_back(qtbot, open_view, wait_until):
    view = open_view()
    type_text(view.search_edit, "张伟")
    wait_until(lambda: view.model.query == "张伟")

    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    wait_until(lambda: view.profile_card.profile is not None)

    assert view.pages.currentIndex() == 1
    assert view.profile_card.header.name_label.text() == "张伟"
    assert view.profile_card.header.vip_badge.text() == "VIP 2"
    qtbot.keyClick(view.profile_card, Qt.Key.Key_Escape)
    assert view.pages.currentIndex() == 0 and view.search_edit.text() == "张伟"


def test_a_stale_query_never_overwrites_the_newer_results(qtbot, open_view, wait_until, monkeypatch, runner, qloop):
    real = search.search_patients
    started = []

    def slow_for_one_letter(db, query, *, limit=50):
        started.append(query)
        if query == "z":
            time.sleep(0.5)  # the stale query answers last
        return real(db, query, limit=limit)

    monkeypatch.setattr("hcrm_desktop.views.customers.view.search_patients", slow_for_one_letter)
    view = open_view()
    shown = []
    view.results_shown.connect(lambda: shown.append(view.model.query))

    qtbot.keyClicks(view.search_edit, "z")
    wait_until(lambda: started == ["z"])  # the search for "z" is running
    qtbot.keyClicks(view.search_edit, "w")
    wait_until(lambda: view.model.query == "zw")
    qloop.run_until_complete(runner.idle())
    time.sleep(0.6)
    qloop.run_until_complete(runner.idle())

    assert shown == ["zw"]
    assert view.model.query == "zw" and "张伟" in names(view)


def test_nothing_found_says_so(qtbot, open_view, wait_until):
    view = open_view()

    type_text(view.search_edit, "欧阳")
    wait_until(lambda: view.model.query == "欧阳")

    assert view.model.rowCount() == 0
    assert "未找到" in view.status_label.text()


def open_duplicates(qtbot, view, wait_until):
    type_text(view.search_edit, "张伟")
    wait_until(lambda: view.model.query == "张伟")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    wait_until(lambda: view.profile_card.profile is not None)
    qtbot.mouseClick(view.duplicates_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: view.findChild(DuplicatesDialog) is not None)
    dialog = view.findChild(DuplicatesDialog)
    wait_until(lambda: dialog.candidates is not None and dialog.list.item(0).text() != "正在查找重复档案…")
    return dialog


def test_duplicates_show_reasons_and_an_agent_may_not_merge(qtbot, open_view, wait_until):
    view = open_view()

    dialog = open_duplicates(qtbot, view, wait_until)

    assert [c.name for c in dialog.candidates] == ["张玮"]
    assert "身份证号相同" in dialog.list.item(0).text()
    assert not dialog.merge_button.isVisible()
    dialog.close()


def test_a_supervisor_merges_after_confirming_and_an_admin_undoes_it(qtbot, open_view, wait_until, staff_db,
                                                                    people):
    view = open_view("supervisor1", Role.SUPERVISOR)
    changes = []
    view.changes_made.connect(changes.append)
    dialog = open_duplicates(qtbot, view, wait_until)

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.findChild(QMessageBox, "mergeConfirm") is not None)
    confirm = dialog.findChild(QMessageBox, "mergeConfirm")
    assert "张玮" in confirm.text()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_until(lambda: bool(changes))

    assert "已将 张玮 合并到 张伟" in dialog.message_bar.text()
    with staff_db.session() as s:
        assert s.get(Patient, people["twin"]).merged_into_id == people["zw"]
    assert not dialog.undo_button.isVisible()  # a supervisor cannot undo
    dialog.close()

    admin_view = open_view("admin", Role.ADMIN)
    admin_dialog = open_duplicates(qtbot, admin_view, wait_until)
    assert admin_dialog.merged_list.count() == 1 and "张玮" in admin_dialog.merged_list.item(0).text()
    admin_dialog.merged_list.setCurrentRow(0)
    qtbot.mouseClick(admin_dialog.undo_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: "撤销" in admin_dialog.message_bar.text())

    with staff_db.session() as s:
        assert s.get(Patient, people["twin"]).merged_into_id is None
    admin_dialog.close()
