"""QA review (质检评分): pick an agent and one of their recent contacts, score it against the checklist,
add a comment, save (Ctrl+Enter). Scores start at each item's maximum: the reviewer deducts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelection, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.analytics.frames import read_rows
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.patients import ValidationError
from hcrm_desktop.services.qa import (
    Checklist,
    ChecklistItem,
    QaError,
    ReviewableInteraction,
    default_checklist,
    review_interaction,
    reviewable_interactions,
    reviews_for_agent,
)
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.supervisor.tables import Row, RowsModel, make_table
from hcrm_desktop.views.supervisor.words import CHANNELS, TYPES, error_text, word

RECENT = 50


def item_label(item: ChecklistItem) -> str:
    """The checklist item in the user's language (the file holds Chinese and English names)."""
    return item.name if QLocale().language() == QLocale.Language.Chinese else item.name_en


def _desk_staff(db: Database) -> list[tuple[str, str, str]]:
    return [(str(a), str(b), str(c or "")) for a, b, c in read_rows(
        db, "SELECT id, display_name, team FROM staff_users WHERE role IN ('agent', 'nurse') AND active = 1"
            " AND deleted = 0 ORDER BY role, coalesce(team, '') = '', team, display_name")]


class QaPanel(QWidget):
    """`(db=, runner=, session=)`; `changes_made` carries each saved review."""

    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._clock = db, runner, session, clock
        self.checklist: Checklist = default_checklist()
        self.interactions: list[ReviewableInteraction] = []
        self.loaded = False
        self._build()
        self._retranslate()

    def _build(self) -> None:
        self.agent_combo = QComboBox(self)
        self.agent_combo.setObjectName("qaAgentCombo")
        self.agent_combo.currentIndexChanged.connect(self._on_agent_combo_current_index_changed)
        self.agent_label = QLabel(self)
        self.contacts_model = RowsModel(parent=self)
        self.contacts_view = make_table(self.contacts_model, self, "qaContacts")
        self.contacts_view.selectionModel().selectionChanged.connect(self._on_contacts_selection_changed)
        self.reviews_model = RowsModel(parent=self)
        self.reviews_view = make_table(self.reviews_model, self, "qaReviews")
        self.reviews_label = QLabel(self)
        self.message_bar = MessageBar(self)
        self.form_box = QGroupBox(self)
        box_layout = QVBoxLayout(self.form_box)
        form = QFormLayout()
        box_layout.addLayout(form)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.item_labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        for item in self.checklist.items:
            spin = QDoubleSpinBox(self.form_box)
            spin.setObjectName(f"score_{item.code}")
            spin.setRange(0, item.max_points)
            spin.setDecimals(1)
            spin.setSingleStep(1)
            spin.setValue(item.max_points)
            spin.valueChanged.connect(self._on_spin_value_changed)
            error = QLabel(self.form_box)
            error.setObjectName("fieldError")
            error.hide()
            row = QHBoxLayout()
            row.addWidget(spin)
            row.addWidget(error, 1)
            label = QLabel(self.form_box)
            form.addRow(label, row)
            self.spins[item.code], self.item_labels[item.code], self.errors[item.code] = spin, label, error
        self.total_label = QLabel(self.form_box)
        self.total_label.setObjectName("qaTotal")
        self.comment_edit = QPlainTextEdit(self.form_box)
        self.comment_edit.setObjectName("qaComment")
        self.comment_edit.setMaximumHeight(90)
        self.comment_error = QLabel(self.form_box)
        self.comment_error.setObjectName("fieldError")
        self.comment_error.hide()
        self.comment_label = QLabel(self.form_box)
        form.addRow(self.total_label)
        form.addRow(self.comment_label, self.comment_edit)
        form.addRow(self.comment_error)
        self.save_button = QPushButton(self.form_box)
        self.save_button.setObjectName("qaSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.reset_button = QPushButton(self.form_box)
        self.reset_button.clicked.connect(self.reset_form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        box_layout.addStretch(1)
        box_layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_save_button_clicked)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._on_save_button_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.form_box, self._on_escape,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(self.agent_label)
        pick.addWidget(self.agent_combo, 1)
        left_layout.addLayout(pick)
        left_layout.addWidget(self.contacts_view, 3)
        left_layout.addWidget(self.reviews_label)
        left_layout.addWidget(self.reviews_view, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self._set_form_enabled(False)

    def _retranslate(self) -> None:
        self.agent_label.setText(self.tr("Agent"))
        self.reviews_label.setText(self.tr("Earlier reviews of this agent"))
        self.form_box.setTitle(self.tr("Checklist"))
        for item in self.checklist.items:
            self.item_labels[item.code].setText(self.tr("{item} (max {max})").format(
                item=item_label(item), max=item.max_points))
        self.comment_label.setText(self.tr("Comment"))
        self.save_button.setText(self.tr("Save review"))
        self.save_button.setToolTip("Ctrl+Enter")
        self.reset_button.setText(self.tr("Reset"))
        self.contacts_model.set_headers([self.tr("Time"), self.tr("Type"), self.tr("Channel"), self.tr("Customer"),
                                         self.tr("Handle (s)"), self.tr("QA done"), self.tr("Summary")],
                                        numeric=(4,))
        self.reviews_model.set_headers([self.tr("Reviewed"), self.tr("Contact"), self.tr("Total"),
                                        self.tr("Reviewer"), self.tr("Comment")], numeric=(2,))
        self._update_total()
        self._show_contacts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self._runner.spawn(self._load_staff(), key=f"qa-staff:{id(self)}", owner=self)

    def apply_changes(self, changes: Changes) -> None:
        if self.loaded and changes.touches("interactions", "qa_reviews"):
            self.refresh()

    # --- loading ------------------------------------------------------------------------------------

    async def _load_staff(self) -> None:
        staff = await self._runner.run_db(_desk_staff, self._db)
        self.agent_combo.blockSignals(True)
        self.agent_combo.clear()
        for sid, name, team in staff:
            self.agent_combo.addItem(f"{name}  {team}".strip(), sid)
        self.agent_combo.blockSignals(False)
        self.refresh()

    def _on_agent_combo_current_index_changed(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        agent = self.agent_combo.currentData()
        if agent:
            self._runner.spawn(self._load_agent(str(agent)), key=f"qa-agent:{id(self)}", owner=self)

    async def _load_agent(self, agent_id: str) -> None:
        self.interactions = await self._runner.run_db(reviewable_interactions, self._db, agent_id=agent_id,
                                                      limit=RECENT, now=self._clock())
        reviews = await self._runner.run_db(reviews_for_agent, self._db, agent_id, limit=RECENT)
        self._show_contacts()
        self.reviews_model.set_rows([
            Row((r.reviewed_at.strftime("%Y-%m-%d %H:%M"),
                 r.interaction_started_at.strftime("%m-%d %H:%M") if r.interaction_started_at else "",
                 f"{r.total:g}", r.reviewer_name or "", r.comment or ""), r.id)
            for r in reviews
        ])
        self._set_form_enabled(self.selected_interaction() is not None)

    def _show_contacts(self) -> None:
        selected = self.selected_interaction()
        self.contacts_model.set_rows([
            Row((i.started_at.strftime("%m-%d %H:%M"), word(TYPES, i.type), word(CHANNELS, i.channel),
                 i.patient_name or "", str(i.handle_seconds or ""), self.tr("Yes") if i.reviewed else "",
                 i.summary or ""), i.id)
            for i in self.interactions
        ])
        if selected is not None:
            self.select_interaction(selected.id)

    # --- the form -----------------------------------------------------------------------------------

    def selected_interaction(self) -> ReviewableInteraction | None:
        rows = self.contacts_view.selectionModel().selectedRows() if self.contacts_view.selectionModel() else []
        if not rows or rows[0].row() >= len(self.interactions):
            return None
        return self.interactions[rows[0].row()]

    def select_interaction(self, interaction_id: str) -> bool:
        for n, item in enumerate(self.interactions):
            if item.id == interaction_id:
                self.contacts_view.selectRow(n)
                return True
        return False

    def _on_contacts_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._set_form_enabled(self.selected_interaction() is not None)

    def _set_form_enabled(self, enabled: bool) -> None:
        self.form_box.setEnabled(enabled)

    def _on_spin_value_changed(self, _value: float) -> None:
        self._update_total()

    def _update_total(self) -> None:
        total = sum(spin.value() for spin in self.spins.values())
        self.total_label.setText(self.tr("Total: {total} of {max}").format(total=f"{total:g}",
                                                                           max=self.checklist.total))

    def scores(self) -> dict[str, float]:
        return {code: spin.value() for code, spin in self.spins.items()}

    def reset_form(self) -> None:
        for item in self.checklist.items:
            self.spins[item.code].setValue(item.max_points)
        self.comment_edit.clear()
        self._clear_errors()

    def is_dirty(self) -> bool:
        changed = any(self.spins[i.code].value() != i.max_points for i in self.checklist.items)
        return changed or bool(self.comment_edit.toPlainText().strip())

    def _on_escape(self) -> None:
        if self.is_dirty():
            self._runner.spawn(self._confirm_reset(), key=f"qa-reset:{id(self)}", owner=self)

    async def _confirm_reset(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard scores"),
                          self.tr("Discard the scores and comment entered for this contact?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if await ask(box) == QMessageBox.StandardButton.Discard.value:
            self.reset_form()

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.comment_error):
            label.clear()
            label.hide()

    def _on_save_button_clicked(self) -> None:
        interaction = self.selected_interaction()
        if interaction is None or not self.form_box.isEnabled():
            return
        self._runner.spawn(self.save(interaction.id), key=f"qa-save:{id(self)}", owner=self)

    async def save(self, interaction_id: str) -> bool:
        self._clear_errors()
        self.message_bar.clear()
        try:
            result = await self._runner.run_db(
                review_interaction, self._db, reviewer_id=self._session.id, interaction_id=interaction_id,
                scores=self.scores(), comment=self.comment_edit.toPlainText(), checklist=self.checklist)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except QaError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.ERROR)
            return False
        self.message_bar.show_message(self.tr("Review saved: {total} points.").format(total=f"{result.review.total:g}"))
        self.reset_form()
        self.changes_made.emit(result.changes)
        self.refresh()
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field, code in errors.items():
            if field.startswith("score:") and field[6:] in self.errors:
                label = self.errors[field[6:]]
            elif field == "comment":
                label = self.comment_error
            else:
                self.message_bar.show_message(error_text(code), Level.ERROR)
                continue
            label.setText(error_text(code))
            label.show()
