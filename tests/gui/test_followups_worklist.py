"""The follow-up screen: the worklist, the next-call flow with its questionnaire, red flags, assignment."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.staff import StaffAccount
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import CallAttempt, Escalation, FollowUpTask
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.views.followups import FollowUpsView
from hcrm_desktop.views.followups.model import WorklistModel
from hcrm_desktop.views.followups.words import TASK_STATES, error_text, word
from tests.fixtures.worklist_world import NOW, add_task, make_world


@pytest.fixture
def world(tmp_path):
    db = open_database(tmp_path / "followups-gui.db", create=True)
    w = make_world(db)
    add_task(w, w.patients[0], priority=1, assignee_id=w.nurses[0])
    add_task(w, w.patients[1], priority=2, assignee_id=w.nurses[0])
    add_task(w, w.patients[2], priority=3, due=NOW - timedelta(days=3))  # overdue, unassigned
    yield w
    db.dispose()


@pytest.fixture
def open_view(qtbot, world, runner, wait_until):
    def open_(index=0, role=Role.NURSE):
        user_id = world.nurses[index] if role == Role.NURSE else world.supervisor
        session = StaffAccount(user_id, f"user{index}", f"护士{index + 1}", role)
        view = FollowUpsView(db=world.db, runner=runner, session=session, clock=lambda: NOW)
        qtbot.addWidget(view)
        view.resize(1200, 800)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        wait_until(lambda: view.summary_label.text() != "")
        return view

    return open_


def task_states(world):
    with world.db.session() as s:
        return {t.patient_id: (t.state, t.attempts) for t in s.scalars(select(FollowUpTask))}


def test_a_nurse_sees_her_tasks_by_priority_and_a_supervisor_sees_all_with_overdue_marked(open_view, wait_until):
    view = open_view()
    assert [r.patient_name for r in view.model.rows] == ["患者0", "患者1"]
    assert view.model.index(0, 0).data() == "P1" and view.model.index(0, 6).data() == word(TASK_STATES, "open")
    assert not view.assign_button.isVisible()
    boss = open_view(role=Role.SUPERVISOR)
    assert [r.patient_name for r in boss.model.rows] == ["患者0", "患者1", "患者2"]
    assert boss.model.index(2, 5).data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue: due time in red
    assert boss.model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole) is None
    assert boss.assign_button.isVisible()
    boss.overdue_check.setChecked(True)
    wait_until(lambda: [r.patient_name for r in boss.model.rows] == ["患者2"])


def test_next_call_with_a_red_flag_completes_and_reaches_the_escalations_tab(qtbot, open_view, world, wait_until):
    view = open_view()
    qtbot.keyClick(view.table, Qt.Key.Key_F9)
    wait_until(lambda: view.stack.currentWidget() is view.call_panel and view.call_panel.claim is not None)
    panel = view.call_panel
    assert panel.patient_label.text().startswith("患者0")
    assert panel.script_label.text().startswith("您好，我是随访护士")
    assert "13800000000" in panel.number_label.text()
    form = panel.form
    assert not form.is_visible_question("temperature")
    form.set_answer("recovery", "一般")
    form.set_answer("fever", True)
    assert form.is_visible_question("temperature")  # skip logic: asked only after a fever
    form.set_answer("temperature", 39.5)
    form.set_answer("overall", 3)
    qtbot.keyClick(panel, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    wait_until(lambda: panel.outcome() == "completed")  # a button's shortcut clicks it after a short flash
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: panel.saved is not None)

    assert panel.saved.red_flag and panel.next_button.isVisible()
    assert panel.message_bar.level is Level.WARNING  # the red flag went to a doctor
    assert task_states(world)[world.patients[0]] == ("done", 1)
    with world.db.session() as s:
        escalation = s.scalars(select(Escalation)).one()
    assert escalation.answers["temperature"] == 39.5 and escalation.doctor_id == world.doctor

    view.tabs.setCurrentWidget(view.escalations)
    wait_until(lambda: len(view.escalations.model.rows) == 1)
    assert view.escalations.model.index(0, 0).data() == "患者0"
    assert view.escalations.model.index(0, 2).data() == "王主任"
    view.escalations.text_edit.setPlainText("明日复诊")
    qtbot.mouseClick(view.escalations.step_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: view.escalations.current() is not None and view.escalations.current().state == "instructed")
    view.escalations.text_edit.setPlainText("已通知患者")
    qtbot.keyClick(view.escalations.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: view.escalations.current().state == "executed")
    qtbot.mouseClick(view.escalations.step_button, Qt.MouseButton.LeftButton)  # close the loop
    wait_until(lambda: view.escalations.model.rows == [])


def test_no_answer_counts_the_attempt_and_offers_the_next_call(qtbot, open_view, world, wait_until):
    view = open_view()
    view.start_next_call()
    wait_until(lambda: view.call_panel.claim is not None)
    panel = view.call_panel
    qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    wait_until(lambda: panel.outcome() == "no_answer")
    assert not panel.form.isEnabled()
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: panel.saved is not None)
    assert task_states(world)[world.patients[0]] == ("open", 1)
    with world.db.session() as s:
        assert s.scalars(select(CallAttempt.outcome)).all() == ["no_answer"]
    assert "14:00" in panel.message_bar.text()  # the retry, after the lunch break
    qtbot.keyClick(panel, Qt.Key.Key_F9)
    wait_until(lambda: view.call_panel.claim is not None and view.call_panel.saved is None)
    assert panel.claim.patient_id == world.patients[1]


def test_a_callback_in_the_past_is_refused_next_to_the_field(qtbot, open_view, world, wait_until):
    view = open_view()
    view.start_next_call()
    wait_until(lambda: view.call_panel.claim is not None)
    panel = view.call_panel
    panel.choose_outcome("callback")
    assert panel.callback_edit.isVisible()
    panel.callback_edit.setDateTime(NOW - timedelta(hours=1))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: panel.callback_error.isVisible())
    assert panel.callback_error.text() == error_text("callback_past")
    assert panel.saved is None and task_states(world)[world.patients[0]] == ("in_progress", 0)


def test_escape_puts_an_untouched_call_back(qtbot, open_view, world, wait_until):
    view = open_view()
    view.start_next_call()
    wait_until(lambda: view.call_panel.claim is not None)
    qtbot.keyClick(view.call_panel, Qt.Key.Key_Escape)
    wait_until(lambda: view.stack.currentWidget() is view.list_page)
    wait_until(lambda: task_states(world)[world.patients[0]] == ("open", 0))


def test_a_supervisor_rebalances_among_nurses(open_view, world, wait_until, runner, qloop):
    view = open_view(role=Role.SUPERVISOR)
    qloop.run_until_complete(view.apply_assignment("rebalance", world.nurses, []))
    assert sorted(r.assignee for r in view.model.rows) == ["护士1", "护士2", "护士3"]


def test_the_worklist_model_passes_the_model_tester(qtmodeltester, open_view):
    view = open_view(role=Role.SUPERVISOR)
    assert isinstance(view.model, WorklistModel)
    qtmodeltester.check(view.model)


def test_a_supervisor_picks_one_nurses_list(open_view, world, wait_until):
    view = open_view(role=Role.SUPERVISOR)
    wait_until(lambda: view.scope_combo.count() == 3 + 3)  # mine, all, unassigned and the three nurses
    view.scope_combo.setCurrentIndex(view.scope_combo.findData(f"nurse:{world.nurses[0]}"))
    wait_until(lambda: [r.patient_name for r in view.model.rows] == ["患者0", "患者1"])


def test_the_assign_dialog_asks_for_exactly_one_nurse(qtbot, world):
    from hcrm_desktop.services.followup_assignment import nurse_loads
    from hcrm_desktop.views.followups.assign import ASSIGN, REBALANCE, AssignDialog

    dialog = AssignDialog(nurses=nurse_loads(world.db), selected=2)
    qtbot.addWidget(dialog)
    dialog._on_buttons_accepted()
    assert dialog.error_label.isVisibleTo(dialog) and dialog.result() == 0
    dialog.nurse_list.item(1).setCheckState(Qt.CheckState.Checked)
    dialog._on_buttons_accepted()
    assert dialog.action() == (ASSIGN, [world.nurses[1]]) and dialog.result() == 1
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData(REBALANCE))
    assert dialog.action() == (REBALANCE, [world.nurses[1]])
