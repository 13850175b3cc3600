"""The customer profile: identity with masked values, alerts, the value tier, and the paged timeline."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hcrm_desktop.analytics.segments import Thresholds, value_tier
from hcrm_desktop.domain.enums import ValueTier
from hcrm_desktop.services.profile import (
    PatientNotFound,
    load_profile,
    sample_caller,
    timeline_page,
)
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import (
    Booking,
    Checkup,
    Complaint,
    Department,
    Encounter,
    FollowUpRule,
    FollowUpTask,
    Interaction,
    Organization,
    Package,
    Patient,
    PatientPhone,
    Questionnaire,
    Slot,
    SurveyResponse,
)

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 10, 0)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "p.db", create=True)
    yield database
    database.dispose()


def add_patient(s, **fields):
    values = {"customer_no": "C1", "name": "张伟", "name_pinyin": "zhangwei", "name_initials": "zw"} | fields
    patient = Patient(**values)
    s.add(patient)
    return patient


@pytest.fixture
def world(db):
    """张伟 with family phones, open and closed cases, tasks, bookings, stays, and a merged old record."""
    with db.write() as s:
        dept = Department(code="XNK", name="心内科")
        org = Organization(name="华为技术有限公司")
        package = Package(code="P1", name="心脑血管筛查套餐", price_fen=198_000)
        rule = FollowUpRule(code="post_discharge", name="出院后随访", kind="post_discharge")
        survey = Questionnaire(code="sat", name="患者满意度调查")
        s.add_all([dept, org, package, rule, survey])
        zw = add_patient(s, sex="M", birth_date=date(1970, 11, 27), national_id="11010519491231002X",
                         vip_level=3, points=1200, customer_type="value", tags=["高血压", "VIP"],
                         consent_sms=False, organization_id=org.id)
        old = add_patient(s, customer_no="C2", merged_into_id=zw.id, birth_date=date(1970, 11, 27))
        s.add_all([
            PatientPhone(patient_id=zw.id, number="13800138000", number_e164="+8613800138000", relation="self",
                         is_primary=True),
            PatientPhone(patient_id=zw.id, number="13912345678", number_e164="+8613912345678", relation="child",
                         contact_name="张娜"),
        ])
        for n, (state, due) in enumerate([("new", NOW - timedelta(hours=2)), ("in_progress", NOW + timedelta(days=2)),
                                          ("closed", NOW - timedelta(days=30))]):
            s.add(Complaint(case_no=f"TS{n}", severity="medium", state=state, subject=f"投诉{n}",
                            opened_at=NOW - timedelta(days=5 + n), resolve_due=due, patient_id=zw.id))
        for n, (state, due) in enumerate([("open", NOW - timedelta(days=3)), ("open", NOW + timedelta(hours=5)),
                                          ("open", NOW + timedelta(days=3)), ("done", NOW - timedelta(days=9))]):
            s.add(FollowUpTask(patient_id=zw.id, rule_id=rule.id, source_ref=f"e{n}", due_at=due, state=state))
        for offset, state in [(3, "booked"), (10, "booked"), (1, "cancelled")]:
            slot = Slot(resource="package", resource_id=package.id, day=TODAY + timedelta(days=offset), period="pm",
                        capacity=10)
            s.add_all([slot, Booking(patient_id=zw.id, slot_id=slot.id, state=state, booked_at=NOW)])
        s.add_all([
            Encounter(patient_id=zw.id, kind="inpatient", department_id=dept.id, started_at=NOW - timedelta(days=12),
                      discharged_at=NOW - timedelta(days=5), diagnoses=["I10"], amount_fen=800_000),
            Encounter(patient_id=old.id, kind="inpatient", department_id=dept.id,
                      started_at=NOW - timedelta(days=40), discharged_at=NOW - timedelta(days=20), amount_fen=100),
            Checkup(patient_id=zw.id, package_id=package.id, checkup_date=TODAY - timedelta(days=100),
                    amount_fen=198_000),
            Interaction(patient_id=zw.id, type="consultation", channel="phone", category="报告查询",
                        summary="询问报告", started_at=NOW - timedelta(days=1)),
            SurveyResponse(questionnaire_id=survey.id, patient_id=zw.id, score=4.5, submitted_at=NOW - timedelta(days=2)),
        ])
    return {"zw": zw.id, "old": old.id}


def test_identity_is_masked_and_complete(db, world):
    profile = load_profile(db, world["zw"], today=TODAY, now=NOW)

    assert (profile.name, profile.sex, profile.age) == ("张伟", "M", 55)  # 56 only tomorrow
    assert profile.masked_national_id == "110105********002X"
    assert [(p.masked, p.relation, p.contact_name) for p in profile.phones] == [
        ("138****8000", "self", None), ("139****5678", "child", "张娜")]
    assert profile.phones[0].number == "13800138000"  # kept whole for click-to-dial only
    assert (profile.vip_level, profile.customer_type, profile.tags) == (3, "value", ("高血压", "VIP"))
    assert profile.organization == "华为技术有限公司"
    assert not profile.consent.sms and profile.consent.phone
    assert profile.patient_ids == (world["zw"], world["old"])


def test_alerts_cover_open_cases_due_tasks_bookings_and_recent_discharge(db, world):
    alerts = load_profile(db, world["zw"], today=TODAY, now=NOW).alerts

    by_kind = {}
    for alert in alerts:
        by_kind.setdefault(alert.kind, []).append(alert)
    assert [(a.ref_no, a.overdue) for a in by_kind["complaint"]] == [("TS0", True), ("TS1", False)]
    assert [a.overdue for a in by_kind["followup"]] == [True, False]  # three days late, due today
    assert [a.at.date() for a in by_kind["booking"]] == [TODAY + timedelta(days=3)]
    assert by_kind["booking"][0].subject == "心脑血管筛查套餐"
    assert [a.subject for a in by_kind["discharge"]] == ["心内科"]  # the stay 20 days ago is too old
    assert "deceased" not in by_kind


def test_a_deceased_patient_says_so_first(db):
    with db.write() as s:
        p = add_patient(s, deceased_on=date(2026, 10, 1))
    alerts = load_profile(db, p.id, today=TODAY, now=NOW).alerts

    assert alerts[0].kind == "deceased"


def test_deleted_or_missing_patients_are_not_found(db):
    with db.write() as s:
        gone = add_patient(s, deleted=True)
    with pytest.raises(PatientNotFound):
        load_profile(db, gone.id, today=TODAY)
    with pytest.raises(PatientNotFound):
        load_profile(db, "no-such-id", today=TODAY)


def test_value_tier_from_recency_and_spend(db, world):
    rfm = load_profile(db, world["zw"], today=TODAY, now=NOW).rfm

    assert rfm.frequency == 3 and rfm.monetary_fen == 800_000 + 100 + 198_000
    assert rfm.recency_days == 12
    assert rfm.tier is ValueTier.CORE
    t = Thresholds()  # the shipped defaults; the rule itself is tested in tests/unit/analytics
    assert value_tier(30, 3, 10_000, t) is ValueTier.POTENTIAL
    assert value_tier(500, 9, 10_000_000, t) is ValueTier.NORMAL
    assert value_tier(None, 0, 0, t) is ValueTier.DRIFTING and value_tier(800, 1, 0, t) is ValueTier.DRIFTING


def test_timeline_is_newest_first_and_includes_merged_records(db, world):
    ids = load_profile(db, world["zw"], today=TODAY, now=NOW).patient_ids
    items = timeline_page(db, ids, kinds=None, before=None, limit=100)

    stamps = [(i.at, i.ref_id) for i in items]
    assert stamps == sorted(stamps, reverse=True)
    assert {i.kind for i in items} == {"encounter", "checkup", "interaction", "complaint", "booking",
                                       "followup", "survey"}
    assert sum(i.kind == "encounter" for i in items) == 2  # one of them filed under the merged record
    assert items[0].kind == "booking" and items[0].at == datetime(2026, 12, 6, 13, 30)
    inpatient = next(i for i in items if i.kind == "encounter" and i.sub == "inpatient")
    assert inpatient.title == "心内科" and "¥8,000.00" in inpatient.detail


def test_timeline_pages_by_keyset_without_gaps_or_repeats(db, world):
    ids = [world["zw"], world["old"]]
    everything = timeline_page(db, ids, kinds=None, before=None, limit=100)
    pages, before, before_id = [], None, None
    while page := timeline_page(db, ids, kinds=None, before=before, before_id=before_id, limit=3):
        pages.append(page)
        before, before_id = page[-1].at, page[-1].ref_id

    assert all(len(p) == 3 for p in pages[:-1])
    assert [i.ref_id for p in pages for i in p] == [i.ref_id for i in everything]


def test_timeline_filters_by_kind(db, world):
    items = timeline_page(db, [world["zw"]], kinds={"complaint", "survey"}, before=None, limit=50)

    assert [i.kind for i in items] == ["survey", "complaint", "complaint", "complaint"]
    assert items[0].detail == "4.5"


def test_same_instant_items_page_by_id(db):
    at = datetime(2026, 11, 1, 9)
    with db.write() as s:
        p = add_patient(s)
        s.add_all([Interaction(id=f"i{n}", patient_id=p.id, type="consultation", channel="phone", started_at=at)
                   for n in range(5)])
    first = timeline_page(db, [p.id], kinds=None, before=None, limit=2)
    rest = timeline_page(db, [p.id], kinds=None, before=first[-1].at, before_id=first[-1].ref_id, limit=10)

    assert [i.ref_id for i in first + rest] == ["i4", "i3", "i2", "i1", "i0"]


def test_records_merged_into_the_patient_are_listed_with_their_audit_entry(db):
    from hcrm_desktop.store.models import AuditEvent

    with db.write() as s:
        keep = add_patient(s, name="张伟")
        old = add_patient(s, customer_no="C2", name="张玮", merged_into_id=keep.id)
        s.add(AuditEvent(action="patient_merged", entity="patients", entity_id=keep.id,
                         details={"keep_id": keep.id, "merge_id": old.id}))
    profile = load_profile(db, keep.id, today=TODAY, now=NOW)

    assert [(m.patient_id, m.name, m.customer_no) for m in profile.merged_records] == [(old.id, "张玮", "C2")]
    assert profile.merged_records[0].audit_id is not None
    assert load_profile(db, old.id, today=TODAY, now=NOW).merged_into_id == keep.id


def test_sample_caller_finds_own_and_family_numbers(db, world):
    import random

    own = sample_caller(db, family=False, rng=random.Random(1))
    family = sample_caller(db, family=True, rng=random.Random(1))

    assert own == ("13800138000", "张伟")
    assert family == ("13912345678", "张娜")
