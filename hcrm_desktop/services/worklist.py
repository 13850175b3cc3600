"""Follow-up worklists (随访): the nurse's call list, claiming the next call, recording its outcome.

**The list** (`worklist_ids`, `worklist_rows`): active tasks (open, in progress, callback) by default,
callbacks that are due now first, then priority (1 highest), then due time (a callback's or retry's
`callback_at`, else `due_at`), then id. `first_page` reads the top rows at once (SQLite keeps the top N
instead of sorting everything: about 50 ms for 50,000 active tasks); `worklist_ids` then returns the whole
ordered id list, which the table model pages through with `worklist_rows` (an indexed read of one page).
The covering index `ix_followup_tasks_worklist` (state, priority, due_at, callback_at, deleted, assignee_id,
rule_id, department_id, id) holds every column the filters and the order read, so no table row is touched
until a page's rows are fetched (70,000 active tasks: 280 ms without it, 35-45 ms with it).
A task is **overdue** when its window (`window_end`, else `due_at`) has passed while it is still active.

**The next call** (`claim_next`): the nurse's own task in progress first (a crash or a closed window loses
nothing), else the first due task assigned to her or to nobody, whose rule's call window contains `now`,
whose patient is alive, consents to phone calls and was not merged away. Claiming sets `assignee_id` and
state `in_progress` on this workstation; once synced the central side decides (a task another nurse
claimed first comes back rejected with the reason code `already_claimed`).

**Outcomes** (`record_outcome`): each call appends a `CallAttempt` and updates the task in one transaction:
- completed (已完成): done; questionnaire answers become a `SurveyResponse` with score and red flag, and a
  red flag raises an escalation to the department's doctor (`services.escalations`);
- no answer / busy (未接通/占线): retried per the rule's policy (`spacing_hours` later, moved into the call
  window; `callback_at` holds the next try, state open); after `max_attempts` such failures: lost (失访);
- wrong number (号码错误) and refused (拒访): closed as lost, the outcome says why;
- callback (要求回电): at a time the patient chose, not in the past and inside the call window;
- deceased (患者已故): `Patient.deceased_on` is set (rule generation skips the patient from then on) and
  every active task of the patient, and of the records merged into them, is cancelled.

**Merged patients**: a merge re-points open tasks to the surviving record (`services.identity`), so a task
follows the survivor. A task the merge could not re-point (the survivor has the same rule, source and
step) stays under the merged record: the list flags it (`merged`), `claim_next` skips it and claiming it
by hand is refused (`patient_merged`), so nobody calls the same person twice for the same step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from hcrm_desktop.domain.enums import CallOutcome, TaskState
from hcrm_desktop.domain.followup_rules import CallWindow, RetryPolicy, RulesError, rule_from_definition
from hcrm_desktop.domain.phones import mask_phone
from hcrm_desktop.domain.questionnaire import AnswerError
from hcrm_desktop.domain.questionnaire import Questionnaire as QuestionnaireTemplate
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.escalations import flag_reason, questionnaire_of, raise_escalation_in
from hcrm_desktop.services.patients import related_ids_in, surviving_id_in
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import (
    CallAttempt,
    Department,
    FollowUpRule,
    FollowUpTask,
    Patient,
    PatientPhone,
    Questionnaire,
    StaffUser,
    SurveyResponse,
)

ACTIVE_STATES: tuple[str, ...] = (TaskState.OPEN, TaskState.IN_PROGRESS, TaskState.CALLBACK)
RETRIED = frozenset({CallOutcome.NO_ANSWER, CallOutcome.BUSY})
NOTES_MAX = 2000
PAGE_SIZE = 100


class WorklistError(ValueError):
    """A claim or outcome that cannot be recorded: `code` says why, `field` which input (or "")."""

    def __init__(self, code: str, field: str = "") -> None:
        super().__init__(f"{field}={code}" if field else code)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class CallPolicy:
    """How a rule's tasks are called: its retry policy, call window and script (see `domain.followup_rules`)."""

    retry: RetryPolicy = field(default_factory=RetryPolicy)
    window: CallWindow = field(default_factory=CallWindow)
    script: str = ""

    def in_window(self, at: datetime) -> bool:
        return self.window.is_open(at)

    def next_try(self, now: datetime) -> datetime:
        """`spacing_hours` after `now`, moved to the next opening of the call window."""
        return self.window.next_open(now + timedelta(hours=self.retry.spacing_hours))


