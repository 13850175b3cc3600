"""Words of the supervisor panels: KPI names and units, agents' states, channels, contact types, SLA states,
and the messages for the codes the analytics and QA services return."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "SupervisorWords"
KPI_NAMES = {
    "contacts": QT_TRANSLATE_NOOP("SupervisorWords", "Contacts"),
    "aht": QT_TRANSLATE_NOOP("SupervisorWords", "Avg handle (s)"),
    "wrap": QT_TRANSLATE_NOOP("SupervisorWords", "Avg wrap-up (s)"),
    "fcr": QT_TRANSLATE_NOOP("SupervisorWords", "First-contact resolution %"),
    "praise": QT_TRANSLATE_NOOP("SupervisorWords", "Praise"),
    "complaints_about": QT_TRANSLATE_NOOP("SupervisorWords", "Complaints about"),
    "complaints_handled": QT_TRANSLATE_NOOP("SupervisorWords", "Complaints handled"),
    "sla_met": QT_TRANSLATE_NOOP("SupervisorWords", "Complaint SLA met %"),
    "complaint_satisfaction": QT_TRANSLATE_NOOP("SupervisorWords", "Complaint satisfaction"),
    "followups": QT_TRANSLATE_NOOP("SupervisorWords", "Follow-ups"),
    "completion": QT_TRANSLATE_NOOP("SupervisorWords", "Follow-up completion %"),
    "attempts_per_completion": QT_TRANSLATE_NOOP("SupervisorWords", "Calls per completion"),
    "satisfaction": QT_TRANSLATE_NOOP("SupervisorWords", "Survey score"),
    "qa": QT_TRANSLATE_NOOP("SupervisorWords", "QA average"),
}
PERCENT_KPIS = ("fcr", "sla_met", "completion")
COUNT_KPIS = ("contacts", "praise", "complaints_about", "complaints_handled", "followups")
AGENT_STATES = {
    "on_call": QT_TRANSLATE_NOOP("SupervisorWords", "On a call"),
    "wrap_up": QT_TRANSLATE_NOOP("SupervisorWords", "Wrap-up"),
    "available": QT_TRANSLATE_NOOP("SupervisorWords", "Available"),
    "away": QT_TRANSLATE_NOOP("SupervisorWords", "Away"),
    "offline": QT_TRANSLATE_NOOP("SupervisorWords", "No activity today"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("SupervisorWords", "Phone"),
    "wechat": QT_TRANSLATE_NOOP("SupervisorWords", "WeChat"),
    "web": QT_TRANSLATE_NOOP("SupervisorWords", "Web"),
    "sms": QT_TRANSLATE_NOOP("SupervisorWords", "SMS"),
    "walk_in": QT_TRANSLATE_NOOP("SupervisorWords", "Walk-in"),
}
TYPES = {
    "consultation": QT_TRANSLATE_NOOP("SupervisorWords", "Consultation"),
    "complaint": QT_TRANSLATE_NOOP("SupervisorWords", "Complaint"),
    "praise": QT_TRANSLATE_NOOP("SupervisorWords", "Praise"),
    "booking": QT_TRANSLATE_NOOP("SupervisorWords", "Booking"),
    "follow_up": QT_TRANSLATE_NOOP("SupervisorWords", "Follow-up"),
    "other": QT_TRANSLATE_NOOP("SupervisorWords", "Other"),
}
SEVERITIES = {
    "low": QT_TRANSLATE_NOOP("SupervisorWords", "Low"),
    "medium": QT_TRANSLATE_NOOP("SupervisorWords", "Medium"),
    "high": QT_TRANSLATE_NOOP("SupervisorWords", "High"),
    "critical": QT_TRANSLATE_NOOP("SupervisorWords", "Critical"),
}
SLA_STATES = {
    "ok": QT_TRANSLATE_NOOP("SupervisorWords", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("SupervisorWords", "At risk"),
    "breached": QT_TRANSLATE_NOOP("SupervisorWords", "Overdue"),
}
ERRORS = {
    "forbidden": QT_TRANSLATE_NOOP("SupervisorWords", "Only supervisors and administrators may do this."),
    "unknown_interaction": QT_TRANSLATE_NOOP("SupervisorWords", "This contact no longer exists."),
    "no_agent": QT_TRANSLATE_NOOP("SupervisorWords", "This contact has no agent to review."),
    "unknown_review": QT_TRANSLATE_NOOP("SupervisorWords", "This review no longer exists."),
    "unknown_reviewer": QT_TRANSLATE_NOOP("SupervisorWords", "Your account was not found."),
    "required": QT_TRANSLATE_NOOP("SupervisorWords", "Please enter a score."),
    "not_a_number": QT_TRANSLATE_NOOP("SupervisorWords", "Enter a number."),
    "out_of_range": QT_TRANSLATE_NOOP("SupervisorWords", "The score must be between 0 and the item's maximum."),
    "unknown_item": QT_TRANSLATE_NOOP("SupervisorWords", "The checklist has changed; reopen the review."),
    "too_long": QT_TRANSLATE_NOOP("SupervisorWords", "The comment is too long."),
    "emoji": QT_TRANSLATE_NOOP("SupervisorWords", "Emoji are not allowed here."),
}
COLUMN_HEADERS = {  # drill-down columns
    "started_at": QT_TRANSLATE_NOOP("SupervisorWords", "Started"),
    "type": QT_TRANSLATE_NOOP("SupervisorWords", "Type"),
    "channel": QT_TRANSLATE_NOOP("SupervisorWords", "Channel"),
    "category": QT_TRANSLATE_NOOP("SupervisorWords", "Category"),
    "handle_seconds": QT_TRANSLATE_NOOP("SupervisorWords", "Handle (s)"),
    "wrap_seconds": QT_TRANSLATE_NOOP("SupervisorWords", "Wrap-up (s)"),
    "resolved_first_contact": QT_TRANSLATE_NOOP("SupervisorWords", "Resolved first time"),
    "summary": QT_TRANSLATE_NOOP("SupervisorWords", "Summary"),
    "case_no": QT_TRANSLATE_NOOP("SupervisorWords", "Case"),
    "opened_at": QT_TRANSLATE_NOOP("SupervisorWords", "Opened"),
    "severity": QT_TRANSLATE_NOOP("SupervisorWords", "Severity"),
    "state": QT_TRANSLATE_NOOP("SupervisorWords", "State"),
    "subject": QT_TRANSLATE_NOOP("SupervisorWords", "Subject"),
    "resolve_due": QT_TRANSLATE_NOOP("SupervisorWords", "Resolve by"),
    "resolved_at": QT_TRANSLATE_NOOP("SupervisorWords", "Resolved"),
    "satisfaction": QT_TRANSLATE_NOOP("SupervisorWords", "Satisfaction"),
    "staff_involved": QT_TRANSLATE_NOOP("SupervisorWords", "Staff involved"),
    "due_at": QT_TRANSLATE_NOOP("SupervisorWords", "Due"),
    "outcome": QT_TRANSLATE_NOOP("SupervisorWords", "Outcome"),
    "completed_at": QT_TRANSLATE_NOOP("SupervisorWords", "Completed"),
    "attempts": QT_TRANSLATE_NOOP("SupervisorWords", "Calls"),
    "at": QT_TRANSLATE_NOOP("SupervisorWords", "Called at"),
    "duration_seconds": QT_TRANSLATE_NOOP("SupervisorWords", "Duration (s)"),
    "task_state": QT_TRANSLATE_NOOP("SupervisorWords", "Task state"),
    "submitted_at": QT_TRANSLATE_NOOP("SupervisorWords", "Submitted"),
    "score": QT_TRANSLATE_NOOP("SupervisorWords", "Score"),
    "reviewed_at": QT_TRANSLATE_NOOP("SupervisorWords", "Reviewed"),
    "total": QT_TRANSLATE_NOOP("SupervisorWords", "Total"),
    "comment": QT_TRANSLATE_NOOP("SupervisorWords", "Comment"),
}
YES = QT_TRANSLATE_NOOP("SupervisorWords", "Yes")
NO = QT_TRANSLATE_NOOP("SupervisorWords", "No")
NO_TEAM = QT_TRANSLATE_NOOP("SupervisorWords", "(no team)")
UNASSIGNED = QT_TRANSLATE_NOOP("SupervisorWords", "(unassigned)")


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def word(words: dict[str, str], code: str | None) -> str:
    return tr(words[code]) if code in words else (code or "")


def error_text(code: str) -> str:
    return tr(ERRORS.get(code, QT_TRANSLATE_NOOP("SupervisorWords", "This could not be saved.")))


def kpi_value_text(kpi: str, value: object) -> str:
    """A KPI as the table shows it: counts whole, percentages with one decimal, "–" for no data."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = float(value)  # type: ignore[arg-type]
    if kpi in COUNT_KPIS:
        return f"{int(number):,}"
    if kpi in PERCENT_KPIS:
        return f"{number:.1f}%"
    if kpi in ("aht", "wrap", "qa"):
        return f"{number:.0f}" if kpi != "qa" else f"{number:.1f}"
    return f"{number:.2f}"


def duration_text(minutes: float) -> str:
    """Minutes as "26h 05m" (working hours for SLA countdowns), a week or more as "381d", negative ones with
    a minus sign."""
    sign = "-" if minutes < 0 else ""
    hours, mins = divmod(int(abs(minutes)), 60)
    if hours >= 24 * 7:  # long overdue: whole days are enough
        return sign + tr(QT_TRANSLATE_NOOP("SupervisorWords", "{d}d")).format(d=hours // 24)
    if hours:
        return sign + tr(QT_TRANSLATE_NOOP("SupervisorWords", "{h}h {m}m")).format(h=hours, m=f"{mins:02d}")
    return sign + tr(QT_TRANSLATE_NOOP("SupervisorWords", "{m}m")).format(m=mins)
