"""The screen pop as the agent sees it: a ring through the simulator becomes a call card with the right
customer, the family relation, a chooser, quick-create or a search, without taking the keyboard away."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTabBar

from hcrm_desktop import oplog
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.models import (
    Complaint,
    FollowUpRule,
    FollowUpTask,
    Interaction,
    Patient,
    PatientPhone,
    StaffUser,
)
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import MainWindow
from hcrm_desktop.ui.tasks import signal_future

NOW = datetime.now().replace(microsecond=0)


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))


def add_patient(s, no, name, initials, *, sex="M", phones=(), **fields):
    patient = Patient(customer_no=no, name=name, name_pinyin=initials, name_initials=initials, sex=sex, **fields)
    s.add(patient)
    for number, relation, contact in phones:
        s.add(PatientPhone(patient_id=patient.id, number=number, number_e164=f"+86{number}", relation=relation,
                           contact_name=contact, is_primary=relation == "self"))
    return patient


@pytest.fixture
def people(staff_db):
    """张伟 (VIP 3, an overdue complaint, a due follow-up), 李秀英 and her daughter's phone, two customers on
    one number, and 赵刚 who died."""
    with staff_db.write() as s:
        zw = add_patient(s, "C001", "张伟", "zw", vip_level=3, birth_date=date(1970, 1, 5),
                         national_id="110105197001050012", phones=[("13800138000", "self", None)])
        lxy = add_patient(s, "C002", "李秀英", "lxy", sex="F", birth_date=date(1948, 3, 1),
                          phones=[("13900000001", "self", None), ("13912345678", "child", "李娜")])
        wf = add_patient(s, "C003", "王芳", "wf", sex="F", phones=[("13700000000", "self", None)])
        wxm = add_patient(s, "C004", "王小明", "wxm", phones=[("13700000000", "parent", "王芳")])
        zg = add_patient(s, "C005", "赵刚", "zg", deceased_on=date(2026, 1, 2),
                         phones=[("13600000000", "self", None)])
        rule = FollowUpRule(code="post_discharge", name="出院后随访", kind="post_discharge")
        s.add(rule)
        s.add(Complaint(case_no="TS0001", severity="high", state="new", subject="候诊时间过长",
                        opened_at=NOW - timedelta(days=3), resolve_due=NOW - timedelta(hours=1), patient_id=zw.id))
        s.add(FollowUpTask(patient_id=zw.id, rule_id=rule.id, source_ref="e1", due_at=NOW - timedelta(minutes=5),
                           state="open"))
        for n in range(40):
            s.add(Interaction(patient_id=zw.id, type="consultation", channel="phone", category=f"咨询{n}",
                              summary="询问报告", started_at=NOW - timedelta(days=n + 1)))
    return {"zw": zw.id, "lxy": lxy.id, "wf": wf.id, "wxm": wxm.id, "zg": zg.id}


def agent(db):
    with db.session() as s:
        staff = s.query(StaffUser).filter_by(username="agent1").one()
        return UserSession(staff.id, staff.username, staff.display_name, Role.AGENT)


@pytest.fixture
def window(qtbot, qloop, staff_db, people, runner):
    bridge = CtiBridge(adapter="simulator", address="", runner=runner)
    qloop.run_until_complete(bridge.start())
    main = MainWindow(db=staff_db, runner=runner, session=agent(staff_db), settings=Settings(), demo=True,
                      bridge=bridge)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    qloop.run_until_complete(bridge.stop())


@pytest.fixture
def pops(monkeypatch):
    logged = []
    real = oplog.event

    def capture(name, **fields):
        if name == "screen_pop":
            logged.append(fields)
        real(name, **fields)

    monkeypatch.setattr("hcrm_desktop.views.workbench.screenpop.oplog.event", capture)
    return logged


def type_text(widget, text):
    """Type `text` as key presses (QTest's keyClicks only knows ASCII; these carry Chinese too)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def emitted(qloop):
    """`emitted(signal, action)`: do `action()`, run the event loop until `signal` fires, return its args."""

    def wait(signal, action, timeout=5.0):
        async def run():
            future = signal_future(signal)
            action()
            async with asyncio.timeout(timeout):
                return await future

        return qloop.run_until_complete(run())

    return wait


@pytest.fixture
def ring(window, emitted):
    """Ring the simulator and wait until the card is painted; return the card."""

    def ring_(number, display=""):
        call_ids = []
        args = emitted(window.views["workbench"].screen_pop.popped,
                       lambda: call_ids.append(window.bridge.simulator.ring(number, display)))
        assert args[0] == call_ids[0]
        return window.views["workbench"].calls.card(call_ids[0])

    return ring_


def test_a_known_number_shows_the_customer_with_vip_and_alerts_and_logs_the_pop(qtbot, window, ring, pops):
    card = ring("sip:13800138000@127.0.0.1:5070", "张伟")

    profile = card.profile_card
    assert window.current_view_key() == "workbench"
    assert card.isVisible() and card.kind == "profile"
    assert profile.header.name_label.text() == "张伟"
    assert profile.header.vip_badge.text() == "VIP 3"
    assert "110105********0012" in profile.header.ids_label.text()
    assert "138****8000" in profile.header.phones_label.text()
    alerts = profile.alerts.texts()
    assert any("TS0001" in line and "已超时" in line for line in alerts), alerts
    assert any("随访" in line and "出院后随访" in line for line in alerts), alerts
    assert card.state_label.text() == "振铃中"
    assert not card.relation_label.isVisible()
    assert pops[-1]["call_id"] == card.call_id and pops[-1]["matched"] == [window.bridge and card.match.patient_id]
    assert pops[-1]["ms"] > 0
    assert window.phone_status_label.text() == "模拟器 · 振铃中"


def test_the_timeline_loads_more_pages_as_it_scrolls(window, ring, wait_until):
    card = ring("13800138000")
    model = card.profile_card.timeline.model
    first = model.rowCount()

    assert first == 30  # one page; 40 contacts, a complaint and a task in all
    card.profile_card.timeline.table.scrollToBottom()
    wait_until(lambda: model.rowCount() == 42)
    stamps = [item.at for item in model.items]
    assert stamps == sorted(stamps, reverse=True)


def test_timeline_chips_filter_by_kind(qtbot, window, ring, emitted):
    card = ring("13800138000")
    timeline = card.profile_card.timeline

    emitted(timeline.model.page_loaded,
            lambda: qtbot.mouseClick(timeline.chips["complaint"], Qt.MouseButton.LeftButton))

    assert [item.kind for item in timeline.model.items] == ["complaint"]
    assert not timeline.all_chip.isChecked()


def test_a_family_number_says_who_is_calling(qtbot, window, ring):
    card = ring("13912345678", "李娜")

    assert card.profile_card.header.name_label.text() == "李秀英"
    assert card.relation_label.isVisible()
    assert card.relation_label.text() == "来电人：患者子女 李娜"


def test_an_unknown_number_offers_quick_create_prefilled_and_checks_fields_in_chinese(qtbot, window, ring):
    card = ring("17012345678")

    form = card.quick_create
    assert card.kind == "create" and form.isVisible()
    assert form.phone_edit.text() == "17012345678"
    assert form.name_edit.hasFocus()  # nobody was typing, so the form takes the keyboard
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.error_labels["name"].text() == "必填"
    qtbot.keyClicks(form.id_edit, "11010519700105001")
    assert form.error_labels["national_id"].text() != ""


def test_quick_create_files_the_customer_and_shows_the_profile(qtbot, window, ring, staff_db, emitted):
    card = ring("17012345678")
    form = card.quick_create

    type_text(form.name_edit, "陈明")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("M"))
    emitted(card.profile_card.profile_shown,
            lambda: qtbot.keyClick(form.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))

    assert card.kind == "profile"
    assert card.profile_card.header.name_label.text() == "陈明"
    with staff_db.session() as s:
        assert s.query(Patient).filter_by(name="陈明").count() == 1


