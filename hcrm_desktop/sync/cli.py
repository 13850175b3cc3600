"""`hcrm-desktop sync`: push and pull from the command line.

    hcrm-desktop sync --once --db PATH --central URL_OR_DSN --user U --password-stdin

prints `{"pushed":..,"pulled":..,"conflicts":..,"rejected":..}` and exits 0, or prints the same with
`error` and `message` and exits 1. Killing it at any moment loses nothing: every step is a transaction
and a repeated push is answered "duplicate". Without `--once` it keeps syncing until interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.sync.credentials import KeyringSecrets
from hcrm_desktop.sync.errors import SyncError

if TYPE_CHECKING:  # the engine is imported when a sync runs, so other commands start fast
    from hcrm_desktop.sync.engine import BootstrapProgress, SyncStatus, SyncSummary

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PASSWORD_KEY = "password"


def add_sync_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser("sync", help="synchronise with the central side")
    parser.add_argument("--once", action="store_true", help="push and pull once, print a JSON summary, exit")
    parser.add_argument("--db", type=Path, help="local database (default: the configured one)")
    parser.add_argument("--central", help="https://... service or postgresql://... database")
    parser.add_argument("--user", help="user name at the central side (default: the last user)")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    parser.add_argument("--remember", action="store_true", help="keep the password in the OS keyring")
    parser.add_argument("--batch", type=int, default=200, help="mutations per push request")
    parser.add_argument("--page", type=int, default=5000, help="rows per pull page (per table)")
    parser.add_argument("--progress", action="store_true", help="print bootstrap progress on stderr")
    return parser


def _resolve(args: argparse.Namespace) -> tuple[Path, str, str, str | None]:
    from hcrm_desktop.settings import load_settings

    settings = load_settings()
    db_path = args.db or (Path(settings.db_path) if settings.db_path else None)
    central = args.central or settings.central_url
    user = args.user or settings.last_user
    if db_path is None or not central or not user:
        raise ValueError("need --db, --central and --user (or configure them in the app's settings)")
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    if not password:
        password = KeyringSecrets(central, user).get(PASSWORD_KEY)
    return db_path, central, user, password


def _print_progress(progress: BootstrapProgress) -> None:
    eta = f", about {progress.eta_s:.0f}s left" if progress.eta_s is not None else ""
    print(f"bootstrap {progress.rows}/{progress.total} rows ({progress.fraction:.0%}){eta}", file=sys.stderr)


def _print_status(status: SyncStatus) -> None:
    state = "online" if status.online else "offline"
    error = f" error={status.last_error}" if status.last_error else ""
    print(f"{status.phase} {state} pending={status.pending} conflicts={status.conflicts}{error}", file=sys.stderr)


def _emit(summary: SyncSummary, error: SyncError | None = None) -> None:
    result: dict[str, Any] = summary.as_dict()
    if error is not None:
        result.update(error=error.code, message=error.detail)
    print(json.dumps(result, ensure_ascii=False), flush=True)


def cmd_sync(args: argparse.Namespace) -> int:
    from hcrm_desktop.store.db import open_database
    from hcrm_desktop.sync.engine import SyncEngine, SyncSummary
    from hcrm_desktop.sync.transport import open_transport

    try:
        db_path, central, user, password = _resolve(args)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    try:
        db = open_database(db_path, create=True)
    except StoreError as exc:
        print(json.dumps({"error": exc.code, "message": str(exc)}), flush=True)
        return EXIT_FAILURE
    secrets = KeyringSecrets(central, user)
    transport = open_transport(central, username=user, password=password, secrets=secrets)
    engine = SyncEngine(db=db, transport=transport, push_batch=max(1, args.batch), pull_limit=max(1, args.page),
                        on_progress=_print_progress if args.progress else None,
                        on_status=None if args.once else _print_status)
    summary = SyncSummary()
    try:
        engine.connect()
        if args.remember and password:
            secrets.set(PASSWORD_KEY, password)
        if not args.once:
            asyncio.run(engine.run())
            return EXIT_OK
        if not engine.store.cursor().bootstrapped:
            summary += SyncSummary(pulled=engine.bootstrap())
        summary += engine.sync_once()
    except SyncError as exc:
        _emit(summary, exc)
        return EXIT_FAILURE
    finally:
        transport.close()
        db.dispose()
    _emit(summary)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hcrm-desktop")
    add_sync_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return cmd_sync(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
