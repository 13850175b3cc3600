"""Words of the follow-up screen: task states, call outcomes, escalation states and error codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "FollowUpWords"
TASK_STATES = {
    "open": QT_TRANSLATE_NOOP("FollowUpWords", "To call"),
    "in_progress": QT_TRANSLATE_NOOP("FollowUpWords", "Calling"),
    "callback": QT_TRANSLATE_NOOP("FollowUpWords", "Call back"),
    "done": QT_TRANSLATE_NOOP("FollowUpWords", "Done"),
    "lost": QT_TRANSLATE_NOOP("FollowUpWords", "Lost to follow-up"),
    "cancelled": QT_TRANSLATE_NOOP("FollowUpWords", "Cancelled"),
}
OUTCOMES = {  # in the order of their shortcuts Alt+1..Alt+7
    "completed": QT_TRANSLATE_NOOP("FollowUpWords", "Completed"),
    "no_answer": QT_TRANSLATE_NOOP("FollowUpWords", "No answer"),
    "busy": QT_TRANSLATE_NOOP("FollowUpWords", "Busy"),
    "wrong_number": QT_TRANSLATE_NOOP("FollowUpWords", "Wrong number"),
    "refused": QT_TRANSLATE_NOOP("FollowUpWords", "Refused"),
    "callback": QT_TRANSLATE_NOOP("FollowUpWords", "Wants a callback"),
    "deceased": QT_TRANSLATE_NOOP("FollowUpWords", "Deceased"),
}
ESCALATION_STATES = {
    "open": QT_TRANSLATE_NOOP("FollowUpWords", "Waiting for the doctor"),
    "instructed": QT_TRANSLATE_NOOP("FollowUpWords", "Instructed"),
    "executed": QT_TRANSLATE_NOOP("FollowUpWords", "Executed"),
    "closed": QT_TRANSLATE_NOOP("FollowUpWords", "Closed"),
}
ERRORS = {
    "task_not_found": QT_TRANSLATE_NOOP("FollowUpWords", "This task no longer exists."),
    "task_closed": QT_TRANSLATE_NOOP("FollowUpWords", "This task is already closed."),
    "already_claimed": QT_TRANSLATE_NOOP(
        "FollowUpWords", "Another nurse is already calling this patient for this task."),
    "patient_merged": QT_TRANSLATE_NOOP(
        "FollowUpWords", "This record was merged into another one: call the task filed there instead."),
    "patient_deceased": QT_TRANSLATE_NOOP("FollowUpWords", "The patient is recorded as deceased."),
    "forbidden": QT_TRANSLATE_NOOP("FollowUpWords", "Only supervisors can assign tasks."),
    "invalid": QT_TRANSLATE_NOOP("FollowUpWords", "Choose an outcome."),
    "required": QT_TRANSLATE_NOOP("FollowUpWords", "Required."),
    "too_long": QT_TRANSLATE_NOOP("FollowUpWords", "Too long."),
    "callback_required": QT_TRANSLATE_NOOP("FollowUpWords", "Choose when to call back."),
    "callback_past": QT_TRANSLATE_NOOP("FollowUpWords", "The callback time is in the past."),
    "callback_outside_window": QT_TRANSLATE_NOOP("FollowUpWords", "The callback time is outside the call hours."),
    "not_an_option": QT_TRANSLATE_NOOP("FollowUpWords", "Choose one of the answers."),
    "not_yes_no": QT_TRANSLATE_NOOP("FollowUpWords", "Answer yes or no."),
    "not_a_number": QT_TRANSLATE_NOOP("FollowUpWords", "Enter a number."),
    "out_of_range": QT_TRANSLATE_NOOP("FollowUpWords", "Out of range."),
    "not_text": QT_TRANSLATE_NOOP("FollowUpWords", "Enter text."),
    "unknown": QT_TRANSLATE_NOOP("FollowUpWords", "Not a question of this questionnaire."),
    "questionnaire_invalid": QT_TRANSLATE_NOOP("FollowUpWords", "This questionnaire cannot be read by this version."),
    "transition_not_allowed": QT_TRANSLATE_NOOP("FollowUpWords", "Someone else moved this on meanwhile: refresh the list."),
    "not_found": QT_TRANSLATE_NOOP("FollowUpWords", "This escalation no longer exists."),
}


def word(table: dict[str, str], code: str | None) -> str:
    """The translated word for `code` in `table` (the code itself when unknown)."""
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def error_text(code: str) -> str:
    return word(ERRORS, code)
