"""Patient search as you type (customers screen, `hcrm-desktop search`): one query string, any kind.

`classify_query()` says what the text looks like; `search_patients()` runs the probes for that kind (a
digit string is tried as a phone tail and as a HIS/PEIS/LIS/EMR id, Latin letters as pinyin and as
initials). Every probe is an equality or prefix range on an index, with at most `CANDIDATES` rows:
- name: `patients.name` (exact, prefix) and `search_name_suffixes` (substring = prefix of a suffix);
- pinyin / initials: `patients.name_pinyin` / `name_initials` (exact, prefix);
- phone: `patient_phones.number_e164`; phone tail: `search_phone_tails` (reversed digits, prefix);
- national ID, customer number, UUID, external ids: their unique or plain indexes.

**Ranking**: exact matches before prefix matches before substring matches, then the most recent contact,
then `customer_no`. Merged-away records are replaced by their survivor; tombstoned ones are dropped.
A tier with more than `CANDIDATES` matches (a lone surname such as 张) is ranked among the first
`CANDIDATES` in index order and `SearchResult.more` is set: typing more narrows it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Integer, Row, Select, String, bindparam, literal_column, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from hcrm_desktop.domain.enums import IdentifierSystem, PhoneRelation
from hcrm_desktop.domain.national_id import NationalIdError, mask_national_id, validate_national_id
from hcrm_desktop.domain.phones import PhoneError, mask_phone, normalize_phone
from hcrm_desktop.services.lookup import last_contact_column
from hcrm_desktop.services.patients import surviving_id_in
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import (
    Patient,
    PatientIdentifier,
    PatientPhone,
    search_name_suffixes,
    search_phone_tails,
)

CANDIDATES = 200  # rows per probe: enough to rank a full name's namesakes, few enough for a keystroke
EXACT, PREFIX, SUBSTRING = 0, 1, 2
TAIL_MIN = 4
IDENTIFIER_PREFIX_MIN = 6
TOP = "\U0010ffff"  # sorts after every character: [q, q + TOP) is "starts with q"
KINDS = ("empty", "too_short", "phone", "phone_tail", "national_id", "customer_no", "customer_id",
         "identifier", "name", "pinyin")  # fmt: skip

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HAN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_PHONE_TEXT = re.compile(r"\+?[0-9][0-9 \-()]*")
_NATIONAL_ID = re.compile(r"[0-9]{17}[0-9X]|[0-9]{15}")
_CUSTOMER_NO = re.compile(r"C[0-9]{3,}")
_LATIN = re.compile(r"[a-z][a-z '·.\-]*")
_IDENTIFIER = re.compile(r"[A-Z0-9][A-Z0-9\-_]{2,}")


@dataclass(frozen=True)
class PatientHit:
    patient_id: str
    customer_no: str
    name: str
    sex: str
    birth_date: date | None
    masked_phone: str
    masked_national_id: str
    vip_level: int
    matched_on: str  # phone | phone_tail | name | pinyin | initials | national_id | customer_no | identifier


@dataclass(frozen=True)
class SearchResult:
    query: str
    kind: str
    hits: tuple[PatientHit, ...]
    more: bool = False  # more patients match than `hits` holds: typing more narrows it


Key = int | str  # a patients rowid (from probes on patients' own indexes) or a patient id
Match = tuple[int, str, str | None]  # tier, matched_on, matched phone id


@dataclass
class _Found:
    """Candidates so far: patient key -> best match."""

    best: dict[Key, Match] = field(default_factory=dict)
    more: bool = False

    def add(self, rows: Iterable[Sequence[Any]], tier: int, matched_on: str) -> None:
        count = 0
        for row in rows:
            count += 1
            self.offer(row[0], (tier, matched_on, row[1] if len(row) > 1 else None))
        self.more = self.more or count >= CANDIDATES

    def offer(self, key: Key, match: Match) -> None:
        if key not in self.best or match[0] < self.best[key][0]:
            self.best[key] = match


# --- classifying ------------------------------------------------------------------------------------


def clean_query(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _is_full_phone(text: str, digits: str) -> bool:
    if not (text.startswith(("+", "0")) or (len(digits) == 11 and digits[0] == "1")):
        return False
    if len(digits) < 10:
        return False
    try:
        return normalize_phone(text) is not None
    except PhoneError:
        return False


def _classify_digits(text: str) -> str:
    digits = _digits(text)
    if _is_full_phone(text, digits):
        return "phone"
    if len(digits) < TAIL_MIN:
        return "too_short"
    return "phone_tail" if len(digits) <= 11 else "national_id"


def classify_query(text: str) -> str:
    """The kind of a search text: one of `KINDS`."""
    q = clean_query(text)
    upper = q.upper().replace(" ", "")
    if not q:
        return "empty"
    if _UUID.fullmatch(q.lower()):
        return "customer_id"
    if _HAN.search(q):
        return "name"
    if _NATIONAL_ID.fullmatch(upper):
        return "national_id"
    if _CUSTOMER_NO.fullmatch(upper):
        return "customer_no"
    if _PHONE_TEXT.fullmatch(q):
        return _classify_digits(q)
    if _LATIN.fullmatch(q.lower()):
        return "pinyin"
    if _IDENTIFIER.fullmatch(upper):
        return "identifier"
    return "name"


# --- probes: each returns (patient_id[, phone_id]) rows from one index ------------------------------
# The statements are built once with bound parameters: building a SQLAlchemy select costs more than
# running it, and SQLAlchemy then reuses the compiled SQL.

Probe = tuple[str, dict[str, str], int, str]  # statement, parameters, tier, matched_on
ROWID = literal_column("patients.rowid", Integer)
_V, _LO, _HI = bindparam("v", type_=String), bindparam("lo", type_=String), bindparam("hi", type_=String)


def _patient_column(column: InstrumentedAttribute[Any]) -> dict[str, Select]:
    """The rowid is in every index entry, so these probes never read the table (tombstones are
    dropped later, with the details)."""
    base = select(ROWID)
    return {
        "exact": base.where(column == _V).limit(CANDIDATES),
        "prefix": base.where(column >= _LO, column < _HI).limit(CANDIDATES),
    }


def _identifier_statements() -> dict[str, Select]:
    systems = [system.value for system in IdentifierSystem]
    col = PatientIdentifier.value
    base = select(PatientIdentifier.patient_id).where(PatientIdentifier.system.in_(systems), ~PatientIdentifier.deleted)
    return {
        "exact": base.where(col == _V).limit(CANDIDATES),
        "prefix": base.where(col >= _LO, col < _HI).limit(CANDIDATES),
    }


@cache
def _statements() -> dict[str, Select]:
    out: dict[str, Select] = {}
    for name, column in (("name", Patient.name), ("pinyin", Patient.name_pinyin),
                         ("initials", Patient.name_initials), ("national_id", Patient.national_id),
                         ("customer_no", Patient.customer_no), ("customer_id", Patient.id)):  # fmt: skip
        for mode, statement in _patient_column(column).items():
            out[f"{name}_{mode}"] = statement
    for mode, statement in _identifier_statements().items():
        out[f"identifier_{mode}"] = statement
    suffix, tail = search_name_suffixes.c, search_phone_tails.c
    out["substring_prefix"] = (
        select(suffix.patient_id).where(suffix.suffix >= _LO, suffix.suffix < _HI).distinct().limit(CANDIDATES)
    )
    out["tail_prefix"] = (
        select(tail.patient_id, tail.phone_id).where(tail.digits_rev >= _LO, tail.digits_rev < _HI).limit(CANDIDATES)
    )
    out["phone_exact"] = (
        select(PatientPhone.patient_id, PatientPhone.id)
        .where(PatientPhone.number_e164 == _V, ~PatientPhone.deleted)
        .limit(CANDIDATES)
    )
    return out


def _exact(statement: str, value: str, matched_on: str) -> Probe:
    return f"{statement}_exact", {"v": value}, EXACT, matched_on


def _prefix(statement: str, value: str, matched_on: str, tier: int = PREFIX) -> Probe:
    return f"{statement}_prefix", {"lo": value, "hi": value + TOP}, tier, matched_on


def _name_probes(q: str) -> list[Probe]:
    q = "".join(q.split())  # 王 小明 is 王小明
    return [_exact("name", q, "name"), _prefix("name", q, "name"), _prefix("substring", q, "name", SUBSTRING)]


def _pinyin_probes(q: str) -> list[Probe]:
    letters = re.sub(r"[^a-z]", "", q.lower())
    if not letters:
        return []
    return [
        _exact("initials", letters, "initials"),
        _exact("pinyin", letters, "pinyin"),
        _prefix("initials", letters, "initials"),
        _prefix("pinyin", letters, "pinyin"),
    ]


def _identifier_probes(value: str) -> list[Probe]:
    """Exact external id; as a prefix only from `IDENTIFIER_PREFIX_MIN` characters (short ones are noise)."""
    exact = _exact("identifier", value, "identifier")
    if len(value) < IDENTIFIER_PREFIX_MIN:
        return [exact]
    return [exact, _prefix("identifier", value, "identifier")]


def _phone_probes(q: str) -> list[Probe]:
    phone = normalize_phone(q)
    return [_exact("phone", phone.e164, "phone")] if phone else []


def _tail_probes(q: str) -> list[Probe]:
    digits = _digits(q)
    return [_prefix("tail", digits[::-1], "phone_tail"), *_identifier_probes(digits)]


def _national_id_probes(q: str) -> list[Probe]:
    value = q.upper().replace(" ", "")
    try:
        value = validate_national_id(value).value
    except NationalIdError:
        return [_prefix("national_id", value, "national_id"), *_identifier_probes(value)]
    return [_exact("national_id", value, "national_id")]


def _customer_no_probes(q: str) -> list[Probe]:
    value = q.upper().replace(" ", "")
    return [
        _exact("customer_no", value, "customer_no"),
        _prefix("customer_no", value, "customer_no"),
        *_identifier_probes(value),
    ]


def _customer_id_probes(q: str) -> list[Probe]:
    return [_exact("customer_id", q.lower(), "customer_no")]


PROBES: dict[str, Callable[[str], list[Probe]]] = {
    "name": _name_probes,
    "pinyin": _pinyin_probes,
    "phone": _phone_probes,
    "phone_tail": _tail_probes,
    "national_id": _national_id_probes,
    "customer_no": _customer_no_probes,
    "customer_id": _customer_id_probes,
    "identifier": lambda q: _identifier_probes(q.upper()),
}


# --- ranking and hits -------------------------------------------------------------------------------


@cache
def _row_statements() -> dict[str, Select]:
    ids = bindparam("ids", expanding=True, type_=String)
    rowids = bindparam("rowids", expanding=True, type_=Integer)
    details = select(
        Patient.id, ROWID.label("rowid"), Patient.customer_no, Patient.name, Patient.sex, Patient.birth_date,
        Patient.national_id, Patient.vip_level, Patient.deleted, Patient.merged_into_id,
        last_contact_column(Patient.id).label("last_contact"),
    ).where(or_(Patient.id.in_(ids), ROWID.in_(rowids)))
    phones = select(
        PatientPhone.id, PatientPhone.patient_id, PatientPhone.number, PatientPhone.relation, PatientPhone.is_primary
    ).where(PatientPhone.patient_id.in_(ids), ~PatientPhone.deleted)
    return {"details": details, "phones": phones}


def _details(s: Session, keys: Iterable[Key]) -> dict[Key, Row]:
    """Patient rows by both their rowid and their id."""
    keys = list(keys)
    params = {"ids": [k for k in keys if isinstance(k, str)], "rowids": [k for k in keys if isinstance(k, int)]}
    out: dict[Key, Row] = {}
    for row in s.execute(_row_statements()["details"], params):
        out[row.id] = out[row.rowid] = row
    return out


def _by_patient_id(found: _Found, details: dict[Key, Row]) -> None:
    """Re-key the candidates by patient id (probes on patients gave rowids)."""
    best, found.best = found.best, {}
    for key, match in best.items():
        row = details.get(key)
        if row is not None:
            found.offer(row.id, match)


def _fold_merged(s: Session, found: _Found, details: dict[Key, Row]) -> None:
    """Replace merged-away candidates by the records they were merged into (rare: a few queries)."""
    for old in [key for key in found.best if details[key].merged_into_id is not None]:
        found.offer(surviving_id_in(s, str(old)), found.best.pop(old))
    missing = [key for key in found.best if key not in details]
    if missing:
        details.update(_details(s, missing))


def _ranked(s: Session, found: _Found, limit: int) -> list[tuple[Row, str, str | None]]:
    details = _details(s, found.best)
    _by_patient_id(found, details)
    _fold_merged(s, found, details)
    rows = [details[key] for key in found.best if key in details]
    rows = [row for row in rows if not row.deleted and row.merged_into_id is None]
    rows.sort(key=lambda r: (found.best[r.id][0], -_stamp(r.last_contact), r.customer_no))
    return [(row, found.best[row.id][1], found.best[row.id][2]) for row in rows[:limit]]


def _stamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else float("-inf")


def _masked_phones(s: Session, picks: list[tuple[Row, str, str | None]]) -> dict[str, str]:
    """The matched number for phone hits, else the patient's own primary number, masked."""
    wanted = {p.id for p, _, _ in picks}
    matched = {phone_id for _, _, phone_id in picks if phone_id}
    rows = list(s.execute(_row_statements()["phones"], {"ids": list(wanted)}).all())
    rows.sort(key=lambda r: (r.id not in matched, r.relation != PhoneRelation.SELF, not r.is_primary, r.id))
    chosen: dict[str, str] = {}
    for row in rows:
        chosen.setdefault(row.patient_id, row.number)
    return {patient_id: mask_phone(number) for patient_id, number in chosen.items()}


