"""Follow-up rules (随访方案) for admins: the list of rules, one rule as JSON with its validation message
naming the line, switch a rule on or off, save it to the synced table so every workstation gets it.

Others may look but not change: the editor is read-only and the buttons are disabled.
Shortcuts: Ctrl+S or Ctrl+Enter saves, Ctrl+N a new rule, Ctrl+E switches the rule on or off, Ctrl+G makes
today's tasks from the active rules now (generation is idempotent), Esc closes (asking first when the text
was changed).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.followup_rules import RulesError, parse_rule_json
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.followup_catalog import (
    RuleEditError,
    StoredRule,
    list_rules,
    new_rule_text,
    save_rule,
    set_rule_active,
)
from hcrm_desktop.services.followup_generation import generate_tasks
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask

CODE_ROLE = Qt.ItemDataRole.UserRole


class RulesDialog(QDialog):
    rules_saved = Signal(object)  # Changes
    tasks_generated = Signal(object)  # Changes

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._runner, self._session = db, runner, session
        self._rules: dict[str, StoredRule] = {}
        self._code: str | None = None  # the stored rule being edited; None for a new one
        self._saved_text = ""
        self._closing = False
        self.setWindowTitle(self.tr("Follow-up rules"))
        self.resize(900, 600)
        self.rules_list = QListWidget(self)
        self.rules_list.currentItemChanged.connect(self._on_rules_list_current_item_changed)
        self.editor = QPlainTextEdit(self)
        self.editor.setFont(QFont("monospace"))
        self.editor.setReadOnly(not self.can_edit)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.validation = QLabel(self)
        self.validation.setObjectName("fieldError")
        self.validation.setWordWrap(True)
        self.validation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages = MessageBar(self)
        self.new_button = QPushButton(self.tr("New rule"), self)
        self.toggle_button = QPushButton(self.tr("Deactivate"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.generate_button = QPushButton(self.tr("Make today's tasks"), self)
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.toggle_button.clicked.connect(self._on_toggle_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)
        for button in (self.new_button, self.toggle_button, self.save_button, self.generate_button):
            button.setEnabled(self.can_edit)
        self._shortcuts()
        self._build_layout()
        if not self.can_edit:
            self.messages.show_message(self.tr("Only administrators can change follow-up rules."), Level.INFO,
                                       closable=False)  # fmt: skip
        self.rules_list.setFocus()
        self._runner.spawn(self._load(), key="followups.rules.load", owner=self)

    @property
    def can_edit(self) -> bool:
        return self._session.role == Role.ADMIN

    def _shortcuts(self) -> None:
        for key, slot in (("Ctrl+S", self._on_save_button_clicked), ("Ctrl+Return", self._on_save_button_clicked),
                          ("Ctrl+Enter", self._on_save_button_clicked), ("Ctrl+N", self._on_new_button_clicked),
                          ("Ctrl+E", self._on_toggle_button_clicked),
                          ("Ctrl+G", self._on_generate_button_clicked)):  # fmt: skip
            QShortcut(QKeySequence(key), self).activated.connect(slot)

    def _build_layout(self) -> None:
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.editor, 1)
        column.addWidget(self.validation)
        splitter = QSplitter(self)
        splitter.addWidget(self.rules_list)
        splitter.addWidget(right)
        splitter.setSizes([260, 640])
        buttons = QHBoxLayout()
        for button in (self.new_button, self.toggle_button, self.generate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # --- loading and choosing ----------------------------------------------------------------------------

    async def _load(self, select: str | None = None) -> None:
        rules = await self._runner.run_db(list_rules, self._db)
        self._rules = {r.code: r for r in rules}
        self.rules_list.blockSignals(True)
        self.rules_list.clear()
        for rule in rules:
            item = QListWidgetItem(self._item_text(rule), self.rules_list)
            item.setData(CODE_ROLE, rule.code)
            if not rule.active:
                item.setForeground(Qt.GlobalColor.gray)
        self.rules_list.blockSignals(False)
        row = next((i for i, r in enumerate(rules) if r.code == (select or self._code)), 0)
        if rules:
            self.rules_list.setCurrentRow(row)
            self._show_rule(rules[row])

    def _item_text(self, rule: StoredRule) -> str:
        text = f"{rule.name}  ({rule.code})"
        if not rule.active:
            text += "  " + self.tr("[inactive]")
        if rule.error:
            text += "  " + self.tr("[invalid]")
        return text

    def _show_rule(self, rule: StoredRule) -> None:
        self._code = rule.code
        self._set_text(rule.editor_text())
        self.toggle_button.setText(self.tr("Deactivate") if rule.active else self.tr("Activate"))
        self.toggle_button.setEnabled(self.can_edit)

    def _set_text(self, text: str) -> None:
        self._saved_text = text
        self.editor.setPlainText(text)

    @property
    def dirty(self) -> bool:
        return self.editor.toPlainText() != self._saved_text

    def _on_rules_list_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        code = current.data(CODE_ROLE)
        if code != self._code and code in self._rules:
            self._show_rule(self._rules[code])

    # --- validation ----------------------------------------------------------------------------------

    def _on_editor_text_changed(self) -> None:
        self.validate()

    def validate(self) -> bool:
        """Check the text as it is typed; the message names the line, and the cursor can jump there."""
        try:
            parse_rule_json(self.editor.toPlainText())
        except RulesError as error:
            self.validation.setText(self.error_text(error))
            self.validation.show()
            return False
        self.validation.clear()
        self.validation.hide()
        return True

    def error_text(self, error: RulesError) -> str:
        if error.line:
            return self.tr("Line %1: %2").replace("%1", str(error.line)).replace("%2", error.message)
        return error.message

    def _go_to_line(self, line: int) -> None:
        block = self.editor.document().findBlockByLineNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    # --- actions ---------------------------------------------------------------------------------------

    def _on_new_button_clicked(self) -> None:
        if not self.can_edit:
            return
        self._code = None
        self.rules_list.clearSelection()
        self._saved_text = ""
        self.editor.setPlainText(new_rule_text())
        self.editor.setFocus()

    def _on_save_button_clicked(self) -> None:
        if self.can_edit:
            self._runner.spawn(self._save(), key="followups.rules.save", owner=self)

    async def _save(self) -> None:
        text = self.editor.toPlainText()
        try:
            rule, changes = await self._runner.run_db(save_rule, self._db, role=self._session.role.value, text=text,
                                                      code=self._code)  # fmt: skip
        except RulesError as error:
            self.messages.show_message(self.error_text(error), Level.ERROR)
            if error.line:
                self._go_to_line(error.line)
            return
        except RuleEditError as error:
            self.messages.show_message(self.edit_error_text(error.code), Level.ERROR)
            return
        self._saved_text = text
        self.messages.show_message(self.tr("Rule saved: %1").replace("%1", rule.name), Level.INFO)
        self.rules_saved.emit(changes)
        await self._load(select=rule.code)

    def edit_error_text(self, code: str) -> str:
        texts = {
            "not_admin": self.tr("Only administrators can change follow-up rules."),
            "code_mismatch": self.tr("The code of a saved rule cannot change; use New rule instead."),
            "unknown_rule": self.tr("This rule is not stored yet; save it first."),
        }
        return texts.get(code, self.tr("The rule could not be saved."))

    def _on_toggle_button_clicked(self) -> None:
        if self.can_edit and self._code is not None:
            self._runner.spawn(self._toggle(self._code), key="followups.rules.toggle", owner=self)

    async def _toggle(self, code: str) -> None:
        active = not self._rules[code].active
        try:
            changes: Changes = await self._runner.run_db(set_rule_active, self._db, role=self._session.role.value,
                                                         code=code, active=active)  # fmt: skip
        except RuleEditError as error:
            self.messages.show_message(self.edit_error_text(error.code), Level.ERROR)
            return
        self.messages.show_message(self.tr("Rule activated.") if active else self.tr("Rule deactivated."),
                                   Level.INFO)  # fmt: skip
        self.rules_saved.emit(changes)
        await self._load(select=code)

    def _on_generate_button_clicked(self) -> None:
        if self.can_edit:
            self._runner.spawn(self._generate(), key="followups.rules.generate", owner=self)

    async def _generate(self) -> None:
        self.generate_button.setEnabled(False)
        try:
            report = await self._runner.run_db(generate_tasks, self._db, today=date.today())
        except RulesError as error:
            self.messages.show_message(self.error_text(error), Level.ERROR)
            return
        finally:
            self.generate_button.setEnabled(self.can_edit)
        text = self.tr("Tasks made: %1 (already made earlier: %2)")
        skipped = report.skipped_by_reason().get("exists", 0)
        self.messages.show_message(text.replace("%1", str(report.total_created)).replace("%2", str(skipped)),
                                   Level.INFO)  # fmt: skip
        self.tasks_generated.emit(report.changes)

    # --- closing ---------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._closing or not self.dirty or not self.can_edit:
            super().reject()
            return
        self._runner.spawn(self._confirm_close(), key="followups.rules.close", owner=self)

    async def _confirm_close(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard changes?"),
                          self.tr("The changes to this rule have not been saved."),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if await ask(box) == QMessageBox.StandardButton.Discard.value:
            self._closing = True
            self.reject()