def test_quick_create_warns_of_duplicates_as_you_type(qtbot, window, ring, emitted):
    card = ring("17012345678")
    form = card.quick_create

    qtbot.mouseClick(form.id_edit, Qt.MouseButton.LeftButton)
    emitted(form.duplicates_shown, lambda: qtbot.keyClicks(form.id_edit, "110105197001050012"))

    assert form.duplicates_frame.isVisible()
    assert "张伟" in form.duplicates_label.text()
    assert form.id_edit.hasFocus() and form.id_edit.text() == "110105197001050012"


def test_two_matches_show_a_ranked_chooser_driven_by_the_keyboard(qtbot, window, ring, emitted):
    card = ring("13700000000")

    chooser = card.chooser
    assert card.kind == "chooser" and chooser.isVisible()
    names = [match.name for match in chooser.matches]
    assert [text.split("  ·  ")[0] for text in chooser.texts()] == names
    assert set(names) == {"王芳", "王小明"}
    assert chooser.list.hasFocus()
    qtbot.keyClick(chooser.list, Qt.Key.Key_Down)
    emitted(card.profile_card.profile_shown, lambda: qtbot.keyClick(chooser.list, Qt.Key.Key_Return))
    assert card.profile_card.header.name_label.text() == names[1]


def test_a_withheld_number_says_so_and_offers_a_search(qtbot, window, ring, emitted):
    card = ring("anonymous")

    assert card.kind == "withheld"
    assert card.number_label.text() == "隐藏号码"
    assert "隐藏" in card.search.heading.text()
    emitted(card.search.results_shown, lambda: type_text(card.search.edit, "张伟"))
    emitted(card.profile_card.profile_shown, lambda: qtbot.keyClick(card.search.edit, Qt.Key.Key_Return))
    assert card.profile_card.header.name_label.text() == "张伟"


