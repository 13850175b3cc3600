"""`hcrm-central`: set up and run the central side.

    hcrm-central init-db --dsn DSN
    hcrm-central demo-data --dsn DSN --patients N --seed S
    hcrm-central create-user --dsn DSN --username U --role agent|nurse|supervisor|admin --password-stdin
    hcrm-central serve --dsn DSN --host 127.0.0.1 --port P
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from hcrm_desktop.sync.central.schema import ROLES

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
GRACE_S = 3  # on shutdown, long polls (up to 25 s) are cut after this; clients simply poll again


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hcrm-central", description="HCRM central database and service")
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init-db", help="create or upgrade the central schema")
    init.add_argument("--dsn", required=True)
    demo = sub.add_parser("demo-data", help="load the demo data set")
    demo.add_argument("--dsn", required=True)
    demo.add_argument("--patients", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    user = sub.add_parser("create-user", help="add or update a user")
    user.add_argument("--dsn", required=True)
    user.add_argument("--username", required=True)
    user.add_argument("--role", required=True, choices=ROLES)
    user.add_argument("--password-stdin", action="store_true", required=True)
    user.add_argument("--staff-user-id")
    user.add_argument("--no-db-login", action="store_true", help="HTTP sign-in only, no PostgreSQL login")
    snap = sub.add_parser("snapshot", help="build the images new workstations install from (run nightly)")
    snap.add_argument("--dsn", required=True)
    snap.add_argument("--work-dir", help="scratch directory (default: the system's temporary directory)")
    snap.add_argument("--keep", type=int, default=2, help="images of each kind kept (default 2)")
    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--dsn", required=True)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--pool-size", type=int, default=8)
    return parser


def _init_db(args: argparse.Namespace) -> int:
    from hcrm_desktop.sync.central.admin import init_db

    print(json.dumps({"revision": init_db(args.dsn)}))
    return EXIT_OK


def _demo_data(args: argparse.Namespace) -> int:
    from hcrm_desktop.sync.central.admin import central_engine, init_db
    from hcrm_desktop.sync.central.demo import load_demo

    init_db(args.dsn)
    engine = central_engine(args.dsn)
    started = time.perf_counter()
    try:
        counts = load_demo(engine, patients=args.patients, seed=args.seed,
                           on_progress=lambda stage, done, total: print(stage, done, total, file=sys.stderr))
    finally:
        engine.dispose()
    print(json.dumps({"rows": sum(counts.values()), "tables": counts,
                      "seconds": round(time.perf_counter() - started, 1)}))
    return EXIT_OK


def _snapshot(args: argparse.Namespace) -> int:
    from pathlib import Path

    from hcrm_desktop.sync.central.snapshot import build_snapshots

    started = time.perf_counter()
    stored = build_snapshots(args.dsn, work_dir=Path(args.work_dir) if args.work_dir else None, keep=args.keep,
                             on_progress=lambda line: print(line, file=sys.stderr))
    print(json.dumps({"snapshots": stored, "seconds": round(time.perf_counter() - started, 1)}))
    return EXIT_OK


def _create_user(args: argparse.Namespace) -> int:
    from hcrm_desktop.sync.central.admin import central_engine, create_user

    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 8:
        print("the password must have at least 8 characters", file=sys.stderr)
        return EXIT_USAGE
    engine = central_engine(args.dsn)
    try:
        create_user(engine, args.username, args.role, password, staff_user_id=args.staff_user_id,
                    db_login=not args.no_db_login)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    finally:
        engine.dispose()
    print(json.dumps({"username": args.username, "role": args.role}))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    if args.workers > 1:
        os.environ["HCRM_CENTRAL_DSN"] = args.dsn
        uvicorn.run("hcrm_desktop.sync.central.asgi:make_app", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning", timeout_graceful_shutdown=GRACE_S)
        return EXIT_OK
    from hcrm_desktop.sync.central.service import create_app

    uvicorn.run(create_app(args.dsn, pool_size=args.pool_size), host=args.host, port=args.port,
                log_level="warning", timeout_graceful_shutdown=GRACE_S)
    return EXIT_OK


COMMANDS = {"init-db": _init_db, "demo-data": _demo_data, "create-user": _create_user, "snapshot": _snapshot,
            "serve": _serve}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except DBAPIError as exc:
        print(f"database error: {str(exc.orig).strip().splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
