"""Slot capacity for the next two weeks (packages and clinics) and the bookings that fill it.

Days close to today are nearly full, later days fill up gradually. `slots.booked` is the number of
bookings in state `booked`; cancelled bookings and the old halves of rescheduled ones free their seat.
"""

from __future__ import annotations

import random
from array import array
from datetime import timedelta

from hcrm_desktop.demo import catalog
from hcrm_desktop.demo.history import History
from hcrm_desktop.demo.pools import DAY, Clock, IdSource
from hcrm_desktop.demo.reference import Reference, Row

PACKAGE_WEIGHTS = {"JC": 10, "ZQN": 8, "ZLN": 7, "RZ": 6, "NX": 5, "NXM": 4, "VIP": 2, "XNX": 3, "ZLSC": 3, "YQ": 2}
CLINIC_WEIGHTS = {"EK": 1.5, "XNK": 1.3, "NFMK": 1.2, "GK": 1.2}
BOOKINGS_PER_PATIENT = 0.06
FILL_TARGET = 0.55
SlotPlan = tuple[str, str, str, str | None, int, str, float]  # resource, id, code, doctor, day, period, weight
BOOKING_NOTES = ("需轮椅协助", "VIP客户，安排专人陪检", "需空腹，已提醒", "家属陪同")


def meta_code(age: int, male: bool, deceased: bool) -> int:
    """A patient packed into one small int for the booking pass: -1 when deceased."""
    return -1 if deceased else min(age, 120) * 2 + int(male)


class Schedule:
    def __init__(
        self, rng: random.Random, ids: IdSource, clock: Clock, ref: Reference, history: History
    ) -> None:
        self.rng, self.ids, self.clock, self.ref, self.history = rng, ids, clock, ref, history
        self.random = rng.random
        self.names = {("package", c): n for c, n, _p, _s, _i in catalog.PACKAGES}
        self.names |= {("clinic", c): f"{n}专家门诊" for c, n, _k in catalog.DEPARTMENTS}

    def build(self, patient_ids: list[str], meta: array[int], out: dict[str, list[Row]]) -> None:
        slots = self._slots()
        seats = max(10, round(len(patient_ids) * BOOKINGS_PER_PATIENT))
        total_weight = sum(s[-1] for s in slots)
        taken: set[int] = set()
        rows = out["slots"]
        codes = [s[2] for s in slots]
        plan = []
        for slot in slots:
            capacity = max(2, round(seats / FILL_TARGET * slot[-1] / total_weight))
            fill = min(1.0, max(0.05, 0.95 - 0.055 * slot[4] + (self.random() - 0.5) * 0.2))
            plan.append((capacity, capacity * fill))
        scale = min(1.0, seats / sum(wanted for _c, wanted in plan))  # small demos: fewer, not fuller
        for (resource, resource_id, code, doctor, k, period, _w), (capacity, wanted) in zip(slots, plan, strict=True):
            slot_id = self.ids()
            booked = 0
            for _ in range(int(wanted * scale + self.random())):
                patient = self._patient(code, resource, meta, taken)
                if patient >= 0:
                    self._booking(patient_ids[patient], slot_id, self.names[resource, code], k, period, out)
                    booked += 1
            day = (self.clock.today + timedelta(days=k)).isoformat()
            stamp = self.clock.utc(self.clock.now - int(self.random() * 3 * DAY))
            rows.append((slot_id, stamp, resource, resource_id, doctor, day, period, capacity,
                         capacity // 10 if resource == "package" else 0, booked))
        self._cancelled(patient_ids, meta, [(*row, code) for row, code in zip(rows, codes, strict=True)], out)

    def _slots(self) -> list[SlotPlan]:
        slots: list[SlotPlan] = []
        clinics = [c for c, _n, kind in catalog.DEPARTMENTS if kind == "clinical" and c != "JZK"]
        for k in range(14):
            weekday = (self.clock.today + timedelta(days=k)).weekday()
            for code, weight in PACKAGE_WEIGHTS.items():
                slots.append(("package", self.ref.package_id[code], code, None, k, "am", weight))
                if weekday < 6:
                    slots.append(("package", self.ref.package_id[code], code, None, k, "pm", weight * 0.3))
            for code in clinics if weekday < 6 else ():
                clinic_weight = 6 * CLINIC_WEIGHTS.get(code, 1.0)
                doctor = self.ref.experts[code]
                slots.append(("clinic", self.ref.dept_id[code], code, doctor, k, "am", clinic_weight))
                if weekday < 5:
                    slots.append(("clinic", self.ref.dept_id[code], code, doctor, k, "pm", clinic_weight * 0.7))
        return slots

    def _patient(self, code: str, resource: str, meta: array[int], taken: set[int]) -> int:
        """A random living patient who may take this slot and has no other booking, or -1."""
        r, n = self.random, len(meta)
        for _ in range(40 if n else 0):
            i = int(r() * n)
            if i not in taken and _eligible(code, resource, meta[i]):
                taken.add(i)
                return i
        return -1

    def _booking(
        self, patient_id: str, slot_id: str, what: str, k: int, period: str, out: dict[str, list[Row]]
    ) -> None:
        r, clock = self.random, self.clock
        booked_at = clock.now - int((0.2 + r() * (10 + k)) * DAY)
        previous = None
        slots = out["slots"]
        if slots and r() < 0.05:  # moved here from another slot: the old booking stays as `rescheduled`
            previous = self.ids()
            old_slot = str(slots[int(r() * len(slots))][0])
            self._row(patient_id, previous, old_slot, "rescheduled", booked_at - int(r() * 5 * DAY), out)
        agent = None
        if r() < 0.6:
            agents = self.ref.agents
            agent = agents[int(r() * len(agents))]
            day = (clock.today + timedelta(days=k)).isoformat()
            self.history.contact_row(patient_id, "booking", "phone", booked_at, "预约/电话预约", "已预约",
                                     f"预约{what} {day}{'上午' if period == 'am' else '下午'}", 1, None,
                                     (None, None), out, agent=agent)
        note = BOOKING_NOTES[int(r() * len(BOOKING_NOTES))] if r() < 0.05 else None
        self._row(patient_id, self.ids(), slot_id, "booked", booked_at, out, agent, previous, note)

    def _row(
        self, patient_id: str, booking_id: str, slot_id: str, state: str, at: int, out: dict[str, list[Row]],
        agent: str | None = None, previous: str | None = None, note: str | None = None,
    ) -> None:  # fmt: skip
        out["bookings"].append((booking_id, self.clock.utc(at), patient_id, slot_id, state,
                                self.clock.ts(at), agent, previous, note))

    def _cancelled(self, patient_ids: list[str], meta: array[int], slots: list[Row], out: dict[str, list[Row]]) -> None:
        r = self.random
        for _ in range(len(out["bookings"]) // 12 if patient_ids else 0):
            slot = slots[int(r() * len(slots))]
            i = int(r() * len(patient_ids))
            code = slot[-1]
            if _eligible(str(code), str(slot[2]), meta[i]):
                self._row(patient_ids[i], self.ids(), str(slot[0]), "cancelled",
                          self.clock.now - int(r() * 12 * DAY), out)


def _eligible(code: str, resource: str, m: int) -> bool:
    if m < 0:
        return False
    age, male = m >> 1, m & 1
    if resource == "package":
        return age >= 18 and not (code == "NX" and male) and not (code == "NXM" and not male)
    return (age < 14) == (code == "EK") and not (code == "FCK" and male)
