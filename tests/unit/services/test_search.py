"""Search as you type: every query kind, ranking, and the search index kept in step by triggers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.search import classify_query, search_patients
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import (
    Interaction,
    Patient,
    PatientIdentifier,
    PatientPhone,
    search_phone_tails,
)

NOW = datetime.now().replace(microsecond=0)
ZHANG_WEI_ID = "11010519491231002X"


def add_patient(s, name, number, *, phone=None, contacted_days_ago=None, **kw):
    pinyin, initials = name_pinyin(name)
    p = Patient(customer_no=number, name=name, name_pinyin=pinyin, name_initials=initials, **kw)
    s.add(p)
    if phone:
        s.add(PatientPhone(patient_id=p.id, number=phone, number_e164="+86" + phone, relation="self"))
    if contacted_days_ago is not None:
        s.add(Interaction(patient_id=p.id, type="consultation", channel="phone",
                          started_at=NOW - timedelta(days=contacted_days_ago)))
    return p


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "search.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def people(db):
    with db.write() as s:
        ps = {
            "张伟": add_patient(s, "张伟", "C00000001", phone="13800138000", national_id=ZHANG_WEI_ID,
                              birth_date=date(1949, 12, 31), sex="F", contacted_days_ago=300),
            "赵伟": add_patient(s, "赵伟", "C00000002", phone="13900139000", contacted_days_ago=5),
            "李伟": add_patient(s, "李伟", "C00000003", phone="13700138000"),
            "张伟明": add_patient(s, "张伟明", "C00000004", phone="13600000001", contacted_days_ago=1),
            "王小明": add_patient(s, "王小明", "C00000005", phone="13600000002"),
            "欧阳小明": add_patient(s, "欧阳小明", "C00000006", phone="13600000003", contacted_days_ago=2),
        }
        s.add(PatientIdentifier(patient_id=ps["王小明"].id, system="HIS", value="1000012345"))
        s.add(PatientIdentifier(patient_id=ps["王小明"].id, system="PEIS", value="TJ00001234"))
    return {name: p.id for name, p in ps.items()}


def names(db, query, **kw):
    return [h.name for h in search_patients(db, query, **kw).hits]


def test_initials_zw_finds_zhang_wei_and_zhao_wei_not_li_wei(db, people):
    found = names(db, "zw")
    assert {"张伟", "赵伟"} <= set(found) and "李伟" not in found
    assert found.index("赵伟") < found.index("张伟明")  # exact initials before a prefix of longer ones
    assert {h.matched_on for h in search_patients(db, "zw").hits} == {"initials"}


def test_full_pinyin_exact_before_prefix(db, people):
    assert names(db, "zhangwei") == ["张伟", "张伟明"]
    assert names(db, "Zhang Wei") == ["张伟", "张伟明"]
    assert search_patients(db, "zhangwei").hits[0].matched_on == "pinyin"


def test_chinese_name_exact_then_prefix_then_substring(db, people):
    assert names(db, "张伟") == ["张伟", "张伟明"]  # 张伟明 was contacted more recently, but 张伟 is exact
    assert names(db, "小明") == ["欧阳小明", "王小明"]  # substrings, most recent contact first
    assert names(db, "伟") == ["张伟明", "赵伟", "张伟", "李伟"]  # all substrings: by recent contact
    assert names(db, "张") == ["张伟明", "张伟"]
    assert names(db, " 王 小明 ") == ["王小明"]


def test_phone_tail_finds_the_numbers_ending_so(db, people):
    result = search_patients(db, "8000")
    assert result.kind == "phone_tail"
    assert {h.name for h in result.hits} == {"张伟", "李伟"}
    assert all(h.matched_on == "phone_tail" for h in result.hits)
    assert names(db, "0138000") == ["张伟", "李伟"]
    assert names(db, "38000") == ["张伟", "李伟"]
    assert names(db, "0013") == []  # in the middle of the number, not at its end


def test_full_phone_in_any_format(db, people):
    for query in ("13800138000", "138-0013-8000", "+86 138 0013 8000"):
        result = search_patients(db, query)
        assert result.kind == "phone" and [h.name for h in result.hits] == ["张伟"]
        assert result.hits[0].masked_phone == "138****8000" and result.hits[0].matched_on == "phone"


def test_national_id_full_legacy_and_partial(db, people):
    assert names(db, ZHANG_WEI_ID) == ["张伟"]
    assert names(db, ZHANG_WEI_ID.lower()) == ["张伟"]
    assert names(db, "110105491231002") == ["张伟"]  # the 15-digit form of the same ID
    assert names(db, "110105194912") == ["张伟"]  # a prefix
    hit = search_patients(db, ZHANG_WEI_ID).hits[0]
    assert hit.matched_on == "national_id" and hit.masked_national_id == "110105********002X"


def test_customer_number_uuid_and_external_ids(db, people):
    assert names(db, "C00000005") == ["王小明"]
    assert names(db, "c00000005") == ["王小明"]
    assert names(db, people["王小明"]) == ["王小明"]
    assert names(db, "1000012345") == ["王小明"]  # HIS id, digits only
    assert names(db, "TJ00001234") == ["王小明"]
    assert search_patients(db, "TJ00001234").hits[0].matched_on == "identifier"


def test_tombstoned_and_merged_patients_are_not_found_but_the_survivor_is(db, people):
    with db.write() as s:
        s.get(Patient, people["李伟"]).deleted = True
        s.get(Patient, people["王小明"]).merged_into_id = people["欧阳小明"]
    assert "李伟" not in names(db, "伟")
    assert names(db, "王小明") == ["欧阳小明"]
    assert names(db, "1000012345") == ["欧阳小明"]
    assert names(db, "小明") == ["欧阳小明"]


def test_limit_and_more(db, people):
    result = search_patients(db, "伟", limit=2)
    assert len(result.hits) == 2 and result.more
    assert not search_patients(db, "张伟明").more


def test_renaming_a_patient_updates_substring_search(db, people):
    with db.write() as s:
        s.get(Patient, people["王小明"]).name = "王大明"
    assert names(db, "小明") == ["欧阳小明"]
    assert names(db, "大明") == ["王大明"]


def test_changing_or_tombstoning_a_phone_updates_tail_search(db, people):
    with db.write() as s:
        phone = s.scalars(select(PatientPhone).where(PatientPhone.patient_id == people["李伟"])).one()
        phone.number_e164 = "+8613700139999"
    assert names(db, "8000") == ["张伟"]
    assert names(db, "9999") == ["李伟"]
    with db.write() as s:
        s.scalars(select(PatientPhone).where(PatientPhone.patient_id == people["李伟"])).one().deleted = True
    assert names(db, "9999") == []
    with db.session() as s:
        assert s.execute(select(search_phone_tails)).all().__len__() == 5


def test_nothing_to_search(db, people):
    assert search_patients(db, "   ").hits == () and search_patients(db, "").kind == "empty"
    assert search_patients(db, "13").kind == "too_short" and search_patients(db, "13").hits == ()
    assert names(db, "xyz") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [("13800138000", "phone"), ("+86 138-0013-8000", "phone"), ("010-12345678", "phone"),
     ("8000", "phone_tail"), ("12345678", "phone_tail"), ("138", "too_short"),
     ("11010519491231002X", "national_id"), ("110105491231002", "national_id"), ("1101051949", "phone_tail"),
     ("110105194912", "national_id"), ("C00000001", "customer_no"), ("张伟", "name"), ("王 小明", "name"),
     ("zw", "pinyin"), ("Zhang Wei", "pinyin"), ("TJ00001234", "identifier"),
     ("9b2f7c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b", "customer_id"), ("", "empty"), ("？", "name")],
)  # fmt: skip
def test_classify_query(text, kind):
    assert classify_query(text) == kind
