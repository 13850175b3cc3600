"""Excel export (types, headers, audit) and the monthly report (PDF with Chinese text, workbook, CLI)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from hcrm_desktop.analytics.export import ExportError, export_table, export_with_audit
from hcrm_desktop.analytics.report import ReportError, build_monthly_report, parse_month
from hcrm_desktop.cli import main
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import AuditEvent
from tests.fixtures.customer_world import TODAY, build_customer_world


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "rep.db", create=True)
    yield database
    database.dispose()


@pytest.fixture
def world(db):
    return build_customer_world(db)


TABLE = pd.DataFrame({
    "name": ["张一", "李二"],
    "visits": [3, 12],
    "amount_fen": [123_456, 50],
    "share": [0.25, 0.755],
    "last_visit": pd.to_datetime(["2026-04-30", None]),
    "called_at": [datetime(2026, 11, 2, 14, 30), datetime(2026, 11, 3, 8, 5)],
})  # fmt: skip
HEADERS = ["姓名", "就诊次数", "消费金额", "占比", "最近就诊", "呼叫时间"]


def test_xlsx_keeps_types_formats_and_chinese_headers(tmp_path):
    path = tmp_path / "t.xlsx"
    assert export_table(TABLE, HEADERS, path) == 2

    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.freeze_panes == "A2"
    name, visits, money, share, last, called = ws[2]
    assert (name.value, visits.value) == ("张一", 3) and isinstance(visits.value, int)
    assert money.value == pytest.approx(1234.56) and "¥" in money.number_format  # fen written as yuan
    assert share.value == 0.25 and share.number_format == "0.0%"
    assert last.value == datetime(2026, 4, 30) and last.number_format == "yyyy-mm-dd"
    assert called.value == datetime(2026, 11, 2, 14, 30) and called.number_format == "yyyy-mm-dd hh:mm"
    assert ws["E3"].value is None  # a missing date stays empty
    assert ws.column_dimensions["A"].width >= 8
    assert ws.column_dimensions["F"].width >= len("2026-11-02 14:30:00")


def test_rows_with_a_header_mapping_pick_and_order_columns(tmp_path):
    rows = [{"b": 2, "a": "x", "skip": 0}, {"b": 3, "a": "y", "skip": 0}]
    export_table(rows, {"a": "甲", "b": "乙"}, tmp_path / "r.xlsx")

    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [["甲", "乙"], ["x", 2], ["y", 3]]
    with pytest.raises(ExportError) as wrong:
        export_table(rows, ["只有一个"], tmp_path / "bad.xlsx")
    assert wrong.value.code == "bad_headers"


def test_export_is_audited(db, tmp_path):
    result = export_with_audit(db, None, TABLE, HEADERS, tmp_path / "a.xlsx", what="churn_risk")

    assert result.rows == 2 and result.changes.touches("audit_events")
    with db.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert (event.entity, event.details["rows"], event.details["file"]) == ("churn_risk", 2, "a.xlsx")


def test_month_must_be_yyyy_mm():
    assert parse_month("2026-12") == (date(2026, 12, 1), date(2027, 1, 1))
    for bad in ("2026-13", "2026-1", "11/2026", ""):
        with pytest.raises(ReportError):
            parse_month(bad)


def _pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:  # poppler-utils missing: at least the CJK font must be embedded
        data = path.read_bytes()
        assert b"/FontFile" in data and b"NotoSansCJK" in data
        pytest.skip("pdftotext not installed (scripts/setup-system.sh installs poppler-utils)")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_monthly_report_has_the_hand_checked_figures(db, world, tmp_path):
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    report = build_monthly_report(db, month="2026-10", pdf=pdf, xlsx=xlsx, today=TODAY)

    kpi = {k.key: k.value for k in report.kpis}
    # October: 3 interactions (2 consultations 10-02, praise 10-20), complaints T1-T3 (T4 is 09-30).
    assert (kpi["contacts"], kpi["type_consultation"], kpi["type_praise"], kpi["complaints"]) == (3, 2, 1, 3)
    # tiers as of 10-31: A, H core; B (stay of 11-01 not yet) and C potential; D normal; E, F drifting
    assert [kpi[f"tier_{t}"] for t in ("core", "potential", "normal", "drifting")] == [2, 2, 1, 2]
    assert kpi["coverage"] == pytest.approx(100.0)  # B's checkup of 10-01 followed up; no October discharge
    assert list(report.categories["category"]) == ["等候时间", "服务态度"]
    assert list(report.departments["department"]) == ["心内科", "骨科"]  # survey 4.5 first, then no score
    assert int(report.daily.set_index("day").loc["2026-10-02", "contacts"]) == 2
    assert len(report.daily) == 31

    text = _pdf_text(pdf)
    for words in ("客户关系管理月报", "2026年10月", "关键指标", "投诉类别", "科室排名", "等候时间", "心内科"):
        assert words in text, words
    sheets = openpyxl.load_workbook(xlsx).sheetnames
    assert sheets == ["关键指标", "每日接触", "接触类型", "价值分层", "投诉类别", "科室排名", "随访覆盖"]


def test_cli_exit_codes(db, world, tmp_path, capsys):
    db.dispose()
    path = str(db.path)
    assert main(["report", "monthly", "--month", "2026-13", "--db", path, "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert main(["report", "monthly", "--month", "2026-10", "--db", str(tmp_path / "none.db"),
                 "--xlsx", str(tmp_path / "x.xlsx")]) == 1
    assert main(["report", "monthly", "--month", "2026-10", "--db", path]) == 2  # nothing to write
    assert main(["report", "monthly", "--month", "2026-10", "--db", path, "--xlsx", str(tmp_path / "ok.xlsx"),
                 "--quiet"]) == 0
    assert (tmp_path / "ok.xlsx").exists() and not (tmp_path / "x.xlsx").exists()
