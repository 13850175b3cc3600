"""Demo escalations: red-flag answers sent to their department's doctor, deterministic per seed."""

from __future__ import annotations

import sqlite3
from datetime import date

from hcrm_desktop.demo.generate import generate_database

TODAY = date(2025, 11, 20)


def rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM escalations ORDER BY id").fetchall(), conn.execute(
            "SELECT e.state, e.reason, d.role, d.department_id = e.department_id, e.raised_by_id IS NOT NULL,"
            " e.instruction IS NOT NULL, e.feedback IS NOT NULL, e.closed_at IS NOT NULL, r.red_flag"
            " FROM escalations e JOIN staff_users d ON d.id = e.doctor_id"
            " JOIN survey_responses r ON r.id = e.response_id").fetchall()
    finally:
        conn.close()


def test_red_flags_become_escalations_to_the_departments_doctor_the_same_for_a_seed(tmp_path):
    first = generate_database(tmp_path / "a.db", patients=800, seed=3, today=TODAY)
    again = generate_database(tmp_path / "b.db", patients=800, seed=3, today=TODAY)
    (table, checks), (table_again, _) = rows(first.path), rows(again.path)
    assert table == table_again and first.rows["escalations"] == len(table) > 0
    assert len(checks) == len(table)  # every escalation has its doctor and its red-flag response
    for state, reason, role, same_dept, raised_by, instructed, fed_back, closed, red_flag in checks:
        assert role == "doctor" and same_dept and raised_by and red_flag and reason
        stage = ("open", "instructed", "executed", "closed").index(state)
        assert (instructed, fed_back, closed) == (stage >= 1, stage >= 2, stage >= 3)
