"""Central DDL from frozen table definitions.

Every central migration carries the definitions of the tables it builds as literals (`table(...)`), so
replaying the history gives the same schema whatever the models say today. These builders turn such a
definition into SQL and registry rows. They are part of the history: what they emit for a given
definition must not change; a new need gets a new builder and a new revision.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Float,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeEngine

from hcrm_desktop.store.base import NAMING
from hcrm_desktop.sync.tables import TableSpec

# The sync columns every central table starts with (DESIGN.md section 4); `version` is bigint centrally.
SYNC_COLUMNS = (("id", "varchar(36)", False), ("version", "bigint", False), ("updated_at", "timestamp", False),
                ("deleted", "boolean", False), ("origin", "varchar(36)", False))
_KINDS = {"varchar": "text", "text": "text", "integer": "int", "bigint": "int", "smallint": "int",
          "float": "float", "double": "float", "boolean": "bool", "timestamp": "datetime", "date": "date",
          "json": "json"}  # fmt: skip


@dataclass(frozen=True)
class CentralTable:
    """One central table as a migration froze it: columns (name, SQL type, nullable) in sync order."""

    name: str
    columns: tuple[tuple[str, str, bool], ...]
    uniques: tuple[tuple[str, ...], ...] = ()
    append_only: bool = False
    read_roles: tuple[str, ...] | None = None
    hidden: tuple[str, ...] = ()

    @property
    def spec(self) -> TableSpec:
        names = tuple(c[0] for c in self.columns)
        kinds = tuple(_KINDS[c[1].split("(")[0]] for c in self.columns)
        return TableSpec(self.name, names, kinds, self.append_only)


def column(text: str) -> tuple[str, str, bool]:
    """`"name varchar(32)?"` -> (name, type, nullable); a trailing `?` means NULL is allowed."""
    name, sql_type = text.split()
    nullable = sql_type.endswith("?")
    sql_type = sql_type.rstrip("?")
    if sql_type.split("(")[0] not in _KINDS:
        raise ValueError(f"unknown column type in {text!r}")
    return name, sql_type, nullable


def table(name: str, columns: str, *, unique: Iterable[tuple[str, ...]] = (), append_only: bool = False,
          read_roles: tuple[str, ...] | None = None, hidden: tuple[str, ...] = ()) -> CentralTable:
    """A frozen definition: the sync columns, then `columns` ("name type?, ...") in the models' order."""
    own = tuple(column(part.strip()) for part in columns.split(",") if part.strip())
    return CentralTable(name, SYNC_COLUMNS + own, tuple(unique), append_only, read_roles, hidden)


def fingerprint(tables: Iterable[CentralTable]) -> str:
    """The schema fingerprint of these definitions (same recipe as `sync.tables.schema_fingerprint`)."""
    text = ";".join(f"{s.name}:{','.join(f'{c}/{k}' for c, k in zip(s.columns, s.kinds, strict=True))}"
                    for s in (t.spec for t in tables))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _sa_type(sql_type: str) -> TypeEngine[Any]:
    base, _, rest = sql_type.partition("(")
    if base == "varchar":
        return String(int(rest.rstrip(")")))
    types: dict[str, TypeEngine[Any]] = {
        "text": Text(), "integer": Integer(), "bigint": BigInteger(), "smallint": SmallInteger(),
        "float": Float(), "double": Double(), "boolean": Boolean(), "timestamp": DateTime(), "date": Date(),
        "json": JSON(),
    }  # fmt: skip
    return types[base]


def metadata_of(tables: Iterable[CentralTable]) -> MetaData:
    """SQLAlchemy tables for these definitions: primary key, unique constraints, an index on version."""
    metadata = MetaData(naming_convention=NAMING)
    for t in tables:
        columns = [Column(n, _sa_type(k), nullable=nullable, primary_key=n == "id") for n, k, nullable in t.columns]
        sa_table = Table(t.name, metadata, *columns, *(UniqueConstraint(*names) for names in sorted(t.uniques)))
        Index(f"ix_{t.name}_version", sa_table.c.version)
    return metadata


def _select(name: str, kind: str) -> str:
    """How a JSON pull ships a column: JSON columns as their text, times already in the workstation's
    storage format (SQLAlchemy's SQLite `YYYY-MM-DD HH:MM:SS.ffffff`), everything else as is."""
    if kind == "json":
        return f'"{name}"::text'
    if kind == "datetime":
        return f"to_char(\"{name}\", 'YYYY-MM-DD HH24:MI:SS.US')"
    return f'"{name}"'


def _bulk_columns(t: CentralTable) -> list[tuple[str, str]]:
    """(column, SQL expression) of a bulk page: everything as text in the form the workstation stores
    (times in SQLAlchemy's SQLite format, booleans as 0/1), secrets left out."""
    spec, out = t.spec, []
    for name, kind in zip(spec.columns, spec.kinds, strict=True):
        if name in t.hidden:
            continue
        if kind == "datetime":
            expr = f"to_char(\"{name}\", 'YYYY-MM-DD HH24:MI:SS.US')"
        elif kind == "bool":
            expr = f'"{name}"::int::text'
        else:
            expr = f'"{name}"::text'
        out.append((name, expr))
    return out