def _hit(p: Row, matched_on: str, phone: str) -> PatientHit:
    return PatientHit(
        patient_id=p.id, customer_no=p.customer_no, name=p.name, sex=p.sex, birth_date=p.birth_date,
        masked_phone=phone, masked_national_id=mask_national_id(p.national_id) if p.national_id else "",
        vip_level=p.vip_level or 0, matched_on=matched_on,
    )


def search_patients(db: Database, query: str, *, limit: int = 50) -> SearchResult:
    """Patients matching `query` (any kind), best first, at most `limit`."""
    kind = classify_query(query)
    probes = PROBES.get(kind)
    if probes is None:
        return SearchResult(query=query, kind=kind, hits=())
    q = clean_query(query)
    found = _Found()
    with db.session() as s:
        statements = _statements()
        for statement, params, tier, matched_on in probes(q):
            found.add(s.execute(statements[statement], params), tier, matched_on)
            if len(found.best) >= CANDIDATES:
                break
        if not found.best:
            return SearchResult(query=query, kind=kind, hits=())
        picks = _ranked(s, found, limit)
        phones = _masked_phones(s, picks)
    hits = tuple(_hit(p, matched_on, phones.get(p.id, "")) for p, matched_on, _ in picks)
    return SearchResult(query=query, kind=kind, hits=hits, more=found.more or len(hits) < len(found.best))
