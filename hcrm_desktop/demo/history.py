"""Three years of history of a demo patient: visits and admissions, checkups, contacts with the service
center, complaint cases, loyalty points; follow-up work is delegated to `followups`.

Everything happens inside the patient's window: from registration (or three years ago) to today's
opening time, or to their death.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from hcrm_desktop.demo import catalog
from hcrm_desktop.demo.followups import CheckupRef, EncounterRef, FollowUps
from hcrm_desktop.demo.people import CHILD, MIDDLE, OLD, YOUNG, Person, Summary
from hcrm_desktop.demo.pools import DAY, HISTORY_DAYS, UTC_OFFSET, Clock, IdSource, Weighted, sample_table
from hcrm_desktop.demo.reference import Org, Reference, Row
from hcrm_desktop.domain.sla import default_policy

CHANNELS = (("phone", 72), ("wechat", 14), ("web", 6), ("sms", 3), ("walk_in", 5))
CONTACT_TYPES = (("consultation", 74), ("booking", 15), ("praise", 5), ("other", 6))
OTHER_CONTACTS = (("其他/信息变更", "更新联系电话及住址"), ("其他/发票", "咨询电子发票开具方式"),
                  ("其他/病历复印", "咨询病历复印流程，已告知需本人身份证"))  # fmt: skip
STAFF_INVOLVED = {"服务态度": ("门诊护士站", "导诊台", "挂号窗口"), "收费问题": ("收费处",),
                  "环境设施": ("后勤保障部",), "体检报告": ("体检中心报告组",)}  # fmt: skip
CHECKUP_RATE = (0.0, 0.3, 0.42, 0.35)  # by age group
ACUTE_RATE = (3.0, 1.3, 1.8, 2.6)  # visits in three years, by age group
CONTACT_RATE = 1.6
COMPLAINT_RATE = 0.03
RECENT_COMPLAINTS = 0.3  # share opened in the last three weeks
SATISFACTION = (1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5)


class History:
    def __init__(self, rng: random.Random, ids: IdSource, clock: Clock, ref: Reference) -> None:
        self.rng, self.ids, self.clock, self.ref = rng, ids, clock, ref
        self.random = r = rng.random
        self.followups = FollowUps(rng, ids, clock, ref)
        self.exp = sample_table(lambda: -math.log(1.0 - r()) * 1000)  # Exp(1), in thousandths
        self.clinic_tod = sample_table(lambda: 28_800 + r() * 12_600 if r() < 0.65 else 48_600 + r() * 12_600)
        self.contact_tod = sample_table(lambda: 28_800 + r() * 34_200 if r() < 0.9 else 63_000 + r() * 10_800)
        self.any_tod = sample_table(lambda: r() * 86_400)
        self.outpatient_fen = sample_table(lambda: rng.lognormvariate(math.log(22_000), 0.75))
        self.handle = sample_table(lambda: 40 + rng.lognormvariate(math.log(170), 0.6))
        self._departments(rng)
        self._checkup_pools(rng)
        self._contact_pools(rng)
        self.complaints = Weighted(rng, [(c, 1) for c in catalog.COMPLAINTS])
        self.severity = Weighted(rng, [(s, s[1]) for s in catalog.COMPLAINT_SLA])
        self.days, self.hms, self.dept_id = clock.days, clock.hms, ref.dept_id

    # --- set-up -------------------------------------------------------------------------------------

    def _departments(self, rng: random.Random) -> None:
        profiles = catalog.DEPT_PROFILES
        self.dept_pick = [
            [Weighted(rng, [(code, prof["ages"][group]) for code, prof in profiles.items()
                            if prof["ages"][group] and prof.get("sex", "M" if male else "F") == ("M" if male else "F")])
             for male in (False, True)]
            for group in (CHILD, YOUNG, MIDDLE, OLD)
        ]  # fmt: skip
        self.icd_pick = {
            (code, male): Weighted(rng, [(icd, w) for icd, w, sex in prof["icd"] if sex in ("", "M" if male else "F")]
                                   or [(prof["icd"][0][0], 1)])
            for code, prof in profiles.items() for male in (False, True)
        }  # fmt: skip
        self.diag_json: dict[tuple[str, ...], str] = {}

    def _checkup_pools(self, rng: random.Random) -> None:
        ages = catalog.PACKAGE_AGE_WEIGHTS
        sexes = {code: sex for code, _n, _p, sex, _i in catalog.PACKAGES}
        self.package_pick = [
            [Weighted(rng, [(code, w[group]) for code, w in ages.items()
                            if w[group] and sexes[code] in (None, "M" if male else "F")] or [("JC", 1)])
             for male in (False, True)]
            for group in (CHILD, YOUNG, MIDDLE, OLD)
        ]  # fmt: skip
        self.findings = {}
        for male in (False, True):
            for decade in range(10):
                pairs = [(i, f[4]) for i, f in enumerate(catalog.FINDINGS)
                         if f[2] in ("", "M" if male else "F") and f[3] <= max(18, decade * 10 + 5)]
                self.findings[male, decade] = Weighted(rng, pairs)
        self.finding_json = [json.dumps(f[0]) for f in catalog.FINDINGS]

    def _contact_pools(self, rng: random.Random) -> None:
        r = rng.random
        depts = [(c, n) for c, n, k in catalog.DEPARTMENTS if k == "clinical"]
        packages = [n for _c, n, _p, _s, _i in catalog.PACKAGES]
        ref = self.ref
        self.consultations = []
        for _ in range(2048):
            code, dept = depts[int(r() * len(depts))]
            doctor = ref.doctors[code][int(r() * len(ref.doctors[code]))][1]
            category, text = catalog.CONSULTATIONS[int(r() * len(catalog.CONSULTATIONS))]
            self.consultations.append((category, text.format(dept=dept, doctor=doctor,
                                                             package=packages[int(r() * len(packages))])))
        self.praises = []
        for _ in range(1024):
            code, dept = depts[int(r() * len(depts))]
            doctor_id, doctor = ref.doctors[code][int(r() * len(ref.doctors[code]))]
            text = catalog.PRAISES[int(r() * len(catalog.PRAISES))].format(dept=dept, doctor=doctor)
            self.praises.append((f"表扬/{dept}", text, doctor_id, ref.dept_id[code]))
        self.bookings = [(f"预约/{'体检' if i % 2 else '门诊'}", f"电话预约{packages[i % len(packages)]}" if i % 2
                          else f"预约{depts[i % len(depts)][1]}专家门诊") for i in range(64)]
        self.channels = Weighted(rng, CHANNELS)
        self.contact_types = Weighted(rng, CONTACT_TYPES)

    # --- one person -----------------------------------------------------------------------------------

    def person(self, p: Person, out: dict[str, list[Row]]) -> Summary:
        clock = self.clock
        start = max(p.created_t, clock.history_start)
        end = p.deceased_t or clock.now
        summary = Summary(last_t=0)
        if end - start < 2 * DAY:
            return summary
        frac = (end - start) / (HISTORY_DAYS * DAY)
        chronic = self._chronic_conditions(p)
        encounters = self._encounters(p, start, end, frac, chronic, out)
        checkups = self._checkups(p, start, end, out, summary)
        self._contacts(p, start, end, frac, out)
        if self.random() < COMPLAINT_RATE * frac * p.activity:
            dept = encounters[-1][3] if encounters else "TJZX" if checkups else "KFZX"
            self._complaint(p, start, end, dept, out)
        summary.encounters = len(encounters)
        summary.inpatient = any(e[0] == "inpatient" for e in encounters)
        summary.checkups = len(checkups)
        last = max(encounters[-1][1] if encounters else 0, checkups[-1][1] if checkups else 0)
        summary.last_t = last
        summary.tags = tuple(c[4] for c in catalog.CHRONIC if c[0] in chronic)
        self._points(p, checkups, end, out, summary)
        self.followups.person(p, encounters, checkups, chronic, last or start, out)
        return summary

    def _chronic_conditions(self, p: Person) -> list[str]:
        if p.group == CHILD or p.activity < 0.3:
            return []
        r = self.random
        if p.group == OLD:
            return [c[0] for c in catalog.CHRONIC if r() < c[3]]
        scale = 0.15 if p.group == YOUNG else 1.0
        return [c[0] for c in catalog.CHRONIC if r() < c[2] * scale]

    def _encounters(
        self, p: Person, start: int, end: int, frac: float, chronic: list[str], out: dict[str, list[Row]]
    ) -> list[EncounterRef]:
        r, exp = self.random, self.exp
        first, last = start // DAY + 1, end // DAY - 1
        if last < first:
            return []
        found: list[EncounterRef] = []
        n = int(ACUTE_RATE[p.group] * frac * p.activity * exp[int(r() * 4096)] / 1000 + r())
        for _ in range(n):
            day = first + int(r() * (last - first + 1))
            self._acute(p, day, chronic, end, out, found)
        for code in chronic:
            self._chronic_visits(p, code, chronic, first, last, out, found)
        found.sort(key=lambda e: e[1])
        return found

    def _acute(
        self, p: Person, day: int, chronic: list[str], end: int, out: dict[str, list[Row]], found: list[EncounterRef]
    ) -> None:  # fmt: skip
        r = self.random
        dept = self.dept_pick[p.group][p.male].pick()
        profile = catalog.DEPT_PROFILES[dept]
        icd = self.icd_pick[dept, p.male].pick()
        discharged, surgery = 0, None
        if dept == "JZK" or r() < 0.045:
            kind, t = "emergency", day * DAY + self.any_tod[int(r() * 4096)]
            amount = self.outpatient_fen[int(r() * 4096)] * 3
        elif r() < profile["inpatient"] * 1.6:
            kind, t = "inpatient", day * DAY + self.clinic_tod[int(r() * 4096)]
            stay = 2 + min(12, int(self.exp[int(r() * 4096)] * 4 / 1000))
            discharged = (day + stay) * DAY + 32_400 + int(r() * 10_800)
            if discharged > min(end, self.clock.now):
                discharged = 0 if end == self.clock.now else end
            if profile["surgery"] and r() < 0.5:
                surgery = profile["surgery"][int(r() * len(profile["surgery"]))]
            amount = stay * (150_000 + int(r() * 100_000)) + (2_000_000 + int(r() * 4_000_000) if surgery else 0)
        else:
            kind, t = "outpatient", day * DAY + self.clinic_tod[int(r() * 4096)]
            amount = self.outpatient_fen[int(r() * 4096)]
        codes = (icd, *[c for c in chronic if c != icd][:2]) if chronic and r() < 0.5 else (icd,)
        self._encounter_row(p, kind, dept, t, discharged, codes, surgery, amount, out, found)

    def _chronic_visits(
        self, p: Person, code: str, chronic: list[str], first: int, last: int, out: dict[str, list[Row]], found: list[EncounterRef],
    ) -> None:  # fmt: skip
        r = self.random
        dept = next(c[1] for c in catalog.CHRONIC if c[0] == code)
        interval = 75 + r() * 60
        day = first + r() * interval
        codes = (code, *[c for c in chronic if c != code])
        while day <= last:
            t = int(day) * DAY + self.clinic_tod[int(r() * 4096)]
            amount = 15_000 + int(r() * 55_000)
            self._encounter_row(p, "outpatient", dept, t, 0, codes, None, amount, out, found)
            day += interval * (0.75 + r() * 0.5)

    def _encounter_row(
        self, p: Person, kind: str, dept: str, t: int, discharged: int, codes: tuple[str, ...],
        surgery: str | None, amount: int, out: dict[str, list[Row]], found: list[EncounterRef],
    ) -> None:  # fmt: skip
        doctors = self.ref.doctors[dept]
        diagnoses = self.diag_json.get(codes)
        if diagnoses is None:
            diagnoses = self.diag_json[codes] = json.dumps(list(codes))
        eid = self.ids()
        days, hms = self.days, self.hms
        u = (discharged or t) - UTC_OFFSET
        out["encounters"].append((
            eid, days[u // DAY] + hms[u % DAY], p.id, kind, self.dept_id[dept],
            doctors[int(self.random() * len(doctors))][0], days[t // DAY] + hms[t % DAY],
            days[discharged // DAY] + hms[discharged % DAY] if discharged else None,
            codes[0], diagnoses, surgery, amount,
        ))  # fmt: skip
        found.append((kind, t, discharged, dept, surgery, eid))

    def _checkups(
        self, p: Person, start: int, end: int, out: dict[str, list[Row]], summary: Summary
    ) -> list[CheckupRef]:
        r = self.random
        employee = p.org >= 0
        if not (employee and r() < 0.9) and r() >= CHECKUP_RATE[p.group] * min(1.0, p.activity):
            return []
        clock = self.clock
        org = self.ref.orgs[p.org] if employee else None
        preferred = org.checkup_day if org else int(r() * 365)
        found: list[CheckupRef] = []
        for years_ago in (2, 1, 0):
            if r() >= (0.9 if employee else 0.65):
                continue
            year_start = clock.today_index - (years_ago + 1) * 365
            day = year_start + (preferred + int((r() - 0.5) * (30 if org else 60))) % 365
            t = day * DAY + 27_000 + int(r() * 9_000)
            if start <= t <= end and t <= clock.now:
                found.append(self._checkup_row(p, t, org, out, summary))
        return found

    def _checkup_row(
        self, p: Person, t: int, org: Org | None, out: dict[str, list[Row]], summary: Summary
    ) -> CheckupRef:
        r = self.random
        code = org.package_code if org else self.package_pick[p.group][p.male].pick()
        if org and code in ("NX", "NXM"):
            code = "JC"
        amount = self.ref.package_price[code]
        amount = int(amount * org.discount) // 100 * 100 if org else amount + (int(r() * 8) * 10_000 if r() < 0.25 else 0)
        picker = self.findings[p.male, min(9, p.age // 10)]
        chosen: list[int] = []
        for _ in range(int(min(5, p.age / 14) * r() + r() * 1.5)):
            i = picker.pick()
            if i not in chosen:
                chosen.append(i)
        risk = max((catalog.FINDINGS[i][1] for i in chosen), default=0)
        cid = self.ids()
        findings = "[" + ", ".join(self.finding_json[i] for i in chosen) + "]"
        out["checkups"].append((
            cid, self.clock.utc(t + 3 * DAY), p.id, self.ref.package_id[code],
            org.id if org else None, self.clock.day(t), amount, findings, catalog.RISK_LEVELS[risk],
        ))  # fmt: skip
        summary.checkup_spend += amount
        if r() < 0.12:
            self.followups.survey(p, "satisfaction", None, min(t + DAY + int(r() * 2 * DAY), self.clock.now), out)
        return (cid, t, risk, amount)

    # --- contacts -----------------------------------------------------------------------------------

    def _contacts(self, p: Person, start: int, end: int, frac: float, out: dict[str, list[Row]]) -> None:
        r = self.random
        first, last = start // DAY + 1, end // DAY - 1
        n = int(CONTACT_RATE * frac * p.activity * self.exp[int(r() * 4096)] / 1000 + r())
        if last < first:
            return
        number = p.contact
        for _ in range(n):
            t = (first + int(r() * (last - first + 1))) * DAY + self.contact_tod[int(r() * 4096)]
            kind = self.contact_types.pick()
            credited = None, None
            disposition, resolved = None, None
            if kind == "consultation":
                category, summary = self.consultations[int(r() * 2048)]
                disposition = catalog.DISPOSITIONS[int(r() * 4)]
                resolved = int(r() < 0.86)
            elif kind == "booking":
                category, summary = self.bookings[int(r() * 64)]
                disposition, resolved = "已预约", 1
            elif kind == "praise":
                category, summary, *credited = self.praises[int(r() * 1024)]  # type: ignore[assignment]
                disposition, resolved = "已记录表扬", 1
            else:
                category, summary = OTHER_CONTACTS[int(r() * len(OTHER_CONTACTS))]
                disposition, resolved = "已解答", 1
            self.contact_row(p.id, kind, self.channels.pick(), t, category, disposition, summary, resolved,
                             number, credited, out)

    def contact_row(
        self, patient_id: str, kind: str, channel: str, t: int, category: str | None, disposition: str | None,
        summary: str | None, resolved: int | None, number: str | None, credited: Sequence[str | None],
        out: dict[str, list[Row]], agent: str | None = None,
    ) -> str:  # fmt: skip
        r = self.random
        handle = self.handle[int(r() * 4096)] * (3 if channel in ("wechat", "web", "walk_in") else 1)
        agents = self.ref.agents
        iid = self.ids()
        days, hms = self.days, self.hms
        end = t + handle
        u = end - UTC_OFFSET
        phone = channel in ("phone", "sms")
        out["interactions"].append((
            iid, days[u // DAY] + hms[u % DAY], patient_id, kind, channel,
            "outbound" if r() < 0.06 else "inbound", category, disposition, summary,
            agent or agents[int(r() * len(agents))], number if phone else None,
            f"{self.rng.getrandbits(64):016x}" if channel == "phone" else None,
            days[t // DAY] + hms[t % DAY], days[end // DAY] + hms[end % DAY], handle, resolved, credited[0],
            credited[1],
        ))  # fmt: skip
        return iid

    def _complaint(self, p: Person, start: int, end: int, dept: str, out: dict[str, list[Row]]) -> None:
        r, clock = self.random, self.clock
        first, last = start // DAY + 1, end // DAY - 1
        if r() < RECENT_COMPLAINTS:  # the open cases a supervisor works on
            first = max(first, last - 20)
        opened = (first + int(r() * (last - first + 1))) * DAY + self.contact_tod[int(r() * 4096)]
        category, subject, description = self.complaints.pick()
        severity, _w, ack_hours, resolve_hours = self.severity.pick()
        if category == "体检报告":
            dept = "TJZX"
        number = p.contact
        channel = self.channels.pick()
        iid = self.contact_row(p.id, "complaint", channel, opened - 600, f"投诉/{category}", "已登记投诉",
                               subject, 0, number, (None, None), out)
        times = self._complaint_times(opened, ack_hours, resolve_hours)
        states = ("new", "acknowledged", "in_progress", "resolved", "closed")
        reached = [t for t in times if t <= clock.now]
        state = states[len(reached)]
        supervisors = self.ref.supervisors
        handler = supervisors[int(r() * len(supervisors))] if reached else None
        cid = self.ids()
        ack_due, resolve_due = self._sla_dues(severity, opened)
        resolved = reached[2] if len(reached) > 2 else 0
        late = resolved > resolve_due if resolved else clock.now > resolve_due
        escalated = int(severity in ("high", "critical") and r() < 0.3 or late and r() < 0.5)
        satisfaction = SATISFACTION[int(r() * len(SATISFACTION))] if resolved and r() < 0.7 else None
        ts = clock.ts
        out["complaints"].append((
            cid, clock.utc(reached[-1] if reached else opened), p.id, iid,
            f"TS{clock.day(opened).replace('-', '')}{p.index:07d}", severity, state, category, subject,
            description, self.ref.dept_id[dept], self._staff_involved(category, dept), handler, ts(opened),
            ts(ack_due), ts(resolve_due), ts(reached[0]) if reached else None,
            ts(resolved) if resolved else None, ts(reached[3]) if len(reached) > 3 else None, escalated,
            catalog.RESOLUTIONS[int(r() * len(catalog.RESOLUTIONS))] if resolved else None, satisfaction,
        ))  # fmt: skip
        self._complaint_events(cid, opened, reached, states, handler, out)

    def _sla_dues(self, severity: str, opened: int) -> tuple[int, int]:
        """Acknowledge and resolve dues in working time, by the shipped SLA policy (domain/sla.py)."""
        midnight = datetime.combine(self.clock.date_of(opened), time())
        ack, resolve = default_policy().dues(severity, midnight + timedelta(seconds=opened % DAY))
        day0 = opened - opened % DAY
        return day0 + int((ack - midnight).total_seconds()), day0 + int((resolve - midnight).total_seconds())

    def _staff_involved(self, category: str, dept: str) -> str | None:
        r = self.random
        involved = STAFF_INVOLVED.get(category)
        if involved:
            return involved[int(r() * len(involved))]
        doctors = self.ref.doctors.get(dept)
        if doctors and category in ("医疗质量", "沟通解释") and r() < 0.6:
            return f"{doctors[int(r() * len(doctors))][1]}医生"
        return None

    def _complaint_times(self, opened: int, ack_hours: int, resolve_hours: int) -> list[int]:
        r = self.random
        acknowledged = opened + int(ack_hours * 3600 * (0.05 + r() * 1.05))
        in_progress = acknowledged + int(3600 * (0.5 + r() * 20))
        stalled = r() < 0.04
        resolved = in_progress + int(resolve_hours * 3600 * (0.1 + r() * 0.95)) + (400 * DAY if stalled else 0)
        closed = resolved + int(DAY * (1 + r() * 3))
        return [acknowledged, in_progress, resolved, closed]

    def _complaint_events(
        self, cid: str, opened: int, reached: list[int], states: tuple[str, ...], handler: str | None,
        out: dict[str, list[Row]],
    ) -> None:  # fmt: skip
        clock, r = self.clock, self.random
        events = out["complaint_events"]
        agent = self.ref.agents[int(r() * len(self.ref.agents))]
        events.append((self.ids(), clock.utc(opened), cid, agent, clock.ts(opened), None, "new",
                       "来电登记投诉"))
        notes = ("已受理，联系科室核实", "科室正在处理", "处理完毕，已回复患者", "患者确认，结案")
        for i, t in enumerate(reached):
            events.append((self.ids(), clock.utc(t), cid, handler, clock.ts(t), states[i],
                           states[i + 1], notes[i]))

    # --- points -------------------------------------------------------------------------------------

    def _points(self, p: Person, checkups: list[CheckupRef], end: int, out: dict[str, list[Row]], s: Summary) -> None:
        r, clock = self.random, self.clock
        ledger = out["points_ledger"]
        balance = 0
        if p.created_t >= clock.history_start and r() < 0.3:
            balance += 100
            ledger.append((self.ids(), clock.utc(p.created_t), p.id, 100, "新客注册赠送",
                           clock.ts(p.created_t)))
        for _cid, t, _risk, amount in checkups:
            earned = amount // 100
            at = min(t + DAY, clock.now)
            balance += earned
            ledger.append((self.ids(), clock.utc(at), p.id, earned, "体检消费积分", clock.ts(at)))
        if balance >= 2000 and r() < 0.35:
            spent = min(balance, 500 + 100 * int(r() * 16))
            at = checkups[-1][1] + 7 * DAY + int(r() * 60 * DAY)
            if at < min(end, clock.now):
                balance -= spent
                ledger.append((self.ids(), clock.utc(at), p.id, -spent, "积分兑换体检项目",
                               clock.ts(at)))
        s.points = balance
