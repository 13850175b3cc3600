"""Recording a contact: each validation rule, praise credit, handle and wrap times, the complaint case in the
same transaction, and a patient merged or deleted while the form was open."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from hcrm_desktop.domain.categories import default_categories
from hcrm_desktop.services.recording import (
    ComplaintDetails,
    WrapUp,
    WrapUpError,
    record_interaction,
    validate_wrapup,
)
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import (
    Complaint,
    ComplaintEvent,
    Department,
    Interaction,
    Outbox,
    Patient,
    StaffUser,
)

NOW = datetime(2026, 11, 26, 10, 0, 0)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "recording.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def ids(db):
    with db.write() as s:
        dept = Department(code="CARD", name="心内科")
        doctor = StaffUser(username="dr_li", display_name="李医生", role="doctor", department_id=dept.id)
        agent = StaffUser(username="agent1", display_name="王晓燕", role="agent")
        keep = Patient(customer_no="C1", name="张伟", name_pinyin="zhangwei", name_initials="zw")
        gone = Patient(customer_no="C2", name="张玮", name_pinyin="zhangwei", name_initials="zw",
                       merged_into_id=keep.id)
        deleted = Patient(customer_no="C3", name="李四", name_pinyin="lisi", name_initials="ls", deleted=True)
        s.add_all([dept, doctor, agent, keep, gone, deleted])
    return {"dept": dept.id, "doctor": doctor.id, "agent": agent.id, "keep": keep.id, "gone": gone.id,
            "deleted": deleted.id}


def consult(**kw):
    fields = dict(type="consultation", category="consultation.checkup_package", disposition="info_given",
                  summary="询问入职体检套餐价格")
    fields.update(kw)
    return WrapUp(**fields)


def complaint(**kw):
    fields = dict(type="complaint", category="complaint.waiting_time", disposition="complaint_registered",
                  summary="", complaint=ComplaintDetails(severity="high", subject="候诊两小时", description="上午挂号"))
    fields.update(kw)
    return WrapUp(**fields)


def count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


# --- validation, one rule at a time -----------------------------------------------------------------


def test_a_complete_consultation_is_valid():
    assert validate_wrapup(consult(), now=NOW) == {}


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"type": ""}, "type", "required"),
    ({"type": "gossip"}, "type", "invalid"),
    ({"category": None}, "category", "required"),
    ({"category": "complaint.charges"}, "category", "invalid"),  # a category of another type
    ({"disposition": None}, "disposition", "required"),
    ({"disposition": "praise_recorded"}, "disposition", "invalid"),  # not for consultations
    ({"summary": "   "}, "summary", "required"),
    ({"summary": "长" * 2001}, "summary", "too_long"),
    ({"summary": "谢谢 😀"}, "summary", "emoji"),
    ({"summary": "a\x07b"}, "summary", "characters"),
    ({"channel": "fax"}, "channel", "invalid"),
    ({"direction": "sideways"}, "direction", "invalid"),
    ({"remote_number": "12345"}, "remote_number", "phone_invalid"),
    ({"remote_number": "138 abc"}, "remote_number", "phone_invalid"),
    ({"call_id": "x" * 65}, "call_id", "too_long"),
    ({"started_at": NOW + timedelta(hours=1)}, "started_at", "in_future"),
    ({"started_at": NOW, "ended_at": NOW - timedelta(minutes=1)}, "ended_at", "ended_before_started"),
])
def test_each_rule_names_its_field(change, field, code):
    assert validate_wrapup(consult(**change), now=NOW)[field] == code


def test_summary_at_the_limit_with_line_breaks_and_readable_numbers_pass():
    ok = consult(summary="行\n" * 1000, remote_number="tel:+86-138-0013-8000")
    assert validate_wrapup(ok, now=NOW) == {}
    assert validate_wrapup(consult(remote_number="010-12345678"), now=NOW) == {}
    assert validate_wrapup(consult(remote_number="anonymous"), now=NOW) == {}  # withheld is not an error


def test_other_needs_no_category_but_a_disposition():
    assert validate_wrapup(WrapUp(type="other", disposition="no_action", summary="打错电话"), now=NOW) == {}


def test_praise_needs_someone_to_credit():
    praise = WrapUp(type="praise", category="praise.medical_skill", disposition="praise_recorded", summary="感谢")
    assert validate_wrapup(praise, now=NOW) == {"credited_department_id": "required"}


def test_a_complaint_needs_a_subject_and_a_known_severity_and_may_skip_the_summary():
    assert validate_wrapup(complaint(), now=NOW) == {}
    errors = validate_wrapup(complaint(complaint=ComplaintDetails(severity="apocalyptic", subject="")), now=NOW)
    assert errors == {"complaint.severity": "invalid", "complaint.subject": "required", "summary": "required"}
    assert validate_wrapup(complaint(complaint=None, summary="x"), now=NOW) == {"complaint.subject": "required"}


def test_an_invalid_wrap_up_raises_with_field_and_code_and_stores_nothing(db, ids):
    with pytest.raises(WrapUpError) as caught:
        record_interaction(db, actor_id=ids["agent"], now=NOW, draft=consult(summary="好评👍"))
    assert (caught.value.field, caught.value.code) == ("summary", "emoji")
    assert count(db, Interaction) == 0


# --- storing ----------------------------------------------------------------------------------------


def test_a_call_wrap_up_stores_handle_and_wrap_seconds(db, ids):
    answered, ended = NOW - timedelta(minutes=5), NOW - timedelta(seconds=40)
    result, changes = record_interaction(db, actor_id=ids["agent"], now=NOW, draft=consult(
        patient_id=ids["keep"], call_id="c-1", remote_number="13800138000", started_at=answered, ended_at=ended))

    assert (result.handle_seconds, result.wrap_seconds) == (260, 40)
    with db.session() as s:
        row = s.get(Interaction, result.interaction_id)
        assert (row.type, row.category, row.disposition) == ("consultation", "consultation.checkup_package",
                                                             "info_given")
        assert (row.patient_id, row.call_id, row.agent_id, row.channel) == (ids["keep"], "c-1", ids["agent"], "phone")
        assert (row.started_at, row.ended_at, row.handle_seconds, row.wrap_seconds) == (answered, ended, 260, 40)
        assert row.resolved_first_contact is True
        assert s.scalar(select(Outbox.entity).where(Outbox.entity_id == row.id)) == "interactions"
    assert changes.touches("interactions") and ids["keep"] in changes.patient_ids


def test_saved_during_the_call_counts_no_wrap_time_and_a_walk_in_none(db, ids):
    during, _ = record_interaction(db, actor_id=ids["agent"], now=NOW, draft=consult(
        call_id="c-2", started_at=NOW - timedelta(seconds=90)))
    walk_in, _ = record_interaction(db, actor_id=ids["agent"], now=NOW, draft=consult(channel="walk_in"))

    assert (during.handle_seconds, during.wrap_seconds, during.ended_at) == (90, 0, None)
    assert (walk_in.wrap_seconds, walk_in.started_at, walk_in.patient_id) == (None, NOW, None)


def test_praise_is_credited_to_the_doctor_and_their_department(db, ids):
    result, _ = record_interaction(db, actor_id=ids["agent"], now=NOW, draft=WrapUp(
        type="praise", category="praise.medical_skill", disposition="praise_recorded", summary="李医生耐心",
        patient_id=ids["keep"], credited_staff_id=ids["doctor"]))

    with db.session() as s:
        row = s.get(Interaction, result.interaction_id)
        assert (row.credited_staff_id, row.credited_department_id) == (ids["doctor"], ids["dept"])


def test_praise_for_someone_unknown_is_refused(db, ids):
    with pytest.raises(WrapUpError) as caught:
        record_interaction(db, actor_id=ids["agent"], now=NOW, draft=WrapUp(
            type="praise", category="praise.other", disposition="praise_recorded", summary="好",
            credited_staff_id="no-such-staff"))
    assert caught.value.errors == {"credited_staff_id": "missing", "credited_department_id": "required"}
    assert count(db, Interaction) == 0


def test_a_complaint_opens_a_case_linked_to_the_interaction(db, ids):
    result, changes = record_interaction(db, actor_id=ids["agent"], now=NOW, draft=complaint(
        patient_id=ids["keep"], call_id="c-3", started_at=NOW - timedelta(minutes=3), ended_at=NOW,
        complaint=ComplaintDetails(severity="high", subject="候诊两小时", department_id=ids["dept"],
                                   staff_involved="挂号窗口")))

    with db.session() as s:
        case = s.get(Complaint, result.complaint_id)
        assert (case.interaction_id, case.patient_id, case.state, case.severity) == (
            result.interaction_id, ids["keep"], "new", "high")
        assert (case.department_id, case.staff_involved, case.channel) == (ids["dept"], "挂号窗口", "phone")
        assert case.case_no == result.complaint_case_no and case.resolve_due is not None
        assert s.get(Interaction, result.interaction_id).summary == "候诊两小时"  # the subject stands in
        assert s.scalar(select(func.count()).select_from(ComplaintEvent)) == 1
    assert changes.touches("interactions", "complaints")


def test_a_complaint_the_case_refuses_leaves_nothing_half_saved(db, ids):
    outbox_before = count(db, Outbox)
    with pytest.raises(WrapUpError) as caught:
        record_interaction(db, actor_id=ids["agent"], now=NOW, draft=complaint(
            complaint=ComplaintDetails(severity="low", subject="收费错误", department_id="no-such-department")))
    assert caught.value.errors == {"complaint.department_id": "missing"}
    assert (count(db, Interaction), count(db, Complaint), count(db, Outbox)) == (0, 0, outbox_before)


def test_a_patient_merged_while_the_form_was_open_names_the_survivor(db, ids):
    with pytest.raises(WrapUpError) as caught:
        record_interaction(db, actor_id=ids["agent"], now=NOW, draft=consult(patient_id=ids["gone"]))
    assert (caught.value.field, caught.value.code, caught.value.surviving_id) == (
        "patient_id", "patient_merged", ids["keep"])


def test_a_patient_deleted_while_the_form_was_open_is_said(db, ids):
    for patient_id in (ids["deleted"], "never-existed"):
        with pytest.raises(WrapUpError) as caught:
            record_interaction(db, actor_id=ids["agent"], now=NOW, draft=consult(patient_id=patient_id))
        assert caught.value.code == "patient_deleted"
    assert count(db, Interaction) == 0


def test_the_shipped_tree_has_every_type():
    tree = default_categories()
    assert [k.code for k in tree.kinds] == ["consultation", "complaint", "praise", "booking", "other"]
