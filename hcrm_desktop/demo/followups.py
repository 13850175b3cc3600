"""Follow-up work of a demo patient: tasks from the shipped rules, the calls made for them, survey answers.

The tasks follow `resources/followups/rules.toml` as `services.followup_generation` reads it: the same rule
codes, steps, due days moved into the call window, windows, priorities, questionnaires, departments and
source references (encounter or checkup id, or the period), so a generation run over the demo data finds
the recent tasks already there. A task's state follows from its due time: long past ones are mostly done
(some lost, a small overdue backlog still open), recent ones are a mix that fills today's worklists, future
ones are open.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from hcrm_desktop.demo import catalog
from hcrm_desktop.demo.people import VIP_STEPS, Person
from hcrm_desktop.demo.pools import DAY, UTC_OFFSET, Clock, IdSource, Weighted
from hcrm_desktop.demo.reference import Reference, Row
from hcrm_desktop.domain.followup_rules import (
    PLACEHOLDERS,
    Rule,
    Step,
    months_before,
    period_of,
    spread_offset,
)
from hcrm_desktop.services.followup_catalog import shipped_rules

# (kind, start_t, discharged_t or 0, department code, surgery or None, encounter id)
EncounterRef = tuple[str, int, int, str, str | None, str]
CheckupRef = tuple[str, int, int, int]  # checkup id, time, risk index 0..4, amount in fen

STATES_RECENT = (("open", 45), ("in_progress", 5), ("callback", 15), ("done", 35))
STATES_WEEKS = (("open", 12), ("in_progress", 2), ("callback", 10), ("done", 66), ("lost", 10))
STATES_OLD = (("open", 3), ("done", 80), ("lost", 12), ("cancelled", 5))
FAILURES = (("no_answer", 68), ("busy", 14), ("wrong_number", 10), ("refused", 8))
RATINGS = (5,) * 47 + (4,) * 35 + (3,) * 12 + (2,) * 4 + (1,) * 2
WAIT_RATINGS = (5,) * 30 + (4,) * 36 + (3,) * 22 + (2,) * 8 + (1,) * 4
CHRONIC_HISTORY_DAYS = 92  # monthly chronic calls made before today (the rest of the history has none)
RISK_WORDS = {"critical": "危急", "high": "高", "medium": "中", "low": "低"}
ANNUAL_LOOKBACK = 60 * DAY  # annual reminders due at most this long ago


class FollowUps:
    def __init__(self, rng: random.Random, ids: IdSource, clock: Clock, ref: Reference) -> None:
        # A private generator, seeded by the person's id; the shared `rng` is never drawn from, so the shared
        # stream (people, history) does not depend on the follow-ups, and a person's follow-ups depend only on
        # who they are and their history.
        self.rng = random.Random(0)
        self.ids, self.clock, self.ref = ids, clock, ref
        self.random = self.rng.random
        self.states = [Weighted(self.rng, s) for s in (STATES_RECENT, STATES_WEEKS, STATES_OLD)]
        self.failures = Weighted(self.rng, FAILURES)
        self.recovery = Weighted(self.rng, (("良好", 75), ("一般", 20), ("较差", 5)))
        self.lifestyle = Weighted(self.rng, (("坚持", 55), ("部分", 35), ("没有", 10)))
        self.wound = Weighted(self.rng, (("愈合良好", 80), ("轻度红肿", 15), ("红肿渗液", 4), ("裂开", 1)))
        self.notes = dict(catalog.CALL_NOTES)
        self.answers: dict[str, Callable[[], tuple[str, float | None, int]]] = {
            "satisfaction": self._answers_satisfaction, "post_discharge": self._answers_post_discharge,
            "post_surgery": self._answers_post_surgery, "diabetes": self._answers_diabetes,
            "hypertension": self._answers_hypertension,
        }  # fmt: skip
        self.now, self.days, self.hms, self.dept_id = clock.now, clock.days, clock.hms, ref.dept_id
        self.rules = {rule.code: rule for rule in shipped_rules().rules}
        self.by_event: dict[str, list[Rule]] = {}
        for rule in self.rules.values():
            self.by_event.setdefault(rule.trigger.event, []).append(rule)
        self.pools = {"nurse": ref.nurses, "agent": ref.agents}
        self._due_cache: dict[tuple[str, int], tuple[int, int]] = {}

    def person(
        self, p: Person, encounters: list[EncounterRef], checkups: list[CheckupRef],
        chronic: list[str], last_t: int, out: dict[str, list[Row]],
    ) -> None:  # fmt: skip
        self.rng.seed(p.id)
        icd10 = {row[0]: row[8] for row in out["encounters"][-len(encounters):]} if encounters else {}
        for kind, start, discharged, dept, surgery, eid in encounters:
            if kind == "inpatient" and discharged:
                for rule in self.by_event.get("discharge", ()):
                    if surgery or not rule.trigger.surgery:
                        self._steps(p, rule, eid, discharged, dept, out, surgery=surgery or "",
                                    icd10=str(icd10.get(eid) or ""))
            elif kind == "outpatient":
                for rule in self.by_event.get("outpatient_visit", ()):
                    if rule.trigger.samples(eid):
                        self._steps(p, rule, eid, start, dept, out)
        for cid, t, risk, _amount in checkups:
            for rule in self.by_event.get("abnormal_checkup", ()):
                self._steps(p, rule, cid, t, "", out, risk=catalog.RISK_LEVELS[risk])
        if checkups:
            cid, t, _risk, _amount = checkups[-1]
            for rule in self.by_event.get("last_checkup", ()):
                self._steps(p, rule, cid, t, "", out, lookback=ANNUAL_LOOKBACK)
        for rule in self.by_event.get("chronic_diagnosis", ()):  # as generation finds them: by encounter codes
            since = self.clock.seconds(months_before(self.clock.today, rule.trigger.active_months))
            found = [(e[1], str(icd10.get(e[5]) or "")) for e in encounters if e[1] >= since]
            found = [(t, code) for t, code in found if _in_family(code, rule)]
            if found:
                self._chronic(p, rule, max(code for _t, code in found), min(t for t, _c in found), out)
        spend = sum(c[3] for c in checkups)
        vip = next((level for floor, level in VIP_STEPS if spend >= floor), 0)
        for rule in self.by_event.get("no_visit", ()):
            cutoff = self.clock.seconds(months_before(self.clock.today, rule.trigger.months_without_visit))
            lapsed = last_t and last_t < cutoff
            if lapsed and vip >= rule.trigger.min_vip_level and not p.deceased_t:
                self._win_back(p, rule, out)

    def _due(self, rule: Rule, day: int) -> tuple[int, int]:
        """Seconds of the first open call time on or after `day` (an index), and of that day's window end."""
        key = (rule.code, day)
        found = self._due_cache.get(key)
        if found is None:
            opened = rule.call_window.next_open(datetime.combine(self.clock.origin + timedelta(days=day),
                                                                 datetime.min.time()))  # fmt: skip
            found = self._seconds(opened), (opened.date() - self.clock.origin).days
            self._due_cache[key] = found
        return found

    def _seconds(self, at: datetime) -> int:
        return (at.date() - self.clock.origin).days * DAY + at.hour * 3600 + at.minute * 60

    def _window_end(self, rule: Rule, day: int) -> int:
        end = rule.call_window.day_end(self.clock.origin + timedelta(days=day))
        return self._seconds(end)

    def _steps(self, p: Person, rule: Rule, source: str, t: int, dept: str, out: dict[str, list[Row]],
               risk: str = "", lookback: int = 0, surgery: str = "",
               icd10: str = "") -> None:  # fmt: skip
        for step in rule.steps:
            if step.risks and risk not in step.risks:
                continue
            due, due_day = self._due(rule, t // DAY + step.offset_days)
            if t // DAY + step.offset_days > self.clock.today_index + rule.lead_days or (
                    lookback and due < self.now - lookback):  # fmt: skip
                continue  # not made yet: generation makes a task lead_days before its day
            end = self._window_end(rule, max(t // DAY + step.offset_days + step.window_days, due_day))
            reason = _reason(rule, date=self.clock.day(t), surgery=surgery, risk=RISK_WORDS.get(risk, risk),
                             icd10=icd10)
            self._task(p, rule, step, source, due, end, self._department(rule, dept), out, reason)

    def _department(self, rule: Rule, encounter_dept: str) -> str:
        return encounter_dept if rule.department == "encounter" else rule.department or "KFZX"

    def _chronic(self, p: Person, rule: Rule, code: str, diagnosed_t: int, out: dict[str, list[Row]]) -> None:
        clock = self.clock
        first = max(clock.now - CHRONIC_HISTORY_DAYS * DAY, diagnosed_t + DAY)
        day = clock.date_of(first)
        while True:
            label, start, end = period_of(day, rule.trigger.period)
            due_index = (start - clock.origin).days + spread_offset(p.id, rule.trigger.spread_days)
            if due_index > clock.today_index + rule.lead_days:
                break
            due, _ = self._due(rule, due_index)
            self._task(p, rule, rule.steps[0], label, due, self._window_end(rule, (end - clock.origin).days),
                       self._department(rule, ""), out, _reason(rule, period=label, icd10=code))  # fmt: skip
            day = end + timedelta(days=1)

    def _win_back(self, p: Person, rule: Rule, out: dict[str, list[Row]]) -> None:
        clock = self.clock
        label, start, end = period_of(clock.today, rule.trigger.period)
        due_index = (start - clock.origin).days + spread_offset(p.id, rule.trigger.spread_days)
        if due_index <= clock.today_index + rule.lead_days:
            due, _ = self._due(rule, due_index)
            reason = _reason(rule, period=label, months=str(rule.trigger.months_without_visit))
            self._task(p, rule, rule.steps[0], label, due, self._window_end(rule, (end - clock.origin).days),
                       self._department(rule, ""), out, reason)  # fmt: skip

    def _task(
        self, p: Person, rule: Rule, step: Step, source: str, due: int, window_end: int, dept: str,
        out: dict[str, list[Row]], reason: str = "",
    ) -> None:  # fmt: skip
        r, now = self.random, self.now
        if p.deceased_t and due > p.deceased_t:
            if due > now:
                return
            state = "cancelled"
        elif due > now:
            state = "open"
        else:
            age = now - due
            state = self.states[0 if age < 259_200 else 1 if age < 1_209_600 else 2].pick()
        rule_id, questionnaire = self.ref.rule_id[rule.code], step.questionnaire
        questionnaire_id = self.ref.questionnaire_id.get(questionnaire or "")
        pool = self.pools[rule.assignee_role or "nurse"]
        assignee = None if state == "open" and r() < 0.25 else pool[int(r() * len(pool))]
        task_id = self.ids()
        attempts = self._attempts(state, due, min(now, window_end + (604_800 if state == "lost" else 0)))
        days, hms = self.days, self.hms
        outcome: str | None
        if attempts:
            last, outcome, _s = attempts[-1]
            completed = days[last // DAY] + hms[last % DAY] if state in ("done", "lost") else None
            if state == "callback":
                callback = last + int((2 + r() * 40) * 3600)
                callback_at: str | None = days[callback // DAY] + hms[callback % DAY]
            else:
                callback_at = None
                outcome = outcome if state in ("done", "lost", "cancelled") else None
            stamp_t = last - UTC_OFFSET
        else:
            last, outcome, completed, callback_at = 0, None, None, None
            stamp_t = min(due - 3 * DAY, now) - UTC_OFFSET
        last_at = days[last // DAY] + hms[last % DAY] if attempts else None
        out["followup_tasks"].append((
            task_id, days[stamp_t // DAY] + hms[stamp_t % DAY], p.id, rule_id, source, step.code,
            questionnaire_id, self.dept_id[dept], assignee, step.priority, days[due // DAY] + hms[due % DAY],
            days[window_end // DAY] + hms[window_end % DAY], state, len(attempts), callback_at, outcome, completed,
            last_at, reason or None,
        ))  # fmt: skip
        if attempts:
            calls = out["call_attempts"]
            agent = assignee or pool[0]
            ids, notes = self.ids, self.notes
            for at, result, seconds in attempts:
                u = at - UTC_OFFSET
                texts = notes[result]
                calls.append((ids(), days[u // DAY] + hms[u % DAY], task_id, agent,
                              days[at // DAY] + hms[at % DAY], result, seconds, texts[int(r() * len(texts))]))
            if state == "done" and questionnaire in self.answers and r() < 0.9:
                self.survey(p, questionnaire, task_id, last, out)

    def _attempts(self, state: str, due: int, until: int) -> list[tuple[int, str, int | None]]:
        r = self.random
        if state == "cancelled":
            plan = ["deceased"]
        elif state == "done":
            plan = [self.failures.pick() for _ in range(0 if r() < 0.72 else 1 if r() < 0.7 else 2)]
            plan = [o for o in plan if o != "refused"] + ["completed"]
        elif state == "lost":
            plan = [self.failures.pick() for _ in range(3)]
            if "refused" in plan:
                plan = plan[: plan.index("refused") + 1]
        elif state == "callback":
            plan = ["no_answer"] * (r() < 0.3) + ["callback"]
        elif state in ("open", "in_progress") and due < self.now and r() < 0.3:
            plan = ["no_answer"]
        else:
            return []
        gap = max(600, (until - due) // (len(plan) + 1))
        result = []
        for i, outcome in enumerate(plan):
            at = min(due + i * gap + int(r() * gap), self.now - 60 * (len(plan) - i))
            result.append((at, outcome, _duration(r, outcome)))
        return result

    def survey(self, p: Person, code: str, task_id: str | None, at: int, out: dict[str, list[Row]]) -> None:
        if task_id is None:  # asked by the history (after a checkup), not by a task of `person()`
            self.rng.seed(f"{p.id}:{at}")
        answers, score, red_flag = self.answers[code]()
        u = at - UTC_OFFSET
        days, hms = self.days, self.hms
        out["survey_responses"].append((
            self.ids(), days[u // DAY] + hms[u % DAY], self.ref.questionnaire_id[code], p.id,
            task_id, None, answers, score, red_flag, days[at // DAY] + hms[at % DAY],
        ))  # fmt: skip

    # Answers are JSON text as `json.dumps` writes it (what SQLAlchemy stores); score and red flag as the
    # questionnaire module computes them for these templates.

    def _answers_satisfaction(self) -> tuple[str, float | None, int]:
        r = self.random
        a, b, c, e = (RATINGS[int(r() * 100)] for _ in range(4))
        d = WAIT_RATINGS[int(r() * 100)]
        recommend = a >= 4 or r() < 0.3
        answers: dict[str, object] = {"overall": a, "doctor": b, "nurse": c, "wait": d, "environment": e}
        complaint = False
        if a <= 2:
            answers["unhappy_with"] = ("医生态度", "护士态度", "等候时间", "收费", "环境卫生", "其他")[int(r() * 6)]
            complaint = r() < 0.4
            answers["complaint"] = complaint
        answers["recommend"] = recommend
        score = round(((a + b + c + d + e - 5) * 25 + (100 if recommend else 0)) / 6, 1)
        return json.dumps(answers), score, int(complaint)

    def _answers_post_discharge(self) -> tuple[str, float | None, int]:
        r = self.random
        recovery = self.recovery.pick()
        fever = r() < 0.04
        breathless = r() < 0.02
        medication = r() < 0.93
        answers: dict[str, object] = {"recovery": recovery, "fever": fever}
        if fever:
            answers["temperature"] = round(38.6 + r() * 1.6, 1)
        answers.update(breathless=breathless, medication=medication)
        if not medication:
            answers["missed_reason"] = ("忘记", "副作用", "自行停药", "费用", "其他")[int(r() * 5)]
        answers["revisit"] = r() < 0.9
        return json.dumps(answers), None, int(fever or breathless or recovery == "较差")

    def _answers_post_surgery(self) -> tuple[str, float | None, int]:
        r = self.random
        wound, pain, fever = self.wound.pick(), 1 + int(r() * r() * 5), r() < 0.03
        answers: dict[str, object] = {"wound": wound, "pain": pain}
        relief = True
        if pain >= 4:
            relief = r() < 0.8
            answers["pain_relief"] = relief
        answers["fever"] = fever
        if fever:
            answers["temperature"] = round(38.6 + r() * 1.6, 1)
        answers["rehab"] = ("按计划完成", "部分完成", "未进行")[int(r() * r() * 3)]
        red = wound in ("红肿渗液", "裂开") or fever or not relief
        return json.dumps(answers), None, int(red)

    def _answers_diabetes(self) -> tuple[str, float | None, int]:
        r = self.random
        glucose = round(4.4 + r() * 6 + (r() < 0.03) * 8, 1)
        hypo, foot = r() < 0.05, r() < 0.01
        answers: dict[str, object] = {"adherence": r() < 0.85, "fasting_glucose": glucose, "hypo": hypo}
        if hypo:
            answers["hypo_times"] = 1 + int(r() * 3)
        answers.update(foot=foot, diet=self.lifestyle.pick())
        return json.dumps(answers), None, int(hypo or foot or glucose >= 16.7 or glucose < 3.9)

    def _answers_hypertension(self) -> tuple[str, float | None, int]:
        r = self.random
        systolic = 112 + int(r() * 50) + (r() < 0.02) * 30
        diastolic = 70 + int(r() * 24)
        pain = r() < 0.05
        answers: dict[str, object] = {"adherence": r() < 0.85, "systolic": systolic, "diastolic": diastolic,
                                      "chest_pain": pain}  # fmt: skip
        if pain:
            answers["chest_pain_minutes"] = 1 + int(r() * 30)
        answers["salt"] = self.lifestyle.pick()
        red = pain or systolic >= 180 or systolic < 90 or diastolic >= 110
        return json.dumps(answers), None, int(red)


def _reason(rule: Rule, **values: str) -> str:
    """The rule's reason template with the values the demo knows (others left empty)."""
    text = rule.reason
    for name in PLACEHOLDERS:
        text = text.replace("{" + name + "}", values.get(name, ""))
    return text[:200]


def _in_family(code: str, rule: Rule) -> bool:
    head = code[:3]
    return any(first <= head <= last for first, last in rule.trigger.icd10)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _duration(r: Callable[[], float], outcome: str) -> int | None:
    if outcome == "completed":
        return 90 + int(r() * 510)
    if outcome in ("callback", "refused", "wrong_number", "deceased"):
        return 10 + int(r() * 80)
    return None
