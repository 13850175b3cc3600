"""Customer segmentation: RFM value tiers, lifecycle stages, churn risk, and campaign lists made from them.

A **visit** is an encounter (就诊/住院, its day is `started_at`) or a checkup (体检, `checkup_date`) that is not
deleted and not after today. Visits filed under a record merged into another count for the surviving record.

**Value tier (RFM)**, over the visits of the last `window_days` (default 1095, three years):
recency R = days from the latest visit to today, frequency F = number of visits, monetary M = their amounts
(fen). With `recent_days` (365), `lapsed_days` (730), `core_frequency` (2) and `core_monetary_fen` (¥5,000):
- core 核心: R <= recent_days and F >= core_frequency and M >= core_monetary_fen;
- potential 潜力: R <= recent_days, but F or M below the core thresholds;
- normal 普通: recent_days < R <= lapsed_days;
- drifting 游离: R > lapsed_days, or no visit in the window.
`value_tier()` (one patient, the call card) and `segment_patients()` (everybody) share `tier_codes()`.

**Lifecycle stage**, over all visits ever (not only the window):
- potential 潜在: on file (enquired, booked, referred) but no visit yet;
- lapsed 流失: at least one visit, the latest more than `lapsed_days` ago;
- first-time 首次: fewer than `long_term_visits` (2) visits, the latest within `lapsed_days`;
- long-term 长期: at least `long_term_visits` visits, the latest within `lapsed_days`.

**Churn risk**: a living patient of a tier in `churn_tiers` (core) with at least two visits whose usual return
interval has passed by half again: last visit + `churn_interval_factor` (1.5) x median days between their
visits < today. `create_campaign_tasks()` turns any list of patients into follow-up tasks in one step.

Thresholds ship in `resources/analytics/segmentation.json`; a supervisor's edits are saved over them in the
workstation's config directory (`save_thresholds`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select

from hcrm_desktop.domain.enums import FollowUpKind, LifecycleStage, TaskState, ValueTier
from hcrm_desktop.paths import config_dir, resource
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import FollowUpRule, FollowUpTask

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[float], None]  # fraction done, 0..1, called from the worker thread
TIERS = (ValueTier.CORE, ValueTier.POTENTIAL, ValueTier.NORMAL, ValueTier.DRIFTING)
STAGES = (LifecycleStage.FIRST_TIME, LifecycleStage.POTENTIAL, LifecycleStage.LONG_TERM, LifecycleStage.LAPSED)
TIER_ZH = {ValueTier.CORE: "核心", ValueTier.POTENTIAL: "潜力", ValueTier.NORMAL: "普通", ValueTier.DRIFTING: "游离"}
STAGE_ZH = {LifecycleStage.FIRST_TIME: "首次", LifecycleStage.POTENTIAL: "潜在", LifecycleStage.LONG_TERM: "长期",
            LifecycleStage.LAPSED: "流失"}  # fmt: skip
USER_FILE = "segmentation.json"


class ThresholdError(ValueError):
    """A threshold a user must correct: `field` is the setting, `code` what is wrong (the UI translates it)."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


@dataclass(frozen=True)
class Thresholds:
    window_days: int = 1095
    recent_days: int = 365
    lapsed_days: int = 730
    core_frequency: int = 2
    core_monetary_fen: int = 500_000
    long_term_visits: int = 2
    churn_tiers: tuple[str, ...] = (ValueTier.CORE.value,)
    churn_interval_factor: float = 1.5

    def validated(self) -> Thresholds:
        for name in ("window_days", "recent_days", "lapsed_days", "core_frequency", "long_term_visits"):
            if int(getattr(self, name)) < 1:
                raise ThresholdError(name, "positive")
        if self.core_monetary_fen < 0:
            raise ThresholdError("core_monetary_fen", "positive")
        if self.lapsed_days <= self.recent_days:
            raise ThresholdError("lapsed_days", "after_recent")
        if self.window_days < self.lapsed_days:
            raise ThresholdError("window_days", "shorter_than_lapsed")
        if not 1.0 <= self.churn_interval_factor <= 10.0:
            raise ThresholdError("churn_interval_factor", "range")
        if any(tier not in {t.value for t in TIERS} for tier in self.churn_tiers):
            raise ThresholdError("churn_tiers", "unknown_tier")
        return self


