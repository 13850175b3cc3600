"""Follow-up task generation: every shipped rule (a patient that gets a task and one that does not, with exact
due dates), idempotency, patients who must not be called, call windows and the outbox contract."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import select

from hcrm_desktop.domain.followup_rules import CallWindow, Trigger, parse_rules_toml, spread_offset
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.followup_catalog import rules_file, seed_questionnaires, sync_rules_from_file
from hcrm_desktop.services.followup_generation import generate_tasks
from hcrm_desktop.store.db import Database, open_database
from hcrm_desktop.store.models import (
    Checkup,
    Department,
    Encounter,
    FollowUpRule,
    FollowUpTask,
    Outbox,
    Patient,
    PatientPhone,
    Questionnaire,
    StaffUser,
)

TODAY = date(2026, 11, 25)  # a Wednesday
STAMP = datetime(2026, 11, 25, 0, 30)
_numbers = count(1)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "gen.db", create=True)
    with database.write() as s:
        s.add_all([Department(code=c, name=n) for c, n in (("XNK", "心内科"), ("NFMK", "内分泌科"), ("GK", "骨科"),
                                                              ("HXNK", "呼吸内科"), ("TJZX", "体检中心"),
                                                              ("KFZX", "客服中心"), ("SFZX", "随访中心"))])
        s.add_all([StaffUser(username=u, display_name=u, role=r) for u, r in (("nurse1", "nurse"), ("nurse2", "nurse"),
                                                                            ("agent1", "agent"))])
    sync_rules_from_file(database)
    seed_questionnaires(database)
    yield database
    database.dispose()


def dept(db: Database, code: str) -> str:
    with db.session() as s:
        return s.scalar(select(Department.id).where(Department.code == code)) or ""


def patient(db: Database, name: str = "张三", *, phone: bool = True, **kw: object) -> str:
    with db.write() as s:
        pinyin, initials = name_pinyin(name)
        p = Patient(customer_no=f"C{next(_numbers):07d}", name=name, name_pinyin=pinyin, name_initials=initials, **kw)
        s.add(p)
        if phone:
            s.add(PatientPhone(patient_id=p.id, number="13800138000", number_e164="+8613800138000", is_primary=True))
        return p.id


def encounter(db: Database, patient_id: str, *, kind: str = "inpatient", started: datetime,
              discharged: datetime | None = None, icd10: str = "K35.8", surgery: str | None = None,
              dept_code: str = "XNK", id: str | None = None) -> str:  # noqa: A002
    with db.write() as s:
        e = Encounter(patient_id=patient_id, kind=kind, department_id=dept(db, dept_code), started_at=started,
                      discharged_at=discharged, primary_icd10=icd10, diagnoses=[icd10], surgery=surgery,
                      **({"id": id} if id else {}))
        s.add(e)
        return e.id


def checkup(db: Database, patient_id: str, day: date, risk: str = "none") -> str:
    with db.write() as s:
        c = Checkup(patient_id=patient_id, checkup_date=day, risk_level=risk, abnormal_findings=[])
        s.add(c)
        return c.id


def tasks(db: Database, rule: str | None = None) -> list[FollowUpTask]:
    with db.session() as s:
        query = select(FollowUpTask).join(FollowUpRule, FollowUpRule.id == FollowUpTask.rule_id)
        if rule:
            query = query.where(FollowUpRule.code == rule)
        return list(s.scalars(query.order_by(FollowUpTask.due_at, FollowUpTask.step)))


def questionnaire_id(db: Database, code: str) -> str:
    with db.session() as s:
        return s.scalar(select(Questionnaire.id).where(Questionnaire.code == code)) or ""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- every rule --------------------------------------------------------------------------------------------


def test_post_discharge_calls_on_day_two_and_asks_satisfaction_on_day_thirty(db: Database) -> None:
    recent = patient(db, "李四")
    eid = encounter(db, recent, started=at("2026-11-18 10:00"), discharged=at("2026-11-23 15:20"), icd10="K80.2")
    earlier = patient(db, "王五")  # discharged 30 days ago: the satisfaction call, not the day-2 call
    old = encounter(db, earlier, started=at("2026-10-20 08:00"), discharged=at("2026-10-26 11:00"))
    past = patient(db, "赵六")  # day-2 window closed long ago, day-30 call not yet due
    encounter(db, past, started=at("2026-11-05 08:00"), discharged=at("2026-11-10 11:00"))
    report = generate_tasks(db, today=TODAY, now=STAMP)
    found = tasks(db, "post_discharge")
    assert [(t.patient_id, t.source_ref, t.step, t.due_at, t.window_end, t.priority) for t in found] == [
        (recent, eid, "d2", at("2026-11-25 09:00"), at("2026-11-26 17:30"), 2),
        (earlier, old, "d30", at("2026-11-25 09:00"), at("2026-12-02 17:30"), 4),
    ]
    day2 = found[0]
    assert day2.questionnaire_id == questionnaire_id(db, "post_discharge")
    assert found[1].questionnaire_id == questionnaire_id(db, "satisfaction")
    assert day2.department_id == dept(db, "XNK") and day2.state == "open" and day2.attempts == 0
    assert day2.reason == "出院于 2026-11-23，主要诊断 K80.2"
    assert day2.assignee_id is not None
    assert report.created["post_discharge"] == 2


def test_post_surgery_week_one_month_one_and_month_three(db: Database) -> None:
    operated = patient(db)
    w1 = encounter(db, operated, started=at("2026-11-14 08:00"), discharged=at("2026-11-18 10:00"),
                   surgery="全膝关节置换术", dept_code="GK", icd10="M17.1")
    m3_patient = patient(db)
    encounter(db, m3_patient, started=at("2026-08-20 08:00"), discharged=at("2026-08-27 10:00"), surgery="阑尾切除术")
    not_operated = patient(db)
    encounter(db, not_operated, started=at("2026-11-14 08:00"), discharged=at("2026-11-18 10:00"))
    generate_tasks(db, today=TODAY, now=STAMP)
    found = [(t.patient_id, t.step, t.due_at, t.window_end) for t in tasks(db, "post_surgery")]
    assert found == [
        (m3_patient, "m3", at("2026-11-25 09:00"), at("2026-12-09 17:30")),
        (operated, "w1", at("2026-11-25 09:00"), at("2026-11-28 17:30")),
    ]
    week1 = tasks(db, "post_surgery")[1]
    assert week1.source_ref == w1 and week1.department_id == dept(db, "GK")
    assert week1.reason == "全膝关节置换术，出院于 2026-11-18"


def test_chronic_rules_call_monthly_by_icd10_family(db: Database) -> None:
    diabetic = patient(db)
    encounter(db, diabetic, kind="outpatient", started=at("2026-05-06 09:00"), icd10="E11.9", dept_code="NFMK")
    hypertensive = patient(db)
    encounter(db, hypertensive, kind="outpatient", started=at("2026-09-01 09:00"), icd10="I10")
    lapsed = patient(db)  # last diagnosed more than 24 months ago: no longer followed
    encounter(db, lapsed, kind="outpatient", started=at("2024-10-01 09:00"), icd10="E11.9")
    other = patient(db)  # E15 is outside E10-E14
    encounter(db, other, kind="outpatient", started=at("2026-09-01 09:00"), icd10="E15")
    generate_tasks(db, today=TODAY, now=STAMP)
    window = CallWindow()
    for rule, pid, department in (("chronic_diabetes", diabetic, "NFMK"), ("chronic_hypertension", hypertensive, "XNK")):
        found = tasks(db, rule)
        expected = window.next_open(datetime(2026, 11, 1 + spread_offset(pid, 20)))
        assert [(t.patient_id, t.source_ref, t.step, t.due_at, t.window_end) for t in found] == [
            (pid, "2026-11", "", expected, at("2026-11-30 17:30"))], rule
        assert found[0].department_id == dept(db, department)
    assert tasks(db, "chronic_copd") == [] and tasks(db, "chronic_heart") == []


def test_abnormal_checkups_are_called_by_risk_level(db: Database) -> None:
    critical = patient(db)
    cid = checkup(db, critical, date(2026, 11, 25), "critical")
    medium = patient(db)
    checkup(db, medium, date(2026, 11, 22), "medium")
    low = patient(db)
    checkup(db, low, date(2026, 11, 24), "low")
    high_late = patient(db)  # high risk found 10 days ago: its window closed (the worklist shows it overdue)
    checkup(db, high_late, date(2026, 11, 15), "high")
    generate_tasks(db, today=TODAY, now=STAMP)
    found = [(t.patient_id, t.step, t.due_at, t.window_end, t.priority) for t in tasks(db, "abnormal_checkup")]
    assert found == [
        (critical, "critical", at("2026-11-25 09:00"), at("2026-11-26 17:30"), 1),
        (medium, "medium", at("2026-11-25 09:00"), at("2026-11-29 17:30"), 2),
    ]
    first = tasks(db, "abnormal_checkup")[0]
    assert first.source_ref == cid and first.department_id == dept(db, "TJZX") and "危急" in (first.reason or "")


def test_outpatient_satisfaction_is_sampled_by_the_encounter_id(db: Database) -> None:
    trigger = Trigger(event="outpatient_visit", sample_rate=0.1)
    ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(200)]
    sampled = next(i for i in ids if trigger.samples(i))
    unsampled = next(i for i in ids if not trigger.samples(i))
    assert 5 <= sum(trigger.samples(i) for i in ids) <= 40
    visitor, other = patient(db), patient(db)
    encounter(db, visitor, kind="outpatient", started=at("2026-11-23 10:00"), id=sampled, dept_code="XNK")
    encounter(db, other, kind="outpatient", started=at("2026-11-23 10:00"), id=unsampled)
    generate_tasks(db, today=TODAY, now=STAMP)
    found = [(t.patient_id, t.source_ref, t.step, t.due_at, t.window_end) for t in tasks(db, "outpatient_satisfaction")]
    assert found == [(visitor, sampled, "d2", at("2026-11-25 09:00"), at("2026-11-30 17:30"))]


def test_lapsed_vips_are_won_back_once_per_half_year(db: Database) -> None:
    lapsed = patient(db, vip_level=2)
    encounter(db, lapsed, kind="outpatient", started=at("2025-10-01 09:00"))
    recent = patient(db, vip_level=2)
    encounter(db, recent, kind="outpatient", started=at("2025-10-01 09:00"))
    checkup(db, recent, date(2026, 3, 1))
    ordinary = patient(db, vip_level=0)
    encounter(db, ordinary, kind="outpatient", started=at("2025-10-01 09:00"))
    never = patient(db, vip_level=3)  # never came: not lapsed
    generate_tasks(db, today=TODAY, now=STAMP)
    expected = CallWindow().next_open(datetime(2026, 7, 1) + timedelta(days=spread_offset(lapsed, 60)))
    found = [(t.patient_id, t.source_ref, t.step, t.due_at, t.window_end) for t in tasks(db, "vip_win_back")]
    assert found == [(lapsed, "2026-H2", "", expected, at("2026-12-31 17:30"))]
    assert never not in {t.patient_id for t in tasks(db)}
    assert tasks(db, "vip_win_back")[0].reason == "VIP 客户已 12 个月未到院"


def test_annual_checkup_reminder_eleven_months_after_the_last_checkup(db: Database) -> None:
    due = patient(db)
    cid = checkup(db, due, date(2025, 12, 25))
    came_again = patient(db)
    checkup(db, came_again, date(2025, 12, 25))
    checkup(db, came_again, date(2026, 6, 1))
    generate_tasks(db, today=TODAY, now=STAMP)
    found = [(t.patient_id, t.source_ref, t.step, t.due_at, t.window_end) for t in tasks(db, "annual_checkup")]
    assert found == [(due, cid, "y1", at("2026-11-25 09:00"), at("2026-12-25 17:30"))]


# --- idempotency, who is not called, call windows ------------------------------------------------------------


def test_a_second_run_creates_nothing(db: Database) -> None:
    for n in range(3):
        pid = patient(db)
        encounter(db, pid, started=at("2026-11-18 10:00"), discharged=at(f"2026-11-2{3 + n % 2} 15:00"))
    first = generate_tasks(db, today=TODAY, now=STAMP)
    again = generate_tasks(db, today=TODAY, now=STAMP)
    assert first.created["post_discharge"] == 3
    assert sum(again.created.values()) == 0
    assert again.skipped["post_discharge"] == {"exists": 3}
    assert len(tasks(db)) == first.total_created


def test_deceased_unconsenting_phoneless_and_merged_patients_are_skipped(db: Database) -> None:
    keep = patient(db)
    reasons = {
        "deceased": patient(db, deceased_on=date(2026, 11, 24)),
        "no_phone_consent": patient(db, consent_phone=False),
        "no_phone": patient(db, phone=False),
        "merged": patient(db, merged_into_id=keep),
    }
    for pid in (*reasons.values(), keep):
        encounter(db, pid, started=at("2026-11-18 10:00"), discharged=at("2026-11-23 15:00"))
    report = generate_tasks(db, today=TODAY, now=STAMP)
    assert [t.patient_id for t in tasks(db)] == [keep]
    assert report.skipped["post_discharge"] == {reason: 1 for reason in reasons}
    assert report.skipped_by_reason() == {reason: 1 for reason in sorted(reasons)}


def test_due_times_move_into_the_call_window() -> None:
    window = CallWindow()
    assert window.next_open(at("2026-11-25 10:15")) == at("2026-11-25 10:15")
    assert window.next_open(at("2026-11-25 07:00")) == at("2026-11-25 09:00")
    assert window.next_open(at("2026-11-25 11:30")) == at("2026-11-25 14:00")
    assert window.next_open(at("2026-11-25 17:31")) == at("2026-11-26 09:00")
    assert window.next_open(at("2026-11-28 18:00")) == at("2026-11-30 09:00")  # Saturday evening -> Monday
    assert window.next_open(at("2026-11-29 10:00")) == at("2026-11-30 09:00")  # no calls on Sundays


def test_a_step_due_on_sunday_is_called_on_monday(db: Database) -> None:
    pid = patient(db)
    encounter(db, pid, started=at("2026-11-20 10:00"), discharged=at("2026-11-27 16:00"))  # day 2 is Sunday 29th
    generate_tasks(db, today=date(2026, 11, 28), now=STAMP)
    found = [(t.step, t.due_at, t.window_end) for t in tasks(db, "post_discharge")]
    assert found == [("d2", at("2026-11-30 09:00"), at("2026-11-30 17:30"))]


def test_each_task_has_its_outbox_row_with_the_orm_fields(db: Database) -> None:
    pid = patient(db)
    encounter(db, pid, started=at("2026-11-18 10:00"), discharged=at("2026-11-23 15:00"))
    with db.session() as s:
        before = s.query(Outbox).count()
    generate_tasks(db, today=TODAY, now=STAMP)
    with db.session() as s:
        task = s.scalars(select(FollowUpTask)).one()
        rows = s.scalars(select(Outbox).where(Outbox.seq > before)).all()
    assert [(r.entity, r.entity_id, r.op, r.base_version, r.device_id) for r in rows] == [
        ("followup_tasks", task.id, "insert", 0, db.device_id)]
    fields = rows[0].fields
    assert fields["due_at"] == "2026-11-25T09:00:00" and fields["window_end"] == "2026-11-26T17:30:00"
    assert fields["patient_id"] == pid and fields["state"] == "open" and fields["attempts"] == 0
    assert set(fields) == {c.key for c in FollowUpTask.__table__.columns} - {"id", "version", "updated_at",
                                                                            "deleted", "origin"}
    assert (task.version, task.origin, task.deleted, task.updated_at) == (0, db.device_id, False, STAMP)
    for text in (task.id, rows[0].mutation_id):
        assert str(uuid.UUID(text)) == text and uuid.UUID(text).version == 4 and uuid.UUID(text).variant == uuid.RFC_4122
    assert json.dumps(fields)  # plain JSON values only


def test_rules_given_by_the_caller_are_added_to_the_table(db: Database) -> None:
    text = rules_file().read_text(encoding="utf-8").replace('code = "post_discharge"', 'code = "post_discharge_b"')
    rules = parse_rules_toml(text)
    pid = patient(db)
    encounter(db, pid, started=at("2026-11-18 10:00"), discharged=at("2026-11-23 15:00"))
    report = generate_tasks(db, today=TODAY, now=STAMP, rules=rules)
    assert report.created["post_discharge_b"] == 1 and "post_discharge" not in report.created
    with db.session() as s:
        assert s.scalar(select(FollowUpRule.kind).where(FollowUpRule.code == "post_discharge_b")) == "post_discharge"


def test_an_inactive_rule_makes_no_tasks(db: Database) -> None:
    from hcrm_desktop.services.followup_catalog import set_rule_active

    pid = patient(db)
    encounter(db, pid, started=at("2026-11-18 10:00"), discharged=at("2026-11-23 15:00"))
    set_rule_active(db, role="admin", code="post_discharge", active=False)
    report = generate_tasks(db, today=TODAY, now=STAMP)
    assert "post_discharge" not in report.created and tasks(db) == []
