"""Quick-create of a patient: validation codes, what is derived, what is written."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from hcrm_desktop.services.lookup import lookup_number
from hcrm_desktop.services.patients import (
    NewPatient,
    ValidationError,
    create_patient,
    customer_no_for,
    related_ids,
    surviving_id,
    validate_new_patient,
)
from hcrm_desktop.services.search import search_patients
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import AuditEvent, Outbox, Patient, PatientPhone

VALID_ID = "11010519491231002X"  # a woman born 1949-12-31


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "patients.db", create=True)
    yield database
    database.dispose()


def new(**kw):
    values = {"name": "张伟", "sex": "M", "phone": "13800138000"}
    return NewPatient(**(values | kw))


@pytest.mark.parametrize(
    ("patient", "errors"),
    [
        (new(), {}),
        (new(name="  ", phone=""), {"name": "required", "phone": "required"}),
        (new(phone="12345"), {"phone": "phone_invalid"}),
        (new(phone="anonymous"), {"phone": "phone_invalid"}),
        (new(name="张" * 65), {"name": "too_long"}),
        (new(name="张伟😀"), {"name": "emoji"}),
        (new(contact_name="女儿❤"), {"contact_name": "emoji"}),
        (new(sex="F", national_id="110105194912310021"), {"national_id": "national_id_checksum"}),
        (new(sex="F", national_id="11010519491231"), {"national_id": "national_id_length"}),
        (new(sex="F", national_id=VALID_ID, birth_date=date(1950, 1, 1)),
         {"national_id": "national_id_birth_mismatch"}),
        (new(sex="M", national_id=VALID_ID), {"national_id": "national_id_sex_mismatch"}),
        (new(birth_date=date(2999, 1, 1)), {"birth_date": "birth_date_future"}),
        (new(relation="cousin", sex="X"), {"relation": "invalid", "sex": "invalid"}),
        (new(notes="x" * 2001), {"notes": "too_long"}),
    ],
)  # fmt: skip
def test_validation_codes(patient, errors):
    assert validate_new_patient(patient) == errors


def test_create_derives_from_the_national_id_and_writes_phone_audit_and_outbox(db):
    patient_id, changes = create_patient(
        db, new(name="王芳", sex="U", phone="tel:+86-139-1111-2222", national_id=" 110105491231002 "),
        actor_id=None,
    )
    with db.session() as s:
        p = s.get(Patient, patient_id)
        assert (p.sex, p.birth_date, p.national_id) == ("F", date(1949, 12, 31), VALID_ID)
        assert (p.name_pinyin, p.name_initials) == ("wangfang", "wf")
        assert re.fullmatch(r"C\d{12}", p.customer_no) and p.customer_no == customer_no_for(patient_id)
        phone = s.scalars(select(PatientPhone).where(PatientPhone.patient_id == patient_id)).one()
        assert (phone.number_e164, phone.relation, phone.is_primary) == ("+8613911112222", "self", True)
        audit = s.scalars(select(AuditEvent)).one()
        assert audit.action == "patient_created" and audit.entity_id == patient_id
        entities = {row.entity for row in s.scalars(select(Outbox))}
        assert entities == {"patients", "patient_phones", "audit_events"}
    assert changes.patient_ids == {patient_id} and changes.touches("patients")
    assert [m.patient_id for m in lookup_number(db, "13911112222").matches] == [patient_id]
    assert [h.patient_id for h in search_patients(db, "2222").hits] == [patient_id]
    assert [h.patient_id for h in search_patients(db, "芳").hits] == [patient_id]


def test_a_relatives_number_is_filed_with_its_relation(db):
    patient_id, _ = create_patient(
        db, new(name="李秀英", sex="F", relation="child", contact_name=" 王芳 "), actor_id=None
    )
    match = lookup_number(db, "13800138000").matches[0]
    assert (match.patient_id, match.relation, match.contact_name) == (patient_id, "child", "王芳")


def test_invalid_input_raises_with_the_codes(db):
    with pytest.raises(ValidationError) as err:
        create_patient(db, new(name="", phone="garbage"), actor_id=None)
    assert err.value.errors == {"name": "required", "phone": "phone_invalid"}
    with db.session() as s:
        assert s.scalars(select(Patient)).first() is None


def test_customer_numbers_are_distinct_and_stable():
    numbers = {customer_no_for(f"00000000-0000-4000-8000-{i:012x}") for i in range(1000)}
    assert len(numbers) == 1000
    assert customer_no_for("9b2f7c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b") == customer_no_for(
        "9b2f7c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b"
    )


def test_related_ids_follow_merge_chains(db):
    ids = [create_patient(db, new(phone=f"1380013800{i}"), actor_id=None)[0] for i in range(3)]
    with db.write() as s:
        s.get(Patient, ids[1]).merged_into_id = ids[0]
        s.get(Patient, ids[2]).merged_into_id = ids[1]
    assert related_ids(db, ids[0]) == [ids[0], ids[1], ids[2]]
    assert related_ids(db, ids[2]) == [ids[2]]
    assert surviving_id(db, ids[2]) == ids[0]
