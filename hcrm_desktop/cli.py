"""Command line: `hcrm-desktop [--demo] [--db PATH]` starts the app; subcommands run headless.

Only the app and screenshot commands load Qt, and they do so lazily inside their functions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hcrm_desktop import __version__
from hcrm_desktop.analytics.report_cli import add_report_parser, cmd_report
from hcrm_desktop.services.followup_cli import add_followups_parser, cmd_followups
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.sync.cli import add_sync_parser

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# Messages for store problems, by error code, in the two languages the product speaks.
STORE_MESSAGES = {
    "missing": ("数据库文件不存在：{path}", "Database file not found: {path}"),
    "locked": ("数据库被其他程序锁定，请关闭后重试：{path}", "Database is locked by another program: {path}"),
    "too_new": (
        "数据库来自更新版本的 HCRM，请升级本程序：{path}",
        "Database was written by a newer HCRM Desktop; please upgrade: {path}",
    ),
    "corrupt": ("数据库文件已损坏或不是数据库：{path}", "Database file is corrupt or not a database: {path}"),
    "not_writable": ("无法写入数据库位置：{path}", "Cannot write to the database location: {path}"),
    "exists": (
        "数据库已存在：{path}（如需覆盖请加 --force）",
        "Database already exists: {path} (add --force to overwrite)",
    ),
}


def cli_language() -> str:
    """The language for command-line messages: the app's setting, else the environment's locale."""
    from hcrm_desktop.settings import load_settings

    if os.environ.get("HCRM_LANG"):
        return os.environ["HCRM_LANG"]
    lang = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    if lang.startswith("en"):
        return "en"
    return load_settings().language


# Why a caller id could not be read, by `PhoneError.code`.
PHONE_MESSAGES = {
    "invalid": ("无法识别的号码：{number}", "Not a phone number: {number}"),
    "too_short": ("号码位数不足：{number}", "Phone number too short: {number}"),
    "too_long": ("号码位数过多：{number}", "Phone number too long: {number}"),
    "characters": ("号码含有无效字符：{number}", "Phone number contains invalid characters: {number}"),
}


def phone_message(number: str, code: str) -> str:
    zh, en = PHONE_MESSAGES.get(code, PHONE_MESSAGES["invalid"])
    return (en if cli_language() == "en" else zh).format(number=number)


def store_message(error: StoreError) -> str:
    zh, en = STORE_MESSAGES.get(error.code, ("数据库错误：{path}", "Database error: {path}"))
    return (en if cli_language() == "en" else zh).format(path=error.path)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _add_lookup_and_search(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lookup = sub.add_parser("lookup", help="who is calling: a number to its patients, as the screen pop does")
    lookup.add_argument("number")
    lookup.add_argument("--db", type=Path, required=True)
    lookup.add_argument("--json", action="store_true", help="print one JSON object")
    search = sub.add_parser("search", help="search patients as the customers screen does")
    search.add_argument("query")
    search.add_argument("--db", type=Path, required=True)
    search.add_argument("--limit", type=_positive_int, default=50)
    search.add_argument("--json", action="store_true", help="print one JSON object")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hcrm-desktop", description="HCRM Desktop 客服工作台")
    parser.add_argument("--version", action="version", version=f"hcrm-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the embedded demo database")
    parser.add_argument("--db", type=Path, help="path of the local database")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user-interface language")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo-data", help="build a deterministic demo database")
    demo.add_argument("--patients", type=_positive_int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--db", type=Path, required=True)
    demo.add_argument("--force", action="store_true", help="overwrite an existing database")

    _add_lookup_and_search(sub)
    add_sync_parser(sub)
    add_report_parser(sub)
    add_followups_parser(sub)

    shot = sub.add_parser("screenshot", help="render a view offscreen to a PNG")
    shot.add_argument("--list", action="store_true", help="list the view names")
    shot.add_argument("--view")
    shot.add_argument("--out", type=Path)
    shot.add_argument("--db", type=Path)
    shot.add_argument("--demo", action="store_true")
    shot.add_argument("--lang", choices=["zh_CN", "en"])
    return parser


def cmd_demo_data(args: argparse.Namespace) -> int:
    from hcrm_desktop.demo.generate import generate_database, print_progress

    generate_database(
        args.db, patients=args.patients, seed=args.seed, force=args.force, on_progress=print_progress
    )
    return EXIT_OK


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, default=_plain)


def lookup_payload(result: Any) -> dict[str, Any]:
    """The `lookup --json` object: the screen pop's `LookupResult`, field for field."""
    return {
        "input": result.input,
        "normalized": result.normalized,
        "withheld": result.withheld,
        "matches": [{k: _plain(v) for k, v in asdict(m).items()} for m in result.matches],
    }


