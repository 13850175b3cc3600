"""Creating a patient (quick-create from a call or the customers screen) and the ids that make up one.

**Customer numbers** are `C` + 12 digits taken from the random bits of the new row's UUID. Workstations
create patients offline, so there is no central counter to ask; a number derived from the id is unique
wherever the id is, needs no coordination, and never collides with the demo/legacy `C` + 8-digit
sequence (different length). A clash with a number already in the local cache (odds about 1 in 10^6 at a
million patients) draws a new id; a clash between two offline workstations is caught by the central
unique constraint and shown as a rejected change, never lost.

**Merged records** keep their own id: `merged_into_id` points at the surviving record, and readers use
`related_ids()` to include the rows still filed under the merged ones (DESIGN: append-only rows cannot be
re-pointed).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hcrm_desktop.domain.enums import PhoneRelation, Sex
from hcrm_desktop.domain.national_id import NationalId, NationalIdError, validate_national_id
from hcrm_desktop.domain.phones import NormalizedPhone, PhoneError, normalize_phone
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.base import new_id
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import AuditEvent, Patient, PatientPhone

NAME_MAX, CONTACT_MAX, PHONE_MAX, NOTES_MAX = 64, 64, 40, 2000
EARLIEST_BIRTH = date(1900, 1, 1)
MAX_MERGE_DEPTH = 16
_RELATED = text(
    "WITH RECURSIVE r(id, depth) AS (SELECT :id, 0 UNION "
    "SELECT p.id, r.depth + 1 FROM patients AS p JOIN r ON p.merged_into_id = r.id WHERE r.depth < :depth) "
    "SELECT id FROM r ORDER BY depth, id"
)


@dataclass(frozen=True)
class NewPatient:
    name: str
    sex: str
    phone: str
    birth_date: date | None = None
    national_id: str | None = None
    relation: str = "self"  # whose number `phone` is, relative to the new patient
    contact_name: str | None = None
    notes: str | None = None


class ValidationError(ValueError):
    """Input a user must correct; `errors` maps field name to an error code the UI translates."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}={v}" for k, v in sorted(errors.items())))
        self.errors = dict(errors)


# --- validation -------------------------------------------------------------------------------------


def has_emoji(value: str) -> bool:
    """Pictographs, symbols and the joiners that build emoji: not part of anybody's name."""
    return any(
        ch in "\u200d\ufe0f" or ord(ch) >= 0x1F000 or unicodedata.category(ch) in ("So", "Cs", "Co")
        for ch in value
    )


def text_error(value: str | None, *, limit: int, required: bool = False, multiline: bool = False) -> str | None:
    """`required`, `too_long`, `emoji` or `characters` for typed text: the one check every form uses.
    `multiline` text (notes, descriptions) may hold line breaks and tabs; names and subjects may not."""
    value = (value or "").strip()
    if not value:
        return "required" if required else None
    if len(value) > limit:
        return "too_long"
    if has_emoji(value):
        return "emoji"
    allowed = "\n\r\t" if multiline else ""
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        return "characters"
    return None


def _phone_error(raw: str) -> str | None:
    if not raw.strip():
        return "required"
    if len(raw) > PHONE_MAX:
        return "too_long"
    try:
        return None if normalize_phone(raw) is not None else "phone_invalid"
    except PhoneError:
        return "phone_invalid"


def _national_id_errors(p: NewPatient) -> dict[str, str]:
    if not (p.national_id or "").strip():
        return {}
    try:
        nid = validate_national_id(p.national_id or "")
    except NationalIdError as error:
        return {"national_id": f"national_id_{error.code}"}
    if p.birth_date is not None and p.birth_date != nid.birth_date:
        return {"national_id": "national_id_birth_mismatch"}
    if p.sex in (Sex.MALE, Sex.FEMALE) and p.sex != nid.sex:
        return {"national_id": "national_id_sex_mismatch"}
    return {}


