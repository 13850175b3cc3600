"""Quality review: the checklist, who may review, score validation, the agent's view and "seen"."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from hcrm_desktop.services.patients import ValidationError
from hcrm_desktop.services.qa import (
    QaConfigError,
    QaError,
    default_checklist,
    mark_seen,
    parse_checklist,
    review_interaction,
    reviewable_interactions,
    reviews_for_agent,
    unseen_count,
)
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Outbox, QaReview
from tests.fixtures.supervision_world import build_world

SCORES = {"greeting": 9, "identity": 15, "understanding": 18, "solution": 20.5, "attitude": 14, "closing": 10}


@pytest.fixture
def world(tmp_path):
    db = open_database(tmp_path / "qa.db", create=True)
    yield db, build_world(db)
    db.dispose()


def test_shipped_checklist_has_six_items_worth_100_points():
    checklist = default_checklist()
    assert [(i.name, i.max_points) for i in checklist.items] == [
        ("开场问候规范", 10), ("身份核实", 15), ("需求理解", 20), ("解决方案准确", 25), ("服务态度", 15), ("结束语与小结", 15),
    ]  # fmt: skip
    assert checklist.total == 100


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "non-empty list 'items'"),
        ({"items": [{"code": "a", "name": "甲", "name_en": "A", "max": 60},
                    {"code": "a", "name": "乙", "name_en": "B", "max": 40}]}, "appears twice"),
        ({"items": [{"code": "a", "name": "甲", "name_en": "A", "max": 90}]}, "add up to 90, not 100"),
        ({"items": [{"code": "a", "name": "甲", "name_en": "A", "max": -1}]}, "above zero"),
        ({"items": [{"code": "a b", "name": "甲", "name_en": "A", "max": 100}]}, "code must be"),
    ],
)
def test_a_bad_checklist_is_refused_with_a_clear_message(data, message):
    with pytest.raises(QaConfigError, match=message):
        parse_checklist(data, "checklist.json")


def test_supervisor_reviews_an_interaction_and_the_agent_sees_it(world):
    db, w = world
    at = datetime(2026, 11, 21, 10, 0)
    result = review_interaction(db, reviewer_id=w.staff["S"], interaction_id=w.ids["a2"], scores=SCORES,
                                comment="  身份核实完整，解决方案需更准确。 ", now=at)
    assert result.review.total == 9 + 15 + 18 + 20.5 + 14 + 10  # 86.5
    assert result.review.agent_id == w.staff["A"] and result.review.reviewer_name == "陈静"
    assert result.review.comment == "身份核实完整，解决方案需更准确。"
    assert result.changes.touches("qa_reviews")
    with db.session() as s:  # queued for the central server in the same transaction
        assert s.scalar(select(Outbox.entity).where(Outbox.entity_id == result.review.id)) == "qa_reviews"
    mine = reviews_for_agent(db, w.staff["A"])
    assert [(r.total, r.interaction_summary, r.reviewed_at) for r in mine] == [(86.5, "contact a2", at)]
    assert unseen_count(db, w.staff["A"]) == 1
    assert mark_seen(db, review_id=mine[0].id, agent_id=w.staff["A"]).touches("qa_reviews")
    assert unseen_count(db, w.staff["A"]) == 0
    assert not mark_seen(db, review_id=mine[0].id, agent_id=w.staff["A"]).touches("qa_reviews")  # once
    assert reviews_for_agent(db, w.staff["B"]) == []
    later = datetime(2026, 12, 2)
    recent = reviewable_interactions(db, agent_id=w.staff["A"], limit=3, now=later)
    assert [r.summary for r in recent] == ["contact a6", "contact a5", "contact a4"]
    assert [r.reviewed for r in reviewable_interactions(db, agent_id=w.staff["A"], now=later)
            if r.summary == "contact a2"] == [True]
    assert len(reviewable_interactions(db, agent_id=w.staff["A"], now=later, days=2)) == 1  # a6 on 12-01 only


def test_an_admin_may_review_but_agents_and_nurses_may_not(world):
    db, w = world
    assert review_interaction(db, reviewer_id=w.staff["M"], interaction_id=w.ids["b1"], scores=SCORES).review.total
    for letter in ("B", "N"):
        with pytest.raises(QaError) as caught:
            review_interaction(db, reviewer_id=w.staff[letter], interaction_id=w.ids["a1"], scores=SCORES)
        assert caught.value.code == "forbidden"
    with db.session() as s:
        assert len(s.scalars(select(QaReview)).all()) == 1


def test_only_the_reviewed_agent_marks_a_review_seen(world):
    db, w = world
    review = review_interaction(db, reviewer_id=w.staff["S"], interaction_id=w.ids["a1"], scores=SCORES).review
    with pytest.raises(QaError) as caught:
        mark_seen(db, review_id=review.id, agent_id=w.staff["B"])
    assert caught.value.code == "forbidden"


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"solution": 26}, {"score:solution": "out_of_range"}),
        ({"greeting": -1}, {"score:greeting": "out_of_range"}),
        ({"identity": None}, {"score:identity": "required"}),
        ({"closing": "good"}, {"score:closing": "not_a_number"}),
        ({"closing": True}, {"score:closing": "not_a_number"}),
        ({"smile": 3}, {"scores": "unknown_item"}),
    ],
)
def test_each_score_must_be_within_its_items_maximum(world, change, errors):
    db, w = world
    scores = {**SCORES, **change}
    with pytest.raises(ValidationError) as caught:
        review_interaction(db, reviewer_id=w.staff["S"], interaction_id=w.ids["a1"], scores=scores)
    assert caught.value.errors == errors
    with db.session() as s:
        assert s.scalars(select(QaReview)).all() == []


def test_unknown_interaction_is_refused(world):
    db, w = world
    with pytest.raises(QaError) as caught:
        review_interaction(db, reviewer_id=w.staff["S"], interaction_id="nope", scores=SCORES)
    assert caught.value.code == "unknown_interaction"
