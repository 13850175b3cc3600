"""Making follow-up tasks from the rules, set-based in SQLite (target: a million patients within a minute;
`bench/followups.py` measures it).

For each rule and step, one `INSERT ... SELECT` gathers the candidates whose call is due from `today - window`
up to `today + lead_days` into a temporary table, with the reason it must be skipped if any (`merged`,
`deceased`, `no_phone_consent`, `no_phone`, `exists`: the task was made by an earlier run). The rest become
`followup_tasks` rows in one statement and, in the same transaction, one outbox row each, with exactly the
fields the ORM's outbox recorder writes (`store/outbox.py`): a random UUID4 id, version 0, origin = this
device, `updated_at` = now. The unique key (rule, patient, source_ref, step) makes reruns create nothing. Rows
are inserted in key order and the run's page cache is enlarged: random-id index inserts are what cost most.

`source_ref` is the encounter id (discharge, outpatient visit), the checkup id (abnormal result, annual
reminder) or the period (`2026-11` for a monthly chronic call, `2026-H2` for a win-back call). Due times
open at the first call hour of their day and move to the next open call hour of the rule's call window.
"""

from __future__ import annotations

import time as clock
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcrm_desktop.domain.followup_rules import (
    PLACEHOLDERS,
    Rule,
    RuleSet,
    Step,
    months_before,
    period_of,
    spread_offset,
)
from hcrm_desktop.services import followup_catalog
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.base import utcnow
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Department, FollowUpRule, Questionnaire, StaffUser

RISK_WORDS = {"critical": "危急", "high": "高", "medium": "中", "low": "低"}
SQL_TIME = "%Y-%m-%d %H:%M:%S.%f"
CACHE_KIB = 512 * 1024  # page cache of the generating connection during a run
# A random UUID (version 4, as `store.base.new_id` makes) computed in SQLite: no Python call per row.
SQL_UUID4 = ("(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
             " || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)"
             " || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))")


