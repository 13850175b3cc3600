"""The synced tables as sync sees them: names, column order and kinds, from the local models.

Both sides use this: the central schema is built from it, pulled pages name these columns, and a hash
of it is the schema fingerprint checked when a workstation connects.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Table

from hcrm_desktop.store.base import SYNC_COLUMNS, Base
from hcrm_desktop.store.models import synced_models

PROTOCOL = 1
SYNC_ORDER = ("id", "version", "updated_at", "deleted", "origin")
# Columns a pull never ships, whoever asks: secrets that only the central side may hold.
HIDDEN_COLUMNS = {"staff_users": ("password_hash",)}
# Tables only some roles may read; the others get no rows of them.
READ_ROLES = {"audit_events": ("supervisor", "admin")}


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]  # sync columns first, then the model's own, in table order
    kinds: tuple[str, ...]  # text | int | float | bool | date | datetime | json, one per column
    append_only: bool

    def kind(self, column: str) -> str:
        return self.kinds[self.columns.index(column)]


def _kind(column_type: object) -> str:
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, JSON):
        return "json"
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, Integer):
        return "int"
    if isinstance(column_type, Float):
        return "float"
    return "text"


def _spec(table: Table, append_only: bool) -> TableSpec:
    own = [c.name for c in table.columns if c.name not in SYNC_COLUMNS]
    columns = (*SYNC_ORDER, *own)
    kinds = tuple(_kind(table.columns[name].type) for name in columns)
    return TableSpec(table.name, columns, kinds, append_only)


@cache
def table_specs() -> dict[str, TableSpec]:
    """Synced tables in a stable order: reference data first, then by name."""
    models = {m.__tablename__: m for m in synced_models()}  # type: ignore[attr-defined]
    first = ("departments", "staff_users", "organizations", "packages", "followup_rules", "questionnaires")
    order = [n for n in first if n in models] + sorted(n for n in models if n not in first)
    return {n: _spec(Base.metadata.tables[n], bool(models[n].__append_only__)) for n in order}


@cache
def schema_fingerprint() -> str:
    """A short hash of every synced table's columns and kinds; both sides must agree on it."""
    text = ";".join(f"{s.name}:{','.join(f'{c}/{k}' for c, k in zip(s.columns, s.kinds, strict=True))}"
                    for s in table_specs().values())
    return hashlib.sha256(text.encode()).hexdigest()[:16]
