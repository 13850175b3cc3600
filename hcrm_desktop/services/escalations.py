"""Red flags (危急值/异常上报) raised on follow-up calls, and their loop of instruction and feedback (指令执行反馈).

A red-flag answer raises an **escalation** (`raise_escalation_in`, inside the outcome's transaction) to
the doctor of the patient's department: the task's department, else that of the patient's latest
encounter; the doctor is that department's active `doctor` staff user, the chief physician (主任医师)
first. The answers are attached. The loop then runs:

    open (待处理) --instruction--> instructed (已下达) --feedback--> executed (已执行) --close--> closed (已关闭)

The doctor's instruction is recorded by whoever takes it down (doctors do not sign in at the desk; the
instruction and who recorded it are kept), a nurse records how it was carried out, and a supervisor or
the nurse closes it. An escalation not closed by `due_at` (`DUE_HOURS` after raising) is overdue: the
supervisor's list shows those first. Feedback and closing are audited with their actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session, aliased

from hcrm_desktop.domain.enums import EscalationState, Role
from hcrm_desktop.domain.questionnaire import Questionnaire as QuestionnaireTemplate
from hcrm_desktop.domain.questionnaire import QuestionnaireError, parse_questionnaire
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.patients import related_ids_in
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import (
    AuditEvent,
    Department,
    Encounter,
    Escalation,
    Patient,
    Questionnaire,
    StaffUser,
    SurveyResponse,
)

DUE_HOURS = 24
TEXT_MAX = 2000
NOT_CLOSED: tuple[str, ...] = (EscalationState.OPEN, EscalationState.INSTRUCTED, EscalationState.EXECUTED)
CHIEF_TITLE = "主任医师"


class EscalationError(ValueError):
    """A step of the loop that cannot be recorded: `code` says why, `field` which input (or "")."""

    def __init__(self, code: str, field: str = "") -> None:
        super().__init__(f"{field}={code}" if field else code)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class EscalationRow:
    id: str
    patient_id: str
    patient_name: str
    customer_no: str
    task_id: str | None
    department: str
    doctor: str
    raised_by: str
    raised_at: datetime
    due_at: datetime
    state: str
    reason: str
    answers: dict[str, Any]
    instruction: str | None
    instructed_by: str
    instructed_at: datetime | None
    feedback: str | None
    executed_at: datetime | None
    closed_at: datetime | None
    overdue: bool
    answered: tuple[tuple[str, Any], ...] = ()  # (question as read to the patient, answer), in the template's order


# --- raising ----------------------------------------------------------------------------------------


def doctor_for(s: Session, department_id: str | None) -> str | None:
    """The department's doctor who receives its escalations: the chief physician first."""
    if department_id is None:
        return None
    query = (
        select(StaffUser.id)
        .where(StaffUser.department_id == department_id, StaffUser.role == Role.DOCTOR, StaffUser.active,
               ~StaffUser.deleted)
        .order_by(case((StaffUser.title == CHIEF_TITLE, 0), else_=1), StaffUser.employee_no, StaffUser.id)
        .limit(1)
    )  # fmt: skip
    return s.scalar(query)


def _department_of(s: Session, patient_id: str) -> str | None:
    ids = related_ids_in(s, patient_id) or [patient_id]
    return s.scalar(
        select(Encounter.department_id)
        .where(Encounter.patient_id.in_(ids), ~Encounter.deleted, Encounter.department_id.is_not(None))
        .order_by(Encounter.started_at.desc()).limit(1)
    )  # fmt: skip


