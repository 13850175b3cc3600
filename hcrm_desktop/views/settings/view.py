"""Settings (设置): language, central server, phone adapter and its credentials, where the files live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop import __version__
from hcrm_desktop.settings import CTI_ADAPTERS, Settings, save_settings
from hcrm_desktop.ui.i18n import available_languages
from hcrm_desktop.ui.labels import cti_adapter_text
from hcrm_desktop.ui.messagebar import Level
from hcrm_desktop.ui.page import Page
from hcrm_desktop.views.settings.central import CentralServerBox, PhoneCredentialsBox

MAX_FORM_WIDTH = 860


def _read_only(text: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setReadOnly(True)
    edit.setCursorPosition(0)
    return edit


class SettingsView(Page):
    """Changes are saved at once. A new language applies at once (the window rebuilds its screens)."""

    settings_changed = Signal()
    language_changed = Signal(str)

    def __init__(self, *, settings: Settings, db_path: Path, log_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_heading(self.tr("Settings"), self.tr("Changes are saved as soon as you make them."))
        self._settings = settings
        self._log_dir = log_dir
        version = QLabel(self.tr("HCRM Desktop version {version}").format(version=__version__), self)
        version.setObjectName("hintLabel")
        self.central_box = CentralServerBox(settings=settings, save=self._save, parent=self)
        self.phone_credentials_box = PhoneCredentialsBox(adapter=settings.cti_adapter, parent=self)
        groups = [self._build_general(), self.central_box, self._build_connections(), self.phone_credentials_box,
                  self._build_files(db_path, log_dir), version]
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        for widget in groups:
            widget.setMaximumWidth(MAX_FORM_WIDTH)
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)  # a long form scrolls on a small screen instead of growing the window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)

    def _build_general(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language"), self)
        self.language_combo = QComboBox(box)
        for code, name in available_languages():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._settings.language)))
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_current_index_changed)
        form = QFormLayout(box)
        form.addRow(self.tr("Interface language"), self.language_combo)
        return box

    def _build_connections(self) -> QGroupBox:
        box = QGroupBox(self.tr("Phone"), self)
        self.cti_combo = QComboBox(box)
        for adapter in CTI_ADAPTERS:
            self.cti_combo.addItem(cti_adapter_text(adapter), adapter)
        self.cti_combo.setCurrentIndex(max(0, self.cti_combo.findData(self._settings.cti_adapter)))
        self.cti_combo.currentIndexChanged.connect(self._on_cti_combo_current_index_changed)
        self.cti_address_edit = QLineEdit(self._settings.cti_address, box)
        self.cti_address_edit.setPlaceholderText("127.0.0.1:4444")
        self.cti_address_edit.editingFinished.connect(self._on_cti_address_edit_editing_finished)
        form = QFormLayout(box)
        form.addRow(self.tr("Phone adapter"), self.cti_combo)
        form.addRow(self.tr("Phone address"), self.cti_address_edit)
        return box

    def _build_files(self, db_path: Path, log_dir: Path) -> QGroupBox:
        box = QGroupBox(self.tr("Files"), self)
        self.db_path_edit = _read_only(str(db_path), box)
        self.log_dir_edit = _read_only(str(log_dir), box)
        self.open_logs_button = QPushButton(self.tr("Open log folder"), box)
        self.open_logs_button.clicked.connect(self._on_open_logs_button_clicked)
        logs = QHBoxLayout()
        logs.addWidget(self.log_dir_edit, 1)
        logs.addWidget(self.open_logs_button)
        form = QFormLayout(box)
        form.addRow(self.tr("Database"), self.db_path_edit)
        form.addRow(self.tr("Log folder"), logs)
        return box

    def _save(self) -> bool:
        try:
            save_settings(self._settings)
        except OSError as exc:
            self.message_bar.show_message(
                self.tr("The settings could not be saved: {error}").format(error=exc.strerror or exc),
                Level.ERROR,
            )
            return False
        self.settings_changed.emit()
        return True

    def _on_language_combo_current_index_changed(self, _index: int) -> None:
        language = str(self.language_combo.currentData())
        if language == self._settings.language:
            return
        self._settings.language = language
        if self._save():
            self.language_changed.emit(language)

    def _on_cti_combo_current_index_changed(self, _index: int) -> None:
        self._settings.cti_adapter = str(self.cti_combo.currentData())
        self.phone_credentials_box.set_adapter(self._settings.cti_adapter)
        if self._save():
            self.message_bar.show_message(
                self.tr("The phone adapter connects the next time HCRM Desktop starts."), Level.INFO
            )

    def _on_cti_address_edit_editing_finished(self) -> None:
        address = self.cti_address_edit.text().strip()
        if address != self._settings.cti_address:
            self._settings.cti_address = address
            self._save()

    def _on_open_logs_button_clicked(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_dir))):
            self.message_bar.show_message(
                self.tr("The log folder could not be opened: {path}").format(path=self._log_dir),
                Level.WARNING,
            )