def test_a_deceased_customer_is_shown_prominently(qtbot, window, ring):
    card = ring("13600000000")

    banner = card.profile_card.deceased_banner
    assert banner.isVisible() and "2026-01-02" in banner.text() and "已故" in banner.text()
    assert card.profile_card.header.deceased_badge.isVisible()


def test_typing_in_another_screen_keeps_the_focus_and_the_text_when_a_call_pops(qtbot, window, ring):
    window.show_view("customers")
    search = window.views["customers"].search_edit
    search.setFocus()
    type_text(search, "李秀")

    card = ring("13800138000")

    assert window.current_view_key() == "customers"
    assert QApplication.focusWidget() is search and search.text() == "李秀"
    type_text(search, "英")
    assert search.text() == "李秀英"
    assert window.views["workbench"].calls.indexOf(card) == 0


def test_a_second_call_gets_its_own_card_behind_the_form_being_typed(qtbot, window, ring):
    first = ring("17012345678")
    type_text(first.quick_create.name_edit, "陈")
    calls = window.views["workbench"].calls

    second = ring("13800138000")

    assert len(calls.cards) == 2 and calls.currentWidget() is first
    assert QApplication.focusWidget() is first.quick_create.name_edit
    assert first.quick_create.name_edit.text() == "陈"
    assert calls.tabText(calls.indexOf(second)).startswith("● ")  # marked new until looked at
    assert second.call_id != first.call_id and second.call_id in second.call_id_label.text()
    assert "张伟" in calls.tabText(calls.indexOf(second)) and "振铃" in calls.tabText(calls.indexOf(second))
    window.bridge.simulator.answer(first.call_id)
    assert first.state_label.text() == "已接听" and second.state_label.text() == "振铃中"
    window.bridge.simulator.hang_up(first.call_id)
    assert first.state_label.text() == "已结束" and not first.hangup_button.isVisible()
    close = calls.tabBar().tabButton(calls.indexOf(first), QTabBar.ButtonPosition.RightSide)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert list(calls.cards.values()) == [second] and calls.currentWidget() is second
    assert calls.tabText(calls.indexOf(second)) == "张伟 · 振铃中"  # looked at now


