"""What the call card says about timeline entries, alerts, calls and form fields, in the user's language."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.services.profile import Alert
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CallCardWords"
KINDS = {
    "encounter": QT_TRANSLATE_NOOP("CallCardWords", "Visit"),
    "checkup": QT_TRANSLATE_NOOP("CallCardWords", "Checkup"),
    "interaction": QT_TRANSLATE_NOOP("CallCardWords", "Contact"),
    "complaint": QT_TRANSLATE_NOOP("CallCardWords", "Complaint"),
    "booking": QT_TRANSLATE_NOOP("CallCardWords", "Booking"),
    "followup": QT_TRANSLATE_NOOP("CallCardWords", "Follow-up"),
    "survey": QT_TRANSLATE_NOOP("CallCardWords", "Survey"),
}
SUBS = {  # encounter kinds, interaction types, states of cases, bookings and tasks, checkup risk
    "outpatient": QT_TRANSLATE_NOOP("CallCardWords", "outpatient"),
    "inpatient": QT_TRANSLATE_NOOP("CallCardWords", "inpatient"),
    "emergency": QT_TRANSLATE_NOOP("CallCardWords", "emergency"),
    "consultation": QT_TRANSLATE_NOOP("CallCardWords", "consultation"),
    "complaint": QT_TRANSLATE_NOOP("CallCardWords", "complaint"),
    "praise": QT_TRANSLATE_NOOP("CallCardWords", "praise"),
    "booking": QT_TRANSLATE_NOOP("CallCardWords", "booking"),
    "follow_up": QT_TRANSLATE_NOOP("CallCardWords", "follow-up"),
    "other": QT_TRANSLATE_NOOP("CallCardWords", "other"),
    "new": QT_TRANSLATE_NOOP("CallCardWords", "new"),
    "acknowledged": QT_TRANSLATE_NOOP("CallCardWords", "acknowledged"),
    "in_progress": QT_TRANSLATE_NOOP("CallCardWords", "in progress"),
    "resolved": QT_TRANSLATE_NOOP("CallCardWords", "resolved"),
    "closed": QT_TRANSLATE_NOOP("CallCardWords", "closed"),
    "booked": QT_TRANSLATE_NOOP("CallCardWords", "booked"),
    "rescheduled": QT_TRANSLATE_NOOP("CallCardWords", "rescheduled"),
    "cancelled": QT_TRANSLATE_NOOP("CallCardWords", "cancelled"),
    "no_show": QT_TRANSLATE_NOOP("CallCardWords", "no-show"),
    "completed": QT_TRANSLATE_NOOP("CallCardWords", "completed"),
    "open": QT_TRANSLATE_NOOP("CallCardWords", "open"),
    "callback": QT_TRANSLATE_NOOP("CallCardWords", "call back"),
    "done": QT_TRANSLATE_NOOP("CallCardWords", "done"),
    "lost": QT_TRANSLATE_NOOP("CallCardWords", "lost to follow-up"),
    "red_flag": QT_TRANSLATE_NOOP("CallCardWords", "red flag"),
    "no_answer": QT_TRANSLATE_NOOP("CallCardWords", "no answer"),
    "busy": QT_TRANSLATE_NOOP("CallCardWords", "busy"),
    "wrong_number": QT_TRANSLATE_NOOP("CallCardWords", "wrong number"),
    "refused": QT_TRANSLATE_NOOP("CallCardWords", "refused"),
    "deceased": QT_TRANSLATE_NOOP("CallCardWords", "patient deceased"),
    "none": "",
    "low": QT_TRANSLATE_NOOP("CallCardWords", "low risk"),
    "medium": QT_TRANSLATE_NOOP("CallCardWords", "medium risk"),
    "high": QT_TRANSLATE_NOOP("CallCardWords", "high risk"),
    "critical": QT_TRANSLATE_NOOP("CallCardWords", "critical risk"),
}
CALL_STATES = {
    "ringing": QT_TRANSLATE_NOOP("CallCardWords", "Ringing"),
    "answered": QT_TRANSLATE_NOOP("CallCardWords", "Answered"),
    "ended": QT_TRANSLATE_NOOP("CallCardWords", "Ended"),
}
FIELD_ERRORS = {  # validate_new_patient codes (and the form's own for a birth date it cannot read)
    "required": QT_TRANSLATE_NOOP("CallCardWords", "Required"),
    "invalid": QT_TRANSLATE_NOOP("CallCardWords", "Not valid"),
    "too_long": QT_TRANSLATE_NOOP("CallCardWords", "Too long"),
    "emoji": QT_TRANSLATE_NOOP("CallCardWords", "No emoji or symbols, please"),
    "characters": QT_TRANSLATE_NOOP("CallCardWords", "Contains characters that are not allowed"),
    "phone_invalid": QT_TRANSLATE_NOOP("CallCardWords", "Not a phone number"),
    "national_id_length": QT_TRANSLATE_NOOP("CallCardWords", "Must have 18 (or 15) characters"),
    "national_id_characters": QT_TRANSLATE_NOOP("CallCardWords", "Contains characters that are not allowed"),
    "national_id_region": QT_TRANSLATE_NOOP("CallCardWords", "Unknown region code"),
    "national_id_birth_date": QT_TRANSLATE_NOOP("CallCardWords", "Contains an impossible birth date"),
    "national_id_checksum": QT_TRANSLATE_NOOP("CallCardWords", "Check digit does not match"),
    "national_id_sex_mismatch": QT_TRANSLATE_NOOP("CallCardWords", "Does not match the sex in the national id"),
    "national_id_birth_mismatch": QT_TRANSLATE_NOOP("CallCardWords",
                                                    "Does not match the birth date in the national id"),
    "birth_date_future": QT_TRANSLATE_NOOP("CallCardWords", "Lies in the future"),
    "birth_date_invalid": QT_TRANSLATE_NOOP("CallCardWords", "Not a date (YYYY-MM-DD after 1900)"),
}
LIST_SEPARATOR = QT_TRANSLATE_NOOP("CallCardWords", ", ")
REASONS = {  # why find_duplicates thinks two records are one person
    "same_national_id": QT_TRANSLATE_NOOP("CallCardWords", "same national id"),
    "same_phone_similar_name": QT_TRANSLATE_NOOP("CallCardWords", "same phone and a similar name"),
    "same_pinyin_and_birth_date": QT_TRANSLATE_NOOP("CallCardWords", "same name pinyin and birth date"),
}
IDENTITY_ERRORS = {  # IdentityError codes of a merge or an undo
    "same_patient": QT_TRANSLATE_NOOP("CallCardWords", "a record cannot be merged into itself"),
    "not_found": QT_TRANSLATE_NOOP("CallCardWords", "one of the records no longer exists"),
    "already_merged": QT_TRANSLATE_NOOP("CallCardWords", "one of the records was already merged"),
    "not_allowed": QT_TRANSLATE_NOOP("CallCardWords", "only an administrator may do this"),
    "not_merged": QT_TRANSLATE_NOOP("CallCardWords", "the records are no longer merged"),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def word(words: dict[str, str], code: str) -> str:
    source = words.get(code)
    return tr(source) if source else ("" if code in words else code)


def kind_text(kind: str) -> str:
    return word(KINDS, kind)


def sub_text(sub: str) -> str:
    return word(SUBS, sub)


def call_state_text(state: str) -> str:
    return word(CALL_STATES, state)


def field_error_text(code: str) -> str:
    return tr(FIELD_ERRORS[code]) if code in FIELD_ERRORS else tr(FIELD_ERRORS["invalid"])


def identity_error_text(code: str) -> str:
    return word(IDENTITY_ERRORS, code)


def reasons_text(reasons: tuple[str, ...]) -> str:
    return tr(LIST_SEPARATOR).join(word(REASONS, r) for r in reasons)


def when(value: datetime | date | None, *, with_time: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if with_time and (value.hour, value.minute) != (0, 0):
            return value.strftime("%Y-%m-%d %H:%M")
        return value.strftime("%Y-%m-%d")
    return value.strftime("%Y-%m-%d")


ALERTS = {
    "deceased": QT_TRANSLATE_NOOP("CallCardWords", "Deceased on {date}"),
    "complaint_overdue": QT_TRANSLATE_NOOP("CallCardWords", "Complaint {case} overdue (due {due}): {subject}"),
    "complaint": QT_TRANSLATE_NOOP("CallCardWords", "Open complaint {case} (due {due}): {subject}"),
    "followup_overdue": QT_TRANSLATE_NOOP("CallCardWords", "Follow-up overdue since {due}: {subject}"),
    "followup": QT_TRANSLATE_NOOP("CallCardWords", "Follow-up due {due}: {subject}"),
    "booking": QT_TRANSLATE_NOOP("CallCardWords", "Booked for {due}: {subject}"),
    "discharge": QT_TRANSLATE_NOOP("CallCardWords", "Discharged {due} from {subject}"),
}


def alert_text(alert: Alert) -> str:
    """One line per alert, e.g. "投诉 TS0001 已超时（应于 2026-11-25 10:00 前办结）：等候时间长"."""
    key = f"{alert.kind}_overdue" if alert.overdue and f"{alert.kind}_overdue" in ALERTS else alert.kind
    if key not in ALERTS:
        return f"{alert.kind} {when(alert.at)} {alert.subject}"
    return tr(ALERTS[key]).format(date=when(alert.at, with_time=False), due=when(alert.at) or "—",
                                  case=alert.ref_no, subject=alert.subject)