def thresholds_from(data: dict[str, Any]) -> Thresholds:
    """Thresholds from a JSON object (unknown keys and `_comment` ignored); raise ThresholdError if wrong."""
    known = {f.name: f for f in fields(Thresholds)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        try:
            if key == "churn_tiers":
                values[key] = tuple(str(v) for v in value)
            elif key == "churn_interval_factor":
                values[key] = float(value)
            else:
                if isinstance(value, bool) or float(value) != int(value):
                    raise ValueError(value)
                values[key] = int(value)
        except (TypeError, ValueError) as exc:
            raise ThresholdError(key, "number") from exc
    return Thresholds(**values).validated()


def _user_file() -> Path:
    return config_dir() / USER_FILE


def load_thresholds(path: Path | None = None) -> Thresholds:
    """The thresholds in force: `path`, else the workstation's saved edits, else the shipped defaults."""
    for candidate in ([path] if path else [_user_file(), resource("analytics", USER_FILE)]):
        if candidate.exists():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ThresholdError("file", "unreadable") from exc
            if not isinstance(data, dict):
                raise ThresholdError("file", "unreadable")
            return thresholds_from(data)
    return Thresholds()


def save_thresholds(thresholds: Thresholds, path: Path | None = None) -> Path:
    """Validate and save a supervisor's thresholds for this workstation; returns the file written."""
    target = path or _user_file()
    data = asdict(thresholds.validated())
    data["churn_tiers"] = list(thresholds.churn_tiers)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def explain_thresholds(t: Thresholds) -> str:
    """The tier, lifecycle and churn rules in plain Chinese, with the thresholds in force (shown on screen)."""
    money = f"¥{t.core_monetary_fen / 100:,.0f}"
    tiers = "、".join(TIER_ZH[ValueTier(v)] for v in t.churn_tiers)
    return "\n".join([
        f"统计最近 {t.window_days} 天内的就诊和体检：R = 距最近一次的天数，F = 次数，M = 消费金额。",
        f"核心客户：最近 {t.recent_days} 天内来过，且 {t.window_days} 天内来过至少 {t.core_frequency} 次、"
        f"消费至少 {money}。",
        f"潜力客户：最近 {t.recent_days} 天内来过，但次数或消费未达到核心标准。",
        f"普通客户：最近一次在 {t.recent_days + 1}–{t.lapsed_days} 天前。",
        f"游离客户：超过 {t.lapsed_days} 天没有来过，或从未来过。",
        f"生命周期：潜在 = 有档案但从未就诊或体检；首次 = 来过不足 {t.long_term_visits} 次；"
        f"长期 = 来过至少 {t.long_term_visits} 次；流失 = 超过 {t.lapsed_days} 天没有来过。",
        f"流失风险：{tiers}客户距上次来访已超过其平时复诊间隔（中位数）的 {t.churn_interval_factor:g} 倍。",
    ])  # fmt: skip


# --- the tier rule: one implementation for the call card and the whole cache ----------------------------


def tier_codes(recency: Any, frequency: Any, monetary: Any, t: Thresholds) -> np.ndarray:
    """Vectorised tier rule: arrays (NaN recency = no visit in the window) to an array of ValueTier values."""
    r = np.asarray(recency, dtype="float64")
    f = np.asarray(frequency, dtype="float64")
    m = np.asarray(monetary, dtype="float64")
    recent = r <= t.recent_days  # NaN compares False
    alive = r <= t.lapsed_days
    core = recent & (f >= t.core_frequency) & (m >= t.core_monetary_fen)
    return np.select([core, recent, alive], [ValueTier.CORE.value, ValueTier.POTENTIAL.value,
                                             ValueTier.NORMAL.value], ValueTier.DRIFTING.value)


def value_tier(recency_days: int | None, frequency: int, monetary_fen: int,
               thresholds: Thresholds | None = None) -> ValueTier:
    """The tier of one patient (see the module docstring)."""
    t = thresholds or load_thresholds()
    recency = np.nan if recency_days is None else recency_days
    return ValueTier(str(tier_codes([recency], [frequency], [monetary_fen], t)[0]))


def window_start(today: date, t: Thresholds) -> date:
    """The first day counted in the RFM window."""
    return today - timedelta(days=t.window_days)


# --- segmentation of every patient --------------------------------------------------------------------

_VISITS_SQL = """
SELECT patient_id, count(*), min({day}), max({day}),
       sum(CASE WHEN {day} >= :since THEN 1 ELSE 0 END),
       sum(CASE WHEN {day} >= :since THEN amount_fen ELSE 0 END),
       max(CASE WHEN {day} >= :since THEN {day} END)
FROM {table} WHERE deleted = 0 AND {col} < :until GROUP BY patient_id
"""
_VISIT_COLUMNS = ["patient_id", "visits", "first_visit", "last_visit", "frequency", "monetary_fen", "last_in_window"]


def _visit_sums(db: Database, today: date, t: Thresholds, progress: Progress) -> pd.DataFrame:
    """Per patient id (as filed): all-time visits/first/last, and F, M, latest visit within the window."""
    import pandas as pd

    from hcrm_desktop.analytics.frames import read_frame

    since = window_start(today, t).isoformat()
    until = (today + timedelta(days=1)).isoformat()
    frames = []
    for step, (table, col, day) in enumerate([("encounters", "started_at", "substr(started_at, 1, 10)"),
                                              ("checkups", "checkup_date", "checkup_date")]):
        frame = read_frame(db, _VISITS_SQL.format(table=table, col=col, day=day), {"since": since, "until": until},
                           columns=_VISIT_COLUMNS)
        for col in ("first_visit", "last_visit", "last_in_window"):  # grouping datetimes, not strings
            frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d", errors="coerce")
        frames.append(frame)
        progress(0.2 + 0.3 * step)
    both = pd.concat(frames, ignore_index=True)
    return both.groupby("patient_id", sort=False).agg(
        visits=("visits", "sum"), first_visit=("first_visit", "min"), last_visit=("last_visit", "max"),
        frequency=("frequency", "sum"), monetary_fen=("monetary_fen", "sum"),
        last_in_window=("last_in_window", "max"))


def _patients(db: Database) -> pd.DataFrame:
    """Live patients and where each filed id ends up after merges (`owner`)."""
    import pandas as pd

    from hcrm_desktop.analytics.frames import read_frame  # pandas only when segmenting, not for the call card

    frame = read_frame(db, "SELECT id, merged_into_id, deleted, deceased_on FROM patients",
                       columns=["patient_id", "merged_into_id", "deleted", "deceased_on"])
    owner = frame["merged_into_id"].fillna(frame["patient_id"])
    parent = pd.Series(owner.to_numpy(), index=frame["patient_id"].to_numpy())
    for _ in range(16):  # follow chains of merges to the surviving record
        nxt = owner.map(parent).fillna(owner)
        if nxt.equals(owner):
            break
        owner = nxt
    frame["owner"] = owner
    return frame


def segment_patients(db: Database, *, today: date, thresholds: Thresholds | None = None,
                     progress: Progress | None = None) -> pd.DataFrame:
    """One row per live patient (not deleted, not merged away): patient_id, visits, first_visit,
    last_visit (dates or NaT), frequency, monetary_fen, recency_days (float, NaN = none in the window),
    tier (ValueTier value), stage (LifecycleStage value), deceased (bool).

    Two GROUP BY scans in SQLite, then vectorised pandas: about 10 s for 1,000,000 patients.
    """
    import pandas as pd

    t = (thresholds or load_thresholds()).validated()
    report = progress or (lambda _f: None)
    report(0.0)
    patients = _patients(db)
    report(0.1)
    sums = _visit_sums(db, today, t, report)
    owner = patients.set_index("patient_id")["owner"]
    filed_ids = sums.index.to_series()
    sums.index = pd.Index(filed_ids.map(owner).fillna(filed_ids), dtype=object)  # unknown ids stay as filed
    sums = sums.groupby(level=0, sort=False).agg({"visits": "sum", "first_visit": "min", "last_visit": "max",
                                                  "frequency": "sum", "monetary_fen": "sum",
                                                  "last_in_window": "max"})
    report(0.8)
    live = patients[(patients["deleted"] == 0) & patients["merged_into_id"].isna()]
    out = live[["patient_id"]].astype(object).join(sums, on="patient_id")
    out["deceased"] = live["deceased_on"].notna().to_numpy()
    for col in ("visits", "frequency", "monetary_fen"):
        out[col] = out[col].fillna(0).astype("int64")
    now = pd.Timestamp(today)
    out["recency_days"] = (now - out.pop("last_in_window")).dt.days.astype("float64")
    out["tier"] = tier_codes(out["recency_days"], out["frequency"], out["monetary_fen"], t)
    out["stage"] = stage_codes(out["visits"], (now - out["last_visit"]).dt.days, t)
    report(1.0)
    return out.reset_index(drop=True)


def stage_codes(visits: Any, days_since_last: Any, t: Thresholds) -> np.ndarray:
    """Vectorised lifecycle rule (see the module docstring); days_since_last NaN when never visited."""
    v = np.asarray(visits, dtype="float64")
    d = np.asarray(days_since_last, dtype="float64")
    lapsed = d > t.lapsed_days
    return np.select([v == 0, lapsed, v < t.long_term_visits],
                     [LifecycleStage.POTENTIAL.value, LifecycleStage.LAPSED.value, LifecycleStage.FIRST_TIME.value],
                     LifecycleStage.LONG_TERM.value)


def tier_counts(segments: pd.DataFrame) -> dict[str, int]:
    counts = segments["tier"].value_counts()
    return {tier.value: int(counts.get(tier.value, 0)) for tier in TIERS}


def stage_counts(segments: pd.DataFrame) -> dict[str, int]:
    counts = segments["stage"].value_counts()
    return {stage.value: int(counts.get(stage.value, 0)) for stage in STAGES}


# --- churn risk -----------------------------------------------------------------------------------------

CHURN_COLUMNS = ["patient_id", "customer_no", "name", "tier", "visits", "monetary_fen", "last_visit",
                 "median_interval_days", "expected_by", "overdue_days"]
_CANDIDATE_VISITS = """
SELECT c.owner, substr(e.started_at, 1, 10) FROM encounters AS e JOIN temp.churn_candidates AS c
  ON e.patient_id = c.filed_id WHERE e.deleted = 0 AND e.started_at < :until
UNION
SELECT c.owner, k.checkup_date FROM checkups AS k JOIN temp.churn_candidates AS c
  ON k.patient_id = c.filed_id WHERE k.deleted = 0 AND k.checkup_date < :until
"""


def churn_risk(db: Database, *, today: date, segments: pd.DataFrame | None = None,
               thresholds: Thresholds | None = None, progress: Progress | None = None) -> pd.DataFrame:
    """Patients overdue for their usual return (see the module docstring), most overdue first.

    Columns CHURN_COLUMNS; `median_interval_days` is the median of the days between their distinct visit
    days, `expected_by` = last visit + factor x that median, `overdue_days` = today - expected_by.
    """
    import pandas as pd

    t = (thresholds or load_thresholds()).validated()
    report = progress or (lambda _f: None)
    seg = segments if segments is not None else segment_patients(
        db, today=today, thresholds=t, progress=lambda f: report(f * 0.6))
    cand = seg[seg["tier"].isin(t.churn_tiers) & (seg["visits"] >= 2) & ~seg["deceased"]]
    if cand.empty:
        return pd.DataFrame(columns=CHURN_COLUMNS)
    filed = _patients(db)
    filed = filed[filed["owner"].isin(cand["patient_id"])]
    until = (today + timedelta(days=1)).isoformat()
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("CREATE TEMP TABLE IF NOT EXISTS churn_candidates (filed_id TEXT PRIMARY KEY, owner TEXT)")
        raw.execute("DELETE FROM temp.churn_candidates")
        raw.executemany("INSERT INTO temp.churn_candidates VALUES (?, ?)",
                        filed[["patient_id", "owner"]].itertuples(index=False, name=None))
        visits = pd.DataFrame.from_records(raw.execute(_CANDIDATE_VISITS, {"until": until}).fetchall(),
                                           columns=["patient_id", "day"])
        names = pd.DataFrame.from_records(raw.execute(
            "SELECT p.id, p.customer_no, p.name FROM patients AS p JOIN temp.churn_candidates AS c "
            "ON p.id = c.filed_id WHERE p.id = c.owner").fetchall(), columns=["patient_id", "customer_no", "name"])
        raw.execute("DROP TABLE temp.churn_candidates")
        raw.rollback()
    report(0.8)
    visits["day"] = pd.to_datetime(visits["day"], format="%Y-%m-%d")
    visits = visits.drop_duplicates().sort_values(["patient_id", "day"])
    gaps = visits.groupby("patient_id")["day"].diff().dt.days.dropna()
    median = gaps.groupby(visits.loc[gaps.index, "patient_id"]).median().rename("median_interval_days")
    out = cand.join(median, on="patient_id").merge(names, on="patient_id", how="left")
    out = out[out["median_interval_days"].notna()]
    out["expected_by"] = out["last_visit"] + pd.to_timedelta(out["median_interval_days"] * t.churn_interval_factor,
                                                              unit="D")
    out["expected_by"] = out["expected_by"].dt.ceil("D")
    out["overdue_days"] = (pd.Timestamp(today) - out["expected_by"]).dt.days
    out = out[out["overdue_days"] > 0].sort_values(["overdue_days", "monetary_fen"], ascending=[False, False])
    report(1.0)
    return out[CHURN_COLUMNS].reset_index(drop=True)


# --- campaign lists -------------------------------------------------------------------------------------


class CampaignError(ValueError):
    """Input a user must correct: `field` and an error `code` the UI translates."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


@dataclass(frozen=True)
class CampaignResult:
    rule_id: str
    created: int  # new tasks
    skipped: int  # patients already on this campaign's list
    changes: Changes


def campaign_code(name: str) -> str:
    """The follow-up rule code of a campaign: stable for a name, so making the same list twice adds nothing."""
    return "campaign-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:16]


def create_campaign_tasks(db: Database, *, patient_ids: Iterable[str], name: str, actor_id: str | None,
                          due: datetime, reason: str | None = None) -> CampaignResult:
    """Put `patient_ids` on the follow-up list of the campaign `name` (a FollowUpKind.CAMPAIGN rule, made
    if missing), one open task each, due `due`. Patients already on that campaign's list are skipped, so
    running it again is harmless. One transaction. Raise CampaignError for an empty name or list."""
    label = name.strip()
    ids = list(dict.fromkeys(p for p in patient_ids if p))
    if not label:
        raise CampaignError("name", "required")
    if len(label) > 64:
        raise CampaignError("name", "too_long")
    if not ids:
        raise CampaignError("patient_ids", "empty")
    code = campaign_code(label)
    with db.write() as s:
        rule = s.scalar(select(FollowUpRule).where(FollowUpRule.code == code))
        new_rule = rule is None
        if rule is None:
            rule = FollowUpRule(code=code, name=label, kind=FollowUpKind.CAMPAIGN.value, active=True,
                                definition={"source": "analytics", "created_by": actor_id})
            s.add(rule)
            s.flush()
        have = set() if new_rule else set(s.scalars(select(FollowUpTask.patient_id).where(
            FollowUpTask.rule_id == rule.id, FollowUpTask.source_ref == code)))
        tasks = [FollowUpTask(patient_id=pid, rule_id=rule.id, source_ref=code, step="", due_at=due,
                              state=TaskState.OPEN.value, priority=2, reason=(reason or label)[:200])
                 for pid in ids if pid not in have]
        s.add_all(tasks)
        s.flush()
        rule_id = rule.id
        task_ids = [task.id for task in tasks]
    entities = {"followup_tasks"} | ({"followup_rules"} if new_rule else set())
    changes = Changes(frozenset(entities), frozenset(task_ids) | ({rule_id} if new_rule else set()),
                      frozenset(pid for pid in ids if pid not in have))
    return CampaignResult(rule_id, len(tasks), len(ids) - len(tasks), changes)
