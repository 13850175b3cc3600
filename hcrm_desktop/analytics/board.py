"""The supervisor's live board: today's load, complaints at SLA risk, follow-up progress, agents' states.

`load_board(db, now=..., viewer_role=...)` reads only today's rows through indexed ranges
(`interactions.started_at`, `followup_tasks (state, due_at)`, `complaints.state`) and aggregates in SQLite,
so a refresh costs the same at 10M interactions as on the demo data. Definitions (all at `now`, local time):

- **contacts today**: interactions with `started_at` in `[today 00:00, tomorrow 00:00)`, not deleted; by
  hour of `started_at`, by channel and by type.
- **open complaints**: state new / acknowledged / in progress. **Overdue**: open with `resolve_due < now`.
  **At risk**: open, not overdue, with `at_risk_ratio` (SLA policy) of the working time from `opened_at`
  to `resolve_due` used. *SLA remaining* is counted in working time (`domain/sla.py`: working hours,
  holidays, make-up days) when the policy loads, else in wall-clock time (`Board.sla_clock` says which).
- **follow-ups due today** per assignee (nurse or agent) and per department: tasks with `due_at` today and
  state not cancelled. `done` = state done, `lost` = state lost (失访), `remaining` = open / in progress /
  callback. `due` = done + lost + remaining.
- **agents' states**: there is no live presence feed in the cache, so the state is derived from today's
  activity: an interaction (`started_at`..`ended_at`, then `wrap_seconds` of after-call work) or a
  follow-up call attempt (`at`, `duration_seconds`; among the latest `CALL_TAIL` calls recorded).
  *on_call*: now within a contact (a contact with no end counts for at most an hour); *wrap_up*: within the wrap-up after the latest contact; *available*: the
  latest activity ended less than `IDLE_MINUTES` ago; *away*: active today but longer ago; *offline*:
  nothing today. `last_activity` is when the latest activity ended (or started, while on a call).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pandas as pd

from hcrm_desktop.analytics.frames import Period, parse_stamp, read_rows, require_analytics_role, stamp
from hcrm_desktop.domain.enums import ComplaintState, Role, TaskState
from hcrm_desktop.store.db import Database

IDLE_MINUTES = 15
OPEN_CALL_LIMIT = timedelta(hours=1)
CALL_TAIL = 50_000
RISK_ROWS = 200  # complaints listed (soonest due first); the counts cover all of them
OPEN_COMPLAINT_STATES = (ComplaintState.NEW, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS)
TASK_STATES = tuple(TaskState)
BOARD_ROLES = (Role.AGENT, Role.NURSE)


@dataclass(frozen=True)
class ComplaintRisk:
    id: str
    case_no: str
    subject: str
    severity: str
    state: str
    department: str | None
    handler: str | None
    opened_at: datetime
    resolve_due: datetime
    remaining_minutes: float  # negative: overdue by that much
    status: str  # ok | at_risk | breached


@dataclass(frozen=True)
class FollowUpProgress:
    key: str | None  # staff or department id; None: unassigned / no department
    name: str
    due: int
    done: int
    remaining: int
    lost: int


@dataclass(frozen=True)
class AgentState:
    agent_id: str
    name: str
    role: str
    team: str | None
    state: str  # on_call | wrap_up | available | away | offline
    last_activity: datetime | None
    contacts_today: int
    attempts_today: int


@dataclass(frozen=True, eq=False)
class Board:
    at: datetime
    contacts: pd.DataFrame  # long form: hour, channel, type, n
    open_complaints: int
    overdue_complaints: int
    at_risk_complaints: int
    complaints: tuple[ComplaintRisk, ...]
    sla_clock: str  # "working" (domain.sla policy) or "wall"
    followups_by_assignee: tuple[FollowUpProgress, ...]
    followups_by_department: tuple[FollowUpProgress, ...]
    agents: tuple[AgentState, ...]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def contacts_today(self) -> int:
        return int(self.contacts["n"].sum()) if len(self.contacts) else 0

    def by_hour(self, column: str = "channel") -> pd.DataFrame:
        """Counts with hours 0..23 as the index and one column per channel (or type)."""
        if not len(self.contacts):
            return pd.DataFrame(index=pd.RangeIndex(24, name="hour"))
        table = self.contacts.pivot_table(index="hour", columns=column, values="n", aggfunc="sum", fill_value=0)
        return table.reindex(range(24), fill_value=0).rename_axis("hour").astype(int)

    def totals(self, column: str) -> dict[str, int]:
        """Today's contacts per channel or type."""
        if not len(self.contacts):
            return {}
        return {str(k): int(v) for k, v in self.contacts.groupby(column)["n"].sum().items()}

    @property
    def followups_due(self) -> int:
        return sum(p.due for p in self.followups_by_assignee)

    @property
    def followups_done(self) -> int:
        return sum(p.done for p in self.followups_by_assignee)


