"""The complaint case state machine (投诉工单): states, actions, who may do what, and what each needs.

```
new --acknowledge--> acknowledged --start--> in_progress --resolve--> resolved --close--> closed
                                                  ^                       |                  |
                                                  +-------- reopen -------+------------------+
```
- **acknowledge** (受理), **start** (开始处理), **resolve** (解决: needs the resolution text), **close** (关闭:
  needs the patient's satisfaction 1-5 with the resolution, or "unreachable" when the patient could not be
  reached), **reopen** (重新打开: needs a reason; counts in `reopened_count`).
- Roles: agents, supervisors and admins work cases; nurses and doctors do not (they may reply). An agent
  acts only on a case that is unassigned or assigned to them; reopening a *closed* case is for
  supervisors and admins. Assigning a case to someone else is for supervisors and admins; an agent may
  take an unassigned case.
- Errors are `ComplaintError` with a code (and the form field it belongs to, if any). The central side
  refuses the same transitions with the reason `invalid_transition`.

Pure Python: the service applies the result to the row and records the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hcrm_desktop.domain.enums import ComplaintState, Role

State = ComplaintState
RESOLUTION_MAX = 4000
NOTE_MAX = 4000
SATISFACTION_RANGE = range(1, 6)
OPEN_STATES = frozenset({State.NEW, State.ACKNOWLEDGED, State.IN_PROGRESS})
WORKERS = frozenset({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
MANAGERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
REPLIERS = frozenset({Role.AGENT, Role.NURSE, Role.SUPERVISOR, Role.ADMIN})


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    START = "start"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"


class ErrorCode(StrEnum):
    INVALID_TRANSITION = "invalid_transition"  # the action is not possible from the case's state
    ROLE_NOT_ALLOWED = "role_not_allowed"  # the user's role may not do this
    NOT_HANDLER = "not_handler"  # the case is assigned to somebody else
    RESOLUTION_REQUIRED = "resolution_required"
    SATISFACTION_REQUIRED = "satisfaction_required"  # neither a score nor "unreachable"
    SATISFACTION_INVALID = "satisfaction_invalid"  # not 1..5, or both a score and "unreachable"
    REASON_REQUIRED = "reason_required"  # reopen without a reason
    NOTE_REQUIRED = "note_required"  # an empty reply
    TOO_LONG = "too_long"
    CASE_CLOSED = "case_closed"  # replying to or assigning a closed case
    NOT_FOUND = "not_found"
    STALE = "stale"  # the case changed since the user loaded it
    HANDLER_INVALID = "handler_invalid"  # assigning to an unknown or inactive user


class ComplaintError(Exception):
    """A rule refused the request; `field` names the form field the message belongs next to, if any."""

    def __init__(self, code: ErrorCode, field: str | None = None) -> None:
        super().__init__(f"{code}" + (f" ({field})" if field else ""))
        self.code = code
        self.field = field


TRANSITIONS: dict[Action, tuple[frozenset[State], State]] = {
    Action.ACKNOWLEDGE: (frozenset({State.NEW}), State.ACKNOWLEDGED),
    Action.START: (frozenset({State.ACKNOWLEDGED}), State.IN_PROGRESS),
    Action.RESOLVE: (frozenset({State.IN_PROGRESS}), State.RESOLVED),
    Action.CLOSE: (frozenset({State.RESOLVED}), State.CLOSED),
    Action.REOPEN: (frozenset({State.RESOLVED, State.CLOSED}), State.IN_PROGRESS),
}


@dataclass(frozen=True)
class TransitionInput:
    """What the user typed with the action."""

    note: str | None = None  # the resolution for resolve, the reason for reopen, a remark otherwise
    satisfaction: int | None = None
    unreachable: bool = False


@dataclass(frozen=True)
class Transition:
    action: Action
    from_state: State
    to_state: State
    note: str | None
    satisfaction: int | None  # set by close; None when the patient was unreachable


def role_may(action: Action, role: str, state: str) -> bool:
    """Whether `role` may take `action` at all (handler rules aside)."""
    if action is Action.REOPEN and state == State.CLOSED:
        return role in MANAGERS
    return role in WORKERS


def handler_ok(role: str, actor_id: str, handler_id: str | None) -> bool:
    """Agents work unassigned cases and their own; managers work any."""
    return role in MANAGERS or handler_id is None or handler_id == actor_id


def allowed_actions(state: str, role: str, *, actor_id: str, handler_id: str | None) -> tuple[Action, ...]:
    """The actions the user may take on a case now, in workflow order (the buttons to show)."""
    if not handler_ok(role, actor_id, handler_id):
        return ()
    return tuple(a for a, (sources, _to) in TRANSITIONS.items() if state in sources and role_may(a, role, state))


def _clean(text: str | None) -> str:
    return (text or "").strip()


def _check_inputs(action: Action, given: TransitionInput) -> None:
    note = _clean(given.note)
    if len(note) > max(RESOLUTION_MAX, NOTE_MAX):
        raise ComplaintError(ErrorCode.TOO_LONG, "resolution" if action is Action.RESOLVE else "note")
    if action is Action.RESOLVE and not note:
        raise ComplaintError(ErrorCode.RESOLUTION_REQUIRED, "resolution")
    if action is Action.REOPEN and not note:
        raise ComplaintError(ErrorCode.REASON_REQUIRED, "note")
    if action is Action.CLOSE:
        if given.satisfaction is None and not given.unreachable:
            raise ComplaintError(ErrorCode.SATISFACTION_REQUIRED, "satisfaction")
        if given.satisfaction is not None and (given.unreachable or given.satisfaction not in SATISFACTION_RANGE):
            raise ComplaintError(ErrorCode.SATISFACTION_INVALID, "satisfaction")


def plan_transition(state: str, action: Action | str, role: str, *, actor_id: str, handler_id: str | None,
                    given: TransitionInput = TransitionInput()) -> Transition:
    """Check that `role` may take `action` on a case in `state` with these inputs; return what changes.

    Raise `ComplaintError`: invalid_transition, role_not_allowed, not_handler, or a missing/invalid input.
    """
    try:
        action = Action(action)
        current = State(state)
    except ValueError:
        raise ComplaintError(ErrorCode.INVALID_TRANSITION) from None
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise ComplaintError(ErrorCode.INVALID_TRANSITION)
    if not role_may(action, role, current):
        raise ComplaintError(ErrorCode.ROLE_NOT_ALLOWED)
    if not handler_ok(role, actor_id, handler_id):
        raise ComplaintError(ErrorCode.NOT_HANDLER)
    _check_inputs(action, given)
    satisfaction = given.satisfaction if action is Action.CLOSE and not given.unreachable else None
    return Transition(action, current, target, _clean(given.note) or None, satisfaction)


def check_assign(role: str, state: str, *, actor_id: str, handler_id: str | None, new_handler_id: str | None) -> None:
    """Supervisors and admins assign anyone; an agent may only take an unassigned case for themselves."""
    if state == State.CLOSED:
        raise ComplaintError(ErrorCode.CASE_CLOSED)
    if role in MANAGERS:
        return
    if role == Role.AGENT and handler_id is None and new_handler_id == actor_id:
        return
    raise ComplaintError(ErrorCode.ROLE_NOT_ALLOWED)


def check_reply(role: str, state: str, note: str | None) -> str:
    """A reply (a call-back, a message to the patient, a note from the department): the cleaned text."""
    if role not in REPLIERS:
        raise ComplaintError(ErrorCode.ROLE_NOT_ALLOWED)
    if state == State.CLOSED:
        raise ComplaintError(ErrorCode.CASE_CLOSED)
    text = _clean(note)
    if not text:
        raise ComplaintError(ErrorCode.NOTE_REQUIRED, "note")
    if len(text) > NOTE_MAX:
        raise ComplaintError(ErrorCode.TOO_LONG, "note")
    return text