def search_payload(result: Any) -> dict[str, Any]:
    """The `search --json` object: the customers screen's `SearchResult`, field for field."""
    return {
        "query": result.query,
        "kind": result.kind,
        "more": result.more,
        "results": [{k: _plain(v) for k, v in asdict(h).items()} for h in result.hits],
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(_plain(v)) if v is not None else "" for v in row] for row in [headers, *rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    return "\n".join(
        "  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )


TABLE_HEADERS = {
    "lookup": (("客户号", "姓名", "性别", "出生日期", "关系", "联系人", "VIP", "最近联系", "评分"),
               ("Customer", "Name", "Sex", "Born", "Relation", "Contact", "VIP", "Last contact", "Score")),
    "search": (("客户号", "姓名", "性别", "出生日期", "电话", "身份证", "VIP", "匹配"),
               ("Customer", "Name", "Sex", "Born", "Phone", "National ID", "VIP", "Matched on")),
}  # fmt: skip
RELATIONS_ZH = {"self": "本人", "spouse": "配偶", "child": "子女", "parent": "父母", "other": "其他"}
SEXES_ZH = {"M": "男", "F": "女", "U": "未知"}
NOTHING = {"withheld": ("号码未显示（隐藏号码）", "Number withheld"), "none": ("没有找到", "No match")}


def _text(pair: tuple[str, str]) -> str:
    return pair[1] if cli_language() == "en" else pair[0]


def _headers(command: str) -> tuple[str, ...]:
    zh, en = TABLE_HEADERS[command]
    return en if cli_language() == "en" else zh


def lookup_table(result: Any) -> str:
    if result.withheld or not result.matches:
        return _text(NOTHING["withheld" if result.withheld else "none"])
    zh = cli_language() != "en"
    rows = [(m.customer_no, m.name, SEXES_ZH.get(m.sex, m.sex) if zh else m.sex, m.birth_date,
             RELATIONS_ZH.get(m.relation, m.relation) if zh else m.relation, m.contact_name, m.vip_level,
             m.last_contact_at.strftime("%Y-%m-%d %H:%M") if m.last_contact_at else "", f"{m.score:.2f}")
            for m in result.matches]  # fmt: skip
    return f"{result.normalized}\n" + _table(_headers("lookup"), rows)


def search_table(result: Any) -> str:
    if not result.hits:
        return _text(NOTHING["none"])
    zh = cli_language() != "en"
    rows = [(h.customer_no, h.name, SEXES_ZH.get(h.sex, h.sex) if zh else h.sex, h.birth_date, h.masked_phone, h.masked_national_id, h.vip_level,
             h.matched_on) for h in result.hits]  # fmt: skip
    return _table(_headers("search"), rows)


def cmd_lookup(args: argparse.Namespace) -> int:
    from hcrm_desktop.domain.phones import PhoneError
    from hcrm_desktop.services.lookup import lookup_number
    from hcrm_desktop.store.db import open_database

    db = open_database(args.db)
    try:
        result = lookup_number(db, args.number)
    except PhoneError as exc:
        print(phone_message(args.number, exc.code), file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.dispose()
    print(_json(lookup_payload(result)) if args.json else lookup_table(result))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from hcrm_desktop.services.search import search_patients
    from hcrm_desktop.store.db import open_database

    db = open_database(args.db)
    try:
        result = search_patients(db, args.query, limit=args.limit)
    finally:
        db.dispose()
    print(_json(search_payload(result)) if args.json else search_table(result))
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from hcrm_desktop.sync.cli import cmd_sync as run_sync

    return run_sync(args)


def cmd_screenshot(args: argparse.Namespace) -> int:
    from hcrm_desktop.ui.screenshot import run_screenshot

    return run_screenshot(args)


def cmd_app(args: argparse.Namespace) -> int:
    from hcrm_desktop.app import run_app

    return run_app(demo=args.demo, db_path=args.db, language=args.lang)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_app,
    "demo-data": cmd_demo_data,
    "lookup": cmd_lookup,
    "search": cmd_search,
    "sync": cmd_sync,
    "report": cmd_report,
    "followups": cmd_followups,
    "screenshot": cmd_screenshot,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except StoreError as exc:
        print(store_message(exc), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
