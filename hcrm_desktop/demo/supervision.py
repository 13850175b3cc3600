"""Demo rows for the supervisor workspace, added after the bulk load: agents' teams, wrap-up seconds on
every contact, today's contacts of the night line (before the opening at 08:00, the demo's "now") for
the live board, and quality reviews.

Deterministic: a random generator seeded from (seed, "supervision") and rows read in id order, so a seed
gives one database however many processes made the rest. Runs on the finished file (indexes in place).
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import MutableMapping
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hcrm_desktop.store.db import raw_connection

TEAMS = ("咨询一组", "咨询二组", "投诉与回访组")
NURSE_TEAM = "随访组"
CHECKLIST = (("greeting", 10), ("identity", 15), ("understanding", 20), ("solution", 25), ("attitude", 15),
             ("closing", 15))  # fmt: skip  (resources/qa/checklist.json)
TODAY_CONTACTS = (30, 400)  # today's contacts: patients // 20, within these bounds
OPENING = time(8, 0)  # the demo's "now": history stops at today's opening (the 24-hour line worked the night)
REVIEWS_PER_AGENT = (2, 6)
UTC_OFFSET = timedelta(hours=8)
# Wrap-up seconds from the row itself: 15..134 s, a little longer for some agents, shorter on chat.
WRAP_SQL = (
    "UPDATE interactions SET wrap_seconds = (15 + (coalesce(handle_seconds, 0) * 37"
    " + unicode(substr(id, 8, 1)) * 11 + unicode(substr(id, 3, 1))) % 100"
    " + (unicode(substr(agent_id, 2, 1)) % 4) * 7) / (CASE WHEN channel IN ('phone', 'walk_in') THEN 1 ELSE 2 END)"
    " WHERE wrap_seconds IS NULL AND agent_id IS NOT NULL"
)
CONTACTS = (
    ("consultation", "咨询/体检套餐", "咨询入职体检套餐内容及价格", "已解答"),
    ("consultation", "咨询/门诊时间", "咨询专家门诊出诊时间", "已解答"),
    ("consultation", "咨询/报告查询", "询问体检报告何时可取", "已解答"),
    ("booking", "预约/体检", "预约下周体检", "已预约"),
    ("consultation", "咨询/医保", "咨询住院医保报销比例", "转人工回电"),
    ("other", "其他/发票", "咨询电子发票开具方式", "已解答"),
)
INTERACTION_COLUMNS = (
    "id", "updated_at", "version", "deleted", "origin", "patient_id", "type", "channel", "direction", "category",
    "disposition", "summary", "agent_id", "remote_number", "call_id", "started_at", "ended_at", "handle_seconds",
    "resolved_first_contact", "wrap_seconds",
)  # fmt: skip
REVIEW_COLUMNS = ("id", "updated_at", "version", "deleted", "origin", "interaction_id", "agent_id", "reviewer_id",
                  "reviewed_at", "scores", "total", "comment", "seen_by_agent_at")  # fmt: skip
COMMENTS = ("开场问候规范，需求把握准确。", "身份核实不完整，请按流程核对姓名与出生日期。", "解答清楚，结束语可更完整。",
            "服务态度好，建议主动告知后续安排。", None)  # fmt: skip


def ts(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def add_supervision(path: Path, *, seed: int, today: date, counts: MutableMapping[str, int]) -> None:
    """Add the supervisor demo rows to the finished database at `path`; `counts` gets the new rows."""
    rng = random.Random(f"hcrm-demo:{seed}:supervision")
    conn = raw_connection(path)
    try:
        conn.execute("BEGIN")
        agents = _teams(conn)
        conn.execute(WRAP_SQL)
        added = _today_contacts(conn, rng, today, agents)
        reviews = _reviews(conn, rng, today, agents)
        conn.execute("COMMIT")
    finally:
        conn.close()
    counts["interactions"] = counts.get("interactions", 0) + added
    counts["qa_reviews"] = counts.get("qa_reviews", 0) + reviews


def _teams(conn: sqlite3.Connection) -> list[str]:
    """Agents in three teams by username order, nurses in one; returns the agents' ids in that order."""
    rows = conn.execute(
        "SELECT id, username FROM staff_users WHERE role = 'agent' AND deleted = 0"
    ).fetchall()
    agents = [sid for sid, _u in sorted(rows, key=lambda r: (len(r[1]), r[1]))]
    for i, sid in enumerate(agents):
        conn.execute("UPDATE staff_users SET team = ? WHERE id = ?", (TEAMS[i % len(TEAMS)], sid))
    conn.execute("UPDATE staff_users SET team = ? WHERE role = 'nurse'", (NURSE_TEAM,))
    return agents


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _today_contacts(conn: sqlite3.Connection, rng: random.Random, today: date, agents: list[str]) -> int:
    if not agents:
        return 0
    patients = conn.execute(
        "SELECT p.id, (SELECT number FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY is_primary DESC,"
        " id LIMIT 1) FROM patients p WHERE p.deceased_on IS NULL AND p.merged_into_id IS NULL ORDER BY p.id"
        " LIMIT 5000"
    ).fetchall()
    if not patients:
        return 0
    n = max(TODAY_CONTACTS[0], min(TODAY_CONTACTS[1], len(patients) // 20))
    opening = datetime.combine(today, OPENING)
    weights = [3 if i < 2 else 1 for i in range(len(agents))]  # agent1 and agent2 take more calls
    rows = []
    for _ in range(n):
        patient, number = patients[int(rng.random() * len(patients))]
        kind, category, summary, disposition = CONTACTS[int(rng.random() * len(CONTACTS))]
        channel = "phone" if rng.random() < 0.75 else rng.choice(("wechat", "web", "sms"))
        handle = int(40 + rng.lognormvariate(5.1, 0.5)) * (1 if channel == "phone" else 2)
        wrap = int(15 + rng.random() * 90)
        night = (OPENING.hour * 3600 - handle - wrap) * rng.random() ** 0.5  # busier towards the morning
        begin = datetime.combine(today, time()) + timedelta(seconds=int(max(0.0, night)))
        end = min(begin + timedelta(seconds=handle), opening)
        rows.append((
            _uuid(rng), ts(end + timedelta(seconds=wrap) - UTC_OFFSET), 1, 0, "central", patient, kind, channel,
            "inbound", category, disposition, summary, rng.choices(agents, weights)[0],
            number if channel in ("phone", "sms") else None,
            f"{rng.getrandbits(64):016x}" if channel == "phone" else None, ts(begin), ts(end), handle,
            int(rng.random() < 0.85), wrap,
        ))  # fmt: skip
    conn.executemany(
        f"INSERT INTO interactions ({', '.join(INTERACTION_COLUMNS)}) VALUES ({', '.join('?' * len(INTERACTION_COLUMNS))})",
        rows,
    )
    return len(rows)


def _reviews(conn: sqlite3.Connection, rng: random.Random, today: date, agents: list[str]) -> int:
    reviewer = conn.execute(
        "SELECT id FROM staff_users WHERE role = 'supervisor' AND deleted = 0 ORDER BY username LIMIT 1"
    ).fetchone()
    if reviewer is None:
        return 0
    since = ts(datetime.combine(today - timedelta(days=45), time()))
    until = ts(datetime.combine(today - timedelta(days=3), time()))  # reviewed and seen before today
    rows = []
    for agent in agents:
        recent = conn.execute(
            "SELECT id, started_at FROM interactions WHERE agent_id = ? AND started_at >= ? AND started_at < ?"
            " AND channel = 'phone' ORDER BY started_at DESC, id LIMIT 40",
            (agent, since, until),
        ).fetchall()
        k = min(len(recent), REVIEWS_PER_AGENT[0] + int(rng.random() * (REVIEWS_PER_AGENT[1] - REVIEWS_PER_AGENT[0])))
        skill = 0.6 + rng.random() * 0.35
        for iid, started in sorted(rng.sample(recent, k)):
            scores = {code: float(min(top, round(top * (skill + rng.random() * 0.25)))) for code, top in CHECKLIST}
            at = datetime.fromisoformat(started) + timedelta(days=1, hours=2)
            seen = ts(at + timedelta(hours=20)) if rng.random() < 0.6 else None
            rows.append((_uuid(rng), ts(at - UTC_OFFSET), 1, 0, "central", iid, agent, reviewer[0], ts(at),
                         json.dumps(scores), round(sum(scores.values()), 2), COMMENTS[int(rng.random() * 5)], seen))
    conn.executemany(
        f"INSERT INTO qa_reviews ({', '.join(REVIEW_COLUMNS)}) VALUES ({', '.join('?' * len(REVIEW_COLUMNS))})", rows
    )
    return len(rows)
