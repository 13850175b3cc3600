from __future__ import annotations

from datetime import date, datetime, timedelta

from hcrm_desktop.services.overview import workbench_counts
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Booking, Complaint, FollowUpRule, FollowUpTask, Patient, Slot

TODAY = date(2026, 11, 26)


def test_counts_match_hand_built_data(tmp_path):
    db = open_database(tmp_path / "o.db", create=True)
    with db.write() as s:
        p1 = Patient(customer_no="C1", name="张伟", name_pinyin="zhangwei", name_initials="zw")
        p2 = Patient(customer_no="C2", name="李娜", name_pinyin="lina", name_initials="ln")
        gone = Patient(customer_no="C3", name="王五", name_pinyin="wangwu", name_initials="ww", deleted=True)
        s.add_all([p1, p2, gone])
        opened = datetime(2026, 11, 20, 9)
        for n, (state, due) in enumerate(
            [("new", datetime(2026, 11, 25)), ("in_progress", datetime(2026, 11, 28)), ("closed", None)]
        ):
            s.add(Complaint(case_no=f"TS{n}", severity="medium", state=state, subject="等候时间长",
                            opened_at=opened, resolve_due=due, patient_id=p1.id))
        rule = FollowUpRule(code="post_discharge", name="出院随访", kind="post_discharge")
        s.add(rule)
        for n, (state, due) in enumerate(
            [("open", datetime(2026, 11, 26, 10)), ("callback", datetime(2026, 11, 20)),
             ("open", datetime(2026, 11, 30)), ("done", datetime(2026, 11, 1))]
        ):
            s.add(FollowUpTask(patient_id=p2.id, rule_id=rule.id, source_ref=f"e{n}", due_at=due, state=state))
        for offset, state in [(0, "booked"), (6, "booked"), (7, "booked"), (2, "cancelled"), (-1, "booked")]:
            slot = Slot(resource="package", resource_id="pkg", day=TODAY + timedelta(days=offset),
                        period="am", capacity=10)
            s.add(slot)
            s.add(Booking(patient_id=p1.id, slot_id=slot.id, state=state, booked_at=opened))
    counts = workbench_counts(db, TODAY)
    assert counts.patients == 2
    assert counts.open_complaints == 2 and counts.overdue_complaints == 1
    assert counts.due_followups == 2
    assert counts.bookings_next_7_days == 2
    db.dispose()
