"""The conflicts view's use cases: list the edits that lost or were refused, re-apply or dismiss one.

Re-applying queues the losing values again as a new local edit on top of the row as it is now, so the
outbox gives it the current `base_version` and the central side judges it afresh.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.base import Base, Synced, utcnow
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.sync_state import SyncConflict
from hcrm_desktop.sync.tables import table_specs

KEEP_OUT = ("id", "version", "updated_at", "origin")


def open_conflicts(db: Database) -> list[SyncConflict]:
    with db.session() as s:
        return list(s.scalars(select(SyncConflict).where(SyncConflict.resolution == "")
                              .order_by(SyncConflict.created_at, SyncConflict.id)))


def _model(entity: str) -> type[Synced]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity and issubclass(mapper.class_, Synced):
            return mapper.class_
    raise KeyError(entity)


def python_value(entity: str, column: str, value: Any) -> Any:
    """A JSON value as the model attribute wants it (dates and times come as ISO text)."""
    if value is None:
        return None
    kind = table_specs()[entity].kind(column)
    if kind == "datetime" and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def reapply(db: Database, conflict_id: str) -> Changes:
    """Queue the conflict's local values again; a refused new row comes back as a new row (new id)."""
    with db.write() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolution:
            return Changes()
        model = _model(conflict.entity)
        values = {k: python_value(conflict.entity, k, v) for k, v in conflict.local_fields.items()
                  if k not in KEEP_OUT and k in table_specs()[conflict.entity].columns}
        row = s.get(model, conflict.entity_id)
        if conflict.op == "insert" and (row is None or row.deleted) and conflict.kind == "rejected":
            values.pop("deleted", None)
            row = model(**values)
            s.add(row)
        elif row is not None:
            for key, value in values.items():
                setattr(row, key, value)
        conflict.resolution, conflict.resolved_at = "reapplied", utcnow()
        return Changes.of(conflict.entity, row.id if row is not None else conflict.entity_id)


def dismiss(db: Database, conflict_id: str) -> None:
    """The user accepts the central value; the conflict leaves the list (it stays in the table)."""
    with db.write(remote=True) as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is not None and not conflict.resolution:
            conflict.resolution, conflict.resolved_at = "dismissed", utcnow()
