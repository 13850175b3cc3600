"""Follow-up rules (随访方案): declarative, loaded from TOML (the shipped file) or JSON (one rule as the
admin edits it), validated with a message that names the line of the error.

A rule says which event makes a task (`trigger.event`), when each call is due (`steps`: days after the
event, a window of days to make it), how urgent it is, which questionnaire the nurse reads, which department
it is routed to, who may work it, how often a failed call is retried and when calls may be made at all.

Events: `discharge` (inpatient discharges; `surgery = true` keeps those with an operation),
`outpatient_visit` (sampled by `sample_rate`, decided by a hash of the encounter id), `abnormal_checkup`
(each step names the risk levels it takes), `last_checkup` (the newest checkup of a patient),
`chronic_diagnosis` (ICD-10 families, once per period) and `no_visit` (VIPs without a visit, once per period).
`RuleBook` keeps the last valid rules when a new text is bad.
"""

from __future__ import annotations

import json
import re
import tomllib
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from hcrm_desktop.domain.enums import FollowUpKind, RiskLevel, TaskState

EVENTS = frozenset({"discharge", "outpatient_visit", "abnormal_checkup", "last_checkup", "chronic_diagnosis",
                    "no_visit"})  # fmt: skip
PERIOD_EVENTS = frozenset({"chronic_diagnosis", "no_visit"})
PERIODS = ("month", "quarter", "half_year", "year")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ROLES = ("nurse", "agent")
RISKS = tuple(r.value for r in RiskLevel if r is not RiskLevel.NONE)
CODE = re.compile(r"[a-z][a-z0-9_]{0,47}")
STEP_CODE = re.compile(r"[a-z0-9_]{1,16}")
ICD_FAMILY = re.compile(r"([A-Z]\d\d)(?:-([A-Z]\d\d))?")
HOURS = re.compile(r"(\d\d):(\d\d)-(\d\d):(\d\d)")
PLACEHOLDERS = frozenset({"date", "icd10", "surgery", "risk", "period", "months"})
DEFAULT_HOURS = ("09:00-11:30", "14:00-17:30")


class RulesError(ValueError):
    """A rules text that cannot be used. `line` is 1-based (0 when unknown); `key` is the offending key."""

    def __init__(self, message: str, *, line: int = 0, key: str = "", rule: str = "") -> None:
        self.message, self.line, self.key, self.rule = message, line, key, rule
        where = f"line {line}: " if line else ""
        super().__init__(f"{where}{f'rule {rule}: ' if rule else ''}{message}")


@dataclass(frozen=True)
class CallWindow:
    """When calls may be made: spans of the day, and weekdays (0 = Monday) with no calls at all."""

    spans: tuple[tuple[time, time], ...] = ((time(9), time(11, 30)), (time(14), time(17, 30)))
    closed_weekdays: frozenset[int] = frozenset({6})

    def next_open(self, at: datetime) -> datetime:
        """`at` if calls may be made then, else the start of the next allowed span."""
        day, moment = at.date(), at.time()
        for _ in range(8):
            if day.weekday() not in self.closed_weekdays:
                for start, end in self.spans:
                    if moment < start:
                        return datetime.combine(day, start)
                    if moment < end:
                        return datetime.combine(day, moment)
            day, moment = day + timedelta(days=1), time(0)
        raise ValueError("call window has no open time")  # validation forbids a week with no hours

    def is_open(self, at: datetime) -> bool:
        return self.next_open(at) == at

    def day_end(self, day: date) -> datetime:
        return datetime.combine(day, self.spans[-1][1])

    def to_json(self) -> dict[str, Any]:
        return {"hours": [f"{s:%H:%M}-{e:%H:%M}" for s, e in self.spans],
                "closed_weekdays": [WEEKDAYS[d] for d in sorted(self.closed_weekdays)]}  # fmt: skip


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    spacing_hours: float = 4.0
    give_up: str = TaskState.LOST.value  # 失访


@dataclass(frozen=True)
class Step:
    code: str  # e.g. d2, m1; "" for period rules
    offset_days: int
    window_days: int
    priority: int
    questionnaire: str | None
    risks: tuple[str, ...] = ()  # abnormal_checkup only


