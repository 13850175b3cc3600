"""Tables to Excel (.xlsx): Chinese headers, real types, readable widths, a frozen header row; audited.

Types in the workbook follow the column, not the text: numbers stay numbers; a column named `*_fen` is
written in yuan (fen / 100) with a ¥ format; dates and datetimes are Excel dates (`yyyy-mm-dd`, with
`hh:mm` when there is a time); share-like columns (`share`, `coverage`, `*_rate`, or listed in `percent`)
hold fractions (0.25) formatted as percentages (25.0%).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import AuditEvent

MONEY_FORMAT, PERCENT_FORMAT = '"¥"#,##0.00', "0.0%"
DATE_FORMAT, DATETIME_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60
SHEET_NAME = "数据"
Headers = Sequence[str] | Mapping[str, str]


class ExportError(Exception):
    """The file could not be written: `code` is "not_writable" or "bad_headers" (the UI translates it)."""

    def __init__(self, code: str, path: str = "") -> None:
        super().__init__(f"{code}: {path}")
        self.code = code
        self.path = path


@dataclass(frozen=True)
class Sheet:
    name: str  # at most 31 characters, Excel's limit
    table: Any  # a DataFrame, or rows (sequences or dicts)
    headers: Headers  # one Chinese header per column, or {column: header} to pick and order columns
    percent: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    changes: Changes


def is_percent(column: str, percent: Iterable[str] = ()) -> bool:
    return column in set(percent) or column in {"share", "coverage"} or column.endswith(("_rate", "_share"))


def as_frame(table: Any, headers: Headers) -> pd.DataFrame:
    """The table with its columns picked (mapping headers) or named in order (sequence headers)."""
    if isinstance(table, pd.DataFrame):
        frame = table.reset_index(drop=True)
    else:
        rows = list(table)
        frame = pd.DataFrame(rows) if rows and isinstance(rows[0], Mapping) else pd.DataFrame.from_records(rows)
    if isinstance(headers, Mapping):
        missing = [c for c in headers if c not in frame.columns]
        if missing:
            raise ExportError("bad_headers", ", ".join(map(str, missing)))
        return frame[list(headers)]
    if frame.empty and len(frame.columns) == 0:
        return pd.DataFrame(columns=[f"c{i}" for i in range(len(headers))])
    if len(frame.columns) != len(headers):
        raise ExportError("bad_headers", f"{len(frame.columns)} columns, {len(headers)} headers")
    return frame


def _typed(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Values as Excel should hold them, and the number format per column."""
    out = frame.copy()
    formats: dict[str, str] = {}
    for col in out.columns:
        name = str(col)
        series = out[col]
        if name.endswith("_fen") and pd.api.types.is_numeric_dtype(series):
            out[col] = series / 100
            formats[name] = MONEY_FORMAT
        elif pd.api.types.is_datetime64_any_dtype(series):
            has_time = bool((series.dropna() != series.dropna().dt.normalize()).any())
            formats[name] = DATETIME_FORMAT if has_time else DATE_FORMAT
            out[col] = series.astype(object).where(series.notna(), None)
        elif series.dtype == object and series.map(lambda v: isinstance(v, date)).any():
            any_time = series.map(lambda v: isinstance(v, datetime) and v.time() != datetime.min.time()).any()
            formats[name] = DATETIME_FORMAT if any_time else DATE_FORMAT
    return out, formats


def _width(value: Any) -> int:
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_sheet(writer: pd.ExcelWriter, sheet: Sheet, frame: pd.DataFrame) -> int:
    labels = list(sheet.headers.values()) if isinstance(sheet.headers, Mapping) else list(sheet.headers)
    typed, formats = _typed(frame)
    columns = [str(c) for c in typed.columns]
    percent = {c for c in columns if is_percent(c, sheet.percent)}
    typed.columns = labels
    name = sheet.name[:31]
    typed.to_excel(writer, sheet_name=name, index=False)
    ws = writer.sheets[name]
    ws.freeze_panes = "A2"
    for index, (column, label) in enumerate(zip(columns, labels, strict=True), start=1):
        fmt = PERCENT_FORMAT if column in percent else formats.get(column)
        letter = ws.cell(row=1, column=index).column_letter
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt
        sample = typed[label].head(500)
        longest = max([_width(label), *(_width(v) for v in sample)]) if len(sample) else _width(label)
        ws.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))
    return len(typed)


def write_sheets(path: Path, sheets: Sequence[Sheet]) -> int:
    """Write the sheets to one workbook at `path`; returns the number of data rows written."""
    path = Path(path)
    frames = [as_frame(sheet.table, sheet.headers) for sheet in sheets]  # bad headers: fail before writing
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            return sum(_write_sheet(writer, sheet, frame) for sheet, frame in zip(sheets, frames, strict=True))
    except OSError as exc:
        raise ExportError("not_writable", str(path)) from exc


def export_table(df_or_rows: Any, headers_zh: Headers, path: Path, *, sheet: str = SHEET_NAME,
                 percent: Iterable[str] = ()) -> int:
    """One table to an .xlsx at `path` (see the module docstring); returns the number of rows written."""
    return write_sheets(Path(path), [Sheet(sheet, df_or_rows, headers_zh, tuple(percent))])


def audit_export(db: Database, actor_id: str | None, *, what: str, path: Path, rows: int,
                 details: Mapping[str, Any] | None = None) -> Changes:
    """Record who exported what, where, and how many rows (action `export`), plus any `details`."""
    with db.write() as s:
        event = AuditEvent(actor_id=actor_id, action="export", entity=what, entity_id=None,
                           details={"path": str(path), "rows": rows, "file": Path(path).name, **(details or {})})
        s.add(event)
        s.flush()
        event_id = event.id
    return Changes.of("audit_events", event_id)


def export_with_audit(db: Database, actor_id: str | None, df_or_rows: Any, headers_zh: Headers, path: Path, *,
                      what: str, sheet: str = SHEET_NAME, percent: Iterable[str] = ()) -> ExportResult:
    """`export_table`, then an AuditEvent (action `export`, entity `what`, e.g. "churn_risk")."""
    rows = export_table(df_or_rows, headers_zh, Path(path), sheet=sheet, percent=percent)
    changes = audit_export(db, actor_id, what=what, path=Path(path), rows=rows)
    return ExportResult(Path(path), rows, changes)