def raise_escalation_in(
    s: Session, *, patient_id: str, task_id: str | None, response_id: str | None, department_id: str | None,
    raised_by_id: str | None, answers: dict[str, Any], reasons: Sequence[str], now: datetime,
) -> Escalation:  # fmt: skip
    """Add an open escalation in the caller's transaction (see the module notes)."""
    department_id = department_id or _department_of(s, patient_id)
    escalation = Escalation(
        patient_id=patient_id, task_id=task_id, response_id=response_id, department_id=department_id,
        doctor_id=doctor_for(s, department_id), raised_by_id=raised_by_id, raised_at=now,
        due_at=now + timedelta(hours=DUE_HOURS), state=EscalationState.OPEN.value,
        reason="；".join(reasons) or "red_flag", answers=dict(answers),
    )  # fmt: skip
    s.add(escalation)
    return escalation


# --- the loop ---------------------------------------------------------------------------------------


def questionnaire_of(code: str, name: str, definition: dict[str, Any] | None) -> QuestionnaireTemplate | None:
    """The template of a `questionnaires` row, or None when its definition cannot be read."""
    data = {"code": code, "name": {"zh": name}, "kind": "symptoms", **(definition or {})}
    try:
        return parse_questionnaire(data, where=code)
    except QuestionnaireError:
        return None


def flag_reason(text: str, answer: Any) -> str:
    """`发热超过38.5℃？是` / `最高体温：39.5`: a red-flag question and its answer, as the doctor reads it."""
    said = ("是" if answer else "否") if isinstance(answer, bool) else str(answer)
    return f"{text}{said}" if text.endswith(("？", "?")) else f"{text}：{said}"


