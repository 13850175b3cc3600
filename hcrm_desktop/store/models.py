"""SQLAlchemy models of the local cache. Table names match the central schema.

Times: `updated_at`/`created_at` and other bookkeeping stamps are naive UTC; business times (admission,
booking slot, due dates) are naive local wall-clock time of the hospital, as staff read them.
Money is stored as integer fen (分) to avoid floating point.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hcrm_desktop.store.base import Base, Synced, utcnow

ID = String(36)


def fk(target: str) -> ForeignKey:
    """Foreign keys are checked at commit, so one transaction may insert rows in any order (the unit of
    work does not sort rows it has no relationship() for, and sync applies pulled rows as they come)."""
    return ForeignKey(target, deferrable=True, initially="DEFERRED")


class Meta(Base):
    """Local key/value facts: device id, sync cursor. Never synced."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class Outbox(Base):
    """One row per local mutation, written in the same transaction as the change itself."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(ID, unique=True, nullable=False)
    device_id: Mapped[str] = mapped_column(ID, nullable=False)
    entity: Mapped[str] = mapped_column(String(64), nullable=False)
    entity_id: Mapped[str] = mapped_column(ID, nullable=False)
    op: Mapped[str] = mapped_column(String(16), nullable=False)
    base_version: Mapped[int] = mapped_column(Integer, nullable=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


# --- organisation and staff -------------------------------------------------------------------------


class Department(Synced, Base):
    __tablename__ = "departments"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), default="clinical")  # clinical | checkup | service | admin


class StaffUser(Synced, Base):
    __tablename__ = "staff_users"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # Role
    department_id: Mapped[str | None] = mapped_column(fk("departments.id"))
    employee_no: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(String(32))  # e.g. 主任医师 for doctors credited in praise
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    team: Mapped[str | None] = mapped_column(String(32))  # agent team, for performance per team
    password_hash: Mapped[str | None] = mapped_column(String(255))  # local/demo sign-in only


class Organization(Synced, Base):
    """A group customer (集团客户): an employer with a checkup contract."""

    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(String(128))
    industry: Mapped[str | None] = mapped_column(String(64))
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    contract_no: Mapped[str | None] = mapped_column(String(64))
    contract_start: Mapped[date | None] = mapped_column(Date)
    contract_end: Mapped[date | None] = mapped_column(Date)


# --- patients ---------------------------------------------------------------------------------------


class Patient(Synced, Base):
    """One record per person; `id` is the unique customer id (客户唯一标识)."""

    __tablename__ = "patients"
    __table_args__ = (  # readers find the records merged into a patient (few rows: a partial index)
        Index("ix_patients_merged_into_id", "merged_into_id", sqlite_where=text("merged_into_id IS NOT NULL")),
    )
    customer_no: Mapped[str] = mapped_column(String(20), unique=True)  # human-friendly, e.g. C00001234
    name: Mapped[str] = mapped_column(String(64), index=True)
    name_pinyin: Mapped[str] = mapped_column(String(128), index=True)
    name_initials: Mapped[str] = mapped_column(String(32), index=True)
    sex: Mapped[str] = mapped_column(String(1), default="U")
    birth_date: Mapped[date | None] = mapped_column(Date)
    national_id: Mapped[str | None] = mapped_column(String(18), index=True)
    occupation: Mapped[str | None] = mapped_column(String(32))
    education: Mapped[str | None] = mapped_column(String(16))
    income_band: Mapped[str | None] = mapped_column(String(16))
    province: Mapped[str | None] = mapped_column(String(32))
    city: Mapped[str | None] = mapped_column(String(32))
    district: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(255))
    vip_level: Mapped[int] = mapped_column(Integer, default=0)  # 0 = none, 1..5
    points: Mapped[int] = mapped_column(Integer, default=0)
    customer_type: Mapped[str | None] = mapped_column(String(16))
    consent_sms: Mapped[bool] = mapped_column(Boolean, default=True)
    consent_wechat: Mapped[bool] = mapped_column(Boolean, default=True)
    consent_phone: Mapped[bool] = mapped_column(Boolean, default=True)
    consent_data_use: Mapped[bool] = mapped_column(Boolean, default=True)
    referred_by_id: Mapped[str | None] = mapped_column(fk("patients.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(fk("organizations.id"), index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    deceased_on: Mapped[date | None] = mapped_column(Date)
    merged_into_id: Mapped[str | None] = mapped_column(fk("patients.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PatientIdentifier(Synced, Base):
    """An id of the patient in another system (HIS, PEIS, LIS, EMR)."""

    __tablename__ = "patient_identifiers"
    __table_args__ = (UniqueConstraint("system", "value"),)
    patient_id: Mapped[str] = mapped_column(fk("patients.id"), index=True)
    system: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(64))


class PatientPhone(Synced, Base):
    """A phone number filed under a patient; `relation` says whose it is (self, spouse, child...)."""

    __tablename__ = "patient_phones"
    patient_id: Mapped[str] = mapped_column(fk("patients.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))  # as entered
    number_e164: Mapped[str] = mapped_column(String(20), index=True)  # normalised, for matching
    extension: Mapped[str | None] = mapped_column(String(10))
    relation: Mapped[str] = mapped_column(String(8), default="self")
    contact_name: Mapped[str | None] = mapped_column(String(64))  # e.g. the daughter's name
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


# --- clinical history -------------------------------------------------------------------------------


class Encounter(Synced, Base):
    __tablename__ = "encounters"
    __table_args__ = (Index("ix_encounters_patient_start", "patient_id", "started_at"),)
    patient_id: Mapped[str] = mapped_column(fk("patients.id"))
    kind: Mapped[str] = mapped_column(String(12))  # EncounterKind
    department_id: Mapped[str | None] = mapped_column(fk("departments.id"))
    doctor_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    started_at: Mapped[datetime] = mapped_column(DateTime)  # visit or admission
    discharged_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    primary_icd10: Mapped[str | None] = mapped_column(String(16), index=True)
    diagnoses: Mapped[list[str]] = mapped_column(JSON, default=list)  # ICD-10 codes
    surgery: Mapped[str | None] = mapped_column(String(128))
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)


class Package(Synced, Base):
    """A checkup package (体检套餐)."""

    __tablename__ = "packages"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    price_fen: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(1))  # restricted to one sex, or None
    items: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)


class Checkup(Synced, Base):
    __tablename__ = "checkups"
    __table_args__ = (Index("ix_checkups_patient_date", "patient_id", "checkup_date"),)
    patient_id: Mapped[str] = mapped_column(fk("patients.id"))
    package_id: Mapped[str | None] = mapped_column(fk("packages.id"))
    organization_id: Mapped[str | None] = mapped_column(fk("organizations.id"))
    checkup_date: Mapped[date] = mapped_column(Date, index=True)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    abnormal_findings: Mapped[list[str]] = mapped_column(JSON, default=list)
    risk_level: Mapped[str] = mapped_column(String(8), default="none")  # RiskLevel


# --- contacts ---------------------------------------------------------------------------------------


class Interaction(Synced, Base):
    """Any contact on any channel (接触记录). Append-only."""

    __tablename__ = "interactions"
    __append_only__ = True
    __table_args__ = (Index("ix_interactions_patient_start", "patient_id", "started_at"),)
    patient_id: Mapped[str | None] = mapped_column(fk("patients.id"))
    type: Mapped[str] = mapped_column(String(16))  # InteractionType
    channel: Mapped[str] = mapped_column(String(8))  # Channel
    direction: Mapped[str] = mapped_column(String(8), default="inbound")
    category: Mapped[str | None] = mapped_column(String(64))
    disposition: Mapped[str | None] = mapped_column(String(32))
    summary: Mapped[str | None] = mapped_column(Text)
    agent_id: Mapped[str | None] = mapped_column(fk("staff_users.id"), index=True)
    remote_number: Mapped[str | None] = mapped_column(String(40))
    call_id: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    handle_seconds: Mapped[int | None] = mapped_column(Integer)
    resolved_first_contact: Mapped[bool | None] = mapped_column(Boolean)
    credited_staff_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))  # praise
    credited_department_id: Mapped[str | None] = mapped_column(fk("departments.id"))
    wrap_seconds: Mapped[int | None] = mapped_column(Integer)  # after-call work: call end to wrap-up saved


class Complaint(Synced, Base):
    """A complaint case (投诉工单) with SLA dates."""

    __tablename__ = "complaints"
    patient_id: Mapped[str | None] = mapped_column(fk("patients.id"), index=True)
    interaction_id: Mapped[str | None] = mapped_column(fk("interactions.id"))
    case_no: Mapped[str] = mapped_column(String(20), unique=True)
    severity: Mapped[str] = mapped_column(String(8))  # ComplaintSeverity
    state: Mapped[str] = mapped_column(String(12), default="new", index=True)  # ComplaintState
    category: Mapped[str | None] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    department_id: Mapped[str | None] = mapped_column(fk("departments.id"), index=True)
    staff_involved: Mapped[str | None] = mapped_column(String(128))
    handler_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledge_due: Mapped[datetime | None] = mapped_column(DateTime)
    resolve_due: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1..5 with the resolution
    assigned_department_id: Mapped[str | None] = mapped_column(fk("departments.id"))  # handling department
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalated_to_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    reopened_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    channel: Mapped[str | None] = mapped_column(String(8))  # Channel the complaint came in on


class ComplaintAttachment(Synced, Base):
    """A file attached to a complaint case (photo, letter, receipt), content base64 in the row. Append-only."""

    __tablename__ = "complaint_attachments"
    __append_only__ = True
    complaint_id: Mapped[str] = mapped_column(fk("complaints.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content_b64: Mapped[str] = mapped_column(Text)
    added_by_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class ComplaintEvent(Synced, Base):
    """A state transition or reply on a complaint case: who, when, what. Append-only."""

    __tablename__ = "complaint_events"
    __append_only__ = True
    complaint_id: Mapped[str] = mapped_column(fk("complaints.id"), index=True)
    actor_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    from_state: Mapped[str | None] = mapped_column(String(12))
    to_state: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)


class Slot(Synced, Base):
    """Capacity of a package or clinic on one day and period (号源)."""

    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("resource", "resource_id", "day", "period"),)
    resource: Mapped[str] = mapped_column(String(8))  # SlotResource
    resource_id: Mapped[str] = mapped_column(ID)  # package id or department id
    doctor_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    period: Mapped[str] = mapped_column(String(2))  # DayPeriod
    capacity: Mapped[int] = mapped_column(Integer)
    vip_reserved: Mapped[int] = mapped_column(Integer, default=0)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class Booking(Synced, Base):
    __tablename__ = "bookings"
    patient_id: Mapped[str] = mapped_column(fk("patients.id"), index=True)
    slot_id: Mapped[str] = mapped_column(fk("slots.id"), index=True)
    state: Mapped[str] = mapped_column(String(12), default="booked")  # BookingState
    booked_at: Mapped[datetime] = mapped_column(DateTime)
    booked_by_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    rescheduled_from_id: Mapped[str | None] = mapped_column(fk("bookings.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    interaction_id: Mapped[str | None] = mapped_column(fk("interactions.id"))
    state_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    confirmation_sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class KnowledgeArticle(Synced, Base):
    """A ready answer agents paste from (package contents and prices, clinic hours, preparation)."""

    __tablename__ = "knowledge_articles"
    category: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    keywords: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))


# --- follow-up --------------------------------------------------------------------------------------


class FollowUpRule(Synced, Base):
    __tablename__ = "followup_rules"
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))  # FollowUpKind
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Questionnaire(Synced, Base):
    __tablename__ = "questionnaires"
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FollowUpTask(Synced, Base):
    __tablename__ = "followup_tasks"
    __table_args__ = (
        UniqueConstraint("rule_id", "patient_id", "source_ref", "step"),
        Index("ix_followup_tasks_state_due", "state", "due_at"),
        # Covers the worklist's filters and order, so its first page never reads or sorts table rows
        # (70,000 active tasks: 280 ms -> 45 ms).
        Index("ix_followup_tasks_worklist", "state", "priority", "due_at", "callback_at", "deleted", "assignee_id",
              "rule_id", "department_id", "id"),
    )
    patient_id: Mapped[str] = mapped_column(fk("patients.id"), index=True)
    rule_id: Mapped[str] = mapped_column(fk("followup_rules.id"))
    source_ref: Mapped[str] = mapped_column(String(64))  # encounter/checkup id, or a period like 2026-11
    step: Mapped[str] = mapped_column(String(16), default="")  # e.g. d3, m1
    questionnaire_id: Mapped[str | None] = mapped_column(fk("questionnaires.id"))
    department_id: Mapped[str | None] = mapped_column(fk("departments.id"))
    assignee_id: Mapped[str | None] = mapped_column(fk("staff_users.id"), index=True)
    priority: Mapped[int] = mapped_column(Integer, default=3)  # 1 highest
    due_at: Mapped[datetime] = mapped_column(DateTime)
    window_end: Mapped[datetime | None] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(12), default="open")  # TaskState
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    callback_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str | None] = mapped_column(String(16))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(String(200))  # why the rule chose this patient, for the nurse


class CallAttempt(Synced, Base):
    """One call made for a follow-up task. Append-only."""

    __tablename__ = "call_attempts"
    __append_only__ = True
    task_id: Mapped[str] = mapped_column(fk("followup_tasks.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(16))  # CallOutcome
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class SurveyResponse(Synced, Base):
    """Answers to a questionnaire. Append-only."""

    __tablename__ = "survey_responses"
    __append_only__ = True
    questionnaire_id: Mapped[str] = mapped_column(fk("questionnaires.id"))
    patient_id: Mapped[str | None] = mapped_column(fk("patients.id"), index=True)
    task_id: Mapped[str | None] = mapped_column(fk("followup_tasks.id"))
    interaction_id: Mapped[str | None] = mapped_column(fk("interactions.id"))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    score: Mapped[float | None] = mapped_column()
    red_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[datetime] = mapped_column(DateTime)


class Escalation(Synced, Base):
    """A red flag raised on a follow-up call, sent to the patient's department doctor, with the loop of
    instruction and its execution fed back (指令执行反馈)."""

    __tablename__ = "escalations"
    __table_args__ = (Index("ix_escalations_state_due", "state", "due_at"),)
    patient_id: Mapped[str] = mapped_column(fk("patients.id"), index=True)
    task_id: Mapped[str | None] = mapped_column(fk("followup_tasks.id"))
    response_id: Mapped[str | None] = mapped_column(fk("survey_responses.id"))
    department_id: Mapped[str | None] = mapped_column(fk("departments.id"), index=True)
    doctor_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    raised_by_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    due_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(12), default="open")  # open | instructed | executed | closed
    reason: Mapped[str] = mapped_column(Text)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    instruction: Mapped[str | None] = mapped_column(Text)
    instructed_by_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    instructed_at: Mapped[datetime | None] = mapped_column(DateTime)
    feedback: Mapped[str | None] = mapped_column(Text)
    executed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)


class QaReview(Synced, Base):
    """A supervisor's quality review of one recorded interaction against a checklist; the agent sees it."""

    __tablename__ = "qa_reviews"
    interaction_id: Mapped[str] = mapped_column(fk("interactions.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(fk("staff_users.id"), index=True)
    reviewer_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # checklist item code -> points
    total: Mapped[float] = mapped_column(default=0.0)  # 0..100
    comment: Mapped[str | None] = mapped_column(Text)
    seen_by_agent_at: Mapped[datetime | None] = mapped_column(DateTime)


# --- ledger and audit -------------------------------------------------------------------------------


class PointsLedger(Synced, Base):
    __tablename__ = "points_ledger"
    __append_only__ = True
    patient_id: Mapped[str] = mapped_column(fk("patients.id"), index=True)
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)


class AuditEvent(Synced, Base):
    """Who viewed, exported, merged or changed what. Append-only."""

    __tablename__ = "audit_events"
    __append_only__ = True
    actor_id: Mapped[str | None] = mapped_column(fk("staff_users.id"))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str | None] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(ID)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --- local working state (never synced) -------------------------------------------------------------


