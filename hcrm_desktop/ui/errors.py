"""Errors a user sees: the known store conditions in plain words, everything else in a crash dialog.

`store_error_text()` is the one place that turns a `StoreError.code` into a message. The excepthook logs
an unexpected exception (level error) and shows `CrashDialog`, whose "Copy details" button puts the
traceback and the version on the clipboard; the traceback itself is never shown.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop import __version__, oplog
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

STORE_ERRORS = {
    "missing": QT_TRANSLATE_NOOP("StoreErrors", "The database file does not exist:\n{path}"),
    "locked": QT_TRANSLATE_NOOP(
        "StoreErrors",
        "The database is in use by another program:\n{path}\n\nClose the other program and try again.",
    ),
    "too_new": QT_TRANSLATE_NOOP(
        "StoreErrors",
        "The database was written by a newer version of HCRM Desktop:\n{path}\n\n"
        "Please install the newer version to open it.",
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "StoreErrors", "The database file is damaged or is not an HCRM database:\n{path}"
    ),
    "not_writable": QT_TRANSLATE_NOOP(
        "StoreErrors", "HCRM Desktop cannot write to the database location:\n{path}\n\nCheck the permissions."
    ),
    "exists": QT_TRANSLATE_NOOP("StoreErrors", "A database already exists at:\n{path}"),
}
UNKNOWN_STORE_ERROR = QT_TRANSLATE_NOOP("StoreErrors", "The database could not be used:\n{path}")


def store_error_text(code: str, path: str) -> str:
    """The message, in the user's language, for a known store condition."""
    source = STORE_ERRORS.get(code, UNKNOWN_STORE_ERROR)
    return QCoreApplication.translate("StoreErrors", source).format(path=path)


def error_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """What support needs: version, platform and the traceback."""
    lines = traceback.format_exception(exc_type, exc, tb)
    header = f"HCRM Desktop {__version__}\nPython {platform.python_version()} on {platform.platform()}\n\n"
    return header + "".join(lines)


class CrashDialog(QDialog):
    """"Something went wrong": a calm message, the log's location, and a button to copy the details."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setObjectName("crashDialog")
        heading = QLabel(self.tr("HCRM Desktop ran into an unexpected problem."), self)
        heading.setObjectName("dialogHeading")
        body = QLabel(
            self.tr(
                "The details have been written to the log. You can keep working; if the problem "
                "comes back, copy the details and send them to your IT support."
            ),
            self,
        )
        body.setWordWrap(True)
        self.copied_label = QLabel("", self)
        self.copied_label.setObjectName("hintLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, body, self.copied_label, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(440)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copied_label.setText(self.tr("Copied to the clipboard."))


class ExceptHook:
    """`sys.excepthook` for the GUI: log, then tell the user without a traceback."""

    def __init__(self, *, parent: Callable[[], QWidget | None] = QApplication.activeWindow) -> None:
        self._parent = parent
        self.dialogs: list[QDialog] = []

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, StoreError):
            oplog.event("store_error", level=logging.WARNING, code=exc.code, path=exc.path, detail=exc.detail)
            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("StoreErrors", "Database"),
                              store_error_text(exc.code, exc.path), parent=self._parent())
            self._show(box)
            return
        details = error_details(exc_type, exc, tb)
        oplog.event("unhandled_exception", level=logging.ERROR, exc_info=(exc_type, exc, tb),
                    version=__version__)
        self._show(CrashDialog(details, parent=self._parent()))

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def on_loop_exception(self, _loop: Any, context: dict[str, Any]) -> None:
        """asyncio's exception handler: errors in loop callbacks reach the same dialog."""
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self(type(exc), exc, exc.__traceback__)
        else:
            oplog.event("loop_error", level=logging.ERROR, message=str(context.get("message")))


def install_excepthook() -> ExceptHook:
    hook = ExceptHook()
    sys.excepthook = hook
    return hook
