"""The complaint case state machine: every action from every state, per role, with its required inputs."""

from __future__ import annotations

import pytest

from hcrm_desktop.domain.complaints import (
    TRANSITIONS,
    Action,
    ComplaintError,
    ErrorCode,
    TransitionInput,
    allowed_actions,
    check_assign,
    check_reply,
    plan_transition,
)
from hcrm_desktop.domain.enums import ComplaintState, Role

ME, OTHER = "me", "other"
INPUTS = {
    Action.RESOLVE: TransitionInput(note="已向患者致歉并退费"),
    Action.CLOSE: TransitionInput(satisfaction=4),
    Action.REOPEN: TransitionInput(note="患者不满意处理结果"),
}
EXPECTED = {  # the only legal (state, action) pairs and where they lead
    ("new", "acknowledge"): "acknowledged", ("acknowledged", "start"): "in_progress",
    ("in_progress", "resolve"): "resolved", ("resolved", "close"): "closed",
    ("resolved", "reopen"): "in_progress", ("closed", "reopen"): "in_progress",
}  # fmt: skip


@pytest.mark.parametrize("state", list(ComplaintState))
@pytest.mark.parametrize("action", list(Action))
def test_every_state_and_action_for_a_supervisor(state: ComplaintState, action: Action) -> None:
    given = INPUTS.get(action, TransitionInput())
    target = EXPECTED.get((state.value, action.value))
    if target is None:
        with pytest.raises(ComplaintError) as error:
            plan_transition(state, action, Role.SUPERVISOR, actor_id=ME, handler_id=OTHER, given=given)
        assert error.value.code == ErrorCode.INVALID_TRANSITION == "invalid_transition"
    else:
        t = plan_transition(state, action, Role.SUPERVISOR, actor_id=ME, handler_id=OTHER, given=given)
        assert (t.from_state, t.to_state) == (state, target)


@pytest.mark.parametrize(("state", "action"), list(EXPECTED))
@pytest.mark.parametrize("role", [Role.NURSE, Role.DOCTOR])
def test_nurses_and_doctors_do_not_work_cases(state: str, action: str, role: Role) -> None:
    with pytest.raises(ComplaintError) as error:
        plan_transition(state, action, role, actor_id=ME, handler_id=None, given=INPUTS.get(Action(action),
                                                                                            TransitionInput()))
    assert error.value.code == ErrorCode.ROLE_NOT_ALLOWED


@pytest.mark.parametrize(("state", "action"), list(EXPECTED))
def test_an_agent_works_own_and_unassigned_cases_but_not_someone_elses(state: str, action: str) -> None:
    given = INPUTS.get(Action(action), TransitionInput())
    if (state, action) == ("closed", "reopen"):
        with pytest.raises(ComplaintError) as error:
            plan_transition(state, action, Role.AGENT, actor_id=ME, handler_id=ME, given=given)
        assert error.value.code == ErrorCode.ROLE_NOT_ALLOWED  # reopening a closed case: supervisors
        return
    for handler in (ME, None):
        assert plan_transition(state, action, Role.AGENT, actor_id=ME, handler_id=handler, given=given)
    with pytest.raises(ComplaintError) as error:
        plan_transition(state, action, Role.AGENT, actor_id=ME, handler_id=OTHER, given=given)
    assert error.value.code == ErrorCode.NOT_HANDLER


def test_resolve_needs_a_resolution_text() -> None:
    for note in (None, "", "   "):
        with pytest.raises(ComplaintError) as error:
            plan_transition("in_progress", "resolve", "agent", actor_id=ME, handler_id=ME,
                            given=TransitionInput(note=note))
        assert (error.value.code, error.value.field) == (ErrorCode.RESOLUTION_REQUIRED, "resolution")
    with pytest.raises(ComplaintError) as error:
        plan_transition("in_progress", "resolve", "agent", actor_id=ME, handler_id=ME,
                        given=TransitionInput(note="x" * 4001))
    assert error.value.code == ErrorCode.TOO_LONG


