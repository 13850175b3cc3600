"""Settings sections with secrets: the central server (address, user, sign-in, connection test) and the
phone adapter's credentials. Secrets go to the OS keyring only, never to the settings file."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from hcrm_desktop.settings import Settings
from hcrm_desktop.sync.cli import PASSWORD_KEY
from hcrm_desktop.sync.credentials import KeyringSecrets, MemorySecrets
from hcrm_desktop.sync.errors import SyncError
from hcrm_desktop.sync.tables import PROTOCOL, schema_fingerprint
from hcrm_desktop.sync.transport import open_transport
from hcrm_desktop.ui.cti import KEYRING_SERVICE, SECRET_OPTIONS
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.syncbridge import error_text


def check_central(address: str, user: str, password: str | None) -> tuple[str, str]:
    """Reach the central side, compare versions and, with a password, sign in: ("ok", role) or (code, detail).
    Blocking: run it off the UI thread."""
    try:
        transport = open_transport(address, username=user or "-", password=password, secrets=MemorySecrets(),
                                   timeout=10)
    except ValueError:
        return "bad_address", ""
    try:
        info = transport.info()
        if info.protocol != PROTOCOL:
            return "protocol_mismatch", str(info.protocol)
        if info.fingerprint != schema_fingerprint():
            return "schema_mismatch", info.schema
        if not password:
            return "ok", ""
        return "ok", transport.login().role
    except SyncError as exc:
        return exc.code, exc.detail
    finally:
        with contextlib.suppress(Exception):
            transport.close()


class _Background:
    """Coroutines of a widget on the qasync loop, cancelled with the widget."""

    def __init__(self, owner: QWidget) -> None:
        self._tasks: set[asyncio.Future[Any]] = set()
        owner.destroyed.connect(self.cancel)

    def spawn(self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None]) -> None:
        async def work() -> None:
            result = await asyncio.get_running_loop().run_in_executor(None, fn, *args)
            then(result)

        task = asyncio.ensure_future(work())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def cancel(self, *_args: Any) -> None:
        for task in list(self._tasks):
            task.cancel()


class CentralServerBox(QGroupBox):
    """Address (https://... or postgresql://...), user, password; "Test connection" checks versions,
    "Sign in" also checks the password and keeps it in the keyring. `saved` after a settings change."""

    saved = Signal()

    def __init__(self, *, settings: Settings, save: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Central server"))
        self._settings, self._save = settings, save
        self._background = _Background(self)
        self.central_edit = QLineEdit(settings.central_url, self)
        self.central_edit.setPlaceholderText(self.tr("e.g. https://crm.hospital.example or postgresql+psycopg://…"))
        self.central_edit.editingFinished.connect(self._on_central_edit_editing_finished)
        self.user_edit = QLineEdit(settings.central_user, self)
        self.user_edit.setPlaceholderText(self.tr("the user you signed in with"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self._on_sign_in_button_clicked)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.sign_in_button = QPushButton(self.tr("Sign &in"), self)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("centralResult")
        self.result_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.sign_in_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Address"), self.central_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", buttons)
        form.addRow("", self.result_label)

    def _on_central_edit_editing_finished(self) -> None:
        url = self.central_edit.text().strip()
        if url != self._settings.central_url:
            self._settings.central_url = url
            if self._save():
                self.saved.emit()

    def _on_test_button_clicked(self) -> None:
        self._check(sign_in=False)

    def _on_sign_in_button_clicked(self) -> None:
        if not self.password_edit.text():
            self.result_label.setText(self.tr("Enter the password first."))
            self.password_edit.setFocus()
            return
        self._check(sign_in=True)

    def _check(self, *, sign_in: bool) -> None:
        address, user = self.central_edit.text().strip(), self.user_edit.text().strip()
        if not address:
            self.result_label.setText(self.tr("Enter the central server's address first."))
            self.central_edit.setFocus()
            return
        password = self.password_edit.text() if sign_in else None
        self.result_label.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)
        self.sign_in_button.setEnabled(False)
        self._background.spawn(check_central, address, user, password,
                               then=lambda result: self._checked(result, address, user, password))

    def _checked(self, result: tuple[str, str], address: str, user: str, password: str | None) -> None:
        self.test_button.setEnabled(True)
        self.sign_in_button.setEnabled(True)
        code, detail = result
        if code != "ok":
            self.result_label.setText(error_text(code))
            return
        if password is None:
            self.result_label.setText(self.tr("The central server answers and matches this version."))
            return
        KeyringSecrets(address, user).set(PASSWORD_KEY, password)
        self.password_edit.clear()
        self._settings.central_url, self._settings.central_user = address, user
        self.result_label.setText(self.tr("Signed in. Synchronisation starts now."))
        if self._save():
            self.saved.emit()


class PhoneCredentialsBox(QGroupBox):
    """The phone adapter's secrets (Asterisk AMI user and secret, HTTP hook token) in the keyring as
    `cti.<adapter>.<name>`; they apply the next time the phone connects."""

    LABELS = {"username": QT_TRANSLATE_NOOP("PhoneCredentialsBox", "AMI user"),
              "secret": QT_TRANSLATE_NOOP("PhoneCredentialsBox", "AMI secret"),
              "agent": QT_TRANSLATE_NOOP("PhoneCredentialsBox", "Agent extension"),
              "token": QT_TRANSLATE_NOOP("PhoneCredentialsBox", "Hook token")}

    def __init__(self, *, adapter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Phone credentials"))
        self.form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.set_adapter(adapter)

    def set_adapter(self, adapter: str) -> None:
        self.adapter = adapter
        while self.form.rowCount():
            self.form.removeRow(0)  # deletes the row's widgets
        self.save_button = QPushButton(self.tr("Save phone credentials"), self)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.result_label = QLabel(self)
        self.edits = {}
        names = SECRET_OPTIONS.get(adapter, ())
        for name in names:
            edit = QLineEdit(self)
            if name in ("secret", "token"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            if _keyring_get(f"cti.{adapter}.{name}"):
                edit.setPlaceholderText(self.tr("saved; type to replace"))
            self.edits[name] = edit
            self.form.addRow(self.tr(self.LABELS[name]), edit)
        self.form.addRow("", self.save_button)
        self.form.addRow("", self.result_label)
        self.setVisible(bool(names))

    def _on_save_button_clicked(self) -> None:
        import keyring

        try:
            for name, edit in self.edits.items():
                if edit.text():
                    keyring.set_password(KEYRING_SERVICE, f"cti.{self.adapter}.{name}", edit.text())
                    edit.clear()
                    edit.setPlaceholderText(self.tr("saved; type to replace"))
        except keyring.errors.KeyringError:
            self.result_label.setText(self.tr("No keyring is available: the credentials were not saved."))
            return
        self.result_label.setText(self.tr("Saved. The phone connects with them at the next start."))


def _keyring_get(account: str) -> str | None:
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, account)
    except keyring.errors.KeyringError:
        return None
