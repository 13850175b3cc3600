"""The analytics panels on the hand-checked customer base: what a supervisor sees and can do."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.staff import StaffAccount
from hcrm_desktop.store.models import AuditEvent, FollowUpRule, FollowUpTask, StaffUser
from tests.fixtures.customer_world import TODAY, build_customer_world


@pytest.fixture
def world(staff_db):
    return build_customer_world(staff_db)


@pytest.fixture
def supervisor(staff_db):
    with staff_db.session() as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == "supervisor1")).one()
        return StaffAccount(id=user.id, username=user.username, display_name=user.display_name,
                            role=Role.SUPERVISOR)


def test_segments_panel_shows_tiers_and_makes_a_follow_up_list(qtbot, staff_db, runner, world, supervisor,
                                                                wait_until):
    from hcrm_desktop.views.analytics.segments import SegmentsPanel

    panel = SegmentsPanel(db=staff_db, runner=runner, session=supervisor, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1200, 900)
    panel.show()
    wait_until(lambda: panel.data is not None, timeout=20)

    shown = {tier: card.value_label.text() for tier, card in panel.cards.items()}
    assert shown == {"core": "3", "potential": "1", "normal": "1", "drifting": "2"}  # A B H | C | D | E F
    assert panel.cards["core"].caption_label.text() == "核心"
    assert "核心客户：最近 365 天内来过" in panel.rule_label.text()
    assert panel.edit_button.isVisibleTo(panel)  # supervisors may change the thresholds
    assert panel.churn_table.model.rowCount() == 1
    index = panel.churn_table.model.index(0, 1)
    assert panel.churn_table.model.data(index) == "张一"
    assert panel.churn_table.model.data(panel.churn_table.model.index(0, 8)) == "75"

    with qtbot.waitSignal(panel.changes_made, timeout=5000) as changed:
        qtbot.mouseClick(panel.campaign_button, Qt.MouseButton.LeftButton)
    assert changed.args[0].touches("followup_tasks")
    assert "1" in panel.message_bar.text() and panel.message_bar.isVisibleTo(panel)
    with staff_db.session() as s:
        tasks = s.execute(select(FollowUpTask.patient_id, FollowUpRule.kind).join(
            FollowUpRule, FollowUpRule.id == FollowUpTask.rule_id).where(FollowUpRule.kind == "campaign")).all()
    assert tasks == [(world["A"], "campaign")]

    with qtbot.waitSignal(panel.campaign_created, timeout=5000) as again:  # one step, and only once
        qtbot.keyClick(panel.churn_table.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert (again.args[0].created, again.args[0].skipped) == (0, 1)


def test_tables_export_to_excel_with_an_audit_entry(qtbot, staff_db, runner, world, supervisor, wait_until,
                                                    tmp_path):
    from hcrm_desktop.views.analytics.segments import SegmentsPanel

    panel = SegmentsPanel(db=staff_db, runner=runner, session=supervisor, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.data is not None, timeout=20)

    path = tmp_path / "churn.xlsx"
    with qtbot.waitSignal(panel.churn_table.exported, timeout=5000):
        runner.spawn(panel.churn_table.export_to(path))
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == list(panel.churn_table.model.export_headers().values())  # as on screen
    assert [c.value for c in ws[2]][:3] == ["C001", "张一", "核心"]
    with staff_db.session() as s:
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert (audit.actor_id, audit.entity) == (supervisor.id, "churn_risk")


def test_customers_panel_shows_distributions_and_referrers(qtbot, staff_db, runner, world, supervisor, wait_until):
    from hcrm_desktop.views.analytics.customers import CustomersPanel
    from hcrm_desktop.views.analytics.words import value_text

    panel = CustomersPanel(db=staff_db, runner=runner, session=supervisor, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.patients is not None, timeout=20)

    panel.dimension_combo.setCurrentIndex(panel.dimension_combo.findData("age_band"))
    wait_until(lambda: panel.distribution_table.model.rowCount() == 4)
    model = panel.distribution_table.model
    rows = [(model.data(model.index(r, 0)), model.data(model.index(r, 1))) for r in range(4)]
    assert rows == [("<35", "1"), ("35-50", "3"), (">50", "2"), (value_text("age_band", ""), "1")]
    assert panel.chart_counts() == [1.0, 3.0, 2.0, 1.0]
    ranking = panel.referral_table.model
    assert [ranking.data(ranking.index(r, 0)) for r in range(ranking.rowCount())] == ["C001", "C003", "C002", "C005"]

    panel.filter_combos["sex"].setCurrentIndex(panel.filter_combos["sex"].findData("F"))
    wait_until(lambda: model.rowCount() == 2)  # B (50) and D (34)
    assert sorted(model.data(model.index(r, 0)) for r in range(2)) == ["35-50", "<35"]


def test_reports_panel_builds_the_month_with_progress(qtbot, staff_db, runner, world, supervisor, wait_until,
                                                      tmp_path):
    from hcrm_desktop.views.analytics.reports import ReportsPanel

    panel = ReportsPanel(db=staff_db, runner=runner, session=supervisor, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.month_combo.currentData() == "2026-10"  # last month first
    panel.folder_edit.setText(str(tmp_path))
    with qtbot.waitSignal(panel.report_built, timeout=30000):
        qtbot.mouseClick(panel.build_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "客户关系月报-2026-10.pdf").exists() and (tmp_path / "客户关系月报-2026-10.xlsx").exists()
    assert panel.progress.value() == 100
    assert panel.open_button.isEnabled()
    with staff_db.session() as s:
        audits = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert sorted((a.entity, a.details["month"], a.details["file"]) for a in audits) == [
        ("monthly_report", "2026-10", "客户关系月报-2026-10.pdf"), ("monthly_report", "2026-10", "客户关系月报-2026-10.xlsx")]


@pytest.fixture
def saved_thresholds():
    """The workstation's thresholds file, removed afterwards (other tests expect the shipped defaults)."""
    from hcrm_desktop.analytics.segments import USER_FILE
    from hcrm_desktop.paths import config_dir

    path = config_dir() / USER_FILE
    yield path
    path.unlink(missing_ok=True)


def test_threshold_dialog_names_a_wrong_field_and_saves_a_right_one(qtbot, saved_thresholds):
    from hcrm_desktop.analytics.segments import Thresholds, load_thresholds
    from hcrm_desktop.views.analytics.thresholds import ThresholdDialog

    dialog = ThresholdDialog(Thresholds())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.fields["recent_days"].setValue(800)  # longer than the lapsed period (730)
    qtbot.keyClick(dialog.fields["recent_days"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.isVisible() and not saved_thresholds.exists()
    assert dialog.errors["lapsed_days"].isVisibleTo(dialog)
    dialog.fields["recent_days"].setValue(180)
    dialog.fields["core_monetary_fen"].setValue(8000)  # yuan on screen, fen in the file
    assert "最近 180 天内来过" in dialog.preview.text()
    qtbot.keyClick(dialog.fields["core_monetary_fen"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert not dialog.isVisible()
    assert (load_thresholds().recent_days, load_thresholds().core_monetary_fen) == (180, 800_000)
