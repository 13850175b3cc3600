"""The sync contract (DESIGN.md section 5), run through both transports against a real central."""

from __future__ import annotations

import threading
import uuid
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hcrm_desktop.store import outbox as outbox_module
from hcrm_desktop.store.models import Booking, Complaint, Outbox, Patient, Slot
from hcrm_desktop.store.sync_state import SyncConflict
from hcrm_desktop.sync.conflicts import dismiss, open_conflicts, reapply
from hcrm_desktop.sync.errors import Offline

pytestmark = pytest.mark.postgres


def new_patient(n: int, **kw):
    values = dict(customer_no=f"C{n:08d}", name=f"患者{n}", name_pinyin=f"huanzhe{n}", name_initials="hz")
    values.update(kw)
    return Patient(**values)


def add(ws, *objects):
    with ws.db.write() as s:
        s.add_all(objects)
    return objects[0] if len(objects) == 1 else objects


def edit(ws, model, row_id, **values):
    with ws.db.write() as s:
        row = s.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)


def get(ws, model, row_id):
    with ws.db.session() as s:
        return s.get(model, row_id)


def count(ws, model, *where):
    with ws.db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def pending(ws) -> int:
    return count(ws, Outbox)


def seed_slot(central, capacity=1):
    slot_id = str(uuid.uuid4())
    fields = dict(resource="clinic", resource_id=str(uuid.uuid4()), day="2026-12-01", period="am",
                  capacity=capacity, vip_reserved=0, booked=0, doctor_id=None)
    result = central.push_as("admin1", [dict(mutation_id=str(uuid.uuid4()), entity="slots", entity_id=slot_id,
                                             op="insert", base_version=0, fields=fields)])
    assert result[0]["status"] == "applied", result
    return slot_id


def test_two_workstations_edit_offline_then_both_see_everything(central):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    shared = add(a, new_patient(1))
    a.engine.sync_once()
    b.engine.sync_once()
    # both offline now: each adds a patient and edits a different field of the shared one
    add(a, new_patient(2))
    add(b, new_patient(3))
    edit(a, Patient, shared.id, occupation="教师")
    edit(b, Patient, shared.id, city="杭州")

    sa = a.engine.sync_once()
    sb = b.engine.sync_once()
    a.engine.sync_once()

    assert sa.pushed == 2 and sb.pushed == 2 and sa.conflicts == sb.conflicts == 0
    for ws in (a, b):
        assert count(ws, Patient) == 3
        row = get(ws, Patient, shared.id)
        assert (row.occupation, row.city) == ("教师", "杭州")
        assert pending(ws) == 0
    assert central.scalar("SELECT count(*) FROM patients") == 3
    assert central.scalar("SELECT occupation || city FROM patients WHERE id = %s", shared.id) == "教师杭州"


def test_same_field_edited_on_both_keeps_central_value_and_shows_the_losing_edit(central):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    p = add(a, new_patient(1, notes="原始"))
    a.engine.sync_once()
    b.engine.sync_once()
    edit(a, Patient, p.id, notes="来自A", vip_level=2)
    edit(b, Patient, p.id, notes="来自B")

    a.engine.sync_once()
    summary = b.engine.sync_once()

    assert summary.conflicts == 1
    assert central.scalar("SELECT notes FROM patients WHERE id = %s", p.id) == "来自A"
    assert get(b, Patient, p.id).notes == "来自A"  # the central value wins on B too
    [conflict] = open_conflicts(b.db)
    assert conflict.kind == "conflict" and conflict.entity == "patients" and conflict.entity_id == p.id
    assert conflict.local_fields == {"notes": "来自B"}
    assert central.scalar("SELECT count(*) FROM sync_conflict_log WHERE entity_id = %s", p.id) == 1

    reapply(b.db, conflict.id)  # the user decides B's text is right after all
    b.engine.sync_once()
    a.engine.sync_once()

    assert open_conflicts(b.db) == []
    assert central.scalar("SELECT notes FROM patients WHERE id = %s", p.id) == "来自B"
    assert get(a, Patient, p.id).notes == "来自B" and get(a, Patient, p.id).vip_level == 2


class LoseReplies:
    """A transport whose push replies get lost on the way back (the central side did apply them)."""

    def __init__(self, inner, lose: int) -> None:
        self.inner, self.lose = inner, lose

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def push(self, device_id, mutations):
        results = self.inner.push(device_id, mutations)
        if self.lose > 0:
            self.lose -= 1
            raise Offline("reply lost")
        return results