@dataclass(frozen=True)
class Trigger:
    event: str
    surgery: bool = False
    sample_rate: float = 1.0
    icd10: tuple[tuple[str, str], ...] = ()  # (first, last) 3-character families, inclusive
    active_months: int = 24
    period: str = "month"
    spread_days: int = 1
    min_vip_level: int = 1
    months_without_visit: int = 12

    def samples(self, key: str) -> bool:
        """Whether `key` (an encounter id) falls in the sample; the same answer on every machine and run."""
        return zlib.crc32(key.encode()) % 10_000 < round(self.sample_rate * 10_000)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str  # Chinese, as staff read it
    name_en: str
    kind: str  # FollowUpKind
    trigger: Trigger
    steps: tuple[Step, ...]
    priority: int = 3
    questionnaire: str | None = None
    department: str | None = None  # "encounter" (the visit's department) or a department code
    assignee_role: str | None = None
    assignee_department: str | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    call_window: CallWindow = field(default_factory=CallWindow)
    reason: str = ""
    lead_days: int = 1  # tasks appear this many days before they are due
    active: bool = True
    script: str = ""  # what the nurse says first (话术)
    definition: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def by_code(self, code: str) -> Rule:
        return next(r for r in self.rules if r.code == code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules)


# --- periods --------------------------------------------------------------------------------------------


def period_of(day: date, period: str) -> tuple[str, date, date]:
    """The period holding `day`: its label (`2026-11`, `2026-Q4`, `2026-H2`, `2026`), first and last day."""
    months = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[period]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    end_month = first_month + months
    end = (date(day.year + 1, 1, 1) if end_month > 12 else date(day.year, end_month, 1)) - timedelta(days=1)
    index = (first_month - 1) // months + 1
    label = {"month": f"{day.year}-{first_month:02d}", "quarter": f"{day.year}-Q{index}",
             "half_year": f"{day.year}-H{index}", "year": f"{day.year}"}[period]  # fmt: skip
    return label, start, end


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def spread_offset(key: str, spread_days: int) -> int:
    """A day offset in [0, spread_days) from a hash of `key`, so monthly calls spread over the month."""
    return zlib.crc32(key.encode()) % (spread_days or 1)


# --- loading ------------------------------------------------------------------------------------------


def parse_rules_toml(text: str) -> RuleSet:
    """The rules file: top-level defaults (`lead_days`, `[call_window]`, `[retry]`) and `[[rule]]` tables."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        raise RulesError(f"TOML syntax: {exc}", line=int(found.group(1)) if found else 0) from None
    locate = _Locator(text, toml=True)
    _check_keys(data, {"lead_days", "call_window", "retry", "rule"}, locate, -1)
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RulesError("the file has no [[rule]] tables", line=0, key="rule")
    defaults: dict[str, Any] = {k: data[k] for k in ("lead_days", "call_window", "retry") if k in data}
    rules, seen = [], set()
    for i, raw in enumerate(raw_rules):
        if not isinstance(raw, dict):
            raise RulesError("rule must be a list of tables: write [[rule]] sections", line=locate(-1, "rule"))
        rule = _rule({**defaults, **raw}, locate, i)
        if rule.code in seen:
            raise RulesError(f"duplicate rule code {rule.code!r}", line=locate(i, "code"), key="code", rule=rule.code)
        seen.add(rule.code)
        rules.append(rule)
    return RuleSet(tuple(rules))


def parse_rule_json(text: str) -> Rule:
    """One rule as the admin's editor shows it: a JSON object with the same keys as a `[[rule]]` table."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulesError(f"JSON syntax: {exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict):
        raise RulesError("a rule is a JSON object {...}", line=1)
    return _rule(data, _Locator(text, toml=False), 0)


def rule_from_definition(definition: dict[str, Any]) -> Rule:
    """A rule stored in the `followup_rules` table (its `definition` JSON)."""
    return _rule(definition, _Locator("", toml=False), 0)


class _Locator:
    """Finds the line of a key inside the i-th rule of the text (0 when it cannot)."""

    def __init__(self, text: str, *, toml: bool) -> None:
        self.lines = text.splitlines()
        self.toml = toml
        if toml:
            self.starts = [n for n, line in enumerate(self.lines) if line.strip().startswith("[[rule]]")]
        else:
            self.starts = [0]

    def __call__(self, index: int, key: str, value: Any = None) -> int:
        """The line of `key` (holding `value`, when given: a nested key such as a step's `priority` is told
        from the rule's own that way) in rule `index`, or in the defaults above the rules (-1)."""
        if not self.lines:
            return 0
        if index < 0:
            begin, end = 0, (self.starts[0] if self.starts and self.toml else len(self.lines))
        else:
            if index >= len(self.starts):
                return 0
            begin = self.starts[index]
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.lines)
        leaf = key.rsplit(".", 1)[-1]
        key_part = rf'(^|[\s{{,"]){re.escape(leaf)}"?\s*[=:]' if leaf else r"$^"
        patterns = [re.compile(key_part)]
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            shown = re.escape(json.dumps(value, ensure_ascii=False))
            patterns[:0] = [re.compile(key_part + r"\s*" + shown + r"(?![\w.])")]
            if isinstance(value, str):
                patterns.insert(1, re.compile(shown))
        found = next((n for n in (self._search(p, begin, end) for p in patterns) if n is not None), None)
        if found is None and index >= 0 and self.toml and self.starts:  # a default the rule inherited
            found = next((n for n in (self._search(p, 0, self.starts[0]) for p in patterns) if n is not None), None)
        if found is not None:
            return found
        return begin + 1 if index >= 0 else 0

    def _search(self, pattern: re.Pattern[str], begin: int, end: int) -> int | None:
        for n in range(begin, end):
            if pattern.search(self.lines[n].split("#", 1)[0] if self.toml else self.lines[n]):
                return n + 1
        return None


