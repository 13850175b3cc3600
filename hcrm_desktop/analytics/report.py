"""The monthly CRM report (客户关系管理月报): a PDF (title page, KPI table, charts, top complaint categories,
department league table) and the same tables in an .xlsx workbook.

Everything is aggregated in SQLite over the month's date range (indexed), then shaped with pandas; the
value tiers come from `segments.segment_patients` as of the month's last day (or today, for the current
month). The agent KPIs (handle time, first-contact resolution, complaint SLA, follow-up completion, survey
and QA scores) are the totals over all staff of `performance.raw_sums`, with the definitions written there.

The PDF is drawn with fpdf2 (no Qt) in an embedded, subset CJK font (Noto Sans CJK SC; Microsoft YaHei or
SimHei on Windows), so the Chinese renders and can be searched and copied in any reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from hcrm_desktop.analytics import customers, performance, segments
from hcrm_desktop.analytics.export import Sheet, write_sheets
from hcrm_desktop.analytics.frames import Period, read_frame
from hcrm_desktop.domain.enums import ValueTier
from hcrm_desktop.store.db import Database

Progress = Callable[[float], None]
TITLE = "客户关系管理月报"
TOP_CATEGORIES = 10
FONT_CANDIDATES = (  # (file, index in a collection)
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # SC in Debian's fonts-noto-cjk
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
)
TYPE_ZH = {"consultation": "咨询", "complaint": "投诉", "praise": "表扬", "booking": "预约", "follow_up": "随访",
           "other": "其他"}  # fmt: skip
COVERAGE_ZH = {"discharge": "出院患者", "abnormal_checkup": "体检异常", "all": "合计"}


class ReportError(Exception):
    """`code`: "bad_month" (not YYYY-MM), "no_font" (no CJK font found), "not_writable"."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def parse_month(month: str) -> tuple[date, date]:
    """'2026-11' -> (2026-11-01, 2026-12-01): the month as a half-open range of days."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ReportError("bad_month", month)
    start = date(int(match.group(1)), int(match.group(2)), 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, end


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str  # Chinese, as printed
    value: float | int | None  # None: nothing to divide by
    unit: str = ""  # "%" (value is 0..100), "秒", "分", "" for counts

    def text(self) -> str:
        if self.value is None or (isinstance(self.value, float) and pd.isna(self.value)):
            return "–"
        if self.unit == "%":
            return f"{self.value:.1f}%"
        if isinstance(self.value, int):
            return f"{self.value:,}{self.unit}"
        return f"{self.value:,.1f}{self.unit}" if self.unit else f"{self.value:,.2f}"


@dataclass(frozen=True)
class MonthlyReport:
    month: str
    start: date
    end: date
    as_of: date
    generated_at: datetime
    kpis: tuple[Kpi, ...]
    daily: pd.DataFrame  # day (date), contacts
    by_type: pd.DataFrame  # type, contacts
    tiers: pd.DataFrame  # tier (中文), patients
    categories: pd.DataFrame  # category, complaints, share
    departments: pd.DataFrame  # rank, department, complaints, complaint_satisfaction, praise, ...
    coverage: pd.DataFrame  # kind (中文), eligible, covered, coverage
    seconds: dict[str, float] = field(default_factory=dict)


def _contacts(db: Database, period: Period) -> pd.DataFrame:
    frame = read_frame(db, """
        SELECT substr(started_at, 1, 10) AS day, type, count(*) AS contacts FROM interactions
        WHERE deleted = 0 AND started_at >= :start AND started_at < :end GROUP BY 1, 2""",
                       {"start": period.bounds[0], "end": period.bounds[1]})
    return frame


def _complaint_categories(db: Database, period: Period) -> pd.DataFrame:
    frame = read_frame(db, """
        SELECT coalesce(nullif(category, ''), '未分类') AS category, count(*) AS complaints FROM complaints
        WHERE deleted = 0 AND opened_at >= :start AND opened_at < :end GROUP BY 1 ORDER BY 2 DESC, 1""",
                       {"start": period.bounds[0], "end": period.bounds[1]})
    total = int(frame["complaints"].sum()) if len(frame) else 0
    frame["share"] = frame["complaints"] / total if total else 0.0
    return frame


def _new_patients(db: Database, period: Period) -> int:
    frame = read_frame(db, "SELECT count(*) FROM patients WHERE deleted = 0 AND merged_into_id IS NULL "
                           "AND created_at >= :start AND created_at < :end",
                       {"start": period.bounds[0], "end": period.bounds[1]}, columns=["n"])
    return int(frame["n"].iloc[0])


def _staff_totals(db: Database, period: Period, now: datetime) -> dict[str, float | None]:
    raw = performance.raw_sums(db, period, now=now).sum()

    def ratio(num: str, den: str, scale: float = 1.0) -> float | None:
        return float(raw[num]) * scale / float(raw[den]) if raw.get(den, 0) else None

    return {"aht": ratio("handle_sum", "handle_n"), "wrap": ratio("wrap_sum", "wrap_n"),
            "fcr": ratio("fcr_yes", "fcr_n", 100), "sla_met": ratio("sla_yes", "sla_n", 100),
            "csat": ratio("csat_sum", "csat_n"), "followups": float(raw.get("followups", 0)),
            "completion": ratio("followups_done", "followups", 100),
            "attempts": ratio("attempts", "followups_done"), "survey": ratio("survey_sum", "survey_n"),
            "qa": ratio("qa_sum", "qa_n")}  # fmt: skip


def _league(quality: pd.DataFrame) -> pd.DataFrame:
    """Departments ranked by survey score (best first, none last), then fewer complaints, then more praise."""
    league = quality.sort_values(["survey_score", "complaints", "praise", "department"],
                                 ascending=[False, True, False, True], na_position="last").reset_index(drop=True)
    league.insert(0, "rank", range(1, len(league) + 1))
    return league.drop(columns=["department_id"])


def collect_monthly(db: Database, *, month: str, today: date | None = None,
                    progress: Progress | None = None) -> MonthlyReport:
    """Every figure of the report for `month` ('YYYY-MM'); raise ReportError("bad_month") for a bad month."""
    start, end = parse_month(month)
    report = progress or (lambda _f: None)
    today = today or date.today()
    as_of = min(end - timedelta(days=1), today)
    period = Period.days(start, end - timedelta(days=1))
    now = min(datetime.now(), datetime.combine(end, datetime.min.time()))
    contacts = _contacts(db, period)
    report(0.1)
    staff = _staff_totals(db, period, now)
    report(0.25)
    categories = _complaint_categories(db, period)
    coverage = customers.followup_coverage(db, start=start, end=end)
    quality = customers.department_quality(db, start=start, end=end)
    report(0.35)
    seg = segments.segment_patients(db, today=as_of, progress=lambda f: report(0.35 + 0.55 * f))
    tier_counts = segments.tier_counts(seg)
    total = int(contacts["contacts"].sum()) if len(contacts) else 0
    per_type = contacts.groupby("type")["contacts"].sum() if len(contacts) else pd.Series(dtype="int64")
    kpis = (
        Kpi("contacts", "接触总数", total), *(Kpi(f"type_{t}", f"其中{zh}", int(per_type.get(t, 0)))
                                             for t, zh in TYPE_ZH.items() if t in ("consultation", "complaint",
                                                                                 "praise", "booking")),
        Kpi("aht", "平均处理时长", staff["aht"], "秒"), Kpi("wrap", "平均话后处理时长", staff["wrap"], "秒"),
        Kpi("fcr", "首次解决率", staff["fcr"], "%"),
        Kpi("complaints", "新建投诉工单", int(categories["complaints"].sum()) if len(categories) else 0),
        Kpi("sla_met", "投诉按时解决率", staff["sla_met"], "%"),
        Kpi("csat", "投诉处理满意度（1-5）", staff["csat"]),
        Kpi("followups", "到期随访任务", int(staff["followups"] or 0)),
        Kpi("completion", "随访完成率", staff["completion"], "%"),
        Kpi("attempts", "每完成一次随访的拨打次数", staff["attempts"]),
        Kpi("coverage", "随访覆盖率（出院/体检异常）", float(coverage["coverage"].iloc[-1]) * 100
            if int(coverage["eligible"].iloc[-1]) else None, "%"),
        Kpi("survey", "满意度问卷平均分", staff["survey"]), Kpi("qa", "质检平均分（0-100）", staff["qa"]),
        Kpi("new_patients", "新建客户档案", _new_patients(db, period)),
        *(Kpi(f"tier_{t}", f"{segments.TIER_ZH[ValueTier(t)]}客户", n) for t, n in tier_counts.items()),
    )  # fmt: skip
    days = pd.date_range(start, end - timedelta(days=1), freq="D")
    daily = (contacts.groupby("day")["contacts"].sum() if len(contacts) else pd.Series(dtype="int64"))
    daily.index = pd.to_datetime(daily.index)
    daily = daily.reindex(days, fill_value=0).rename_axis("day").reset_index(name="contacts")
    by_type = pd.DataFrame({"type": [TYPE_ZH.get(str(t), str(t)) for t in per_type.index],
                            "contacts": per_type.to_numpy()}).sort_values("contacts", ascending=False)
    tiers = pd.DataFrame({"tier": [segments.TIER_ZH[ValueTier(t)] for t in tier_counts],
                          "patients": list(tier_counts.values())})
    coverage = coverage.assign(kind=coverage["kind"].map(COVERAGE_ZH))
    report(0.92)
    return MonthlyReport(month, start, end, as_of, datetime.now(), kpis, daily, by_type.reset_index(drop=True),
                         tiers, categories, _league(quality), coverage)


# --- the workbook ---------------------------------------------------------------------------------------

KPI_HEADERS = {"label": "指标", "value": "数值", "unit": "单位"}
DEPARTMENT_HEADERS = {"rank": "排名", "department": "科室", "complaints": "投诉数",
                      "complaint_satisfaction": "投诉满意度", "praise": "表扬数", "survey_responses": "问卷数",
                      "survey_score": "问卷平均分"}  # fmt: skip


def report_sheets(r: MonthlyReport) -> list[Sheet]:
    kpis = pd.DataFrame([{"label": k.label, "value": k.value, "unit": k.unit} for k in r.kpis])
    return [
        Sheet("关键指标", kpis, KPI_HEADERS),
        Sheet("每日接触", r.daily, {"day": "日期", "contacts": "接触数"}),
        Sheet("接触类型", r.by_type, {"type": "类型", "contacts": "接触数"}),
        Sheet("价值分层", r.tiers, {"tier": "价值分层", "patients": "客户数"}),
        Sheet("投诉类别", r.categories, {"category": "投诉类别", "complaints": "投诉数", "share": "占比"}),
        Sheet("科室排名", r.departments, DEPARTMENT_HEADERS),
        Sheet("随访覆盖", r.coverage, {"kind": "类别", "eligible": "应随访人数", "covered": "已完成随访人数",
                                   "coverage": "覆盖率"}),
    ]  # fmt: skip


# --- the PDF --------------------------------------------------------------------------------------------


def cjk_font() -> tuple[str, int]:
    for path, index in FONT_CANDIDATES:
        if Path(path).exists():
            return path, index
    raise ReportError("no_font", "install fonts-noto-cjk")


def build_monthly_report(db: Database, *, month: str, pdf: Path | None = None, xlsx: Path | None = None,
                         progress: Progress | None = None, today: date | None = None) -> MonthlyReport:
    """Collect the month's figures and write the PDF and/or the workbook; returns the figures."""
    from hcrm_desktop.analytics.report_pdf import render_pdf

    report = progress or (lambda _f: None)
    if pdf is not None:
        cjk_font()  # fail before the long part
    started = datetime.now()
    r = collect_monthly(db, month=month, today=today, progress=lambda f: report(f * 0.9))
    r.seconds["collect"] = (datetime.now() - started).total_seconds()
    try:
        if pdf is not None:
            render_pdf(r, Path(pdf), font=cjk_font())
        report(0.96)
        if xlsx is not None:
            write_sheets(Path(xlsx), report_sheets(r))
    except OSError as exc:
        raise ReportError("not_writable", str(exc)) from exc
    r.seconds["total"] = (datetime.now() - started).total_seconds()
    report(1.0)
    return r


def month_title(r: MonthlyReport) -> str:
    return f"{r.start.year}年{r.start.month}月"


def rows_of(frame: pd.DataFrame, columns: Sequence[str], formats: dict[str, Callable[[Any], str]]) -> list[list[str]]:
    """Table cells as text for the PDF."""
    out = []
    for record in frame[list(columns)].itertuples(index=False):
        out.append([formats.get(c, _plain)(v) for c, v in zip(columns, record, strict=True)])
    return out


def _plain(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)