def policy_of(definition: dict[str, Any] | None) -> CallPolicy:
    """The call policy of a rule stored in `followup_rules`; the defaults for a definition the rules module
    cannot read (rules written by an older version)."""
    definition = definition or {}
    try:
        rule = rule_from_definition({k: v for k, v in definition.items() if k != "script"})
    except RulesError:
        return CallPolicy(script=str(definition.get("script") or ""))
    return CallPolicy(rule.retry, rule.call_window, str(definition.get("script") or ""))


# --- the list ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorklistFilter:
    """Which tasks a list shows. `assignee_id` a nurse's tasks; `unassigned` nobody's; neither: all."""

    assignee_id: str | None = None
    unassigned: bool = False
    rule_id: str | None = None
    department_id: str | None = None
    states: tuple[str, ...] = ACTIVE_STATES
    overdue_only: bool = False


@dataclass(frozen=True)
class WorklistRow:
    task_id: str
    patient_id: str
    patient_name: str
    customer_no: str
    masked_phone: str
    rule_code: str
    rule_name: str
    step: str
    department: str
    assignee_id: str | None
    assignee: str
    priority: int
    due_at: datetime
    window_end: datetime | None
    state: str
    attempts: int
    callback_at: datetime | None
    last_attempt_at: datetime | None
    outcome: str | None
    overdue: bool
    callback_due: bool  # a callback the patient asked for, due now
    merged: bool  # the patient record was merged into another one (see the module notes)
    reason: str


_T = FollowUpTask
_due_at = func.coalesce(_T.callback_at, _T.due_at)
_late_at = func.coalesce(_T.window_end, _T.due_at)


def _order(now: datetime) -> list[Any]:
    callback_due = case((and_(_T.state == TaskState.CALLBACK, _T.callback_at <= now), 0), else_=1)
    return [callback_due, _T.priority, _due_at, _T.id]


def _where(f: WorklistFilter, now: datetime) -> list[Any]:
    where: list[Any] = [~_T.deleted, _T.state.in_(list(f.states))]
    if f.assignee_id is not None:
        where.append(_T.assignee_id == f.assignee_id)
    elif f.unassigned:
        where.append(_T.assignee_id.is_(None))
    if f.rule_id:
        where.append(_T.rule_id == f.rule_id)
    if f.department_id:
        where.append(_T.department_id == f.department_id)
    if f.overdue_only:
        where += [_T.state.in_(ACTIVE_STATES), _late_at < now]
    return where


def worklist_ids(db: Database, f: WorklistFilter, *, now: datetime, limit: int | None = None) -> list[str]:
    """The task ids the filter selects, in worklist order (see the module notes); the first `limit` only
    is cheaper (SQLite keeps the top rows instead of sorting them all): the list's first page."""
    with db.session() as s:
        query = select(_T.id).where(*_where(f, now)).order_by(*_order(now)).limit(limit)
        return list(s.scalars(query))


def first_page(db: Database, f: WorklistFilter, *, now: datetime, limit: int = PAGE_SIZE) -> list[WorklistRow]:
    """The first rows of the list, before its whole id list is known."""
    return worklist_rows(db, worklist_ids(db, f, now=now, limit=limit), now=now)


def _primary_phone() -> Any:
    return (
        select(PatientPhone.number).where(PatientPhone.patient_id == _T.patient_id, ~PatientPhone.deleted)
        .order_by(PatientPhone.is_primary.desc(), PatientPhone.relation != "self").limit(1)
        .correlate(_T).scalar_subquery()
    )  # fmt: skip


