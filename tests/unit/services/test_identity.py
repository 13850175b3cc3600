"""Duplicates (on create, on demand, whole database) and the undoable merge."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.identity import (
    IdentityError,
    find_duplicates,
    merge_patients,
    same_person_names,
    scan_duplicates,
    similar_names,
    undo_merge,
)
from hcrm_desktop.services.lookup import lookup_number
from hcrm_desktop.services.patients import related_ids
from hcrm_desktop.services.search import search_patients
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.errors import AppendOnlyViolation
from hcrm_desktop.store.models import (
    AuditEvent,
    Booking,
    Checkup,
    Complaint,
    Encounter,
    FollowUpRule,
    FollowUpTask,
    Interaction,
    Outbox,
    Patient,
    PatientIdentifier,
    PatientPhone,
    PointsLedger,
    Slot,
    StaffUser,
)

AT = datetime(2026, 11, 1, 9, 0)
ID_A = "11010519491231002X"


def add_patient(s, name, number, *, phones=(), **kw):
    pinyin, initials = name_pinyin(name)
    p = Patient(customer_no=number, name=name, name_pinyin=pinyin, name_initials=initials, **kw)
    s.add(p)
    for e164, relation in phones:
        s.add(PatientPhone(patient_id=p.id, number=e164[3:], number_e164=e164, relation=relation))
    return p


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "identity.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def staff(db):
    with db.write() as s:
        admin = StaffUser(username="admin", display_name="管理员", role="admin")
        agent = StaffUser(username="agent", display_name="客服", role="agent")
        s.add_all([admin, agent])
    return {"admin": admin.id, "agent": agent.id}


@pytest.fixture
def planted(db):
    """Three planted duplicates and a family whose shared numbers must not count as duplicates."""
    with db.write() as s:
        ids = {
            # same 身份证, one record typed in the 15-digit legacy form's name variant
            "a1": add_patient(s, "张伟", "C1", national_id=ID_A, birth_date=date(1949, 12, 31),
                              phones=[("+8613800138000", "self")]),
            "a2": add_patient(s, "张玮", "C2", national_id=ID_A),
            # same phone, homophone name (typed with a pinyin IME), no birth date on the quick-created one
            "b1": add_patient(s, "章丽", "C3", birth_date=date(1990, 2, 3), phones=[("+8613911112222", "self")]),
            "b2": add_patient(s, "张丽", "C4", phones=[("+8613911112222", "self")]),
            # same pinyin and birth date, different phones
            "c1": add_patient(s, "王静", "C5", birth_date=date(1985, 6, 1), phones=[("+8613700000001", "self")]),
            "c2": add_patient(s, "汪静", "C6", birth_date=date(1985, 6, 1), phones=[("+8613700000002", "self")]),
            # a family: father, son one character apart, daughter-in-law, sharing the father's number
            "f1": add_patient(s, "李建国", "C7", birth_date=date(1950, 1, 1), phones=[("+8613600000000", "self")]),
            "f2": add_patient(s, "李建军", "C8", birth_date=date(1978, 5, 5), phones=[("+8613600000000", "parent")]),
            "f3": add_patient(s, "赵敏", "C9", birth_date=date(1980, 7, 7), phones=[("+8613600000000", "other")]),
            # namesakes: same pinyin, different birthdays
            "n1": add_patient(s, "刘洋", "C10", birth_date=date(1990, 1, 1)),
            "n2": add_patient(s, "刘阳", "C11", birth_date=date(1991, 1, 1)),
        }
    return {k: p.id for k, p in ids.items()}


def pair(a, b):
    return (a, b) if a < b else (b, a)


def test_scan_finds_the_planted_duplicates_and_not_the_family(db, planted):
    found = {pair(p.a_id, p.b_id): p for p in scan_duplicates(db)}
    expected = {pair(planted["a1"], planted["a2"]), pair(planted["b1"], planted["b2"]),
                pair(planted["c1"], planted["c2"])}  # fmt: skip
    assert set(found) == expected
    assert found[pair(planted["a1"], planted["a2"])].reasons == ("same_national_id",)
    assert found[pair(planted["b1"], planted["b2"])].reasons == ("same_phone_similar_name",)
    assert found[pair(planted["c1"], planted["c2"])].reasons == ("same_pinyin_and_birth_date",)
    scores = [p.score for p in scan_duplicates(db)]
    assert scores == sorted(scores, reverse=True) and scores[0] == 0.9


def test_scan_reports_progress_and_skips_merged_and_tombstoned(db, planted):
    with db.write() as s:
        s.get(Patient, planted["a2"]).deleted = True
        s.get(Patient, planted["b2"]).merged_into_id = planted["b1"]
    stages = []
    pairs = scan_duplicates(db, on_progress=lambda stage, done, total: stages.append(stage))
    assert {pair(p.a_id, p.b_id) for p in pairs} == {pair(planted["c1"], planted["c2"])}
    assert stages[-1] == "done" and "same_national_id" in stages


def test_find_duplicates_on_create_with_reasons(db, planted):
    found = find_duplicates(db, name="张伟", national_id="110105491231002", phones=["138-0013-8000"],
                            birth_date=None)  # fmt: skip
    by_id = {c.patient_id: c for c in found}
    assert by_id[planted["a1"]].reasons == ("same_national_id", "same_phone_similar_name",
                                            "same_pinyin_and_birth_date")  # fmt: skip
    assert by_id[planted["a2"]].reasons == ("same_national_id",)
    assert found[0].patient_id == planted["a1"] and found[0].score > found[1].score


def test_find_duplicates_ignores_family_members_and_the_record_itself(db, planted):
    assert find_duplicates(db, name="李建民", national_id=None, phones=["13600000000"],
                           birth_date=date(1952, 3, 3)) == []  # fmt: skip
    found = find_duplicates(db, name="章丽", national_id=None, phones=["13911112222"], birth_date=None,
                            exclude_id=planted["b1"])  # fmt: skip
    assert [c.patient_id for c in found] == [planted["b2"]]
    assert find_duplicates(db, name="", national_id="bogus", phones=["garbage"], birth_date=None) == []


def test_name_rules():
    assert similar_names("张伟", "章伟") and similar_names("张伟", "张玮") and similar_names("Li Na", "li na")
    assert not similar_names("张伟", "李伟") and not similar_names("张伟", "张伟明")
    assert same_person_names("张伟", "张伟", (None, "1990-01-01"))
    assert not same_person_names("刘宏", "刘宏", ("1980-02-11", "2019-04-05"))  # father and namesake son
    assert not same_person_names("李建国", "李建军", (date(1950, 1, 1), date(1978, 5, 5)))


@pytest.fixture
def histories(db, staff):
    """Two records of one woman, each with history of every kind."""
    with db.write() as s:
        keep = add_patient(s, "陈静", "C20", phones=[("+8613522223333", "self")], birth_date=date(1970, 1, 1))
        dup = add_patient(s, "陈静", "C21", phones=[("+8613566667777", "self")])
        friend = add_patient(s, "周洁", "C22", referred_by_id=dup.id)
        rule = FollowUpRule(code="chronic", name="慢病随访", kind="chronic")
        slot = Slot(resource="clinic", resource_id="x", day=date(2026, 12, 1), period="am", capacity=5)
        s.add_all([rule, slot])
        rows = [
            PatientIdentifier(patient_id=dup.id, system="HIS", value="1000000001"),
            Encounter(patient_id=dup.id, kind="outpatient", started_at=AT),
            Checkup(patient_id=dup.id, checkup_date=date(2026, 5, 1)),
            Complaint(patient_id=dup.id, case_no="TS1", severity="low", subject="排队久", opened_at=AT),
            Booking(patient_id=dup.id, slot_id=slot.id, booked_at=AT),
            FollowUpTask(patient_id=dup.id, rule_id=rule.id, source_ref="2026-11", step="m1", due_at=AT),
            FollowUpTask(patient_id=dup.id, rule_id=rule.id, source_ref="2026-12", step="m1", due_at=AT),
            FollowUpTask(patient_id=keep.id, rule_id=rule.id, source_ref="2026-11", step="m1", due_at=AT),
            Interaction(patient_id=dup.id, type="consultation", channel="phone", started_at=AT),
            PointsLedger(patient_id=dup.id, delta=100, reason="体检", at=AT),
        ]
        s.add_all(rows)
    return {"keep": keep.id, "dup": dup.id, "friend": friend.id, "rows": {type(r).__name__ + str(i): r.id
                                                                             for i, r in enumerate(rows)}}


def _patient_of(db, model, row_id):
    with db.session() as s:
        return s.get(model, row_id).patient_id


def test_merge_keeps_every_record_and_the_survivor_is_found(db, staff, histories):
    keep, dup = histories["keep"], histories["dup"]
    result, changes = merge_patients(db, keep_id=keep, merge_id=dup, actor_id=staff["agent"])
    assert result.moved == {"patient_phones": 1, "patient_identifiers": 1, "encounters": 1, "checkups": 1,
                            "complaints": 1, "bookings": 1, "followup_tasks": 1, "referrals": 1,
                            "earlier_merges": 0}  # fmt: skip
    assert changes.patient_ids == {keep, dup} and changes.touches("encounters", "patients")
    assert related_ids(db, keep) == [keep, dup]
    with db.session() as s:
        assert s.get(Patient, dup).merged_into_id == keep
        assert s.get(Patient, histories["friend"]).referred_by_id == keep
        tasks = s.scalars(select(FollowUpTask).where(FollowUpTask.patient_id == dup)).all()
        assert [t.source_ref for t in tasks] == ["2026-11"]  # the same task already on the kept record stays
        # append-only history stays filed under the merged record; readers follow related_ids
        assert s.scalar(select(Interaction.patient_id)) == dup
        assert s.scalar(select(PointsLedger.patient_id)) == dup
        audit = s.get(AuditEvent, result.audit_id)
        assert audit.action == "patient_merged" and audit.actor_id == staff["agent"]
        assert audit.details["merge_id"] == dup and len(audit.details["moved"]["encounters"]) == 1
        assert s.scalar(select(func.count()).select_from(Outbox).where(Outbox.op == "update")) >= 9
    # the merged record is no longer found; its survivor is, by the merged record's number and id too
    assert [h.patient_id for h in search_patients(db, "陈静").hits] == [keep]
    assert [h.patient_id for h in search_patients(db, "1000000001").hits] == [keep]
    assert [m.patient_id for m in lookup_number(db, "13566667777").matches] == [keep]


def test_merge_refusals(db, staff, histories):
    keep, dup = histories["keep"], histories["dup"]
    with pytest.raises(IdentityError) as err:
        merge_patients(db, keep_id=keep, merge_id=keep, actor_id=staff["admin"])
    assert err.value.code == "same_patient"
    with pytest.raises(IdentityError) as err:
        merge_patients(db, keep_id=keep, merge_id="no-such-id", actor_id=staff["admin"])
    assert err.value.code == "not_found"
    merge_patients(db, keep_id=keep, merge_id=dup, actor_id=staff["admin"])
    with pytest.raises(IdentityError) as err:
        merge_patients(db, keep_id=dup, merge_id=keep, actor_id=staff["admin"])
    assert err.value.code == "already_merged"


def test_undo_restores_exactly_what_moved(db, staff, histories):
    keep, dup = histories["keep"], histories["dup"]
    result, _ = merge_patients(db, keep_id=keep, merge_id=dup, actor_id=staff["agent"])
    with db.write() as s:  # after the merge, a new phone for the kept record
        s.add(PatientPhone(patient_id=keep, number="13599990000", number_e164="+8613599990000"))
    changes = undo_merge(db, audit_id=result.audit_id, actor_id=staff["admin"], actor_role="admin")
    assert changes.patient_ids == {keep, dup}
    rows = histories["rows"]
    assert _patient_of(db, Encounter, rows["Encounter1"]) == dup
    assert _patient_of(db, PatientIdentifier, rows["PatientIdentifier0"]) == dup
    assert _patient_of(db, FollowUpTask, rows["FollowUpTask5"]) == dup
    assert _patient_of(db, FollowUpTask, rows["FollowUpTask7"]) == keep
    assert related_ids(db, keep) == [keep]
    with db.session() as s:
        assert s.get(Patient, dup).merged_into_id is None
        assert s.get(Patient, histories["friend"]).referred_by_id == dup
        assert s.scalar(select(PatientPhone.patient_id).where(PatientPhone.number_e164 == "+8613599990000")) == keep
        undo = s.scalars(select(AuditEvent).where(AuditEvent.action == "patient_merge_undone")).one()
        assert undo.entity_id == result.audit_id and undo.actor_id == staff["admin"]
    assert [m.patient_id for m in lookup_number(db, "13566667777").matches] == [dup]
    with pytest.raises(IdentityError) as err:
        undo_merge(db, audit_id=result.audit_id, actor_id=staff["admin"], actor_role="admin")
    assert err.value.code == "not_merged"


def test_only_an_admin_may_undo(db, staff, histories):
    result, _ = merge_patients(db, keep_id=histories["keep"], merge_id=histories["dup"], actor_id=staff["agent"])
    for role in ("agent", "nurse", "supervisor"):
        with pytest.raises(IdentityError) as err:
            undo_merge(db, audit_id=result.audit_id, actor_id=staff["agent"], actor_role=role)
        assert err.value.code == "not_allowed"
    assert related_ids(db, histories["keep"]) == [histories["keep"], histories["dup"]]
    with pytest.raises(IdentityError) as err:
        undo_merge(db, audit_id="nope", actor_id=staff["admin"], actor_role="admin")
    assert err.value.code == "not_found"


def test_append_only_rows_really_cannot_be_repointed(db, histories):
    with pytest.raises(AppendOnlyViolation), db.write() as s:
        s.scalars(select(Interaction)).one().patient_id = histories["keep"]
