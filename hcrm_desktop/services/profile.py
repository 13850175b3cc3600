"""The customer profile (客户360) behind the call card: identity, value, alerts, and a lazy timeline.

`load_profile()` reads one patient and everything an agent must see before saying hello; it includes the
rows of records merged into the patient (`related_ids`). `timeline_page()` pages through the history of
those ids newest first, by keyset on (at, ref_id): every query is an indexed per-patient range read, so a
page costs the same at 1M patients / 10M history rows as on the demo data. The statements are built once
with bound parameters: building a SQLAlchemy select costs more than SQLite takes to answer it.

**Value tier (RFM).** The card shows the tier and the three figures behind it (recency, frequency,
monetary over the window), computed by the one rule in `hcrm_desktop.analytics.segments` (`value_tier`,
thresholds from `resources/analytics/segmentation.json` or the supervisor's edits), the same rule the
supervisor's segmentation applies to every patient.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import Session

from hcrm_desktop.analytics.segments import (
    ThresholdError,
    Thresholds,
    load_thresholds,
    value_tier,
    window_start,
)
from hcrm_desktop.domain.enums import (
    BookingState,
    ComplaintState,
    DayPeriod,
    TaskState,
    ValueTier,
)
from hcrm_desktop.domain.national_id import mask_national_id
from hcrm_desktop.domain.phones import mask_phone
from hcrm_desktop.services.patients import related_ids_in
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import (
    AuditEvent,
    Booking,
    Checkup,
    Complaint,
    Department,
    Encounter,
    FollowUpRule,
    FollowUpTask,
    Interaction,
    Organization,
    Package,
    Patient,
    PatientPhone,
    Questionnaire,
    Slot,
    SurveyResponse,
)

OPEN_COMPLAINTS = (ComplaintState.NEW, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS)
OPEN_TASKS = (TaskState.OPEN, TaskState.IN_PROGRESS, TaskState.CALLBACK)
ACTIVE_BOOKINGS = (BookingState.BOOKED, BookingState.RESCHEDULED)
BOOKING_DAYS, DISCHARGE_DAYS = 7, 14
PERIOD_START = {DayPeriod.MORNING.value: time(8, 0), DayPeriod.AFTERNOON.value: time(13, 30)}
TIMELINE_KINDS = ("encounter", "checkup", "interaction", "complaint", "booking", "followup", "survey")
RELATION_ORDER = {"self": 0, "spouse": 1, "child": 2, "parent": 3, "other": 4}


class PatientNotFound(LookupError):
    """The patient does not exist (any more) or was deleted."""

    def __init__(self, patient_id: str) -> None:
        super().__init__(patient_id)
        self.patient_id = patient_id


@dataclass(frozen=True)
class ProfilePhone:
    number: str  # as filed: the full number, for click-to-dial only
    masked: str
    relation: str  # PhoneRelation: whose number it is, relative to the patient
    contact_name: str | None
    is_primary: bool


@dataclass(frozen=True)
class Consent:
    sms: bool
    wechat: bool
    phone: bool
    data_use: bool


@dataclass(frozen=True)
class Rfm:
    recency_days: int | None  # None: no encounter or checkup in the window
    frequency: int
    monetary_fen: int
    tier: ValueTier


@dataclass(frozen=True)
class Alert:
    """Something to know before saying hello. `kind`: deceased | complaint | followup | booking | discharge."""

    kind: str
    at: datetime | None
    subject: str
    ref_id: str
    overdue: bool = False
    ref_no: str = ""  # the complaint case number


@dataclass(frozen=True)
class MergedRecord:
    """A record merged into this one, with the audit entry an admin can undo the merge from."""

    patient_id: str
    name: str
    customer_no: str
    audit_id: str | None
    merged_at: datetime | None


@dataclass(frozen=True)
class Profile:
    patient_id: str
    patient_ids: tuple[str, ...]  # the patient first, then the records merged into it
    customer_no: str
    name: str
    sex: str
    birth_date: date | None
    age: int | None
    masked_national_id: str
    national_id: str | None  # whole, for duplicate checks only; screens show the masked form
    phones: tuple[ProfilePhone, ...]
    vip_level: int
    points: int
    rfm: Rfm
    customer_type: str | None
    tags: tuple[str, ...]
    consent: Consent
    organization: str | None
    deceased_on: date | None
    merged_into_id: str | None
    alerts: tuple[Alert, ...] = field(default=())
    merged_records: tuple[MergedRecord, ...] = field(default=())

    @property
    def value_tier(self) -> ValueTier:
        return self.rfm.tier


@dataclass(frozen=True)
class TimelineItem:
    """One entry of the history. `kind` is one of TIMELINE_KINDS; `sub` a finer code (encounter kind,
    interaction type, complaint/booking/task state, "red_flag" for a survey); `detail` is data, not prose."""

    kind: str
    at: datetime
    title: str
    detail: str
    ref_id: str
    sub: str = ""


# --- the profile -------------------------------------------------------------------------------------

IDS: Any = bindparam("ids", expanding=True)
_PATIENT = (
    select(Patient.id, Patient.customer_no, Patient.name, Patient.sex, Patient.birth_date, Patient.national_id,
           Patient.vip_level, Patient.points, Patient.customer_type, Patient.tags, Patient.consent_sms,
           Patient.consent_wechat, Patient.consent_phone, Patient.consent_data_use, Patient.deceased_on,
           Patient.merged_into_id, Patient.deleted, Organization.name.label("organization"))
    .outerjoin(Organization, Organization.id == Patient.organization_id)
    .where(Patient.id == bindparam("pid"))
)
_PHONES = select(PatientPhone.number, PatientPhone.relation, PatientPhone.contact_name, PatientPhone.is_primary).where(
    PatientPhone.patient_id.in_(IDS), ~PatientPhone.deleted)
_RFM_VISITS = select(func.count(), func.coalesce(func.sum(Encounter.amount_fen), 0), func.max(Encounter.started_at)).where(
    Encounter.patient_id.in_(IDS), ~Encounter.deleted, Encounter.started_at >= bindparam("since_at", type_=DateTime),
    Encounter.started_at <= bindparam("end_at", type_=DateTime))
_RFM_CHECKUPS = select(func.count(), func.coalesce(func.sum(Checkup.amount_fen), 0), func.max(Checkup.checkup_date)).where(
    Checkup.patient_id.in_(IDS), ~Checkup.deleted, Checkup.checkup_date >= bindparam("since_day", type_=Date),
    Checkup.checkup_date <= bindparam("today", type_=Date))
_OPEN_CASES = (
    select(Complaint.id, Complaint.case_no, Complaint.subject, Complaint.resolve_due)
    .where(Complaint.patient_id.in_(IDS), ~Complaint.deleted, Complaint.state.in_(OPEN_COMPLAINTS))
    .order_by(Complaint.resolve_due)
)
_TASK_DUE = func.coalesce(FollowUpTask.callback_at, FollowUpTask.due_at, type_=DateTime)
_DUE_TASKS = (
    select(FollowUpTask.id, FollowUpRule.name, _TASK_DUE.label("due"))
    .outerjoin(FollowUpRule, FollowUpRule.id == FollowUpTask.rule_id)
    .where(FollowUpTask.patient_id.in_(IDS), ~FollowUpTask.deleted, FollowUpTask.state.in_(OPEN_TASKS),
           bindparam("day_end", type_=DateTime) >= _TASK_DUE)
    .order_by(_TASK_DUE)
)
_BOOKINGS = (
    select(Booking.id, Booking.state, Slot.day, Slot.period, func.coalesce(Package.name, Department.name).label("title"),
           Slot.resource)
    .join(Slot, Slot.id == Booking.slot_id)
    .outerjoin(Package, Package.id == Slot.resource_id)
    .outerjoin(Department, Department.id == Slot.resource_id)
    .where(Booking.patient_id.in_(IDS), ~Booking.deleted)
)
_SOON_BOOKINGS = _BOOKINGS.where(
    Booking.state.in_(ACTIVE_BOOKINGS), Slot.day >= bindparam("today", type_=Date),
    Slot.day < bindparam("booking_end", type_=Date)).order_by(Slot.day, Slot.period)
_DISCHARGES = (
    select(Encounter.id, Department.name, Encounter.discharged_at)
    .outerjoin(Department, Department.id == Encounter.department_id)
    .where(Encounter.patient_id.in_(IDS), ~Encounter.deleted,
           Encounter.discharged_at >= bindparam("discharged_from", type_=DateTime),
           Encounter.discharged_at <= bindparam("now", type_=DateTime))
    .order_by(Encounter.discharged_at.desc())
)
_MERGED = (
    select(Patient.id, Patient.name, Patient.customer_no)
    .where(Patient.merged_into_id == bindparam("pid"), ~Patient.deleted).order_by(Patient.customer_no)
)
_MERGE_AUDITS = (
    select(AuditEvent.id, AuditEvent.at, AuditEvent.details)
    .where(AuditEvent.action == "patient_merged", AuditEvent.entity_id == bindparam("pid"))
    .order_by(AuditEvent.at)
)


def load_profile(db: Database, patient_id: str, *, today: date, now: datetime | None = None) -> Profile:
    """The profile of one patient as of `today` (`now` decides what is overdue; default: today, now).

    Raise `PatientNotFound` when the record is missing or deleted.
    """
    now = now or datetime.combine(today, datetime.now().time())
    with db.session() as s:
        row = s.execute(_PATIENT, {"pid": patient_id}).first()
        if row is None or row.deleted:
            raise PatientNotFound(patient_id)
        ids = tuple(related_ids_in(s, patient_id)) or (patient_id,)
        params = {"ids": list(ids), "pid": patient_id}
        phones = _phones(s, params)
        rfm = _rfm(s, params, today)
        alerts = _alerts(s, params, today, now, row.deceased_on)
        merged = _merged_records(s, params) if len(ids) > 1 else ()
    return Profile(
        patient_id=row.id, patient_ids=ids, customer_no=row.customer_no, name=row.name, sex=row.sex,
        birth_date=row.birth_date, age=age_on(row.birth_date, today),
        masked_national_id=mask_national_id(row.national_id) if row.national_id else "",
        national_id=row.national_id, phones=phones, vip_level=row.vip_level or 0, points=row.points or 0,
        rfm=rfm, customer_type=row.customer_type, tags=tuple(row.tags or ()),
        consent=Consent(bool(row.consent_sms), bool(row.consent_wechat), bool(row.consent_phone),
                        bool(row.consent_data_use)),
        organization=row.organization, deceased_on=row.deceased_on, merged_into_id=row.merged_into_id,
        alerts=alerts, merged_records=merged,
    )  # fmt: skip


def _merged_records(s: Session, params: dict[str, Any]) -> tuple[MergedRecord, ...]:
    """Records merged straight into the patient, each with its latest `patient_merged` audit entry."""
    rows = s.execute(_MERGED, params).all()
    audits = s.execute(_MERGE_AUDITS, params).all()
    latest = {str((a.details or {}).get("merge_id")): (a.id, a.at) for a in audits}
    return tuple(MergedRecord(r.id, r.name, r.customer_no, *latest.get(r.id, (None, None))) for r in rows)


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _phones(s: Session, params: dict[str, Any]) -> tuple[ProfilePhone, ...]:
    rows = s.execute(_PHONES, params).all()
    seen: set[str] = set()
    phones = []
    for number, relation, contact, primary in sorted(
        rows, key=lambda r: (not r.is_primary, RELATION_ORDER.get(r.relation, 9), r.number)
    ):
        if number in seen:
            continue
        seen.add(number)
        phones.append(ProfilePhone(number, mask_phone(number), relation or "self", contact, bool(primary)))
    return tuple(phones)


def _rfm(s: Session, params: dict[str, Any], today: date) -> Rfm:
    try:
        thresholds = load_thresholds()
    except ThresholdError:  # a hand-edited file gone wrong must not take the call card down
        thresholds = Thresholds()
    since = window_start(today, thresholds)
    window = {"since_at": datetime.combine(since, time()), "end_at": datetime.combine(today, time.max),
              "since_day": since, "today": today}
    visits = s.execute(_RFM_VISITS, params | window).one()
    checkups = s.execute(_RFM_CHECKUPS, params | window).one()
    last_days = [(today - _as_date(v)).days for v in (visits[2], checkups[2]) if v is not None]
    recency = min(last_days) if last_days else None
    monetary = int(visits[1]) + int(checkups[1])
    frequency = int(visits[0]) + int(checkups[0])
    return Rfm(recency, frequency, monetary, value_tier(recency, frequency, monetary, thresholds))


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])  # max() over a column can come back as text in SQLite


def _as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _alerts(s: Session, params: dict[str, Any], today: date, now: datetime,
            deceased: date | None) -> tuple[Alert, ...]:
    start = datetime.combine(today, time())
    window = params | {
        "now": now, "today": today, "day_end": datetime.combine(today, time.max),
        "booking_end": today + timedelta(days=BOOKING_DAYS),
        "discharged_from": datetime.combine(today - timedelta(days=DISCHARGE_DAYS), time()),
    }  # fmt: skip
    alerts = [Alert("deceased", datetime.combine(deceased, time()), "", "")] if deceased is not None else []
    alerts += [Alert("complaint", due, subject, cid, due is not None and due < now, case_no)
               for cid, case_no, subject, due in s.execute(_OPEN_CASES, window)]
    alerts += [Alert("followup", _as_datetime(due), name or "", tid, _as_datetime(due) < start)
               for tid, name, due in s.execute(_DUE_TASKS, window)]
    alerts += [Alert("booking", _slot_time(r.day, r.period), r.title or "", r.id)
               for r in s.execute(_SOON_BOOKINGS, window)]
    alerts += [Alert("discharge", at, name or "", eid) for eid, name, at in s.execute(_DISCHARGES, window)]
    return tuple(alerts)


def _slot_time(day: date, period: str) -> datetime:
    return datetime.combine(day, PERIOD_START.get(period, time(8, 0)))


# --- the timeline ------------------------------------------------------------------------------------


def timeline_page(
    db: Database,
    patient_ids: Iterable[str],
    *,
    kinds: set[str] | None = None,
    before: datetime | None = None,
    before_id: str | None = None,
    limit: int = 50,
) -> list[TimelineItem]:
    """Up to `limit` history items of `patient_ids` (all `kinds` when None), newest first.

    Keyset pagination: pass the last item's `at` as `before` and its `ref_id` as `before_id` for the next
    page (`before` alone skips everything at that instant or later).
    """
    ids = list(dict.fromkeys(patient_ids))
    if not ids or limit <= 0:
        return []
    wanted = TIMELINE_KINDS if kinds is None else tuple(k for k in TIMELINE_KINDS if k in kinds)
    params: dict[str, Any] = {"ids": ids, "lim": limit}
    if before is not None:
        params |= {"b_at": before, "b_id": before_id or "", "b_day": before.date()}
        params |= {"earlier": [p for p, t in PERIOD_START.items() if t < before.time()],
                   "same": [p for p, t in PERIOD_START.items() if t == before.time()]}
    items: list[TimelineItem] = []
    with db.session() as s:
        for kind in wanted:
            make = MAKERS[kind]
            items += [make(row) for row in s.execute(_page_statement(kind, _variant(kind, before)), params)]
    items.sort(key=lambda item: (item.at, item.ref_id), reverse=True)
    return items[:limit]


def _variant(kind: str, before: datetime | None) -> str:
    """Which keyset condition a page needs: none (first page), or by time and id; checkups are dated, so
    a key later than midnight takes the whole day."""
    if before is None:
        return "first"
    if kind == "checkup" and before.time() != time():
        return "day"
    return "key"


def _keyset(at_col: Any, id_col: Any) -> Any:
    """(at, id) < (:b_at, :b_id), a row-value comparison SQLite answers from the (patient_id, at) index."""
    return tuple_(at_col, id_col) < tuple_(bindparam("b_at", type_=at_col.type), bindparam("b_id", type_=String))


@functools.cache
def _page_statement(kind: str, variant: str) -> Select[Any]:
    base, at_col, id_col, order = PAGE_QUERIES[kind]()
    if variant == "key" and kind == "checkup":
        cond = tuple_(Checkup.checkup_date, Checkup.id) < tuple_(bindparam("b_day", type_=Date),
                                                                  bindparam("b_id", type_=String))
    elif variant == "key" and kind == "booking":
        day = bindparam("b_day", type_=Date)
        cond = or_(Slot.day < day, and_(Slot.day == day, Slot.period.in_(bindparam("earlier", expanding=True))),
                   and_(Slot.day == day, Slot.period.in_(bindparam("same", expanding=True)),
                        Booking.id < bindparam("b_id", type_=String)))
    elif variant == "key":
        cond = _keyset(at_col, id_col)
    elif variant == "day":
        cond = Checkup.checkup_date <= bindparam("b_day", type_=Date)
    else:
        cond = true()
    return base.where(cond).order_by(*order).limit(bindparam("lim", type_=Integer))


PageQuery = tuple[Any, Any, Any, tuple[Any, ...]]  # statement, time column, id column, order


def _encounter_query() -> PageQuery:
    query = (
        select(Encounter.id, Encounter.kind, Encounter.started_at, Encounter.diagnoses, Encounter.surgery,
               Encounter.amount_fen, Department.name.label("dept"))
        .outerjoin(Department, Department.id == Encounter.department_id)
        .where(Encounter.patient_id.in_(IDS), ~Encounter.deleted)
    )
    return query, Encounter.started_at, Encounter.id, (Encounter.started_at.desc(), Encounter.id.desc())


def _checkup_query() -> PageQuery:
    query = (
        select(Checkup.id, Checkup.checkup_date, Checkup.amount_fen, Checkup.abnormal_findings, Checkup.risk_level,
               Package.name.label("package"))
        .outerjoin(Package, Package.id == Checkup.package_id)
        .where(Checkup.patient_id.in_(IDS), ~Checkup.deleted)
    )
    return query, Checkup.checkup_date, Checkup.id, (Checkup.checkup_date.desc(), Checkup.id.desc())


def _interaction_query() -> PageQuery:
    query = (
        select(Interaction.id, Interaction.type, Interaction.started_at, Interaction.category, Interaction.summary)
        .where(Interaction.patient_id.in_(IDS), ~Interaction.deleted)
    )
    return query, Interaction.started_at, Interaction.id, (Interaction.started_at.desc(), Interaction.id.desc())


def _complaint_query() -> PageQuery:
    query = (
        select(Complaint.id, Complaint.case_no, Complaint.subject, Complaint.opened_at, Complaint.state,
               Complaint.category)
        .where(Complaint.patient_id.in_(IDS), ~Complaint.deleted)
    )
    return query, Complaint.opened_at, Complaint.id, (Complaint.opened_at.desc(), Complaint.id.desc())


def _booking_query() -> PageQuery:
    return _BOOKINGS, None, None, (Slot.day.desc(), Slot.period.desc(), Booking.id.desc())


def _followup_query() -> PageQuery:
    query = (
        select(FollowUpTask.id, FollowUpTask.due_at, FollowUpTask.state, FollowUpTask.outcome,
               FollowUpRule.name.label("rule"))
        .outerjoin(FollowUpRule, FollowUpRule.id == FollowUpTask.rule_id)
        .where(FollowUpTask.patient_id.in_(IDS), ~FollowUpTask.deleted)
    )
    return query, FollowUpTask.due_at, FollowUpTask.id, (FollowUpTask.due_at.desc(), FollowUpTask.id.desc())


def _survey_query() -> PageQuery:
    query = (
        select(SurveyResponse.id, SurveyResponse.submitted_at, SurveyResponse.score, SurveyResponse.red_flag,
               Questionnaire.name.label("questionnaire"))
        .outerjoin(Questionnaire, Questionnaire.id == SurveyResponse.questionnaire_id)
        .where(SurveyResponse.patient_id.in_(IDS), ~SurveyResponse.deleted)
    )
    return query, SurveyResponse.submitted_at, SurveyResponse.id, (SurveyResponse.submitted_at.desc(),
                                                                   SurveyResponse.id.desc())


PAGE_QUERIES: dict[str, Callable[[], PageQuery]] = {
    "encounter": _encounter_query, "checkup": _checkup_query, "interaction": _interaction_query,
    "complaint": _complaint_query, "booking": _booking_query, "followup": _followup_query,
    "survey": _survey_query,
}  # fmt: skip


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


MAKERS: dict[str, Callable[[Any], TimelineItem]] = {
    "encounter": lambda r: TimelineItem(
        "encounter", r.started_at, r.dept or "", _joined(", ".join(r.diagnoses or ()), r.surgery or "",
                                                          money(r.amount_fen)), r.id, r.kind),
    "checkup": lambda r: TimelineItem(
        "checkup", datetime.combine(r.checkup_date, time()), r.package or "",
        _joined("、".join(r.abnormal_findings or ()), money(r.amount_fen)), r.id, r.risk_level or ""),
    "interaction": lambda r: TimelineItem("interaction", r.started_at, r.category or "", r.summary or "", r.id,
                                          r.type),
    "complaint": lambda r: TimelineItem("complaint", r.opened_at, r.subject, _joined(r.case_no, r.category or ""),
                                        r.id, r.state),
    "booking": lambda r: TimelineItem("booking", _slot_time(r.day, r.period), r.title or "", r.resource or "", r.id,
                                      r.state),
    "followup": lambda r: TimelineItem("followup", r.due_at, r.rule or "", r.outcome or "", r.id, r.state),
    "survey": lambda r: TimelineItem("survey", r.submitted_at, r.questionnaire or "",
                                     "" if r.score is None else f"{r.score:g}", r.id,
                                     "red_flag" if r.red_flag else ""),
}


def money(fen: int | None) -> str:
    """¥1,234.50 (empty for nothing)."""
    if not fen:
        return ""
    return f"¥{fen / 100:,.2f}"


# --- callers for the simulator -----------------------------------------------------------------------


def sample_caller(db: Database, *, family: bool, rng: Any) -> tuple[str, str] | None:
    """A random filed number and its owner's name: a patient's own (`family` False) or a family member's.

    For the phone simulator (demo, training) and the benchmarks; one indexed probe by rowid, whatever the
    size of the table. `rng` is a `random.Random`.
    """
    rowid: Any = literal_column("patient_phones.rowid")
    with db.session() as s:
        top = s.scalar(select(func.max(rowid)).select_from(PatientPhone)) or 0
        if not top:
            return None
        relation = PatientPhone.relation != "self" if family else PatientPhone.relation == "self"
        for start in (rng.randint(1, top), 1):
            row = s.execute(
                select(PatientPhone.number, func.coalesce(PatientPhone.contact_name, Patient.name))
                .join(Patient, Patient.id == PatientPhone.patient_id)
                .where(rowid >= start, relation, ~PatientPhone.deleted, ~Patient.deleted,
                       Patient.merged_into_id.is_(None))
                .order_by(rowid).limit(1)
            ).first()
            if row is not None:
                return str(row[0]), str(row[1] or "")
    return None
