"""Service-level times counted in working time: a working-hours calendar with public holidays and
make-up working days (调休), and the complaint SLA policy per severity.

**Calendar.** A day is a working day when it is a make-up working day, or a working weekday that is not a
holiday. Within a working day only the configured periods count (by default 08:00-12:00 and 13:30-17:30: the
lunch break does not count). `add_working_time()` moves forward through working periods only;
`working_minutes_between()` counts the working minutes in an interval (negative when it runs backwards).

**Policy** (`resources/recording/sla.json`): per severity, the working time allowed to acknowledge and to
resolve a case, as `"<n>m"`, `"<n>h"` or `"<n>d"` (a working day is the sum of the working periods). A
target is *at risk* once `at_risk_ratio` of its allowed working time is used and *breached* after its due
time; both escalate to a supervisor. Holidays come from `resources/recording/holidays.json`.

Times are naive local wall-clock times of the hospital (see `store/models.py`). Pure Python.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

MAX_SEARCH_DAYS = 3660  # a calendar without a working day in ten years is a configuration error
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhd])\s*$")


class SlaConfigError(ValueError):
    """A calendar or policy file that cannot be used; the message names the file and the entry."""


class SlaStatus(StrEnum):
    OK = "ok"
    AT_RISK = "at_risk"
    BREACHED = "breached"


@dataclass(frozen=True)
class WorkingCalendar:
    periods: tuple[tuple[time, time], ...] = ((time(8, 0), time(12, 0)), (time(13, 30), time(17, 30)))
    weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})  # ISO weekdays: Monday = 1
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()  # make-up working days (调休上班), e.g. a Saturday

    @property
    def day_minutes(self) -> int:
        """Working minutes in one full working day."""
        return sum(_minutes(start, end) for start, end in self.periods)

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.isoweekday() in self.weekdays and day not in self.holidays

    def add_working_time(self, start: datetime, minutes: float) -> datetime:
        """The moment `minutes` of working time after `start` (a start outside working hours counts from
        the next working period). Zero or negative minutes return `start`."""
        remaining = timedelta(minutes=minutes)
        if remaining <= timedelta(0):
            return start
        day, cursor = start.date(), start
        for _ in range(MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                for begin, end in self._spans(day):
                    begin = max(begin, cursor)
                    if begin >= end:
                        continue
                    if end - begin >= remaining:
                        return begin + remaining
                    remaining -= end - begin
            day += timedelta(days=1)
            cursor = datetime.combine(day, time())
        raise SlaConfigError("the working calendar has no working time in ten years")

    def working_minutes_between(self, a: datetime, b: datetime) -> float:
        """Working minutes from `a` to `b`; negative when `b` is before `a`."""
        if b < a:
            return -self.working_minutes_between(b, a)
        total = timedelta(0)
        day = a.date()
        while day <= b.date():
            if self.is_working_day(day):
                for begin, end in self._spans(day):
                    overlap = min(end, b) - max(begin, a)
                    if overlap > timedelta(0):
                        total += overlap
            day += timedelta(days=1)
        return total.total_seconds() / 60

    def _spans(self, day: date) -> Iterable[tuple[datetime, datetime]]:
        return ((datetime.combine(day, begin), datetime.combine(day, end)) for begin, end in self.periods)


@dataclass(frozen=True)
class SlaTarget:
    acknowledge_minutes: float
    resolve_minutes: float


@dataclass(frozen=True)
class SlaPolicy:
    calendar: WorkingCalendar
    targets: Mapping[str, SlaTarget]
    at_risk_ratio: float = 0.8

    def target(self, severity: str) -> SlaTarget:
        try:
            return self.targets[severity]
        except KeyError:
            raise SlaConfigError(f"no SLA target for severity {severity!r}") from None

    def dues(self, severity: str, opened_at: datetime) -> tuple[datetime, datetime]:
        """(acknowledge_due, resolve_due) of a case of `severity` opened at `opened_at`."""
        target = self.target(severity)
        add = self.calendar.add_working_time
        return add(opened_at, target.acknowledge_minutes), add(opened_at, target.resolve_minutes)

    def remaining_minutes(self, due: datetime, now: datetime) -> float:
        """Working minutes left until `due` (negative: how long overdue, in working minutes)."""
        return self.calendar.working_minutes_between(now, due)

    def status(self, start: datetime, due: datetime, now: datetime) -> SlaStatus:
        """Breached after `due`; at risk once `at_risk_ratio` of the working time from `start` is used."""
        if now > due:
            return SlaStatus.BREACHED
        allowed = self.calendar.working_minutes_between(start, due)
        return self.status_of(self.calendar.working_minutes_between(now, due), allowed)

    def status_of(self, remaining: float, allowed: float) -> SlaStatus:
        """The status from working minutes left (negative: overdue) and allowed in all; lets a screen
        re-colour a countdown without the calendar."""
        if remaining < 0:
            return SlaStatus.BREACHED
        if allowed <= 0 or remaining <= allowed * (1 - self.at_risk_ratio) + 1e-9:
            return SlaStatus.AT_RISK
        return SlaStatus.OK


# --- loading -----------------------------------------------------------------------------------------


def _minutes(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SlaConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SlaConfigError(f"{path}: not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise SlaConfigError(f"{path}: expected a JSON object at the top")
    return data


def _time(value: Any, where: str) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise SlaConfigError(f"{where}: {value!r} is not a time like 08:00") from None


def _date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise SlaConfigError(f"{where}: {value!r} is not a date like 2026-10-01") from None


def parse_periods(raw: Any, where: str) -> tuple[tuple[time, time], ...]:
    if not isinstance(raw, list) or not raw:
        raise SlaConfigError(f"{where}: expected a list of [start, end] pairs")
    periods: list[tuple[time, time]] = []
    for i, pair in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise SlaConfigError(f"{at}: expected [start, end]")
        start, end = _time(pair[0], at), _time(pair[1], at)
        if end <= start:
            raise SlaConfigError(f"{at}: the end {pair[1]} is not after the start {pair[0]}")
        if periods and start < periods[-1][1]:
            raise SlaConfigError(f"{at}: overlaps or precedes the period before it")
        periods.append((start, end))
    return tuple(periods)


def parse_duration(value: Any, day_minutes: int, where: str) -> float:
    """'30m', '4h', '2d' (working days) -> working minutes."""
    match = _DURATION.match(str(value))
    if match is None:
        raise SlaConfigError(f"{where}: {value!r} is not a duration like 30m, 4h or 2d")
    amount, unit = float(match.group(1)), match.group(2)
    minutes = amount * {"m": 1, "h": 60, "d": day_minutes}[unit]
    if minutes <= 0:
        raise SlaConfigError(f"{where}: the duration must be more than zero")
    return minutes


def parse_holidays(data: Mapping[str, Any], where: str) -> tuple[frozenset[date], frozenset[date]]:
    """(holidays, make-up working days) from {"holidays": [{from, to}...], "workdays": [{date}...]}."""
    holidays: set[date] = set()
    for i, entry in enumerate(data.get("holidays", [])):
        at = f"{where}: holidays[{i}]"
        if not isinstance(entry, dict):
            raise SlaConfigError(f"{at}: expected an object with from and to")
        first = _date(entry.get("from"), at)
        last = _date(entry.get("to", entry.get("from")), at)
        if last < first or (last - first).days > 31:
            raise SlaConfigError(f"{at}: 'to' must be on or after 'from' and within 31 days")
        holidays.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    workdays: set[date] = set()
    for i, entry in enumerate(data.get("workdays", [])):
        at = f"{where}: workdays[{i}]"
        day = _date(entry.get("date") if isinstance(entry, dict) else entry, at)
        if day in holidays:
            raise SlaConfigError(f"{at}: {day} is also listed as a holiday")
        workdays.add(day)
    return frozenset(holidays), frozenset(workdays)


def _weekdays(raw: Any, where: str) -> frozenset[int]:
    if not isinstance(raw, list) or not raw or not all(isinstance(d, int) and 1 <= d <= 7 for d in raw):
        raise SlaConfigError(f"{where}: expected a list of ISO weekdays 1 (Monday) .. 7 (Sunday)")
    return frozenset(raw)


def _targets(raw: Any, day_minutes: int, where: str) -> dict[str, SlaTarget]:
    if not isinstance(raw, dict) or not raw:
        raise SlaConfigError(f"{where}: expected an object severity -> {{acknowledge, resolve}}")
    targets: dict[str, SlaTarget] = {}
    for severity, entry in raw.items():
        at = f"{where}.{severity}"
        if not isinstance(entry, dict):
            raise SlaConfigError(f"{at}: expected {{acknowledge, resolve}}")
        ack = parse_duration(entry.get("acknowledge"), day_minutes, f"{at}.acknowledge")
        resolve = parse_duration(entry.get("resolve"), day_minutes, f"{at}.resolve")
        if resolve < ack:
            raise SlaConfigError(f"{at}: resolve time is shorter than acknowledge time")
        targets[severity] = SlaTarget(ack, resolve)
    return targets


def load_policy(sla_path: Path, holidays_path: Path, *, severities: Iterable[str] = ()) -> SlaPolicy:
    """Read and validate the SLA policy and holiday calendar; raise `SlaConfigError` with a clear message.

    `severities` lists the severities that must have a target.
    """
    data = _read(sla_path)
    periods = parse_periods(data.get("working_hours"), f"{sla_path}: working_hours")
    weekdays = _weekdays(data.get("working_weekdays", [1, 2, 3, 4, 5]), f"{sla_path}: working_weekdays")
    holidays, workdays = parse_holidays(_read(holidays_path), str(holidays_path))
    calendar = WorkingCalendar(periods, weekdays, holidays, workdays)
    targets = _targets(data.get("severities"), calendar.day_minutes, f"{sla_path}: severities")
    missing = sorted(set(severities) - set(targets))
    if missing:
        raise SlaConfigError(f"{sla_path}: severities: no target for {', '.join(missing)}")
    ratio = data.get("at_risk_ratio", 0.8)
    if not isinstance(ratio, int | float) or not 0 < ratio <= 1:
        raise SlaConfigError(f"{sla_path}: at_risk_ratio: expected a number above 0 and at most 1")
    return SlaPolicy(calendar, targets, float(ratio))


@functools.cache
def default_policy() -> SlaPolicy:
    """The policy shipped in `resources/recording/` (read once)."""
    from hcrm_desktop.domain.enums import ComplaintSeverity
    from hcrm_desktop.paths import resource

    return load_policy(resource("recording", "sla.json"), resource("recording", "holidays.json"),
                       severities=tuple(ComplaintSeverity))
