"""Every local write records its outbox row in the same transaction (DESIGN.md section 4).

The recording hangs off the session's flush, so no code path can change a synced row and forget the
outbox. Rows applied from the central side are written with `session.info["remote"] = True` and are
not recorded.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from hcrm_desktop.domain.enums import MutationOp
from hcrm_desktop.store.base import SYNC_COLUMNS, Synced, utcnow
from hcrm_desktop.store.errors import AppendOnlyViolation, HardDeleteViolation
from hcrm_desktop.store.models import Outbox


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def apply_defaults(obj: Synced) -> None:
    """Fill Python-side column defaults now, so the outbox row carries the values the row will get."""
    for column in inspect(obj).mapper.columns:
        default = column.default
        if default is None or getattr(obj, column.key, None) is not None:
            continue
        if default.is_scalar:
            setattr(obj, column.key, default.arg)
        elif default.is_callable:
            setattr(obj, column.key, default.arg(None))


def _column_values(obj: Synced) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {
        c.key: to_json_value(getattr(obj, c.key))
        for c in mapper.column_attrs
        if c.key not in SYNC_COLUMNS
    }


def _changed_values(obj: Synced) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SYNC_COLUMNS - {"deleted"}:
            continue
        if state.attrs[attr.key].history.has_changes():
            changed[attr.key] = to_json_value(getattr(obj, attr.key))
    return changed


def _outbox_row(device_id: str, obj: Synced, op: MutationOp, fields: dict[str, Any]) -> Outbox:
    return Outbox(
        mutation_id=str(uuid.uuid4()),
        device_id=device_id,
        entity=obj.__tablename__,  # type: ignore[attr-defined]
        entity_id=obj.id,
        op=op.value,
        base_version=obj.version or 0,
        fields=fields,
        created_at=utcnow(),
    )


def _record(session: Session, _ctx: object, _instances: object) -> None:
    if session.info.get("remote"):
        return
    device_id: str = session.info.get("device_id", "")
    pending: list[Outbox] = []
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise HardDeleteViolation(f"{type(obj).__name__} rows are tombstoned, not deleted")
    for obj in session.new:
        if isinstance(obj, Synced):
            apply_defaults(obj)
            obj.origin = obj.origin or device_id
            obj.updated_at = utcnow()
            pending.append(_outbox_row(device_id, obj, MutationOp.INSERT, _column_values(obj)))
    for obj in session.dirty:
        if not isinstance(obj, Synced) or not session.is_modified(obj, include_collections=False):
            continue
        if obj.__append_only__:
            raise AppendOnlyViolation(f"{type(obj).__name__} is append-only")
        fields = _changed_values(obj)
        if not fields:
            continue
        obj.updated_at = utcnow()
        op = MutationOp.DELETE if fields.get("deleted") else MutationOp.UPDATE
        pending.append(_outbox_row(device_id, obj, op, fields))
    session.add_all(pending)


def install(session_class: type[Session] | Any) -> None:
    """Attach the outbox recorder to a sessionmaker (or Session subclass)."""
    event.listen(session_class, "before_flush", _record)
