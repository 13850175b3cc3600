"""Words of the conflicts screen: tables, fields and refusal reasons (English sources, Chinese by tr)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "ConflictLabels"
ENTITIES = {
    "patients": QT_TRANSLATE_NOOP("ConflictLabels", "Customer"),
    "patient_phones": QT_TRANSLATE_NOOP("ConflictLabels", "Customer phone"),
    "patient_identifiers": QT_TRANSLATE_NOOP("ConflictLabels", "Customer identifier"),
    "complaints": QT_TRANSLATE_NOOP("ConflictLabels", "Complaint"),
    "complaint_attachments": QT_TRANSLATE_NOOP("ConflictLabels", "Complaint attachment"),
    "bookings": QT_TRANSLATE_NOOP("ConflictLabels", "Booking"),
    "slots": QT_TRANSLATE_NOOP("ConflictLabels", "Slot"),
    "followup_tasks": QT_TRANSLATE_NOOP("ConflictLabels", "Follow-up task"),
    "escalations": QT_TRANSLATE_NOOP("ConflictLabels", "Escalation"),
    "qa_reviews": QT_TRANSLATE_NOOP("ConflictLabels", "QA review"),
    "knowledge_articles": QT_TRANSLATE_NOOP("ConflictLabels", "Knowledge article"),
    "interactions": QT_TRANSLATE_NOOP("ConflictLabels", "Interaction"),
    "staff_users": QT_TRANSLATE_NOOP("ConflictLabels", "Staff member"),
}
FIELDS = {
    "name": QT_TRANSLATE_NOOP("ConflictLabels", "Name"),
    "sex": QT_TRANSLATE_NOOP("ConflictLabels", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ConflictLabels", "Date of birth"),
    "national_id": QT_TRANSLATE_NOOP("ConflictLabels", "National ID"),
    "occupation": QT_TRANSLATE_NOOP("ConflictLabels", "Occupation"),
    "province": QT_TRANSLATE_NOOP("ConflictLabels", "Province"),
    "city": QT_TRANSLATE_NOOP("ConflictLabels", "City"),
    "district": QT_TRANSLATE_NOOP("ConflictLabels", "District"),
    "address": QT_TRANSLATE_NOOP("ConflictLabels", "Address"),
    "vip_level": QT_TRANSLATE_NOOP("ConflictLabels", "VIP level"),
    "notes": QT_TRANSLATE_NOOP("ConflictLabels", "Notes"),
    "tags": QT_TRANSLATE_NOOP("ConflictLabels", "Tags"),
    "number": QT_TRANSLATE_NOOP("ConflictLabels", "Phone number"),
    "state": QT_TRANSLATE_NOOP("ConflictLabels", "State"),
    "severity": QT_TRANSLATE_NOOP("ConflictLabels", "Severity"),
    "subject": QT_TRANSLATE_NOOP("ConflictLabels", "Subject"),
    "description": QT_TRANSLATE_NOOP("ConflictLabels", "Description"),
    "resolution": QT_TRANSLATE_NOOP("ConflictLabels", "Resolution"),
    "category": QT_TRANSLATE_NOOP("ConflictLabels", "Category"),
    "handler_id": QT_TRANSLATE_NOOP("ConflictLabels", "Handler"),
    "assignee_id": QT_TRANSLATE_NOOP("ConflictLabels", "Assigned to"),
    "slot_id": QT_TRANSLATE_NOOP("ConflictLabels", "Slot"),
    "due_at": QT_TRANSLATE_NOOP("ConflictLabels", "Due"),
    "callback_at": QT_TRANSLATE_NOOP("ConflictLabels", "Call back at"),
    "outcome": QT_TRANSLATE_NOOP("ConflictLabels", "Outcome"),
    "priority": QT_TRANSLATE_NOOP("ConflictLabels", "Priority"),
    "title": QT_TRANSLATE_NOOP("ConflictLabels", "Title"),
    "body": QT_TRANSLATE_NOOP("ConflictLabels", "Text"),
    "comment": QT_TRANSLATE_NOOP("ConflictLabels", "Comment"),
    "instruction": QT_TRANSLATE_NOOP("ConflictLabels", "Instruction"),
    "feedback": QT_TRANSLATE_NOOP("ConflictLabels", "Feedback"),
    "deleted": QT_TRANSLATE_NOOP("ConflictLabels", "Deleted"),
}
REASONS = {
    "field_changed": QT_TRANSLATE_NOOP("ConflictLabels", "Someone else changed the same field first"),
    "deleted": QT_TRANSLATE_NOOP("ConflictLabels", "The record was deleted meanwhile"),
    "slot_full": QT_TRANSLATE_NOOP("ConflictLabels", "The slot is fully booked"),
    "slot_not_found": QT_TRANSLATE_NOOP("ConflictLabels", "The slot no longer exists"),
    "invalid_transition": QT_TRANSLATE_NOOP("ConflictLabels", "This state change is not allowed"),
    "already_claimed": QT_TRANSLATE_NOOP("ConflictLabels", "Another colleague already took this task"),
    "forbidden": QT_TRANSLATE_NOOP("ConflictLabels", "Your role may not make this change"),
    "unique_violation": QT_TRANSLATE_NOOP("ConflictLabels", "A record with the same number already exists"),
    "append_only": QT_TRANSLATE_NOOP("ConflictLabels", "This record cannot be changed once saved"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def entity_text(entity: str) -> str:
    return _tr(ENTITIES[entity]) if entity in ENTITIES else entity


def field_text(column: str) -> str:
    return _tr(FIELDS[column]) if column in FIELDS else column


def reason_text(reason: str) -> str:
    return _tr(REASONS.get(reason, QT_TRANSLATE_NOOP("ConflictLabels", "Refused by the central server")))


def value_text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return _tr(QT_TRANSLATE_NOOP("ConflictLabels", "Yes"))
    if value is False:
        return _tr(QT_TRANSLATE_NOOP("ConflictLabels", "No"))
    return str(value).replace("T", " ", 1) if isinstance(value, str) and len(value) >= 19 and value[10] == "T" \
        else str(value)
