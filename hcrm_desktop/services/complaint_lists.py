"""Reading complaint cases for the screens: the lists (my cases, department cases, all unclosed, overdue
first), one case with its timeline and files, and the choices for assignment.

Lists hold cases not yet closed (resolved ones still wait for the patient's satisfaction: the loop is not
closed). Each row carries its *active due*: `acknowledge_due` while new, `resolve_due` until resolved,
none after, and the working minutes left until it (negative when overdue) computed by `domain/sla.py`; a
screen can recompute the countdown with `SlaPolicy.remaining_minutes()` without asking the database again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import case, false, func, or_, select
from sqlalchemy.orm import aliased

from hcrm_desktop.domain.complaints import WORKERS
from hcrm_desktop.domain.enums import ComplaintState
from hcrm_desktop.domain.sla import SlaPolicy, SlaStatus, default_policy
from hcrm_desktop.services.complaint_files import AttachmentInfo, list_attachments
from hcrm_desktop.services.complaints import CaseEvent, ComplaintCase, case_events, case_of, sla_state
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Complaint, Department, Patient, StaffUser

UNCLOSED = (ComplaintState.NEW, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS, ComplaintState.RESOLVED)
ACTIVE_DUE = case(
    (Complaint.state == ComplaintState.NEW.value, Complaint.acknowledge_due),
    (Complaint.state.in_((ComplaintState.ACKNOWLEDGED.value, ComplaintState.IN_PROGRESS.value)),
     Complaint.resolve_due),
    else_=None,
)


class CaseScope(StrEnum):
    MINE = "mine"  # 我的: handled by me or escalated to me
    DEPARTMENT = "department"  # 本部门: handled by (or about) my department
    OPEN = "open"  # 全部未结: every unclosed case, newest first
    OVERDUE_FIRST = "overdue_first"  # 已超时优先: every unclosed case, the earliest due first


@dataclass(frozen=True)
class CaseRow:
    id: str
    case_no: str
    subject: str
    severity: str
    state: str
    patient_name: str | None
    department_name: str | None  # the handling department, else the one complained about
    handler_name: str | None
    opened_at: datetime
    due_kind: str | None  # acknowledge | resolve | None (resolved)
    due: datetime | None
    escalated: bool
    remaining_minutes: float | None  # working minutes until `due`; negative: overdue
    status: SlaStatus | None
    allowed_minutes: float | None = None  # working minutes from opening to `due`


def _scoped(query: Any, scope: CaseScope, actor_id: str, department_id: str | None) -> Any:
    query = query.where(~Complaint.deleted, Complaint.state.in_([s.value for s in UNCLOSED]))
    if scope is CaseScope.MINE:  # handled by me, or escalated to me
        return query.where(or_(Complaint.handler_id == actor_id, Complaint.escalated_to_id == actor_id))
    if scope is CaseScope.DEPARTMENT:
        if department_id is None:
            return query.where(false())
        return query.where(or_(Complaint.assigned_department_id == department_id,
                               Complaint.department_id == department_id))
    return query


def _actor_department(db: Database, actor_id: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(StaffUser.department_id).where(StaffUser.id == actor_id))


def count_cases(db: Database, scope: CaseScope | str, *, actor_id: str) -> int:
    scope = CaseScope(scope)
    query = _scoped(select(func.count()).select_from(Complaint), scope, actor_id, _actor_department(db, actor_id))
    with db.session() as s:
        return int(s.scalar(query) or 0)


def case_page(
    db: Database, scope: CaseScope | str, *, actor_id: str, offset: int = 0, limit: int = 100,
    now: datetime | None = None, policy: SlaPolicy | None = None,
) -> list[CaseRow]:  # fmt: skip
    """One page of the list `scope`. MINE, DEPARTMENT and OVERDUE_FIRST put the earliest active due first
    (overdue cases on top, resolved ones last); OPEN lists the newest first."""
    scope, now, policy = CaseScope(scope), now or datetime.now(), policy or default_policy()
    handler, dept = aliased(StaffUser), aliased(Department)
    query = (
        select(Complaint, Patient.name, dept.name, handler.display_name)
        .outerjoin(Patient, Patient.id == Complaint.patient_id)
        .outerjoin(dept, dept.id == func.coalesce(Complaint.assigned_department_id, Complaint.department_id))
        .outerjoin(handler, handler.id == Complaint.handler_id)
    )
    query = _scoped(query, scope, actor_id, _actor_department(db, actor_id))
    if scope is CaseScope.OPEN:
        query = query.order_by(Complaint.opened_at.desc(), Complaint.id)
    else:
        query = query.order_by(ACTIVE_DUE.is_(None), ACTIVE_DUE, Complaint.opened_at, Complaint.id)
    with db.session() as s:
        rows = s.execute(query.offset(max(offset, 0)).limit(max(limit, 0))).all()
    return [_row(c, patient, dept_name, handler_name, now, policy) for c, patient, dept_name, handler_name in rows]


def _row(c: Complaint, patient: str | None, dept_name: str | None, handler_name: str | None, now: datetime,
         policy: SlaPolicy) -> CaseRow:
    sla = sla_state(c, now, policy)
    due = None if sla is None else (c.acknowledge_due if sla[0] == "acknowledge" else c.resolve_due)
    return CaseRow(
        id=c.id, case_no=c.case_no, subject=c.subject, severity=c.severity, state=c.state, patient_name=patient,
        department_name=dept_name, handler_name=handler_name, opened_at=c.opened_at,
        due_kind=sla[0] if sla else None, due=due, escalated=bool(c.escalated),
        remaining_minutes=policy.remaining_minutes(due, now) if due else None, status=sla[1] if sla else None,
        allowed_minutes=policy.calendar.working_minutes_between(c.opened_at, due) if due else None,
    )  # fmt: skip


# --- one case ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseDetail:
    case: ComplaintCase
    patient_name: str | None
    customer_no: str | None
    department_name: str | None  # complained about
    assigned_department_name: str | None  # handling
    handler_name: str | None
    escalated_to_name: str | None
    events: tuple[CaseEvent, ...]
    attachments: tuple[AttachmentInfo, ...]


def load_case(db: Database, complaint_id: str) -> CaseDetail | None:
    """The case with names, its timeline (oldest first) and its files; None when missing or deleted."""
    with db.session() as s:
        row = s.get(Complaint, complaint_id)
        if row is None or row.deleted:
            return None
        patient = s.get(Patient, row.patient_id) if row.patient_id else None

        def dept(key: str | None) -> str | None:
            found = s.get(Department, key) if key else None
            return found.name if found else None

        def staff(key: str | None) -> str | None:
            found = s.get(StaffUser, key) if key else None
            return found.display_name if found else None

        detail = (case_of(row), patient.name if patient else None, patient.customer_no if patient else None,
                  dept(row.department_id), dept(row.assigned_department_id), staff(row.handler_id),
                  staff(row.escalated_to_id))
    return CaseDetail(*detail, tuple(case_events(db, complaint_id)), tuple(list_attachments(db, complaint_id)))


# --- choices -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: str
    name: str
    detail: str = ""  # a staff member's role


def handler_choices(db: Database) -> list[Choice]:
    """Active staff who can work cases (agents, supervisors, admins), by name."""
    with db.session() as s:
        rows = s.execute(select(StaffUser.id, StaffUser.display_name, StaffUser.role).where(
            StaffUser.active, ~StaffUser.deleted, StaffUser.role.in_([r.value for r in WORKERS]),
        ).order_by(StaffUser.display_name)).all()  # fmt: skip
    return [Choice(r.id, r.display_name, r.role) for r in rows]


def department_choices(db: Database) -> list[Choice]:
    with db.session() as s:
        rows = s.execute(select(Department.id, Department.name, Department.kind).where(~Department.deleted)
                         .order_by(Department.code)).all()
    return [Choice(r.id, r.name, r.kind or "") for r in rows]