def validate_new_patient(p: NewPatient, *, today: date | None = None) -> dict[str, str]:
    """Field name -> error code ("required", "phone_invalid", "national_id_checksum", ...); empty if valid."""
    today = today or date.today()
    checks = {
        "name": text_error(p.name, limit=NAME_MAX, required=True),
        "phone": _phone_error(p.phone),
        "contact_name": text_error(p.contact_name, limit=CONTACT_MAX),
        "notes": "too_long" if len(p.notes or "") > NOTES_MAX else None,
        "sex": None if p.sex in tuple(Sex) else "invalid",
        "relation": None if p.relation in tuple(PhoneRelation) else "invalid",
    }
    if p.birth_date is not None and p.birth_date > today:
        checks["birth_date"] = "birth_date_future"
    elif p.birth_date is not None and p.birth_date < EARLIEST_BIRTH:
        checks["birth_date"] = "birth_date_invalid"
    errors = {field: code for field, code in checks.items() if code}
    return errors | _national_id_errors(p)


# --- creating ---------------------------------------------------------------------------------------


def customer_no_for(patient_id: str) -> str:
    """`C` + 12 digits from the UUID's last 48 random bits (see the module notes)."""
    return f"C{int(patient_id.replace('-', '')[-12:], 16) % 10**12:012d}"


def _fresh_id(s: Session) -> tuple[str, str]:
    while True:
        patient_id = new_id()
        number = customer_no_for(patient_id)
        if s.scalar(select(Patient.id).where(Patient.customer_no == number)) is None:
            return patient_id, number


def _patient_row(p: NewPatient, patient_id: str, number: str, nid: NationalId | None) -> Patient:
    name = p.name.strip()
    pinyin, initials = name_pinyin(name)
    sex = nid.sex.value if nid else p.sex
    return Patient(
        id=patient_id, customer_no=number, name=name, name_pinyin=pinyin, name_initials=initials, sex=sex,
        birth_date=nid.birth_date if nid else p.birth_date, national_id=nid.value if nid else None,
        notes=(p.notes or "").strip() or None, tags=[],
    )


def _phone_row(p: NewPatient, patient_id: str, phone: NormalizedPhone) -> PatientPhone:
    return PatientPhone(
        patient_id=patient_id, number=p.phone.strip(), number_e164=phone.e164, extension=phone.extension,
        relation=p.relation, contact_name=(p.contact_name or "").strip() or None, is_primary=True,
    )


def create_patient(db: Database, p: NewPatient, *, actor_id: str | None) -> tuple[str, Changes]:
    """Validate and store a new patient with their phone and an audit event; return the new id.

    Sex and birth date come from the national ID when one is given. Raise `ValidationError`.
    """
    errors = validate_new_patient(p)
    if errors:
        raise ValidationError(errors)
    nid = validate_national_id(p.national_id) if p.national_id and p.national_id.strip() else None
    phone = normalize_phone(p.phone)
    assert phone is not None  # validated above
    with db.write() as s:
        patient_id, number = _fresh_id(s)
        patient = _patient_row(p, patient_id, number, nid)
        phone_row = _phone_row(p, patient_id, phone)
        audit = AuditEvent(
            actor_id=actor_id, action="patient_created", entity="patients", entity_id=patient_id,
            details={"customer_no": number, "phone_id": phone_row.id},
        )
        s.add_all([patient, phone_row, audit])
    changes = Changes(
        frozenset({"patients", "patient_phones", "audit_events"}),
        frozenset({patient_id, phone_row.id, audit.id}),
        frozenset({patient_id}),
    )
    return patient_id, changes


# --- merged records ---------------------------------------------------------------------------------


def related_ids_in(s: Session, patient_id: str) -> list[str]:
    """`patient_id` first, then the ids of records merged into it (directly or through a chain)."""
    rows = s.execute(_RELATED, {"id": patient_id, "depth": MAX_MERGE_DEPTH}).scalars()
    return list(dict.fromkeys(rows))


def related_ids(db: Database, patient_id: str) -> list[str]:
    """The patient's id plus the ids of records merged into it, for readers of history rows."""
    with db.session() as s:
        return related_ids_in(s, patient_id)


def surviving_id_in(s: Session, patient_id: str) -> str:
    """The record a (possibly merged-away) patient now lives in: follow `merged_into_id`."""
    current = patient_id
    for _ in range(MAX_MERGE_DEPTH):
        target = s.scalar(select(Patient.merged_into_id).where(Patient.id == current))
        if target is None:
            return current
        current = target
    return current


def surviving_id(db: Database, patient_id: str) -> str:
    with db.session() as s:
        return surviving_id_in(s, patient_id)
