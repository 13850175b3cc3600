"""Bookings: capacity with the VIP reserve, refusals, reschedule and cancel moving places, state rules,
the calendar's figures, slot capacity for supervisors, and the confirmation text."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from hcrm_desktop.domain.bookings import BookingError
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.bookings import (
    book,
    bookable_resources,
    calendar,
    cancel,
    confirmation,
    list_bookings,
    mark_completed,
    mark_confirmation_sent,
    mark_no_show,
    reschedule,
    set_capacity,
)
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Booking, Department, Outbox, Package, Patient, Slot, StaffUser

NOW = datetime(2026, 11, 26, 9, 0)  # a Thursday morning
DAY = date(2026, 11, 30)  # the next Monday


def add_patient(s, name, number, **kw):
    pinyin, initials = name_pinyin(name)
    patient = Patient(customer_no=number, name=name, name_pinyin=pinyin, name_initials=initials, **kw)
    s.add(patient)
    return patient.id


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "bookings.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def world(db):
    with db.write() as s:
        agent = StaffUser(username="agent1", display_name="林晓雯", role="agent")
        doctor = StaffUser(username="d1", display_name="王建国", role="doctor", title="主任医师")
        basic = Package(code="JC", name="基础套餐", price_fen=38000, items=["血常规"])
        women = Package(code="NX", name="女性专项套餐", price_fen=98000, sex="F", items=["乳腺彩超"])
        cardio = Department(code="XNK", name="心内科")
        s.add_all([agent, doctor, basic, women, cardio])
        ids = {
            "agent": agent.id, "doctor": doctor.id, "basic": basic.id, "women": women.id, "cardio": cardio.id,
            "zhang": add_patient(s, "张伟", "C1", sex="M"),
            "li": add_patient(s, "李娜", "C2", sex="F"),
            "vip": add_patient(s, "王芳", "C3", sex="F", vip_level=2),
            "wu": add_patient(s, "吴敏", "C4", sex="F", consent_sms=False),
            "dead": add_patient(s, "赵刚", "C5", sex="M", deceased_on=date(2026, 1, 2)),
        }
        ids["merged"] = add_patient(s, "张玮", "C6", sex="M", merged_into_id=ids["zhang"])
        for key, resource, rid, day, period, capacity, vip in (
            ("am", "package", basic.id, DAY, "am", 3, 1),
            ("pm", "package", basic.id, DAY, "pm", 2, 0),
            ("tue", "package", basic.id, date(2026, 12, 1), "am", 2, 0),
            ("past", "package", basic.id, date(2026, 11, 25), "am", 5, 0),
            ("today_am", "package", basic.id, date(2026, 11, 26), "am", 5, 0),
            ("women", "package", women.id, DAY, "am", 4, 0),
            ("clinic", "clinic", cardio.id, DAY, "am", 10, 0),
        ):
            slot = Slot(resource=resource, resource_id=rid, day=day, period=period, capacity=capacity,
                        vip_reserved=vip, booked=0, doctor_id=doctor.id if resource == "clinic" else None)
            s.add(slot)
            ids[key] = slot.id
    return ids


def booked(db, slot_id):
    with db.session() as s:
        return s.get(Slot, slot_id).booked


def state_of(db, booking_id):
    with db.session() as s:
        return s.get(Booking, booking_id).state


def test_booking_takes_a_place_in_one_transaction_with_its_outbox_rows(db, world):
    result, changes = book(db, actor_id=world["agent"], patient_id=world["zhang"], slot_id=world["am"],
                           notes=" 需要轮椅 ", now=NOW)
    assert (result.state, result.day, result.period) == ("booked", DAY, "am")
    assert booked(db, world["am"]) == 1
    assert changes.touches("bookings", "slots") and world["zhang"] in changes.patient_ids
    with db.session() as s:
        booking = s.get(Booking, result.booking_id)
        assert booking.notes == "需要轮椅" and booking.booked_by_id == world["agent"]
        entities = [row.entity for row in s.scalars(select(Outbox).order_by(Outbox.seq))]
    assert "bookings" in entities and "slots" in entities


def test_vip_reserve_keeps_the_last_place_for_a_vip(db, world):
    book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["am"], now=NOW)
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["am"], now=NOW)
    with pytest.raises(BookingError) as refused:  # 3 places, 1 kept for VIPs: the third is not for 吴敏
        book(db, actor_id=None, patient_id=world["wu"], slot_id=world["am"], now=NOW)
    assert (refused.value.field, refused.value.code) == ("slot", "slot_full")
    book(db, actor_id=None, patient_id=world["vip"], slot_id=world["am"], now=NOW)
    assert booked(db, world["am"]) == 3


def test_full_slot_refuses_even_a_vip_and_nothing_is_written(db, world):
    book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["pm"], now=NOW)
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["pm"], now=NOW)
    with pytest.raises(BookingError, match="slot_full"):
        book(db, actor_id=None, patient_id=world["vip"], slot_id=world["pm"], now=NOW)
    assert booked(db, world["pm"]) == 2
    with db.session() as s:
        assert len(s.scalars(select(Booking)).all()) == 2


@pytest.mark.parametrize(("patient", "slot", "code"), [
    ("zhang", "past", "in_past"),  # yesterday
    ("zhang", "women", "sex_restricted"),  # a package for women only
    ("dead", "am", "patient_deceased"),
    ("merged", "am", "patient_merged"),
])
def test_refusals(db, world, patient, slot, code):
    with pytest.raises(BookingError) as refused:
        book(db, actor_id=None, patient_id=world[patient], slot_id=world[slot], now=NOW)
    assert refused.value.code == code


def test_this_mornings_slot_is_past_at_noon_but_not_before(db, world):
    book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["today_am"], now=NOW)
    with pytest.raises(BookingError, match="in_past"):
        book(db, actor_id=None, patient_id=world["li"], slot_id=world["today_am"], now=datetime(2026, 11, 26, 12, 0))


def test_same_slot_or_same_package_on_the_same_day_is_refused(db, world):
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["am"], now=NOW)
    for slot in ("am", "pm"):
        with pytest.raises(BookingError, match="already_booked"):
            book(db, actor_id=None, patient_id=world["li"], slot_id=world[slot], now=NOW)
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["clinic"], now=NOW)  # a clinic the same day


def test_notes_over_the_limit_or_with_emoji_are_refused_next_to_the_notes(db, world):
    for notes, code in (("x" * 501, "too_long"), ("好的😀", "emoji")):
        with pytest.raises(BookingError) as refused:
            book(db, actor_id=None, patient_id=world["li"], slot_id=world["am"], notes=notes, now=NOW)
        assert (refused.value.field, refused.value.code) == ("notes", code)


def test_reschedule_moves_the_place_and_keeps_the_history(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["am"], notes="早到", now=NOW)
    moved, changes = reschedule(db, actor_id=world["agent"], booking_id=first.booking_id, slot_id=world["tue"],
                                now=NOW)
    assert (booked(db, world["am"]), booked(db, world["tue"])) == (0, 1)
    assert moved.rescheduled_from_id == first.booking_id and moved.day == date(2026, 12, 1)
    assert state_of(db, first.booking_id) == "rescheduled"
    assert {first.booking_id, world["am"], world["tue"]} <= changes.ids
    with db.session() as s:
        assert s.get(Booking, moved.booking_id).notes == "早到"
    with pytest.raises(BookingError, match="transition_not_allowed"):
        reschedule(db, actor_id=None, booking_id=first.booking_id, slot_id=world["pm"], now=NOW)


def test_reschedule_to_the_other_period_of_the_same_day_is_allowed_but_not_to_a_full_slot(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["am"], now=NOW)
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["tue"], now=NOW)
    book(db, actor_id=None, patient_id=world["wu"], slot_id=world["tue"], now=NOW)
    with pytest.raises(BookingError, match="slot_full"):
        reschedule(db, actor_id=None, booking_id=first.booking_id, slot_id=world["tue"], now=NOW)
    assert (booked(db, world["am"]), state_of(db, first.booking_id)) == (1, "booked")  # nothing changed
    reschedule(db, actor_id=None, booking_id=first.booking_id, slot_id=world["pm"], now=NOW)
    assert (booked(db, world["am"]), booked(db, world["pm"])) == (0, 1)


def test_cancel_needs_a_reason_and_frees_the_place(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["pm"], now=NOW)
    with pytest.raises(BookingError) as refused:
        cancel(db, actor_id=None, booking_id=first.booking_id, reason="  ", now=NOW)
    assert (refused.value.field, refused.value.code) == ("reason", "required")
    cancel(db, actor_id=None, booking_id=first.booking_id, reason="临时出差", now=NOW)
    assert booked(db, world["pm"]) == 0
    with db.session() as s:
        row = s.get(Booking, first.booking_id)
        assert (row.state, row.cancel_reason, row.state_changed_at is not None) == ("cancelled", "临时出差", True)
    book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["pm"], now=NOW)  # may book again


def test_no_show_and_completed_only_from_the_day_on_and_only_from_booked(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["am"], now=NOW)
    with pytest.raises(BookingError, match="too_early"):
        mark_no_show(db, actor_id=None, booking_id=first.booking_id, now=NOW)
    on_the_day = datetime(2026, 11, 30, 11, 0)
    mark_no_show(db, actor_id=None, booking_id=first.booking_id, now=on_the_day)
    assert state_of(db, first.booking_id) == "no_show"
    assert booked(db, world["am"]) == 1  # the place stays taken (as the central side counts it)
    for action in (mark_completed, mark_no_show):
        with pytest.raises(BookingError, match="transition_not_allowed"):
            action(db, actor_id=None, booking_id=first.booking_id, now=on_the_day)
    with pytest.raises(BookingError, match="transition_not_allowed"):
        cancel(db, actor_id=None, booking_id=first.booking_id, reason="x", now=on_the_day)
    second, _ = book(db, actor_id=None, patient_id=world["li"], slot_id=world["am"], now=NOW)
    mark_completed(db, actor_id=None, booking_id=second.booking_id, now=on_the_day)
    assert state_of(db, second.booking_id) == "completed"


def test_calendar_figures(db, world):
    book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["am"], now=NOW)
    cells = calendar(db, resource="package", resource_id=world["basic"], start=DAY, end=date(2026, 12, 1))
    assert [(c.day, c.period, c.capacity, c.booked, c.free, c.vip_free) for c in cells] == [
        (DAY, "am", 3, 1, 1, 2), (DAY, "pm", 2, 0, 2, 2), (date(2026, 12, 1), "am", 2, 0, 2, 2)]
    clinic = calendar(db, resource="clinic", resource_id=world["cardio"], start=DAY, end=DAY)
    assert clinic[0].doctor_name == "王建国"


def test_lists_and_resources(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["tue"], now=NOW)
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["am"], now=NOW)
    rows = list_bookings(db, start=DAY, resource="package", resource_id=world["basic"])
    assert [(r.patient_name, r.resource_name, r.day) for r in rows] == [
        ("李娜", "基础套餐", DAY), ("张伟", "基础套餐", date(2026, 12, 1))]
    assert [r.booking_id for r in list_bookings(db, start=DAY, patient_id=world["zhang"])] == [first.booking_id]
    names = [(r.resource, r.name) for r in bookable_resources(db)]
    assert names == [("package", "基础套餐"), ("package", "女性专项套餐"), ("clinic", "心内科")]


def test_supervisor_creates_and_adjusts_capacity_never_below_booked(db, world):
    with pytest.raises(BookingError, match="not_allowed"):
        set_capacity(db, actor_role="agent", resource="package", resource_id=world["basic"], start=DAY,
                     end=DAY, periods=("am",), capacity=5, today=NOW.date())
    result, _ = set_capacity(db, actor_role="supervisor", resource="package", resource_id=world["basic"],
                             start=DAY, end=date(2026, 12, 2), periods=("am", "pm"), capacity=6, vip_reserved=2,
                             today=NOW.date())
    assert (result.created, result.updated) == (3, 3)  # Mon am/pm and Tue am existed
    cells = calendar(db, resource="package", resource_id=world["basic"], start=DAY, end=date(2026, 12, 2))
    assert {(c.capacity, c.vip_reserved) for c in cells} == {(6, 2)} and len(cells) == 6
    book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["am"], now=NOW)
    book(db, actor_id=None, patient_id=world["li"], slot_id=world["am"], now=NOW)
    with pytest.raises(BookingError) as refused:
        set_capacity(db, actor_role="admin", resource="package", resource_id=world["basic"], start=DAY, end=DAY,
                     periods=("am",), capacity=1, today=NOW.date())
    assert (refused.value.field, refused.value.code) == ("capacity", "below_booked")
    assert calendar(db, resource="package", resource_id=world["basic"], start=DAY, end=DAY)[0].capacity == 6
    with pytest.raises(BookingError, match="in_past"):
        set_capacity(db, actor_role="admin", resource="package", resource_id=world["basic"],
                     start=date(2026, 11, 1), end=DAY, periods=("am",), capacity=9, today=NOW.date())


def test_confirmation_sms_and_wechat(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["li"], slot_id=world["women"], now=NOW)
    sms = confirmation(db, booking_id=first.booking_id, channel="sms")
    assert sms.text.startswith("【杭州市第一人民医院】李娜女士您好，您已预约2026年11月30日上午")
    assert "女性专项套餐" in sms.text and "避开经期" in sms.text  # the package's own preparation
    assert "{" not in sms.text and sms.consent is True
    assert sms.length == len(sms.text) and sms.segments == -(-len(sms.text) // 67) >= 2
    wechat = confirmation(db, booking_id=first.booking_id, channel="wechat")
    assert "星期一" in wechat.text and wechat.segments == 0
    clinic, _ = book(db, actor_id=None, patient_id=world["zhang"], slot_id=world["clinic"], now=NOW)
    text = confirmation(db, booking_id=clinic.booking_id, channel="sms").text
    assert "张伟先生您好" in text and "心内科王建国主任医师门诊" in text
    sent_at, changes = mark_confirmation_sent(db, booking_id=first.booking_id, now=NOW)
    assert confirmation(db, booking_id=first.booking_id, channel="sms").sent_at == sent_at
    assert changes.touches("bookings")


def test_confirmation_says_when_the_patient_refused_sms(db, world):
    first, _ = book(db, actor_id=None, patient_id=world["wu"], slot_id=world["am"], now=NOW)
    assert confirmation(db, booking_id=first.booking_id, channel="sms").consent is False
    assert confirmation(db, booking_id=first.booking_id, channel="wechat").consent is True
