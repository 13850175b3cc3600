"""The complaints screen: a case from new to closed through the detail pane's buttons, inline validation,
lists with coloured countdowns that move on without a query, and a new case not coming from a call."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.complaint_lists import load_case
from hcrm_desktop.services.complaints import open_complaint
from hcrm_desktop.store.models import Department, Patient, StaffUser
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.views.complaints import ComplaintsView
from hcrm_desktop.views.complaints.model import COLOURS
from hcrm_desktop.views.complaints.newcase import NewCaseDialog
from hcrm_desktop.views.complaints.words import category_text, error_text, severity_text, state_text


def session_of(db, username, role):
    with db.session() as s:
        staff = s.query(StaffUser).filter_by(username=username).one()
        return UserSession(staff.id, staff.username, staff.display_name, role)


@pytest.fixture
def patient_id(staff_db):
    with staff_db.write() as s:
        pinyin, initials = name_pinyin("张三")
        patient = Patient(customer_no="C000000000001", name="张三", name_pinyin=pinyin, name_initials=initials)
        s.add_all([patient, Department(code="MZ", name="门诊部")])
    return patient.id


@pytest.fixture
def open_view(qtbot, staff_db, runner, wait_until):
    def open_(username="agent1", role=Role.AGENT):
        view = ComplaintsView(db=staff_db, runner=runner, session=session_of(staff_db, username, role))
        qtbot.addWidget(view)
        view.resize(1400, 800)
        with qtbot.waitSignal(view.list_loaded, timeout=5000):
            view.show()
        return view

    return open_


def new_case(db, patient_id, actor, *, severity="medium", subject="挂号窗口态度差", now=None):
    case, _ = open_complaint(db, actor_id=actor, patient_id=patient_id, interaction_id=None, severity=severity,
                             category="complaint.service_attitude", subject=subject, description="窗口人员态度生硬",
                             department_id=None, staff_involved="挂号处", channel="phone", now=now)
    return case


def visible_buttons(view):
    return {name for name, button in view.detail.buttons.items() if button.isVisible()}


def select(view, qtbot, case_id):
    row = view.model.row_of(case_id)
    assert row >= 0
    with qtbot.waitSignal(view.detail.case_loaded, timeout=5000):
        view.table.selectRow(row)


def click_and_wait(view, qtbot, button):
    with qtbot.waitSignal(view.detail.case_loaded, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_case_goes_from_new_to_closed_through_the_detail_pane(open_view, staff_db, patient_id, qtbot,
                                                               wait_until) -> None:
    agent = session_of(staff_db, "agent1", Role.AGENT)
    case = new_case(staff_db, patient_id, agent.id)
    view = open_view()
    view.tabs.setCurrentIndex(2)  # all open
    wait_until(lambda: view.model.row_of(case.id) >= 0)
    select(view, qtbot, case.id)
    pane = view.detail
    assert pane.state_badge.text() == state_text("new") and pane.case_no_label.text() == case.case_no
    assert visible_buttons(view) == {"acknowledge", "severity", "reply", "attach"}
    assert pane.fact_labels["category"].text() == category_text("complaint.service_attitude") == "服务态度"

    click_and_wait(view, qtbot, pane.buttons["acknowledge"])
    assert pane.state_badge.text() == state_text("acknowledged") and pane.fact_labels["handler"].text() == "王晓燕"
    click_and_wait(view, qtbot, pane.buttons["start"])
    assert pane.state_badge.text() == state_text("in_progress")
    assert visible_buttons(view) == {"resolve", "severity", "reply", "attach"}

    qtbot.mouseClick(pane.buttons["resolve"], Qt.MouseButton.LeftButton)
    assert pane.form.isVisible() and pane.form.note_edit.hasFocus()
    qtbot.mouseClick(pane.form.submit_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: pane.form.errors["note"].text() != "")
    assert pane.form.errors["note"].text() == error_text("resolution_required")
    assert pane.state_badge.text() == state_text("in_progress")
    pane.form.note_edit.insertPlainText("已向患者致歉，窗口人员已培训")  # QTest types ASCII only
    with qtbot.waitSignal(pane.case_loaded, timeout=5000):
        qtbot.keyClick(pane.form.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.state_badge.text() == state_text("resolved") and not pane.form.isVisible()
    assert visible_buttons(view) == {"close", "reopen", "severity", "reply", "attach"}

    qtbot.keyClick(pane, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert pane.form.isVisible() and pane.form.kind == "close"
    qtbot.mouseClick(pane.form.submit_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: pane.form.errors["satisfaction"].text() != "")
    assert pane.form.errors["satisfaction"].text() == error_text("satisfaction_required")
    pane.form.satisfaction_group.button(4).setChecked(True)
    click_and_wait(view, qtbot, pane.form.submit_button)
    assert pane.state_badge.text() == state_text("closed") and pane.fact_labels["satisfaction"].text() == "4"
    assert visible_buttons(view) == set()  # reopening a closed case is for supervisors
    assert pane.timeline.count() == 5
    assert f"{state_text('resolved')} → {state_text('closed')}" in pane.timeline.item(0).text()
    detail = load_case(staff_db, case.id)
    assert (detail.case.state, detail.case.satisfaction, detail.case.resolution) == (
        "closed", 4, "已向患者致歉，窗口人员已培训")
    wait_until(lambda: view.model.row_of(case.id) < 0)  # closed cases leave the open list


def test_escape_asks_once_more_before_discarding_typed_text(open_view, staff_db, patient_id, qtbot,
                                                           wait_until) -> None:
    sup = session_of(staff_db, "supervisor1", Role.SUPERVISOR)
    case = new_case(staff_db, patient_id, sup.id)
    view = open_view("supervisor1", Role.SUPERVISOR)
    wait_until(lambda: view.model.row_of(case.id) >= 0)
    select(view, qtbot, case.id)
    assert {"acknowledge", "assign", "severity", "reply", "attach"} == visible_buttons(view)
    view.detail.trigger("reply")
    view.detail.form.note_edit.insertPlainText("已电话回复")
    qtbot.keyClick(view.detail.form.note_edit, Qt.Key.Key_Escape)
    assert view.detail.form.isVisible() and "Esc" in view.detail.form.errors["form"].text()
    assert view.detail.form.note_edit.toPlainText() == "已电话回复"
    qtbot.keyClick(view.detail.form.note_edit, Qt.Key.Key_Escape)
    assert not view.detail.form.isVisible()


def test_overdue_first_list_colours_and_ticks_without_a_query(open_view, staff_db, patient_id, qtbot,
                                                              wait_until, qtmodeltester) -> None:
    sup = session_of(staff_db, "supervisor1", Role.SUPERVISOR)
    late = new_case(staff_db, patient_id, sup.id, severity="critical", subject="late",
                    now=datetime.now() - timedelta(days=10))
    fresh = new_case(staff_db, patient_id, sup.id, severity="low", subject="fresh", now=datetime(2027, 6, 1, 9))
    view = open_view("supervisor1", Role.SUPERVISOR)
    assert view.scope == "overdue_first"
    wait_until(lambda: view.model.rowCount() == 2)
    assert [r.id for r in view.model.rows] == [late.id, fresh.id]
    qtmodeltester.check(view.model)
    first = view.model.index(0, 0)
    assert "5" not in view.model.data(first)[:1] and view.model.rows[0].remaining_minutes < 0
    assert view.model.data(first, Qt.ItemDataRole.ForegroundRole).color() == QColor(COLOURS["breached"])
    second = view.model.index(1, 0)
    assert view.model.data(second, Qt.ItemDataRole.ForegroundRole).color() == QColor(COLOURS["ok"])
    before = view.model.rows[1].remaining_minutes
    changed = []
    view.model.dataChanged.connect(lambda a, b: changed.append((a.column(), b.column())))
    view.model.ticked_at = datetime(2026, 11, 23, 9)  # a Monday: one working hour passes before the tick
    view.tick(datetime(2026, 11, 23, 10))
    assert view.model.rows[1].remaining_minutes == before - 60
    assert changed == [(0, 0)]


def test_a_new_case_from_a_walk_in_with_inline_errors(open_view, staff_db, patient_id, qtbot, wait_until) -> None:
    view = open_view()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.findChild(NewCaseDialog, "newCaseDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.save()
    wait_until(lambda: dialog.error_labels["subject"].text() != "")
    assert dialog.error_labels["subject"].text() == error_text("required")
    qtbot.keyClicks(dialog.patient_edit, "C000000000001")
    wait_until(lambda: dialog.patient_combo.count() > 1)
    dialog.subject_edit.insert("候诊区空调不制冷")
    with qtbot.waitSignal(view.detail.case_loaded, timeout=5000):
        qtbot.keyClick(dialog.subject_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.detail.subject_label.text() == "候诊区空调不制冷"
    assert view.detail.detail.case.patient_id == patient_id and view.detail.detail.case.channel == "walk_in"


def test_attaching_a_file_lists_it(open_view, staff_db, patient_id, qtbot, wait_until, tmp_path) -> None:
    agent = session_of(staff_db, "agent1", Role.AGENT)
    case = new_case(staff_db, patient_id, agent.id)
    view = open_view()
    view.tabs.setCurrentIndex(2)
    wait_until(lambda: view.model.row_of(case.id) >= 0)
    select(view, qtbot, case.id)
    big = tmp_path / "video.pdf"
    big.write_bytes(b"%PDF-" + b"0" * (5 * 1024 * 1024))
    view.detail.attach_file(big)
    wait_until(lambda: view.detail.message_bar.isVisible())
    assert view.detail.message_bar.text() == error_text("too_large")
    letter = tmp_path / "投诉信.txt"
    letter.write_text("我要投诉", encoding="utf-8")
    with qtbot.waitSignal(view.detail.case_loaded, timeout=5000):
        view.detail.attach_file(letter)
    assert view.detail.files.count() == 1 and view.detail.files.item(0).text().startswith("投诉信.txt")


def test_a_supervisor_raises_the_severity_and_the_deadlines_follow(open_view, staff_db, patient_id, qtbot,
                                                                  wait_until) -> None:
    sup = session_of(staff_db, "supervisor1", Role.SUPERVISOR)
    case = new_case(staff_db, patient_id, sup.id, severity="low", now=datetime(2026, 11, 23, 9))
    view = open_view("supervisor1", Role.SUPERVISOR)
    wait_until(lambda: view.detail.case_id == case.id)
    assert view.detail.fact_labels["dues"].text() == "2026-11-24 09:00 / 2026-11-30 09:00"
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    form = view.detail.form
    assert form.kind == "severity" and form.severity_combo.hasFocus()
    form.severity_combo.setCurrentIndex(form.severity_combo.findData("critical"))
    click_and_wait(view, qtbot, form.submit_button)
    assert view.detail.fact_labels["dues"].text() == "2026-11-23 10:00 / 2026-11-24 09:00"
    assert view.detail.fact_labels["severity"].text() == severity_text("critical")
