"""Agent performance KPIs, the live board and the drill-down on a hand-checked world
(tests/fixtures/supervision_world.py: read its tables next to the arithmetic below)."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from hcrm_desktop.analytics.board import load_board
from hcrm_desktop.analytics.frames import AnalyticsForbidden, Period
from hcrm_desktop.analytics.performance import drill_down, kpi_table, team_members
from hcrm_desktop.services.qa import review_interaction
from hcrm_desktop.store.db import open_database
from tests.fixtures.supervision_world import NOW, World, build_world

NOVEMBER = Period.month(2026, 11)
FULL = {"greeting": 10, "identity": 15, "understanding": 20, "solution": 25, "attitude": 15, "closing": 15}
EIGHTY = {"greeting": 8, "identity": 12, "understanding": 16, "solution": 20, "attitude": 12, "closing": 12}
SEVENTY = {"greeting": 5, "identity": 10, "understanding": 15, "solution": 20, "attitude": 10, "closing": 10}


@pytest.fixture
def world(tmp_path):
    db = open_database(tmp_path / "kpi.db", create=True)
    w = build_world(db)
    reviewed = datetime(2026, 11, 15, 16, 0)
    for label, scores in (("a1", FULL), ("a2", EIGHTY), ("b1", SEVENTY)):
        review_interaction(db, reviewer_id=w.staff["S"], interaction_id=w.ids[label], scores=scores, now=reviewed)
    yield db, w
    db.dispose()


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_agent_kpis_match_the_hand_computed_figures(world):
    db, w = world
    table = kpi_table(db, NOVEMBER, now=NOW)
    a, b, c = (table.loc[w.staff[x]] for x in "ABC")
    # A: a1..a5 in November (a0 is in October, a6 in December)
    assert a["contacts"] == 5
    assert close(a["aht"], (100 + 200 + 300 + 60) / 4)  # a4 has no handle time: 165
    assert close(a["wrap"], (20 + 40 + 30 + 10) / 4)  # a3 has no wrap-up: 25
    assert close(a["fcr"], 3 / 4 * 100)  # a1 yes, a2 no, a3 yes, a5 yes (a4 not recorded): 75 %
    assert a["praise"] == 1  # b3 credits A
    assert a["complaints_about"] == 1  # k3 names A
    assert a["complaints_handled"] == 2  # k1, k2 (k0 opened in October)
    assert close(a["sla_met"], 1 / 2 * 100)  # k1 resolved 11-04 <= due 11-05; k2 resolved 11-13 > due 11-12
    assert close(a["complaint_satisfaction"], (4 + 2) / 2)
    assert a["followups"] == 4  # t1 done, t2 done, t3 lost, t4 open (t5 cancelled, t0 October)
    assert close(a["completion"], 2 / 4 * 100)
    assert close(a["attempts_per_completion"], (3 + 1 + 2 + 0) / 2)  # calls on t1..t4 per done task: 3.0
    assert close(a["satisfaction"], (4.0 + 3.0 + 5.0) / 3)  # t1, t2 surveys + a1 survey (a2's has no score)
    assert close(a["qa"], (100 + 80) / 2)
    # B: b1..b4
    assert b["contacts"] == 4
    assert close(b["aht"], (120 + 180 + 90 + 210) / 4)  # 150
    assert close(b["wrap"], (30 + 50 + 10) / 3)  # b4 none: 30
    assert close(b["fcr"], 3 / 4 * 100)
    assert (b["praise"], b["complaints_about"], b["complaints_handled"], b["followups"]) == (0, 1, 0, 0)  # k1 names B
    assert math.isnan(b["sla_met"]) and math.isnan(b["completion"]) and math.isnan(b["satisfaction"])
    assert close(b["qa"], 70)
    # C: c1..c3
    assert c["contacts"] == 3
    assert close(c["aht"], (400 + 200) / 2) and close(c["wrap"], (60 + 30) / 2)
    assert close(c["fcr"], 1 / 2 * 100)  # c1 no, c2 yes
    assert c["praise"] == 1  # a5 credits C
    assert c["complaints_handled"] == 1 and math.isnan(c["sla_met"])  # k3 due 11-25, after now: not known yet
    assert c["followups"] == 1 and close(c["completion"], 100) and close(c["attempts_per_completion"], 1)
    assert close(c["satisfaction"], (3.0 + 5.0) / 2)  # t6 survey + c1 survey
    assert math.isnan(c["qa"])
    # the nurse and the supervisor have no figures: not listed; agents always are
    assert set(table.index) == {w.staff["A"], w.staff["B"], w.staff["C"]}


def test_team_kpis_add_up_records_not_averages(world):
    db, w = world
    table = kpi_table(db, NOVEMBER, by="team", now=NOW)
    one = table.loc["一组"]  # A + B
    assert one["contacts"] == 9
    assert close(one["aht"], (660 + 600) / 8)  # 157.5, not the mean of 165 and 150
    assert close(one["wrap"], (100 + 90) / 7)
    assert close(one["fcr"], (3 + 3) / 8 * 100)
    assert (one["praise"], one["complaints_about"], one["complaints_handled"]) == (1, 2, 2)
    assert close(one["qa"], (100 + 80 + 70) / 3)
    assert table.loc["二组", "contacts"] == 3


def test_drill_down_lists_exactly_the_rows_behind_a_figure(world):
    db, w = world

    def ids(kpi, *letters, team=None):
        staff = team_members(db, team) if team else [w.staff[x] for x in letters]
        frame = drill_down(db, kpi=kpi, period=NOVEMBER, staff_ids=staff, now=NOW)
        return set(frame["id"])

    label = {v: k for k, v in w.ids.items()}
    assert {label[i] for i in ids("contacts", "A")} == {"a1", "a2", "a3", "a4", "a5"}
    assert {label[i] for i in ids("aht", "A")} == {"a1", "a2", "a3", "a5"}
    assert {label[i] for i in ids("wrap", "A")} == {"a1", "a2", "a4", "a5"}
    assert {label[i] for i in ids("praise", "A")} == {"b3"}
    assert {label[i] for i in ids("sla_met", "A")} == {"k1", "k2"}
    assert ids("sla_met", "C") == set()
    assert {label[i] for i in ids("complaints_about", "A")} == {"k3"}
    assert {label[i] for i in ids("completion", "A")} == {"t1", "t2", "t3", "t4"}
    behind = drill_down(db, kpi="attempts_per_completion", period=NOVEMBER, staff_ids=[w.staff["A"]], now=NOW)
    assert {label[i] for i in behind["id"]} == {"t1", "t2", "t3", "t4"} and behind["attempts"].sum() == 6
    assert len(ids("satisfaction", "A")) == 3 and len(ids("qa", "A")) == 2
    assert {label[i] for i in ids("contacts", team="一组")} == {"a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4"}


def test_board_shows_today_at_now(world):
    db, w = world
    board = load_board(db, now=NOW)
    # today (11-20): a4 09:10, a5 09:57 (wechat), b2 08:30, b4 09:50, c3 09:58
    assert board.contacts_today == 5
    by_hour = board.by_hour()
    assert by_hour.sum(axis=1)[8] == 1 and by_hour.sum(axis=1)[9] == 4 and by_hour.values.sum() == 5
    assert board.totals("channel") == {"phone": 4, "wechat": 1}
    # open: k3 (due Wed 11-25 10:00) and k4 (due Thu 11-19 17:00, overdue)
    assert (board.open_complaints, board.overdue_complaints, board.at_risk_complaints) == (2, 1, 0)
    assert board.sla_clock == "working"
    k4, k3 = board.complaints
    assert (k4.id, k3.id) == (w.ids["k4"], w.ids["k3"])
    # k4: Thu 17:00-17:30 = 30 min, Fri 08:00-09:59:05 = 119 min 5 s of working time overdue
    assert close(k4.remaining_minutes, -(30 + 119 + 5 / 60)) and k4.status == "breached"
    # k3: Fri 09:59:05-12:00 and 13:30-17:30, Mon, Tue (480 each), Wed 08:00-10:00
    assert close(k3.remaining_minutes, (120 + 55 / 60) + 240 + 480 + 480 + 120) and k3.status == "ok"
    # follow-ups due today: t2 (A, done), t4 (A, open), t6 (C, done); t5 is cancelled
    by_staff = {p.key: (p.due, p.done, p.remaining, p.lost) for p in board.followups_by_assignee}
    assert by_staff == {w.staff["A"]: (2, 1, 1, 0), w.staff["C"]: (1, 1, 0, 0)}
    by_dept = {p.name: (p.due, p.done, p.remaining, p.lost) for p in board.followups_by_department}
    assert by_dept == {"X科": (2, 1, 1, 0), "Y科": (1, 1, 0, 0)}
    states = {s.agent_id: (s.state, s.contacts_today, s.attempts_today) for s in board.agents}
    assert states == {
        w.staff["A"]: ("wrap_up", 2, 1),  # a5 ended 09:59:00 + 10 s wrap-up; t2's call at 08:05 (t5's at 10:05 later)
        w.staff["B"]: ("available", 2, 0),  # b4 ended 09:53:30, less than 15 minutes ago
        w.staff["C"]: ("on_call", 1, 1),  # c3 started 09:58, not ended
        w.staff["N"]: ("offline", 0, 0),
    }


def test_only_supervisors_and_admins_see_the_figures(world):
    db, _w = world
    for role in ("agent", "nurse"):
        with pytest.raises(AnalyticsForbidden):
            kpi_table(db, NOVEMBER, now=NOW, viewer_role=role)
        with pytest.raises(AnalyticsForbidden):
            load_board(db, now=NOW, viewer_role=role)
        with pytest.raises(AnalyticsForbidden):
            drill_down(db, kpi="contacts", period=NOVEMBER, staff_ids=[], viewer_role=role)
    assert len(kpi_table(db, NOVEMBER, now=NOW, viewer_role="admin")) == 3


def test_periods_are_half_open_months():
    assert Period.month(2026, 12).end == datetime(2027, 1, 1)
    assert Period.last_month(datetime(2026, 1, 15).date()) == Period.month(2025, 12)
    assert Period.days(datetime(2026, 11, 2).date(), datetime(2026, 11, 3).date()).end == datetime(2026, 11, 4)


def test_world_is_unchanged_by_unknown_kpi(world):
    db, w = world
    with pytest.raises(ValueError):
        drill_down(db, kpi="nonsense", period=NOVEMBER, staff_ids=[w.staff["A"]])
    assert isinstance(w, World)
