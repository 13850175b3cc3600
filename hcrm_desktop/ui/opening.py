"""Opening the local database at start-up, off the UI thread, with a way out of every known problem.

The demo database is made on first use while a progress dialog shows the counts. A `StoreError` (missing,
locked, too new, corrupt, not writable) gives a translated dialog: try again, choose another file, create
a new demo database, or quit. Never a traceback.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from hcrm_desktop import oplog, paths
from hcrm_desktop.settings import Settings
from hcrm_desktop.store.db import Database, open_database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.tasks import TaskRunner, ask

DEMO_PATIENTS, DEMO_SEED = 2000, 1
PROGRESS_INTERVAL_S = 0.05
STAGES = {  # the demo generator's stages, in the user's words
    "schema": QT_TRANSLATE_NOOP("DatabaseOpener", "Database structure"),
    "reference": QT_TRANSLATE_NOOP("DatabaseOpener", "Departments, staff and packages"),
    "patients": QT_TRANSLATE_NOOP("DatabaseOpener", "Customers and their history"),
    "bookings": QT_TRANSLATE_NOOP("DatabaseOpener", "Bookings"),
    "indexes": QT_TRANSLATE_NOOP("DatabaseOpener", "Search indexes"),
}


@dataclass(frozen=True)
class Target:
    path: Path
    demo: bool


def resolve_target(*, demo: bool, db_path: Path | None, settings: Settings) -> Target:
    """`--db` wins, then `--demo`, then the database in the settings, else the demo database."""
    if db_path is not None:
        return Target(Path(db_path).expanduser(), demo)
    if demo or not settings.db_path:
        return Target(paths.demo_database(), True)
    return Target(Path(settings.db_path).expanduser(), False)


class Choice(Enum):
    RETRY = auto()
    CHOOSE = auto()
    CREATE_DEMO = auto()
    QUIT = auto()


class DatabaseOpener(QObject):
    """`await opener.open(target)` gives the database, or None when the user chose to quit."""

    def __init__(self, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._parent = parent

    async def open(self, target: Target) -> tuple[Database, Target] | None:
        while True:
            try:
                if target.demo and not target.path.exists():
                    await self.create_demo(target.path)
                return await self._runner.run_db(open_database, target.path), target
            except StoreError as exc:
                oplog.event("store_error", level=logging.WARNING, code=exc.code, path=exc.path)
                next_target = await self._ask(exc, target)
                if next_target is None:
                    return None
                target = next_target

    def store_error_box(self, error: StoreError) -> tuple[QMessageBox, dict[QPushButton, Choice]]:
        """The dialog for a store problem and which button means what."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open the database"),
                          store_error_text(error.code, error.path), parent=self._parent)
        box.setObjectName("storeErrorBox")
        role = QMessageBox.ButtonRole
        choices: dict[QPushButton, Choice] = {}
        if error.code == "locked":
            choices[box.addButton(self.tr("Try again"), role.AcceptRole)] = Choice.RETRY
        choices[box.addButton(self.tr("Choose another file…"), role.ActionRole)] = Choice.CHOOSE
        if error.code != "locked":
            choices[box.addButton(self.tr("Create a new demo database"), role.ActionRole)] = Choice.CREATE_DEMO
        quit_button = box.addButton(self.tr("Quit"), role.RejectRole)
        choices[quit_button] = Choice.QUIT
        box.setEscapeButton(quit_button)
        box.setDefaultButton(next(iter(choices)))
        return box, choices

    async def _ask(self, error: StoreError, target: Target) -> Target | None:
        box, choices = self.store_error_box(error)
        await ask(box)
        clicked = box.clickedButton()
        choice = choices.get(clicked, Choice.QUIT) if isinstance(clicked, QPushButton) else Choice.QUIT
        if choice is Choice.RETRY:
            return target
        if choice is Choice.CHOOSE:
            chosen = await self._choose_file(target.path)
            return Target(chosen, False) if chosen else target
        if choice is Choice.CREATE_DEMO:
            demo_path = paths.demo_database()
            if demo_path.exists() and Path(error.path) == demo_path:
                broken = demo_path.with_name(f"demo.broken-{time.strftime('%Y%m%d-%H%M%S')}.db")
                demo_path.replace(broken)
                oplog.event("demo_database_set_aside", path=str(broken))
            return Target(demo_path, True)
        return None

    async def _choose_file(self, current: Path) -> Path | None:
        caption, filters = self.tr("Choose a database"), self.tr("HCRM databases (*.db *.sqlite);;All files (*)")
        dialog = QFileDialog(self._parent, caption, str(current.parent), filters)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if await ask(dialog) != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    async def create_demo(self, path: Path) -> None:
        """Build the demo database on the database worker while a progress dialog shows the counts."""
        from hcrm_desktop.demo.generate import generate_database

        label = self.tr("Creating the demo database (first start only)…")
        progress = QProgressDialog(label, "", 0, 0, self._parent)
        progress.setObjectName("demoProgress")
        progress.setWindowTitle(self.tr("HCRM Desktop"))
        progress.setCancelButton(None)  # type: ignore[arg-type]
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(420)
        progress.show()
        last = 0.0

        def on_progress(stage: str, done: int, total: int) -> None:  # on the database worker
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL_S or done >= total:
                last = now
                self._runner.call_in_ui(self._show_progress, progress, stage, done, total)

        try:
            await self._runner.run_db(generate_database, path, patients=DEMO_PATIENTS, seed=DEMO_SEED,
                                      on_progress=on_progress)
        finally:
            progress.close()
            progress.deleteLater()
        oplog.event("demo_database_created", path=str(path), patients=DEMO_PATIENTS)

    def _show_progress(self, progress: QProgressDialog, stage: str, done: int, total: int) -> None:
        if not shiboken6.isValid(progress):
            return
        stage_text = self.tr(STAGES[stage]) if stage in STAGES else stage
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))
        text = self.tr("Creating the demo database (first start only)…\n{stage}: {done} / {total}")
        progress.setLabelText(text.format(stage=stage_text, done=f"{done:,}", total=f"{total:,}"))