def registry_rows(tables: Sequence[CentralTable]) -> list[dict[str, object]]:
    """Rows of `sync_tables`: what the PL/pgSQL apply and pull code needs to know per table."""
    rows = []
    for position, t in enumerate(tables):
        spec = t.spec
        shipped = [(c, k) for c, k in zip(spec.columns, spec.kinds, strict=True) if c not in t.hidden]
        rows.append({
            "name": t.name,
            "position": position,
            "columns": list(spec.columns),
            "append_only": t.append_only,
            "read_roles": list(t.read_roles) if t.read_roles is not None else None,
            "select_list": ", ".join(_select(name, kind) for name, kind in shipped),
            "columns_json": json.dumps([name for name, _ in shipped]),
            "update_list": ", ".join(f'"{c}"' for c in spec.columns if c != "id"),
        })  # fmt: skip
    return rows


def row_function(t: CentralTable, *, replace: bool = False) -> str:
    """`hcrm_row_<table>`: static SQL (plans cached per session, unlike EXECUTE) to read a row for update,
    insert one, or update one from a JSON object."""
    columns = ", ".join(f'"{c[0]}"' for c in t.columns if c[0] != "id")
    verb = "CREATE OR REPLACE" if replace else "CREATE"
    return f"""
{verb} FUNCTION hcrm_row_{t.name}(p_op text, p_id text, p_row jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r jsonb;
BEGIN
    IF p_op = 'get' THEN
        SELECT to_jsonb(x) INTO r FROM "{t.name}" x WHERE id = p_id FOR UPDATE;
        RETURN r;
    ELSIF p_op = 'insert' THEN
        INSERT INTO "{t.name}" SELECT * FROM jsonb_populate_record(NULL::"{t.name}", p_row);
    ELSE
        UPDATE "{t.name}" SET ({columns}) = (SELECT {columns} FROM jsonb_populate_record(NULL::"{t.name}", p_row))
         WHERE id = p_id;
    END IF;
    RETURN NULL;
END $$;"""


def row_dispatcher(tables: Iterable[CentralTable], *, replace: bool = False) -> str:
    """`hcrm_row(table, ...)`: calls the table's own row function."""
    cases = "\n".join(f"        WHEN '{t.name}' THEN RETURN hcrm_row_{t.name}(p_op, p_id, p_row);" for t in tables)
    verb = "CREATE OR REPLACE" if replace else "CREATE"
    return (f"{verb} FUNCTION hcrm_row(p_table text, p_op text, p_id text, p_row jsonb) RETURNS jsonb\n"
            f"LANGUAGE plpgsql AS $$\nBEGIN\n    CASE p_table\n{cases}\n    END CASE;\nEND $$;\n")


def bulk_function(t: CentralTable) -> str:
    """`hcrm_rows_<table>(since, until)`: a bootstrap page's rows of one table as text, for
    `COPY (SELECT * FROM hcrm_rows_<table>(since, until)) TO STDOUT`."""
    columns = _bulk_columns(t)
    returns = ", ".join(f'"{name}" text' for name, _ in columns)
    select = ", ".join(expr for _, expr in columns)
    return f"""
CREATE FUNCTION hcrm_rows_{t.name}(p_since bigint, p_until bigint, p_actor text DEFAULT NULL)
RETURNS TABLE ({returns})
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE u sync_users := hcrm_actor(p_actor);
BEGIN
    IF hcrm_can_read(u.role, '{t.name}') THEN
        RETURN QUERY SELECT {select} FROM "{t.name}" x WHERE x.version > p_since AND x.version <= p_until;
    END IF;
END $$;"""


def bulk_signature(name: str) -> str:
    return f"hcrm_rows_{name}(bigint, bigint, text)"


def add_column(table_name: str, text: str, default: str | None = None) -> str:
    """`ALTER TABLE ... ADD COLUMN` for a frozen column text ("name type?"), with an optional default
    (required for a NOT NULL column added to a table that may hold rows)."""
    name, sql_type, nullable = column(text)
    pg_type = {"timestamp": "timestamp without time zone", "double": "double precision", "json": "json"}.get(
        sql_type, sql_type)
    clause = "" if nullable else " NOT NULL"
    if default is not None:
        clause = f" DEFAULT {default}{clause}"
    return f'ALTER TABLE "{table_name}" ADD COLUMN "{name}" {pg_type}{clause}'


def permission_rows(permissions: dict[str, dict[str, tuple[str, ...]]]) -> list[dict[str, object]]:
    return [{"role": role, "entity": entity, "ops": list(ops)}
            for role, entities in permissions.items() for entity, ops in entities.items()]


def highs_function(names: Sequence[str]) -> str:
    """`hcrm_highs(since, until)`: each table's newest version in (since, until], tables with none left out,
    in one statement of static SQL, so its plan is cached: one index probe per table, no planning per call."""
    probes = "\n        UNION ALL ".join(
        f"SELECT '{name}'::text, (SELECT max(version) FROM \"{name}\" WHERE version > p_since AND version <= p_until)"
        for name in names)
    return f"""
CREATE OR REPLACE FUNCTION hcrm_highs(p_since bigint, p_until bigint DEFAULT 9223372036854775807)
RETURNS TABLE (t_name text, t_high bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT h.n, h.v FROM (
        {probes}
    ) AS h (n, v) WHERE h.v IS NOT NULL;
END $$;"""
