"""Who is calling: a caller's number to the patients it is filed under (screen pop, `hcrm-desktop lookup`).

One indexed query on `patient_phones.number_e164` joined to `patients` finds the patients whose own or
family number it is; the latest interaction comes from the (patient_id, started_at) index in the same
query. Merged-away records are replaced by the record they were merged into.

**Ranking** (most likely caller first): the patient's own number before a family member's, then the
more recent contact (by time bucket: this week, this month, this quarter, half year, year, three years,
older or never), then the higher VIP level, then the exact last-contact time, then `customer_no`.
`score` (0..1) encodes the first three keys so it falls along the list: 0.5 for an own number,
0.07 per recency bucket, 0.012 per VIP level.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import ColumnElement, Row, ScalarSelect, Select, bindparam, exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from hcrm_desktop.domain.enums import PhoneRelation
from hcrm_desktop.domain.phones import normalize_phone
from hcrm_desktop.services.patients import related_ids_in, surviving_id_in
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Interaction, Patient, PatientPhone

RECENCY_DAYS = (7, 30, 90, 180, 365, 3 * 365)  # bucket edges, newest first
SELF_WEIGHT, BUCKET_WEIGHT, VIP_WEIGHT = 0.5, 0.07, 0.012
RELATION_ORDER = {relation.value: n for n, relation in enumerate(PhoneRelation)}


@dataclass(frozen=True)
class PhoneMatch:
    patient_id: str
    customer_no: str
    name: str
    sex: str
    birth_date: date | None
    relation: str  # PhoneRelation value: who the caller is to the patient ("child": the patient's child)
    contact_name: str | None
    vip_level: int
    last_contact_at: datetime | None
    deceased: bool
    score: float


@dataclass(frozen=True)
class LookupResult:
    input: str
    normalized: str | None  # E.164, None for a withheld number
    matches: tuple[PhoneMatch, ...]
    withheld: bool


def last_contact_column(patient_id: ColumnElement[str] | InstrumentedAttribute[str]) -> ScalarSelect[datetime]:
    """Correlated subquery: the latest interaction of a patient (one seek on the per-patient index)."""
    return (
        select(func.max(Interaction.started_at))
        .where(Interaction.patient_id == patient_id, ~Interaction.deleted)
        .scalar_subquery()
    )


@cache
def _phone_query() -> Select:
    """Built once (building costs more than running it); the number is the bound parameter `e164`."""
    child = aliased(Patient)
    return (
        select(
            Patient.id, Patient.customer_no, Patient.name, Patient.sex, Patient.birth_date, Patient.vip_level,
            Patient.deceased_on, Patient.deleted, Patient.merged_into_id,
            PatientPhone.relation, PatientPhone.contact_name,
            last_contact_column(Patient.id).label("last_contact"),
            exists().where(child.merged_into_id == Patient.id).label("has_merged"),
        )
        .join(Patient, Patient.id == PatientPhone.patient_id)
        .where(PatientPhone.number_e164 == bindparam("e164"), ~PatientPhone.deleted)
    )


def lookup_number(db: Database, raw: str) -> LookupResult:
    """Resolve a caller's number as the screen pop does; raise `PhoneError` for an unusable number."""
    phone = normalize_phone(raw)
    if phone is None:
        return LookupResult(input=raw, normalized=None, matches=(), withheld=True)
    with db.session() as s:
        rows = s.execute(_phone_query(), {"e164": phone.e164}).all()
        matches = _matches(s, rows)
    return LookupResult(input=raw, normalized=phone.e164, matches=tuple(rank(matches)), withheld=False)


def _matches(s: Session, rows: Sequence[Row]) -> list[PhoneMatch]:
    """One match per live patient, with the closest relation when a number is filed twice."""
    best: dict[str, PhoneMatch] = {}
    for row in rows:
        if row.deleted:
            continue
        if row.merged_into_id is not None or row.has_merged:
            match = _resolved(s, row)
            if match is None:
                continue
        else:
            match = _match(row, row.last_contact, row)
        known = best.get(match.patient_id)
        if known is None or RELATION_ORDER.get(match.relation, 99) < RELATION_ORDER.get(known.relation, 99):
            best[match.patient_id] = match
    return list(best.values())


def _match(row: Row, last_contact: datetime | None, phone: Row) -> PhoneMatch:
    """`row`: the patient's columns; `phone`: the phone row's relation and contact name."""
    return PhoneMatch(
        patient_id=row.id, customer_no=row.customer_no, name=row.name, sex=row.sex, birth_date=row.birth_date,
        relation=phone.relation, contact_name=phone.contact_name, vip_level=row.vip_level or 0,
        last_contact_at=last_contact, deceased=row.deceased_on is not None, score=0.0,
    )


def _resolved(s: Session, row: Row) -> PhoneMatch | None:
    """The rare path: the number is filed under a merged record, or under one that others merged into."""
    survivor_id = surviving_id_in(s, row.id)
    survivor = s.execute(
        select(Patient.id, Patient.customer_no, Patient.name, Patient.sex, Patient.birth_date,
               Patient.vip_level, Patient.deceased_on, Patient.deleted).where(Patient.id == survivor_id)
    ).one_or_none()
    if survivor is None or survivor.deleted:
        return None
    last = s.scalar(
        select(func.max(Interaction.started_at)).where(
            Interaction.patient_id.in_(related_ids_in(s, survivor_id)), ~Interaction.deleted
        )
    )
    return _match(survivor, last, row)


# --- ranking ----------------------------------------------------------------------------------------


def recency_bucket(last_contact: datetime | None, now: datetime) -> int:
    """6 for a contact this week ... 1 within three years, 0 for older or none."""
    if last_contact is None:
        return 0
    days = max(0, (now - last_contact).days)
    for n, edge in enumerate(RECENCY_DAYS):
        if days < edge:
            return len(RECENCY_DAYS) - n
    return 0


def score_of(relation: str, last_contact: datetime | None, vip_level: int, now: datetime) -> float:
    own = SELF_WEIGHT if relation == PhoneRelation.SELF else 0.0
    vip = min(max(vip_level, 0), 5)
    return round(own + BUCKET_WEIGHT * recency_bucket(last_contact, now) + VIP_WEIGHT * vip, 4)


def rank(matches: Iterable[PhoneMatch], now: datetime | None = None) -> list[PhoneMatch]:
    """Score each match and sort: most likely first, ties broken deterministically."""
    now = now or datetime.now()
    scored = [
        PhoneMatch(**{**m.__dict__, "score": score_of(m.relation, m.last_contact_at, m.vip_level, now)})
        for m in matches
    ]
    scored.sort(key=lambda m: (m.customer_no, m.patient_id))
    scored.sort(key=lambda m: m.last_contact_at or datetime.min, reverse=True)
    scored.sort(key=lambda m: m.score, reverse=True)
    return scored
