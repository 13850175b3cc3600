"""Complaint cases (投诉工单): opening, SLA dues, transitions, assignment, replies, escalation, lists.

**Opening.** `open_complaint(db, ...)` validates and writes a case and its first event in one transaction.
`open_complaint_in(session, ...)` does the same inside a transaction the caller holds (e.g. the wrap-up
that stores the interaction and the complaint together: `with db.write() as s: ...; open_complaint_in(s,
...)`); it flushes nothing itself and returns the same (case, changes) pair.

**SLA.** `acknowledge_due` and `resolve_due` come from the policy per severity (`domain/sla.py`, counted
in working time from `opened_at`); they are recomputed when the severity changes.

Validation errors raise `services.patients.ValidationError` (field -> code); rule errors (transition not
allowed, role not allowed, stale case) raise `domain.complaints.ComplaintError` with a code.
Business times (opened_at, dues, acknowledged_at...) are naive local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hcrm_desktop.domain.complaints import (
    WORKERS,
    Action,
    ComplaintError,
    ErrorCode,
    Transition,
    TransitionInput,
    check_assign,
    check_reply,
    handler_ok,
    plan_transition,
)
from hcrm_desktop.domain.enums import Channel, ComplaintSeverity, ComplaintState, Role
from hcrm_desktop.domain.sla import SlaPolicy, SlaStatus, default_policy
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.patients import ValidationError, text_error
from hcrm_desktop.store.base import new_id
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Complaint, ComplaintEvent, Department, Interaction, Patient, StaffUser

SUBJECT_MAX, CATEGORY_MAX, STAFF_MAX, DESCRIPTION_MAX = 200, 64, 128, 4000
ENTITIES = frozenset({"complaints", "complaint_events"})


@dataclass(frozen=True)
class ComplaintCase:
    """One complaint case as the screens show it."""

    id: str
    case_no: str
    state: str  # ComplaintState
    severity: str  # ComplaintSeverity
    subject: str
    category: str | None
    description: str | None
    patient_id: str | None
    interaction_id: str | None
    department_id: str | None  # the department complained about
    assigned_department_id: str | None  # the department handling it
    handler_id: str | None
    staff_involved: str | None
    channel: str | None
    opened_at: datetime
    acknowledge_due: datetime | None
    resolve_due: datetime | None
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    escalated: bool = False
    escalated_at: datetime | None = None
    escalated_to_id: str | None = None
    resolution: str | None = None
    satisfaction: int | None = None
    reopened_count: int = 0
    version: int = 0


def case_of(row: Complaint) -> ComplaintCase:
    return ComplaintCase(
        id=row.id, case_no=row.case_no, state=row.state, severity=row.severity, subject=row.subject,
        category=row.category, description=row.description, patient_id=row.patient_id,
        interaction_id=row.interaction_id, department_id=row.department_id,
        assigned_department_id=row.assigned_department_id, handler_id=row.handler_id,
        staff_involved=row.staff_involved, channel=row.channel, opened_at=row.opened_at,
        acknowledge_due=row.acknowledge_due, resolve_due=row.resolve_due, acknowledged_at=row.acknowledged_at,
        resolved_at=row.resolved_at, closed_at=row.closed_at, escalated=bool(row.escalated),
        escalated_at=row.escalated_at, escalated_to_id=row.escalated_to_id, resolution=row.resolution,
        satisfaction=row.satisfaction, reopened_count=row.reopened_count or 0, version=row.version or 0,
    )  # fmt: skip


def _changes(row: Complaint, *ids: str) -> Changes:
    return Changes(ENTITIES, frozenset({row.id, *ids}), frozenset({row.patient_id} if row.patient_id else ()))


# --- opening -----------------------------------------------------------------------------------------


def case_no_for(complaint_id: str, opened_at: datetime) -> str:
    """`TS` + opening date + 8 digits from the id's random bits: unique without asking the center."""
    return f"TS{opened_at:%Y%m%d}{int(complaint_id.replace('-', '')[-12:], 16) % 10**8:08d}"


