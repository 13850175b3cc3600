"""Agent performance per agent or team and period, with a drill-down to the records behind any figure.

Each figure is aggregated in SQLite (GROUP BY over an indexed date range) into sums and counts per staff
member; pandas only joins them and, for teams (`staff_users.team`), adds the sums up before dividing, so a
team's average is over its records, not an average of averages. The same FROM/WHERE text serves the
aggregate and the drill-down, so the rows listed are exactly the rows counted.

KPI definitions, for the staff member *A* and the period *P* = `[start, end)` (naive local times):

- `contacts`: interactions with `agent_id` = A and `started_at` in P (not deleted), any type or channel.
- `aht` (average handle time, seconds): mean `handle_seconds` of those contacts that have one.
- `wrap` (average wrap-up time, seconds): mean `wrap_seconds` of those contacts that have one.
- `fcr` (first-contact resolution, %): of those contacts with `resolved_first_contact` recorded, the share
  that is true.
- `praise`: praise interactions (type praise) started in P with `credited_staff_id` = A.
- `complaints_about`: complaints opened in P whose `staff_involved` text contains A's display name.
- `complaints_handled`: complaints opened in P with `handler_id` = A.
- `sla_met` (%): of the complaints handled by A opened in P whose SLA outcome is known at `now` (resolved,
  or `resolve_due` already past) and that have a `resolve_due`, the share with `resolved_at` <= `resolve_due`.
- `complaint_satisfaction` (1..5): mean `satisfaction` of the complaints handled by A opened in P.
- `followups`: follow-up tasks with `assignee_id` = A and `due_at` in P, not cancelled.
- `completion` (%): the share of those `followups` in state done.
- `attempts_per_completion`: the calls made on those `followups` (`followup_tasks.attempts`, which the
  worklist keeps in step with the task's `call_attempts` rows) divided by the done ones: the calls it took
  per completed follow-up (calls on tasks not completed included). Its drill-down lists the tasks.
- `satisfaction` (survey score): mean `survey_responses.score` of responses submitted in P that belong to
  an interaction of A (`interaction_id`) or else to a follow-up task assigned to A (`task_id`).
- `qa`: mean `qa_reviews.total` (0..100) of reviews of A made in P.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from hcrm_desktop.analytics.frames import Period, read_frame, read_rows, require_analytics_role, stamp
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.store.db import Database

STAFF_ROLES = (Role.AGENT, Role.NURSE, Role.SUPERVISOR)
NO_TEAM = ""


# The period's rows are picked by rowid from the date index first, then read in rowid (file) order: at a
# million rows spread over the file that is several times faster than reading them in date order.
_INTERACTIONS_IN_PERIOD = (
    "i.rowid IN (SELECT rowid FROM interactions WHERE started_at >= :start AND started_at < :end)"
)
_TASKS_DUE_IN_PERIOD = (
    "t.rowid IN (SELECT rowid FROM followup_tasks WHERE state IN ('open', 'in_progress', 'callback', 'done', 'lost')"
    " AND due_at >= :start AND due_at < :end)"
)


@dataclass(frozen=True)
class _Source:
    """Rows of one table for a period: `key` is the staff column, `where` the filter (with `:start`,
    `:end`, `:now` parameters), `sums` the aggregates per staff member, `detail` the drill-down columns."""

    key: str
    table: str
    where: str
    sums: str
    detail: str
    order: str


SOURCES: dict[str, _Source] = {
    "contacts": _Source(
        "i.agent_id", "interactions i",
        f"{_INTERACTIONS_IN_PERIOD} AND i.deleted = 0 AND i.agent_id IS NOT NULL",
        "count(*) AS contacts, total(i.handle_seconds) AS handle_sum, count(i.handle_seconds) AS handle_n,"
        " total(i.wrap_seconds) AS wrap_sum, count(i.wrap_seconds) AS wrap_n,"
        " total(i.resolved_first_contact = 1) AS fcr_yes, count(i.resolved_first_contact) AS fcr_n",
        "i.id, i.started_at, i.type, i.channel, i.category, i.handle_seconds, i.wrap_seconds,"
        " i.resolved_first_contact, i.patient_id, i.agent_id",
        "i.started_at, i.id",
    ),
    "praise": _Source(
        "i.credited_staff_id", "interactions i",
        f"{_INTERACTIONS_IN_PERIOD} AND i.deleted = 0 AND i.type = 'praise'"
        " AND i.credited_staff_id IS NOT NULL",
        "count(*) AS praise",
        "i.id, i.started_at, i.channel, i.category, i.summary, i.patient_id, i.agent_id",
        "i.started_at, i.id",
    ),
    "handled": _Source(
        "c.handler_id", "complaints c",
        "c.opened_at >= :start AND c.opened_at < :end AND c.deleted = 0 AND c.handler_id IS NOT NULL",
        "count(*) AS complaints_handled,"
        " total(c.resolve_due IS NOT NULL AND (c.resolved_at IS NOT NULL OR c.resolve_due < :now)) AS sla_n,"
        " total(c.resolve_due IS NOT NULL AND c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolve_due)"
        " AS sla_yes, total(c.satisfaction) AS csat_sum, count(c.satisfaction) AS csat_n",
        "c.id, c.case_no, c.opened_at, c.severity, c.state, c.subject, c.resolve_due, c.resolved_at,"
        " c.satisfaction, c.patient_id, c.handler_id",
        "c.opened_at, c.id",
    ),
    "about": _Source(
        "s.id", "complaints c JOIN staff_users s ON instr(c.staff_involved, s.display_name) > 0",
        "c.opened_at >= :start AND c.opened_at < :end AND c.deleted = 0 AND c.staff_involved IS NOT NULL",
        "count(*) AS complaints_about",
        "c.id, c.case_no, c.opened_at, c.severity, c.state, c.subject, c.staff_involved, c.patient_id",
        "c.opened_at, c.id",
    ),
    "followups": _Source(
        "t.assignee_id", "followup_tasks t",
        f"{_TASKS_DUE_IN_PERIOD} AND t.deleted = 0 AND t.assignee_id IS NOT NULL",
        "count(*) AS followups, total(t.state = 'done') AS followups_done, total(t.attempts) AS attempts",
        "t.id, t.due_at, t.state, t.outcome, t.completed_at, t.attempts, t.patient_id, t.assignee_id",
        "t.due_at, t.id",
    ),
    "surveys": _Source(
        "coalesce(i.agent_id, t.assignee_id)",
        "survey_responses r LEFT JOIN interactions i ON i.id = r.interaction_id"
        " LEFT JOIN followup_tasks t ON t.id = r.task_id",
        "r.submitted_at >= :start AND r.submitted_at < :end AND r.deleted = 0 AND r.score IS NOT NULL",
        "total(r.score) AS survey_sum, count(r.score) AS survey_n",
        "r.id, r.submitted_at, r.score, r.interaction_id, r.task_id, r.patient_id",
        "r.submitted_at, r.id",
    ),
    "qa": _Source(
        "q.agent_id", "qa_reviews q",
        "q.reviewed_at >= :start AND q.reviewed_at < :end AND q.deleted = 0 AND q.agent_id IS NOT NULL",
        "total(q.total) AS qa_sum, count(*) AS qa_n",
        "q.id, q.reviewed_at, q.total, q.interaction_id, q.reviewer_id, q.comment",
        "q.reviewed_at, q.id",
    ),
}
AGGREGATED = ("handled", "about", "followups", "surveys", "qa")  # contacts and praise: one pass, `_contacts()`

# KPI -> (source, extra drill-down filter narrowing to the rows the figure is computed over)
KPIS: dict[str, tuple[str, str]] = {
    "contacts": ("contacts", ""),
    "aht": ("contacts", "i.handle_seconds IS NOT NULL"),
    "wrap": ("contacts", "i.wrap_seconds IS NOT NULL"),
    "fcr": ("contacts", "i.resolved_first_contact IS NOT NULL"),
    "praise": ("praise", ""),
    "complaints_about": ("about", ""),
    "complaints_handled": ("handled", ""),
    "sla_met": ("handled", "c.resolve_due IS NOT NULL AND (c.resolved_at IS NOT NULL OR c.resolve_due < :now)"),
    "complaint_satisfaction": ("handled", "c.satisfaction IS NOT NULL"),
    "followups": ("followups", ""),
    "completion": ("followups", ""),
    "attempts_per_completion": ("followups", ""),
    "satisfaction": ("surveys", ""),
    "qa": ("qa", ""),
}
RAW_COLUMNS = ("contacts", "handle_sum", "handle_n", "wrap_sum", "wrap_n", "fcr_yes", "fcr_n", "praise",
               "complaints_handled", "sla_n", "sla_yes", "csat_sum", "csat_n", "complaints_about", "followups",
               "followups_done", "attempts", "survey_sum", "survey_n", "qa_sum", "qa_n")  # fmt: skip
KPI_COLUMNS = tuple(KPIS)


def _params(period: Period, now: datetime) -> dict[str, str]:
    start, end = period.bounds
    return {"start": start, "end": end, "now": stamp(now)}


def staff_frame(db: Database, roles: Sequence[Role] = STAFF_ROLES) -> pd.DataFrame:
    """Desk staff (id, name, username, role, team) who may have figures."""
    marks = ", ".join("?" * len(roles))
    frame = read_frame(
        db,
        f"SELECT id, display_name AS name, username, role, coalesce(team, '') AS team FROM staff_users"
        f" WHERE role IN ({marks}) AND deleted = 0 ORDER BY coalesce(team, '') = '', team, display_name",
        [r.value for r in roles],
    )
    return frame.set_index("id")


def raw_sums(db: Database, period: Period, *, now: datetime) -> pd.DataFrame:
    """Per staff id, the sums and counts every KPI is made of (columns `RAW_COLUMNS`)."""
    params = _params(period, now)
    parts = [_contacts(db, params)]
    for name in AGGREGATED:
        src = SOURCES[name]
        frame = read_frame(db, f"SELECT {src.key} AS staff_id, {src.sums} FROM {src.table} WHERE {src.where}"
                               f" GROUP BY staff_id", params)
        parts.append(frame.dropna(subset=["staff_id"]).set_index("staff_id"))
    raw = pd.concat(parts, axis=1).reindex(columns=list(RAW_COLUMNS))
    return raw.fillna(0).astype(float)


def _contacts(db: Database, params: dict[str, str]) -> pd.DataFrame:
    """The contact sums per agent and the praise per credited staff member, in one pass over the period's
    interactions (the biggest range read): grouped by agent and, for praise, the credited staff member."""
    src = SOURCES["contacts"]
    praised = "CASE WHEN i.type = 'praise' THEN i.credited_staff_id END"
    frame = read_frame(db, f"SELECT {src.key} AS staff_id, {praised} AS credited, {src.sums} FROM {src.table}"
                           f" WHERE {src.where} GROUP BY staff_id, credited", params)
    sums = frame.drop(columns="credited").groupby("staff_id").sum()
    praise = frame.dropna(subset=["credited"]).groupby("credited")["contacts"].sum().rename("praise")
    return sums.join(praise, how="outer")


def kpi_table(db: Database, period: Period, *, by: str = "agent", now: datetime | None = None,
              viewer_role: str | Role = Role.SUPERVISOR) -> pd.DataFrame:
    """One row per staff member (`by="agent"`, index staff id) or team (`by="team"`, index team name, ""
    for staff without a team), columns `name`, `team` then `KPI_COLUMNS`; a ratio with nothing to divide
    by is NaN (shown as "–"). Staff without any figure in the period are listed too (agents only)."""
    require_analytics_role(viewer_role)
    now = now or datetime.now()
    staff = staff_frame(db)
    raw = raw_sums(db, period, now=now)
    raw = raw.reindex(staff.index).fillna(0.0)  # desk staff only (praise also credits doctors)
    active = (raw.sum(axis=1) > 0) | (staff["role"] == Role.AGENT.value).reindex(raw.index, fill_value=False)
    raw = raw[active]
    if by == "team":
        raw = raw.groupby(staff["team"].reindex(raw.index)).sum()
        labels = pd.DataFrame({"name": raw.index, "team": raw.index}, index=raw.index)
    elif by == "agent":
        labels = staff.loc[raw.index, ["name", "team"]]
    else:
        raise ValueError(f"by must be 'agent' or 'team', not {by!r}")
    table = labels.join(_ratios(raw))
    order = sorted(table.index, key=lambda k: (table.at[k, "team"] == NO_TEAM, table.at[k, "team"], table.at[k, "name"]))
    return table.loc[order]


def _ratios(raw: pd.DataFrame) -> pd.DataFrame:
    def div(num: str, den: str, scale: float = 1.0) -> pd.Series:
        return (raw[num] * scale / raw[den]).where(raw[den] > 0)

    out = pd.DataFrame(index=raw.index)
    out["contacts"] = raw["contacts"].astype(int)
    out["aht"] = div("handle_sum", "handle_n")
    out["wrap"] = div("wrap_sum", "wrap_n")
    out["fcr"] = div("fcr_yes", "fcr_n", 100)
    out["praise"] = raw["praise"].astype(int)
    out["complaints_about"] = raw["complaints_about"].astype(int)
    out["complaints_handled"] = raw["complaints_handled"].astype(int)
    out["sla_met"] = div("sla_yes", "sla_n", 100)
    out["complaint_satisfaction"] = div("csat_sum", "csat_n")
    out["followups"] = raw["followups"].astype(int)
    out["completion"] = div("followups_done", "followups", 100)
    out["attempts_per_completion"] = div("attempts", "followups_done")
    out["satisfaction"] = div("survey_sum", "survey_n")
    out["qa"] = div("qa_sum", "qa_n")
    return out


def team_members(db: Database, team: str) -> list[str]:
    """Staff ids of `team` ("" for staff without a team)."""
    return [str(r[0]) for r in read_rows(
        db, "SELECT id FROM staff_users WHERE coalesce(team, '') = ? AND deleted = 0", (team,))]


def drill_down(db: Database, *, kpi: str, period: Period, staff_ids: Sequence[str], now: datetime | None = None,
               viewer_role: str | Role = Role.SUPERVISOR, limit: int | None = None) -> pd.DataFrame:
    """The records behind the figure `kpi` of `staff_ids` (one agent, or a team's members) in `period`:
    exactly the rows its numerator and denominator are computed over, oldest first."""
    require_analytics_role(viewer_role)
    if kpi not in KPIS:
        raise ValueError(f"unknown KPI {kpi!r}")
    source_name, narrow = KPIS[kpi]
    src = SOURCES[source_name]
    params: dict[str, Any] = _params(period, now or datetime.now())
    names = [f"s{i}" for i in range(len(staff_ids))]
    params.update(zip(names, staff_ids, strict=True))
    where = f"{src.where} AND {src.key} IN ({', '.join(':' + n for n in names) or 'NULL'})"
    if narrow:
        where += f" AND {narrow}"
    sql = f"SELECT {src.detail} FROM {src.table} WHERE {where} ORDER BY {src.order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return read_frame(db, sql, params)
