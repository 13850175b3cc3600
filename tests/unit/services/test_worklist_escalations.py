"""Red flags: answer -> escalation -> instruction -> feedback -> closed; the supervisor's overdue list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from hcrm_desktop.services.escalations import (
    EscalationError,
    EscalationFilter,
    close_escalation,
    list_escalations,
    overdue_escalations,
    record_feedback,
    record_instruction,
)
from hcrm_desktop.services.worklist import record_outcome
from hcrm_desktop.store.models import AuditEvent, Encounter, Escalation
from tests.fixtures.worklist_world import NOW, add_task, copy_world, world_template

RED = {"recovery": "较差", "fever": False, "overall": 2}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return world_template(tmp_path_factory.mktemp("escalations") / "template.db")


@pytest.fixture
def world(template, tmp_path):
    copy = copy_world(template, tmp_path / "escalations.db")
    yield copy
    copy.db.dispose()


def raise_flag(world, patient=0, *, now=NOW, **task):
    task_id = add_task(world, world.patients[patient], **task)
    result, _ = record_outcome(world.db, task_id=task_id, agent_id=world.nurses[0], outcome="completed", notes=None,
                               duration_seconds=60, callback_at=None, answers=RED, now=now)
    assert result.red_flag
    return result.escalation_id


def test_the_whole_loop_from_red_flag_to_closed(world):
    escalation_id = raise_flag(world)
    (row,) = list_escalations(world.db, EscalationFilter(), now=NOW)
    assert (row.id, row.state, row.doctor, row.department, row.patient_name) == (
        escalation_id, "open", "王主任", "心内科", "患者0")
    assert row.answers == RED and "较差" in row.reason and row.raised_by == "护士1"

    changes = record_instruction(world.db, escalation_id=escalation_id, actor_id=world.supervisor,
                                 instruction="请患者明日来心内科门诊复查", now=NOW + timedelta(hours=1))
    assert changes.touches("escalations")
    record_feedback(world.db, escalation_id=escalation_id, actor_id=world.nurses[0],
                    feedback="已电话通知患者，已预约明日上午门诊", now=NOW + timedelta(hours=2))
    close_escalation(world.db, escalation_id=escalation_id, actor_id=world.supervisor, now=NOW + timedelta(hours=3))
    with world.db.session() as s:
        e = s.get(Escalation, escalation_id)
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == escalation_id)
                                 .order_by(AuditEvent.action)))
    assert (e.state, e.instruction, e.instructed_by_id) == ("closed", "请患者明日来心内科门诊复查", world.supervisor)
    assert (e.feedback, e.executed_at, e.closed_at) == (
        "已电话通知患者，已预约明日上午门诊", NOW + timedelta(hours=2), NOW + timedelta(hours=3))
    assert actions == ["escalation_closed", "escalation_executed", "escalation_instructed"]
    assert list_escalations(world.db, EscalationFilter(), now=NOW) == []  # closed ones leave the open list
    closed = list_escalations(world.db, EscalationFilter(states=("closed",)), now=NOW)
    assert [r.id for r in closed] == [escalation_id]


def test_steps_out_of_order_and_empty_texts_are_refused(world):
    escalation_id = raise_flag(world)
    with pytest.raises(EscalationError) as caught:
        record_feedback(world.db, escalation_id=escalation_id, actor_id=world.nurses[0], feedback="已通知", now=NOW)
    assert caught.value.code == "transition_not_allowed"
    with pytest.raises(EscalationError) as caught:
        record_instruction(world.db, escalation_id=escalation_id, actor_id=world.supervisor, instruction="  ", now=NOW)
    assert (caught.value.field, caught.value.code) == ("instruction", "required")
    with pytest.raises(EscalationError) as caught:
        close_escalation(world.db, escalation_id=escalation_id, actor_id=world.supervisor, now=NOW)
    assert caught.value.code == "transition_not_allowed"
    with pytest.raises(EscalationError) as caught:
        close_escalation(world.db, escalation_id="no-such-id", actor_id=world.supervisor, now=NOW)
    assert caught.value.code == "not_found"


def test_escalations_not_closed_in_time_are_listed_overdue_first(world):
    old = raise_flag(world, 0, now=NOW - timedelta(hours=30))
    fresh = raise_flag(world, 1)
    record_instruction(world.db, escalation_id=old, actor_id=world.supervisor, instruction="复查", now=NOW)
    later = NOW + timedelta(hours=1)
    assert [r.id for r in overdue_escalations(world.db, now=later)] == [old]
    rows = list_escalations(world.db, EscalationFilter(), now=later)
    assert [(r.id, r.overdue) for r in rows] == [(old, True), (fresh, False)]
    assert [r.id for r in overdue_escalations(world.db, now=NOW + timedelta(hours=25))] == [old, fresh]


def test_without_a_task_department_the_latest_encounters_department_is_used(world):
    with world.db.write() as s:
        s.add(Encounter(patient_id=world.patients[2], kind="inpatient", department_id=world.dept,
                        started_at=NOW - timedelta(days=10)))
    escalation_id = raise_flag(world, 2, department_id=None)
    with world.db.session() as s:
        e = s.get(Escalation, escalation_id)
    assert (e.department_id, e.doctor_id) == (world.dept, world.doctor)
