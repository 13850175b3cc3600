"""Duplicate records of a customer (查重): candidates with reasons and a merge for supervisors and admins
(after a confirmation); the records already merged into this one, each undoable by an admin from the
merge's audit entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.identity import (
    DuplicateCandidate,
    IdentityError,
    find_duplicates,
    merge_patients,
    undo_merge,
)
from hcrm_desktop.services.profile import MergedRecord, Profile
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.callcard.words import identity_error_text, reasons_text, when

MERGE_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def find_for_profile(db: Database, profile: Profile) -> list[DuplicateCandidate]:
    return list(find_duplicates(
        db, name=profile.name, national_id=profile.national_id, phones=[p.number for p in profile.phones],
        birth_date=profile.birth_date, exclude_id=profile.patient_id,
    ))  # fmt: skip


class DuplicatesDialog(QDialog):
    """`changes_made(changes)` after a merge or an undo."""

    changes_made = Signal(object)
    candidates_shown = Signal()

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Possible duplicates of {name}").format(name=profile.name))
        self._db = db
        self._runner = runner
        self._session = session
        self.profile = profile
        self.candidates: list[DuplicateCandidate] = []
        self.merged: list[MergedRecord] = [m for m in profile.merged_records if m.audit_id]
        heading = QLabel(self.tr("Records that may be the same person as {name} ({no}):").format(
            name=profile.name, no=profile.customer_no), self)
        heading.setWordWrap(True)
        self.message_bar = MessageBar(self)
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.merged_heading = QLabel(self.tr("Already merged into this record:"), self)
        self.merged_list = QListWidget(self)
        self.merged_list.setMaximumHeight(90)
        self.merged_list.currentRowChanged.connect(self._on_merged_list_current_row_changed)
        self.merge_button = QPushButton(self.tr("Merge into this record…"), self)
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.undo_button = QPushButton(self.tr("Undo the merge"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        note = QLabel(self.tr("Merging keeps every record of both; it is audited. Only a supervisor or an "
                              "administrator may merge, only an administrator may undo."), self)
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.merge_button.setVisible(session.role in MERGE_ROLES)  # after the box, which shows its buttons
        self.undo_button.setVisible(session.role == Role.ADMIN)
        layout = QVBoxLayout(self)
        for widget in (heading, self.message_bar, self.list, self.merged_heading, self.merged_list, note, buttons):
            layout.addWidget(widget)
        self.resize(640, 440)
        self._show_merged()
        self.list.addItem(self.tr("Looking for duplicates…"))
        self._runner.spawn(self._find(), key=f"duplicates.{id(self)}", owner=self)

    def _show_merged(self) -> None:
        self.merged_list.clear()
        for record in self.merged:
            QListWidgetItem(self.tr("{name} ({no}), merged {when}").format(
                name=record.name, no=record.customer_no, when=when(record.merged_at)), self.merged_list)
        for widget in (self.merged_heading, self.merged_list):
            widget.setVisible(bool(self.merged))

    async def _find(self) -> None:
        try:
            self.candidates = await self._runner.run_db(find_for_profile, self._db, self.profile)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self.list.clear()
        for candidate in self.candidates:
            item = QListWidgetItem(f"{candidate.name}  ·  {reasons_text(candidate.reasons)}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, candidate.patient_id)
        if not self.candidates:
            self.list.addItem(self.tr("No likely duplicates found."))
        else:
            self.list.setCurrentRow(0)
        self.candidates_shown.emit()

    def _selected(self) -> DuplicateCandidate | None:
        row = self.list.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def _on_list_current_row_changed(self, _row: int) -> None:
        self.merge_button.setEnabled(self._selected() is not None)

    def _on_merged_list_current_row_changed(self, row: int) -> None:
        self.undo_button.setEnabled(0 <= row < len(self.merged))

    def _on_merge_button_clicked(self) -> None:
        candidate = self._selected()
        if candidate is not None:
            self._runner.spawn(self._merge(candidate), key=f"merge.{id(self)}", owner=self)

    def confirm_box(self, candidate: DuplicateCandidate) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge records"), self.tr(
            "Merge {other} into {name} ({no})? The history of both stays; {other} will no longer be "
            "found on its own.").format(other=candidate.name, name=self.profile.name, no=self.profile.customer_no),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("mergeConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    async def _merge(self, candidate: DuplicateCandidate) -> None:
        if await ask(self.confirm_box(candidate)) != QMessageBox.StandardButton.Yes:
            return
        try:
            result, changes = await self._runner.run_db(
                merge_patients, self._db, keep_id=self.profile.patient_id, merge_id=candidate.patient_id,
                actor_id=self._session.id)
        except IdentityError as exc:
            self._failed(self.tr("The records could not be merged: {error}"), identity_error_text(exc.code))
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self.message_bar.show_message(self.tr("{other} was merged into {name}.").format(
            other=candidate.name, name=self.profile.name), Level.INFO)
        self.candidates = [c for c in self.candidates if c.patient_id != candidate.patient_id]
        self.list.takeItem(self.list.currentRow())
        self.merged.append(MergedRecord(candidate.patient_id, candidate.name, "", result.audit_id, None))
        self._show_merged()
        self.merged_list.setCurrentRow(len(self.merged) - 1)
        self.changes_made.emit(changes)

    def _on_undo_button_clicked(self) -> None:
        row = self.merged_list.currentRow()
        if 0 <= row < len(self.merged):
            self._runner.spawn(self._undo(self.merged[row]), key=f"undo.{id(self)}", owner=self)

    async def _undo(self, record: MergedRecord) -> None:
        try:
            changes = await self._runner.run_db(undo_merge, self._db, audit_id=record.audit_id or "",
                                                actor_id=self._session.id, actor_role=self._session.role.value)
        except IdentityError as exc:
            self._failed(self.tr("The merge could not be undone: {error}"), identity_error_text(exc.code))
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self.merged.remove(record)
        self._show_merged()
        self.message_bar.show_message(self.tr("The merge of {name} was undone.").format(name=record.name),
                                      Level.INFO)
        self.changes_made.emit(changes)

    def _failed(self, text: str, reason: str) -> None:
        self.message_bar.show_message(text.format(error=reason), Level.ERROR)
