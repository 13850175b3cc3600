"""Recording a contact (接触记录): the wrap-up of a call, a follow-up or a contact started by hand.

`record_interaction()` validates a `WrapUp` and writes one append-only `Interaction`; for a complaint it
opens the complaint case in the same transaction (`complaints.open_complaint_in`), so either both are
stored or neither. Praise is credited to a department (required) and optionally a staff member (the
department then defaults to theirs).

**Times.** Business times, naive local. `started_at` is when the contact began (the call was answered),
`ended_at` when the call ended. `handle_seconds` is started to ended (to the save while the call is still
on); `wrap_seconds` is the after-call work, call end to save (0 when saved during the call, none without a
call).

**Rules.** Required: type, a category when the type has any, a disposition that applies to the type, a
summary (a complaint may leave it empty: its subject is used). Text: summary at most 2000 characters;
emoji and control characters are rejected, never silently stripped (what was typed stays in the form and
the message says why). Phone numbers must be readable by `domain.phones`. A patient deleted or merged while
the form was open gives `patient_deleted` / `patient_merged` (with `surviving_id`), so the UI can offer the
record that survived. Errors are `WrapUpError`: field -> code, complaint fields as `complaint.<field>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcrm_desktop.domain.categories import CategoryTree, default_categories
from hcrm_desktop.domain.enums import Channel, ComplaintSeverity, Direction, InteractionType
from hcrm_desktop.domain.phones import PhoneError, normalize_phone
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.complaints import open_complaint_in
from hcrm_desktop.services.patients import ValidationError, text_error
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Department, Interaction, Patient, StaffUser

SUMMARY_MAX, CALL_ID_MAX, PHONE_MAX = 2000, 64, 40
FUTURE_SLACK = timedelta(minutes=5)
FIRST_CONTACT_DISPOSITIONS = frozenset({"resolved", "info_given", "praise_recorded", "booked", "no_action"})


class WrapUpError(ValidationError):
    """A wrap-up that cannot be saved: `errors` maps field -> code; `field`/`code` are the first pair.

    `surviving_id` is the record a merged patient now lives in (code `patient_merged`)."""

    def __init__(self, errors: dict[str, str], *, surviving_id: str | None = None) -> None:
        super().__init__(errors)
        self.field, self.code = next(iter(self.errors.items()))
        self.surviving_id = surviving_id


@dataclass(frozen=True)
class ComplaintDetails:
    """The complaint section of a wrap-up (the case opened with the interaction)."""

    severity: str = ComplaintSeverity.MEDIUM.value
    subject: str = ""
    description: str | None = None
    department_id: str | None = None
    staff_involved: str | None = None


@dataclass(frozen=True)
class WrapUp:
    type: str
    category: str | None = None
    disposition: str | None = None
    summary: str = ""
    patient_id: str | None = None
    channel: str = Channel.PHONE.value
    direction: str = Direction.INBOUND.value
    call_id: str | None = None
    remote_number: str | None = None
    started_at: datetime | None = None  # local; the contact began (call answered); None: now
    ended_at: datetime | None = None  # local; the call ended; None: still on, or no call
    resolved_first_contact: bool | None = None  # None: from the disposition
    credited_staff_id: str | None = None  # praise
    credited_department_id: str | None = None  # praise
    complaint: ComplaintDetails | None = None  # complaint type only


@dataclass(frozen=True)
class RecordedInteraction:
    interaction_id: str
    type: str
    patient_id: str | None
    category: str | None
    disposition: str | None
    started_at: datetime
    ended_at: datetime | None
    handle_seconds: int | None
    wrap_seconds: int | None
    credited_staff_id: str | None = None
    credited_department_id: str | None = None
    complaint_id: str | None = None
    complaint_case_no: str | None = None


@dataclass(frozen=True)
class StaffChoice:
    id: str
    name: str
    title: str | None
    department_id: str | None


@dataclass(frozen=True)
class FormChoices:
    """What the wrap-up form offers to pick: departments (complaint, praise) and staff to credit."""

    departments: tuple[tuple[str, str], ...]  # (id, name)
    staff: tuple[StaffChoice, ...]


def form_choices(db: Database) -> FormChoices:
    """Live departments by code and active staff (doctors first), for the form's lists."""
    with db.session() as s:
        departments = s.execute(select(Department.id, Department.name).where(~Department.deleted)
                                .order_by(Department.code)).all()
        staff = s.execute(select(StaffUser.id, StaffUser.display_name, StaffUser.title, StaffUser.department_id)
                          .where(~StaffUser.deleted, StaffUser.active)
                          .order_by(StaffUser.role != "doctor", StaffUser.display_name)).all()
    return FormChoices(tuple((d.id, d.name) for d in departments),
                       tuple(StaffChoice(r.id, r.display_name, r.title, r.department_id) for r in staff))