@pytest.mark.parametrize(("given", "code"), [
    (TransitionInput(), ErrorCode.SATISFACTION_REQUIRED),
    (TransitionInput(satisfaction=0), ErrorCode.SATISFACTION_INVALID),
    (TransitionInput(satisfaction=6), ErrorCode.SATISFACTION_INVALID),
    (TransitionInput(satisfaction=3, unreachable=True), ErrorCode.SATISFACTION_INVALID),
])  # fmt: skip
def test_close_needs_a_satisfaction_or_unreachable(given: TransitionInput, code: ErrorCode) -> None:
    with pytest.raises(ComplaintError) as error:
        plan_transition("resolved", "close", "agent", actor_id=ME, handler_id=ME, given=given)
    assert (error.value.code, error.value.field) == (code, "satisfaction")


def test_close_with_satisfaction_or_unreachable() -> None:
    t = plan_transition("resolved", "close", "agent", actor_id=ME, handler_id=ME, given=TransitionInput(satisfaction=5))
    assert t.satisfaction == 5
    t = plan_transition("resolved", "close", "agent", actor_id=ME, handler_id=ME,
                        given=TransitionInput(unreachable=True, note="三次未接通"))
    assert (t.satisfaction, t.note) == (None, "三次未接通")


def test_reopen_needs_a_reason() -> None:
    with pytest.raises(ComplaintError) as error:
        plan_transition("closed", "reopen", "supervisor", actor_id=ME, handler_id=ME, given=TransitionInput())
    assert error.value.code == ErrorCode.REASON_REQUIRED


def test_unknown_states_and_actions_are_invalid_transitions() -> None:
    for state, action in (("lost", "start"), ("new", "approve")):
        with pytest.raises(ComplaintError) as error:
            plan_transition(state, action, "admin", actor_id=ME, handler_id=None)
        assert error.value.code == ErrorCode.INVALID_TRANSITION


def test_allowed_actions_are_the_buttons_a_user_sees() -> None:
    assert allowed_actions("new", "agent", actor_id=ME, handler_id=None) == (Action.ACKNOWLEDGE,)
    assert allowed_actions("new", "agent", actor_id=ME, handler_id=OTHER) == ()
    assert allowed_actions("closed", "agent", actor_id=ME, handler_id=ME) == ()
    assert allowed_actions("closed", "supervisor", actor_id=ME, handler_id=OTHER) == (Action.REOPEN,)
    assert allowed_actions("resolved", "agent", actor_id=ME, handler_id=ME) == (Action.CLOSE, Action.REOPEN)
    assert allowed_actions("in_progress", "nurse", actor_id=ME, handler_id=None) == ()
    assert set(TRANSITIONS) == set(Action)


def test_assignment_rules() -> None:
    check_assign("supervisor", "in_progress", actor_id=ME, handler_id=OTHER, new_handler_id="third")
    check_assign("agent", "new", actor_id=ME, handler_id=None, new_handler_id=ME)  # taking a case
    for state, handler, new in (("new", None, OTHER), ("new", OTHER, ME), ("new", ME, OTHER)):
        with pytest.raises(ComplaintError) as error:
            check_assign("agent", state, actor_id=ME, handler_id=handler, new_handler_id=new)
        assert error.value.code == ErrorCode.ROLE_NOT_ALLOWED
    with pytest.raises(ComplaintError) as error:
        check_assign("admin", "closed", actor_id=ME, handler_id=None, new_handler_id=ME)
    assert error.value.code == ErrorCode.CASE_CLOSED


def test_reply_rules() -> None:
    assert check_reply("nurse", "in_progress", "  已电话回复患者 ") == "已电话回复患者"
    cases = [("agent", "in_progress", " ", ErrorCode.NOTE_REQUIRED), ("doctor", "new", "x", ErrorCode.ROLE_NOT_ALLOWED),
             ("agent", "closed", "x", ErrorCode.CASE_CLOSED), ("agent", "new", "x" * 4001, ErrorCode.TOO_LONG)]
    for role, state, note, code in cases:
        with pytest.raises(ComplaintError) as error:
            check_reply(role, state, note)
        assert error.value.code == code
