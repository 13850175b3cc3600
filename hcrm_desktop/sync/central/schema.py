"""The central schema's roles, and the central tables the local models call for today.

The central tables themselves are built by the central migrations from their own frozen definitions
(`migrations/versions/`, builders in `ddl.py`), never from the live models: a model change needs a new
central revision. `live_tables()` is what the head revision must match (a unit test compares them).
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlalchemy.dialects import postgresql

from hcrm_desktop.store.base import SYNC_COLUMNS, Base
from hcrm_desktop.sync.central.ddl import CentralTable, table
from hcrm_desktop.sync.tables import HIDDEN_COLUMNS, READ_ROLES, table_specs

ROLES = ("agent", "nurse", "supervisor", "admin")
GROUP_ROLES = tuple(f"hcrm_{r}" for r in ROLES) + ("hcrm_service",)

_TYPES = {"VARCHAR": "varchar", "TEXT": "text", "INTEGER": "integer", "BIGINT": "bigint", "SMALLINT": "smallint",
          "FLOAT": "float", "DOUBLE PRECISION": "double", "BOOLEAN": "boolean",
          "TIMESTAMP WITHOUT TIME ZONE": "timestamp", "DATE": "date", "JSON": "json"}  # fmt: skip


def live_tables() -> list[CentralTable]:
    """The central tables as the local models describe them now, in sync order."""
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    out = []
    for spec in table_specs().values():
        local = Base.metadata.tables[spec.name]
        columns = []
        for name in spec.columns:
            if name in SYNC_COLUMNS:
                continue
            col = local.columns[name]
            base, paren, rest = col.type.compile(dialect=dialect).partition("(")
            columns.append(f"{name} {_TYPES[base]}{paren}{rest}{'?' if col.nullable else ''}")
        uniques = {tuple(c.name for c in con.columns) for con in local.constraints
                   if isinstance(con, UniqueConstraint)}
        uniques |= {tuple(c.name for c in ix.columns) for ix in local.indexes if ix.unique}
        uniques |= {(c.name,) for c in local.columns if c.unique}
        uniques.discard(("id",))
        out.append(table(spec.name, ", ".join(columns), unique=tuple(sorted(uniques)),
                         append_only=spec.append_only, read_roles=READ_ROLES.get(spec.name),
                         hidden=HIDDEN_COLUMNS.get(spec.name, ())))
    return out