def worklist_rows(db: Database, ids: Sequence[str], *, now: datetime) -> list[WorklistRow]:
    """The rows of `ids` (a page of `worklist_ids`), in the order given; vanished ids are skipped."""
    if not ids:
        return []
    nurse = aliased(StaffUser)
    query = (
        select(_T, Patient.name, Patient.customer_no, Patient.merged_into_id, FollowUpRule.code,
               FollowUpRule.name, Department.name, nurse.display_name, _primary_phone())
        .join(Patient, Patient.id == _T.patient_id)
        .join(FollowUpRule, FollowUpRule.id == _T.rule_id)
        .outerjoin(Department, Department.id == _T.department_id)
        .outerjoin(nurse, nurse.id == _T.assignee_id)
        .where(_T.id.in_(list(ids)))
    )  # fmt: skip
    with db.session() as s:
        found = {row[0].id: _row(row, now) for row in s.execute(query)}
    return [found[i] for i in ids if i in found]


def _row(row: Any, now: datetime) -> WorklistRow:
    t, name, customer_no, merged_into, rule_code, rule_name, dept, assignee, phone = row
    return WorklistRow(
        task_id=t.id, patient_id=t.patient_id, patient_name=name, customer_no=customer_no,
        masked_phone=mask_phone(phone) if phone else "", rule_code=rule_code, rule_name=rule_name, step=t.step,
        department=dept or "", assignee_id=t.assignee_id, assignee=assignee or "", priority=t.priority,
        due_at=t.due_at, window_end=t.window_end, state=t.state, attempts=t.attempts, callback_at=t.callback_at,
        last_attempt_at=t.last_attempt_at, outcome=t.outcome,
        overdue=t.state in ACTIVE_STATES and (t.window_end or t.due_at) < now,
        callback_due=t.state == TaskState.CALLBACK and t.callback_at is not None and t.callback_at <= now,
        merged=merged_into is not None, reason=t.reason or "",
    )  # fmt: skip


@dataclass(frozen=True)
class WorklistSummary:
    due_now: int  # active, due (or its callback/retry due) by now
    callbacks_due: int
    overdue: int
    done_today: int


def worklist_summary(db: Database, f: WorklistFilter, *, now: datetime) -> WorklistSummary:
    """Counts for the cards above the list, over the filter's nurse, rule and department."""
    scope = WorklistFilter(assignee_id=f.assignee_id, unassigned=f.unassigned, rule_id=f.rule_id,
                           department_id=f.department_id)
    active = _T.state.in_(ACTIVE_STATES)
    start = datetime.combine(now.date(), time())
    query = select(
        func.sum(case((and_(active, _due_at <= now), 1), else_=0)),
        func.sum(case((and_(_T.state == TaskState.CALLBACK, _T.callback_at <= now), 1), else_=0)),
        func.sum(case((and_(active, _late_at < now), 1), else_=0)),
        func.sum(case((and_(_T.state == TaskState.DONE, _T.completed_at >= start), 1), else_=0)),
    ).where(*_where(WorklistFilter(**{**scope.__dict__, "states": (*ACTIVE_STATES, TaskState.DONE)}), now))
    with db.session() as s:
        row = s.execute(query).one()
    return WorklistSummary(*(int(v or 0) for v in row))


@dataclass(frozen=True)
class WorklistOptions:
    """What the list's filters offer: (id, name) of the active rules and of the departments."""

    rules: tuple[tuple[str, str], ...]
    departments: tuple[tuple[str, str], ...]


def worklist_options(db: Database) -> WorklistOptions:
    with db.session() as s:
        rules = s.execute(select(FollowUpRule.id, FollowUpRule.name).where(FollowUpRule.active, ~FollowUpRule.deleted)
                          .order_by(FollowUpRule.code)).all()  # fmt: skip
        depts = s.execute(select(Department.id, Department.name).where(~Department.deleted)
                          .order_by(Department.code)).all()  # fmt: skip
    return WorklistOptions(tuple((i, n) for i, n in rules), tuple((i, n) for i, n in depts))


# --- claiming ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A task claimed for a call, with what the call needs besides the patient's profile."""

    task_id: str
    patient_id: str
    rule_code: str
    rule_name: str
    step: str
    attempts: int
    due_at: datetime
    callback_at: datetime | None
    script: str
    policy: CallPolicy
    questionnaire_id: str | None
    questionnaire: QuestionnaireTemplate | None  # None: no questionnaire, or one this version cannot read
    phone: str  # the number to dial (the patient's own first)
    resumed: bool  # the nurse's task already in progress
    reason: str = ""  # why the rule chose this patient


