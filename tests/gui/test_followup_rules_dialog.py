"""The follow-up rules dialog: an admin sees the shipped rules, a typo is reported with its line and nothing is
saved, a valid edit is saved and reaches the table; a rule is switched off; a nurse can only look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.store.models import FollowUpRule, StaffUser
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.views.followups.rules import RulesDialog


@pytest.fixture
def open_dialog(qtbot, staff_db, runner, wait_until):
    def open_(username, role):
        with staff_db.session() as s:
            staff = s.query(StaffUser).filter_by(username=username).one()
        dialog = RulesDialog(db=staff_db, runner=runner,
                             session=UserSession(staff.id, staff.username, staff.display_name, role))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        wait_until(lambda: dialog.rules_list.count() >= 10)  # seeded from the shipped file on first use
        return dialog

    return open_


def stored(db, code):
    with db.session() as s:
        return s.scalar(select(FollowUpRule).where(FollowUpRule.code == code))


def select_rule(dialog, code):
    for row in range(dialog.rules_list.count()):
        if dialog.rules_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
            dialog.rules_list.setCurrentRow(row)
            return
    raise AssertionError(code)


def test_admin_fixes_a_typo_named_by_its_line_then_saves(qtbot, open_dialog, staff_db, wait_until):
    dialog = open_dialog("admin", Role.ADMIN)
    select_rule(dialog, "post_discharge")
    text = dialog.editor.toPlainText()
    assert '"code": "post_discharge"' in text and not dialog.validation.isVisible()
    line = next(n + 1 for n, t in enumerate(text.splitlines()) if '"priority": 2' in t)
    dialog.editor.setPlainText(text.replace('"priority": 2', '"priority": 7'))
    assert dialog.validation.isVisible()
    assert dialog.validation.text().startswith(f"第 {line} 行") or dialog.validation.text().startswith(f"Line {line}")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: dialog.messages.isVisible())
    assert str(line) in dialog.messages.text()
    assert dialog.editor.textCursor().blockNumber() == line - 1  # the cursor went to the line
    assert stored(staff_db, "post_discharge").definition["priority"] == 2  # the previous rule stays
    dialog.editor.setPlainText(text.replace('"priority": 2', '"priority": 1'))
    assert not dialog.validation.isVisible()
    saved = []
    dialog.rules_saved.connect(saved.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: saved)
    assert stored(staff_db, "post_discharge").definition["priority"] == 1
    assert saved[0].touches("followup_rules") and not dialog.dirty


def test_admin_switches_a_rule_off(qtbot, open_dialog, staff_db, wait_until):
    dialog = open_dialog("admin", Role.ADMIN)
    select_rule(dialog, "vip_win_back")
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: not stored(staff_db, "vip_win_back").active)
    wait_until(lambda: dialog.toggle_button.text() in ("启用", "Activate"))
    current = dialog.rules_list.currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) == "vip_win_back"


def test_a_nurse_can_read_but_not_change(open_dialog):
    dialog = open_dialog("nurse1", Role.NURSE)
    assert dialog.editor.isReadOnly()
    assert not dialog.save_button.isEnabled() and not dialog.toggle_button.isEnabled()
    assert dialog.messages.isVisible()


def test_admin_makes_todays_tasks_now(qtbot, open_dialog, staff_db, wait_until):
    from datetime import date, datetime, timedelta

    from hcrm_desktop.store.models import Encounter, FollowUpTask, Patient, PatientPhone

    discharged = datetime.combine(date.today() - timedelta(days=2), datetime.min.time()).replace(hour=10)
    with staff_db.write() as s:
        p = Patient(customer_no="C0000001", name="张三", name_pinyin="zhangsan", name_initials="zs")
        s.add_all([p, PatientPhone(patient_id=p.id, number="13800138000", number_e164="+8613800138000"),
                   Encounter(patient_id=p.id, kind="inpatient", started_at=discharged - timedelta(days=3),
                             discharged_at=discharged, primary_icd10="K35.8")])
    dialog = open_dialog("admin", Role.ADMIN)
    made = []
    dialog.tasks_generated.connect(made.append)
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: made)
    with staff_db.session() as s:
        assert s.query(FollowUpTask).count() == 1
    assert "1" in dialog.messages.text() and made[0].touches("followup_tasks")
