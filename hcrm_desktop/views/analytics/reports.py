"""Reports (报表): the monthly CRM report as PDF and Excel, built on the database worker with a progress bar
(Ctrl+Enter builds), then "Open folder". Every report written is audited as an export."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics.export import ExportError, audit_export
from hcrm_desktop.analytics.report import MonthlyReport, ReportError, build_monthly_report
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.analytics.words import error_text

FILE_STEM = "客户关系月报"  # the report's name, as the PDF's title says


def recent_months(today: date, count: int) -> list[tuple[str, str]]:
    """(YYYY-MM, label) for this month and the `count - 1` before it, newest first."""
    months, first = [], today.replace(day=1)
    for _ in range(count):
        months.append((f"{first:%Y-%m}", f"{first.year} - {first.month:02d}"))
        first = (first - timedelta(days=1)).replace(day=1)
    return months


def build_and_audit(db: Database, actor_id: str | None, month: str, pdf: Path | None, xlsx: Path | None,
                    progress: Callable[[float], None]) -> tuple[MonthlyReport, Changes]:
    """On the database worker: the report, then its audit entries (one per file)."""
    report = build_monthly_report(db, month=month, pdf=pdf, xlsx=xlsx, progress=progress)
    changes = Changes()
    for path in (p for p in (pdf, xlsx) if p is not None):
        changes = changes | audit_export(db, actor_id, what="monthly_report", path=path, rows=len(report.kpis),
                                         details={"month": month})
    return report, changes


class ReportsPanel(QWidget):
    changes_made = Signal(object)
    report_built = Signal(object)  # MonthlyReport

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession | None = None,
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session = db, runner, session
        self.message_bar = MessageBar(self)
        self.month_combo = QComboBox(self)
        for code, label in recent_months(today(), 36):
            self.month_combo.addItem(label, code)
        self.month_combo.setCurrentIndex(1)  # last month: the one a monthly report is usually for
        self.folder_edit = QLineEdit(str(Path.home()), self)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.pdf_check = QCheckBox(self.tr("PDF report"), self)
        self.xlsx_check = QCheckBox(self.tr("Excel workbook"), self)
        self.pdf_check.setChecked(True)
        self.xlsx_check.setChecked(True)
        self.build_button = QPushButton(self.tr("Build report"), self)
        self.build_button.setObjectName("primaryButton")
        self.build_button.setToolTip(self.tr("Build the monthly CRM report (Ctrl+Enter)"))
        self.build_button.clicked.connect(self._on_build_button_clicked)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        build = QShortcut(QKeySequence("Ctrl+Return"), self)
        build.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        build.activated.connect(self._on_build_button_clicked)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(self.choose_button)
        kinds = QHBoxLayout()
        kinds.addWidget(self.pdf_check)
        kinds.addWidget(self.xlsx_check)
        kinds.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month_combo)
        form.addRow(self.tr("Save in"), folder)
        form.addRow(self.tr("Output files"), kinds)
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.month_combo.setFocus()

    def _targets(self) -> tuple[Path | None, Path | None]:
        folder = Path(self.folder_edit.text().strip() or Path.home()).expanduser()
        month = str(self.month_combo.currentData())
        pdf = folder / f"{FILE_STEM}-{month}.pdf" if self.pdf_check.isChecked() else None
        xlsx = folder / f"{FILE_STEM}-{month}.xlsx" if self.xlsx_check.isChecked() else None
        return pdf, xlsx

    def _on_choose_button_clicked(self) -> None:
        self._runner.spawn(self._choose_folder(), key="analytics:reports:folder", owner=self)

    async def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Save reports in"), self.folder_edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if await ask(dialog) == QFileDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.folder_edit.setText(dialog.selectedFiles()[0])

    def _on_build_button_clicked(self) -> None:
        if self.build_button.isEnabled():
            self._runner.spawn(self._build(), key="analytics:reports:build", owner=self)

    def _set_progress(self, fraction: float) -> None:
        with contextlib.suppress(RuntimeError):  # the panel was closed meanwhile
            self.progress.setValue(int(fraction * 100))

    async def _build(self) -> None:
        pdf, xlsx = self._targets()
        if pdf is None and xlsx is None:
            self.message_bar.show_message(self.tr("Choose PDF, Excel or both."), Level.WARNING)
            return
        month = str(self.month_combo.currentData())
        self.build_button.setEnabled(False)
        self.progress.setValue(0)
        self.message_bar.show_message(self.tr("Building the report for %1…").replace("%1", month), closable=False)
        try:
            report, changes = await self._runner.run_db(
                build_and_audit, self._db, self._session.id if self._session else None, month, pdf, xlsx,
                lambda f: self._runner.call_in_ui(self._set_progress, f))
        except (ReportError, ExportError) as exc:
            self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return
        finally:
            with contextlib.suppress(RuntimeError):  # cancelled because the panel was closed
                self.build_button.setEnabled(True)
        self.progress.setValue(100)
        self._folder = (pdf or xlsx or Path.home()).parent
        self.open_button.setEnabled(True)
        files = "、".join(p.name for p in (pdf, xlsx) if p is not None)
        self.message_bar.show_message(self.tr("Report written: %1 (in %2)").replace("%1", files)
                                      .replace("%2", str(self._folder)))
        self.changes_made.emit(changes)
        self.report_built.emit(report)

    def _on_open_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))
