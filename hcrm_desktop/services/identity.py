"""Identity: duplicate candidates (on create, on demand, whole database) and an undoable merge.

**Duplicates** have reasons, each with a weight; a pair's score is 1 - prod(1 - weight):
- `same_national_id` (0.9): the same 身份证 (a 15-digit one counts as its 18-digit form);
- `same_phone_similar_name` (0.6): a number filed under both, and names that are equal, sound the same
  (same pinyin: 张伟/章伟) or differ in one given-name character (张伟/张玮);
- `same_pinyin_and_birth_date` (0.5): the same name pinyin and birth date.
The whole-database scan never compares all pairs: it groups by each key in SQL (national id, reversed
phone digits, pinyin + birth date), keeps only keys held by two or more patients, and compares within
those blocks (at most `MAX_BLOCK` patients each).

**Merging** keeps every record of both. Append-only rows (interactions, survey responses, points ledger,
and through them call attempts and complaint events) cannot be re-pointed, so they stay filed under the
merged record; the merged record gets `merged_into_id = keep_id` and readers include it through
`patients.related_ids()`. Editable rows (phones, identifiers, encounters, checkups, complaints,
bookings, follow-up tasks, referrals, earlier merges) are re-pointed to the kept record, each with its
outbox row. A follow-up task that would collide with the kept record's same task (same rule, source and
step) stays where it is. The audit event lists every moved row id, so an admin can undo exactly that.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from math import prod
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.national_id import NationalIdError, validate_national_id
from hcrm_desktop.domain.phones import PhoneError, normalize_phone
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.base import Synced
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import (
    AuditEvent,
    Booking,
    Checkup,
    Complaint,
    Encounter,
    FollowUpTask,
    Patient,
    PatientIdentifier,
    PatientPhone,
)

Progress = Callable[[str, int, int], None]
WEIGHTS = {"same_national_id": 0.9, "same_phone_similar_name": 0.6, "same_pinyin_and_birth_date": 0.5}
MAX_BLOCK = 200
# Editable rows filed under a patient, re-pointed by a merge (append-only ones stay: see module notes).
MOVABLE: dict[str, type[Synced]] = {
    "patient_phones": PatientPhone, "patient_identifiers": PatientIdentifier, "encounters": Encounter,
    "checkups": Checkup, "complaints": Complaint, "bookings": Booking, "followup_tasks": FollowUpTask,
}  # fmt: skip
PATIENT_LINKS = {"referrals": "referred_by_id", "earlier_merges": "merged_into_id"}


class IdentityError(Exception):
    """A merge or undo that cannot be done; `code` says why (the UI translates it)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DuplicateCandidate:
    patient_id: str
    name: str
    reasons: tuple[str, ...]  # same_national_id | same_phone_similar_name | same_pinyin_and_birth_date
    score: float


@dataclass(frozen=True)
class DuplicatePair:
    a_id: str
    b_id: str
    reasons: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class MergeResult:
    keep_id: str
    merge_id: str
    moved: dict[str, int]  # table (or referrals / earlier_merges) -> rows re-pointed to keep_id
    audit_id: str


# --- similarity -------------------------------------------------------------------------------------