@dataclass(frozen=True)
class GenerationReport:
    created: Mapping[str, int]  # rule code -> tasks made
    skipped: Mapping[str, Mapping[str, int]]  # rule code -> reason -> candidates not made
    warnings: tuple[str, ...] = ()  # e.g. a questionnaire or department the rules name but the table lacks
    seconds: float = 0.0
    changes: Changes = field(default_factory=Changes)

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    def skipped_by_reason(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for reasons in self.skipped.values():
            for reason, n in reasons.items():
                totals[reason] += n
        return dict(sorted(totals.items()))

    def to_json(self) -> dict[str, Any]:
        return {"created": dict(self.created), "skipped": self.skipped_by_reason(),
                "skipped_by_rule": {code: dict(r) for code, r in self.skipped.items() if r},
                "total_created": self.total_created, "warnings": list(self.warnings),
                "seconds": round(self.seconds, 3)}  # fmt: skip


def generate_tasks(db: Database, *, today: date, now: datetime | None = None,
                   rules: RuleSet | None = None) -> GenerationReport:  # fmt: skip
    """Make the tasks `rules` call for on `today` (default: the active rules in the table, seeded from the
    shipped file when the table has none; shipped questionnaires missing from their table are added first).
    `now` stamps `updated_at` (naive UTC; default the clock). Raises `RulesError`/`QuestionnaireError` for a
    broken shipped file and `StoreError` for the database."""
    started = clock.perf_counter()
    warnings: list[str] = []
    followup_catalog.seed_questionnaires(db)  # the templates the rules name (adds only what is missing)
    if rules is None:
        rules, warnings = _stored_rules(db)
    stamp = (now or utcnow()).strftime(SQL_TIME)
    with db.write() as session:
        context = _Context(session, rules, today, stamp, db.device_id, warnings)
        try:
            context.collect()
            created, skipped = context.insert()
        finally:
            context.restore_cache()
    report_created = {r.code: created.get(r.code, 0) for r in rules.rules}
    report_skipped = {r.code: MappingProxyType(skipped.get(r.code, {})) for r in rules.rules}
    return GenerationReport(MappingProxyType(report_created), MappingProxyType(report_skipped), tuple(warnings),
                            clock.perf_counter() - started, Changes(frozenset({"followup_tasks"})))  # fmt: skip


def _stored_rules(db: Database) -> tuple[RuleSet, list[str]]:
    with db.session() as session:
        empty = session.scalar(select(FollowUpRule.id).limit(1)) is None
    if empty:
        followup_catalog.sync_rules_from_file(db)
    with db.session() as session:
        rules, errors = followup_catalog.active_rules(session)
    return rules, [f"rule {code} not used: {message}" for code, message in errors.items()]


class _Context:
    """One generation run inside one write transaction."""

    def __init__(self, session: Session, rules: RuleSet, today: date, stamp: str, device: str,
                 warnings: list[str]) -> None:  # fmt: skip
        self.session, self.rules, self.today, self.stamp, self.device = session, rules, today, stamp, device
        self.warnings = warnings
        self.conn = session.connection()
        self.cache_size = self.sql("PRAGMA cache_size").scalar()
        self.rule_ids = self._rule_ids()
        self.questionnaires = dict(session.execute(select(Questionnaire.code, Questionnaire.id)).all())
        self.departments = dict(session.execute(select(Department.code, Department.id)).all())
        self.pools = {r.code: self._pool(r) for r in rules.rules}
        self._register_functions()

    def _rule_ids(self) -> dict[str, str]:
        """Rule ids by code; rules given by the caller that the table lacks are added (with their outbox)."""
        ids = dict(self.session.execute(select(FollowUpRule.code, FollowUpRule.id)).all())
        for rule in self.rules.rules:
            if rule.code not in ids:
                row = FollowUpRule(code=rule.code, name=rule.name, kind=rule.kind, definition=rule.definition,
                                   active=rule.active)  # fmt: skip
                self.session.add(row)
                ids[rule.code] = row.id
        self.session.flush()
        return ids

    def _pool(self, rule: Rule) -> list[str]:
        if rule.assignee_role is None:
            return []
        query = select(StaffUser.id).where(StaffUser.role == rule.assignee_role, StaffUser.active.is_(True),
                                           StaffUser.deleted.is_(False)).order_by(StaffUser.username)  # fmt: skip
        if rule.assignee_department:
            query = query.where(StaffUser.department_id == self.departments.get(rule.assignee_department, ""))
        return list(self.session.scalars(query))

    def _register_functions(self) -> None:
        raw = self.conn.connection.dbapi_connection
        assert raw is not None
        windows = {r.code: r.call_window for r in self.rules.rules}
        samplers = {r.code: r.trigger for r in self.rules.rules}
        pools = self.pools

        @lru_cache(maxsize=4096)  # few distinct days: the call-window arithmetic runs once per day and rule
        def due(code: str, day: str) -> str:
            return windows[code].next_open(datetime.fromisoformat(day)).strftime(SQL_TIME)

        @lru_cache(maxsize=4096)
        def end(code: str, day: str, due_at: str) -> str:
            window = windows[code]
            last = max(date.fromisoformat(day), date.fromisoformat(due_at[:10]))
            return window.day_end(last).strftime(SQL_TIME)

        def assignee(code: str, patient_id: str) -> str | None:
            pool = pools[code]
            return pool[spread_offset(patient_id, len(pool))] if pool else None

        raw.create_function("fu_due", 2, due, deterministic=True)
        raw.create_function("fu_end", 3, end, deterministic=True)
        raw.create_function("fu_assignee", 2, assignee, deterministic=True)
        raw.create_function("fu_sample", 2, lambda code, key: int(samplers[code].samples(key)), deterministic=True)
        raw.create_function("fu_spread", 2, spread_offset, deterministic=True)

    def sql(self, statement: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.conn.exec_driver_sql(statement, dict(params or {}))

    def collect(self) -> None:
        self.sql(f"PRAGMA cache_size=-{CACHE_KIB}")  # random-id index inserts stay in memory; put back after
        self.sql("DROP TABLE IF EXISTS temp.fu_candidates")
        self.sql(CANDIDATES_TABLE)
        for rule in self.rules.rules:
            for step in rule.steps:
                self._collect_step(rule, step)

    def _collect_step(self, rule: Rule, step: Step) -> None:
        questionnaire = self.questionnaires.get(step.questionnaire) if step.questionnaire else None
        if step.questionnaire and questionnaire is None:
            self._warn(f"rule {rule.code}: questionnaire {step.questionnaire!r} is not in the table")
        department = None if rule.department in (None, "encounter") else self.departments.get(rule.department or "")
        if rule.department not in (None, "encounter") and department is None:
            self._warn(f"rule {rule.code}: department {rule.department!r} is not in the table")
        params: dict[str, Any] = {
            "rule_id": self.rule_ids[rule.code], "code": rule.code, "step": step.code, "priority": step.priority,
            "questionnaire_id": questionnaire, "department_id": department,
        }  # fmt: skip
        source = SOURCES[rule.trigger.event](self, rule, step, params)
        columns = "rule_id, rule_code, patient_id, source_ref, step, due_date, end_date, priority, questionnaire_id," \
                  " department_id, reason, skip"  # fmt: skip
        self.sql(f"INSERT OR IGNORE INTO fu_candidates ({columns}) {source}", params)

    def _warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def insert(self) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
        self.sql(f"UPDATE fu_candidates SET id = {SQL_UUID4}, mutation_id = {SQL_UUID4},"
                 " due_at = fu_due(rule_code, due_date), assignee_id = fu_assignee(rule_code, patient_id)"
                 " WHERE skip IS NULL")  # fmt: skip
        self.sql("UPDATE fu_candidates SET window_end = fu_end(rule_code, end_date, due_at) WHERE skip IS NULL")
        params = {"stamp": self.stamp, "device": self.device}
        self.sql(INSERT_TASKS, params)
        self.sql(INSERT_OUTBOX, params)
        created: dict[str, int] = {}
        skipped: dict[str, dict[str, int]] = defaultdict(dict)
        for code, skip, n in self.sql("SELECT rule_code, skip, count(*) FROM fu_candidates GROUP BY 1, 2"):
            if skip is None:
                created[code] = n
            else:
                skipped[code][skip] = n
        self.sql("DROP TABLE temp.fu_candidates")
        return created, skipped

    def restore_cache(self) -> None:
        self.sql(f"PRAGMA cache_size={int(self.cache_size)}")

    # --- the date range a step's event must fall in --------------------------------------------------

    def event_range(self, rule: Rule, step: Step) -> tuple[str, str]:
        """Events whose step is due in [today - window_days, today + lead_days]: [low, high) as text."""
        low = self.today - timedelta(days=step.offset_days + step.window_days)
        high = self.today - timedelta(days=step.offset_days - rule.lead_days - 1)
        return low.isoformat(), high.isoformat()


CANDIDATES_TABLE = """
CREATE TEMP TABLE fu_candidates (
    rule_id TEXT NOT NULL, rule_code TEXT NOT NULL, patient_id TEXT NOT NULL, source_ref TEXT NOT NULL,
    step TEXT NOT NULL, due_date TEXT, end_date TEXT, priority INTEGER, questionnaire_id TEXT, department_id TEXT,
    reason TEXT, skip TEXT, id TEXT, mutation_id TEXT, due_at TEXT, window_end TEXT, assignee_id TEXT,
    UNIQUE (rule_id, patient_id, source_ref, step)
)"""

TASK_COLUMNS = ("patient_id", "rule_id", "source_ref", "step", "questionnaire_id", "department_id", "assignee_id",
                "priority", "due_at", "window_end", "state", "attempts", "callback_at", "outcome", "completed_at",
                "last_attempt_at", "reason")  # fmt: skip
INSERT_TASKS = f"""
INSERT INTO followup_tasks (id, version, updated_at, deleted, origin, {", ".join(TASK_COLUMNS)})
SELECT id, 0, :stamp, 0, :device, patient_id, rule_id, source_ref, step, questionnaire_id, department_id,
       assignee_id, priority, due_at, window_end, 'open', 0, NULL, NULL, NULL, NULL, reason
FROM fu_candidates WHERE skip IS NULL ORDER BY id"""  # in key order: each index page is visited once


def _iso(column: str) -> str:
    """A stored time as `datetime.isoformat()` writes it (what the ORM's outbox recorder puts in `fields`)."""
    return f"replace(substr({column}, 1, 19), ' ', 'T') || rtrim(rtrim(substr({column}, 20), '0'), '.')"


_FIELDS = ", ".join(
    f"'{c}', {_iso(c) if c in ('due_at', 'window_end') else c}" if c not in ("state", "attempts") else
    f"'{c}', {'$open$' if c == 'state' else 0}"
    for c in TASK_COLUMNS if c not in ("callback_at", "outcome", "completed_at", "last_attempt_at")
).replace("$open$", "'open'")  # fmt: skip
INSERT_OUTBOX = f"""
INSERT INTO outbox (mutation_id, device_id, entity, entity_id, op, base_version, fields, created_at)
SELECT mutation_id, :device, 'followup_tasks', id, 'insert', 0,
       json_object({_FIELDS}, 'callback_at', NULL, 'outcome', NULL, 'completed_at', NULL,
                   'last_attempt_at', NULL), :stamp
FROM fu_candidates WHERE skip IS NULL ORDER BY mutation_id"""

# Why a candidate is not made, in this order. `p` is the patient, `:src` the candidate's source_ref.
SKIP = """CASE
    WHEN p.deleted OR p.merged_into_id IS NOT NULL THEN 'merged'
    WHEN p.deceased_on IS NOT NULL THEN 'deceased'
    WHEN NOT p.consent_phone THEN 'no_phone_consent'
    WHEN NOT EXISTS (SELECT 1 FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.deleted = 0) THEN 'no_phone'
    WHEN EXISTS (SELECT 1 FROM followup_tasks t WHERE t.rule_id = :rule_id AND t.patient_id = p.id
                 AND t.source_ref = {src} AND t.step = :step) THEN 'exists'
END"""


def _reason(rule: Rule, values: Mapping[str, str]) -> str:
    """The rule's reason template rendered in SQL; `values` maps placeholders to SQL expressions."""
    expr = "'" + rule.reason.replace("'", "''") + "'"
    for name in PLACEHOLDERS:
        if "{" + name + "}" in rule.reason:
            expr = f"replace({expr}, '{{{name}}}', coalesce({values.get(name, repr(''))}, ''))"
    return f"substr({expr}, 1, 200)"


def _head(rule: Rule, src: str, due: str, end: str, department: str, values: Mapping[str, str]) -> str:
    return (f"SELECT :rule_id, :code, p.id, {src}, :step, {due}, {end}, :priority,"
            f" :questionnaire_id, {department}, {_reason(rule, values)}, {SKIP.format(src=src)}")


def _dates(base: str, step: Step) -> tuple[str, str]:
    due = f"date({base}, '+{step.offset_days} days')"
    return due, f"date({due}, '+{step.window_days} days')"


def _encounter_department(rule: Rule) -> str:
    return "coalesce(:department_id, e.department_id)" if rule.department == "encounter" else ":department_id"


def _discharge(ctx: _Context, rule: Rule, step: Step, params: dict[str, Any]) -> str:
    params["low"], params["high"] = ctx.event_range(rule, step)
    values = {"date": "date(e.discharged_at)", "icd10": "e.primary_icd10", "surgery": "e.surgery"}
    surgery = " AND e.surgery IS NOT NULL AND e.surgery != ''" if rule.trigger.surgery else ""
    return (_head(rule, "e.id", *_dates("e.discharged_at", step), _encounter_department(rule), values) + " FROM encounters e JOIN patients p ON p.id = e.patient_id"
            " WHERE e.discharged_at >= :low AND e.discharged_at < :high AND e.kind = 'inpatient' AND e.deleted = 0"
            + surgery)  # fmt: skip


def _outpatient(ctx: _Context, rule: Rule, step: Step, params: dict[str, Any]) -> str:
    params["low"], params["high"] = ctx.event_range(rule, step)
    values = {"date": "date(e.started_at)", "icd10": "e.primary_icd10"}
    return (_head(rule, "e.id", *_dates("e.started_at", step), _encounter_department(rule), values) + " FROM encounters e JOIN patients p ON p.id = e.patient_id"
            " WHERE e.started_at >= :low AND e.started_at < :high AND e.kind = 'outpatient' AND e.deleted = 0"
            " AND fu_sample(:code, e.id)")  # fmt: skip


def _abnormal(ctx: _Context, rule: Rule, step: Step, params: dict[str, Any]) -> str:
    params["low"], params["high"] = ctx.event_range(rule, step)
    risks = ", ".join(f"'{r}'" for r in step.risks)  # validated words
    words = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in RISK_WORDS.items())
    values = {"date": "c.checkup_date", "risk": f"CASE c.risk_level {words} ELSE c.risk_level END"}
    return (_head(rule, "c.id", *_dates("c.checkup_date", step), ":department_id", values)
            + " FROM checkups c JOIN patients p ON p.id = c.patient_id WHERE c.checkup_date >= :low"
            f" AND c.checkup_date < :high AND c.risk_level IN ({risks}) AND c.deleted = 0")  # fmt: skip


def _last_checkup(ctx: _Context, rule: Rule, step: Step, params: dict[str, Any]) -> str:
    params["low"], params["high"] = ctx.event_range(rule, step)
    return (_head(rule, "c.id", *_dates("c.checkup_date", step), ":department_id", {"date": "c.checkup_date"})
            + " FROM checkups c JOIN patients p ON p.id = c.patient_id WHERE c.checkup_date >= :low"
            " AND c.checkup_date < :high AND c.deleted = 0 AND NOT EXISTS (SELECT 1 FROM checkups n"
            " WHERE n.patient_id = c.patient_id AND n.checkup_date > c.checkup_date AND n.deleted = 0)")  # fmt: skip


def _period(ctx: _Context, rule: Rule, params: dict[str, Any]) -> str:
    """Period rules: due on the period's first day plus a spread from a hash of the patient id."""
    label, start, end = period_of(ctx.today, rule.trigger.period)
    params.update(period=label, start=start.isoformat(), end=end.isoformat(), spread=rule.trigger.spread_days,
                  last_due=(ctx.today + timedelta(days=rule.lead_days)).isoformat())  # fmt: skip
    return "date(:start, '+' || fu_spread(p.id, :spread) || ' days')"


def _chronic(ctx: _Context, rule: Rule, step: Step, params: dict[str, Any]) -> str:
    due = _period(ctx, rule, params)
    params["active_from"] = months_before(ctx.today, rule.trigger.active_months).isoformat()
    families = " OR ".join(f"(e.primary_icd10 >= '{a}' AND e.primary_icd10 < '{b[:2]}{chr(ord(b[2]) + 1)}')"
                           for a, b in rule.trigger.icd10)  # fmt: skip
    values = {"icd10": "x.icd10", "period": ":period"}
    return (_head(rule, ":period", due, ":end", ":department_id", values)
            + f" FROM (SELECT e.patient_id, max(e.primary_icd10) AS icd10 FROM encounters e"
            f" WHERE ({families}) AND e.started_at >= :active_from AND e.deleted = 0 GROUP BY e.patient_id) x"
            f" JOIN patients p ON p.id = x.patient_id WHERE {due} <= :last_due")  # fmt: skip


def _no_visit(ctx: _Context, rule: Rule, step: Step, params: dict[str, Any]) -> str:
    due = _period(ctx, rule, params)
    cutoff = months_before(ctx.today, rule.trigger.months_without_visit).isoformat()
    params.update(cutoff=cutoff, min_vip=rule.trigger.min_vip_level, months=str(rule.trigger.months_without_visit))
    head = _head(rule, ":period", due, ":end", ":department_id", {"period": ":period", "months": ":months"})
    return (head + " FROM patients p WHERE p.vip_level >= :min_vip"
            " AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.patient_id = p.id AND e.started_at >= :cutoff"
            " AND e.deleted = 0)"
            " AND NOT EXISTS (SELECT 1 FROM checkups c WHERE c.patient_id = p.id AND c.checkup_date >= :cutoff"
            " AND c.deleted = 0)"
            " AND (EXISTS (SELECT 1 FROM encounters e WHERE e.patient_id = p.id AND e.deleted = 0)"
            " OR EXISTS (SELECT 1 FROM checkups c WHERE c.patient_id = p.id AND c.deleted = 0))"
            f" AND {due} <= :last_due")  # fmt: skip


SOURCES = {
    "discharge": _discharge, "outpatient_visit": _outpatient, "abnormal_checkup": _abnormal,
    "last_checkup": _last_checkup, "chronic_diagnosis": _chronic, "no_visit": _no_visit,
}  # fmt: skip