# --- validation (no database) -----------------------------------------------------------------------


def _phone_error(raw: str | None) -> str | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    if len(raw) > PHONE_MAX:
        return "too_long"
    try:
        normalize_phone(raw)
    except PhoneError:
        return "phone_invalid"
    return None


def _classification_errors(w: WrapUp, tree: CategoryTree) -> dict[str, str]:
    if not w.type:
        return {"type": "required"}
    if tree.kind(w.type) is None:
        return {"type": "invalid"}
    errors = {}
    if w.category:
        if not tree.has_category(w.type, w.category):
            errors["category"] = "invalid"
    elif tree.categories_for(w.type):
        errors["category"] = "required"
    if not w.disposition:
        errors["disposition"] = "required"
    elif not tree.has_disposition(w.type, w.disposition):
        errors["disposition"] = "invalid"
    return errors


def _time_errors(w: WrapUp, now: datetime) -> dict[str, str]:
    errors = {}
    if w.started_at is not None and w.started_at > now + FUTURE_SLACK:
        errors["started_at"] = "in_future"
    if w.ended_at is not None and w.ended_at > now + FUTURE_SLACK:
        errors["ended_at"] = "in_future"
    elif w.ended_at is not None and w.started_at is not None and w.ended_at < w.started_at:
        errors["ended_at"] = "ended_before_started"
    return errors


def _complaint_errors(c: ComplaintDetails | None) -> dict[str, str]:
    if c is None:
        return {"complaint.subject": "required"}
    checks = {
        "complaint.severity": None if c.severity in tuple(ComplaintSeverity) else "invalid",
        "complaint.subject": text_error(c.subject, limit=200, required=True),
        "complaint.description": text_error(c.description, limit=4000, multiline=True),
        "complaint.staff_involved": text_error(c.staff_involved, limit=128),
    }
    return {field: code for field, code in checks.items() if code}


def validate_wrapup(w: WrapUp, *, tree: CategoryTree | None = None, now: datetime | None = None) -> dict[str, str]:
    """Field -> error code for everything checkable without the database; empty when valid."""
    tree = tree or default_categories()
    now = now or datetime.now()
    complaint = w.type == InteractionType.COMPLAINT
    summary_required = not (complaint and w.complaint is not None and w.complaint.subject.strip())
    checks = {
        "summary": text_error(w.summary, limit=SUMMARY_MAX, required=summary_required, multiline=True),
        "channel": None if w.channel in tuple(Channel) else "invalid",
        "direction": None if w.direction in tuple(Direction) else "invalid",
        "remote_number": _phone_error(w.remote_number),
        "call_id": "too_long" if len(w.call_id or "") > CALL_ID_MAX else None,
    }
    errors = _classification_errors(w, tree) | {f: c for f, c in checks.items() if c} | _time_errors(w, now)
    if w.type == InteractionType.PRAISE and not (w.credited_staff_id or w.credited_department_id):
        errors["credited_department_id"] = "required"
    if complaint:
        errors |= _complaint_errors(w.complaint)
    return errors


# --- checks against the database --------------------------------------------------------------------


def surviving_patient_id(s: Session, patient_id: str) -> str | None:
    """The live record a merged one now lives in (following a chain of merges), or None."""
    seen = {patient_id}
    patient = s.get(Patient, patient_id)
    while patient is not None and patient.merged_into_id and patient.merged_into_id not in seen:
        seen.add(patient.merged_into_id)
        patient = s.get(Patient, patient.merged_into_id)
    if patient is None or patient.deleted or patient.merged_into_id:
        return None
    return patient.id


def _check_patient(s: Session, patient_id: str | None) -> None:
    if patient_id is None:
        return
    patient = s.get(Patient, patient_id)
    if patient is None or patient.deleted:
        raise WrapUpError({"patient_id": "patient_deleted"})
    if patient.merged_into_id:
        raise WrapUpError({"patient_id": "patient_merged"}, surviving_id=surviving_patient_id(s, patient_id))