def _rules(s: Session) -> dict[str, tuple[str, str, CallPolicy]]:
    rows = s.execute(select(FollowUpRule.id, FollowUpRule.code, FollowUpRule.name, FollowUpRule.definition))
    return {rid: (code, name, policy_of(definition)) for rid, code, name, definition in rows}


def _claim_of(s: Session, task: FollowUpTask, rules: dict[str, tuple[str, str, CallPolicy]], resumed: bool) -> Claim:
    code, name, policy = rules[task.rule_id]
    q = s.get(Questionnaire, task.questionnaire_id) if task.questionnaire_id else None
    phone = s.scalar(
        select(PatientPhone.number).where(PatientPhone.patient_id == task.patient_id, ~PatientPhone.deleted)
        .order_by(PatientPhone.relation != "self", PatientPhone.is_primary.desc()).limit(1)
    )  # fmt: skip
    return Claim(
        task_id=task.id, patient_id=task.patient_id, rule_code=code, rule_name=name, step=task.step,
        attempts=task.attempts, due_at=task.due_at, callback_at=task.callback_at, script=policy.script,
        policy=policy, questionnaire_id=q.id if q else None,
        questionnaire=questionnaire_of(q.code, q.name, q.definition) if q else None, phone=phone or "",
        resumed=resumed, reason=task.reason or "",
    )  # fmt: skip


def _callable_now(rules: dict[str, tuple[str, str, CallPolicy]], now: datetime) -> list[str]:
    return [rid for rid, (_c, _n, policy) in rules.items() if policy.in_window(now)]


def claim_next(db: Database, *, nurse_id: str, now: datetime) -> tuple[Claim | None, Changes]:
    """Claim the next call for `nurse_id` (see the module notes); None when nothing is due now."""
    with db.write() as s:
        rules = _rules(s)
        mine = s.scalar(
            select(_T).where(~_T.deleted, _T.assignee_id == nurse_id, _T.state == TaskState.IN_PROGRESS)
            .order_by(*_order(now)).limit(1)
        )  # fmt: skip
        if mine is not None:
            return _claim_of(s, mine, rules, True), Changes()
        query = (
            select(_T).join(Patient, Patient.id == _T.patient_id)
            .where(~_T.deleted, _T.state.in_([TaskState.OPEN, TaskState.CALLBACK]), _due_at <= now,
                   or_(_T.assignee_id == nurse_id, _T.assignee_id.is_(None)),
                   _T.rule_id.in_(_callable_now(rules, now)), Patient.deceased_on.is_(None),
                   Patient.consent_phone, Patient.merged_into_id.is_(None), ~Patient.deleted)
            .order_by(*_order(now)).limit(1)
        )  # fmt: skip
        task = s.scalar(query)
        if task is None:
            return None, Changes()
        task.assignee_id, task.state = nurse_id, TaskState.IN_PROGRESS
        claim = _claim_of(s, task, rules, False)
    return claim, Changes.of("followup_tasks", task.id, patient_id=task.patient_id)


def claim_task(db: Database, *, task_id: str, nurse_id: str, now: datetime) -> tuple[Claim, Changes]:
    """Claim one chosen task. Raise `WorklistError`: task_not_found, task_closed, already_claimed,
    patient_merged, patient_deceased."""
    with db.write() as s:
        task = s.get(FollowUpTask, task_id)
        if task is None or task.deleted:
            raise WorklistError("task_not_found")
        _check_claimable(s, task, nurse_id)
        resumed = task.state == TaskState.IN_PROGRESS
        task.assignee_id, task.state = nurse_id, TaskState.IN_PROGRESS
        claim = _claim_of(s, task, _rules(s), resumed)
    return claim, Changes.of("followup_tasks", task_id, patient_id=claim.patient_id)


