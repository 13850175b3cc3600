"""Customer analytics from the local cache (pandas): who our customers are, what they choose, how they are
looked after, and who brought whom.

Every function reads with plain SQL aggregated in SQLite and returns a DataFrame whose columns are codes
and numbers (the UI and the exports put words on them). Periods are `[start, end)` in business dates.

- Distributions: customer type, occupation, region (province/city/district), income band, age band, sex,
  and package choice (checkups per package). Missing values count as "" (unknown).
- **Age bands**: age in whole years on `today` (birthday passed or not): `<35` below 35; `35-50` from 35 to
  50 inclusive; `>50` from 51; "" when the birth date is unknown.
- Tier trend: visits and revenue per month by the patient's value tier as of `today`.
- **Follow-up coverage**: patients with an eligible event in the period (an inpatient discharge, or a
  checkup whose risk level is not "none") and how many of them had a follow-up task for that event
  (`source_ref` = the event id) completed (state done).
- Complaints and satisfaction per department: complaints filed against it, their average satisfaction
  (1..5), praise crediting it, and the average score of survey responses to its follow-up tasks.
- **Referral chains** (`patients.referred_by_id`): for each referrer, the people they brought directly,
  everybody down the chain (the people those brought, and so on), how many levels deep, and the amount
  (fen, all visits ever) spent by those brought directly and by the whole chain.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from hcrm_desktop.analytics.frames import read_frame
from hcrm_desktop.store.db import Database

AGE_BANDS = ("<35", "35-50", ">50")
DIMENSIONS = ("customer_type", "occupation", "province", "city", "district", "income_band", "age_band", "sex")
MAX_CHAIN_DEPTH = 32  # referral loops (bad data) stop here
_PATIENTS = """
SELECT id, customer_no, name, sex, birth_date, occupation, income_band, province, city, district,
       customer_type, referred_by_id
