"""Words of the bookings screen: booking states, periods, and the refusal codes of `BookingError`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "BookingWords"
STATES = {
    "booked": QT_TRANSLATE_NOOP("BookingWords", "Booked"),
    "rescheduled": QT_TRANSLATE_NOOP("BookingWords", "Rescheduled"),
    "cancelled": QT_TRANSLATE_NOOP("BookingWords", "Cancelled"),
    "no_show": QT_TRANSLATE_NOOP("BookingWords", "No-show"),
    "completed": QT_TRANSLATE_NOOP("BookingWords", "Completed"),
}
PERIODS = {
    "am": QT_TRANSLATE_NOOP("BookingWords", "Morning"),
    "pm": QT_TRANSLATE_NOOP("BookingWords", "Afternoon"),
}
RESOURCES = {
    "package": QT_TRANSLATE_NOOP("BookingWords", "Checkup package"),
    "clinic": QT_TRANSLATE_NOOP("BookingWords", "Specialist clinic"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("BookingWords", "Mon"), QT_TRANSLATE_NOOP("BookingWords", "Tue"), QT_TRANSLATE_NOOP("BookingWords", "Wed"),
    QT_TRANSLATE_NOOP("BookingWords", "Thu"), QT_TRANSLATE_NOOP("BookingWords", "Fri"), QT_TRANSLATE_NOOP("BookingWords", "Sat"),
    QT_TRANSLATE_NOOP("BookingWords", "Sun"),
)  # fmt: skip
ERRORS = {
    "slot_full": QT_TRANSLATE_NOOP("BookingWords", "This slot is full. Choose another day or period."),
    "in_past": QT_TRANSLATE_NOOP("BookingWords", "This day and period are already over."),
    "sex_restricted": QT_TRANSLATE_NOOP("BookingWords", "This package is for the other sex only."),
    "already_booked": QT_TRANSLATE_NOOP("BookingWords", "The customer is already booked for this day."),
    "patient_deceased": QT_TRANSLATE_NOOP("BookingWords", "The customer is recorded as deceased."),
    "patient_merged": QT_TRANSLATE_NOOP("BookingWords", "This record was merged into another one; search again."),
    "patient_not_found": QT_TRANSLATE_NOOP("BookingWords", "The customer record no longer exists."),
    "slot_not_found": QT_TRANSLATE_NOOP("BookingWords", "This slot no longer exists."),
    "booking_not_found": QT_TRANSLATE_NOOP("BookingWords", "This booking no longer exists."),
    "transition_not_allowed": QT_TRANSLATE_NOOP("BookingWords", "Not possible in the booking's current state."),
    "too_early": QT_TRANSLATE_NOOP("BookingWords", "Only possible from the day of the booking on."),
    "same_slot": QT_TRANSLATE_NOOP("BookingWords", "Choose a different slot to move the booking to."),
    "required": QT_TRANSLATE_NOOP("BookingWords", "Required."),
    "too_long": QT_TRANSLATE_NOOP("BookingWords", "Too long."),
    "emoji": QT_TRANSLATE_NOOP("BookingWords", "Emoji and symbols cannot be saved here."),
    "not_allowed": QT_TRANSLATE_NOOP("BookingWords", "Only supervisors and administrators may do this."),
    "below_booked": QT_TRANSLATE_NOOP("BookingWords", "The capacity cannot be lower than the places already booked."),
    "invalid": QT_TRANSLATE_NOOP("BookingWords", "Not a valid value."),
    "no_patient": QT_TRANSLATE_NOOP("BookingWords", "Choose a customer first."),
    "no_slot": QT_TRANSLATE_NOOP("BookingWords", "Choose a day and period with places in the calendar."),
    "no_booking": QT_TRANSLATE_NOOP("BookingWords", "Choose a booking in the list first."),
    "not_found": QT_TRANSLATE_NOOP("BookingWords", "This entry no longer exists."),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def state_text(code: str) -> str:
    return _tr(STATES[code]) if code in STATES else code


def period_text(code: str) -> str:
    return _tr(PERIODS[code]) if code in PERIODS else code


def resource_text(code: str) -> str:
    return _tr(RESOURCES[code]) if code in RESOURCES else code


def weekday_text(index: int) -> str:
    return _tr(WEEKDAYS[index % 7])


def error_text(code: str) -> str:
    return _tr(ERRORS[code]) if code in ERRORS else code
