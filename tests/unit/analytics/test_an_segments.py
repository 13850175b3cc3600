"""Segmentation on the hand-checked customer base (tests/fixtures/customer_world.py has the table)."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from hcrm_desktop.analytics.segments import (
    CampaignError,
    ThresholdError,
    Thresholds,
    churn_risk,
    create_campaign_tasks,
    explain_thresholds,
    load_thresholds,
    save_thresholds,
    segment_patients,
    stage_counts,
    tier_counts,
    value_tier,
)
from hcrm_desktop.domain.enums import ValueTier
from hcrm_desktop.services.profile import load_profile
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import FollowUpRule, FollowUpTask
from tests.fixtures.customer_world import TODAY, build_customer_world

T = Thresholds()


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "seg.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def world(db):
    return build_customer_world(db)


def by_key(frame, world, column):
    index = {pid: key for key, pid in world.items()}
    return {index[pid]: value for pid, value in zip(frame["patient_id"], frame[column], strict=True)}


def test_tier_rule_boundaries():
    assert value_tier(365, 2, 500_000, T) is ValueTier.CORE  # every threshold met exactly
    assert value_tier(365, 1, 500_000, T) is ValueTier.POTENTIAL  # one visit short
    assert value_tier(0, 9, 499_999, T) is ValueTier.POTENTIAL  # one fen short
    assert value_tier(366, 9, 9_000_000, T) is ValueTier.NORMAL  # a day too long ago for core
    assert value_tier(730, 1, 0, T) is ValueTier.NORMAL
    assert value_tier(731, 9, 9_000_000, T) is ValueTier.DRIFTING
    assert value_tier(None, 0, 0, T) is ValueTier.DRIFTING


def test_each_patient_gets_the_hand_computed_rfm_tier_and_stage(db, world):
    seg = segment_patients(db, today=TODAY, thresholds=T)

    assert sorted(by_key(seg, world, "tier")) == list("ABCDEFH")  # G was merged into B; one row per person
    assert by_key(seg, world, "recency_days") == pytest.approx(
        {"A": 210, "B": 25, "C": 178, "D": 543, "E": 1091, "F": float("nan"), "H": 360}, nan_ok=True)
    assert by_key(seg, world, "frequency") == {"A": 3, "B": 3, "C": 1, "D": 2, "E": 1, "F": 0, "H": 2}
    assert by_key(seg, world, "monetary_fen") == {"A": 600_000, "B": 300_000 + 300_000 + 100_000, "C": 1_000_000,
                                                  "D": 100_000, "E": 20_000, "F": 0, "H": 600_000}
    assert by_key(seg, world, "tier") == {"A": "core", "B": "core", "C": "potential", "D": "normal",
                                          "E": "drifting", "F": "drifting", "H": "core"}
    assert by_key(seg, world, "stage") == {"A": "long_term", "B": "long_term", "C": "first_time", "D": "long_term",
                                           "E": "lapsed", "F": "potential", "H": "long_term"}
    assert tier_counts(seg) == {"core": 3, "potential": 1, "normal": 1, "drifting": 2}
    assert stage_counts(seg) == {"first_time": 1, "potential": 1, "long_term": 4, "lapsed": 1}


def test_tiers_as_of_an_earlier_day_ignore_later_visits(db, world):
    # On 2026-10-31 B's 2026-11-01 stay has not happened: F = 2, M = 100,000 + 300,000 < 500,000 -> potential.
    seg = segment_patients(db, today=date(2026, 10, 31), thresholds=T)

    assert by_key(seg, world, "tier")["B"] == "potential"
    assert tier_counts(seg) == {"core": 2, "potential": 2, "normal": 1, "drifting": 2}


def test_the_call_card_uses_the_same_rule(db, world):
    seg = by_key(segment_patients(db, today=TODAY, thresholds=T), world, "tier")

    for key in "ABCDEFH":
        rfm = load_profile(db, world[key], today=TODAY).rfm
        assert rfm.tier.value == seg[key], key


def test_churn_risk_lists_the_overdue_core_customer_only(db, world):
    # A: gaps 90 and 90 days, median 90; 2026-04-30 + 1.5 x 90 = 2026-09-12; 75 days overdue on 11-26.
    # B: gaps 320 and 31 (median 175.5) -> due 2027; H is core and overdue but deceased; C has one visit.
    churn = churn_risk(db, today=TODAY, thresholds=T)

    assert list(churn["customer_no"]) == ["C001"]
    row = churn.iloc[0]
    assert (row["median_interval_days"], row["overdue_days"]) == (90.0, 75)
    assert row["expected_by"].date() == date(2026, 9, 12)
    assert row["name"] == "张一"


def test_a_wider_factor_takes_the_customer_off_the_list(db, world):
    # factor 3: 2026-04-30 + 270 days = 2027-01-25, not yet overdue.
    churn = churn_risk(db, today=TODAY, thresholds=Thresholds(churn_interval_factor=3.0))

    assert churn.empty


def test_campaign_tasks_are_created_once_per_patient(db, world):
    due = datetime(2026, 12, 1, 9)
    first = create_campaign_tasks(db, patient_ids=[world["A"], world["C"]], name="流失挽回 2026-11",
                                  actor_id=None, due=due)
    again = create_campaign_tasks(db, patient_ids=[world["A"], world["C"], world["D"]], name="流失挽回 2026-11",
                                  actor_id=None, due=due)

    assert (first.created, first.skipped) == (2, 0)
    assert (again.created, again.skipped) == (1, 2)
    assert again.rule_id == first.rule_id
    assert first.changes.touches("followup_tasks", "followup_rules")
    with db.session() as s:
        rule = s.get(FollowUpRule, first.rule_id)
        assert (rule.kind, rule.name) == ("campaign", "流失挽回 2026-11")
        tasks = s.scalars(select(FollowUpTask).where(FollowUpTask.rule_id == rule.id)).all()
        assert sorted(t.patient_id for t in tasks) == sorted([world["A"], world["C"], world["D"]])
        assert {(t.state, t.due_at) for t in tasks} == {("open", due)}
        assert s.scalar(select(func.count()).select_from(FollowUpRule).where(FollowUpRule.kind == "campaign")) == 1


def test_campaign_input_errors_name_the_field(db, world):
    with pytest.raises(CampaignError) as empty_name:
        create_campaign_tasks(db, patient_ids=[world["A"]], name="  ", actor_id=None, due=datetime(2026, 12, 1))
    with pytest.raises(CampaignError) as no_one:
        create_campaign_tasks(db, patient_ids=[], name="x", actor_id=None, due=datetime(2026, 12, 1))

    assert (empty_name.value.field, empty_name.value.code) == ("name", "required")
    assert (no_one.value.field, no_one.value.code) == ("patient_ids", "empty")


def test_thresholds_load_validate_save_and_explain(tmp_path):
    shipped = load_thresholds()
    assert shipped == Thresholds()  # resources/analytics/segmentation.json holds the documented defaults

    path = tmp_path / "seg.json"
    path.write_text(json.dumps({"recent_days": 400, "lapsed_days": 300}), encoding="utf-8")
    with pytest.raises(ThresholdError) as wrong:
        load_thresholds(path)
    assert wrong.value.field == "lapsed_days"

    saved = save_thresholds(Thresholds(core_monetary_fen=800_000, core_frequency=3), path)
    assert load_thresholds(saved).core_monetary_fen == 800_000
    text = explain_thresholds(load_thresholds(saved))
    assert "核心客户：最近 365 天内来过" in text and "至少 3 次" in text and "¥8,000" in text
    assert "普通客户：最近一次在 366–730 天前" in text
