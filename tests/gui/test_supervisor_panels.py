"""The supervisor panels on the hand-checked world (tests/fixtures/supervision_world.py): the board shows
today's counts, the performance table the hand-computed figures with a drill-down, QA review saves, and
the agent sees their reviews."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.qa import review_interaction
from hcrm_desktop.services.staff import StaffAccount
from hcrm_desktop.store.db import open_database
from hcrm_desktop.views.analytics.view import AnalyticsView
from hcrm_desktop.views.supervisor.board import BoardPanel
from hcrm_desktop.views.supervisor.myqa import MyQaDialog
from hcrm_desktop.views.supervisor.performance import DrillDownDialog, PerformancePanel
from hcrm_desktop.views.supervisor.qa import QaPanel
from tests.fixtures.supervision_world import NAMES, NOW, build_world

FULL = {"greeting": 10, "identity": 15, "understanding": 20, "solution": 25, "attitude": 15, "closing": 15}


@pytest.fixture
def world(tmp_path):
    db = open_database(tmp_path / "panels.db", create=True)
    w = build_world(db)
    yield db, w
    db.dispose()


def account(w, letter, role):
    return StaffAccount(w.staff[letter], f"sv_{letter.lower()}", NAMES[letter], role)


def test_board_shows_todays_counts_and_complaints_by_urgency(qtbot, runner, wait_until, world):
    db, w = world
    panel = BoardPanel(db=db, runner=runner, session=account(w, "S", Role.SUPERVISOR), clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.loads == 1)
    figures = {key: card.value_label.text() for key, card in panel.cards.items()}
    assert figures == {"contacts": "5", "open": "2", "overdue": "1", "at_risk": "0", "followups_due": "3",
                       "followups_done": "2"}  # fmt: skip
    per_hour = [sum(col) for col in zip(*(v for _n, v in panel.chart.sets), strict=True)]  # stacked channels
    hours = dict(zip(panel.chart.categories, per_hour, strict=True))
    assert hours["08"] == 1 and hours["09"] == 4 and sum(hours.values()) == 5
    panel.split_combo.setCurrentIndex(panel.split_combo.findData("type"))  # stacked by contact type instead
    assert len(panel.chart.sets) == 4 and sum(sum(v) for _n, v in panel.chart.sets) == 5
    cases = [row.cells[0] for row in panel.complaints_model.rows()]
    assert cases == ["SV4", "SV3"]  # the overdue one first
    assert panel.complaints_model.row(0).tone == "danger"
    states = {row.key: row.cells[4] for row in panel.agents_model.rows()}
    assert states == {w.staff["A"]: "2", w.staff["B"]: "2", w.staff["C"]: "1", w.staff["N"]: "0"}
    assert not panel.busy.isVisible()


def test_board_refreshes_when_a_change_arrives(qtbot, runner, wait_until, world):
    db, w = world
    panel = BoardPanel(db=db, runner=runner, session=account(w, "M", Role.ADMIN), clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.loads == 1)
    panel.apply_changes(Changes.of("patients", "x"))  # not shown here: no reload
    panel.apply_changes(Changes.of("interactions", "x"))
    wait_until(lambda: panel.loads == 2)


def test_performance_table_shows_the_hand_computed_figures_and_drills_down(qtbot, runner, wait_until, world):
    db, w = world
    review_interaction(db, reviewer_id=w.staff["S"], interaction_id=w.ids["a1"], scores=FULL,
                       now=datetime(2026, 11, 15, 16, 0))
    panel = PerformancePanel(db=db, runner=runner, session=account(w, "S", Role.SUPERVISOR), clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.loads == 1)
    rows = {row.cells[0]: row.cells for row in panel.model.rows()}
    assert set(rows) == {"王晓燕", "李明", "赵雪"}
    # name, team, contacts, aht, wrap, fcr, praise, about, handled, sla, csat, followups, completion, apc, survey, qa
    assert rows["王晓燕"] == ("王晓燕", "一组", "5", "165", "25", "75.0%", "1", "1", "2", "50.0%", "3.00", "4",
                            "50.0%", "3.00", "4.00", "100.0")  # fmt: skip
    assert rows["李明"][2:6] == ("4", "150", "30", "75.0%")
    assert rows["赵雪"][9] == "–"  # k3's SLA is not known yet
    # double-click A's average handle time: the 4 contacts with a handle time
    row = next(i for i, r in enumerate(panel.model.rows()) if r.cells[0] == "王晓燕")
    index = panel.model.index(row, 3)
    panel.view.scrollTo(index)
    centre = panel.view.visualRect(index).center()
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    dialogs = panel.findChildren(DrillDownDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    wait_until(lambda: dialog.frame is not None)
    assert dialog.kpi == "aht" and set(dialog.frame["id"]) == {w.ids[x] for x in ("a1", "a2", "a3", "a5")}
    assert dialog.model.rowCount() == 4
    dialog.close()
    # by team
    panel.by_combo.setCurrentIndex(panel.by_combo.findData("team"))
    wait_until(lambda: panel.loads == 2)
    teams = {row.cells[0]: row.cells for row in panel.model.rows()}
    assert teams["一组"][1:5] == ("9", "158", "27", "75.0%")  # 1260 s / 8 = 157.5; 190 s / 7 = 27.1
    assert panel.chart.categories  # the chart shows the chosen KPI


def test_performance_table_exports_to_excel_and_is_audited(qtbot, runner, wait_until, world, tmp_path):
    import openpyxl
    from sqlalchemy import select

    from hcrm_desktop.store.models import AuditEvent

    db, w = world
    panel = PerformancePanel(db=db, runner=runner, session=account(w, "S", Role.SUPERVISOR), clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.loads == 1)
    path = tmp_path / "kpi.xlsx"
    with qtbot.waitSignal(panel.changes_made, timeout=5000):
        runner.loop.run_until_complete(panel.export_to(path))
    sheet = openpyxl.load_workbook(path).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["王晓燕"][2] == 5 and rows["王晓燕"][3] == 165 and abs(rows["王晓燕"][5] - 0.75) < 1e-9  # fcr 75 %
    with db.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert event.actor_id == w.staff["S"] and event.entity == "agent_performance" and event.details["rows"] == 3


def test_qa_review_is_saved_and_a_non_supervisor_is_refused(qtbot, runner, wait_until, world):
    db, w = world
    panel = QaPanel(db=db, runner=runner, session=account(w, "S", Role.SUPERVISOR), clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    wait_until(lambda: panel.agent_combo.count() == 4 and panel.contacts_model.rowCount() > 0)
    panel.agent_combo.setCurrentIndex(panel.agent_combo.findData(w.staff["B"]))
    wait_until(lambda: {r.key for r in panel.contacts_model.rows()} == {w.ids[x] for x in ("b1", "b2", "b3", "b4")})
    assert panel.select_interaction(w.ids["b1"]) and panel.form_box.isEnabled()
    panel.spins["solution"].setValue(20)
    panel.spins["closing"].setValue(12.5)
    assert "92.5" in panel.total_label.text()  # 10 + 15 + 20 + 20 + 15 + 12.5
    with qtbot.waitSignal(panel.changes_made, timeout=5000) as saved:
        QTest.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].touches("qa_reviews")
    wait_until(lambda: panel.reviews_model.rowCount() == 1)
    assert panel.reviews_model.row(0).cells[2] == "92.5"
    # Esc on a dirty form asks before discarding
    panel.spins["identity"].setValue(5)
    QTest.keyClick(panel.spins["identity"], Qt.Key.Key_Escape)
    wait_until(lambda: any(box.isVisible() for box in panel.findChildren(QMessageBox)))
    box = next(b for b in panel.findChildren(QMessageBox) if b.isVisible())
    box.button(QMessageBox.StandardButton.Discard).click()
    wait_until(lambda: panel.spins["identity"].value() == 15)
    # an agent's session cannot review (the service refuses; the panel says so inline)
    agent_panel = QaPanel(db=db, runner=runner, session=account(w, "A", Role.AGENT), clock=lambda: NOW)
    qtbot.addWidget(agent_panel)
    agent_panel.show()
    wait_until(lambda: agent_panel.contacts_model.rowCount() > 0)
    agent_panel.contacts_view.selectRow(0)
    ok = runner.loop.run_until_complete(agent_panel.save(agent_panel.selected_interaction().id))
    assert not ok and agent_panel.message_bar.isVisible()


def test_agent_sees_their_reviews_and_opening_one_marks_it_read(qtbot, runner, wait_until, world):
    db, w = world
    review_interaction(db, reviewer_id=w.staff["S"], interaction_id=w.ids["a2"], scores=FULL, comment="很好")
    dialog = MyQaDialog(db=db, runner=runner, session=account(w, "A", Role.AGENT))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.changes_made, timeout=5000) as seen:
        dialog.show()
    assert seen.args[0].touches("qa_reviews")
    assert dialog.model.rowCount() == 1 and dialog.model.row(0).cells[4] == "100"
    assert dialog.detail_model.rowCount() == 6 and "很好" in dialog.comment_label.text()
    wait_until(lambda: dialog.reviews[0].seen_by_agent_at is not None)


def test_analytics_view_lists_the_supervisor_panels(qtbot, runner, world):
    db, w = world
    view = AnalyticsView(db=db, runner=runner, session=account(w, "S", Role.SUPERVISOR))
    qtbot.addWidget(view)
    assert {"board", "performance", "qa"} <= set(view.panels)