def test_answer_and_hang_up_buttons_drive_the_phone(qtbot, window, ring, emitted):
    card = ring("13800138000")

    emitted(window.bridge.call_changed, lambda: qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton))
    assert card.state == "answered" and window.phone_status_label.text() == "模拟器 · 通话中"
    emitted(window.bridge.call_changed, lambda: qtbot.mouseClick(card.hangup_button, Qt.MouseButton.LeftButton))
    assert card.state == "ended" and window.phone_status_label.text() == "模拟器 · 空闲"


def test_a_customer_deleted_while_the_card_is_open_gets_a_clear_state_and_keeps_the_notes(
        qtbot, window, ring, staff_db, people, emitted):
    card = ring("13800138000")
    type_text(card.notes_edit, "客户要求回电")
    with staff_db.write() as s:
        s.get(Patient, people["zw"]).deleted = True

    emitted(card.profile_card.deleted_found,
            lambda: window.publish_changes(Changes.of("patients", people["zw"], patient_id=people["zw"])))

    assert "已被删除" in card.profile_card.message_bar.text()
    assert card.notes_edit.toPlainText() == "客户要求回电"
    assert card.profile_card.header.name_label.text() == "张伟"  # what was on screen stays readable
    assert not card.profile_card.action_buttons["complaint"].isEnabled()


def test_one_keystroke_starts_a_consultation_wrap_up_for_the_customer(qtbot, window, ring):
    card = ring("13800138000")

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: card.wrapup.form is not None and card.wrapup.form.isVisible())  # after the click animation

    form = card.wrapup.form
    assert form.type == "consultation" and form.type_buttons["consultation"].isChecked()
    assert form.context.patient_id == card.profile_card.patient_id
    assert card.profile_card.profile.name in form.patient_label.text()


def test_the_simulate_button_rings_the_four_kinds_of_caller_in_turn(qtbot, window, ring, emitted):
    kinds = []
    window.views["workbench"].simulator.rung.connect(lambda kind, _call: kinds.append(kind))
    for _ in range(4):
        emitted(window.views["workbench"].screen_pop.popped, lambda: qtbot.keyClick(window, Qt.Key.Key_F8))

    cards = list(window.views["workbench"].calls.cards.values())
    assert kinds == ["customer", "family", "unknown", "withheld"]
    assert [card.kind for card in cards][2:] == ["create", "withheld"]
    assert cards[0].kind in ("profile", "chooser")
    assert QApplication.focusWidget() is cards[3].search.edit  # nobody typed: the newest card has the keyboard


def test_a_minimised_window_comes_back_for_a_call(qtbot, window, ring):
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)

    ring("13800138000")

    assert not window.isMinimized()


def test_clicking_a_phone_number_on_the_card_dials_it(window, ring, wait_until):
    card = ring("13800138000")
    before = set(window.bridge.simulator.active_calls)

    card.profile_card.header.phones_label.linkActivated.emit("dial:0")
    wait_until(lambda: set(window.bridge.simulator.active_calls) - before)

    assert window.phone_status_label.text() in ("模拟器 · 振铃中", "模拟器 · 通话中")


def test_the_status_bar_says_when_the_phone_cannot_be_reached(qtbot, qloop, staff_db, runner, wait_until):
    from tests.fixtures import free_tcp_port

    bridge = CtiBridge(adapter="baresip", address=f"127.0.0.1:{free_tcp_port()}", runner=runner,
                       options={"retry_initial": 0.05, "retry_max": 0.2})
    main = MainWindow(db=staff_db, runner=runner, session=agent(staff_db), settings=Settings(), demo=False,
                      bridge=bridge)
    qtbot.addWidget(main)
    qloop.run_until_complete(bridge.start())

    wait_until(lambda: "连接被拒绝" in main.phone_status_label.text())

    assert main.phone_status_label.text().startswith("baresip 软电话 · ")
    assert main.phone_status_label.text() in ("baresip 软电话 · 连接失败（连接被拒绝），稍后重试",
                                              "baresip 软电话 · 正在重连（连接被拒绝）")
    qloop.run_until_complete(bridge.stop())