def _fail(message: str, locate: _Locator, index: int, key: str, rule: str = "", value: Any = None) -> RulesError:
    return RulesError(message, line=locate(index, key, value), key=key, rule=rule)


def _check_keys(data: dict[str, Any], allowed: set[str], locate: _Locator, index: int, rule: str = "") -> None:
    for key in data:
        if key not in allowed:
            raise _fail(f"unknown key {key!r} (expected one of {', '.join(sorted(allowed))})",
                        locate, index, key, rule)


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], locate: _Locator, index: int,
         rule: str, default: Any = None, *, required: bool = False) -> Any:  # fmt: skip
    if key not in data:
        if required:
            raise _fail(f"missing key {key!r}", locate, index, key.rsplit(".", 1)[0] or "code", rule)
        return default
    value = data[key]
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise _fail(f"{key} must not be true/false", locate, index, key, rule, value)
    if not isinstance(value, kind):
        names = " or ".join(dict.fromkeys(TYPE_WORDS[k] for k in (kind if isinstance(kind, tuple) else (kind,))))
        found = TYPE_WORDS.get(type(value), type(value).__name__)
        raise _fail(f"{key} must be {names}, not {found}", locate, index, key, rule, value)
    return value


def _int_in(data: dict[str, Any], key: str, low: int, high: int, locate: _Locator, index: int, rule: str,
            default: int) -> int:  # fmt: skip
    value: int = _get(data, key, int, locate, index, rule, default)
    if not low <= value <= high:
        raise _fail(f"{key} must be between {low} and {high}, not {value}", locate, index, key, rule, value)
    return value


TYPE_WORDS: dict[type, str] = {str: "text in quotes", int: "a whole number", float: "a number", bool: "true/false",
                              dict: "a table { ... }", list: "a list [ ... ]"}  # fmt: skip
KEY_ORDER = ("code", "name", "kind", "active", "trigger", "steps", "priority", "questionnaire", "department",
             "assignees", "reason", "script", "lead_days", "call_window", "retry")
RULE_KEYS = {"code", "name", "kind", "trigger", "steps", "priority", "questionnaire", "department", "assignees",
             "retry", "call_window", "reason", "lead_days", "active", "script"}  # fmt: skip


