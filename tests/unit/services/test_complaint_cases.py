"""Complaint cases: opening with SLA dues, transitions with events, assignment, replies, escalation, files,
and the lists the screens show."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from hcrm_desktop.domain.complaints import ComplaintError, ErrorCode
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.complaint_files import (
    MAX_BYTES,
    AttachmentError,
    add_attachment,
    export_attachment,
    list_attachments,
)
from hcrm_desktop.services.complaint_lists import CaseScope, case_page, count_cases, load_case
from hcrm_desktop.services.complaints import (
    EventKind,
    assign,
    case_events,
    change_severity,
    escalate_due_complaints,
    open_complaint,
    open_complaint_in,
    reply,
    transition,
)
from hcrm_desktop.services.patients import ValidationError
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import (
    Complaint,
    ComplaintEvent,
    Department,
    Interaction,
    Outbox,
    Patient,
    StaffUser,
)

MON = datetime(2026, 11, 23, 9, 0)  # a Monday
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "complaints.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def ids(db):
    with db.write() as s:
        kf, fw = Department(code="KF", name="客服中心"), Department(code="FW", name="服务部")
        people = {
            "agent": StaffUser(username="agent1", display_name="王客服", role="agent", department_id=kf.id),
            "agent2": StaffUser(username="agent2", display_name="李客服", role="agent", department_id=kf.id),
            "nurse": StaffUser(username="nurse1", display_name="赵护士", role="nurse"),
            "sup": StaffUser(username="supervisor1", display_name="陈主管", role="supervisor", department_id=kf.id),
            "sup_fw": StaffUser(username="supervisor2", display_name="周主管", role="supervisor",
                                department_id=fw.id),
        }
        pinyin, initials = name_pinyin("张三")
        patient = Patient(customer_no="C1", name="张三", name_pinyin=pinyin, name_initials=initials)
        s.add_all([kf, fw, patient, *people.values()])
    return {k: v.id for k, v in people.items()} | {"kf": kf.id, "fw": fw.id, "patient": patient.id}


def new_case(db, ids, *, severity="medium", now=MON, department="kf", subject="挂号窗口态度差"):
    case, _changes = open_complaint(
        db, actor_id=ids["agent"], patient_id=ids["patient"], interaction_id=None, severity=severity,
        category="服务态度", subject=subject, description="患者反映窗口人员态度生硬", department_id=ids[department],
        staff_involved="挂号处", channel="phone", now=now,
    )  # fmt: skip
    return case


def test_opening_sets_the_dues_a_number_and_the_first_event(db, ids) -> None:
    case = new_case(db, ids)
    assert case.state == "new" and case.case_no.startswith("TS20261123") and len(case.case_no) <= 20
    assert (case.acknowledge_due, case.resolve_due) == (datetime(2026, 11, 24, 9), datetime(2026, 11, 26, 9))
    [event] = case_events(db, case.id)
    assert (event.kind, event.to_state, event.actor_name) == (EventKind.OPENED, "new", "王客服")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Outbox).where(Outbox.entity == "complaints")) == 1


def test_opening_refuses_bad_input_field_by_field(db, ids) -> None:
    with pytest.raises(ValidationError) as error:
        open_complaint(db, actor_id=ids["agent"], patient_id="gone", interaction_id=None, severity="urgent",
                       category=None, subject="  ", description=None, department_id=None, staff_involved="😀",
                       channel="fax")
    assert error.value.errors == {"patient_id": "patient_missing", "severity": "invalid", "subject": "required",
                                  "staff_involved": "emoji", "channel": "invalid"}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Complaint)) == 0


def test_a_wrap_up_stores_interaction_and_case_in_one_transaction(db, ids) -> None:
    with db.write() as s:
        call = Interaction(patient_id=ids["patient"], type="complaint", channel="phone", started_at=MON,
                           agent_id=ids["agent"])
        s.add(call)
        case, changes = open_complaint_in(
            s, actor_id=ids["agent"], patient_id=ids["patient"], interaction_id=call.id, severity="high",
            category=None, subject="等候时间过长", description=None, department_id=None, staff_involved=None,
            channel="phone", now=MON,
        )  # fmt: skip
    assert changes.touches("complaints") and ids["patient"] in changes.patient_ids
    assert load_case(db, case.id).case.interaction_id == call.id


def walk(db, case, actor):
    case, _ = transition(db, case.id, "acknowledge", actor_id=actor, now=datetime(2026, 11, 23, 10))
    case, _ = transition(db, case.id, "start", actor_id=actor, expected_state="acknowledged",
                         now=datetime(2026, 11, 23, 11))
    case, _ = transition(db, case.id, "resolve", actor_id=actor, note="已致歉，窗口人员培训",
                         now=datetime(2026, 11, 24, 15))
    return case


def test_new_to_closed_records_who_when_from_and_to(db, ids) -> None:
    case = walk(db, new_case(db, ids), ids["agent"])
    assert case.handler_id == ids["agent"]  # acknowledging took the case
    assert (case.acknowledged_at, case.resolved_at) == (datetime(2026, 11, 23, 10), datetime(2026, 11, 24, 15))
    assert case.resolution == "已致歉，窗口人员培训"
    case, changes = transition(db, case.id, "close", actor_id=ids["agent"], satisfaction=4,
                               now=datetime(2026, 11, 25, 9))
    assert (case.state, case.satisfaction, case.closed_at) == ("closed", 4, datetime(2026, 11, 25, 9))
    steps = [(e.from_state, e.to_state, e.actor_name) for e in case_events(db, case.id)]
    assert steps == [(None, "new", "王客服"), ("new", "acknowledged", "王客服"),
                     ("acknowledged", "in_progress", "王客服"), ("in_progress", "resolved", "王客服"),
                     ("resolved", "closed", "王客服")]
    assert changes.touches("complaint_events")


def test_refusals_leave_the_case_unchanged(db, ids) -> None:
    case = new_case(db, ids)
    transition(db, case.id, "acknowledge", actor_id=ids["agent"], now=MON)
    refused = [
        (dict(action="resolve", actor_id=ids["agent"], note="x"), ErrorCode.INVALID_TRANSITION),
        (dict(action="start", actor_id=ids["agent2"]), ErrorCode.NOT_HANDLER),
        (dict(action="start", actor_id=ids["nurse"]), ErrorCode.ROLE_NOT_ALLOWED),
        (dict(action="start", actor_id=ids["agent"], expected_state="new"), ErrorCode.STALE),
    ]
    for kwargs, code in refused:
        with pytest.raises(ComplaintError) as error:
            transition(db, case.id, kwargs.pop("action"), **kwargs)
        assert error.value.code == code
    assert load_case(db, case.id).case.state == "acknowledged"
    assert len(case_events(db, case.id)) == 2
    with pytest.raises(ComplaintError) as error:
        transition(db, "missing", "start", actor_id=ids["agent"])
    assert error.value.code == ErrorCode.NOT_FOUND


def test_reopen_counts_and_restarts_the_resolve_clock(db, ids) -> None:
    case = walk(db, new_case(db, ids), ids["agent"])
    case, _ = transition(db, case.id, "close", actor_id=ids["agent"], unreachable=True, note="三次未接通",
                         now=datetime(2026, 11, 25, 9))
    assert case.satisfaction is None and case.state == "closed"
    with pytest.raises(ComplaintError) as error:
        transition(db, case.id, "reopen", actor_id=ids["agent"], note="患者来电不满意")
    assert error.value.code == ErrorCode.ROLE_NOT_ALLOWED
    reopened = datetime(2026, 11, 27, 16)  # a Friday afternoon
    case, _ = transition(db, case.id, "reopen", actor_id=ids["sup"], note="患者来电不满意", now=reopened)
    assert (case.state, case.reopened_count, case.closed_at, case.resolved_at) == ("in_progress", 1, None, None)
    assert case.resolve_due == datetime(2026, 12, 2, 16)  # three working days from Friday 16:00
    case = transition(db, case.id, "resolve", actor_id=ids["agent"], note="科室主任致歉")[0]
    case = transition(db, case.id, "reopen", actor_id=ids["agent"], note="仍不满意")[0]
    assert case.reopened_count == 2


def test_assignment_and_replies_are_logged_without_a_state_change(db, ids) -> None:
    case = new_case(db, ids)
    with pytest.raises(ComplaintError) as error:
        assign(db, case.id, actor_id=ids["agent2"], handler_id=ids["agent"], department_id=None)
    assert error.value.code == ErrorCode.ROLE_NOT_ALLOWED
    case, _ = assign(db, case.id, actor_id=ids["sup"], handler_id=ids["agent2"], department_id=ids["fw"],
                     note="请服务部跟进", now=MON)
    assert (case.handler_id, case.assigned_department_id, case.state) == (ids["agent2"], ids["fw"], "new")
    with pytest.raises(ComplaintError) as error:
        assign(db, case.id, actor_id=ids["sup"], handler_id=ids["nurse"], department_id=None)
    assert (error.value.code, error.value.field) == (ErrorCode.HANDLER_INVALID, "handler_id")
    reply(db, case.id, actor_id=ids["nurse"], note="已电话安抚患者", now=MON)
    with pytest.raises(ComplaintError) as error:
        reply(db, case.id, actor_id=ids["agent"], note=" ")
    assert error.value.code == ErrorCode.NOTE_REQUIRED
    events = case_events(db, case.id)
    assert [(e.kind, e.payload, e.note) for e in events[1:]] == [
        (EventKind.ASSIGNED, ("李客服", "服务部"), "请服务部跟进"), (EventKind.REPLY, (), "已电话安抚患者")]
    assert all(e.to_state is None for e in events[1:])


def test_changing_severity_recomputes_both_dues(db, ids) -> None:
    case = new_case(db, ids, severity="low")
    case, _ = change_severity(db, case.id, actor_id=ids["sup"], severity="critical", now=MON)
    assert (case.acknowledge_due, case.resolve_due) == (datetime(2026, 11, 23, 10), datetime(2026, 11, 24, 9))
    assert case_events(db, case.id)[-1].payload == ("low", "critical")


def test_escalation_of_at_risk_and_breached_cases_goes_to_the_departments_supervisor(db, ids) -> None:
    at_risk = new_case(db, ids, severity="critical", department="fw")  # acknowledge within one hour
    breached = new_case(db, ids, severity="high", now=datetime(2026, 11, 18, 9))  # resolve due Fri 9:00
    breached = transition(db, breached.id, "acknowledge", actor_id=ids["agent"], now=datetime(2026, 11, 18, 10))[0]
    fine = new_case(db, ids, severity="low")
    escalated, changes = escalate_due_complaints(db, datetime(2026, 11, 23, 9, 50))
    assert set(escalated) == {at_risk.id, breached.id} and changes.touches("complaints")
    assert load_case(db, at_risk.id).escalated_to_name == "周主管"
    detail = load_case(db, breached.id)
    assert (detail.case.escalated, detail.case.escalated_at, detail.escalated_to_name) == (
        True, datetime(2026, 11, 23, 9, 50), "陈主管")
    assert detail.events[-1].kind == EventKind.ESCALATED and detail.events[-1].payload == ("resolve", "breached")
    assert load_case(db, at_risk.id).events[-1].payload == ("acknowledge", "at_risk")
    assert not load_case(db, fine.id).case.escalated
    assert escalate_due_complaints(db, datetime(2026, 11, 23, 9, 55))[0] == []  # once only


def test_attachments_limits_list_and_export(db, ids, tmp_path) -> None:
    case = new_case(db, ids)
    info, changes = add_attachment(db, case.id, actor_id=ids["agent"], filename="C:\\scans\\收据.png",
                                   content=PNG, now=MON)
    assert (info.filename, info.mime_type, info.size_bytes) == ("收据.png", "image/png", len(PNG))
    assert changes.touches("complaint_attachments")
    for filename, content, code in [("a.png", b"", "empty"), ("big.pdf", b"%PDF-" + b"0" * MAX_BYTES, "too_large"),
                                    ("run.exe", b"MZ", "type_not_allowed"), ("fake.png", b"GIF89a", "content_mismatch"),
                                    ("", b"x", "filename_invalid")]:
        with pytest.raises(AttachmentError) as error:
            add_attachment(db, case.id, actor_id=ids["agent"], filename=filename, content=content)
        assert error.value.code == code
    add_attachment(db, case.id, actor_id=ids["agent"], filename="letter.txt", content="投诉信".encode(), now=MON)
    assert [a.filename for a in list_attachments(db, case.id)] == ["letter.txt", "收据.png"]
    written = export_attachment(db, info.id, tmp_path)
    assert written == tmp_path / "收据.png" and written.read_bytes() == PNG
    assert case_events(db, case.id)[-1].kind == EventKind.ATTACHED


def test_lists_put_overdue_first_and_count_down_in_working_minutes(db, ids) -> None:
    now = datetime(2026, 11, 24, 10, 0)
    late = new_case(db, ids, severity="critical", subject="late", now=datetime(2026, 11, 20, 9))  # ack due Fri 10:00
    soon = new_case(db, ids, severity="high", subject="soon", now=datetime(2026, 11, 24, 9))  # ack due 14:30
    later = new_case(db, ids, severity="low", subject="later", now=datetime(2026, 11, 24, 9, 30))
    done = walk(db, new_case(db, ids, subject="done", now=datetime(2026, 11, 23, 9)), ids["agent"])
    rows = case_page(db, CaseScope.OVERDUE_FIRST, actor_id=ids["sup"], now=now)
    assert [r.subject for r in rows] == ["late", "soon", "later", "done"]
    assert rows[0].remaining_minutes == -(360 + 480 + 120) and rows[0].status == "breached"
    assert (rows[1].due_kind, rows[1].remaining_minutes, rows[1].status) == ("acknowledge", 180, "ok")
    assert rows[3].due is None and rows[3].state == "resolved"
    newest = case_page(db, CaseScope.OPEN, actor_id=ids["sup"], now=now)
    assert [r.subject for r in newest] == ["later", "soon", "done", "late"]
    assert [r.id for r in case_page(db, "mine", actor_id=ids["agent"], now=now)] == [done.id]
    assert count_cases(db, CaseScope.DEPARTMENT, actor_id=ids["agent"]) == 4
    assert count_cases(db, CaseScope.DEPARTMENT, actor_id=ids["nurse"]) == 0
    assert len(case_page(db, CaseScope.OVERDUE_FIRST, actor_id=ids["sup"], offset=1, limit=2, now=now)) == 2
    assert {late.id, soon.id, later.id} <= {r.id for r in rows}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ComplaintEvent)) == 7
