"""What the wrap-up form says: type names, severities, channels and the error codes of `services.recording`
in the user's language. Category and disposition names come from the category file (zh and en there)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "WrapUpWords"
TYPES = {  # in the order of the type buttons and their shortcuts Alt+1..Alt+5
    "consultation": QT_TRANSLATE_NOOP("WrapUpWords", "Consultation"),
    "complaint": QT_TRANSLATE_NOOP("WrapUpWords", "Complaint"),
    "booking": QT_TRANSLATE_NOOP("WrapUpWords", "Booking"),
    "praise": QT_TRANSLATE_NOOP("WrapUpWords", "Praise"),
    "other": QT_TRANSLATE_NOOP("WrapUpWords", "Other"),
}
TYPE_KEYS = {code: f"Alt+{n}" for n, code in enumerate(TYPES, start=1)}
SEVERITIES = {
    "low": QT_TRANSLATE_NOOP("WrapUpWords", "Low"),
    "medium": QT_TRANSLATE_NOOP("WrapUpWords", "Medium"),
    "high": QT_TRANSLATE_NOOP("WrapUpWords", "High"),
    "critical": QT_TRANSLATE_NOOP("WrapUpWords", "Critical"),
}
CHANNELS = {
    "walk_in": QT_TRANSLATE_NOOP("WrapUpWords", "Walk-in"),
    "phone": QT_TRANSLATE_NOOP("WrapUpWords", "Phone"),
    "sms": QT_TRANSLATE_NOOP("WrapUpWords", "SMS"),
    "wechat": QT_TRANSLATE_NOOP("WrapUpWords", "WeChat"),
    "web": QT_TRANSLATE_NOOP("WrapUpWords", "Web"),
}
ERRORS = {
    "required": QT_TRANSLATE_NOOP("WrapUpWords", "Required"),
    "invalid": QT_TRANSLATE_NOOP("WrapUpWords", "Not valid"),
    "missing": QT_TRANSLATE_NOOP("WrapUpWords", "No longer exists; choose again"),
    "too_long": QT_TRANSLATE_NOOP("WrapUpWords", "Too long"),
    "emoji": QT_TRANSLATE_NOOP("WrapUpWords", "No emoji or symbols, please: remove them to save"),
    "characters": QT_TRANSLATE_NOOP("WrapUpWords", "Contains characters that are not allowed"),
    "phone_invalid": QT_TRANSLATE_NOOP("WrapUpWords", "Not a phone number"),
    "in_future": QT_TRANSLATE_NOOP("WrapUpWords", "Lies in the future"),
    "ended_before_started": QT_TRANSLATE_NOOP("WrapUpWords", "Ends before it starts"),
    "patient_deleted": QT_TRANSLATE_NOOP(
        "WrapUpWords",
        "This customer's record was deleted meanwhile. Search for the customer again, or save without one.",
    ),
    "patient_merged": QT_TRANSLATE_NOOP(
        "WrapUpWords",
        "This customer's record was merged into another one meanwhile. Use the record that remains to save.",
    ),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def type_text(code: str) -> str:
    return tr(TYPES[code]) if code in TYPES else code


def severity_text(code: str) -> str:
    return tr(SEVERITIES[code]) if code in SEVERITIES else code


def channel_text(code: str) -> str:
    return tr(CHANNELS[code]) if code in CHANNELS else code


def error_text(code: str) -> str:
    code = "patient_deleted" if code == "patient_missing" else code  # the complaint service's word for it
    return tr(ERRORS.get(code, ERRORS["invalid"]))


def language() -> str:
    """The language of names read from configuration files: "en" or "zh_CN" (the UI's, see `install_language`)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def duration_text(seconds: int | None) -> str:
    """"04:20", or "1:02:05" past an hour; "—" for nothing."""
    if seconds is None:
        return "—"
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
