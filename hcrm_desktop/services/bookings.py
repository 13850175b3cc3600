"""Bookings (预约) of checkup packages and specialist clinics: book, reschedule, cancel, no-show, completed;
the free-capacity calendar; slot capacity for supervisors; the confirmation text (SMS / WeChat).

The rules are in `domain.bookings` (capacity with the VIP reserve, allowed state changes). Each write is
one transaction: the booking row and the slot's `booked` counter change together, each with its outbox
row. The central side keeps the real counter (it ignores the pushed `booked`) and rejects an overbooking
with `slot_full`, the code used here too.

`now` is the hospital's local wall-clock time (it decides what is in the past); the bookkeeping stamps
(`booked_at`, `state_changed_at`, `confirmation_sent_at`) are stored as naive UTC.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from hcrm_desktop import paths
from hcrm_desktop.domain.bookings import (
    NOTES_MAX,
    REASON_MAX,
    WEEKDAYS,
    BookingError,
    TemplateError,
    TemplateSet,
    check_bookable_time,
    check_capacity,
    check_outcome_time,
    check_patient,
    check_sex,
    check_slot_settings,
    check_transition,
    clean_text,
    date_text,
    free_places,
    honorific_name,
    is_vip,
    parse_templates,
    render,
    sms_segments,
)
from hcrm_desktop.domain.enums import BookingState, DayPeriod, Role, SlotResource
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Booking, Department, Package, Patient, Slot, StaffUser

TEMPLATES_FILE = ("recording", "templates.json")
MAX_RANGE_DAYS = 92
SLOT_ROLES = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class BookingResult:
    booking_id: str
    patient_id: str
    slot_id: str
    state: str  # BookingState
    day: date
    period: str  # DayPeriod
    resource: str  # SlotResource
    resource_id: str
    rescheduled_from_id: str | None = None


@dataclass(frozen=True)
class BookableResource:
    """A checkup package or a clinic (department) that slots can be booked for."""

    resource: str  # SlotResource
    resource_id: str
    code: str
    name: str
    sex: str | None = None  # a package for one sex only
    price_fen: int | None = None


@dataclass(frozen=True)
class CalendarCell:
    """One day and period of a package or clinic: capacity and what is left."""

    slot_id: str
    day: date
    period: str
    capacity: int
    vip_reserved: int
    booked: int
    free: int  # open to anybody
    vip_free: int  # open to a VIP customer (includes `free`)
    doctor_name: str | None = None

    @property
    def fill(self) -> float:
        return self.booked / self.capacity if self.capacity else 1.0


@dataclass(frozen=True)
class BookingRow:
    booking_id: str
    patient_id: str
    patient_name: str
    customer_no: str
    vip_level: int
    resource: str
    resource_id: str
    resource_name: str
    day: date
    period: str
    state: str
    booked_at: datetime
    notes: str | None
    confirmation_sent_at: datetime | None
    doctor_name: str | None = None


@dataclass(frozen=True)
class SlotsResult:
    created: int
    updated: int


@dataclass(frozen=True)
class Confirmation:
    booking_id: str
    channel: str  # sms | wechat
    text: str
    length: int
    segments: int  # SMS segments (0 for WeChat)
    consent: bool  # the patient agreed to messages on this channel
    sent_at: datetime | None


def utc_stamp(now: datetime) -> datetime:
    """A naive local time as naive UTC (the bookkeeping convention of models.py)."""
    return now.astimezone(UTC).replace(tzinfo=None)


# --- loading and checking ---------------------------------------------------------------------------


def _patient(s: Session, patient_id: str) -> Patient:
    patient = s.get(Patient, patient_id)
    check_patient(exists=patient is not None and not patient.deleted,
                  deceased=patient is not None and patient.deceased_on is not None,
                  merged=patient is not None and patient.merged_into_id is not None)
    assert patient is not None
    return patient


def _slot(s: Session, slot_id: str) -> Slot:
    slot = s.get(Slot, slot_id)
    if slot is None or slot.deleted:
        raise BookingError("slot", "slot_not_found")
    return slot


def _booking(s: Session, booking_id: str) -> Booking:
    booking = s.get(Booking, booking_id)
    if booking is None or booking.deleted:
        raise BookingError("booking", "booking_not_found")
    return booking


def _already_booked(s: Session, patient_id: str, slot: Slot, ignore: str | None) -> bool:
    """An active booking of this patient in this slot, or for the same package/clinic on the same day."""
    query = (
        select(Booking.id).join(Slot, Slot.id == Booking.slot_id)
        .where(Booking.patient_id == patient_id, Booking.state == BookingState.BOOKED, ~Booking.deleted,
               or_(Booking.slot_id == slot.id,
                   and_(Slot.day == slot.day, Slot.resource == slot.resource, Slot.resource_id == slot.resource_id)))
    )
    if ignore is not None:
        query = query.where(Booking.id != ignore)
    return s.scalar(query.limit(1)) is not None


def _check_new(s: Session, patient: Patient, slot: Slot, now: datetime, *, ignore: str | None = None) -> None:
    check_bookable_time(slot.day, slot.period, now)
    if slot.resource == SlotResource.PACKAGE:
        package = s.get(Package, slot.resource_id)
        check_sex(package.sex if package is not None else None, patient.sex)
    if _already_booked(s, patient.id, slot, ignore):
        raise BookingError("slot", "already_booked")
    check_capacity(slot.capacity, slot.vip_reserved, slot.booked, vip=is_vip(patient.vip_level))


def _result(booking: Booking, slot: Slot) -> BookingResult:
    return BookingResult(booking.id, booking.patient_id, slot.id, booking.state, slot.day, slot.period,
                         slot.resource, slot.resource_id, booking.rescheduled_from_id)


def _changes(result: BookingResult, *ids: str) -> Changes:
    return Changes(frozenset({"bookings", "slots"}), frozenset({result.booking_id, result.slot_id, *ids}),
                   frozenset({result.patient_id}))


# --- writes -----------------------------------------------------------------------------------------


def book(db: Database, *, actor_id: str | None, patient_id: str, slot_id: str, notes: str | None = None,
         now: datetime, interaction_id: str | None = None) -> tuple[BookingResult, Changes]:
    """Book a place in a slot for a patient (refusals: see `BookingError`)."""
    text = clean_text(notes, field="notes", limit=NOTES_MAX)
    stamp = utc_stamp(now)
    with db.write() as s:
        patient = _patient(s, patient_id)
        slot = _slot(s, slot_id)
        _check_new(s, patient, slot, now)
        booking = Booking(patient_id=patient.id, slot_id=slot.id, state=BookingState.BOOKED.value, booked_at=stamp,
                          booked_by_id=actor_id, notes=text, interaction_id=interaction_id, state_changed_at=stamp)
        s.add(booking)
        slot.booked += 1
        result = _result(booking, slot)
    return result, _changes(result)


def reschedule(db: Database, *, actor_id: str | None, booking_id: str, slot_id: str, now: datetime,
               notes: str | None = None) -> tuple[BookingResult, Changes]:
    """Move a booking to another slot: a new booking (`rescheduled_from_id`), the old one `rescheduled`."""
    text = clean_text(notes, field="notes", limit=NOTES_MAX)
    stamp = utc_stamp(now)
    with db.write() as s:
        old = _booking(s, booking_id)
        check_transition(old.state, BookingState.RESCHEDULED)
        if old.slot_id == slot_id:
            raise BookingError("slot", "same_slot")
        patient = _patient(s, old.patient_id)
        old_slot, slot = _slot(s, old.slot_id), _slot(s, slot_id)
        _check_new(s, patient, slot, now, ignore=old.id)
        new = Booking(patient_id=patient.id, slot_id=slot.id, state=BookingState.BOOKED.value, booked_at=stamp,
                      booked_by_id=actor_id, rescheduled_from_id=old.id, notes=text or old.notes,
                      state_changed_at=stamp)
        s.add(new)
        old.state, old.state_changed_at = BookingState.RESCHEDULED.value, stamp
        old_slot.booked = max(0, old_slot.booked - 1)
        slot.booked += 1
        result = _result(new, slot)
    return result, _changes(result, old.id, old_slot.id)


def cancel(db: Database, *, actor_id: str | None, booking_id: str, reason: str,
           now: datetime) -> tuple[BookingResult, Changes]:
    """Cancel a booking with a reason; its place is free again."""
    text = clean_text(reason, field="reason", limit=REASON_MAX, required=True)
    with db.write() as s:
        booking = _booking(s, booking_id)
        check_transition(booking.state, BookingState.CANCELLED)
        slot = _slot(s, booking.slot_id)
        booking.state, booking.state_changed_at = BookingState.CANCELLED.value, utc_stamp(now)
        booking.cancel_reason = text
        slot.booked = max(0, slot.booked - 1)
        result = _result(booking, slot)
    return result, _changes(result)


def _mark_outcome(db: Database, booking_id: str, state: BookingState, now: datetime) -> tuple[BookingResult, Changes]:
    with db.write() as s:
        booking = _booking(s, booking_id)
        check_transition(booking.state, state)
        slot = _slot(s, booking.slot_id)
        check_outcome_time(slot.day, now.date())
        booking.state, booking.state_changed_at = state.value, utc_stamp(now)  # the place stays taken
        result = _result(booking, slot)
    return result, Changes.of("bookings", booking.id, patient_id=booking.patient_id)


def mark_no_show(db: Database, *, actor_id: str | None, booking_id: str,
                 now: datetime) -> tuple[BookingResult, Changes]:
    """The patient did not come (from the slot's day on)."""
    return _mark_outcome(db, booking_id, BookingState.NO_SHOW, now)


def mark_completed(db: Database, *, actor_id: str | None, booking_id: str,
                   now: datetime) -> tuple[BookingResult, Changes]:
    """The patient came (from the slot's day on)."""
    return _mark_outcome(db, booking_id, BookingState.COMPLETED, now)


def set_capacity(db: Database, *, actor_role: str, resource: str, resource_id: str, start: date, end: date,
                 periods: tuple[str, ...], capacity: int, vip_reserved: int = 0, doctor_id: str | None = None,
                 today: date) -> tuple[SlotsResult, Changes]:
    """Create or adjust the slots of a package or clinic for each day of `start..end` and each period
    (supervisors and admins only). A capacity below the places already booked refuses the whole range."""
    if actor_role not in SLOT_ROLES:
        raise BookingError("actor", "not_allowed")
    if resource not in tuple(SlotResource) or not periods or any(p not in tuple(DayPeriod) for p in periods):
        raise BookingError("resource", "invalid")
    if end < start or (end - start).days >= MAX_RANGE_DAYS:
        raise BookingError("end", "invalid")
    if start < today:
        raise BookingError("start", "in_past")
    check_slot_settings(capacity, vip_reserved, 0)
    created, touched = 0, []
    with db.write() as s:
        existing = {(slot.day, slot.period): slot for slot in s.scalars(select(Slot).where(
            Slot.resource == resource, Slot.resource_id == resource_id, Slot.day >= start, Slot.day <= end))}
        for offset in range((end - start).days + 1):
            day = start + timedelta(days=offset)
            for period in periods:
                slot = existing.get((day, period))
                if slot is None:
                    slot = Slot(resource=resource, resource_id=resource_id, doctor_id=doctor_id, day=day,
                                period=period, capacity=capacity, vip_reserved=vip_reserved, booked=0)
                    s.add(slot)
                    created += 1
                else:
                    check_slot_settings(capacity, vip_reserved, slot.booked)
                    slot.capacity, slot.vip_reserved, slot.deleted = capacity, vip_reserved, False
                    slot.doctor_id = doctor_id or slot.doctor_id
                touched.append(slot.id)
    return SlotsResult(created, len(touched) - created), Changes(frozenset({"slots"}), frozenset(touched))


# --- reads ------------------------------------------------------------------------------------------


def bookable_resources(db: Database) -> list[BookableResource]:
    """Packages (by price), then clinical departments (by code)."""
    with db.session() as s:
        packages = s.execute(select(Package.id, Package.code, Package.name, Package.sex, Package.price_fen)
                             .where(~Package.deleted).order_by(Package.price_fen, Package.code)).all()
        clinics = s.execute(select(Department.id, Department.code, Department.name)
                            .where(~Department.deleted, Department.kind == "clinical").order_by(Department.code)).all()
    return ([BookableResource(SlotResource.PACKAGE.value, p.id, p.code, p.name, p.sex, p.price_fen) for p in packages]
            + [BookableResource(SlotResource.CLINIC.value, d.id, d.code, d.name) for d in clinics])


def calendar(db: Database, *, resource: str, resource_id: str, start: date, end: date) -> list[CalendarCell]:
    """Capacity, places booked, free and VIP-free per day and period of `start..end` (days without slots
    are left out)."""
    doctor = aliased(StaffUser)
    query = (
        select(Slot.id, Slot.day, Slot.period, Slot.capacity, Slot.vip_reserved, Slot.booked, doctor.display_name)
        .outerjoin(doctor, doctor.id == Slot.doctor_id)
        .where(Slot.resource == resource, Slot.resource_id == resource_id, Slot.day >= start, Slot.day <= end,
               ~Slot.deleted)
        .order_by(Slot.day, Slot.period)
    )
    with db.session() as s:
        rows = s.execute(query).all()
    return [CalendarCell(r.id, r.day, r.period, r.capacity, r.vip_reserved, r.booked,
                         free_places(r.capacity, r.vip_reserved, r.booked, vip=False),
                         free_places(r.capacity, r.vip_reserved, r.booked, vip=True), r.display_name)
            for r in rows]


def _bookings_query() -> Select:  # type: ignore[type-arg]
    doctor = aliased(StaffUser)
    resource_name = func.coalesce(Package.name, Department.name, "")
    return (
        select(Booking.id, Booking.patient_id, Patient.name, Patient.customer_no, Patient.vip_level, Slot.resource,
               Slot.resource_id, resource_name.label("resource_name"), Slot.day, Slot.period, Booking.state,
               Booking.booked_at, Booking.notes, Booking.confirmation_sent_at, doctor.display_name)
        .join(Slot, Slot.id == Booking.slot_id)
        .join(Patient, Patient.id == Booking.patient_id)
        .outerjoin(Package, and_(Slot.resource == SlotResource.PACKAGE.value, Package.id == Slot.resource_id))
        .outerjoin(Department, and_(Slot.resource == SlotResource.CLINIC.value, Department.id == Slot.resource_id))
        .outerjoin(doctor, doctor.id == Slot.doctor_id)
        .where(~Booking.deleted)
    )


def list_bookings(db: Database, *, start: date, end: date | None = None, patient_id: str | None = None,
                  resource: str | None = None, resource_id: str | None = None,
                  states: tuple[str, ...] = (BookingState.BOOKED.value,), offset: int = 0,
                  limit: int = 200) -> list[BookingRow]:
    """Bookings from `start` (to `end`) of one patient or one package/clinic, soonest first."""
    query = _bookings_query().where(Slot.day >= start)
    if end is not None:
        query = query.where(Slot.day <= end)
    if patient_id is not None:
        query = query.where(Booking.patient_id == patient_id)
    if resource is not None and resource_id is not None:
        query = query.where(Slot.resource == resource, Slot.resource_id == resource_id)
    if states:
        query = query.where(Booking.state.in_(states))
    query = query.order_by(Slot.day, Slot.period, Booking.booked_at, Booking.id).offset(offset).limit(limit)
    with db.session() as s:
        return [BookingRow(*row) for row in s.execute(query)]


# --- confirmation texts -----------------------------------------------------------------------------


@cache
def _templates_at(path: str) -> TemplateSet:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{path}: {exc}") from exc
    try:
        return parse_templates(data)
    except TemplateError as exc:
        raise TemplateError(f"{path}: {exc}") from exc


def load_templates(path: Path | None = None) -> TemplateSet:
    """The confirmation templates (read once, checked; a broken file raises `TemplateError`)."""
    return _templates_at(str(path or paths.resource(*TEMPLATES_FILE)))


def _confirmation_values(s: Session, booking: Booking, templates: TemplateSet) -> tuple[dict[str, str], Patient]:
    slot = _slot(s, booking.slot_id)
    patient = s.get(Patient, booking.patient_id)
    if patient is None:
        raise BookingError("patient", "patient_not_found")
    values = dict(templates.facts)
    values.update(name=honorific_name(patient.name, patient.sex), date=date_text(slot.day),
                  weekday=WEEKDAYS[slot.day.weekday()], address=templates.addresses.get(slot.resource, ""),
                  period=templates.periods.get(slot.resource, {}).get(slot.period, slot.period))
    if slot.resource == SlotResource.PACKAGE:
        package = s.get(Package, slot.resource_id)
        code = package.code if package is not None else None
        values["package"] = package.name if package is not None else ""
    else:
        department = s.get(Department, slot.resource_id)
        code = department.code if department is not None else None
        values["clinic"] = department.name if department is not None else ""
        doctor = s.get(StaffUser, slot.doctor_id) if slot.doctor_id else None
        values["doctor"] = f"{doctor.display_name}{doctor.title or '医生'}" if doctor is not None else ""
    values["preparation"] = templates.preparation_for(slot.resource, code)
    return values, patient


def confirmation(db: Database, *, booking_id: str, channel: str,
                 templates: TemplateSet | None = None) -> Confirmation:
    """The confirmation text of a booking for `channel` (sms | wechat), filled with the patient's details:
    the patient's own message, so nothing is masked."""
    templates = templates or load_templates()
    with db.session() as s:
        booking = _booking(s, booking_id)
        values, patient = _confirmation_values(s, booking, templates)
        slot_resource = s.scalar(select(Slot.resource).where(Slot.id == booking.slot_id)) or ""
        sent_at = booking.confirmation_sent_at
    template = templates.find(channel=channel, resource=slot_resource)
    if template is None:
        raise BookingError("channel", "invalid")
    text = render(template.text, values)
    consent = patient.consent_sms if channel == "sms" else patient.consent_wechat
    return Confirmation(booking_id, channel, text, len(text), sms_segments(text) if channel == "sms" else 0,
                        bool(consent), sent_at)


def mark_confirmation_sent(db: Database, *, booking_id: str, now: datetime) -> tuple[datetime, Changes]:
    """Record that the confirmation went out (the agent sent the copied text)."""
    stamp = utc_stamp(now)
    with db.write() as s:
        booking = _booking(s, booking_id)
        booking.confirmation_sent_at = stamp
        patient_id = booking.patient_id
    return stamp, Changes.of("bookings", booking_id, patient_id=patient_id)