def _text(value: str | None, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise EscalationError("required", field)
    if len(value) > TEXT_MAX:
        raise EscalationError("too_long", field)
    return value


def _get(s: Session, escalation_id: str, expected: EscalationState) -> Escalation:
    escalation = s.get(Escalation, escalation_id)
    if escalation is None or escalation.deleted:
        raise EscalationError("not_found")
    if escalation.state != expected:
        raise EscalationError("transition_not_allowed")
    return escalation


def _audit(s: Session, actor_id: str, action: str, escalation: Escalation, now: datetime) -> AuditEvent:
    event = AuditEvent(actor_id=actor_id, action=action, entity="escalations", entity_id=escalation.id,
                       details={"state": escalation.state, "local_time": now.isoformat()})
    s.add(event)
    return event


def _changes(escalation: Escalation, audit: AuditEvent | None = None) -> Changes:
    entities = {"escalations"} | ({"audit_events"} if audit else set())
    ids = {escalation.id} | ({audit.id} if audit else set())
    return Changes(frozenset(entities), frozenset(ids), frozenset({escalation.patient_id}))


def record_instruction(db: Database, *, escalation_id: str, actor_id: str, instruction: str,
                       now: datetime) -> Changes:
    """The doctor's instruction (指令), taken down by `actor_id`: open -> instructed.
    Raise `EscalationError`: instruction required/too_long, not_found, transition_not_allowed."""
    text = _text(instruction, "instruction")
    with db.write() as s:
        escalation = _get(s, escalation_id, EscalationState.OPEN)
        escalation.instruction, escalation.instructed_by_id, escalation.instructed_at = text, actor_id, now
        escalation.state = EscalationState.INSTRUCTED.value
        audit = _audit(s, actor_id, "escalation_instructed", escalation, now)
    return _changes(escalation, audit)


def record_feedback(db: Database, *, escalation_id: str, actor_id: str, feedback: str, now: datetime) -> Changes:
    """How the instruction was carried out (执行反馈): instructed -> executed."""
    text = _text(feedback, "feedback")
    with db.write() as s:
        escalation = _get(s, escalation_id, EscalationState.INSTRUCTED)
        escalation.feedback, escalation.executed_at = text, now
        escalation.state = EscalationState.EXECUTED.value
        audit = _audit(s, actor_id, "escalation_executed", escalation, now)
    return _changes(escalation, audit)


def close_escalation(db: Database, *, escalation_id: str, actor_id: str, now: datetime) -> Changes:
    """Close the loop once the instruction was executed: executed -> closed."""
    with db.write() as s:
        escalation = _get(s, escalation_id, EscalationState.EXECUTED)
        escalation.state, escalation.closed_at = EscalationState.CLOSED.value, now
        audit = _audit(s, actor_id, "escalation_closed", escalation, now)
    return _changes(escalation, audit)


# --- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationFilter:
    states: tuple[str, ...] = NOT_CLOSED
    overdue_only: bool = False
    department_id: str | None = None
    doctor_id: str | None = None
    raised_by_id: str | None = None


def list_escalations(db: Database, f: EscalationFilter, *, now: datetime, limit: int = 500) -> list[EscalationRow]:
    """Escalations the filter selects: overdue first, then by due time."""
    e = Escalation
    doctor, raiser, recorder = aliased(StaffUser), aliased(StaffUser), aliased(StaffUser)
    questionnaire = select(SurveyResponse.questionnaire_id).where(SurveyResponse.id == e.response_id).scalar_subquery()
    late = (e.due_at < now) & e.state.in_(NOT_CLOSED)
    query = (
        select(e, Patient.name, Patient.customer_no, Department.name, doctor.display_name, raiser.display_name,
               recorder.display_name, questionnaire.label("questionnaire_id"))
        .join(Patient, Patient.id == e.patient_id)
        .outerjoin(Department, Department.id == e.department_id)
        .outerjoin(doctor, doctor.id == e.doctor_id)
        .outerjoin(raiser, raiser.id == e.raised_by_id)
        .outerjoin(recorder, recorder.id == e.instructed_by_id)
        .where(~e.deleted, e.state.in_(list(f.states)))
        .order_by(case((late, 0), else_=1), e.due_at, e.id).limit(limit)
    )  # fmt: skip
    if f.overdue_only:
        query = query.where(late)
    for column, value in ((e.department_id, f.department_id), (e.doctor_id, f.doctor_id),
                          (e.raised_by_id, f.raised_by_id)):
        if value:
            query = query.where(column == value)
    with db.session() as s:
        rows = s.execute(query).all()
        templates = _templates(s, {row.questionnaire_id for row in rows if row.questionnaire_id})
    return [_row(row, now, templates.get(row.questionnaire_id)) for row in rows]


def _templates(s: Session, ids: set[str]) -> dict[str, QuestionnaireTemplate | None]:
    found = s.execute(select(Questionnaire.id, Questionnaire.code, Questionnaire.name, Questionnaire.definition)
                      .where(Questionnaire.id.in_(ids))).all()  # fmt: skip
    return {qid: questionnaire_of(code, name, definition) for qid, code, name, definition in found}


def _answered(answers: dict[str, Any], template: QuestionnaireTemplate | None) -> tuple[tuple[str, Any], ...]:
    if template is None:
        return tuple(answers.items())
    texts = {q.id: q.text for q in template.questions}
    order = [q.id for q in template.questions if q.id in answers] + [k for k in answers if k not in texts]
    return tuple((texts.get(k, k), answers[k]) for k in order)


def overdue_escalations(db: Database, *, now: datetime) -> list[EscalationRow]:
    """Escalations not closed in time, for the supervisor."""
    return list_escalations(db, EscalationFilter(overdue_only=True), now=now)


def _row(row: Any, now: datetime, template: QuestionnaireTemplate | None) -> EscalationRow:
    e, name, customer_no, dept, doctor, raiser, recorder, _questionnaire = row
    return EscalationRow(
        id=e.id, patient_id=e.patient_id, patient_name=name, customer_no=customer_no, task_id=e.task_id,
        department=dept or "", doctor=doctor or "", raised_by=raiser or "", raised_at=e.raised_at, due_at=e.due_at,
        state=e.state, reason=e.reason, answers=dict(e.answers or {}), instruction=e.instruction,
        instructed_by=recorder or "", instructed_at=e.instructed_at, feedback=e.feedback, executed_at=e.executed_at,
        closed_at=e.closed_at, overdue=e.state in NOT_CLOSED and e.due_at < now,
        answered=_answered(dict(e.answers or {}), template),
    )  # fmt: skip