class Draft(Base):
    """A form being typed (wrap-up, complaint, booking), saved as the user types so a crash or a closed
    window loses nothing. Keyed by what it is for, e.g. `wrapup:<call id>`. Never synced."""

    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[str | None] = mapped_column(ID)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- local search index (never synced) --------------------------------------------------------------
# Derived rows kept in step with `patients` and `patient_phones` by triggers (migration 0003), so every
# writer (the ORM, sync, the demo bulk loader) maintains them without knowing they exist.

search_name_suffixes = Table(  # name[i:] for i >= 1: a substring search is a prefix search here
    "search_name_suffixes",
    Base.metadata,
    Column("suffix", String(64), primary_key=True),
    Column("patient_id", ID, primary_key=True),
    sqlite_with_rowid=False,
)
search_phone_tails = Table(  # digits of number_e164 reversed: a "last N digits" search is a prefix search
    "search_phone_tails",
    Base.metadata,
    Column("digits_rev", String(20), primary_key=True),
    Column("phone_id", ID, primary_key=True),
    Column("patient_id", ID, nullable=False),
    sqlite_with_rowid=False,
)


def synced_models() -> list[type[Synced]]:
    """Every mapped class that follows the sync data contract."""
    return [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)]


import hcrm_desktop.store.sync_state  # noqa: E402,F401  (sync bookkeeping tables share this metadata)
