"""Claiming follow-up calls and recording their outcomes: every transition, retries, callbacks, deceased."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hcrm_desktop.services.identity import merge_patients
from hcrm_desktop.services.worklist import (
    WorklistError,
    WorklistFilter,
    claim_next,
    claim_task,
    record_outcome,
    release_task,
    worklist_ids,
    worklist_rows,
)
from hcrm_desktop.store.models import CallAttempt, Escalation, FollowUpTask, Outbox, Patient, SurveyResponse
from tests.fixtures.worklist_world import NOW, add_task, copy_world, world_template


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return world_template(tmp_path_factory.mktemp("worklist") / "template.db")


@pytest.fixture
def world(template, tmp_path):
    copy = copy_world(template, tmp_path / "worklist.db")
    yield copy
    copy.db.dispose()


def task_of(world, task_id) -> FollowUpTask:
    with world.db.session() as s:
        return s.get(FollowUpTask, task_id)


def attempts_of(world, task_id) -> list[CallAttempt]:
    with world.db.session() as s:
        return list(s.scalars(select(CallAttempt).where(CallAttempt.task_id == task_id).order_by(CallAttempt.at)))


def record(world, task_id, outcome, *, nurse=0, now=NOW, **kw):
    return record_outcome(world.db, task_id=task_id, agent_id=world.nurses[nurse], outcome=outcome,
                          notes=kw.pop("notes", None), duration_seconds=kw.pop("duration_seconds", 30),
                          callback_at=kw.pop("callback_at", None), answers=kw.pop("answers", None), now=now)


# --- claiming -----------------------------------------------------------------------------------------


def test_claim_next_takes_the_most_urgent_due_task_and_marks_it_in_progress(world):
    low = add_task(world, world.patients[0], priority=3)
    urgent = add_task(world, world.patients[1], priority=1)
    add_task(world, world.patients[2], due=NOW + timedelta(hours=2))  # not due yet
    claim, changes = claim_next(world.db, nurse_id=world.nurses[0], now=NOW)
    assert claim is not None and claim.task_id == urgent
    assert claim.script.startswith("您好") and claim.phone.startswith("138")
    assert claim.questionnaire is not None and claim.questionnaire.code == "post_discharge"
    task = task_of(world, urgent)
    assert (task.state, task.assignee_id) == ("in_progress", world.nurses[0])
    assert changes.touches("followup_tasks")
    assert task_of(world, low).state == "open"


def test_a_callback_due_now_comes_before_a_more_urgent_task(world):
    add_task(world, world.patients[0], priority=1)
    called_back = add_task(world, world.patients[1], priority=4, state="callback", callback_at=NOW - timedelta(minutes=5))
    claim, _ = claim_next(world.db, nurse_id=world.nurses[0], now=NOW)
    assert claim.task_id == called_back


def test_claim_next_resumes_the_nurses_own_task_in_progress(world):
    add_task(world, world.patients[0])
    first, _ = claim_next(world.db, nurse_id=world.nurses[0], now=NOW)
    add_task(world, world.patients[1], priority=1)
    again, changes = claim_next(world.db, nurse_id=world.nurses[0], now=NOW)
    assert again.task_id == first.task_id and again.resumed
    assert not changes.entities


def test_claim_next_skips_other_nurses_tasks_deceased_no_consent_and_outside_call_hours(world):
    add_task(world, world.patients[0], assignee_id=world.nurses[1])
    with world.db.write() as s:
        s.get(Patient, world.patients[1]).deceased_on = date(2026, 11, 1)
        s.get(Patient, world.patients[2]).consent_phone = False
    add_task(world, world.patients[1])
    add_task(world, world.patients[2])
    assert claim_next(world.db, nurse_id=world.nurses[0], now=NOW)[0] is None
    assert claim_next(world.db, nurse_id=world.nurses[1], now=NOW)[0] is not None
    add_task(world, world.patients[0], step="d30")
    lunch = NOW.replace(hour=12, minute=30)
    assert claim_next(world.db, nurse_id=world.nurses[2], now=lunch)[0] is None  # between the call hours
    assert claim_next(world.db, nurse_id=world.nurses[2], now=NOW)[0] is not None


def test_a_task_another_nurse_holds_cannot_be_claimed_or_recorded(world):
    task = add_task(world, world.patients[0])
    claim_task(world.db, task_id=task, nurse_id=world.nurses[0], now=NOW)
    with pytest.raises(WorklistError) as caught:
        claim_task(world.db, task_id=task, nurse_id=world.nurses[1], now=NOW)
    assert caught.value.code == "already_claimed"
    with pytest.raises(WorklistError) as caught:
        record(world, task, "no_answer", nurse=1)
    assert caught.value.code == "already_claimed"


def test_release_puts_a_claimed_task_back(world):
    task = add_task(world, world.patients[0])
    claim_task(world.db, task_id=task, nurse_id=world.nurses[0], now=NOW)
    release_task(world.db, task_id=task, nurse_id=world.nurses[0])
    assert (task_of(world, task).state, task_of(world, task).assignee_id) == ("open", world.nurses[0])


# --- outcomes -----------------------------------------------------------------------------------------


def test_completed_with_answers_stores_a_scored_response(world):
    task = add_task(world, world.patients[0])
    answers = {"recovery": "良好", "fever": False, "overall": 5}
    result, changes = record(world, task, "completed", answers=answers, notes="恢复良好")
    t = task_of(world, task)
    assert (t.state, t.outcome, t.attempts, t.completed_at, t.last_attempt_at) == ("done", "completed", 1, NOW, NOW)
    assert result.score == 100.0 and not result.red_flag and result.escalation_id is None
    with world.db.session() as s:
        response = s.get(SurveyResponse, result.response_id)
    assert response.answers == answers and response.patient_id == world.patients[0]
    assert [a.outcome for a in attempts_of(world, task)] == ["completed"]
    assert attempts_of(world, task)[0].notes == "恢复良好"
    assert changes.touches("survey_responses", "call_attempts") and not changes.touches("escalations")


def test_completed_with_a_red_flag_raises_an_escalation_to_the_chief_doctor(world):
    task = add_task(world, world.patients[0])
    answers = {"recovery": "一般", "fever": True, "temperature": 39.2, "overall": 3}
    result, changes = record(world, task, "completed", answers=answers)
    assert result.red_flag and result.escalation_id
    with world.db.session() as s:
        escalation = s.get(Escalation, result.escalation_id)
    assert (escalation.state, escalation.doctor_id, escalation.department_id) == ("open", world.doctor, world.dept)
    assert escalation.answers == answers and escalation.response_id == result.response_id
    assert "是否发热" in escalation.reason and "39.2" in escalation.reason
    assert escalation.due_at == NOW + timedelta(hours=24)
    assert changes.touches("escalations")


def test_an_answer_out_of_range_is_refused_with_its_question_and_nothing_is_written(world):
    task = add_task(world, world.patients[0])
    with pytest.raises(WorklistError) as caught:
        record(world, task, "completed", answers={"recovery": "良好", "fever": True, "temperature": 50, "overall": 4})
    assert (caught.value.field, caught.value.code) == ("answers.temperature", "out_of_range")
    assert task_of(world, task).state == "open" and attempts_of(world, task) == []


def test_no_answer_is_retried_after_the_spacing_and_lost_after_max_attempts(world):
    task = add_task(world, world.patients[0])
    first, _ = record(world, task, "no_answer")
    t = task_of(world, task)
    assert (t.state, t.attempts, t.outcome) == ("open", 1, "no_answer")
    assert first.next_try_at == t.callback_at == datetime(2026, 11, 25, 14, 0)  # 14:00, after the lunch break
    assert claim_next(world.db, nurse_id=world.nurses[0], now=NOW + timedelta(minutes=5))[0] is None
    later = datetime(2026, 11, 25, 14, 5)
    assert claim_next(world.db, nurse_id=world.nurses[0], now=later)[0].task_id == task
    second, _ = record(world, task, "busy", now=later)  # max_attempts = 2 in the rule
    t = task_of(world, task)
    assert (t.state, t.attempts, t.outcome, t.completed_at) == ("lost", 2, "busy", later)
    assert second.next_try_at is None
    assert [a.outcome for a in attempts_of(world, task)] == ["no_answer", "busy"]


def test_a_retry_late_in_the_day_moves_to_the_next_open_morning(world):
    task = add_task(world, world.patients[0])
    saturday = datetime(2026, 11, 28, 16, 0)
    result, _ = record(world, task, "no_answer", now=saturday)
    assert result.next_try_at == datetime(2026, 11, 30, 9, 0)  # Sunday has no call hours


def test_wrong_number_and_refused_close_the_task_as_lost(world):
    wrong = add_task(world, world.patients[0])
    refused = add_task(world, world.patients[1])
    record(world, wrong, "wrong_number")
    record(world, refused, "refused")
    assert (task_of(world, wrong).state, task_of(world, wrong).outcome) == ("lost", "wrong_number")
    assert (task_of(world, refused).state, task_of(world, refused).outcome) == ("lost", "refused")
    with pytest.raises(WorklistError) as caught:
        record(world, refused, "completed")
    assert caught.value.code == "task_closed"


def test_callback_at_a_chosen_time_comes_first_when_due(world):
    task = add_task(world, world.patients[0], priority=4)
    when = datetime(2026, 11, 25, 15, 30)
    result, _ = record(world, task, "callback", callback_at=when)
    t = task_of(world, task)
    assert (t.state, t.callback_at, t.attempts, result.next_try_at) == ("callback", when, 1, when)
    add_task(world, world.patients[1], priority=1)
    ids = worklist_ids(world.db, WorklistFilter(), now=when)
    assert ids[0] == task
    assert worklist_rows(world.db, ids[:1], now=when)[0].callback_due


@pytest.mark.parametrize(("when", "code"), [
    (None, "callback_required"),
    (NOW - timedelta(minutes=1), "callback_past"),
    (datetime(2026, 11, 25, 12, 30), "callback_outside_window"),
    (datetime(2026, 11, 25, 21, 0), "callback_outside_window"),
    (datetime(2026, 11, 29, 10, 0), "callback_outside_window"),  # a Sunday
])
def test_a_callback_time_in_the_past_or_outside_the_call_window_is_refused(world, when, code):
    task = add_task(world, world.patients[0])
    with pytest.raises(WorklistError) as caught:
        record(world, task, "callback", callback_at=when)
    assert (caught.value.field, caught.value.code) == ("callback_at", code)
    assert task_of(world, task).attempts == 0


def test_deceased_marks_the_patient_and_cancels_every_open_task(world):
    patient = world.patients[0]
    called = add_task(world, patient)
    other = add_task(world, patient, step="d30", due=NOW + timedelta(days=20))
    held = add_task(world, patient, step="m3", assignee_id=world.nurses[1], state="callback",
                    callback_at=NOW + timedelta(days=1))
    done = add_task(world, patient, step="w1", state="done", outcome="completed")
    neighbour = add_task(world, world.patients[1])
    result, changes = record(world, called, "deceased", notes="家属告知")
    with world.db.session() as s:
        assert s.get(Patient, patient).deceased_on == NOW.date()
    assert task_of(world, called).state == "cancelled" and task_of(world, called).outcome == "deceased"
    assert set(result.cancelled_task_ids) == {other, held}
    assert {task_of(world, t).state for t in (other, held)} == {"cancelled"}
    assert task_of(world, done).state == "done" and task_of(world, neighbour).state == "open"
    assert changes.touches("patients") and patient in changes.patient_ids
    with world.db.session() as s:  # every change is on its way to the central side
        entities = {e for (e,) in s.execute(select(Outbox.entity).where(Outbox.entity_id.in_([patient, held])))}
    assert entities == {"patients", "followup_tasks"}


def test_an_unknown_outcome_and_long_notes_are_refused(world):
    task = add_task(world, world.patients[0])
    with pytest.raises(WorklistError) as caught:
        record(world, task, "hung_up")
    assert (caught.value.field, caught.value.code) == ("outcome", "invalid")
    with pytest.raises(WorklistError) as caught:
        record(world, task, "no_answer", notes="x" * 2001)
    assert (caught.value.field, caught.value.code) == ("notes", "too_long")


# --- merged patients ----------------------------------------------------------------------------------


def test_a_task_open_during_a_merge_follows_the_survivor(world):
    keep, gone = world.patients[0], world.patients[1]
    task = add_task(world, gone)
    claim_task(world.db, task_id=task, nurse_id=world.nurses[0], now=NOW)
    merge_patients(world.db, keep_id=keep, merge_id=gone, actor_id=world.supervisor)
    assert task_of(world, task).patient_id == keep
    result, _ = record(world, task, "completed", answers={"recovery": "良好", "fever": False, "overall": 4})
    with world.db.session() as s:
        assert s.get(SurveyResponse, result.response_id).patient_id == keep


def test_a_duplicate_task_left_under_a_merged_record_is_flagged_and_never_called(world):
    keep, gone = world.patients[0], world.patients[1]
    add_task(world, keep)
    duplicate = add_task(world, gone)  # same rule, source and step: the merge cannot re-point it
    merge_patients(world.db, keep_id=keep, merge_id=gone, actor_id=world.supervisor)
    assert task_of(world, duplicate).patient_id == gone
    rows = worklist_rows(world.db, worklist_ids(world.db, WorklistFilter(), now=NOW), now=NOW)
    assert {r.task_id: r.merged for r in rows}[duplicate] is True
    first, _ = claim_next(world.db, nurse_id=world.nurses[0], now=NOW)
    assert first.patient_id == keep
    assert claim_next(world.db, nurse_id=world.nurses[1], now=NOW)[0] is None
    with pytest.raises(WorklistError) as caught:
        claim_task(world.db, task_id=duplicate, nurse_id=world.nurses[1], now=NOW)
    assert caught.value.code == "patient_merged"


def test_deceased_on_a_merged_survivor_closes_the_merged_records_tasks_too(world):
    keep, gone = world.patients[0], world.patients[1]
    task = add_task(world, keep)
    duplicate = add_task(world, gone)
    merge_patients(world.db, keep_id=keep, merge_id=gone, actor_id=world.supervisor)
    result, _ = record(world, task, "deceased")
    assert duplicate in result.cancelled_task_ids
