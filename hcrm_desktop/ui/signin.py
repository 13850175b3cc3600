"""Sign-in: pick a user of this workstation's database, type the password, press Enter.

The password check (scrypt, about 75 ms) runs on the task runner, never on the UI thread.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop import oplog
from hcrm_desktop.services.staff import SignInError, StaffAccount, authenticate
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.session import UserSession, role_text
from hcrm_desktop.ui.tasks import TaskRunner


class SignInDialog(QDialog):
    """Accepted once the password matches; `session` then holds the signed-in user."""

    def __init__(self, *, db: Database, accounts: list[StaffAccount], runner: TaskRunner, demo: bool,
                 last_user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to HCRM Desktop"))
        self._accounts = accounts
        self._runner = runner
        self.session: UserSession | None = None
        self.pending: asyncio.Task[None] | None = None
        self._build(demo)
        names = [a.username for a in accounts]
        if last_user in names:
            self.user_combo.setCurrentIndex(names.index(last_user))
        if not accounts:
            self._show_error(self.tr("This database has no user who can sign in."))
            self.sign_in_button.setEnabled(False)

    def _build(self, demo: bool) -> None:
        heading = QLabel(self.tr("HCRM Desktop"), self)
        heading.setObjectName("signInHeading")
        subtitle = QLabel(self.tr("Customer service workbench"), self)
        subtitle.setObjectName("pageSubtitle")
        user_label = QLabel(self.tr("&User"), self)
        self.user_combo = QComboBox(self)
        for account in self._accounts:
            self.user_combo.addItem(f"{account.display_name} · {role_text(account.role)}", account.username)
        user_label.setBuddy(self.user_combo)
        password_label = QLabel(self.tr("&Password"), self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.textEdited.connect(self._on_password_edit_text_edited)
        password_label.setBuddy(self.password_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.hint_label = QLabel(self.tr("Demo password: demo"), self)
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setVisible(demo)
        buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(6)
        groups: list[list[QWidget]] = [
            [heading, subtitle],
            [user_label, self.user_combo],
            [password_label, self.password_edit, self.error_label, self.hint_label],
        ]
        for spacing, group in zip((0, 16, 8), groups, strict=True):
            layout.addSpacing(spacing)
            for widget in group:
                layout.addWidget(widget)
        layout.addSpacing(16)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_account(self) -> StaffAccount | None:
        index = self.user_combo.currentIndex()
        return self._accounts[index] if 0 <= index < len(self._accounts) else None

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _on_password_edit_text_edited(self, _text: str) -> None:
        self.error_label.hide()

    def _on_sign_in_button_clicked(self) -> None:
        account = self.current_account()
        if account is None or (self.pending is not None and not self.pending.done()):
            return
        if not self.password_edit.text():
            self._show_error(self.tr("Please enter your password."))
            self.password_edit.setFocus()
            return
        self.pending = self._runner.spawn(self._verify(account, self.password_edit.text()))

    async def _verify(self, account: StaffAccount, password: str) -> None:
        self._set_busy(True)
        try:
            self.session = await self._runner.run_db(authenticate, self._db, account.username, password)
        except SignInError as exc:
            self._set_busy(False)
            oplog.event("sign_in_failed", level=logging.WARNING, user=account.username, reason=exc.code)
            self._show_error(self._refusal_text(exc.code))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self.accept()

    def _refusal_text(self, code: str) -> str:
        if code == "disabled":
            return self.tr("This account is disabled. Please ask an administrator.")
        if code == "unknown_user":
            return self.tr("This user is not known on this workstation.")
        return self.tr("Wrong password. Please try again.")

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        for widget in (self.sign_in_button, self.user_combo, self.password_edit):
            widget.setEnabled(not busy)
