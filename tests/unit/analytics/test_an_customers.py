"""Customer analytics on the hand-checked customer base (tests/fixtures/customer_world.py has the table)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from hcrm_desktop.analytics.customers import (
    age_bands,
    ages_on,
    apply_filters,
    department_quality,
    distribution,
    followup_coverage,
    load_patients,
    package_choice,
    referral_chain,
    referral_ranking,
    tier_trend,
)
from hcrm_desktop.analytics.segments import Thresholds, segment_patients
from hcrm_desktop.store.db import open_database
from tests.fixtures.customer_world import TODAY, build_customer_world


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "cust.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def world(db):
    return build_customer_world(db)


def counts(frame):
    return dict(zip(frame["value"], frame["count"], strict=True))


def test_age_band_boundaries_are_exact():
    born = pd.Series(["1991-11-27", "1991-11-26", "1976-11-26", "1975-11-27", "1975-11-26", None])
    ages = ages_on(born, TODAY)

    assert list(ages.fillna(-1)) == [34, 35, 50, 50, 51, -1]  # a birthday tomorrow does not count yet
    assert list(age_bands(ages)) == ["<35", "35-50", "35-50", "35-50", ">50", ""]


def test_distributions_count_live_patients_once(db, world):
    patients = load_patients(db, today=TODAY)  # G (merged into B) is not a person of its own

    assert len(patients) == 7
    ages = distribution(patients, "age_band")
    assert list(ages["value"]) == ["<35", "35-50", ">50", ""]  # natural order, unknown last
    assert counts(ages) == {"<35": 1, "35-50": 3, ">50": 2, "": 1}  # D | A, B, F | C, H | E
    assert ages["share"].iloc[1] == pytest.approx(3 / 7)
    assert counts(distribution(patients, "sex")) == {"M": 4, "F": 2, "U": 1}
    assert counts(distribution(patients, "occupation")) == {"教师": 3, "公务员": 1, "企业职员": 1, "退休": 1, "": 1}
    assert counts(distribution(patients, "city")) == {"杭州市": 4, "宁波市": 1, "南京市": 1, "": 1}
    assert counts(distribution(patients, "income_band")) == {"middle": 3, "high": 2, "low": 1, "": 1}
    assert counts(distribution(patients, "customer_type")) == {"value": 3, "volatile": 4}
    zhejiang = apply_filters(patients, {"province": "浙江省", "sex": ""})  # "" means no filter on sex
    assert counts(distribution(zhejiang, "city")) == {"杭州市": 4, "宁波市": 1}


def test_package_choice_counts_checkups_per_package(db, world):
    all_time = package_choice(db)
    october = package_choice(db, start=date(2026, 10, 1), end=date(2026, 11, 1))

    assert all_time.to_dict("records") == [{"package": "入职套餐", "checkups": 2, "amount_fen": 400_000, "share": 1.0}]
    assert list(october["checkups"]) == [1]


def test_tier_trend_by_month(db, world):
    seg = segment_patients(db, today=TODAY, thresholds=Thresholds())
    trend = tier_trend(db, seg, start=date(2026, 9, 1), end=date(2026, 12, 1))

    # Sep: none; Oct: B's checkup (core, 300,000); Nov: B's stay (core, 300,000)
    assert trend.to_dict("records") == [
        {"month": "2026-10", "tier": "core", "visits": 1, "patients": 1, "amount_fen": 300_000},
        {"month": "2026-11", "tier": "core", "visits": 1, "patients": 1, "amount_fen": 300_000},
    ]


def test_followup_coverage_counts_patients_with_a_completed_follow_up(db, world):
    # Apr-Oct: A's discharge (05-05, task still open) and B's high-risk checkup (10-01, task done).
    cov = followup_coverage(db, start=date(2026, 4, 1), end=date(2026, 11, 1)).set_index("kind")

    assert cov.loc["discharge", ["eligible", "covered"]].tolist() == [1, 0]
    assert cov.loc["abnormal_checkup", ["eligible", "covered", "coverage"]].tolist() == [1, 1, 1.0]
    assert cov.loc["all", ["eligible", "covered", "coverage"]].tolist() == [2, 1, 0.5]


def test_complaints_and_satisfaction_per_department(db, world):
    quality = department_quality(db, start=date(2026, 10, 1), end=date(2026, 11, 1))

    assert list(quality["department"]) == ["心内科", "骨科"]  # 2 complaints, then 1 (T4 is in September)
    xnk, gk = quality.iloc[0], quality.iloc[1]
    assert (xnk["complaints"], xnk["complaint_satisfaction"], xnk["praise"]) == (2, 3.0, 0)  # (4 + 2) / 2
    assert (xnk["survey_responses"], xnk["survey_score"]) == (2, 4.5)  # (4 + 5) / 2
    assert (gk["complaints"], gk["praise"]) == (1, 1) and pd.isna(gk["complaint_satisfaction"])


def test_referrers_ranked_by_chain_size_then_direct_then_value(db, world):
    patients = load_patients(db, today=TODAY)
    ranking = referral_ranking(db, patients)

    # A: C, D direct; E (via C) and F (via E): 4 people, 3 levels; C: E, F; B: H; E: F.
    assert list(ranking["customer_no"]) == ["C001", "C003", "C002", "C005"]
    a = ranking.iloc[0]
    assert (a["direct"], a["total"], a["levels"]) == (2, 4, 3)
    assert a["direct_value_fen"] == 1_000_000 + 100_000  # C's stay, D's two visits
    assert a["total_value_fen"] == 1_000_000 + 100_000 + 20_000 + 0  # + E's visit, F has none
    b = ranking.iloc[2]
    assert (b["direct"], b["total"], b["total_value_fen"]) == (1, 1, 600_000)  # H's two stays
    assert referral_chain(patients, world["A"]) == sorted(
        [(world["C"], 1), (world["D"], 1)]) + [(world["E"], 2), (world["F"], 3)]
