"""The screen pop with a real softphone: a caller's baresip dials the agent's baresip, the app (connected to
the agent's ctrl_tcp) pops the card of the customer filed under the caller's number, and the card's
answer and hang-up buttons drive the real call."""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtCore import Qt

from hcrm_desktop.cti.base import SourceState
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.models import Patient, PatientPhone, StaffUser
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import MainWindow
from tests.fixtures.baresip import CALLER_NUMBER, CtrlConnection, ctrl_command, read_events

pytestmark = [pytest.mark.baresip, pytest.mark.slow]


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))


@pytest.fixture
def customer(staff_db):
    with staff_db.write() as s:
        patient = Patient(customer_no="C100", name="张三", name_pinyin="zhangsan", name_initials="zs", sex="M",
                          vip_level=2)
        s.add_all([patient, PatientPhone(patient_id=patient.id, number=CALLER_NUMBER,
                                         number_e164=f"+86{CALLER_NUMBER}", relation="self", is_primary=True)])
    return patient.id


async def until(check, what, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {timeout} s")
        await asyncio.sleep(0.02)


def test_a_real_call_pops_the_callers_card_and_the_card_answers_and_hangs_up(
        qtbot, qloop, staff_db, runner, customer, baresip_pair):
    with staff_db.session() as s:
        staff = s.query(StaffUser).filter_by(username="agent1").one()
        session = UserSession(staff.id, staff.username, staff.display_name, Role.AGENT)
    bridge = CtiBridge(adapter="baresip", address=f"127.0.0.1:{baresip_pair.agent.ctrl_port}", runner=runner)
    window = MainWindow(db=staff_db, runner=runner, session=session, settings=Settings(cti_adapter="baresip"),
                        demo=False, bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    calls = window.views["workbench"].calls

    async def scenario():
        await bridge.start()
        await until(lambda: bridge.source_state is SourceState.CONNECTED, "connection to the agent's baresip")
        assert window.phone_status_label.text() == "baresip 软电话 · 空闲"
        caller = await asyncio.to_thread(CtrlConnection, baresip_pair.caller.ctrl_port)
        try:
            await asyncio.to_thread(ctrl_command, caller, "dial", baresip_pair.agent_uri)
            await until(lambda: len(calls.cards) == 1 and next(iter(calls.cards.values())).kind == "profile"
                        and next(iter(calls.cards.values())).profile_card.profile is not None, "the call card")
            card = next(iter(calls.cards.values()))
            assert card.profile_card.header.name_label.text() == "张三"
            assert card.profile_card.profile.patient_id == customer
            assert card.state_label.text() == "振铃中" and card.number_label.text() == "138****8000"
            assert window.phone_status_label.text() == "baresip 软电话 · 振铃中"

            qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton)
            await until(lambda: card.state == "answered", "the answered state")
            await asyncio.to_thread(read_events, caller, "CALL_ESTABLISHED")
            assert card.state_label.text() == "已接听" and window.phone_status_label.text() == "baresip 软电话 · 通话中"

            qtbot.mouseClick(card.hangup_button, Qt.MouseButton.LeftButton)
            await until(lambda: card.state == "ended", "the ended state")
            await asyncio.to_thread(read_events, caller, "CALL_CLOSED")
            assert card.state_label.text() == "已结束" and not card.hangup_button.isVisible()
            assert window.phone_status_label.text() == "baresip 软电话 · 空闲"
        finally:
            caller.close()
            await bridge.stop()

    qloop.run_until_complete(scenario())
