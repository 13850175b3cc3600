"""Demo escalations: the red-flag survey answers of follow-up calls sent to their department's doctor, with
the loop of instruction and feedback (指令执行反馈) in the states their age gives them, a few overdue.

Added after the bulk load, like `supervision`: a random generator seeded from (seed, "escalations") and
rows read in id order, so a seed gives one database however many processes made the rest. Only red flags
of the last `DAYS` days are escalated (older ones predate the feature in the story).
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import MutableMapping
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hcrm_desktop.domain.questionnaire import Questionnaire
from hcrm_desktop.services.escalations import flag_reason, questionnaire_of
from hcrm_desktop.store.db import raw_connection

DAYS = 60
DUE_HOURS = 24  # as services.escalations.DUE_HOURS
OPENING = time(8, 0)  # the demo's "now" (see demo.supervision)
UTC_OFFSET = timedelta(hours=8)
INSTRUCTIONS = ("请患者三日内来院门诊复查", "电话指导用药，如症状加重立即急诊就诊", "安排护士上门查看伤口",
                "调整用药方案，一周后复诊", "转交科室质控，主任亲自回访")  # fmt: skip
FEEDBACK = ("已电话通知患者，已预约门诊", "已指导用药，患者表示理解", "已上门换药，伤口情况好转",
            "患者已按时复诊", "科室主任已回访，患者表示满意")  # fmt: skip
COLUMNS = ("id", "updated_at", "version", "deleted", "origin", "patient_id", "task_id", "response_id",
           "department_id", "doctor_id", "raised_by_id", "raised_at", "due_at", "state", "reason", "answers",
           "instruction", "instructed_by_id", "instructed_at", "feedback", "executed_at", "closed_at")  # fmt: skip
RESPONSES = (
    "SELECT r.id, r.patient_id, r.task_id, r.answers, r.submitted_at, t.department_id, t.assignee_id,"
    " r.questionnaire_id"
    " FROM survey_responses r JOIN followup_tasks t ON t.id = r.task_id"
    " WHERE r.red_flag = 1 AND r.submitted_at >= ? ORDER BY r.id"
)
DOCTORS = (
    "SELECT department_id, id FROM staff_users WHERE role = 'doctor' AND active = 1 AND deleted = 0"
    " ORDER BY department_id, CASE WHEN title = '主任医师' THEN 0 ELSE 1 END, employee_no, id"
)


def ts(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def add_escalations(path: Path, *, seed: int, today: date, counts: MutableMapping[str, int]) -> None:
    """Escalate the recent red-flag answers in the finished database at `path`; `counts` gets the rows."""
    rng = random.Random(f"hcrm-demo:{seed}:escalations")
    now = datetime.combine(today, OPENING)
    conn = raw_connection(path)
    try:
        conn.execute("BEGIN")
        rows = _rows(conn, rng, now)
        marks = ", ".join("?" * len(COLUMNS))
        conn.executemany(f"INSERT INTO escalations ({', '.join(COLUMNS)}) VALUES ({marks})", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    counts["escalations"] = counts.get("escalations", 0) + len(rows)


def _rows(conn: sqlite3.Connection, rng: random.Random, now: datetime) -> list[tuple[object, ...]]:
    doctors: dict[str, str] = {}
    for dept, doctor in conn.execute(DOCTORS):
        doctors.setdefault(dept, doctor)
    supervisor = conn.execute("SELECT id FROM staff_users WHERE role = 'supervisor' ORDER BY username LIMIT 1").fetchone()
    rows: list[tuple[object, ...]] = []
    templates = _templates(conn)
    since = ts(now - timedelta(days=DAYS))
    for rid, patient, task, answers, submitted, dept, nurse, questionnaire in conn.execute(RESPONSES, (since,)):
        raised = datetime.fromisoformat(submitted)
        template = templates.get(questionnaire)
        flags = template.red_flags(json.loads(answers)) if template else []
        reason = "；".join(flag_reason(f.text, f.answer) for f in flags)
        loop = _loop(rng, raised, now, supervisor[0] if supervisor else None)
        stamp = max(t for t in (raised, loop[2], loop[4], loop[5]) if t is not None)
        rows.append((
            str(uuid.UUID(int=rng.getrandbits(128), version=4)), ts(stamp - UTC_OFFSET), 1, 0, "central", patient,
            task, rid, dept, doctors.get(dept), nurse, ts(raised), ts(raised + timedelta(hours=DUE_HOURS)), loop[0],
            reason or "red_flag", answers, loop[1], loop[6] if loop[1] else None, _ts(loop[2]), loop[3],
            _ts(loop[4]), _ts(loop[5]),
        ))  # fmt: skip
    return rows


def _templates(conn: sqlite3.Connection) -> dict[str, Questionnaire | None]:
    rows = conn.execute("SELECT id, code, name, definition FROM questionnaires")
    return {qid: questionnaire_of(code, name, json.loads(definition)) for qid, code, name, definition in rows}


Loop = tuple[str, str | None, datetime | None, str | None, datetime | None, datetime | None, str | None]


def _loop(rng: random.Random, raised: datetime, now: datetime, recorder: str | None) -> Loop:
    """(state, instruction, instructed_at, feedback, executed_at, closed_at, recorded by) for an escalation
    raised at `raised`: the older, the further along; some are late (overdue) on purpose."""
    age_hours = (now - raised).total_seconds() / 3600
    stage = 3 if age_hours > 72 and rng.random() < 0.85 else min(3, int(age_hours / 8 * rng.random()))
    if rng.random() < 0.12:
        stage = min(stage, 1)  # stuck: the supervisor's overdue list has something to show
    steps = sorted(raised + timedelta(hours=rng.uniform(0.5, min(20.0, max(1.0, age_hours - 0.1))))
                   for _ in range(3))  # fmt: skip
    steps = [min(t, now - timedelta(minutes=5)) for t in steps]
    instruction = INSTRUCTIONS[int(rng.random() * len(INSTRUCTIONS))] if stage >= 1 else None
    feedback = FEEDBACK[int(rng.random() * len(FEEDBACK))] if stage >= 2 else None
    state = ("open", "instructed", "executed", "closed")[stage]
    return (state, instruction, steps[0] if stage >= 1 else None, feedback, steps[1] if stage >= 2 else None,
            steps[2] if stage >= 3 else None, recorder)  # fmt: skip


def _ts(value: datetime | None) -> str | None:
    return ts(value) if value is not None else None
