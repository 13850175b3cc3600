"""`hcrm-desktop screenshot`: render one screen offscreen at 1366x768 to a PNG (docs, reviews, tests).

Without `--db` or `--demo` the screens show an empty temporary database. The user's settings file is read
(for the language) but never written. The call-card views ring the simulator: `callcard` a customer with
alerts and history, `callcard_family` a family member's number, `callcard_unknown` a number nobody has
(the quick-create form), `wrapup` that customer's call card with its wrap-up (a complaint half typed);
`customers` shows a search typed in; `performance`, `qa`, `customer_analytics`, `segments` and `reports` are
the tabs of the supervisor workspace; `followups_call` a nurse's next call with its questionnaire.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import os
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QWidget
from qasync import QEventLoop
from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from hcrm_desktop import paths
from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.staff import StaffAccount, sign_in_accounts
from hcrm_desktop.settings import Settings, load_settings
from hcrm_desktop.store.db import Database, open_database
from hcrm_desktop.store.models import Complaint, FollowUpTask, Patient, PatientPhone
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.i18n import install_language
from hcrm_desktop.ui.opening import DatabaseOpener
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.shell import MainWindow
from hcrm_desktop.ui.signin import SignInDialog
from hcrm_desktop.ui.tasks import TaskRunner, signal_future
from hcrm_desktop.views.analytics import AnalyticsView
from hcrm_desktop.views.callcard import CallCard
from hcrm_desktop.views.customers import CustomersView
from hcrm_desktop.views.followups import FollowUpsView
from hcrm_desktop.views.workbench import WorkbenchView
from hcrm_desktop.views.wrapup.showcase import stage_wrapup

ANALYTICS_TABS = {"performance": "performance", "qa": "qa", "customer_analytics": "customers",
                  "segments": "segments", "reports": "reports"}  # view name -> tab of the supervisor workspace
VIEWS = ("signin", "workbench", "customers", "complaints", "bookings", "followups", "analytics", "settings",
         "main", "callcard", "callcard_family", "callcard_unknown", "wrapup", *ANALYTICS_TABS, "followups_call")
CALL_VIEWS = ("callcard", "callcard_family", "callcard_unknown", "wrapup")
UNKNOWN_NUMBER = "17012345678"
SEARCH_TEXT = "zw"
WIDTH, HEIGHT = 1366, 768
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
ROLE_FOR_VIEW = {"analytics": Role.SUPERVISOR, "settings": Role.ADMIN, "followups": Role.NURSE,
                 "followups_call": Role.NURSE,
                 **dict.fromkeys(ANALYTICS_TABS, Role.SUPERVISOR)}


def run_screenshot(args: argparse.Namespace) -> int:
    if args.list:
        print("\n".join(VIEWS))
        return EXIT_OK
    if args.view not in VIEWS:
        print(f"unknown view {args.view!r}; choose one of: {', '.join(VIEWS)}", file=sys.stderr)
        return EXIT_USAGE
    if args.out is None:
        print("--out is required", file=sys.stderr)
        return EXIT_USAGE
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return _render_with_qt(args)


def _render_with_qt(args: argparse.Namespace) -> int:
    from hcrm_desktop.app import make_application  # the composition root builds the application

    app = make_application()
    settings = load_settings()
    install_language(app, args.lang or settings.language)
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    runner = TaskRunner(loop=loop)
    try:
        with tempfile.TemporaryDirectory(prefix="hcrm-shot-") as tmp:
            loop.run_until_complete(_render(args, runner=runner, settings=settings, tmp=Path(tmp)))
    finally:
        runner.shutdown()
        loop.close()
        asyncio.set_event_loop(None)
    print(args.out)
    return EXIT_OK


async def _render(args: argparse.Namespace, *, runner: TaskRunner, settings: Settings, tmp: Path) -> None:
    demo = bool(args.demo)
    if args.db is not None:
        path = Path(args.db)
    elif demo:
        path = paths.demo_database()
    else:
        path = tmp / "empty.db"
    if demo and not path.exists():
        await DatabaseOpener(runner=runner).create_demo(path)
    db = await runner.run_db(open_database, path, create=not demo and args.db is None)
    bridge = CtiBridge(adapter="simulator", address="", runner=runner)
    try:
        accounts = await runner.run_db(sign_in_accounts, db)
        if args.view == "signin":
            widget: QWidget = _sign_in_dialog(accounts, db=db, runner=runner, demo=demo)
        else:
            await bridge.start()
            window = _main_window(args.view, accounts, db=db, runner=runner, settings=settings, demo=demo,
                                  bridge=bridge)
            await _settle(runner)
            await _stage(args.view, window, db=db, runner=runner, bridge=bridge)
            widget = window
        await _settle(runner)
        image = _grab(widget, args.view)
        widget.hide()
        widget.deleteLater()
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(args.out), "PNG"):  # type: ignore[call-overload]  # str works, stubs say bytes
            raise OSError(f"cannot write {args.out}")
    finally:
        await bridge.stop()
        await runner.idle()
        await runner.run_db(db.dispose)


def _session_for(view: str, accounts: list[StaffAccount]) -> UserSession:
    role = ROLE_FOR_VIEW.get(view, Role.AGENT)
    for wanted in (role, Role.SUPERVISOR, Role.ADMIN, Role.AGENT):
        match = next((a for a in accounts if a.role == wanted), None)
        if match is not None:
            return match
    return UserSession("", "preview", QCoreApplication.translate("Screenshot", "Preview user"), role)


def _sign_in_dialog(accounts: list[StaffAccount], *, db: Database, runner: TaskRunner, demo: bool) -> QWidget:
    dialog = SignInDialog(db=db, accounts=accounts, runner=runner, demo=demo)
    dialog.show()
    return dialog


def _main_window(view: str, accounts: list[StaffAccount], *, db: Database, runner: TaskRunner, settings: Settings,
                 demo: bool, bridge: CtiBridge) -> MainWindow:
    # A copy without the saved geometry: the shot has a fixed size and never touches the user's settings.
    settings = dataclasses.replace(settings, window_geometry="", window_state="")
    window = MainWindow(db=db, runner=runner, session=_session_for(view, accounts), settings=settings,
                        demo=demo, bridge=bridge)
    window.resize(WIDTH, HEIGHT)
    window.show_view("workbench" if view in ("main", *CALL_VIEWS) else "analytics" if view in ANALYTICS_TABS
                     else "followups" if view == "followups_call" else view)
    window.show()
    return window


async def _stage(view: str, window: MainWindow, *, db: Database, runner: TaskRunner, bridge: CtiBridge) -> None:
    """Put the scene on screen: ring the simulator for a call card, type a search for the customers, open a
    tab of the supervisor workspace."""
    if view == "followups_call":
        followups = window.views["followups"]
        if isinstance(followups, FollowUpsView):
            await followups.next_call()  # the nurse's next call: profile, script and questionnaire
        return
    if view in ANALYTICS_TABS:
        analytics = window.views["analytics"]
        if isinstance(analytics, AnalyticsView):
            analytics.show_panel(ANALYTICS_TABS[view])
        return
    if view == "customers":
        customers = window.views["customers"]
        if isinstance(customers, CustomersView):
            shown = signal_future(customers.results_shown)
            customers.search_edit.setText(SEARCH_TEXT)
            await _within(shown)
        return
    if view not in CALL_VIEWS or bridge.simulator is None:
        return
    workbench = window.views["workbench"]
    if not isinstance(workbench, WorkbenchView) or workbench.screen_pop is None:
        return
    caller = None if view == "callcard_unknown" else await runner.run_db(
        _showcase_caller, db, family=view == "callcard_family")
    number, display = caller or (UNKNOWN_NUMBER, "")
    popped = signal_future(workbench.screen_pop.popped)
    bridge.simulator.ring(number, display)
    await _within(popped)
    card = workbench.calls.currentWidget()
    if view == "wrapup" and isinstance(card, CallCard):
        await stage_wrapup(card)  # the card's wrap-up, a complaint half typed


async def _within(future: asyncio.Future[object], seconds: float = 10.0) -> None:
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await future


def _showcase_caller(db: Database, *, family: bool) -> tuple[str, str] | None:
    """A number filed under exactly one customer: for `family` a relative's, else the customer's own, of a
    customer with an open complaint or a due follow-up (so the card shows its alerts)."""
    due_by = datetime.combine(date.today(), time.max)
    own = aliased(PatientPhone)
    sharing = select(func.count()).select_from(own).where(own.number_e164 == PatientPhone.number_e164)
    busy = or_(
        select(Complaint.id).where(Complaint.patient_id == Patient.id,
                                   Complaint.state.in_(("new", "acknowledged", "in_progress"))).exists(),
        select(FollowUpTask.id).where(FollowUpTask.patient_id == Patient.id, FollowUpTask.due_at <= due_by,
                                      FollowUpTask.state.in_(("open", "callback"))).exists(),
    )
    relation = PatientPhone.relation != "self" if family else PatientPhone.relation == "self"
    query = (
        select(PatientPhone.number, func.coalesce(PatientPhone.contact_name, Patient.name))
        .join(Patient, Patient.id == PatientPhone.patient_id)
        .where(relation, ~Patient.deleted, Patient.merged_into_id.is_(None), Patient.deceased_on.is_(None),
               sharing.scalar_subquery() == 1, busy)
        .order_by(Patient.vip_level.desc(), Patient.customer_no).limit(1)
    )
    with db.session() as s:
        row = s.execute(query).first()
    return (str(row[0]), str(row[1])) if row else None


async def _settle(runner: TaskRunner) -> None:
    """Let layouts, show events and the screens' first loads finish."""
    for _ in range(3):
        await asyncio.sleep(0.05)
        await runner.idle()


def _grab(widget: QWidget, view: str) -> QImage:
    """The main window as is; the sign-in dialog centred on a plain 1366x768 backdrop, as on first start."""
    shot = widget.grab()
    if view != "signin":
        return shot.toImage()
    canvas = QPixmap(WIDTH, HEIGHT)
    canvas.fill(QColor("#dfe7eb"))
    painter = QPainter(canvas)
    painter.drawPixmap((WIDTH - shot.width()) // 2, (HEIGHT - shot.height()) // 2, shot)
    painter.end()
    return canvas.toImage()
