"""Messages between a workstation and the central side, and their validation.

Every reply is checked before anything is written: a hostile or truncated reply raises `BadReply` and
leaves the local database and the outbox untouched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hcrm_desktop.store.models import Outbox
from hcrm_desktop.sync.errors import BadReply
from hcrm_desktop.sync.tables import PROTOCOL, TableSpec, table_specs

try:
    import orjson

    def loads(data: bytes | str) -> Any:
        return orjson.loads(data)

    def dumps(value: Any) -> bytes:
        return orjson.dumps(value)
except ImportError:  # pragma: no cover - orjson is optional

    def loads(data: bytes | str) -> Any:
        return json.loads(data)

    def dumps(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


STATUSES = ("applied", "duplicate", "conflict", "rejected")


@dataclass(frozen=True)
class ServerInfo:
    protocol: int
    schema: str
    fingerprint: str
    central_id: str
    high: int

    @property
    def revision(self) -> int:
        """The central schema's revision as a number (c0003 -> 3; 0 when unknown)."""
        return int(self.schema[1:]) if self.schema[:1] == "c" and self.schema[1:].isdigit() else 0

    @property
    def ranged_bulk(self) -> bool:
        """The central serves bootstrap pages by version range (central revision c0003 and later)."""
        return self.revision >= 3

    @property
    def snapshots(self) -> bool:
        """The central may hold workstation images for first installs (c0004 and later)."""
        return self.revision >= 4


@dataclass(frozen=True)
class Identity:
    username: str
    role: str
    staff_user_id: str | None = None


@dataclass(frozen=True)
class MutationResult:
    mutation_id: str
    status: str  # applied | duplicate | conflict | rejected
    version: int = 0
    reason: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # the losing local values of a conflict
    server_row: dict[str, Any] | None = None


@dataclass
class PullPage:
    since: int
    next: int
    more: bool
    tables: dict[str, tuple[tuple[str, ...], list[list[Any]]]]  # name -> (columns, rows)
    prepared: bool = False  # cells already in storage form (bulk pages), no conversion; NULL as the text `\N`
    exact: dict[str, list[list[Any]]] = field(default_factory=dict)  # bulk rows with None for NULL (same columns)

    @property
    def row_count(self) -> int:
        return sum(len(rows) for _, rows in self.tables.values()) + sum(map(len, self.exact.values()))


def mutation_message(row: Outbox) -> dict[str, Any]:
    return {
        "mutation_id": row.mutation_id,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "op": row.op,
        "base_version": row.base_version,
        "fields": row.fields,
    }


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise BadReply(what)


def _int(value: Any, what: str) -> int:
    _require(isinstance(value, int) and not isinstance(value, bool) and value >= 0, what)
    return int(value)


def parse_json(data: bytes | str, what: str) -> Any:
    try:
        return loads(data)
    except (ValueError, TypeError) as exc:
        raise BadReply(f"{what}: not JSON ({exc})") from None


def parse_info(value: Any) -> ServerInfo:
    _require(isinstance(value, dict), "version reply is not an object")
    try:
        return ServerInfo(
            protocol=int(value["protocol"]),
            schema=str(value["schema"]),
            fingerprint=str(value["fingerprint"]),
            central_id=str(value["central_id"]),
            high=_int(value.get("high", 0), "high"),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise BadReply(f"version reply: {exc!r}") from None


def parse_identity(value: Any) -> Identity:
    _require(isinstance(value, dict) and isinstance(value.get("username"), str)
             and value.get("role") in ("agent", "nurse", "supervisor", "admin"), "identity reply")
    staff = value.get("staff_user_id")
    return Identity(value["username"], value["role"], staff if isinstance(staff, str) else None)


def parse_push_reply(value: Any, sent: list[dict[str, Any]]) -> list[MutationResult]:
    """One result per mutation sent, in order, each naming its mutation."""
    _require(isinstance(value, dict) and isinstance(value.get("results"), list), "push reply")
    results = value["results"]
    _require(len(results) == len(sent), f"push reply has {len(results)} results for {len(sent)} mutations")
    parsed = []
    for item, mutation in zip(results, sent, strict=True):
        _require(isinstance(item, dict), "push result is not an object")
        _require(item.get("mutation_id") == mutation["mutation_id"], "push result for another mutation")
        status = item.get("status")
        _require(status in STATUSES, f"unknown push status {status!r}")
        version = item.get("version") or 0
        fields = item.get("fields") or {}
        row = item.get("server_row")
        _require(isinstance(fields, dict) and (row is None or isinstance(row, dict)), "push result fields")
        parsed.append(MutationResult(
            mutation_id=mutation["mutation_id"], status=status, version=_int(version, "push version"),
            reason=str(item.get("reason") or "")[:32], fields=fields, server_row=row,
        ))
    return parsed


def parse_pull(data: bytes | str, since: int) -> PullPage:
    value = parse_json(data, "pull reply")
    _require(isinstance(value, dict), "pull reply is not an object")
    _require(value.get("protocol") == PROTOCOL, "pull reply protocol")
    _require(_int(value.get("since"), "since") == since, "pull reply for another cursor")
    nxt = _int(value.get("next"), "next")
    _require(nxt >= since, "pull cursor went backwards")
    more = value.get("more")
    _require(isinstance(more, bool), "more")
    tables = value.get("tables")
    _require(isinstance(tables, dict), "tables")
    specs = table_specs()
    page: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {}
    for name, body in tables.items():
        _require(name in specs, f"unknown table {name!r}")
        page[name] = _table(specs[name], body, since, nxt)
    return PullPage(since, nxt, more, page)


def _table(spec: TableSpec, body: Any, since: int, nxt: int) -> tuple[tuple[str, ...], list[list[Any]]]:
    _require(isinstance(body, dict), f"{spec.name}: not an object")
    columns, rows = body.get("columns"), body.get("rows")
    _require(isinstance(columns, list) and isinstance(rows, list), f"{spec.name}: columns/rows")
    _require(columns[:2] == ["id", "version"] and set(columns) <= set(spec.columns)
             and len(set(columns)) == len(columns), f"{spec.name}: unexpected columns")
    width = len(columns)
    for row in rows:
        _require(isinstance(row, list) and len(row) == width, f"{spec.name}: malformed row")
        _require(isinstance(row[0], str) and 0 < len(row[0]) <= 36, f"{spec.name}: bad id")
        version = row[1]
        _require(isinstance(version, int) and since < version <= nxt, f"{spec.name}: version out of range")
    return tuple(columns), rows
