"""Shared pieces of the analytics modules: periods, the viewer check, and SQL results as pandas frames.

Every analytics query reads the local cache with plain SQL over an indexed range (e.g.
`interactions.started_at`), aggregates in SQLite (GROUP BY) and hands pandas only the small result to
shape; nothing loads a whole table. Times in the cache are stored as SQLAlchemy writes them
(`YYYY-MM-DD HH:MM:SS.ffffff` text), so bounds are bound as text in that same format (`stamp()`), and a
text comparison is a time comparison.

`Period` is a half-open range of naive local wall-clock time `[start, end)`, as business times are stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.store.db import Database

ANALYTICS_ROLES = (Role.SUPERVISOR, Role.ADMIN)
STAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


class AnalyticsForbidden(PermissionError):
    """The viewer's role may not see the supervisor workspace. `code` is "forbidden" (the UI translates)."""

    def __init__(self, role: str) -> None:
        super().__init__(f"role {role!r} may not see analytics")
        self.role = role
        self.code = "forbidden"
        self.field: str | None = None


def require_analytics_role(role: str | Role) -> None:
    """Raise `AnalyticsForbidden` unless `role` is a supervisor or an administrator."""
    if str(role) not in {r.value for r in ANALYTICS_ROLES}:
        raise AnalyticsForbidden(str(role))


@dataclass(frozen=True)
class Period:
    """Naive local times `[start, end)`."""

    start: datetime
    end: datetime

    @classmethod
    def day(cls, day: date) -> Period:
        start = datetime.combine(day, time())
        return cls(start, start + timedelta(days=1))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = datetime(year, month, 1)
        end = datetime(year + 1, 1, 1) if month == 12 else datetime(year, month + 1, 1)
        return cls(start, end)

    @classmethod
    def this_month(cls, today: date) -> Period:
        return cls.month(today.year, today.month)

    @classmethod
    def last_month(cls, today: date) -> Period:
        first = today.replace(day=1) - timedelta(days=1)
        return cls.month(first.year, first.month)

    @classmethod
    def days(cls, first: date, last: date) -> Period:
        """From the start of `first` to the end of `last` (both included)."""
        return cls(datetime.combine(first, time()), datetime.combine(last, time()) + timedelta(days=1))

    @property
    def bounds(self) -> tuple[str, str]:
        """Start and end as stored text, for `?` parameters."""
        return stamp(self.start), stamp(self.end)

    def label(self) -> str:
        last = (self.end - timedelta(microseconds=1)).date()
        return f"{self.start.date().isoformat()} – {last.isoformat()}"


def stamp(value: datetime) -> str:
    """A time as the cache stores it, so text comparisons in SQL are time comparisons."""
    return value.strftime(STAMP_FORMAT)


def parse_stamp(value: object) -> datetime | None:
    """A stored time (text, maybe without fractions) as a datetime; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def read_frame(db: Database, sql: str, params: Sequence[Any] | Mapping[str, Any] = (),
               columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Run one read query on the cache and return its rows as a DataFrame (column names from the query,
    or `columns`). Uses the DB-API connection directly: at hundreds of thousands of result rows the ORM
    would cost more than SQLite."""
    with db.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            names = list(columns) if columns is not None else [d[0] for d in cursor.description or ()]
        finally:
            cursor.close()
    return pd.DataFrame.from_records(rows, columns=names)


def read_rows(db: Database, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[tuple[Any, ...]]:
    """Run one read query and return plain tuples."""
    with db.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, params)
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()


def interactions_frame(db: Database, period: Period, *, agent_ids: Sequence[str] | None = None,
                       columns: Sequence[str] = ("id", "agent_id", "type", "channel", "started_at",
                                                 "handle_seconds", "wrap_seconds")) -> pd.DataFrame:
    """The interactions that started in `period` (an indexed range read), optionally of some agents only.
    Only the named columns are read; `started_at` comes back as datetime64."""
    allowed = {"id", "patient_id", "agent_id", "type", "channel", "direction", "category", "disposition",
               "started_at", "ended_at", "handle_seconds", "wrap_seconds", "resolved_first_contact",
               "credited_staff_id", "credited_department_id", "call_id"}
    unknown = set(columns) - allowed
    if unknown:
        raise ValueError(f"unknown interaction columns: {sorted(unknown)}")
    sql = f"SELECT {', '.join(columns)} FROM interactions WHERE started_at >= ? AND started_at < ? AND deleted = 0"
    params: list[Any] = list(period.bounds)
    if agent_ids is not None:
        sql += f" AND agent_id IN ({', '.join('?' * len(agent_ids))})"
        params.extend(agent_ids)
    frame = read_frame(db, sql, params, columns)
    for name in ("started_at", "ended_at"):
        if name in frame.columns:
            frame[name] = pd.to_datetime(frame[name], format="ISO8601")
    return frame
