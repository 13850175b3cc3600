"""Quality review (质检): a supervisor scores a recorded interaction against a checklist; the agent sees it.

The checklist is `resources/qa/checklist.json`: items with a code, a Chinese and an English name and the
most points they give; the maxima add up to 100, so a review's `total` is a score out of 100.
`review_interaction()` is for supervisors and administrators only; each score must be a number from 0 to
its item's maximum, and every item must be scored. An agent reads their own reviews
(`reviews_for_agent`) and marks them seen (`mark_seen`).

Score errors raise `services.patients.ValidationError` (field `score:<code>` or `comment` -> code);
permission and lookup failures raise `QaError` with a code. `reviewed_at` and `seen_by_agent_at` are
business times: naive local time.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.patients import ValidationError, text_error
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Interaction, Patient, QaReview, StaffUser

REVIEWER_ROLES = (Role.SUPERVISOR, Role.ADMIN)
COMMENT_MAX = 2000
TOTAL_POINTS = 100
RECENT_DAYS = 90


class QaConfigError(ValueError):
    """The checklist file cannot be used; the message names the file and the entry."""


class QaError(Exception):
    """`code`: forbidden (role may not review / not your review), unknown_interaction, no_agent,
    unknown_review, unknown_reviewer."""

    def __init__(self, code: str, field: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    name: str  # Chinese
    name_en: str
    max_points: int


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]

    @property
    def total(self) -> int:
        return sum(i.max_points for i in self.items)

    def item(self, code: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.code == code), None)


@dataclass(frozen=True)
class QaReviewRow:
    id: str
    interaction_id: str
    agent_id: str | None
    reviewer_id: str | None
    reviewer_name: str | None
    reviewed_at: datetime  # local time, like other business times
    scores: dict[str, float]
    total: float
    comment: str | None
    seen_by_agent_at: datetime | None
    interaction_started_at: datetime | None
    interaction_type: str | None
    interaction_channel: str | None
    interaction_summary: str | None
    patient_name: str | None


@dataclass(frozen=True)
class ReviewResult:
    review: QaReviewRow
    changes: Changes


def parse_checklist(data: Any, where: str) -> Checklist:
    """Validate a checklist object ({"items": [{code, name, name_en, max}]}); maxima must add up to 100."""
    items_raw = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items_raw, list) or not items_raw:
        raise QaConfigError(f"{where}: expected an object with a non-empty list 'items'")
    items: list[ChecklistItem] = []
    for i, raw in enumerate(items_raw):
        at = f"{where}: items[{i}]"
        if not isinstance(raw, dict):
            raise QaConfigError(f"{at}: expected an object with code, name, name_en and max")
        code, name, name_en, points = raw.get("code"), raw.get("name"), raw.get("name_en"), raw.get("max")
        if not isinstance(code, str) or not code.isidentifier():
            raise QaConfigError(f"{at}: code must be a word like 'greeting'")
        if any(item.code == code for item in items):
            raise QaConfigError(f"{at}: code {code!r} appears twice")
        if not isinstance(name, str) or not name.strip() or not isinstance(name_en, str) or not name_en.strip():
            raise QaConfigError(f"{at}: name and name_en must be non-empty text")
        if not isinstance(points, int) or isinstance(points, bool) or points <= 0:
            raise QaConfigError(f"{at}: max must be a whole number above zero")
        items.append(ChecklistItem(code, name.strip(), name_en.strip(), points))
    checklist = Checklist(tuple(items))
    if checklist.total != TOTAL_POINTS:
        raise QaConfigError(f"{where}: the item maxima add up to {checklist.total}, not {TOTAL_POINTS}")
    return checklist


def load_checklist(path: Path) -> Checklist:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise QaConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise QaConfigError(f"{path}: not readable JSON ({exc})") from None
    return parse_checklist(data, str(path))


@functools.cache
def default_checklist() -> Checklist:
    """The checklist shipped in `resources/qa/checklist.json` (read once)."""
    from hcrm_desktop.paths import resource

    return load_checklist(resource("qa", "checklist.json"))


def validate_scores(checklist: Checklist, scores: Mapping[str, object]) -> dict[str, float]:
    """Every item scored with a number from 0 to its maximum; unknown items refused. Field errors are
    `score:<code>` -> required | not_a_number | out_of_range, or `scores` -> unknown_item."""
    errors: dict[str, str] = {}
    clean: dict[str, float] = {}
    for item in checklist.items:
        value = scores.get(item.code)
        if value is None or value == "":
            errors[f"score:{item.code}"] = "required"
            continue
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            errors[f"score:{item.code}"] = "not_a_number"
            continue
        if isinstance(value, bool) or not math.isfinite(number):
            errors[f"score:{item.code}"] = "not_a_number"
        elif not 0 <= number <= item.max_points:
            errors[f"score:{item.code}"] = "out_of_range"
        else:
            clean[item.code] = number
    if set(scores) - {i.code for i in checklist.items}:
        errors["scores"] = "unknown_item"
    if errors:
        raise ValidationError(errors)
    return clean


def _role_of(s: Session, staff_id: str) -> str | None:
    return s.scalar(select(StaffUser.role).where(StaffUser.id == staff_id, ~StaffUser.deleted))


def review_interaction(db: Database, *, reviewer_id: str, interaction_id: str, scores: Mapping[str, object],
                       comment: str | None = None, checklist: Checklist | None = None,
                       now: datetime | None = None) -> ReviewResult:
    """Store a supervisor's review of one interaction (its agent is the one reviewed)."""
    checklist = checklist or default_checklist()
    with db.write() as s:
        role = _role_of(s, reviewer_id)
        if role is None:
            raise QaError("unknown_reviewer", "reviewer")
        if role not in {r.value for r in REVIEWER_ROLES}:
            raise QaError("forbidden", "reviewer")
        clean = validate_scores(checklist, scores)
        comment_error = text_error(comment, limit=COMMENT_MAX, multiline=True)
        if comment_error:
            raise ValidationError({"comment": comment_error})
        interaction = s.get(Interaction, interaction_id)
        if interaction is None or interaction.deleted:
            raise QaError("unknown_interaction", "interaction")
        if interaction.agent_id is None:
            raise QaError("no_agent", "interaction")
        review = QaReview(interaction_id=interaction_id, agent_id=interaction.agent_id, reviewer_id=reviewer_id,
                          reviewed_at=now or datetime.now(), scores=clean, total=round(sum(clean.values()), 2),
                          comment=(comment or "").strip() or None)
        s.add(review)
        s.flush()
        row = _rows(s, QaReview.id == review.id)[0]
    return ReviewResult(row, Changes.of("qa_reviews", review.id))


