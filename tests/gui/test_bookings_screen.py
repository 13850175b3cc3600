"""The bookings screen: choose a slot in the calendar, find the customer, book with Ctrl+Enter, see the
place taken and the confirmation text; a full slot is refused next to the actions; cancel frees the place."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.store.models import Department, Package, Patient, PatientPhone, Slot, StaffUser
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.views.bookings import BookingsView
from hcrm_desktop.views.bookings.words import error_text

NOW = datetime(2026, 11, 26, 9, 0)
MONDAY = date(2026, 11, 30)


def type_text(widget, text):
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def add_patient(s, no, name, phone, **fields):
    pinyin, initials = name_pinyin(name)
    patient = Patient(customer_no=no, name=name, name_pinyin=pinyin, name_initials=initials, **fields)
    s.add_all([patient, PatientPhone(patient_id=patient.id, number=phone, number_e164=f"+86{phone}",
                                     relation="self", is_primary=True)])
    return patient.id


@pytest.fixture
def world(staff_db):
    with staff_db.write() as s:
        package = Package(code="JC", name="基础套餐", price_fen=38000, items=["血常规"])
        s.add_all([package, Department(code="XNK", name="心内科")])
        ids = {"package": package.id,
               "li": add_patient(s, "C001", "李娜", "13900000001", sex="F", consent_sms=False),
               "zhou": add_patient(s, "C002", "周文", "13900000002", sex="M")}
        for day in range(14):
            for period, capacity in (("am", 3), ("pm", 1)):
                slot = Slot(resource="package", resource_id=package.id, day=NOW.date() + timedelta(days=day),
                            period=period, capacity=capacity, vip_reserved=1 if period == "am" else 0, booked=0)
                s.add(slot)
                ids[(NOW.date() + timedelta(days=day), period)] = slot.id
    return ids


@pytest.fixture
def view(qtbot, staff_db, world, runner, wait_until):
    with staff_db.session() as s:
        staff = s.query(StaffUser).filter_by(username="agent1").one()
        session = UserSession(staff.id, staff.username, staff.display_name, Role.AGENT)
    screen = BookingsView(db=staff_db, runner=runner, session=session)
    screen.clock = lambda: NOW
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    wait_until(lambda: screen.calendar.calendar_model.cell_at(screen.calendar.calendar_model.index(0, 0)) is not None)
    return screen


def cell_text(view, day, period):
    model = view.calendar.calendar_model
    return model.data(model.index(("am", "pm").index(period), (day - view.start).days))


def test_book_a_slot_for_a_customer_and_see_the_confirmation(qtbot, view, world, wait_until):
    assert view.resource.name == "基础套餐"
    before = cell_text(view, MONDAY, "am").split("\n")
    assert "2/3" in before[0] and "3" in before[1]  # 3 places, 1 kept for VIPs: 2 free, 3 for a VIP
    assert view.calendar.select_slot(world[(MONDAY, "am")])

    view.search_edit.setFocus()
    type_text(view.search_edit, "李娜")
    wait_until(lambda: view.picker.results_list.count() == 1)
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.patient is not None and view.patient.name == "李娜"
    assert view.calendar.hasFocus()  # next: the slot, already chosen
    type_text(view.notes_edit, "需轮椅")
    qtbot.keyClick(view.calendar, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    wait_until(lambda: view.confirmation.current is not None)
    after = cell_text(view, MONDAY, "am").split("\n")
    assert "1/3" in after[0] and "2" in after[1]  # the place is taken
    assert "李娜" in view.message_bar.text() and "2026-11-30" in view.message_bar.text()
    booking = view.booking
    assert booking is not None and booking.day == MONDAY and booking.notes == "需轮椅"
    text = view.confirmation.text_edit.toPlainText()
    assert text.startswith("【杭州市第一人民医院】李娜女士您好，您已预约2026年11月30日上午")
    assert "基础套餐" in text
    assert view.confirmation.consent_label.isVisible()  # 李娜 refused SMS
    assert str(view.confirmation.current.segments) in view.confirmation.info_label.text()
    assert view.confirmation.current.segments == 2  # 90 characters: two 67-character parts
    view.confirmation.copy_button.click()
    assert QGuiApplication.clipboard().text() == text


def test_full_slot_is_refused_next_to_the_actions_and_cancel_frees_it(qtbot, view, world, wait_until):
    afternoon = world[(MONDAY, "pm")]
    view.start_booking(world["zhou"])
    wait_until(lambda: view.patient is not None)
    view.calendar.select_slot(afternoon)
    view.book_button.click()
    wait_until(lambda: view.booking is not None)
    assert "0/1" in cell_text(view, MONDAY, "pm")

    view.start_booking(world["li"])
    wait_until(lambda: view.patient is not None and view.patient.name == "李娜")
    view.calendar.select_slot(afternoon)
    view.book_button.click()
    wait_until(lambda: view.action_error.isVisible())
    assert view.action_error.text() == error_text("slot_full")
    assert "0/1" in cell_text(view, MONDAY, "pm")

    view.start_booking(world["zhou"])
    wait_until(lambda: view.patient is not None and view.patient.name == "周文" and view.booking is not None)
    view.cancel_button.click()
    wait_until(lambda: view.reason_error.isVisible())  # a reason is required
    type_text(view.reason_edit, "临时出差")
    view.cancel_button.click()
    wait_until(lambda: "1/1" in cell_text(view, MONDAY, "pm"))
    wait_until(lambda: view.booking is not None and view.booking.state == "cancelled")


def test_reschedule_moves_the_place_in_the_calendar(qtbot, view, world, wait_until):
    view.start_booking(world["zhou"])
    wait_until(lambda: view.patient is not None)
    view.calendar.select_slot(world[(MONDAY, "am")])
    qtbot.keyClick(view.calendar, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: view.booking is not None and "1/3" in cell_text(view, MONDAY, "am"))
    tuesday = MONDAY + timedelta(days=1)
    view.calendar.select_slot(world[(tuesday, "am")])
    qtbot.keyClick(view.calendar, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: "1/3" in cell_text(view, tuesday, "am") and "2/3" in cell_text(view, MONDAY, "am"))
    wait_until(lambda: view.booking is not None and view.booking.day == tuesday)
    states = sorted(row.state for row in view.bookings_model.rows)
    assert states == ["booked", "rescheduled"]


def test_capacity_is_for_supervisors(qtbot, staff_db, world, runner, view, wait_until):
    assert not view.capacity_button.isVisible()  # an agent
    with staff_db.session() as s:
        staff = s.query(StaffUser).filter_by(username="supervisor1").one()
        session = UserSession(staff.id, staff.username, staff.display_name, Role.SUPERVISOR)
    screen = BookingsView(db=staff_db, runner=runner, session=session)
    screen.clock = lambda: NOW
    qtbot.addWidget(screen)
    screen.show()
    wait_until(lambda: screen.calendar.calendar_model.cell_at(screen.calendar.calendar_model.index(0, 4)) is not None)
    assert screen.capacity_button.isVisible()
    screen.capacity_button.click()
    dialog = screen.findChild(QDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.start_edit.setDate(QDate(2026, 11, 30))
    dialog.end_edit.setDate(QDate(2026, 12, 1))
    dialog.pm_check.setChecked(False)
    dialog.capacity_spin.setValue(8)
    dialog.vip_spin.setValue(2)
    qtbot.keyClick(dialog.capacity_spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: "6/8" in cell_text(screen, MONDAY, "am"))
    assert "6/8" in cell_text(screen, MONDAY + timedelta(days=1), "am")
    assert "1/1" in cell_text(screen, MONDAY, "pm")  # the afternoon was left alone
