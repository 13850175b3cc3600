"""Central tables built from the local models: same names and columns, no foreign keys (rows arrive out
of order from many devices), an index on `version` for pulling, and the registry the apply code reads."""

from __future__ import annotations

import json

from sqlalchemy import BigInteger, Column, Index, MetaData, Table, UniqueConstraint

from hcrm_desktop.store.base import NAMING, Base
from hcrm_desktop.sync.tables import HIDDEN_COLUMNS, READ_ROLES, TableSpec, table_specs

ROLES = ("agent", "nurse", "supervisor", "admin")
GROUP_ROLES = tuple(f"hcrm_{r}" for r in ROLES) + ("hcrm_service",)

_ALL = ("insert", "update", "delete")
_WRITE = ("insert", "update")
_APPEND = ("insert",)
# role -> entity -> ops allowed (docs/sync.md has this table). Anything not listed is refused.
_FRONT_LINE = {
    "patients": _WRITE, "patient_phones": _ALL, "patient_identifiers": _WRITE,
    "interactions": _APPEND, "complaints": _WRITE, "complaint_events": _APPEND,
    "bookings": _WRITE, "followup_tasks": ("update",), "call_attempts": _APPEND,
    "survey_responses": _APPEND, "points_ledger": _APPEND, "audit_events": _APPEND,
}  # fmt: skip
PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "agent": dict(_FRONT_LINE),
    "nurse": {**_FRONT_LINE, "followup_tasks": _WRITE},
    "supervisor": {
        **{entity: _ALL for entity in _FRONT_LINE if entity not in ("interactions", "complaint_events",
                                                                  "call_attempts", "survey_responses",
                                                                  "points_ledger", "audit_events")},
        **{e: _APPEND for e in ("interactions", "complaint_events", "call_attempts", "survey_responses",
                                "points_ledger", "audit_events")},
        "slots": _ALL, "organizations": _ALL, "packages": _ALL, "followup_rules": _ALL,
        "questionnaires": _ALL,
    },
    "admin": {},  # filled below: everything
}  # fmt: skip


def _fill_admin() -> None:
    for spec in table_specs().values():
        PERMISSIONS["admin"][spec.name] = _APPEND if spec.append_only else _ALL


_fill_admin()


def central_metadata() -> MetaData:
    """Fresh metadata holding the central copies of the synced tables."""
    metadata = MetaData(naming_convention=NAMING)
    for spec in table_specs().values():
        _central_table(metadata, Base.metadata.tables[spec.name], spec)
    return metadata


def _central_table(metadata: MetaData, local: Table, spec: TableSpec) -> Table:
    columns = []
    for name in spec.columns:
        col = local.columns[name]
        kind = BigInteger() if name == "version" else col.type
        columns.append(Column(name, kind, nullable=col.nullable, primary_key=col.primary_key))
    unique_sets = {tuple(c.name for c in con.columns) for con in local.constraints
                   if isinstance(con, UniqueConstraint)}
    unique_sets |= {tuple(c.name for c in ix.columns) for ix in local.indexes if ix.unique}
    unique_sets |= {(c.name,) for c in local.columns if c.unique}
    uniques = [UniqueConstraint(*names) for names in sorted(unique_sets)]
    table = Table(spec.name, metadata, *columns, *uniques)
    Index(f"ix_{spec.name}_version", table.c.version)
    return table


def _select(name: str, kind: str) -> str:
    """How a pull ships a column: JSON columns as their text, times already in the workstation's
    storage format (SQLAlchemy's SQLite `YYYY-MM-DD HH:MM:SS.ffffff`), everything else as is."""
    if kind == "json":
        return f'"{name}"::text'
    if kind == "datetime":
        return f"to_char(\"{name}\", 'YYYY-MM-DD HH24:MI:SS.US')"
    return f'"{name}"'


def bulk_columns(spec: TableSpec) -> list[tuple[str, str]]:
    """(column, SQL expression as text) of a bulk page: everything as text in the form the workstation
    stores (times in SQLAlchemy's SQLite format, booleans as 0/1), secrets left out."""
    hidden = HIDDEN_COLUMNS.get(spec.name, ())
    out = []
    for name, kind in zip(spec.columns, spec.kinds, strict=True):
        if name in hidden:
            continue
        if kind == "datetime":
            expr = f"to_char(\"{name}\", 'YYYY-MM-DD HH24:MI:SS.US')"
        elif kind == "bool":
            expr = f'"{name}"::int::text'
        else:
            expr = f'"{name}"::text'
        out.append((name, expr))
    return out


def registry_rows() -> list[dict[str, object]]:
    """Rows of `sync_tables`: what the PL/pgSQL apply and pull code needs to know per table."""
    rows = []
    for position, spec in enumerate(table_specs().values()):
        hidden = HIDDEN_COLUMNS.get(spec.name, ())
        shipped = [(c, k) for c, k in zip(spec.columns, spec.kinds, strict=True) if c not in hidden]
        select = [_select(name, kind) for name, kind in shipped]
        quoted = ", ".join(f'"{c}"' for c in spec.columns if c != "id")
        rows.append({
            "name": spec.name,
            "position": position,
            "columns": list(spec.columns),
            "append_only": spec.append_only,
            "read_roles": list(READ_ROLES[spec.name]) if spec.name in READ_ROLES else None,
            "select_list": ", ".join(select),
            "columns_json": json.dumps([name for name, _ in shipped]),
            "update_list": quoted,
        })
    return rows


def permission_rows() -> list[dict[str, object]]:
    return [
        {"role": role, "entity": entity, "ops": list(ops)}
        for role, entities in PERMISSIONS.items()
        for entity, ops in entities.items()
    ]