FROM patients WHERE deleted = 0 AND merged_into_id IS NULL
"""
PATIENT_COLUMNS = ["patient_id", "customer_no", "name", "sex", "birth_date", "occupation", "income_band",
                   "province", "city", "district", "customer_type", "referred_by_id"]


def ages_on(birth_dates: pd.Series, today: date) -> pd.Series:
    """Whole years on `today` (a birthday later this year does not count yet); NaN when unknown."""
    born = pd.to_datetime(birth_dates, format="%Y-%m-%d", errors="coerce")
    years = today.year - born.dt.year
    before_birthday = (born.dt.month > today.month) | ((born.dt.month == today.month) & (born.dt.day > today.day))
    return (years - before_birthday.astype("float64")).astype("float64")


def age_bands(ages: pd.Series) -> pd.Series:
    """`<35`, `35-50` (35 and 50 included), `>50`, or "" for an unknown age."""
    a = ages.to_numpy(dtype="float64")
    bands = np.select([a < 35, a <= 50, a > 50], list(AGE_BANDS), "")
    return pd.Series(bands, index=ages.index, dtype="object")


def load_patients(db: Database, *, today: date) -> pd.DataFrame:
    """Live patients (not deleted, not merged away) with `age` and `age_band` added."""
    frame = read_frame(db, _PATIENTS, columns=PATIENT_COLUMNS)
    frame["age"] = ages_on(frame["birth_date"], today)
    frame["age_band"] = age_bands(frame["age"])
    for col in DIMENSIONS:
        frame[col] = frame[col].fillna("").astype("object")
    return frame


def apply_filters(patients: pd.DataFrame, filters: Mapping[str, str] | None) -> pd.DataFrame:
    """Keep the rows whose column equals the value, for each (column, value) given; "" values are ignored."""
    for column, value in (filters or {}).items():
        if value:
            patients = patients[patients[column] == value]
    return patients


def distribution(patients: pd.DataFrame, column: str) -> pd.DataFrame:
    """value, count, share (0..1) of `column`, largest first; ties by value."""
    counts = patients[column].fillna("").value_counts().rename_axis("value").reset_index(name="count")
    counts = counts.sort_values(["count", "value"], ascending=[False, True], kind="stable")
    total = int(counts["count"].sum())
    counts["share"] = counts["count"] / total if total else 0.0
    if column == "age_band":  # the bands in their natural order, unknown last
        order = {band: i for i, band in enumerate((*AGE_BANDS, ""))}
        counts = counts.sort_values("value", key=lambda v: v.map(order))
    return counts.reset_index(drop=True)


def distributions(patients: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {column: distribution(patients, column) for column in DIMENSIONS}


def package_choice(db: Database, *, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """package (name, "" for none), checkups, amount_fen, share of checkups, in [start, end) if given."""
    frame = read_frame(db, """
        SELECT coalesce(p.name, ''), count(*), sum(c.amount_fen) FROM checkups AS c
        LEFT JOIN packages AS p ON p.id = c.package_id
        WHERE c.deleted = 0 AND c.checkup_date >= :start AND c.checkup_date < :end
        GROUP BY 1 ORDER BY 2 DESC, 1""", _period(start, end), columns=["package", "checkups", "amount_fen"])
    total = int(frame["checkups"].sum())
    frame["share"] = frame["checkups"] / total if total else 0.0
    return frame


def _period(start: date | None, end: date | None) -> dict[str, Any]:
    return {"start": (start or date(1900, 1, 1)).isoformat(), "end": (end or date(9999, 1, 1)).isoformat()}


def tier_trend(db: Database, segments: pd.DataFrame, *, start: date, end: date) -> pd.DataFrame:
    """month (YYYY-MM), tier, visits, patients, amount_fen: visits in [start, end) by current value tier."""
    params = _period(start, end)
    visits = read_frame(db, """
        SELECT patient_id, substr(started_at, 1, 7), count(*), sum(amount_fen) FROM encounters
        WHERE deleted = 0 AND started_at >= :start AND started_at < :end GROUP BY 1, 2
        UNION ALL
        SELECT patient_id, substr(checkup_date, 1, 7), count(*), sum(amount_fen) FROM checkups
        WHERE deleted = 0 AND checkup_date >= :start AND checkup_date < :end GROUP BY 1, 2""",
                       params, columns=["patient_id", "month", "visits", "amount_fen"])
    merged = visits.merge(segments[["patient_id", "tier"]], on="patient_id", how="inner")
    out = merged.groupby(["month", "tier"], as_index=False).agg(
        visits=("visits", "sum"), patients=("patient_id", "nunique"), amount_fen=("amount_fen", "sum"))
    return out.sort_values(["month", "tier"]).reset_index(drop=True)


_ELIGIBLE = """
SELECT 'discharge', e.patient_id, e.id FROM encounters AS e
WHERE e.deleted = 0 AND e.kind = 'inpatient' AND e.discharged_at >= :start AND e.discharged_at < :end
UNION ALL
SELECT 'abnormal_checkup', c.patient_id, c.id FROM checkups AS c
WHERE c.deleted = 0 AND c.risk_level != 'none' AND c.checkup_date >= :start AND c.checkup_date < :end
"""


def followup_coverage(db: Database, *, start: date, end: date) -> pd.DataFrame:
    """kind (discharge | abnormal_checkup | all), eligible patients, covered patients, coverage (0..1)."""
    events = read_frame(db, _ELIGIBLE, _period(start, end), columns=["kind", "patient_id", "event_id"])
    done = read_frame(db, f"""
        SELECT DISTINCT ev.id FROM ({_ELIGIBLE}) AS ev CROSS JOIN followup_tasks AS t
        ON t.patient_id = ev.patient_id AND t.source_ref = ev.id
        WHERE t.deleted = 0 AND +t.state = 'done'""", _period(start, end), columns=["event_id"])  # +: by patient
    events["covered"] = events["event_id"].isin(done["event_id"])
    rows = []
    for kind, part in [("discharge", events[events["kind"] == "discharge"]),
                       ("abnormal_checkup", events[events["kind"] == "abnormal_checkup"]), ("all", events)]:
        eligible = part["patient_id"].nunique()
        covered = part.loc[part["covered"], "patient_id"].nunique()
        rows.append((kind, eligible, covered, covered / eligible if eligible else 0.0))
    return pd.DataFrame(rows, columns=["kind", "eligible", "covered", "coverage"])


def department_quality(db: Database, *, start: date, end: date) -> pd.DataFrame:
    """department, complaints, complaint_satisfaction (mean 1..5 or NaN), praise, survey_responses,
    survey_score (mean or NaN): complaints opened, praise and survey answers given in [start, end);
    departments with none of these are left out. Most complaints first."""
    params = _period(start, end)
    names = read_frame(db, "SELECT id, name FROM departments WHERE deleted = 0", columns=["department_id", "name"])
    complaints = read_frame(db, """
        SELECT department_id, count(*), avg(satisfaction) FROM complaints
        WHERE deleted = 0 AND department_id IS NOT NULL AND opened_at >= :start AND opened_at < :end GROUP BY 1""",
                           params, columns=["department_id", "complaints", "complaint_satisfaction"])
    praise = read_frame(db, """
        SELECT credited_department_id, count(*) FROM interactions WHERE deleted = 0 AND type = 'praise'
        AND credited_department_id IS NOT NULL AND started_at >= :start AND started_at < :end GROUP BY 1""",
                       params, columns=["department_id", "praise"])
    surveys = read_frame(db, """
        SELECT t.department_id, count(r.score), avg(r.score) FROM survey_responses AS r
        JOIN followup_tasks AS t ON t.id = r.task_id
        WHERE r.deleted = 0 AND t.department_id IS NOT NULL AND r.submitted_at >= :start AND r.submitted_at < :end
        GROUP BY 1""", params, columns=["department_id", "survey_responses", "survey_score"])
    out = complaints.merge(praise, on="department_id", how="outer").merge(surveys, on="department_id", how="outer")
    out = out.merge(names, on="department_id", how="left")
    out["department"] = out.pop("name").fillna("")
    for col in ("complaints", "praise", "survey_responses"):
        out[col] = out[col].fillna(0).astype("int64")
    out = out.sort_values(["complaints", "praise", "department"], ascending=[False, False, True])
    return out[["department_id", "department", "complaints", "complaint_satisfaction", "praise",
                "survey_responses", "survey_score"]].reset_index(drop=True)


# --- referral chains --------------------------------------------------------------------------------------


def referral_links(patients: pd.DataFrame) -> pd.DataFrame:
    """Every (referred, referrer, depth) pair along the chains: depth 1 = brought directly."""
    parent = patients.set_index("patient_id")["referred_by_id"].dropna()
    level = pd.DataFrame({"referred": parent.index.to_numpy(), "referrer": parent.to_numpy(), "depth": 1})
    levels = []
    for depth in range(1, MAX_CHAIN_DEPTH + 1):
        level = level[level["referrer"] != level["referred"]]
        if level.empty:
            break
        levels.append(level)
        up = level["referrer"].map(parent)
        level = pd.DataFrame({"referred": level["referred"].to_numpy(), "referrer": up.to_numpy(),
                              "depth": depth + 1}).dropna(subset=["referrer"])
    if not levels:
        return pd.DataFrame(columns=["referred", "referrer", "depth"])
    return pd.concat(levels, ignore_index=True).drop_duplicates(["referred", "referrer"])


def _spend(db: Database) -> pd.Series:
    """Amount (fen) of all visits ever, per patient who was referred by somebody."""
    frame = read_frame(db, """
        SELECT v.patient_id, sum(v.amount_fen) FROM (
          SELECT patient_id, amount_fen FROM encounters WHERE deleted = 0
          UNION ALL SELECT patient_id, amount_fen FROM checkups WHERE deleted = 0) AS v
        JOIN patients AS p ON p.id = v.patient_id WHERE p.referred_by_id IS NOT NULL GROUP BY 1""",
                      columns=["patient_id", "amount_fen"])
    return frame.set_index("patient_id")["amount_fen"]


def referral_ranking(db: Database, patients: pd.DataFrame, *, limit: int | None = None) -> pd.DataFrame:
    """Referrers ranked by everybody down their chains, then direct referrals, then the value brought:
    patient_id, customer_no, name, direct, total, levels, direct_value_fen, total_value_fen."""
    links = referral_links(patients)
    columns = ["patient_id", "customer_no", "name", "direct", "total", "levels", "direct_value_fen",
               "total_value_fen"]
    if links.empty:
        return pd.DataFrame(columns=columns)
    links["value"] = links["referred"].map(_spend(db)).fillna(0).astype("int64")
    links["direct_value"] = links["value"].where(links["depth"] == 1, 0)
    ranked = links.groupby("referrer").agg(
        direct=("depth", lambda d: int((d == 1).sum())), total=("referred", "size"), levels=("depth", "max"),
        direct_value_fen=("direct_value", "sum"), total_value_fen=("value", "sum"))
    who = patients.set_index("patient_id")[["customer_no", "name"]]
    ranked = ranked.join(who).rename_axis("patient_id").reset_index()
    ranked = ranked.sort_values(["total", "direct", "total_value_fen", "customer_no"],
                                ascending=[False, False, False, True])
    ranked = ranked[columns].reset_index(drop=True)
    return ranked.head(limit) if limit else ranked


def referral_chain(patients: pd.DataFrame, patient_id: str) -> list[tuple[str, int]]:
    """Everybody brought in by `patient_id`, down the chain: (patient id, depth), by depth then id."""
    links = referral_links(patients)
    mine = links[links["referrer"] == patient_id].sort_values(["depth", "referred"])
    return [(str(r), int(d)) for r, d in zip(mine["referred"], mine["depth"], strict=True)]


def month_bounds(first: date, months: int) -> tuple[date, date]:
    """[first day of the month `months - 1` before `first`'s month, first day of the month after it)."""
    start = first.replace(day=1)
    for _ in range(months - 1):
        start = (start - timedelta(days=1)).replace(day=1)
    end = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, end
