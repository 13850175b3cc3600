"""Drafts: forms saved as they are typed (local `drafts` table, never synced), so nothing typed is lost.

A draft is keyed by what it is for: `wrapup:<call id>` for a call's wrap-up, `wrapup:walkin:<uuid>` for a
contact started by hand. The payload is plain JSON. A call's wrap-up draft is written when the call is
answered (payload `call` with `answered_at`), before anybody types; it goes away when the wrap-up is
saved. So `pending_wrapups()` lists every answered call that was not wrapped up, even after a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from hcrm_desktop.store.base import utcnow
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Draft

WRAPUP_KIND = "wrapup"
WALK_IN_PREFIX = "wrapup:walkin:"
KEY_MAX = 128


@dataclass(frozen=True)
class DraftRecord:
    key: str
    kind: str
    user_id: str | None
    payload: dict[str, Any]
    updated_at: datetime  # naive UTC


@dataclass(frozen=True)
class PendingWrapUp:
    """A contact whose wrap-up was not saved: an answered call, or a contact started by hand."""

    key: str
    call_id: str | None
    remote: str
    patient_id: str | None
    answered_at: datetime | None  # business time (local)
    ended_at: datetime | None
    updated_at: datetime  # naive UTC, when the draft was last written


def wrapup_key(call_id: str) -> str:
    return f"{WRAPUP_KIND}:{call_id}"


def walk_in_key(token: str) -> str:
    """The key of a contact started by hand (walk-in, message), `token` making it unique."""
    return f"{WALK_IN_PREFIX}{token}"


def _check_key(key: str) -> None:
    if not key or len(key) > KEY_MAX:
        raise ValueError(f"draft key must have 1 to {KEY_MAX} characters: {key!r}")


def save_draft(db: Database, key: str, kind: str, user_id: str | None, payload: dict[str, Any]) -> DraftRecord:
    """Insert or replace the draft `key` (one small write; called every few seconds while typing)."""
    _check_key(key)
    now = utcnow()
    with db.write() as s:
        row = s.get(Draft, key)
        if row is None:
            row = Draft(key=key, kind=kind, user_id=user_id, payload=dict(payload), updated_at=now)
            s.add(row)
        else:
            row.kind, row.user_id, row.payload, row.updated_at = kind, user_id, dict(payload), now
    return DraftRecord(key, kind, user_id, dict(payload), now)


def update_draft(db: Database, key: str, kind: str, user_id: str | None, section: str,
                 values: dict[str, Any], *, merge: bool = True) -> DraftRecord:
    """Merge `values` into one section of a draft's payload (e.g. the call's times), or with `merge` False
    replace that section; the other sections stay as they are."""
    _check_key(key)
    with db.write() as s:
        row = s.get(Draft, key)
        payload = dict(row.payload) if row is not None else {}
        merged = dict(payload.get(section) or {}) if merge else {}
        merged.update(values)
        payload[section] = merged
        now = utcnow()
        if row is None:
            s.add(Draft(key=key, kind=kind, user_id=user_id, payload=payload, updated_at=now))
        else:
            row.payload, row.updated_at = payload, now
    return DraftRecord(key, kind, user_id, payload, now)


def load_draft(db: Database, key: str) -> DraftRecord | None:
    with db.session() as s:
        row = s.get(Draft, key)
        if row is None:
            return None
        return DraftRecord(row.key, row.kind, row.user_id, dict(row.payload or {}), row.updated_at)


def discard_draft(db: Database, key: str) -> bool:
    """Remove a draft; True if there was one."""
    with db.write() as s:
        row = s.get(Draft, key)
        if row is None:
            return False
        s.delete(row)
        return True


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _has_text(form: dict[str, Any]) -> bool:
    return any(isinstance(v, str) and v.strip() for v in form.values())


def pending_wrapups(db: Database, user_id: str | None) -> list[PendingWrapUp]:
    """The user's contacts waiting for a wrap-up, oldest first: answered calls (ended or not) and contacts
    started by hand that have something typed. Calls that rang and were never answered are not listed."""
    with db.session() as s:
        rows = s.scalars(select(Draft).where(Draft.kind == WRAPUP_KIND, Draft.user_id == user_id)).all()
        found = []
        for row in rows:
            payload = row.payload or {}
            call = payload.get("call") or {}
            answered = _when(call.get("answered_at"))
            by_hand = row.key.startswith(WALK_IN_PREFIX)
            if (not by_hand and answered is None) or (by_hand and not _has_text(payload.get("form") or {})):
                continue  # a call never answered; a contact by hand with nothing typed
            found.append(PendingWrapUp(
                key=row.key, call_id=call.get("call_id") or None, remote=str(call.get("remote") or ""),
                patient_id=(payload.get("form") or {}).get("patient_id") or call.get("patient_id") or None,
                answered_at=answered, ended_at=_when(call.get("ended_at")), updated_at=row.updated_at,
            ))  # fmt: skip
    return sorted(found, key=lambda p: (p.answered_at or datetime.max, p.updated_at, p.key))