def _rule(data: dict[str, Any], locate: _Locator, i: int) -> Rule:
    code = _get(data, "code", str, locate, i, "", required=True)
    if not CODE.fullmatch(code):
        raise _fail(f"code {code!r} must be lower-case letters, digits and _ (at most 48)", locate, i, "code", "", code)
    _check_keys(data, RULE_KEYS, locate, i, code)
    name = _get(data, "name", dict, locate, i, code, required=True)
    _check_keys(name, {"zh", "en"}, locate, i, code)
    zh = _get(name, "zh", str, locate, i, code, required=True)
    if not 0 < len(zh) <= 64:
        raise _fail("name.zh must have 1 to 64 characters", locate, i, "zh", code)
    kind = _get(data, "kind", str, locate, i, code, required=True)
    if kind not in {k.value for k in FollowUpKind}:
        raise _fail(f"kind {kind!r} is not one of {', '.join(k.value for k in FollowUpKind)}", locate, i, "kind", code, kind)
    priority = _int_in(data, "priority", 1, 5, locate, i, code, 3)
    questionnaire = _get(data, "questionnaire", str, locate, i, code)
    trigger = _trigger(_get(data, "trigger", dict, locate, i, code, required=True), locate, i, code)
    steps = _steps(data, trigger, priority, questionnaire, locate, i, code)
    assignees = _get(data, "assignees", dict, locate, i, code, {})
    _check_keys(assignees, {"role", "department"}, locate, i, code)
    role = _get(assignees, "role", str, locate, i, code)
    if role is not None and role not in ROLES:
        raise _fail(f"assignees.role must be one of {', '.join(ROLES)}", locate, i, "role", code, role)
    reason = _get(data, "reason", str, locate, i, code, "")
    script = _get(data, "script", str, locate, i, code, "")
    unknown = set(re.findall(r"\{(\w+)\}", reason)) - PLACEHOLDERS
    if unknown or len(reason) > 120:
        raise _fail(f"reason: unknown placeholder(s) {sorted(unknown)} or longer than 120", locate, i, "reason", code)
    rule = Rule(
        code=code, name=zh, name_en=_get(name, "en", str, locate, i, code, zh), kind=kind, trigger=trigger,
        steps=steps, priority=priority, questionnaire=questionnaire,
        department=_get(data, "department", str, locate, i, code),
        assignee_role=role, assignee_department=_get(assignees, "department", str, locate, i, code),
        retry=_retry(_get(data, "retry", dict, locate, i, code, {}), locate, i, code),
        call_window=_window(_get(data, "call_window", dict, locate, i, code, {}), locate, i, code),
        reason=reason, lead_days=_int_in(data, "lead_days", 0, 60, locate, i, code, 1),
        active=_get(data, "active", bool, locate, i, code, True), script=script,
    )  # fmt: skip
    return _with_definition(rule, data)


def _with_definition(rule: Rule, data: dict[str, Any]) -> Rule:
    """Keep the rule's own text form (with the defaults it inherited) for the table and the editor."""
    definition = dict(data)
    definition["call_window"] = rule.call_window.to_json()
    definition["retry"] = {"max_attempts": rule.retry.max_attempts, "spacing_hours": rule.retry.spacing_hours,
                           "give_up": rule.retry.give_up}  # fmt: skip
    definition["lead_days"] = rule.lead_days
    order = {key: n for n, key in enumerate(KEY_ORDER)}
    definition = dict(sorted(definition.items(), key=lambda item: order.get(item[0], len(order))))
    object.__setattr__(rule, "definition", definition)
    return rule


TRIGGER_KEYS = {
    "discharge": {"surgery"}, "outpatient_visit": {"sample_rate"}, "abnormal_checkup": set(), "last_checkup": set(),
    "chronic_diagnosis": {"icd10", "active_months", "period", "spread_days"},
    "no_visit": {"min_vip_level", "months_without_visit", "period", "spread_days"},
}  # fmt: skip


def _trigger(data: dict[str, Any], locate: _Locator, i: int, code: str) -> Trigger:
    event = _get(data, "event", str, locate, i, code, required=True)
    if event not in EVENTS:
        raise _fail(f"trigger.event {event!r} is not one of {', '.join(sorted(EVENTS))}", locate, i, "event", code, event)
    _check_keys(data, {"event"} | TRIGGER_KEYS[event], locate, i, code)
    rate = _get(data, "sample_rate", (float, int), locate, i, code, 1.0)
    if not 0 < rate <= 1:
        raise _fail("sample_rate must be in (0, 1]", locate, i, "sample_rate", code, rate)
    period = _get(data, "period", str, locate, i, code, "month")
    if period not in PERIODS:
        raise _fail(f"period must be one of {', '.join(PERIODS)}", locate, i, "period", code, period)
    families = []
    for text in _get(data, "icd10", list, locate, i, code, []):
        found = ICD_FAMILY.fullmatch(text) if isinstance(text, str) else None
        if not found or (found.group(2) or found.group(1)) < found.group(1):
            raise _fail(f"icd10 family {text!r} must look like E10-E14 or J44", locate, i, "icd10", code, text)
        families.append((found.group(1), found.group(2) or found.group(1)))
    if event == "chronic_diagnosis" and not families:
        raise _fail("a chronic_diagnosis trigger needs icd10 families", locate, i, "event", code)
    return Trigger(
        event=event, surgery=_get(data, "surgery", bool, locate, i, code, False), sample_rate=float(rate),
        icd10=tuple(families), active_months=_int_in(data, "active_months", 1, 120, locate, i, code, 24),
        period=period, spread_days=_int_in(data, "spread_days", 1, 180, locate, i, code, 1),
        min_vip_level=_int_in(data, "min_vip_level", 1, 5, locate, i, code, 1),
        months_without_visit=_int_in(data, "months_without_visit", 1, 60, locate, i, code, 12),
    )  # fmt: skip


