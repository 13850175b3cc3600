"""Words of the complaints screen: states, severities, actions, error codes, countdowns, event lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from hcrm_desktop.domain.categories import CategoryConfigError, default_categories
from hcrm_desktop.services.complaints import CaseEvent, EventKind
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "ComplaintWords"
STATES = {
    "new": QT_TRANSLATE_NOOP("ComplaintWords", "New"),
    "acknowledged": QT_TRANSLATE_NOOP("ComplaintWords", "Acknowledged"),
    "in_progress": QT_TRANSLATE_NOOP("ComplaintWords", "In progress"),
    "resolved": QT_TRANSLATE_NOOP("ComplaintWords", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("ComplaintWords", "Closed"),
}
SEVERITIES = {
    "critical": QT_TRANSLATE_NOOP("ComplaintWords", "Critical"),
    "high": QT_TRANSLATE_NOOP("ComplaintWords", "High"),
    "medium": QT_TRANSLATE_NOOP("ComplaintWords", "Medium"),
    "low": QT_TRANSLATE_NOOP("ComplaintWords", "Low"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("ComplaintWords", "Phone"),
    "wechat": QT_TRANSLATE_NOOP("ComplaintWords", "WeChat"),
    "sms": QT_TRANSLATE_NOOP("ComplaintWords", "SMS"),
    "web": QT_TRANSLATE_NOOP("ComplaintWords", "Web"),
    "walk_in": QT_TRANSLATE_NOOP("ComplaintWords", "Walk-in"),
}
ACTIONS = {
    "acknowledge": QT_TRANSLATE_NOOP("ComplaintWords", "Acknowledge"),
    "start": QT_TRANSLATE_NOOP("ComplaintWords", "Start work"),
    "resolve": QT_TRANSLATE_NOOP("ComplaintWords", "Resolve…"),
    "close": QT_TRANSLATE_NOOP("ComplaintWords", "Close…"),
    "reopen": QT_TRANSLATE_NOOP("ComplaintWords", "Reopen…"),
}
ERRORS = {
    "invalid_transition": QT_TRANSLATE_NOOP("ComplaintWords", "This step is not possible in the case's current state."),
    "role_not_allowed": QT_TRANSLATE_NOOP("ComplaintWords", "Your role may not do this."),
    "not_handler": QT_TRANSLATE_NOOP("ComplaintWords", "This case is assigned to someone else."),
    "resolution_required": QT_TRANSLATE_NOOP("ComplaintWords", "Describe how the complaint was resolved."),
    "satisfaction_required": QT_TRANSLATE_NOOP("ComplaintWords", "Choose the patient's satisfaction, or mark the patient "
                                                        "as unreachable."),
    "satisfaction_invalid": QT_TRANSLATE_NOOP("ComplaintWords", "Satisfaction must be 1 to 5, or unreachable, not both."),
    "reason_required": QT_TRANSLATE_NOOP("ComplaintWords", "Give the reason for reopening."),
    "note_required": QT_TRANSLATE_NOOP("ComplaintWords", "Write the reply first."),
    "too_long": QT_TRANSLATE_NOOP("ComplaintWords", "The text is too long."),
    "case_closed": QT_TRANSLATE_NOOP("ComplaintWords", "The case is closed."),
    "not_found": QT_TRANSLATE_NOOP("ComplaintWords", "The case or file no longer exists."),
    "stale": QT_TRANSLATE_NOOP("ComplaintWords", "Someone changed this case meanwhile; it has been reloaded."),
    "handler_invalid": QT_TRANSLATE_NOOP("ComplaintWords", "Choose an active agent or supervisor."),
    "required": QT_TRANSLATE_NOOP("ComplaintWords", "Required."),
    "emoji": QT_TRANSLATE_NOOP("ComplaintWords", "Emoji and symbols are not allowed here."),
    "characters": QT_TRANSLATE_NOOP("ComplaintWords", "Contains characters that are not allowed."),
    "invalid": QT_TRANSLATE_NOOP("ComplaintWords", "Not a valid choice."),
    "missing": QT_TRANSLATE_NOOP("ComplaintWords", "No longer exists."),
    "patient_missing": QT_TRANSLATE_NOOP("ComplaintWords", "The patient record was deleted."),
    "patient_merged": QT_TRANSLATE_NOOP("ComplaintWords", "The patient record was merged into another; choose it again."),
    "empty": QT_TRANSLATE_NOOP("ComplaintWords", "The file is empty."),
    "too_large": QT_TRANSLATE_NOOP("ComplaintWords", "The file is larger than 5 MB."),
    "type_not_allowed": QT_TRANSLATE_NOOP("ComplaintWords", "This type of file cannot be attached."),
    "content_mismatch": QT_TRANSLATE_NOOP("ComplaintWords", "The file's content does not match its extension."),
    "filename_invalid": QT_TRANSLATE_NOOP("ComplaintWords", "The file name is not valid."),
    "write_failed": QT_TRANSLATE_NOOP("ComplaintWords", "The file could not be written there."),
    "corrupt": QT_TRANSLATE_NOOP("ComplaintWords", "The stored file is damaged."),
}
UNKNOWN_ERROR = QT_TRANSLATE_NOOP("ComplaintWords", "That did not work ({code}).")


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def state_text(code: str) -> str:
    return _tr(STATES[code]) if code in STATES else code


def severity_text(code: str) -> str:
    return _tr(SEVERITIES[code]) if code in SEVERITIES else code


def channel_text(code: str | None) -> str:
    return _tr(CHANNELS[code]) if code in CHANNELS else (code or "")


def action_text(code: str) -> str:
    return _tr(ACTIONS[code]) if code in ACTIONS else code


def error_text(code: str) -> str:
    return _tr(ERRORS[code]) if code in ERRORS else _tr(UNKNOWN_ERROR).format(code=code)


def language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def category_text(code: str | None) -> str:
    """A category code from the wrap-up tree in the user's language; free text (older cases) as it is."""
    try:
        return default_categories().label(code, language())
    except CategoryConfigError:
        return code or ""


