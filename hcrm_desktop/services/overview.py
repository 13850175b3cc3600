"""Today's figures for the workbench and the customers screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from hcrm_desktop.domain.enums import BookingState, ComplaintState, TaskState
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Booking, Complaint, FollowUpTask, Patient, Slot

OPEN_COMPLAINTS = (ComplaintState.NEW, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS)
OPEN_TASKS = (TaskState.OPEN, TaskState.IN_PROGRESS, TaskState.CALLBACK)
ACTIVE_BOOKINGS = (BookingState.BOOKED, BookingState.RESCHEDULED)


@dataclass(frozen=True)
class WorkbenchCounts:
    patients: int
    open_complaints: int
    overdue_complaints: int
    due_followups: int  # due today or overdue
    bookings_next_7_days: int


def count_patients(db: Database) -> int:
    """Customers in the cache: neither tombstoned nor merged into another record."""
    with db.session() as s:
        query = select(func.count()).select_from(Patient).where(~Patient.deleted, Patient.merged_into_id.is_(None))
        return int(s.scalar(query) or 0)


def workbench_counts(db: Database, today: date | None = None) -> WorkbenchCounts:
    today = today or date.today()
    with db.session() as s:
        open_q = select(func.count()).select_from(Complaint).where(
            Complaint.state.in_(OPEN_COMPLAINTS), ~Complaint.deleted
        )
        open_complaints = s.scalar(open_q) or 0
        overdue = s.scalar(open_q.where(Complaint.resolve_due < datetime.combine(today, time()))) or 0
        due = s.scalar(
            select(func.count()).select_from(FollowUpTask).where(
                FollowUpTask.state.in_(OPEN_TASKS),
                FollowUpTask.due_at <= datetime.combine(today, time.max),
                ~FollowUpTask.deleted,
            )
        ) or 0
        bookings = s.scalar(
            select(func.count()).select_from(Booking).join(Slot, Slot.id == Booking.slot_id).where(
                Booking.state.in_(ACTIVE_BOOKINGS),
                Slot.day >= today,
                Slot.day < today + timedelta(days=7),
                ~Booking.deleted,
            )
        ) or 0
    return WorkbenchCounts(count_patients(db), open_complaints, overdue, due, bookings)