def _credit(s: Session, w: WrapUp) -> tuple[str | None, str | None]:
    """(staff id, department id) credited with praise; the department defaults to the staff member's."""
    if w.type != InteractionType.PRAISE:
        return None, None
    errors: dict[str, str] = {}
    department_id = w.credited_department_id
    if w.credited_staff_id:
        staff = s.get(StaffUser, w.credited_staff_id)
        if staff is None or staff.deleted:
            errors["credited_staff_id"] = "missing"
        elif department_id is None:
            department_id = staff.department_id
    if department_id is None:
        errors.setdefault("credited_department_id", "required")
    else:
        department = s.get(Department, department_id)
        if department is None or department.deleted:
            errors["credited_department_id"] = "missing"
    if errors:
        raise WrapUpError(errors)
    return w.credited_staff_id, department_id


def _seconds(later: datetime | None, earlier: datetime | None) -> int | None:
    if later is None or earlier is None:
        return None
    return max(0, round((later - earlier).total_seconds()))


def _wrap_seconds(w: WrapUp, now: datetime) -> int | None:
    """Call end to save; 0 when saved while the call is still on; None without a call."""
    if not w.call_id:
        return None
    return _seconds(now, w.ended_at) if w.ended_at is not None else 0


def _interaction_row(w: WrapUp, actor_id: str, now: datetime, credit: tuple[str | None, str | None]) -> Interaction:
    started = w.started_at or now
    summary = w.summary.strip() or (w.complaint.subject.strip() if w.complaint else "")
    wrap = _wrap_seconds(w, now)
    resolved = w.resolved_first_contact
    if resolved is None:
        resolved = w.disposition in FIRST_CONTACT_DISPOSITIONS
    return Interaction(
        patient_id=w.patient_id, type=w.type, channel=w.channel, direction=w.direction,
        category=w.category or None, disposition=w.disposition or None, summary=summary or None,
        agent_id=actor_id or None, remote_number=(w.remote_number or "").strip() or None,
        call_id=w.call_id or None, started_at=started, ended_at=w.ended_at,
        handle_seconds=_seconds(w.ended_at or now, started), resolved_first_contact=resolved,
        credited_staff_id=credit[0], credited_department_id=credit[1], wrap_seconds=wrap,
    )  # fmt: skip


def _open_case(s: Session, w: WrapUp, row: Interaction, actor_id: str, now: datetime) -> tuple[str, str, Changes]:
    c = w.complaint or ComplaintDetails()
    try:
        case, changes = open_complaint_in(
            s, actor_id=actor_id, patient_id=w.patient_id, interaction_id=row.id, severity=c.severity,
            category=w.category, subject=c.subject, description=c.description, department_id=c.department_id,
            staff_involved=c.staff_involved, channel=w.channel, now=now,
        )  # fmt: skip
    except ValidationError as exc:
        raise WrapUpError({_complaint_field(f): code for f, code in exc.errors.items()}) from None
    return case.id, case.case_no, changes


def _complaint_field(field: str) -> str:
    return field if field in ("patient_id", "category", "channel") else f"complaint.{field}"


def record_interaction(
    db: Database, *, actor_id: str, draft: WrapUp, now: datetime | None = None, tree: CategoryTree | None = None,
) -> tuple[RecordedInteraction, Changes]:  # fmt: skip
    """Validate and store the contact (and its complaint case) in one transaction. Raise `WrapUpError`."""
    now = (now or datetime.now()).replace(microsecond=0)
    errors = validate_wrapup(draft, tree=tree, now=now)
    if errors:
        raise WrapUpError(errors)
    complaint: tuple[str, str, Changes] | None = None
    with db.write() as s:
        _check_patient(s, draft.patient_id)
        credit = _credit(s, draft)
        row = _interaction_row(draft, actor_id, now, credit)
        s.add(row)
        if draft.type == InteractionType.COMPLAINT:
            s.flush()  # the case refers to the interaction; its checks read it back
            complaint = _open_case(s, draft, row, actor_id, now)
    changes = Changes.of("interactions", row.id, patient_id=draft.patient_id)
    result = RecordedInteraction(
        interaction_id=row.id, type=row.type, patient_id=row.patient_id, category=row.category,
        disposition=row.disposition, started_at=row.started_at, ended_at=row.ended_at,
        handle_seconds=row.handle_seconds, wrap_seconds=row.wrap_seconds, credited_staff_id=credit[0],
        credited_department_id=credit[1], complaint_id=complaint[0] if complaint else None,
        complaint_case_no=complaint[1] if complaint else None,
    )  # fmt: skip
    if complaint is not None:
        changes = changes | complaint[2]
    return result, changes