def _field_errors(severity: str, category: str | None, subject: str, description: str | None,
                  staff_involved: str | None, channel: str | None) -> dict[str, str]:
    checks = {
        "severity": None if severity in tuple(ComplaintSeverity) else "invalid",
        "category": text_error(category, limit=CATEGORY_MAX),
        "subject": text_error(subject, limit=SUBJECT_MAX, required=True),
        "description": text_error(description, limit=DESCRIPTION_MAX, multiline=True),
        "staff_involved": text_error(staff_involved, limit=STAFF_MAX),
        "channel": None if channel is None or channel in tuple(Channel) else "invalid",
    }
    return {field: code for field, code in checks.items() if code}


def _reference_errors(s: Session, patient_id: str | None, interaction_id: str | None,
                      department_id: str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if patient_id is not None:
        patient = s.get(Patient, patient_id)
        if patient is None or patient.deleted:
            errors["patient_id"] = "patient_missing"
        elif patient.merged_into_id is not None:
            errors["patient_id"] = "patient_merged"
    if interaction_id is not None and s.get(Interaction, interaction_id) is None:
        errors["interaction_id"] = "missing"
    if department_id is not None:
        dept = s.get(Department, department_id)
        if dept is None or dept.deleted:
            errors["department_id"] = "missing"
    return errors


def open_complaint_in(
    s: Session, *, actor_id: str, patient_id: str | None, interaction_id: str | None, severity: str,
    category: str | None, subject: str, description: str | None, department_id: str | None,
    staff_involved: str | None, channel: str | None, now: datetime | None = None, policy: SlaPolicy | None = None,
) -> tuple[ComplaintCase, Changes]:  # fmt: skip
    """Validate and add a new case and its opening event to the caller's write session `s`.

    Raise `ValidationError` (field -> code) before adding anything.
    """
    errors = _field_errors(severity, category, subject, description, staff_involved, channel)
    errors |= _reference_errors(s, patient_id, interaction_id, department_id)
    if errors:
        raise ValidationError(errors)
    opened = (now or datetime.now()).replace(microsecond=0)
    ack_due, resolve_due = (policy or default_policy()).dues(severity, opened)
    row = Complaint(
        patient_id=patient_id, interaction_id=interaction_id, severity=severity, state=ComplaintState.NEW.value,
        category=(category or "").strip() or None, subject=subject.strip(),
        description=(description or "").strip() or None, department_id=department_id,
        assigned_department_id=department_id, staff_involved=(staff_involved or "").strip() or None,
        opened_at=opened, acknowledge_due=ack_due, resolve_due=resolve_due, escalated=False, reopened_count=0,
        channel=channel,
    )  # fmt: skip
    row.case_no = case_no_for(row.id, opened)
    while s.scalar(select(Complaint.id).where(Complaint.case_no == row.case_no)) is not None:
        row.id = new_id()  # a collision of 8 random digits on the same day: draw again
        row.case_no = case_no_for(row.id, opened)
    event = ComplaintEvent(complaint_id=row.id, actor_id=actor_id, at=opened, from_state=None,
                           to_state=ComplaintState.NEW.value, note=None)
    s.add_all([row, event])
    return case_of(row), _changes(row, event.id)


def open_complaint(
    db: Database, *, actor_id: str, patient_id: str | None, interaction_id: str | None, severity: str,
    category: str | None, subject: str, description: str | None, department_id: str | None,
    staff_involved: str | None, channel: str | None, now: datetime | None = None, policy: SlaPolicy | None = None,
) -> tuple[ComplaintCase, Changes]:  # fmt: skip
    """Open a case (state new) with SLA dues from the policy, in one transaction. Raise `ValidationError`."""
    with db.write() as s:
        return open_complaint_in(
            s, actor_id=actor_id, patient_id=patient_id, interaction_id=interaction_id, severity=severity,
            category=category, subject=subject, description=description, department_id=department_id,
            staff_involved=staff_involved, channel=channel, now=now, policy=policy,
        )  # fmt: skip


# --- working a case ----------------------------------------------------------------------------------


def _load(s: Session, complaint_id: str, actor_id: str, expected_state: str | None) -> tuple[Complaint, StaffUser]:
    row = s.get(Complaint, complaint_id)
    if row is None or row.deleted:
        raise ComplaintError(ErrorCode.NOT_FOUND)
    actor = s.get(StaffUser, actor_id)
    if actor is None or actor.deleted or not actor.active:
        raise ComplaintError(ErrorCode.ROLE_NOT_ALLOWED)
    if expected_state is not None and row.state != expected_state:
        raise ComplaintError(ErrorCode.STALE)
    return row, actor


def _event(s: Session, row: Complaint, actor_id: str | None, at: datetime, note: str | None,
           from_state: str | None = None, to_state: str | None = None) -> ComplaintEvent:
    event = ComplaintEvent(complaint_id=row.id, actor_id=actor_id, at=at, from_state=from_state, to_state=to_state,
                           note=note)
    s.add(event)
    return event


def _apply(row: Complaint, t: Transition, actor_id: str, now: datetime, policy: SlaPolicy) -> None:
    row.state = t.to_state.value
    if t.action is Action.ACKNOWLEDGE:
        row.acknowledged_at = now
        row.handler_id = row.handler_id or actor_id  # who acknowledges a case takes it, unless assigned
    elif t.action is Action.RESOLVE:
        row.resolution, row.resolved_at = t.note, now
    elif t.action is Action.CLOSE:
        row.satisfaction, row.closed_at = t.satisfaction, now
    elif t.action is Action.REOPEN:
        row.reopened_count = (row.reopened_count or 0) + 1
        row.resolved_at = row.closed_at = row.satisfaction = None
        row.resolve_due = policy.calendar.add_working_time(now, policy.target(row.severity).resolve_minutes)
        row.escalated, row.escalated_at, row.escalated_to_id = False, None, None  # a new clock


def transition(
    db: Database, complaint_id: str, action: Action | str, *, actor_id: str, note: str | None = None,
    satisfaction: int | None = None, unreachable: bool = False, expected_state: str | None = None,
    now: datetime | None = None, policy: SlaPolicy | None = None,
) -> tuple[ComplaintCase, Changes]:  # fmt: skip
    """Take `action` (acknowledge, start, resolve, close, reopen) as `actor_id`, with the event that records
    who, when, from and to. `expected_state` is the state the user saw (else `stale`).

    `note` is the resolution for resolve and the reason for reopen (both required); close needs
    `satisfaction` 1-5 or `unreachable`. Reopening restarts the resolve clock from `now`.
    Raise `ComplaintError` (see `domain/complaints.py`).
    """
    now = (now or datetime.now()).replace(microsecond=0)
    with db.write() as s:
        row, actor = _load(s, complaint_id, actor_id, expected_state)
        t = plan_transition(row.state, action, actor.role, actor_id=actor_id, handler_id=row.handler_id,
                            given=TransitionInput(note, satisfaction, unreachable))
        _apply(row, t, actor_id, now, policy or default_policy())
        event = _event(s, row, actor_id, now, t.note, t.from_state.value, t.to_state.value)
        return case_of(row), _changes(row, event.id)


def assign(
    db: Database, complaint_id: str, *, actor_id: str, handler_id: str | None, department_id: str | None,
    note: str | None = None, now: datetime | None = None,
) -> tuple[ComplaintCase, Changes]:  # fmt: skip
    """Assign the case to a handler and/or a handling department (None keeps the department).

    Raise `ComplaintError` (role_not_allowed, case_closed, handler_invalid) or `ValidationError`.
    """
    now = (now or datetime.now()).replace(microsecond=0)
    with db.write() as s:
        row, actor = _load(s, complaint_id, actor_id, None)
        check_assign(actor.role, row.state, actor_id=actor_id, handler_id=row.handler_id, new_handler_id=handler_id)
        handler = s.get(StaffUser, handler_id) if handler_id else None
        if handler_id and (handler is None or not handler.active or handler.role not in WORKERS):
            raise ComplaintError(ErrorCode.HANDLER_INVALID, "handler_id")
        dept = s.get(Department, department_id) if department_id else None
        if department_id and (dept is None or dept.deleted):
            raise ValidationError({"department_id": "missing"})
        row.handler_id = handler_id
        if department_id:
            row.assigned_department_id = department_id
        names = f"{handler.display_name if handler else ''}|{dept.name if dept else ''}"
        event = _event(s, row, actor_id, now, tagged(EventKind.ASSIGNED, names, note))
        return case_of(row), _changes(row, event.id)


def reply(db: Database, complaint_id: str, *, actor_id: str, note: str,
          now: datetime | None = None) -> tuple[ComplaintCase, Changes]:
    """Log a reply or response (a call-back, a message to the patient, the department's answer): an event
    with a note and no state change. Raise `ComplaintError` (note_required, too_long, case_closed...)."""
    now = (now or datetime.now()).replace(microsecond=0)
    with db.write() as s:
        row, actor = _load(s, complaint_id, actor_id, None)
        text = check_reply(actor.role, row.state, note)
        event = _event(s, row, actor_id, now, text)
        return case_of(row), _changes(row, event.id)


def change_severity(
    db: Database, complaint_id: str, *, actor_id: str, severity: str, now: datetime | None = None,
    policy: SlaPolicy | None = None,
) -> tuple[ComplaintCase, Changes]:  # fmt: skip
    """Change the severity and recompute both dues from `opened_at` under the new severity's targets."""
    if severity not in tuple(ComplaintSeverity):
        raise ValidationError({"severity": "invalid"})
    now = (now or datetime.now()).replace(microsecond=0)
    policy = policy or default_policy()
    with db.write() as s:
        row, actor = _load(s, complaint_id, actor_id, None)
        if row.state == ComplaintState.CLOSED:
            raise ComplaintError(ErrorCode.CASE_CLOSED)
        if actor.role not in WORKERS or not handler_ok(actor.role, actor_id, row.handler_id):
            raise ComplaintError(ErrorCode.ROLE_NOT_ALLOWED)
        before = row.severity
        row.severity = severity
        row.acknowledge_due, row.resolve_due = policy.dues(severity, row.opened_at)
        event = _event(s, row, actor_id, now, tagged(EventKind.SEVERITY, f"{before}|{severity}"))
        return case_of(row), _changes(row, event.id)


# --- escalation --------------------------------------------------------------------------------------


def _supervisor_for(s: Session, department_id: str | None) -> str | None:
    """An active supervisor of the handling department, else the first active supervisor."""
    query = select(StaffUser.id).where(StaffUser.role == Role.SUPERVISOR.value, StaffUser.active, ~StaffUser.deleted)
    if department_id is not None:
        found = s.scalar(query.where(StaffUser.department_id == department_id).order_by(StaffUser.username))
        if found is not None:
            return found
    return s.scalar(query.order_by(StaffUser.username))


def sla_state(row: Complaint | ComplaintCase, now: datetime, policy: SlaPolicy) -> tuple[str, SlaStatus] | None:
    """(which target: acknowledge | resolve, its status) of an unresolved case; None once resolved."""
    if row.state == ComplaintState.NEW and row.acknowledge_due is not None:
        return "acknowledge", policy.status(row.opened_at, row.acknowledge_due, now)
    if row.state in (ComplaintState.NEW, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS) and row.resolve_due:
        return "resolve", policy.status(row.opened_at, row.resolve_due, now)
    return None


def escalate_due_complaints(db: Database, now: datetime | None = None, *,
                            policy: SlaPolicy | None = None) -> tuple[list[str], Changes]:
    """Mark unresolved, not yet escalated cases whose SLA is at risk or breached as escalated to a supervisor,
    each with an event `[escalated] <target>|<status>`. Return the escalated case ids."""
    now = (now or datetime.now()).replace(microsecond=0)
    policy = policy or default_policy()
    longest = max(t.resolve_minutes for t in policy.targets.values())
    horizon = policy.calendar.add_working_time(now, longest * (1 - policy.at_risk_ratio) + 1)
    changes, escalated = Changes(), []
    with db.write() as s:
        candidates = s.scalars(select(Complaint).where(
            ~Complaint.deleted, ~Complaint.escalated,
            Complaint.state.in_((ComplaintState.NEW, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS)),
            or_(Complaint.resolve_due <= horizon, Complaint.acknowledge_due <= horizon),
        )).all()  # fmt: skip
        for row in candidates:
            state = sla_state(row, now, policy)
            if state is None or state[1] is SlaStatus.OK:
                continue
            row.escalated, row.escalated_at = True, now
            row.escalated_to_id = _supervisor_for(s, row.assigned_department_id or row.department_id)
            event = _event(s, row, None, now, tagged(EventKind.ESCALATED, f"{state[0]}|{state[1].value}"))
            escalated.append(row.id)
            changes |= _changes(row, event.id)
    return escalated, changes


# --- the timeline ------------------------------------------------------------------------------------


class EventKind(StrEnum):
    OPENED = "opened"
    TRANSITION = "transition"
    REPLY = "reply"
    ASSIGNED = "assigned"
    ESCALATED = "escalated"
    SEVERITY = "severity"
    ATTACHED = "attached"


TAGGED = (EventKind.ASSIGNED, EventKind.ESCALATED, EventKind.SEVERITY, EventKind.ATTACHED)


def tagged(kind: EventKind, payload: str, note: str | None = None) -> str:
    """The note of an event that is not a transition or a reply: `[kind] payload`, then the user's note."""
    text = f"[{kind.value}] {payload}"
    return f"{text}\n{note.strip()}" if note and note.strip() else text


@dataclass(frozen=True)
class CaseEvent:
    id: str
    kind: EventKind
    at: datetime
    actor_id: str | None
    actor_name: str | None
    from_state: str | None
    to_state: str | None
    payload: tuple[str, ...]  # assigned: (handler, department); escalated: (target, status); severity: (old, new)
    note: str | None


def event_of(row: ComplaintEvent, actor_name: str | None) -> CaseEvent:
    kind, note = EventKind.REPLY, row.note
    payload: tuple[str, ...] = ()
    if row.from_state is None and row.to_state == ComplaintState.NEW:
        kind = EventKind.OPENED
    elif row.to_state is not None:
        kind = EventKind.TRANSITION
    elif note:
        for candidate in TAGGED:
            prefix = f"[{candidate.value}] "
            if note.startswith(prefix):
                head, _, rest = note[len(prefix):].partition("\n")
                kind, payload, note = candidate, tuple(head.split("|")), rest or None
                break
    return CaseEvent(row.id, kind, row.at, row.actor_id, actor_name, row.from_state, row.to_state, payload, note)


def case_events(db: Database, complaint_id: str) -> list[CaseEvent]:
    """The case's events, oldest first, with the actor's display name."""
    with db.session() as s:
        rows = s.execute(
            select(ComplaintEvent, StaffUser.display_name)
            .outerjoin(StaffUser, StaffUser.id == ComplaintEvent.actor_id)
            .where(ComplaintEvent.complaint_id == complaint_id, ~ComplaintEvent.deleted)
            .order_by(ComplaintEvent.at, ComplaintEvent.updated_at)
        ).all()
    return [event_of(event, name) for event, name in rows]