def test_push_retried_after_its_reply_was_lost_applies_once(central):
    a = central.workstation("a", push_batch=5)
    patients = [new_patient(i) for i in range(12)]
    add(a, *patients)
    a.engine.connect()
    a.engine.transport = LoseReplies(a.transport, lose=1)

    with pytest.raises(Offline):
        a.engine.sync_once()
    assert pending(a) == 12  # nothing settled locally: the reply never came
    summary = a.engine.sync_once()

    assert summary.pushed == 12 and summary.rejected == 0 and pending(a) == 0
    assert central.scalar("SELECT count(*) FROM patients") == 12
    assert central.scalar("SELECT count(*) FROM sync_mutations") == 12
    assert count(a, Patient) == 12


def test_tombstones_propagate(central):
    a, b = central.workstation("a"), central.workstation("b", user="sup1")
    p = add(a, new_patient(1))
    a.engine.sync_once()
    b.engine.sync_once()

    edit(b, Patient, p.id, deleted=True)  # supervisors may delete patients
    b.engine.sync_once()
    a.engine.sync_once()

    assert get(a, Patient, p.id).deleted
    assert central.scalar("SELECT deleted FROM patients WHERE id = %s", p.id) is True


def test_edit_of_a_row_deleted_elsewhere_is_kept_as_a_conflict(central):
    a, b = central.workstation("a"), central.workstation("b", user="sup1")
    p = add(a, new_patient(1))
    a.engine.sync_once()
    b.engine.sync_once()
    edit(b, Patient, p.id, deleted=True)
    b.engine.sync_once()
    edit(a, Patient, p.id, notes="最后一次来电")

    a.engine.sync_once()

    [conflict] = open_conflicts(a.db)
    assert conflict.reason == "deleted" and conflict.local_fields == {"notes": "最后一次来电"}
    assert get(a, Patient, p.id).deleted


def test_a_workstation_clock_hours_wrong_does_not_change_the_order(central, monkeypatch):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    p = add(a, new_patient(1))
    a.engine.sync_once()
    b.engine.sync_once()
    real = outbox_module.utcnow
    monkeypatch.setattr(outbox_module, "utcnow", lambda: real() + timedelta(hours=9))  # A lives 9 h ahead
    edit(a, Patient, p.id, notes="A 先改")
    a.engine.sync_once()
    monkeypatch.setattr(outbox_module, "utcnow", real)
    b.engine.sync_once()
    edit(b, Patient, p.id, notes="B 后改")  # later in real time, earlier by A's clock

    b.engine.sync_once()
    a.engine.sync_once()

    assert central.scalar("SELECT notes FROM patients WHERE id = %s", p.id) == "B 后改"
    assert get(a, Patient, p.id).notes == "B 后改"
    assert open_conflicts(a.db) == open_conflicts(b.db) == []
    # the central stamps times itself: A's future clock did not leak into updated_at
    assert central.scalar("SELECT updated_at FROM patients WHERE id = %s", p.id) < datetime.utcnow() + timedelta(
        minutes=5)