def _rows(s: Session, *where: Any, limit: int | None = None) -> list[QaReviewRow]:
    stmt = (
        select(QaReview, StaffUser.display_name, Interaction.started_at, Interaction.type, Interaction.channel,
               Interaction.summary, Patient.name)
        .outerjoin(StaffUser, StaffUser.id == QaReview.reviewer_id)
        .outerjoin(Interaction, Interaction.id == QaReview.interaction_id)
        .outerjoin(Patient, Patient.id == Interaction.patient_id)
        .where(~QaReview.deleted, *where)
        .order_by(QaReview.reviewed_at.desc(), QaReview.id)
        .limit(limit)
    )
    return [
        QaReviewRow(q.id, q.interaction_id, q.agent_id, q.reviewer_id, reviewer, q.reviewed_at,
                    {k: float(v) for k, v in (q.scores or {}).items()}, float(q.total), q.comment,
                    q.seen_by_agent_at, started, itype, channel, summary, patient)
        for q, reviewer, started, itype, channel, summary, patient in s.execute(stmt).all()
    ]


def reviews_for_agent(db: Database, agent_id: str, *, limit: int = 200) -> list[QaReviewRow]:
    """The agent's reviews, newest first."""
    with db.session() as s:
        return _rows(s, QaReview.agent_id == agent_id, limit=limit)


def unseen_count(db: Database, agent_id: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(QaReview).where(
            QaReview.agent_id == agent_id, QaReview.seen_by_agent_at.is_(None), ~QaReview.deleted)) or 0)


def mark_seen(db: Database, *, review_id: str, agent_id: str, now: datetime | None = None) -> Changes:
    """The agent has read the review (only the reviewed agent may mark it); seen once, kept."""
    with db.write() as s:
        review = s.get(QaReview, review_id)
        if review is None or review.deleted:
            raise QaError("unknown_review")
        if review.agent_id != agent_id:
            raise QaError("forbidden")
        if review.seen_by_agent_at is None:
            review.seen_by_agent_at = now or datetime.now()
            return Changes.of("qa_reviews", review_id)
    return Changes()


@dataclass(frozen=True)
class ReviewableInteraction:
    id: str
    started_at: datetime
    type: str
    channel: str
    category: str | None
    summary: str | None
    handle_seconds: int | None
    patient_name: str | None
    reviewed: bool


def reviewable_interactions(db: Database, *, agent_id: str, limit: int = 50, days: int = RECENT_DAYS,
                            now: datetime | None = None) -> list[ReviewableInteraction]:
    """The agent's most recent interactions of the last `days` (newest first), each marked if reviewed.

    Walks the `started_at` index newest first and keeps the agent's rows (the agent test is written so
    SQLite does not pick the `agent_id` index, which would fetch and sort all of the agent's history)."""
    since = (now or datetime.now()) - timedelta(days=days)
    reviewed = select(QaReview.id).where(QaReview.interaction_id == Interaction.id, ~QaReview.deleted).exists()
    stmt = (
        select(Interaction.id, Interaction.started_at, Interaction.type, Interaction.channel, Interaction.category,
               Interaction.summary, Interaction.handle_seconds, Patient.name, reviewed)
        .outerjoin(Patient, Patient.id == Interaction.patient_id)
        .where(func.coalesce(Interaction.agent_id, "") == agent_id, Interaction.started_at >= since,
               ~Interaction.deleted)
        .order_by(Interaction.started_at.desc(), Interaction.id)
        .limit(limit)
    )
    with db.session() as s:
        return [ReviewableInteraction(*row) for row in s.execute(stmt).all()]
