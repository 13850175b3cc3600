"""`hcrm-desktop report monthly --month YYYY-MM --db PATH [--pdf F] [--xlsx F]`: the monthly CRM report."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
MESSAGES = {
    "bad_month": ("月份格式应为 YYYY-MM（例如 2026-11）：{detail}", "The month must be YYYY-MM (e.g. 2026-11): {detail}"),
    "no_font": ("找不到中文字体，请安装 fonts-noto-cjk", "No Chinese font found; install fonts-noto-cjk"),
    "not_writable": ("无法写入报表文件：{detail}", "Cannot write the report file: {detail}"),
    "no_output": ("请至少指定 --pdf 或 --xlsx", "Give --pdf or --xlsx (or both)"),
    "done": ("已生成 {month} 月报（{seconds:.1f} 秒）：{files}", "Monthly report {month} written in {seconds:.1f} s: {files}"),
}  # fmt: skip


def add_report_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = sub.add_parser("report", help="build reports (monthly CRM report as PDF and Excel)")
    kinds = report.add_subparsers(dest="report_kind", required=True)
    monthly = kinds.add_parser("monthly", help="the monthly CRM report")
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    monthly.add_argument("--db", type=Path, required=True)
    monthly.add_argument("--pdf", type=Path)
    monthly.add_argument("--xlsx", type=Path)
    monthly.add_argument("--quiet", action="store_true", help="print nothing on success")


def _say(code: str, **values: object) -> str:
    from hcrm_desktop.cli import cli_language

    zh, en = MESSAGES[code]
    return (en if cli_language() == "en" else zh).format(**values)


def cmd_report(args: argparse.Namespace) -> int:
    """Exit 0 when written; 2 for a bad month or no output named; 1 when the database or a file fails
    (store errors are turned into messages by `hcrm_desktop.cli.main`)."""
    from hcrm_desktop.analytics.report import ReportError, build_monthly_report, parse_month
    from hcrm_desktop.store.db import open_database

    if args.pdf is None and args.xlsx is None:
        print(_say("no_output"), file=sys.stderr)
        return EXIT_USAGE
    try:
        parse_month(args.month)
    except ReportError as exc:
        print(_say(exc.code, detail=exc.detail), file=sys.stderr)
        return EXIT_USAGE
    db = open_database(args.db)
    started = time.perf_counter()
    try:
        build_monthly_report(db, month=args.month, pdf=args.pdf, xlsx=args.xlsx)
    except ReportError as exc:
        print(_say(exc.code, detail=exc.detail), file=sys.stderr)
        return EXIT_USAGE if exc.code == "bad_month" else EXIT_FAILURE
    finally:
        db.dispose()
    if not args.quiet:
        files = ", ".join(str(p) for p in (args.pdf, args.xlsx) if p is not None)
        print(_say("done", month=args.month, seconds=time.perf_counter() - started, files=files))
    return EXIT_OK
