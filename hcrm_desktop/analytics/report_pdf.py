"""Drawing the monthly report as a PDF with fpdf2: an embedded CJK font, vector bar charts, plain tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import TableCellFillMode
from fpdf.fonts import FontFace

from hcrm_desktop.analytics.report import (
    DEPARTMENT_HEADERS,
    TITLE,
    TOP_CATEGORIES,
    MonthlyReport,
    month_title,
    rows_of,
)

INK, MUTED, ACCENT, GRID = (33, 37, 41), (108, 117, 125), (37, 99, 235), (222, 226, 230)
HEAD_FILL, STRIPE = (232, 240, 254), (248, 249, 250)
FONT = "cjk"


class ReportPdf(FPDF):
    def __init__(self, *, font: tuple[str, int], title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        path, index = font
        self.add_font(FONT, "", path, collection_font_number=index)
        bold = path.replace("Regular", "Bold")
        self.add_font(FONT, "B", bold if Path(bold).exists() else path, collection_font_number=index)
        self.set_title(title)
        self.set_creator("HCRM Desktop")
        self.set_auto_page_break(auto=True, margin=18)
        self._footer_title = title

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self._footer_title}  ·  第 {self.page_no()} 页", align="C")

    def heading(self, text: str) -> None:
        if self.get_y() > 250:
            self.add_page()
        self.ln(3)
        self.set_font(FONT, "B", 14)
        self.set_text_color(*INK)
        self.cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y(), self.l_margin + 30, self.get_y())
        self.ln(3)
        self.set_font(FONT, "", 10)

    def table_of(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                 align: Sequence[str]) -> None:
        self.set_font(FONT, "", 9.5)
        self.set_text_color(*INK)
        self.set_draw_color(*GRID)
        self.set_line_width(0.2)
        self.set_fill_color(255, 255, 255)
        heading = FontFace(emphasis="BOLD", fill_color=HEAD_FILL, color=INK)
        with self.table(col_widths=tuple(widths), text_align=tuple(align), headings_style=heading,
                        line_height=6.5, width=sum(widths), align="LEFT", first_row_as_headings=True,
                        cell_fill_color=STRIPE, cell_fill_mode=TableCellFillMode.ROWS) as table:
            table.row(list(headers))
            for row in rows:
                table.row(list(row))
        self.ln(2)

    def hbars(self, items: Sequence[tuple[str, float]], *, label_w: float = 42, fmt: str = "{:,.0f}") -> None:
        """A horizontal bar chart at the cursor: one row per (label, value)."""
        top = self.get_y()
        if top + 7 * len(items) > 275:
            self.add_page()
            top = self.get_y()
        x0, width = self.l_margin, self.w - self.l_margin - self.r_margin
        bar_w = width - label_w - 24
        peak = max((v for _, v in items), default=0) or 1
        self.set_font(FONT, "", 9)
        for i, (label, value) in enumerate(items):
            y = top + i * 7
            self.set_text_color(*INK)
            self.set_xy(x0, y)
            self.cell(label_w - 2, 6, _fit(self, label, label_w - 2), align="R")
            self.set_fill_color(*ACCENT)
            self.rect(x0 + label_w, y + 1, max(0.4, bar_w * value / peak), 4, style="F")
            self.set_xy(x0 + label_w + bar_w * value / peak + 1.5, y)
            self.set_text_color(*MUTED)
            self.cell(22, 6, fmt.format(value))
        self.set_xy(x0, top + 7 * len(items) + 2)

    def vbars(self, labels: Sequence[str], values: Sequence[float], *, height: float = 55) -> None:
        """A column chart at the cursor (e.g. contacts per day), with a value scale on the left."""
        if self.get_y() + height + 12 > 275:
            self.add_page()
        top = self.get_y()
        x0, width = self.l_margin + 12, self.w - self.l_margin - self.r_margin - 12
        peak = max(values, default=0) or 1
        self.set_draw_color(*GRID)
        self.set_line_width(0.2)
        self.set_font(FONT, "", 7)
        self.set_text_color(*MUTED)
        for step in range(5):
            y = top + height - height * step / 4
            self.line(x0, y, x0 + width, y)
            self.set_xy(self.l_margin, y - 2)
            self.cell(11, 4, f"{peak * step / 4:,.0f}", align="R")
        slot = width / max(1, len(values))
        self.set_fill_color(*ACCENT)
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            h = height * value / peak
            self.rect(x0 + i * slot + slot * 0.15, top + height - h, slot * 0.7, h, style="F")
            self.set_xy(x0 + i * slot, top + height + 1)
            self.cell(slot, 4, label, align="C")
        self.set_xy(self.l_margin, top + height + 8)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    while text and pdf.get_string_width(text) > width:
        text = text[:-2] + "…" if len(text) > 2 else text[:-1]
    return text


def _title_page(pdf: ReportPdf, r: MonthlyReport) -> None:
    pdf.add_page()
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 8, style="F")
    pdf.set_y(80)
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "B", 30)
    pdf.cell(0, 16, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 20)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 14, month_title(r), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    headline = {k.key: k for k in r.kpis}
    boxes = [headline[key] for key in ("contacts", "complaints", "completion", "tier_core") if key in headline]
    box_w, gap = 40.0, 6.0
    x = (pdf.w - len(boxes) * box_w - (len(boxes) - 1) * gap) / 2
    y = pdf.get_y()
    for kpi in boxes:
        pdf.set_draw_color(*GRID)
        pdf.rect(x, y, box_w, 26)
        pdf.set_xy(x, y + 3)
        pdf.set_font(FONT, "B", 15)
        pdf.set_text_color(*INK)
        pdf.cell(box_w, 10, kpi.text(), align="C")
        pdf.set_xy(x, y + 14)
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*MUTED)
        pdf.cell(box_w, 8, kpi.label, align="C")
        x += box_w + gap
    pdf.set_y(230)
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*MUTED)
    last = (r.end.toordinal() - 1)
    for line in (f"统计期间：{r.start.isoformat()} 至 {type(r.start).fromordinal(last).isoformat()}",
                 f"价值分层截至：{r.as_of.isoformat()}",
                 f"生成时间：{r.generated_at:%Y-%m-%d %H:%M}　　HCRM Desktop 客服工作台"):
        pdf.cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")


def _department_rows(r: MonthlyReport) -> list[list[str]]:
    def score(v: Any) -> str:
        return "–" if v is None or v != v else f"{v:.2f}"

    return rows_of(r.departments, list(DEPARTMENT_HEADERS),
                   {"complaint_satisfaction": score, "survey_score": score, "rank": str})


def render_pdf(r: MonthlyReport, path: Path, *, font: tuple[str, int]) -> None:
    """Write the report to `path`: title page, KPI table, charts, complaint categories, department league."""
    pdf = ReportPdf(font=font, title=f"{TITLE} {month_title(r)}")
    _title_page(pdf, r)
    pdf.add_page()
    pdf.heading("一、关键指标")
    pdf.table_of(["指标", "数值"], [[k.label, k.text()] for k in r.kpis], (110, 60), ("LEFT", "RIGHT"))
    pdf.heading("二、价值客户分层")
    pdf.hbars([(t, float(n)) for t, n in zip(r.tiers["tier"], r.tiers["patients"], strict=True)])
    pdf.add_page()
    pdf.heading("三、每日接触量")
    pdf.vbars([str(d.day) if d.day % 5 == 1 else "" for d in r.daily["day"]], list(map(float, r.daily["contacts"])))
    pdf.heading("四、接触类型")
    pdf.hbars([(t, float(n)) for t, n in zip(r.by_type["type"], r.by_type["contacts"], strict=True)])
    pdf.heading("五、随访覆盖")
    pdf.table_of(["类别", "应随访人数", "已完成随访", "覆盖率"],
                 [[k, f"{e:,}", f"{c:,}", f"{v * 100:.1f}%" if e else "–"] for k, e, c, v in
                  r.coverage[["kind", "eligible", "covered", "coverage"]].itertuples(index=False)],
                 (50, 40, 40, 40), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    pdf.add_page()
    pdf.heading(f"六、投诉类别 Top {TOP_CATEGORIES}")
    top = r.categories.head(TOP_CATEGORIES)
    if top.empty:
        pdf.cell(0, 8, "本月无投诉。", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.hbars([(c, float(n)) for c, n in zip(top["category"], top["complaints"], strict=True)])
        pdf.table_of(["投诉类别", "投诉数", "占比"],
                     [[c, f"{n:,}", f"{s * 100:.1f}%"] for c, n, s in top.itertuples(index=False)],
                     (90, 40, 40), ("LEFT", "RIGHT", "RIGHT"))
    pdf.heading("七、科室排名")
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 5, "按随访问卷平均分从高到低排名；同分时投诉少者在前，再按表扬多者在前。",
                   new_x="LMARGIN", new_y="NEXT")
    if r.departments.empty:
        pdf.cell(0, 8, "本月没有科室数据。", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.table_of(list(DEPARTMENT_HEADERS.values()), _department_rows(r), (14, 40, 20, 26, 20, 20, 26),
                     ("CENTER", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
