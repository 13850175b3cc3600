"""Assigning follow-up tasks to nurses (supervisors): by hand, undone, or rebalanced evenly.

Only tasks nobody is calling right now move: open and callback tasks. A task in progress belongs to the
nurse on the phone, and the central side refuses a nurse's claim of a task someone else holds
(`already_claimed`); supervisors may reassign (DESIGN.md section 5).

**Rebalancing** spreads the open tasks of the chosen nurses, and the unassigned ones, evenly by count,
respecting departments: a task of a department that some chosen nurse belongs to goes only to the nurses
of that department; any other task to any chosen nurse. It moves as few tasks as it can: a nurse keeps
her tasks up to the even share (ceil(total / nurses)), the rest go to the least loaded nurse who may take
them, in worklist order (so the most urgent spread first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hcrm_desktop.domain.enums import Role, TaskState
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.worklist import ACTIVE_STATES, WorklistError, WorklistFilter
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import AuditEvent, Department, FollowUpTask, StaffUser

MOVABLE_STATES: tuple[str, ...] = (TaskState.OPEN, TaskState.CALLBACK)
SUPERVISING = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class NurseLoad:
    id: str
    name: str
    department_id: str | None
    department: str
    open_tasks: int  # active tasks assigned to her


@dataclass(frozen=True)
class AssignResult:
    assigned: int  # tasks whose assignee changed
    skipped: int  # tasks in progress or closed, left as they were
    loads: dict[str, int]  # nurse id -> her movable tasks after the change (rebalance only)


def nurse_loads(db: Database) -> list[NurseLoad]:
    """Active nurses with how many active tasks each holds, by name."""
    t = FollowUpTask
    count = func.count(t.id)
    query = (
        select(StaffUser.id, StaffUser.display_name, StaffUser.department_id, Department.name, count)
        .outerjoin(Department, Department.id == StaffUser.department_id)
        .outerjoin(t, (t.assignee_id == StaffUser.id) & t.state.in_(ACTIVE_STATES) & ~t.deleted)
        .where(StaffUser.role == Role.NURSE, StaffUser.active, ~StaffUser.deleted)
        .group_by(StaffUser.id).order_by(StaffUser.display_name, StaffUser.id)
    )  # fmt: skip
    with db.session() as s:
        return [NurseLoad(i, n, d, dn or "", c) for i, n, d, dn, c in s.execute(query)]


def _check_supervisor(db: Database, actor_id: str) -> None:
    with db.session() as s:
        role = s.scalar(select(StaffUser.role).where(StaffUser.id == actor_id))
    if role not in SUPERVISING:
        raise WorklistError("forbidden")


def assign_tasks(db: Database, *, task_ids: Sequence[str], nurse_id: str | None, actor_id: str,
                 now: datetime) -> tuple[AssignResult, Changes]:
    """Give `task_ids` to `nurse_id`, or to nobody (None: unassign). Raise `WorklistError("forbidden")`
    unless `actor_id` is a supervisor or admin."""
    _check_supervisor(db, actor_id)
    moved: list[str] = []
    with db.write() as s:
        tasks = list(s.scalars(select(FollowUpTask).where(FollowUpTask.id.in_(list(task_ids)))))
        for task in tasks:
            if task.state in MOVABLE_STATES and not task.deleted and task.assignee_id != nurse_id:
                task.assignee_id = nurse_id
                moved.append(task.id)
        audit = _audit(s, actor_id, "tasks_assigned", {"nurse_id": nurse_id, "task_ids": moved}, now)
    skipped = sum(1 for t in tasks if t.state not in MOVABLE_STATES or t.deleted)
    return AssignResult(len(moved), skipped, {}), _changes(moved, audit)


def _audit(s: Session, actor_id: str, action: str, details: dict[str, object], now: datetime) -> AuditEvent:
    event = AuditEvent(actor_id=actor_id, action=action, entity="followup_tasks",
                       details={**details, "local_time": now.isoformat()})
    s.add(event)
    return event


def _changes(moved: list[str], audit: AuditEvent) -> Changes:
    return Changes(frozenset({"followup_tasks", "audit_events"}), frozenset([*moved, audit.id]))


def rebalance(db: Database, *, nurse_ids: Sequence[str], actor_id: str, now: datetime,
              scope: WorklistFilter | None = None) -> tuple[AssignResult, Changes]:
    """Spread the movable tasks of `nurse_ids` and the unassigned ones evenly (see the module notes);
    `scope` narrows them to a rule or department."""
    _check_supervisor(db, actor_id)
    if not nurse_ids:
        raise WorklistError("required", "nurses")
    t = FollowUpTask
    with db.write() as s:
        depts = dict(s.execute(select(StaffUser.id, StaffUser.department_id).where(StaffUser.id.in_(nurse_ids))).all())
        query = (
            select(t).where(~t.deleted, t.state.in_(MOVABLE_STATES),
                            t.assignee_id.in_(list(nurse_ids)) | t.assignee_id.is_(None))
            .order_by(t.priority, func.coalesce(t.callback_at, t.due_at), t.id)
        )  # fmt: skip
        if scope is not None and scope.rule_id:
            query = query.where(t.rule_id == scope.rule_id)
        if scope is not None and scope.department_id:
            query = query.where(t.department_id == scope.department_id)
        tasks = list(s.scalars(query))
        plan = plan_balance([(x.id, x.assignee_id, x.department_id) for x in tasks], list(nurse_ids), depts)
        moved = [x.id for x in tasks if plan[x.id] != x.assignee_id]
        for x in tasks:
            x.assignee_id = plan[x.id]
        audit = _audit(s, actor_id, "tasks_rebalanced", {"nurse_ids": list(nurse_ids), "moved": len(moved)}, now)
    loads = {n: sum(1 for v in plan.values() if v == n) for n in nurse_ids}
    return AssignResult(len(moved), 0, loads), _changes(moved, audit)


def plan_balance(tasks: Sequence[tuple[str, str | None, str | None]], nurses: Sequence[str],
                 departments: dict[str, str | None]) -> dict[str, str]:
    """task id -> nurse id for (task id, current nurse, task department) rows (see the module notes)."""
    share = -(-len(tasks) // len(nurses))
    loads = dict.fromkeys(nurses, 0)
    by_dept: dict[str | None, list[str]] = {}
    for nurse in nurses:
        by_dept.setdefault(departments.get(nurse), []).append(nurse)
    plan: dict[str, str] = {}
    for task_id, current, dept in tasks:
        if current in loads and current in _eligible(dept, by_dept, nurses) and loads[current] < share:
            plan[task_id] = current
            loads[current] += 1
    for task_id, _current, dept in tasks:
        if task_id not in plan:
            nurse = min(_eligible(dept, by_dept, nurses), key=lambda n: (loads[n], nurses.index(n)))
            plan[task_id] = nurse
            loads[nurse] += 1
    return plan


def _eligible(dept: str | None, by_dept: dict[str | None, list[str]], nurses: Sequence[str]) -> Sequence[str]:
    return (by_dept.get(dept) if dept is not None else None) or nurses