def _plain(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", name).lower() if ch.isalnum())


def similar_names(a: str, b: str, pinyin_a: str | None = None, pinyin_b: str | None = None) -> bool:
    """Equal, the same sound (pinyin), or one given-name character apart (same surname)."""
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return False
    if a == b:
        return True
    if (pinyin_a or name_pinyin(a)[0]) == (pinyin_b or name_pinyin(b)[0]):
        return True
    return len(a) == len(b) >= 2 and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _year(value: date | str | None) -> int | None:
    return int(str(value)[:4]) if value else None


def same_person_names(a: str, b: str, births: tuple[date | str | None, date | str | None],
                      pinyins: tuple[str | None, str | None] = (None, None)) -> bool:
    """The "similar name" rule of a shared phone, with the birth dates as a guard: family members who
    share a number can have equal, homophone or one-character-apart names, but not the same birthday.
    Equal names pass unless the birth years are more than a year apart (a parent and a namesake child);
    merely similar names need equal birth dates, or one of them unknown."""
    ya, yb = _year(births[0]), _year(births[1])
    if _plain(a) and _plain(a) == _plain(b):
        return ya is None or yb is None or abs(ya - yb) <= 1
    if births[0] is not None and births[1] is not None and str(births[0]) != str(births[1]):
        return False
    return similar_names(a, b, *pinyins)


def score_of(reasons: Iterable[str]) -> float:
    return round(1 - prod(1 - WEIGHTS[r] for r in reasons), 4)


def _ordered(reasons: Iterable[str]) -> tuple[str, ...]:
    return tuple(r for r in WEIGHTS if r in set(reasons))


def _live(query: Any) -> Any:
    return query.where(~Patient.deleted, Patient.merged_into_id.is_(None))


# --- on create / on demand --------------------------------------------------------------------------


def _national_id_value(national_id: str | None) -> str | None:
    if not (national_id or "").strip():
        return None
    try:
        return validate_national_id(national_id or "").value
    except NationalIdError:
        return (national_id or "").strip().upper()


def _e164s(phones: Sequence[str]) -> list[str]:
    out = []
    for raw in phones:
        try:
            phone = normalize_phone(raw)
        except PhoneError:
            continue
        if phone is not None:
            out.append(phone.e164)
    return out


def _candidates(
    s: Session, name: str, nid: str | None, e164s: list[str], birth: date | None
) -> Iterator[tuple[str, str, str]]:
    if nid:
        for pid, pname in s.execute(_live(select(Patient.id, Patient.name).where(Patient.national_id == nid))):
            yield pid, pname, "same_national_id"
    if e164s:
        query = select(Patient.id, Patient.name, Patient.name_pinyin, Patient.birth_date).join(
            PatientPhone, PatientPhone.patient_id == Patient.id
        ).where(PatientPhone.number_e164.in_(e164s), ~PatientPhone.deleted)
        pinyin = name_pinyin(_plain(name))[0] if _plain(name) else ""
        for pid, pname, ppinyin, pbirth in s.execute(_live(query)):
            if same_person_names(name, pname, (birth, pbirth), (pinyin, ppinyin)):
                yield pid, pname, "same_phone_similar_name"
    if birth is not None and _plain(name):
        pinyin = name_pinyin(name.strip())[0]
        same = select(Patient.id, Patient.name).where(Patient.name_pinyin == pinyin, Patient.birth_date == birth)
        for pid, pname in s.execute(_live(same)):
            yield pid, pname, "same_pinyin_and_birth_date"


def find_duplicates(
    db: Database,
    *,
    name: str,
    national_id: str | None,
    phones: Sequence[str],
    birth_date: date | None,
    exclude_id: str | None = None,
) -> list[DuplicateCandidate]:
    """Existing live patients that may be the person described, most likely first."""
    nid = _national_id_value(national_id)
    if birth_date is None and nid and len(nid) == 18:
        birth_date = _birth_of(nid)
    reasons: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    with db.session() as s:
        for pid, pname, reason in _candidates(s, name, nid, _e164s(phones), birth_date):
            if pid != exclude_id:
                reasons[pid].add(reason)
                names[pid] = pname
    found = [DuplicateCandidate(pid, names[pid], _ordered(rs), score_of(rs)) for pid, rs in reasons.items()]
    return sorted(found, key=lambda c: (-c.score, c.name, c.patient_id))


def _birth_of(nid: str) -> date | None:
    try:
        return validate_national_id(nid).birth_date
    except NationalIdError:
        return None


# --- whole-database scan ----------------------------------------------------------------------------

_BLOCKS = {
    "same_national_id": """
        SELECT p.national_id, p.id, p.name, p.name_pinyin, p.birth_date FROM patients AS p
        WHERE p.national_id IN (SELECT national_id FROM patients WHERE national_id IS NOT NULL
                                GROUP BY national_id HAVING count(*) > 1)
          AND NOT p.deleted AND p.merged_into_id IS NULL
        ORDER BY p.national_id, p.id""",
    "same_phone_similar_name": """
        SELECT t.digits_rev, p.id, p.name, p.name_pinyin, p.birth_date
        FROM search_phone_tails AS t JOIN patients AS p ON p.id = t.patient_id
        WHERE t.digits_rev IN (SELECT digits_rev FROM search_phone_tails GROUP BY digits_rev
                               HAVING count(DISTINCT patient_id) > 1)
          AND NOT p.deleted AND p.merged_into_id IS NULL
        ORDER BY t.digits_rev""",  # the table's own order: streamed, no sort
    "same_pinyin_and_birth_date": """
        SELECT p.name_pinyin || '|' || p.birth_date, p.id, p.name, p.name_pinyin, p.birth_date
        FROM patients AS p
        JOIN (SELECT name_pinyin, birth_date FROM patients
              WHERE birth_date IS NOT NULL AND NOT deleted AND merged_into_id IS NULL
              GROUP BY name_pinyin, birth_date HAVING count(*) > 1) AS k
          ON p.name_pinyin = k.name_pinyin AND p.birth_date = k.birth_date
        WHERE NOT p.deleted AND p.merged_into_id IS NULL
        ORDER BY 1, p.id""",
}


Member = tuple[str, str, str, str | None]  # id, name, pinyin, birth date (ISO text)


def _blocks(rows: Iterable[Sequence[Any]]) -> Iterator[list[Member]]:
    """Consecutive rows with the same key, one member per patient."""
    key: object = None
    block: dict[str, Member] = {}
    for row_key, pid, pname, ppinyin, pbirth in rows:
        if row_key != key and block:
            yield list(block.values())
            block = {}
        key = row_key
        block.setdefault(pid, (pid, pname, ppinyin or "", pbirth))
    if block:
        yield list(block.values())


def _pairs_in(block: list[Member], reason: str) -> Iterator[tuple[str, str]]:
    members = block[:MAX_BLOCK]
    for i, (a, a_name, a_py, a_birth) in enumerate(members):
        for b, b_name, b_py, b_birth in members[i + 1 :]:
            if reason != "same_phone_similar_name" or same_person_names(
                a_name, b_name, (a_birth, b_birth), (a_py, b_py)
            ):
                yield (a, b) if a < b else (b, a)


def scan_duplicates(db: Database, *, on_progress: Progress | None = None) -> list[DuplicatePair]:
    """Every pair of live patients that share a blocking key and meet its rule, most likely first."""
    progress = on_progress or (lambda stage, done, total: None)
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    with db.session() as s:
        for n, (reason, sql) in enumerate(_BLOCKS.items()):
            progress(reason, n, len(_BLOCKS))
            for block in _blocks(s.execute(text(sql))):
                for pair in _pairs_in(block, reason):
                    found[pair].add(reason)
        progress("done", len(_BLOCKS), len(_BLOCKS))
    pairs = [DuplicatePair(a, b, _ordered(rs), score_of(rs)) for (a, b), rs in found.items()]
    return sorted(pairs, key=lambda p: (-p.score, p.a_id, p.b_id))


# --- merge and undo ---------------------------------------------------------------------------------


def _load_pair(s: Session, keep_id: str, merge_id: str) -> tuple[Patient, Patient]:
    if keep_id == merge_id:
        raise IdentityError("same_patient")
    keep, merge = s.get(Patient, keep_id), s.get(Patient, merge_id)
    if keep is None or merge is None or keep.deleted or merge.deleted:
        raise IdentityError("not_found")
    if keep.merged_into_id is not None or merge.merged_into_id is not None:
        raise IdentityError("already_merged")
    return keep, merge


def _task_key(task: FollowUpTask) -> tuple[str, str, str]:
    return task.rule_id, task.source_ref, task.step


def _move_rows(s: Session, keep_id: str, merge_id: str) -> tuple[dict[str, list[str]], list[str]]:
    """Re-point the editable rows; return moved ids per table and the follow-up tasks left in place."""
    moved: dict[str, list[str]] = {}
    kept: list[str] = []
    taken = {_task_key(t) for t in s.scalars(select(FollowUpTask).where(FollowUpTask.patient_id == keep_id))}
    for table, model in MOVABLE.items():
        column = model.patient_id  # type: ignore[attr-defined]
        rows = s.scalars(select(model).where(column == merge_id, ~model.deleted).order_by(model.id)).all()
        moved[table] = []
        for row in rows:
            if isinstance(row, FollowUpTask) and _task_key(row) in taken:
                kept.append(row.id)
                continue
            row.patient_id = keep_id  # type: ignore[attr-defined]
            moved[table].append(row.id)
    for link, attr in PATIENT_LINKS.items():
        column = getattr(Patient, attr)
        query = select(Patient).where(column == merge_id, Patient.id != keep_id).order_by(Patient.id)
        rows = s.scalars(query).all()
        for row in rows:
            setattr(row, attr, keep_id)
        moved[link] = [row.id for row in rows]
    return moved, kept


def merge_patients(db: Database, *, keep_id: str, merge_id: str, actor_id: str) -> tuple[MergeResult, Changes]:
    """Merge `merge_id` into `keep_id` (see the module notes); audited and undoable by an admin."""
    with db.write() as s:
        _keep, merge = _load_pair(s, keep_id, merge_id)
        moved, kept = _move_rows(s, keep_id, merge_id)
        merge.merged_into_id = keep_id
        audit = AuditEvent(
            actor_id=actor_id, action="patient_merged", entity="patients", entity_id=keep_id,
            details={"keep_id": keep_id, "merge_id": merge_id, "moved": moved, "kept": {"followup_tasks": kept}},
        )
        s.add(audit)
    result = MergeResult(keep_id, merge_id, {table: len(ids) for table, ids in moved.items()}, audit.id)
    return result, _changes(moved, keep_id, merge_id, audit.id)


def _changes(moved: dict[str, list[str]], keep_id: str, merge_id: str, audit_id: str) -> Changes:
    tables = {table if table in MOVABLE else "patients" for table, ids in moved.items() if ids}
    ids = {row_id for row_ids in moved.values() for row_id in row_ids}
    return Changes(
        frozenset(tables | {"patients", "audit_events"}),
        frozenset(ids | {keep_id, merge_id, audit_id}),
        frozenset({keep_id, merge_id}),
    )


def _restore_rows(s: Session, moved: dict[str, list[str]], keep_id: str, merge_id: str) -> dict[str, int]:
    """Point each listed row back at `merge_id` if it still points at `keep_id`."""
    restored: dict[str, int] = {}
    for table, ids in moved.items():
        model: type[Synced] = MOVABLE.get(table, Patient)
        attr = PATIENT_LINKS.get(table, "patient_id")
        rows = s.scalars(select(model).where(model.id.in_(ids))).all() if ids else []
        restored[table] = 0
        for row in rows:
            if getattr(row, attr) == keep_id:
                setattr(row, attr, merge_id)
                restored[table] += 1
    return restored


def undo_merge(db: Database, *, audit_id: str, actor_id: str, actor_role: str) -> Changes:
    """Undo the merge recorded by `audit_id`: admin only; restores exactly the rows that moved."""
    if actor_role != Role.ADMIN:
        raise IdentityError("not_allowed")
    with db.write() as s:
        audit = s.get(AuditEvent, audit_id)
        if audit is None or audit.action != "patient_merged":
            raise IdentityError("not_found")
        keep_id, merge_id = audit.details["keep_id"], audit.details["merge_id"]
        moved: dict[str, list[str]] = audit.details["moved"]
        merge = s.get(Patient, merge_id)
        if merge is None or merge.merged_into_id != keep_id:
            raise IdentityError("not_merged")
        restored = _restore_rows(s, moved, keep_id, merge_id)
        merge.merged_into_id = None
        undo = AuditEvent(
            actor_id=actor_id, action="patient_merge_undone", entity="audit_events", entity_id=audit_id,
            details={"keep_id": keep_id, "merge_id": merge_id, "restored": restored},
        )
        s.add(undo)
    return _changes(moved, keep_id, merge_id, undo.id)