def test_a_slot_booked_by_two_workstations_at_once_goes_to_one(central):
    slot_id = seed_slot(central, capacity=1)
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    pa, pb = add(a, new_patient(1)), add(b, new_patient(2))
    a.engine.sync_once()
    b.engine.sync_once()
    assert get(a, Slot, slot_id).capacity == 1
    now = datetime(2026, 11, 30, 9, 0)
    ba = add(a, Booking(patient_id=pa.id, slot_id=slot_id, booked_at=now))
    bb = add(b, Booking(patient_id=pb.id, slot_id=slot_id, booked_at=now))

    results = {}
    barrier = threading.Barrier(2)

    def go(ws):
        barrier.wait()
        results[ws.name] = ws.engine.sync_once()

    threads = [threading.Thread(target=go, args=(ws,)) for ws in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    a.engine.sync_once()
    b.engine.sync_once()

    assert sorted(r.rejected for r in results.values()) == [0, 1]
    assert central.scalar("SELECT booked FROM slots WHERE id = %s", slot_id) == 1
    assert central.scalar("SELECT count(*) FROM bookings") == 1
    loser = a if results["a"].rejected else b
    lost = ba if loser is a else bb
    [conflict] = open_conflicts(loser.db)
    assert (conflict.kind, conflict.reason, conflict.entity_id) == ("rejected", "slot_full", lost.id)
    assert get(loser, Booking, lost.id).deleted  # hidden locally; the conflict keeps it
    for ws in (a, b):
        assert get(ws, Slot, slot_id).booked == 1


def test_complaint_transitions_follow_the_central_graph(central):
    a = central.workstation("a")
    c = add(a, Complaint(case_no="TS0001", severity="medium", subject="候诊太久", opened_at=datetime(2026, 11, 1)))
    a.engine.sync_once()
    edit(a, Complaint, c.id, state="resolved")  # new -> resolved skips steps
    summary = a.engine.sync_once()

    assert summary.rejected == 1
    [conflict] = open_conflicts(a.db)
    assert conflict.reason == "invalid_transition"
    assert get(a, Complaint, c.id).state == "new"  # the central row was put back
    dismiss(a.db, conflict.id)
    assert open_conflicts(a.db) == []

    edit(a, Complaint, c.id, state="acknowledged")
    assert a.engine.sync_once().rejected == 0
    assert central.scalar("SELECT state FROM complaints WHERE id = %s", c.id) == "acknowledged"


def test_agent_may_not_do_what_only_a_supervisor_may(central):
    a, s = central.workstation("a"), central.workstation("s", user="sup1")
    p, q = add(a, new_patient(1), new_patient(2))
    a.engine.sync_once()
    edit(a, Patient, p.id, merged_into_id=q.id)  # merging patients is for supervisors

    assert a.engine.sync_once().rejected == 1
    assert central.scalar("SELECT merged_into_id FROM patients WHERE id = %s", p.id) is None
    assert [c.reason for c in open_conflicts(a.db)] == ["forbidden"]
    assert get(a, Patient, p.id).merged_into_id is None

    s.engine.sync_once()
    edit(s, Patient, p.id, merged_into_id=q.id)
    assert s.engine.sync_once().rejected == 0
    assert central.scalar("SELECT merged_into_id FROM patients WHERE id = %s", p.id) == q.id


def test_append_only_rows_from_many_workstations_never_conflict(central):
    from hcrm_desktop.store.models import Interaction

    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    p = add(a, new_patient(1))
    a.engine.sync_once()
    b.engine.sync_once()
    when = datetime(2026, 11, 30, 10, 0)
    for ws in (a, b):
        add(ws, *[Interaction(patient_id=p.id, type="consultation", channel="phone", started_at=when,
                              summary=f"{ws.name}{i}") for i in range(3)])
    a.engine.sync_once()
    b.engine.sync_once()
    a.engine.sync_once()

    assert count(a, Interaction) == count(b, Interaction) == 6
    assert open_conflicts(a.db) == open_conflicts(b.db) == []


def test_checkup_dates_and_json_survive_the_round_trip(central):
    from hcrm_desktop.store.models import Checkup

    a, b = central.workstation("a", user="admin1"), central.workstation("b")
    p = add(a, new_patient(1, tags=["VIP", "高血压"], birth_date=date(1960, 5, 4)))
    ch = add(a, Checkup(patient_id=p.id, checkup_date=date(2026, 3, 1), abnormal_findings=["血脂偏高"]))
    a.engine.sync_once()
    b.engine.sync_once()

    got = get(b, Patient, p.id)
    assert got.tags == ["VIP", "高血压"] and got.birth_date == date(1960, 5, 4)
    assert isinstance(got.created_at, datetime)
    assert get(b, Checkup, ch.id).abnormal_findings == ["血脂偏高"]


def test_pending_local_edit_is_not_clobbered_by_an_older_pulled_copy(central):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    p = add(a, new_patient(1))
    a.engine.sync_once()
    b.engine.sync_once()
    edit(a, Patient, p.id, city="上海")
    a.engine.sync_once()
    edit(b, Patient, p.id, notes="待推送")  # pending on B while B pulls A's newer row

    b.engine.pull()

    row = get(b, Patient, p.id)
    assert (row.city, row.notes) == ("上海", "待推送")
    assert pending(b) == 1
    b.engine.sync_once()
    assert central.scalar("SELECT city || notes FROM patients WHERE id = %s", p.id) == "上海待推送"


def test_conflict_rows_are_recorded_locally(central):
    a = central.workstation("a")
    add(a, new_patient(1))
    a.engine.sync_once()
    assert count(a, SyncConflict) == 0
