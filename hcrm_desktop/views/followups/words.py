"""Words of the follow-up screen: task states, call outcomes, escalation states and error codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "FollowUpWords"
TASK_STATES = {
    "open": QT_TRANSLATE_NOOP(CONTEXT, "To call"),
    "in_progress": QT_TRANSLATE_NOOP(CONTEXT, "Calling"),
    "callback": QT_TRANSLATE_NOOP(CONTEXT, "Call back"),
    "done": QT_TRANSLATE_NOOP(CONTEXT, "Done"),
    "lost": QT_TRANSLATE_NOOP(CONTEXT, "Lost to follow-up"),
    "cancelled": QT_TRANSLATE_NOOP(CONTEXT, "Cancelled"),
}
OUTCOMES = {  # in the order of their shortcuts Alt+1..Alt+7
    "completed": QT_TRANSLATE_NOOP(CONTEXT, "Completed"),
    "no_answer": QT_TRANSLATE_NOOP(CONTEXT, "No answer"),
    "busy": QT_TRANSLATE_NOOP(CONTEXT, "Busy"),
    "wrong_number": QT_TRANSLATE_NOOP(CONTEXT, "Wrong number"),
    "refused": QT_TRANSLATE_NOOP(CONTEXT, "Refused"),
    "callback": QT_TRANSLATE_NOOP(CONTEXT, "Wants a callback"),
    "deceased": QT_TRANSLATE_NOOP(CONTEXT, "Deceased"),
}
ESCALATION_STATES = {
    "open": QT_TRANSLATE_NOOP(CONTEXT, "Waiting for the doctor"),
    "instructed": QT_TRANSLATE_NOOP(CONTEXT, "Instructed"),
    "executed": QT_TRANSLATE_NOOP(CONTEXT, "Executed"),
    "closed": QT_TRANSLATE_NOOP(CONTEXT, "Closed"),
}
ERRORS = {
    "task_not_found": QT_TRANSLATE_NOOP(CONTEXT, "This task no longer exists."),
    "task_closed": QT_TRANSLATE_NOOP(CONTEXT, "This task is already closed."),
    "already_claimed": QT_TRANSLATE_NOOP(CONTEXT, "Another nurse is already calling this patient for this task."),
    "patient_merged": QT_TRANSLATE_NOOP(
        CONTEXT, "This record was merged into another one: call the task filed there instead."),
    "patient_deceased": QT_TRANSLATE_NOOP(CONTEXT, "The patient is recorded as deceased."),
    "forbidden": QT_TRANSLATE_NOOP(CONTEXT, "Only supervisors can assign tasks."),
    "invalid": QT_TRANSLATE_NOOP(CONTEXT, "Choose an outcome."),
    "required": QT_TRANSLATE_NOOP(CONTEXT, "Required."),
    "too_long": QT_TRANSLATE_NOOP(CONTEXT, "Too long."),
    "callback_required": QT_TRANSLATE_NOOP(CONTEXT, "Choose when to call back."),
    "callback_past": QT_TRANSLATE_NOOP(CONTEXT, "The callback time is in the past."),
    "callback_outside_window": QT_TRANSLATE_NOOP(CONTEXT, "The callback time is outside the call hours."),
    "not_an_option": QT_TRANSLATE_NOOP(CONTEXT, "Choose one of the answers."),
    "not_yes_no": QT_TRANSLATE_NOOP(CONTEXT, "Answer yes or no."),
    "not_a_number": QT_TRANSLATE_NOOP(CONTEXT, "Enter a number."),
    "out_of_range": QT_TRANSLATE_NOOP(CONTEXT, "Out of range."),
    "not_text": QT_TRANSLATE_NOOP(CONTEXT, "Enter text."),
    "unknown": QT_TRANSLATE_NOOP(CONTEXT, "Not a question of this questionnaire."),
    "questionnaire_invalid": QT_TRANSLATE_NOOP(CONTEXT, "This questionnaire cannot be read by this version."),
    "transition_not_allowed": QT_TRANSLATE_NOOP(CONTEXT, "Someone else moved this on meanwhile: refresh the list."),
    "not_found": QT_TRANSLATE_NOOP(CONTEXT, "This escalation no longer exists."),
}


def word(table: dict[str, str], code: str | None) -> str:
    """The translated word for `code` in `table` (the code itself when unknown)."""
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def error_text(code: str) -> str:
    return word(ERRORS, code)
