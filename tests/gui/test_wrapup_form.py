"""The wrap-up as the agent uses it: a complaint from a screen pop to an open case on the card, inline
errors, the draft that survives a crash, Esc with confirmation, the reminder of an unwrapped call on the
next ring, and a new contact without a call (Ctrl+N)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.drafts import load_draft, pending_wrapups, wrapup_key
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.models import Complaint, Department, Interaction, Patient, PatientPhone, StaffUser
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import MainWindow
from hcrm_desktop.ui.tasks import signal_future
from hcrm_desktop.views.wrapup import form as form_module
from hcrm_desktop.views.wrapup.dialog import WrapUpDialog
from hcrm_desktop.views.wrapup.form import WrapUpForm


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))


@pytest.fixture
def people(staff_db):
    with staff_db.write() as s:
        dept = Department(code="OPD", name="门诊部")
        zw = Patient(customer_no="C001", name="张伟", name_pinyin="zhangwei", name_initials="zw", sex="M",
                     birth_date=date(1970, 1, 5))
        s.add_all([dept, zw, PatientPhone(patient_id=zw.id, number="13800138000", number_e164="+8613800138000",
                                          relation="self", is_primary=True)])
    return {"zw": zw.id, "dept": dept.id}


def agent(db):
    with db.session() as s:
        staff = s.scalars(select(StaffUser).where(StaffUser.username == "agent1")).one()
        return UserSession(staff.id, staff.username, staff.display_name, Role.AGENT)


@pytest.fixture
def window(qtbot, qloop, staff_db, people, runner):
    bridge = CtiBridge(adapter="simulator", address="", runner=runner)
    qloop.run_until_complete(bridge.start())
    main = MainWindow(db=staff_db, runner=runner, session=agent(staff_db), settings=Settings(), demo=True,
                      bridge=bridge)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, WrapUpDialog):
            dialog.form.dirty = False
            dialog.close()
    qloop.run_until_complete(bridge.stop())


@pytest.fixture
def emitted(qloop):
    def wait(signal, action, timeout=15.0):  # generous: a loaded CI machine is slow, not wrong
        async def run():
            future = signal_future(signal)
            action()
            async with asyncio.timeout(timeout):
                return await future

        return qloop.run_until_complete(run())

    return wait


@pytest.fixture
def ring(window, emitted):
    def ring_(number):
        call_ids = []
        emitted(window.views["workbench"].screen_pop.popped,
                lambda: call_ids.append(window.bridge.simulator.ring(number, "")))
        return window.views["workbench"].calls.card(call_ids[0])

    return ring_


def type_text(widget, text):
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def pick(combo, data):
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_a_complaint_from_a_screen_pop_opens_a_case_the_card_shows(qtbot, window, ring, emitted, staff_db, people,
                                                                   wait_until):
    card = ring("13800138000")
    emitted(window.bridge.call_changed, lambda: qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton))

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # the card's complaint key
    qtbot.waitUntil(lambda: card.wrapup.form is not None and card.wrapup.form.isVisible())
    form = card.wrapup.form
    wait_until(lambda: form.complaint.department_combo.count() > 1)  # the lists came from the database

    assert form.type == "complaint" and form.complaint.isVisible() and not form.praise.isVisible()
    assert QApplication.focusWidget() is form.category_combo  # the first field to fill
    pick(form.category_combo, "complaint.waiting_time")
    pick(form.disposition_combo, "complaint_registered")
    pick(form.complaint.severity_combo, "high")
    pick(form.complaint.department_combo, people["dept"])
    type_text(form.complaint.subject_edit, "候诊两小时无人解释")
    type_text(form.summary_edit, "患者上午挂号后等候两小时")
    emitted(form.saved, lambda: qtbot.keyClick(form.summary_edit, Qt.Key.Key_Return,
                                                Qt.KeyboardModifier.ControlModifier))

    with staff_db.session() as s:
        case = s.scalars(select(Complaint)).one()
        interaction = s.get(Interaction, case.interaction_id)
        assert (case.state, case.severity, case.department_id, case.subject) == ("new", "high", people["dept"],
                                                                                 "候诊两小时无人解释")
        assert (interaction.patient_id, interaction.call_id, interaction.type) == (people["zw"], card.call_id,
                                                                                   "complaint")
        assert interaction.handle_seconds is not None and interaction.wrap_seconds == 0  # saved during the call
    assert card.wrapup.saved_label.isVisible() and case.case_no in card.wrapup.saved_label.text()
    wait_until(lambda: any(case.case_no in line for line in card.profile_card.alerts.texts()))  # shown as open
    assert window.bridge and load_draft(staff_db, wrapup_key(card.call_id)) is None  # nothing left pending


def test_errors_show_next_to_their_fields_and_nothing_is_saved(qtbot, window, ring, staff_db, wait_until):
    card = ring("13800138000")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: card.wrapup.form is not None and card.wrapup.form.isVisible())
    form = card.wrapup.form
    type_text(form.summary_edit, "客户很满意😀")

    qtbot.keyClick(form.summary_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    errors = form.notes_grid.error_labels["summary"]
    assert errors.isVisible() and errors.text() != ""
    assert form.grid.error_labels["category"].isVisible() and form.grid.error_labels["disposition"].isVisible()
    assert QApplication.focusWidget() is form.category_combo  # the first field in error
    assert form.summary_edit.toPlainText() == "客户很满意😀"  # what was typed stays
    with staff_db.session() as s:
        assert s.scalars(select(Interaction)).first() is None


def test_what_was_typed_comes_back_after_a_crash(qtbot, qloop, runner, staff_db, people, monkeypatch, emitted,
                                                 wait_until):
    monkeypatch.setattr(form_module, "AUTOSAVE_MS", 50)
    user = agent(staff_db).id
    first = WrapUpForm(db=staff_db, runner=runner, actor_id=user, draft_key="wrapup:walkin:crash", standalone=True)
    first.show()
    emitted(first.loaded, lambda: None)
    first.set_type("praise", edited=True)
    emitted(first.draft_saved, lambda: type_text(first.summary_edit, "感谢护士长的耐心"))

    first.deleteLater()  # gone without saving, as in a crash
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))

    second = WrapUpForm(db=staff_db, runner=runner, actor_id=user, draft_key="wrapup:walkin:crash", standalone=True)
    qtbot.addWidget(second)
    emitted(second.loaded, lambda: None)
    assert second.summary_edit.toPlainText() == "感谢护士长的耐心"
    assert second.type == "praise" and second.type_buttons["praise"].isChecked()
    assert [p.key for p in pending_wrapups(staff_db, user)] == ["wrapup:walkin:crash"]


def test_esc_asks_before_discarding_and_the_call_stays_pending(qtbot, window, ring, emitted, staff_db, wait_until):
    card = ring("13800138000")
    emitted(window.bridge.call_changed, lambda: qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton))
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # "other": the card's own key
    qtbot.waitUntil(lambda: card.wrapup.form is not None and card.wrapup.form.isVisible())
    form = card.wrapup.form
    assert form.type == "other"
    type_text(form.summary_edit, "打错电话")

    qtbot.keyClick(form.summary_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "discardWrapUp") is not None)
    box = window.findChild(QMessageBox, "discardWrapUp")
    box.button(QMessageBox.StandardButton.Discard).click()

    qtbot.waitUntil(lambda: card.wrapup.form is None)
    user = agent(staff_db).id
    wait_until(lambda: [p.call_id for p in pending_wrapups(staff_db, user)] == [card.call_id])
    wait_until(lambda: load_draft(staff_db, wrapup_key(card.call_id)).payload.get("form") == {})


def test_the_next_call_reminds_of_an_unwrapped_one_and_opens_it(qtbot, window, ring, emitted, staff_db, wait_until):
    first = ring("13800138000")
    emitted(window.bridge.call_changed, lambda: qtbot.mouseClick(first.accept_button, Qt.MouseButton.LeftButton))
    emitted(window.bridge.call_changed, lambda: window.bridge.simulator.hang_up(first.call_id))
    user = agent(staff_db).id
    wait_until(lambda: len(pending_wrapups(staff_db, user)) == 1)
    workbench = window.views["workbench"]
    workbench.calls.close_card(first)  # closed without a wrap-up

    ring("17012345678")

    bar = workbench.wrapups.bar
    wait_until(bar.isVisible)
    assert "138****8000" in bar.label.text()
    qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: bool(workbench.wrapups.windows))
    (dialog,) = workbench.wrapups.windows.values()
    assert dialog.form.context.call_id == first.call_id and dialog.form.context.ended_at is not None
    assert not bar.isVisible()


def test_ctrl_n_starts_a_walk_in_contact_that_is_saved_without_a_call(qtbot, window, emitted, staff_db, people,
                                                                      wait_until):
    workbench = window.views["workbench"]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: bool(workbench.wrapups.windows))
    (dialog,) = workbench.wrapups.windows.values()
    form = dialog.form
    wait_until(lambda: form.praise.department_combo.count() > 0)  # the form's choices have loaded

    qtbot.keyClick(form.summary_edit, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # praise
    assert form.type == "praise" and form.praise.isVisible()
    pick(form.category_combo, "praise.environment")
    pick(form.disposition_combo, "praise_recorded")
    pick(form.praise.department_combo, people["dept"])
    type_text(form.summary_edit, "候诊区很干净")
    emitted(form.saved, lambda: qtbot.keyClick(form.summary_edit, Qt.Key.Key_Return,
                                                Qt.KeyboardModifier.ControlModifier))

    with staff_db.session() as s:
        row = s.scalars(select(Interaction)).one()
        assert (row.type, row.channel, row.call_id, row.credited_department_id) == ("praise", "walk_in", None,
                                                                                    people["dept"])
    wait_until(lambda: not workbench.wrapups.windows)


def test_the_wrap_up_has_a_screenshot(tmp_path, staff_db_path):
    out = tmp_path / "wrapup.png"
    env = {**os.environ, "HCRM_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}

    done = subprocess.run([sys.executable, "-m", "hcrm_desktop", "screenshot", "--view", "wrapup", "--db",
                           str(staff_db_path), "--out", str(out)], env=env, capture_output=True, text=True,
                          timeout=120, check=False)

    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1366


def test_a_customer_merged_while_typing_offers_the_record_that_remains(qtbot, window, ring, emitted, staff_db,
                                                                       people, wait_until):
    card = ring("13800138000")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: card.wrapup.form is not None and card.wrapup.form.isVisible())
    form = card.wrapup.form
    pick(form.category_combo, "consultation.report")
    pick(form.disposition_combo, "info_given")
    type_text(form.summary_edit, "咨询体检报告")
    with staff_db.write() as s:  # another workstation merged 张伟 into a second record meanwhile
        keep = Patient(customer_no="C009", name="张伟", name_pinyin="zhangwei", name_initials="zw", sex="M")
        s.add(keep)
        s.get(Patient, people["zw"]).merged_into_id = keep.id

    qtbot.keyClick(form.summary_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(form.surviving_button.isVisible)
    assert form.message_bar.isVisible() and form.summary_edit.toPlainText() == "咨询体检报告"  # nothing lost

    qtbot.mouseClick(form.surviving_button, Qt.MouseButton.LeftButton)
    emitted(form.saved, lambda: qtbot.keyClick(form.summary_edit, Qt.Key.Key_Return,
                                                Qt.KeyboardModifier.ControlModifier))
    with staff_db.session() as s:
        assert s.scalars(select(Interaction.patient_id)).one() == keep.id
