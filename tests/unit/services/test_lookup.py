"""Who is calling: the screen pop's number lookup, on hand-built households."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hcrm_desktop.domain.phones import PhoneError
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.lookup import lookup_number, rank, recency_bucket
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Interaction, Patient, PatientPhone

NOW = datetime.now().replace(microsecond=0)


def add_patient(s, name, *, phones=(), contacted_days_ago=None, vip=0, **kw):
    """A patient with (e164, relation, contact_name) phone rows and maybe one past interaction."""
    pinyin, initials = name_pinyin(name)
    number = kw.pop("customer_no", f"C{abs(hash(name)) % 10**8:08d}")
    p = Patient(customer_no=number, name=name, name_pinyin=pinyin, name_initials=initials, vip_level=vip, **kw)
    s.add(p)
    for e164, relation, contact in phones:
        s.add(PatientPhone(patient_id=p.id, number=e164[3:], number_e164=e164, relation=relation,
                           contact_name=contact))
    if contacted_days_ago is not None:
        s.add(Interaction(patient_id=p.id, type="consultation", channel="phone",
                          started_at=NOW - timedelta(days=contacted_days_ago)))
    return p


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "lookup.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def family(db):
    """王芳 calls from her own mobile, which her mother 李秀英 gave as her daughter's ("child") number."""
    with db.write() as s:
        fang = add_patient(s, "王芳", sex="F", birth_date=date(1980, 5, 1), contacted_days_ago=200,
                           phones=[("+8613800138000", "self", None)])
        mother = add_patient(s, "李秀英", sex="F", birth_date=date(1950, 3, 2), contacted_days_ago=2, vip=3,
                             phones=[("+8613800138000", "child", "王芳"), ("+861088886666", "self", None)])
    return fang.id, mother.id


def test_a_family_members_number_finds_the_patient_and_says_who_is_calling(db, family):
    fang_id, mother_id = family
    result = lookup_number(db, "13800138000")
    assert result.normalized == "+8613800138000" and not result.withheld
    assert [(m.name, m.relation) for m in result.matches] == [("王芳", "self"), ("李秀英", "child")]
    mother = result.matches[1]
    assert mother.patient_id == mother_id and mother.contact_name == "王芳" and mother.vip_level == 3
    assert mother.last_contact_at is not None and (NOW - mother.last_contact_at).days == 2
    assert result.matches[0].score > mother.score


@pytest.mark.parametrize(
    "raw", ["sip:13800138000@10.0.0.1", "tel:+86-138-0013-8000", "+8613800138000", "008613800138000",
            '"王芳" <sip:+8613800138000@pbx;user=phone>', "138 0013 8000"],
)  # fmt: skip
def test_every_written_form_of_the_number_finds_the_same_people(db, family, raw):
    assert [m.name for m in lookup_number(db, raw).matches] == ["王芳", "李秀英"]


def test_landline_without_area_code_uses_the_default_area(db, family):
    result = lookup_number(db, "88886666")
    assert result.normalized == "+861088886666" and [m.name for m in result.matches] == ["李秀英"]


def test_two_patients_sharing_a_spouse_number_are_both_found_most_recent_contact_first(db):
    with db.write() as s:
        add_patient(s, "赵敏", sex="F", contacted_days_ago=400, phones=[("+8613911112222", "spouse", "刘强")])
        add_patient(s, "孙丽", sex="F", contacted_days_ago=3, phones=[("+8613911112222", "spouse", "刘强")])
    matches = lookup_number(db, "13911112222").matches
    assert [(m.name, m.relation) for m in matches] == [("孙丽", "spouse"), ("赵敏", "spouse")]


def test_same_recency_ranks_the_higher_vip_first_and_ties_are_stable(db):
    with db.write() as s:
        add_patient(s, "甲", customer_no="C00000002", contacted_days_ago=1, vip=1,
                    phones=[("+8613911113333", "other", None)])
        add_patient(s, "乙", customer_no="C00000003", contacted_days_ago=1, vip=4,
                    phones=[("+8613911113333", "other", None)])
        add_patient(s, "丙", customer_no="C00000001", phones=[("+8613911113333", "other", None)])
        add_patient(s, "丁", customer_no="C00000000", phones=[("+8613911113333", "other", None)])
    names = [m.name for m in lookup_number(db, "13911113333").matches]
    assert names == ["乙", "甲", "丁", "丙"]
    assert names == [m.name for m in lookup_number(db, "13911113333").matches]


def test_withheld_number_has_no_matches():
    result = lookup_number(None, "anonymous")  # type: ignore[arg-type]  # never touches the database
    assert result.withheld and result.normalized is None and result.matches == ()


@pytest.mark.parametrize("raw", ["abc", "12", "1380013800099999999999", "call me"])
def test_garbage_is_refused_with_a_reason(db, raw):
    with pytest.raises(PhoneError):
        lookup_number(db, raw)


def test_unknown_number_matches_nobody(db, family):
    result = lookup_number(db, "13700000000")
    assert result.matches == () and result.normalized == "+8613700000000" and not result.withheld


def test_tombstoned_patients_and_phones_are_not_matched(db, family):
    fang_id, mother_id = family
    with db.write() as s:
        s.get(Patient, mother_id).deleted = True
    assert [m.name for m in lookup_number(db, "13800138000").matches] == ["王芳"]
    with db.write() as s:
        for phone in s.query(PatientPhone).filter_by(patient_id=fang_id):
            phone.deleted = True
    assert lookup_number(db, "13800138000").matches == ()


def test_a_number_filed_under_a_merged_record_finds_the_survivor(db):
    with db.write() as s:
        keep = add_patient(s, "陈静", sex="F", phones=[("+8613522223333", "self", None)])
        old = add_patient(s, "陈静 ", sex="F", contacted_days_ago=1, phones=[("+8613566667777", "self", None)])
        old.merged_into_id = keep.id
    matches = lookup_number(db, "13566667777").matches
    assert [(m.patient_id, m.relation) for m in matches] == [(keep.id, "self")]
    assert matches[0].last_contact_at is not None  # the merged record's history counts for the survivor
    assert [m.patient_id for m in lookup_number(db, "13522223333").matches] == [keep.id]


def test_deceased_patient_is_flagged(db):
    with db.write() as s:
        add_patient(s, "周老", deceased_on=date(2025, 1, 1), phones=[("+8613700001111", "self", None)])
    assert lookup_number(db, "13700001111").matches[0].deceased


def test_score_falls_along_the_ranking():
    from hcrm_desktop.services.lookup import PhoneMatch

    def m(pid, relation, days, vip):
        last = NOW - timedelta(days=days) if days is not None else None
        return PhoneMatch(pid, pid, pid, "U", None, relation, None, vip, last, False, 0.0)

    ranked = rank([m("d", "child", None, 5), m("a", "self", None, 0), m("c", "spouse", 10, 0),
                   m("b", "spouse", 3, 0), m("e", "spouse", 3, 5)], NOW)  # fmt: skip
    assert [x.patient_id for x in ranked] == ["a", "e", "b", "c", "d"]
    assert [x.score for x in ranked] == sorted((x.score for x in ranked), reverse=True)
    assert recency_bucket(None, NOW) == 0 and recency_bucket(NOW, NOW) == 6