def _check_claimable(s: Session, task: FollowUpTask, nurse_id: str) -> None:
    if task.state not in ACTIVE_STATES:
        raise WorklistError("task_closed")
    if task.assignee_id not in (None, nurse_id):
        raise WorklistError("already_claimed")
    patient = s.get(Patient, task.patient_id)
    if patient is not None and patient.merged_into_id is not None:
        raise WorklistError("patient_merged")
    if patient is not None and patient.deceased_on is not None:
        raise WorklistError("patient_deceased")


def release_task(db: Database, *, task_id: str, nurse_id: str) -> Changes:
    """Put a claimed task back (the nurse skipped it): open again, still hers."""
    with db.write() as s:
        task = s.get(FollowUpTask, task_id)
        if task is None or task.state != TaskState.IN_PROGRESS or task.assignee_id != nurse_id:
            return Changes()
        asked = task.callback_at is not None and task.outcome is None  # a retry keeps its failed outcome
        task.state = TaskState.CALLBACK if asked else TaskState.OPEN
    return Changes.of("followup_tasks", task_id)


# --- outcomes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeResult:
    task_id: str
    attempt_id: str
    state: str
    attempts: int
    next_try_at: datetime | None  # a retry's or callback's time
    response_id: str | None = None
    score: float | None = None
    red_flag: bool = False
    escalation_id: str | None = None
    cancelled_task_ids: tuple[str, ...] = ()  # the patient died: their other tasks


@dataclass(frozen=True)
class Survey:
    response_id: str | None = None
    score: float | None = None
    red_flag: bool = False
    escalation_id: str | None = None


def record_outcome(
    db: Database, *, task_id: str, agent_id: str, outcome: str, notes: str | None = None,
    duration_seconds: int | None = None, callback_at: datetime | None = None,
    answers: dict[str, Any] | None = None, now: datetime,
) -> tuple[OutcomeResult, Changes]:  # fmt: skip
    """Record one call of a task (see the module notes). Raise `WorklistError` with a field for input the
    nurse must correct: outcome, notes, callback_at (callback_required, callback_past,
    callback_outside_window), answers.<question id>; or without one for task_not_found, task_closed,
    already_claimed."""
    try:
        kind = CallOutcome(outcome)
    except ValueError:
        raise WorklistError("invalid", "outcome") from None
    if len(notes or "") > NOTES_MAX:
        raise WorklistError("too_long", "notes")
    with db.write() as s:
        task = _task_for_outcome(s, task_id, agent_id)
        policy = _rules(s)[task.rule_id][2]
        if kind is CallOutcome.CALLBACK:
            _check_callback(callback_at, policy, now)
        attempt = CallAttempt(task_id=task.id, agent_id=agent_id, at=now, outcome=kind.value,
                              duration_seconds=duration_seconds, notes=(notes or "").strip() or None)
        s.add(attempt)
        task.assignee_id = task.assignee_id or agent_id
        task.attempts, task.last_attempt_at = (task.attempts or 0) + 1, now
        survey, cancelled = Survey(), tuple[str, ...]()
        if kind is CallOutcome.COMPLETED:
            survey = _complete(s, task, answers, agent_id, now)
        elif kind in RETRIED:
            _retry(s, task, kind, policy, now)
        elif kind is CallOutcome.CALLBACK:
            task.state, task.callback_at, task.outcome = TaskState.CALLBACK, callback_at, None
        elif kind is CallOutcome.DECEASED:
            cancelled = _deceased(s, task, now)
        else:  # wrong number, refused: nothing more to try
            _close(task, TaskState.LOST, kind, now)
        result = OutcomeResult(
            task_id=task.id, attempt_id=attempt.id, state=task.state, attempts=task.attempts,
            next_try_at=task.callback_at if task.state in ACTIVE_STATES else None, response_id=survey.response_id,
            score=survey.score, red_flag=survey.red_flag, escalation_id=survey.escalation_id,
            cancelled_task_ids=cancelled,
        )  # fmt: skip
        patient_id = task.patient_id
    return result, _outcome_changes(result, patient_id, kind)


def _task_for_outcome(s: Session, task_id: str, agent_id: str) -> FollowUpTask:
    task = s.get(FollowUpTask, task_id)
    if task is None or task.deleted:
        raise WorklistError("task_not_found")
    if task.state not in ACTIVE_STATES:
        raise WorklistError("task_closed")
    if task.assignee_id not in (None, agent_id):
        raise WorklistError("already_claimed")
    return task


