"""The supervisor's assignment dialog: give the selected tasks to a nurse, take them back, or rebalance the
open tasks evenly among the nurses ticked (their department respected, see `services.followup_assignment`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.followup_assignment import NurseLoad

ASSIGN, UNASSIGN, REBALANCE = "assign", "unassign", "rebalance"


class AssignDialog(QDialog):
    """`action()` after accept: (ASSIGN, [nurse id]) | (UNASSIGN, []) | (REBALANCE, [nurse ids])."""

    def __init__(self, *, nurses: list[NurseLoad], selected: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign follow-up tasks"))
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("assignAction")
        if selected:
            self.action_combo.addItem(self.tr("Give the %n selected task(s) to the nurse ticked", "", selected), ASSIGN)
            self.action_combo.addItem(self.tr("Take the %n selected task(s) back (unassigned)", "", selected), UNASSIGN)
        self.action_combo.addItem(self.tr("Rebalance the open tasks evenly among the nurses ticked"), REBALANCE)
        self.nurse_list = QListWidget(self)
        self.nurse_list.setObjectName("assignNurses")
        for nurse in nurses:
            text = self.tr("%1 (%2) · %3 open").replace("%1", nurse.name).replace("%2", nurse.department or "—")
            item = QListWidgetItem(text.replace("%3", str(nurse.open_tasks)), self.nurse_list)
            item.setData(Qt.ItemDataRole.UserRole, nurse.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._on_buttons_accepted)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_combo)
        layout.addWidget(QLabel(self.tr("Nurses (Space ticks one)"), self))
        layout.addWidget(self.nurse_list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.action_combo.setFocus()

    def checked(self) -> list[str]:
        items = (self.nurse_list.item(i) for i in range(self.nurse_list.count()))
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def action(self) -> tuple[str, list[str]]:
        kind = str(self.action_combo.currentData())
        return kind, [] if kind == UNASSIGN else self.checked()

    def _on_buttons_accepted(self) -> None:
        kind, nurses = self.action()
        if kind == ASSIGN and len(nurses) != 1:
            self.error_label.setText(self.tr("Tick exactly one nurse."))
        elif kind == REBALANCE and not nurses:
            self.error_label.setText(self.tr("Tick the nurses to share the tasks."))
        else:
            self.accept()
            return
        self.error_label.show()