def _steps(data: dict[str, Any], trigger: Trigger, priority: int, questionnaire: str | None, locate: _Locator,
           i: int, code: str) -> tuple[Step, ...]:  # fmt: skip
    raw = _get(data, "steps", list, locate, i, code)
    if trigger.event in PERIOD_EVENTS:
        if raw is not None:
            raise _fail("period rules (chronic_diagnosis, no_visit) take no steps", locate, i, "steps", code)
        return (Step("", 0, 0, priority, questionnaire),)
    if not raw:
        raise _fail("steps must list at least one step", locate, i, "steps", code)
    steps, seen = [], set()
    for item in raw:
        if not isinstance(item, dict):
            raise _fail("each step is a table {step = ..., offset_days = ..., window_days = ...}", locate, i, "steps",
                        code)
        _check_keys(item, {"step", "offset_days", "window_days", "priority", "questionnaire", "risk"}, locate, i, code)
        step_code = _get(item, "step", str, locate, i, code, required=True)
        if not STEP_CODE.fullmatch(step_code) or step_code in seen:
            raise _fail(f"step {step_code!r}: 1-16 of a-z 0-9 _, unique in the rule", locate, i, "step", code, step_code)
        seen.add(step_code)
        risks = tuple(_get(item, "risk", list, locate, i, code, []))
        if (trigger.event == "abnormal_checkup") != bool(risks) or not set(risks) <= set(RISKS):
            raise _fail(f"step {step_code}: risk (one or more of {', '.join(RISKS)}) is needed by, and only by,"
                        " abnormal_checkup", locate, i, "risk" if risks else "step", code)  # fmt: skip
        steps.append(Step(
            step_code, _int_in(item, "offset_days", 0, 400, locate, i, code, 0),
            _int_in(item, "window_days", 0, 90, locate, i, code, 3),
            _int_in(item, "priority", 1, 5, locate, i, code, priority),
            _get(item, "questionnaire", str, locate, i, code, questionnaire), risks,
        ))  # fmt: skip
    return tuple(steps)


def _retry(data: dict[str, Any], locate: _Locator, i: int, code: str) -> RetryPolicy:
    _check_keys(data, {"max_attempts", "spacing_hours", "give_up"}, locate, i, code)
    spacing = _get(data, "spacing_hours", (int, float), locate, i, code, 4.0)
    if not 0 < spacing <= 168:
        raise _fail("spacing_hours must be in (0, 168]", locate, i, "spacing_hours", code, spacing)
    give_up = _get(data, "give_up", str, locate, i, code, TaskState.LOST.value)
    if give_up != TaskState.LOST.value:
        raise _fail("give_up must be \"lost\" (失访)", locate, i, "give_up", code, give_up)
    return RetryPolicy(_int_in(data, "max_attempts", 1, 10, locate, i, code, 3), float(spacing), give_up)


def _window(data: dict[str, Any], locate: _Locator, i: int, code: str) -> CallWindow:
    _check_keys(data, {"hours", "closed_weekdays"}, locate, i, code)
    spans: list[tuple[time, time]] = []
    for text in _get(data, "hours", list, locate, i, code, list(DEFAULT_HOURS)):
        found = HOURS.fullmatch(text) if isinstance(text, str) else None
        try:
            start, end = (time(int(found[1]), int(found[2])), time(int(found[3]), int(found[4]))) if found else (
                time(0), time(0))  # fmt: skip
        except ValueError:
            found = None
        if not found or start >= end or (spans and start < spans[-1][1]):
            raise _fail(f"hours {text!r}: HH:MM-HH:MM spans in order, not overlapping", locate, i, "hours", code, text)
        spans.append((start, end))
    closed = _get(data, "closed_weekdays", list, locate, i, code, ["sun"])
    if not set(closed) <= set(WEEKDAYS) or len(set(closed)) == 7 or not spans:
        raise _fail(f"closed_weekdays: some of {', '.join(WEEKDAYS)}, leaving a day open", locate, i,
                    "closed_weekdays", code)  # fmt: skip
    return CallWindow(tuple(spans), frozenset(WEEKDAYS.index(d) for d in closed))


class RuleBook:
    """The rules in force. `load_*` replaces them only with valid ones; a bad text keeps the previous rules
    and returns the error for the caller to show."""

    def __init__(self, rules: RuleSet | None = None) -> None:
        self.rules = rules or RuleSet(())
        self.error: RulesError | None = None

    def load_toml(self, text: str) -> RulesError | None:
        try:
            self.rules = parse_rules_toml(text)
            self.error = None
        except RulesError as exc:
            self.error = exc
        return self.error