def load_board(db: Database, *, now: datetime | None = None, viewer_role: str | Role = Role.SUPERVISOR) -> Board:
    """Everything the live board shows, at `now` (default: the local wall clock)."""
    require_analytics_role(viewer_role)
    now = now or datetime.now()
    today = Period.day(now.date())
    timings: dict[str, float] = {}
    contacts = _timed(timings, "contacts", lambda: contacts_by_hour(db, today))
    risks, counts, clock = _timed(timings, "complaints", lambda: complaints_at_risk(db, now))
    by_assignee, by_department = _timed(timings, "followups", lambda: followup_progress(db, today))
    agents = _timed(timings, "agents", lambda: agent_states(db, now))
    return Board(now, contacts, counts[0], counts[1], counts[2], risks, clock, by_assignee, by_department, agents,
                 timings)


def _timed(timings: dict[str, float], name: str, fn: Any) -> Any:
    started = time.perf_counter()
    result = fn()
    timings[name] = round(time.perf_counter() - started, 4)
    return result


def contacts_by_hour(db: Database, period: Period) -> pd.DataFrame:
    """Interactions started in `period` counted by hour, channel and type (columns hour, channel, type, n)."""
    rows = read_rows(
        db,
        "SELECT CAST(substr(started_at, 12, 2) AS INTEGER) AS hour, channel, type, count(*) FROM interactions"
        " WHERE started_at >= ? AND started_at < ? AND deleted = 0 GROUP BY hour, channel, type",
        period.bounds,
    )
    return pd.DataFrame.from_records(rows, columns=["hour", "channel", "type", "n"])


def _sla_policy() -> Any:
    """The working-time SLA policy, or None when it cannot be loaded (then wall-clock time is used)."""
    try:
        from hcrm_desktop.domain.sla import SlaConfigError, default_policy
    except ImportError:  # pragma: no cover - the module ships with the app
        return None
    try:
        return default_policy()
    except (SlaConfigError, OSError):
        return None


def complaints_at_risk(db: Database, now: datetime) -> tuple[tuple[ComplaintRisk, ...], tuple[int, int, int], str]:
    """Open complaints with a resolve due time, soonest first (at most `RISK_ROWS`), the counts
    (open, overdue, at risk) over all open complaints, and which clock the remaining time is in."""
    marks = ", ".join("?" * len(OPEN_COMPLAINT_STATES))
    rows = read_rows(
        db,
        "SELECT c.id, c.case_no, c.subject, c.severity, c.state, d.name, u.display_name, c.opened_at,"
        " c.resolve_due FROM complaints c"
        " LEFT JOIN departments d ON d.id = coalesce(c.assigned_department_id, c.department_id)"
        " LEFT JOIN staff_users u ON u.id = c.handler_id"
        f" WHERE c.state IN ({marks}) AND c.deleted = 0 ORDER BY c.resolve_due IS NULL, c.resolve_due, c.case_no",
        [s.value for s in OPEN_COMPLAINT_STATES],
    )
    policy = _sla_policy()
    risks: list[ComplaintRisk] = []
    overdue = at_risk = 0
    for cid, case_no, subject, severity, state, dept, handler, opened_raw, due_raw in rows:
        opened, due = parse_stamp(opened_raw), parse_stamp(due_raw)
        if due is None or opened is None:
            continue
        if now > due and len(risks) >= RISK_ROWS:  # counted; its working-time countdown is not shown
            overdue += 1
            continue
        status, remaining = _sla_status(policy, opened, due, now)
        overdue += status == "breached"
        at_risk += status == "at_risk"
        if len(risks) < RISK_ROWS:
            risks.append(ComplaintRisk(cid, case_no, subject, severity, state, dept, handler, opened, due,
                                       remaining, status))
    return tuple(risks), (len(rows), overdue, at_risk), "working" if policy is not None else "wall"


def _sla_status(policy: Any, opened: datetime, due: datetime, now: datetime) -> tuple[str, float]:
    if now > due:
        wall = (now - due).total_seconds() / 60
        if policy is None or wall > 60 * 24 * 90:  # months overdue: the working-time count adds nothing
            return "breached", -wall
        return "breached", float(policy.remaining_minutes(due, now))
    if policy is not None:
        return str(policy.status(opened, due, now)), float(policy.remaining_minutes(due, now))
    allowed = (due - opened).total_seconds()
    used = (now - opened).total_seconds()
    status = "at_risk" if allowed <= 0 or used >= 0.8 * allowed else "ok"
    return status, (due - now).total_seconds() / 60


