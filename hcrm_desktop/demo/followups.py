"""Follow-up work of a demo patient: tasks from the rules, the calls made for them, survey answers.

A task's state follows from its due time: long past ones are mostly done (some lost, a small overdue
backlog still open), recent ones are a mix that fills today's worklists, future ones are open.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from hcrm_desktop.demo import catalog
from hcrm_desktop.demo.people import Person
from hcrm_desktop.demo.pools import DAY, UTC_OFFSET, Clock, IdSource, Weighted
from hcrm_desktop.demo.reference import Reference, Row

# (kind, start_t, discharged_t or 0, department code, surgery or None, encounter id)
EncounterRef = tuple[str, int, int, str, str | None, str]
CheckupRef = tuple[str, int, int, int]  # checkup id, time, risk index 0..4, amount in fen

RULE_STEPS = {code: definition.get("steps", []) for code, _n, _k, definition in catalog.FOLLOWUP_RULES}
QUESTIONNAIRE_OF = {
    "post_discharge": "post_discharge", "post_surgery": "post_discharge", "chronic_monthly": "chronic",
    "abnormal_checkup": None, "satisfaction": "satisfaction", "win_back": None, "annual_checkup": None,
}  # fmt: skip
NURSE_RULES = frozenset({"post_discharge", "post_surgery", "chronic_monthly", "abnormal_checkup"})
STATES_RECENT = (("open", 45), ("in_progress", 5), ("callback", 15), ("done", 35))
STATES_WEEKS = (("open", 12), ("in_progress", 2), ("callback", 10), ("done", 66), ("lost", 10))
STATES_OLD = (("open", 3), ("done", 80), ("lost", 12), ("cancelled", 5))
FAILURES = (("no_answer", 68), ("busy", 14), ("wrong_number", 10), ("refused", 8))
RATINGS = (5,) * 47 + (4,) * 35 + (3,) * 12 + (2,) * 4 + (1,) * 2
SATISFACTION_JSON = (
    '{"overall": %d, "doctor": %d, "nurse": %d, "wait": %d, "environment": %d, "recommend": %s}'
)
POST_DISCHARGE_JSON = '{"recovery": %s, "fever": %s, "medication": %s, "revisit": %s, "overall": %d}'
CHRONIC_JSON = '{"adherence": %s, "reading": %s, "symptoms": %s, "lifestyle": %s}'
RECOVERY_JSON = {text: json.dumps(text) for text in ("良好", "一般", "较差")}
LIFESTYLE_JSON = {text: json.dumps(text) for text in ("坚持", "部分", "没有")}
GLUCOSE_JSON = json.dumps("空腹血糖")[1:-1]
WAIT_RATINGS = (5,) * 30 + (4,) * 36 + (3,) * 22 + (2,) * 8 + (1,) * 4


class FollowUps:
    def __init__(self, rng: random.Random, ids: IdSource, clock: Clock, ref: Reference) -> None:
        self.rng, self.ids, self.clock, self.ref = rng, ids, clock, ref
        self.random = rng.random
        self.states = [Weighted(rng, s) for s in (STATES_RECENT, STATES_WEEKS, STATES_OLD)]
        self.failures = Weighted(rng, FAILURES)
        self.recovery = Weighted(rng, (("良好", 75), ("一般", 20), ("较差", 5)))
        self.lifestyle = Weighted(rng, (("坚持", 55), ("部分", 35), ("没有", 10)))
        self.notes = dict(catalog.CALL_NOTES)
        self.answers = {"satisfaction": self._answers_satisfaction, "post_discharge": self._answers_post_discharge,
                        "chronic": self._answers_chronic}
        self.now, self.days, self.hms, self.dept_id = clock.now, clock.days, clock.hms, ref.dept_id
        self.rules = {
            rule: (ref.rule_id[rule], q, ref.questionnaire_id.get(q or ""),
                   ref.nurses if rule in NURSE_RULES else ref.agents)
            for rule, q in QUESTIONNAIRE_OF.items()
        }  # fmt: skip

    def person(
        self, p: Person, encounters: list[EncounterRef], checkups: list[CheckupRef],
        chronic: list[str], last_t: int, out: dict[str, list[Row]],
    ) -> None:  # fmt: skip
        r = self.random
        for kind, start, discharged, dept, surgery, eid in encounters:
            if kind == "inpatient" and discharged:
                self._steps(p, "post_discharge", eid, discharged, dept, out)
                if surgery:
                    self._steps(p, "post_surgery", eid, discharged, dept, out)
            elif kind == "outpatient" and r() < 0.05:
                self._steps(p, "satisfaction", eid, start, dept, out)
        for cid, t, risk, _amount in checkups:
            if risk >= 2:
                self._steps(p, "abnormal_checkup", cid, t, "TJZX", out)
        if checkups:
            cid, t, _risk, _amount = checkups[-1]
            if self.clock.now - 60 * DAY <= t + 335 * DAY <= self.clock.now + 30 * DAY:
                self._steps(p, "annual_checkup", cid, t, "TJZX", out)
        enrolled = [c for c in chronic if c in ("I10", "E11.9", "I25.1", "J44.9")]
        if enrolled and r() < 0.25:
            self._chronic(p, enrolled[0], out)
        if last_t and last_t < self.clock.now - 548 * DAY and not p.deceased_t and r() < 0.5:
            self._win_back(p, out)

    def _steps(self, p: Person, rule: str, source: str, t: int, dept: str, out: dict[str, list[Row]]) -> None:
        base = t - t % DAY + 9 * 3600
        for step in RULE_STEPS[rule]:
            due = base + step["offset_days"] * DAY + int(self.random() * 7200)
            self._task(p, rule, source, step["step"], due, step["window_days"], step["priority"], dept, out)

    def _chronic(self, p: Person, code: str, out: dict[str, list[Row]]) -> None:
        clock = self.clock
        dept = next(c[1] for c in catalog.CHRONIC if c[0] == code)
        day_of_month = 1 + int(self.random() * 25)
        first = max(clock.now - 365 * DAY, p.created_t + 30 * DAY)
        d = clock.date_of(first)
        year, month = d.year, d.month
        while True:
            due = clock.seconds(d.replace(year=year, month=month, day=day_of_month)) + 9 * 3600
            if due > clock.now + 31 * DAY:
                break
            if due >= first:
                self._task(p, "chronic_monthly", f"{year}-{month:02d}", "", due, 10, 3, dept, out)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def _win_back(self, p: Person, out: dict[str, list[Row]]) -> None:
        clock = self.clock
        due = clock.now - int(self.random() * 45) * DAY + 3600
        half = 1 if clock.today.month <= 6 else 2
        self._task(p, "win_back", f"{clock.today.year}-H{half}", "", due, 30, 4, "KFZX", out)

    def _task(
        self, p: Person, rule: str, source: str, step: str, due: int, window_days: int, priority: int,
        dept: str, out: dict[str, list[Row]],
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
        rule_id, questionnaire, questionnaire_id, pool = self.rules[rule]
        assignee = None if state == "open" and r() < 0.25 else pool[int(r() * len(pool))]
        task_id = self.ids()
        window_end = due + window_days * DAY
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
        out["followup_tasks"].append((
            task_id, days[stamp_t // DAY] + hms[stamp_t % DAY], p.id, rule_id, source, step,
            questionnaire_id, self.dept_id[dept], assignee, priority, days[due // DAY] + hms[due % DAY],
            days[window_end // DAY] + hms[window_end % DAY], state, len(attempts), callback_at, outcome, completed,
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
            if state == "done" and questionnaire and r() < 0.9:
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
        answers, score, red_flag = self.answers[code]()
        u = at - UTC_OFFSET
        days, hms = self.days, self.hms
        out["survey_responses"].append((
            self.ids(), days[u // DAY] + hms[u % DAY], self.ref.questionnaire_id[code], p.id,
            task_id, None, answers, score, red_flag, days[at // DAY] + hms[at % DAY],
        ))  # fmt: skip

    # Answers are JSON text exactly as `json.dumps` writes it (what SQLAlchemy stores), built by hand.

    def _answers_satisfaction(self) -> tuple[str, float | None, int]:
        r = self.random
        a, b, c, e = (RATINGS[int(r() * 100)] for _ in range(4))
        d = WAIT_RATINGS[int(r() * 100)]
        recommend = "true" if a >= 4 or r() < 0.3 else "false"
        text = SATISFACTION_JSON % (a, b, c, d, e, recommend)
        return text, round((a + b + c + d + e) / 5, 2), int(a <= 2)

    def _answers_post_discharge(self) -> tuple[str, float | None, int]:
        r = self.random
        recovery = self.recovery.pick()
        fever = r() < 0.04
        overall = RATINGS[int(r() * 100)]
        text = POST_DISCHARGE_JSON % (RECOVERY_JSON[recovery], _bool(fever), _bool(r() < 0.93), _bool(r() < 0.9),
                                      overall)
        return text, float(overall), int(fever or recovery == "较差")

    def _answers_chronic(self) -> tuple[str, float | None, int]:
        r = self.random
        symptoms = r() < 0.06
        if r() < 0.6:
            reading = f'"{118 + int(r() * 45)}/{72 + int(r() * 22)}mmHg"'
        else:
            reading = f'"{GLUCOSE_JSON}{5.2 + r() * 4.5:.1f}mmol/L"'
        text = CHRONIC_JSON % (_bool(r() < 0.85), reading, _bool(symptoms), LIFESTYLE_JSON[self.lifestyle.pick()])
        return text, None, int(symptoms)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _duration(r: Callable[[], float], outcome: str) -> int | None:
    if outcome == "completed":
        return 90 + int(r() * 510)
    if outcome in ("callback", "refused", "wrong_number", "deceased"):
        return 10 + int(r() * 80)
    return None
