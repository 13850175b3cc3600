"""`hcrm-desktop followups ...`: make follow-up tasks from the rules, check and import a rules file.

    hcrm-desktop followups generate --db PATH [--today YYYY-MM-DD] [--rules FILE] [--json]
    hcrm-desktop followups check-rules [FILE]
    hcrm-desktop followups import-rules --db PATH [--file FILE] [--replace]

`generate --json` prints `{"created": {rule: n, ...}, "skipped": {reason: n, ...}, ...}`. A bad rules file
prints where it is wrong (`rules.toml line 12: ...`) and exits 2; a database problem exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
MESSAGES = {
    "rules": ("规则文件有误：{file} {where}{message}", "Rules file error: {file} {where}{message}"),
    "line": ("第 {line} 行：", "line {line}: "),
    "questionnaire": ("问卷模板有误：{message}", "Questionnaire template error: {message}"),
    "rules_ok": ("规则文件有效：{file}，共 {n} 条规则", "Rules file is valid: {file}, {n} rules"),
    "imported": ("已导入规则：新增 {added}，更新 {updated}", "Rules imported: {added} added, {updated} updated"),
    "summary": ("共生成随访任务 {n} 条", "{n} follow-up tasks created"),
}


def add_followups_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser("followups", help="follow-up rules and task generation")
    sub = parser.add_subparsers(dest="followups_command", required=True)
    generate = sub.add_parser("generate", help="make the follow-up tasks the rules call for (idempotent)")
    generate.add_argument("--db", type=Path, required=True)
    generate.add_argument("--today", type=date.fromisoformat, help="the day to generate for (default: today)")
    generate.add_argument("--rules", type=Path, help="use this rules file instead of the rules in the database")
    generate.add_argument("--json", action="store_true", help="print one JSON object")
    check = sub.add_parser("check-rules", help="validate a rules file (default: the shipped one)")
    check.add_argument("file", type=Path, nargs="?")
    imported = sub.add_parser("import-rules", help="store a rules file's rules and the shipped questionnaires")
    imported.add_argument("--db", type=Path, required=True)
    imported.add_argument("--file", type=Path, help="rules file (default: the shipped one)")
    imported.add_argument("--replace", action="store_true", help="overwrite rules already stored")
    return parser


def _say(key: str, **values: object) -> str:
    from hcrm_desktop.cli import cli_language

    zh, en = MESSAGES[key]
    return (en if cli_language() == "en" else zh).format(**values)


def cmd_followups(args: argparse.Namespace) -> int:
    from hcrm_desktop.domain.followup_rules import RulesError
    from hcrm_desktop.domain.questionnaire import QuestionnaireError
    from hcrm_desktop.services.followup_catalog import rules_file

    file = getattr(args, "rules", None) or getattr(args, "file", None) or rules_file()
    try:
        if args.followups_command == "generate":
            return _generate(args)
        if args.followups_command == "check-rules":
            return _check(file)
        return _import(args, file)
    except RulesError as exc:
        where = _say("line", line=exc.line) if exc.line else ""
        message = f"rule {exc.rule}: {exc.message}" if exc.rule else exc.message
        print(_say("rules", file=file, where=where, message=message), file=sys.stderr)
        return EXIT_USAGE
    except QuestionnaireError as exc:
        print(_say("questionnaire", message=exc), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(_say("rules", file=file, where="", message=exc.strerror or exc), file=sys.stderr)
        return EXIT_USAGE


def _generate(args: argparse.Namespace) -> int:
    from hcrm_desktop.domain.followup_rules import parse_rules_toml
    from hcrm_desktop.services.followup_generation import generate_tasks
    from hcrm_desktop.store.db import open_database

    rules = parse_rules_toml(args.rules.read_text(encoding="utf-8")) if args.rules else None
    db = open_database(args.db)
    try:
        report = generate_tasks(db, today=args.today or date.today(), rules=rules)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        for code, n in report.created.items():
            skipped = ", ".join(f"{reason} {k}" for reason, k in report.skipped[code].items())
            print(f"{code:<26} {n:>8}  {skipped}")
        print(_say("summary", n=report.total_created))
        for warning in report.warnings:
            print(warning, file=sys.stderr)
    return EXIT_OK


def _check(file: Path) -> int:
    from hcrm_desktop.domain.followup_rules import parse_rules_toml

    rules = parse_rules_toml(file.read_text(encoding="utf-8"))
    print(_say("rules_ok", file=file, n=len(rules.rules)))
    return EXIT_OK


def _import(args: argparse.Namespace, file: Path) -> int:
    from hcrm_desktop.services.followup_catalog import seed_questionnaires, sync_rules_from_file
    from hcrm_desktop.store.db import open_database

    db = open_database(args.db)
    try:
        result = sync_rules_from_file(db, file, replace=args.replace)
        seed_questionnaires(db)
    finally:
        db.dispose()
    print(_say("imported", added=len(result.added), updated=len(result.updated)))
    return EXIT_OK