def followup_progress(db: Database, period: Period) -> tuple[tuple[FollowUpProgress, ...], tuple[FollowUpProgress, ...]]:
    """Follow-up tasks due in `period` per assignee and per department (see the module notes)."""
    marks = ", ".join("?" * len(TASK_STATES))
    rows = read_rows(
        db,
        "SELECT t.assignee_id, u.display_name, t.department_id, d.name, t.state, count(*) FROM followup_tasks t"
        " LEFT JOIN staff_users u ON u.id = t.assignee_id LEFT JOIN departments d ON d.id = t.department_id"
        f" WHERE t.state IN ({marks}) AND t.due_at >= ? AND t.due_at < ? AND t.deleted = 0"
        " GROUP BY t.assignee_id, t.department_id, t.state",
        [*(s.value for s in TASK_STATES), *period.bounds],
    )
    frame = pd.DataFrame.from_records(rows, columns=["assignee", "assignee_name", "dept", "dept_name", "state", "n"])
    return _progress(frame, "assignee", "assignee_name"), _progress(frame, "dept", "dept_name")


def _progress(frame: pd.DataFrame, key: str, name: str) -> tuple[FollowUpProgress, ...]:
    if not len(frame):
        return ()
    frame = frame[frame["state"] != TaskState.CANCELLED.value]
    result = []
    for (k, label), group in frame.groupby([key, name], dropna=False, sort=False):
        by_state = group.groupby("state")["n"].sum()
        done = int(by_state.get(TaskState.DONE.value, 0))
        lost = int(by_state.get(TaskState.LOST.value, 0))
        remaining = int(by_state.sum()) - done - lost
        result.append(FollowUpProgress(None if pd.isna(k) else str(k), "" if pd.isna(label) else str(label),
                                       done + lost + remaining, done, remaining, lost))
    return tuple(sorted(result, key=lambda p: (p.key is None, -p.remaining, p.name)))


def agent_states(db: Database, now: datetime, roles: Sequence[Role] = BOARD_ROLES) -> tuple[AgentState, ...]:
    """Each active agent's and nurse's state at `now`, derived from today's activity (module notes)."""
    day = Period.day(now.date())
    start, end = day.start, min(day.end, now + timedelta(seconds=1))
    bounds = (stamp(start), stamp(end))
    staff = read_rows(
        db,
        f"SELECT id, display_name, role, team FROM staff_users WHERE role IN ({', '.join('?' * len(roles))})"
        " AND active = 1 AND deleted = 0 ORDER BY team, display_name",
        [r.value for r in roles],
    )
    # SQLite returns the bare columns of the row holding max(): the latest contact's end and wrap-up.
    contacts = {row[0]: row[1:] for row in read_rows(
        db,
        "SELECT agent_id, count(*), max(started_at), ended_at, wrap_seconds FROM interactions"
        " WHERE started_at >= ? AND started_at < ? AND deleted = 0 AND agent_id IS NOT NULL GROUP BY agent_id",
        bounds,
    )}
    # `call_attempts.at` has no index: today's calls are looked for among the last `CALL_TAIL` rows of the
    # call log (a rowid range; the log is append-only and rows arrive in time order, locally or by sync;
    # a whole center makes far fewer calls a day), not in the whole log.
    attempts = {row[0]: row[1:] for row in read_rows(
        db,
        "SELECT agent_id, count(*), max(at), duration_seconds FROM call_attempts"
        " WHERE rowid > (SELECT coalesce(max(rowid), 0) FROM call_attempts) - ? AND at >= ? AND at < ?"
        " AND deleted = 0 AND agent_id IS NOT NULL GROUP BY agent_id",
        (CALL_TAIL, *bounds),
    )}
    states = []
    for sid, name, role, team in staff:
        spans = []
        n_contacts, n_attempts = 0, 0
        if sid in contacts:
            n_contacts, started, ended, wrap = contacts[sid]
            spans.append(_span(parse_stamp(started), parse_stamp(ended), wrap))
        if sid in attempts:
            n_attempts, at, seconds = attempts[sid]
            begin = parse_stamp(at)
            spans.append(_span(begin, begin + timedelta(seconds=seconds or 0) if begin else None, 0))
        state, last = _state(spans, now)
        states.append(AgentState(sid, name, role, team, state, last, int(n_contacts), int(n_attempts)))
    return tuple(states)


def _span(started: datetime | None, ended: datetime | None, wrap: int | None) -> tuple[datetime, datetime, datetime]:
    """(start, end of the contact, end of its wrap-up)."""
    assert started is not None
    finish = ended if ended is not None else started + OPEN_CALL_LIMIT
    return started, finish, finish + timedelta(seconds=wrap or 0)


def _state(spans: list[tuple[datetime, datetime, datetime]], now: datetime) -> tuple[str, datetime | None]:
    if not spans:
        return "offline", None
    started, ended, wrapped = max(spans, key=lambda s: s[0])
    if started <= now < ended:
        return "on_call", started
    if ended <= now < wrapped:
        return "wrap_up", ended
    last = max(min(s[2], now) for s in spans)
    if now - last < timedelta(minutes=IDLE_MINUTES):
        return "available", last
    return "away", last