def duration_text(minutes: float, day_minutes: int) -> str:
    """Working time as "2 d 3 h", "3 h 20 min" or "20 min" (working days of `day_minutes`)."""
    total = int(abs(minutes))
    days, rest = divmod(total, day_minutes) if day_minutes > 0 else (0, total)
    hours, mins = divmod(rest, 60)
    if days:
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "{d} d {h} h")).format(d=days, h=hours)
    if hours:
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "{h} h {m} min")).format(h=hours, m=mins)
    return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "{m} min")).format(m=mins)


def countdown_text(remaining: float | None, due_kind: str | None, day_minutes: int) -> str:
    """"Acknowledge within 3 h 20 min", "Resolve: overdue by 1 d 2 h"; empty once resolved."""
    if remaining is None or due_kind is None:
        return ""
    span = duration_text(remaining, day_minutes)
    if due_kind == "acknowledge":
        source = (QT_TRANSLATE_NOOP("ComplaintWords", "Acknowledge: overdue by {t}") if remaining < 0
                  else QT_TRANSLATE_NOOP("ComplaintWords", "Acknowledge within {t}"))
    else:
        source = (QT_TRANSLATE_NOOP("ComplaintWords", "Resolve: overdue by {t}") if remaining < 0
                  else QT_TRANSLATE_NOOP("ComplaintWords", "Resolve within {t}"))
    return _tr(source).format(t=span)


def event_text(event: CaseEvent) -> str:
    """One line of the timeline (without time and actor)."""
    p = event.payload
    if event.kind is EventKind.OPENED:
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "Opened the case"))
    if event.kind is EventKind.TRANSITION:
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "{from} → {to}")).format(
            **{"from": state_text(event.from_state or ""), "to": state_text(event.to_state or "")})
    if event.kind is EventKind.ASSIGNED and len(p) == 2:
        who = " / ".join(x for x in p if x) or "—"
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "Assigned to {who}")).format(who=who)
    if event.kind is EventKind.ESCALATED and len(p) == 2:
        source = (QT_TRANSLATE_NOOP("ComplaintWords", "Escalated to the supervisor: {target} deadline passed")
                  if p[1] == "breached" else
                  QT_TRANSLATE_NOOP("ComplaintWords", "Escalated to the supervisor: {target} deadline at risk"))
        target = _tr(QT_TRANSLATE_NOOP("ComplaintWords", "acknowledge") if p[0] == "acknowledge"
                     else QT_TRANSLATE_NOOP("ComplaintWords", "resolve"))
        return _tr(source).format(target=target)
    if event.kind is EventKind.SEVERITY and len(p) == 2:
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "Severity {old} → {new}")).format(
            old=severity_text(p[0]), new=severity_text(p[1]))
    if event.kind is EventKind.ATTACHED and p:
        return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "Attached {file}")).format(file=p[0])
    return _tr(QT_TRANSLATE_NOOP("ComplaintWords", "Reply"))