def _check_callback(callback_at: datetime | None, policy: CallPolicy, now: datetime) -> None:
    if callback_at is None:
        raise WorklistError("callback_required", "callback_at")
    if callback_at < now:
        raise WorklistError("callback_past", "callback_at")
    if not policy.in_window(callback_at):
        raise WorklistError("callback_outside_window", "callback_at")


def _close(task: FollowUpTask, state: TaskState, kind: CallOutcome, now: datetime) -> None:
    task.state, task.outcome, task.completed_at, task.callback_at = state, kind.value, now, None


def _retry(s: Session, task: FollowUpTask, kind: CallOutcome, policy: CallPolicy, now: datetime) -> None:
    s.flush()  # the attempt being recorded counts too
    failures = s.scalar(
        select(func.count()).select_from(CallAttempt)
        .where(CallAttempt.task_id == task.id, CallAttempt.outcome.in_([o.value for o in RETRIED]))
    ) or 0  # fmt: skip
    if failures >= policy.retry.max_attempts:
        _close(task, TaskState.LOST, kind, now)
    else:
        task.state, task.outcome, task.callback_at = TaskState.OPEN, kind.value, policy.next_try(now)


def _complete(s: Session, task: FollowUpTask, answers: dict[str, Any] | None, agent_id: str,
              now: datetime) -> Survey:
    _close(task, TaskState.DONE, CallOutcome.COMPLETED, now)
    row = s.get(Questionnaire, task.questionnaire_id) if task.questionnaire_id else None
    if not answers or row is None:
        return Survey()
    template = questionnaire_of(row.code, row.name, row.definition)
    if template is None:
        raise WorklistError("questionnaire_invalid", "answers")
    try:
        clean = template.validate_answers(answers)
    except AnswerError as exc:
        raise WorklistError(exc.code, f"answers.{exc.question_id}") from None
    flags = template.red_flags(clean)
    patient_id = surviving_id_in(s, task.patient_id)
    response = SurveyResponse(questionnaire_id=row.id, patient_id=patient_id, task_id=task.id, answers=clean,
                              score=template.score(clean), red_flag=bool(flags), submitted_at=now)
    s.add(response)
    escalation_id = None
    if flags:
        escalation = raise_escalation_in(
            s, patient_id=patient_id, task_id=task.id, response_id=response.id, department_id=task.department_id,
            raised_by_id=agent_id, answers=clean, reasons=[flag_reason(f.text, f.answer) for f in flags], now=now,
        )  # fmt: skip
        escalation_id = escalation.id
    return Survey(response.id, response.score, bool(flags), escalation_id)


def _deceased(s: Session, task: FollowUpTask, now: datetime) -> tuple[str, ...]:
    survivor = surviving_id_in(s, task.patient_id)
    ids = related_ids_in(s, survivor) or [survivor]
    for patient in s.scalars(select(Patient).where(Patient.id.in_(ids), Patient.deceased_on.is_(None))):
        patient.deceased_on = now.date()
    _close(task, TaskState.CANCELLED, CallOutcome.DECEASED, now)
    others = s.scalars(select(_T).where(_T.patient_id.in_(ids), _T.state.in_(ACTIVE_STATES), _T.id != task.id))
    cancelled = []
    for other in others:
        _close(other, TaskState.CANCELLED, CallOutcome.DECEASED, now)
        cancelled.append(other.id)
    return tuple(sorted(cancelled))


def _outcome_changes(result: OutcomeResult, patient_id: str, kind: CallOutcome) -> Changes:
    entities = {"followup_tasks", "call_attempts"}
    ids = {result.task_id, result.attempt_id, *result.cancelled_task_ids}
    if result.response_id:
        entities.add("survey_responses")
        ids.add(result.response_id)
    if result.escalation_id:
        entities.add("escalations")
        ids.add(result.escalation_id)
    if kind is CallOutcome.DECEASED:
        entities.add("patients")
    return Changes(frozenset(entities), frozenset(ids), frozenset({patient_id}))

