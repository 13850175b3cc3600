"""One follow-up call (the "next call" flow): who is called and why, the number (dialled through the
softphone when there is one), the script, the questionnaire, the outcome (Alt+1..Alt+7), a callback time
for 要求回电, notes; Ctrl+Enter saves, Esc goes back to the list (the task is put back). After saving,
the panel says what happened and offers the next call (F9)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.profile import Profile
from hcrm_desktop.services.worklist import Claim, OutcomeResult, WorklistError, record_outcome, release_task
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.cti import CtiBridge
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.labels import sex_text, value_tier_text, vip_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.followups.form import QuestionnaireForm
from hcrm_desktop.views.followups.words import OUTCOMES, TASK_STATES, error_text, word

Clock = Callable[[], datetime]


class CallPanel(QWidget):
    changes_made = Signal(object)
    outcome_saved = Signal(object)  # OutcomeResult
    next_requested = Signal()
    closed = Signal()  # back to the list

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, bridge: CtiBridge | None,
                 clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self._db, self._runner, self._session, self._bridge, self._clock = db, runner, session, bridge, clock
        self.claim: Claim | None = None
        self.saved: OutcomeResult | None = None
        self.started_at: datetime | None = None
        self.message_bar = MessageBar(self)
        self.patient_label = QLabel(self)
        self.patient_label.setObjectName("sectionTitle")
        self.task_label = QLabel(self)
        self.task_label.setWordWrap(True)
        self.alerts_label = QLabel(self)
        self.alerts_label.setObjectName("deceasedBanner")
        self.alerts_label.setWordWrap(True)
        self.alerts_label.hide()
        self.number_label = QLabel(self)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dial_button = QPushButton(self.tr("Dial (Ctrl+D)"), self)
        self.dial_button.setShortcut(QKeySequence("Ctrl+D"))
        self.dial_button.clicked.connect(self._on_dial_button_clicked)
        self.script_label = QLabel(self)
        self.script_label.setObjectName("callScript")
        self.script_label.setWordWrap(True)
        self.form = QuestionnaireForm(self)
        self._build_outcomes()
        self._build_footer()
        self._layout()

    def _build_outcomes(self) -> None:
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QPushButton] = {}
        for number, (code, _source) in enumerate(OUTCOMES.items(), start=1):
            button = QPushButton(f"{number} {word(OUTCOMES, code)}", self)
            button.setObjectName("filterChip")  # the checkable chip style
            button.setCheckable(True)
            button.setShortcut(QKeySequence(f"Alt+{number}"))
            button.setToolTip(QKeySequence(f"Alt+{number}").toString(QKeySequence.SequenceFormat.NativeText))
            self.outcome_group.addButton(button)
            self.outcome_buttons[code] = button
        self.outcome_group.buttonToggled.connect(self._on_outcome_group_button_toggled)
        self.outcome_error = QLabel(self)
        self.outcome_error.setObjectName("fieldError")
        self.outcome_error.hide()
        self.callback_edit = QDateTimeEdit(self)
        self.callback_edit.setObjectName("callbackEdit")
        self.callback_edit.setCalendarPopup(True)
        self.callback_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback_label = QLabel(self.tr("Call back at"), self)
        self.callback_label.setBuddy(self.callback_edit)
        self.callback_error = QLabel(self)
        self.callback_error.setObjectName("fieldError")
        self.callback_error.hide()

    def _build_footer(self) -> None:
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("callNotes")
        self.notes_edit.setPlaceholderText(self.tr("Notes on the call"))
        self.notes_edit.setMaximumHeight(80)
        self.notes_error = QLabel(self)
        self.notes_error.setObjectName("fieldError")
        self.notes_error.hide()
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.back_button = QPushButton(self.tr("Back to the list (Esc)"), self)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.next_button = QPushButton(self.tr("Next call (F9)"), self)
        self.next_button.clicked.connect(self.next_requested)
        self.next_button.hide()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_save_button_clicked)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._on_back_button_clicked)

    def _layout(self) -> None:
        content = QWidget(self)
        body = QVBoxLayout(content)
        dial_row = QHBoxLayout()
        dial_row.addWidget(self.number_label)
        dial_row.addWidget(self.dial_button)
        dial_row.addStretch(1)
        for widget in (self.patient_label, self.alerts_label, self.task_label):
            body.addWidget(widget)
        body.addLayout(dial_row)
        body.addWidget(self.script_label)
        body.addWidget(self.form)
        outcomes = QHBoxLayout()
        for button in self.outcome_buttons.values():
            outcomes.addWidget(button)
        outcomes.addStretch(1)
        body.addLayout(outcomes)
        body.addWidget(self.outcome_error)
        callback = QHBoxLayout()
        callback.addWidget(self.callback_label)
        callback.addWidget(self.callback_edit)
        callback.addWidget(self.callback_error)
        callback.addStretch(1)
        body.addLayout(callback)
        body.addWidget(self.notes_edit)
        body.addWidget(self.notes_error)
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # --- showing a call ---------------------------------------------------------------------------------

    def show_call(self, claim: Claim, profile: Profile | None) -> None:
        self.claim, self.saved, self.started_at = claim, None, self._clock()
        self.message_bar.clear()
        self._show_patient(claim, profile)
        attempts = self.tr("call %1").replace("%1", str(claim.attempts + 1))
        parts = (f"{claim.rule_name} {claim.step}".strip(), claim.reason, attempts)
        self.task_label.setText(" · ".join(x for x in parts if x))
        self.number_label.setText(claim.phone or self.tr("No phone number on file"))
        self.dial_button.setEnabled(bool(claim.phone))
        self.script_label.setText(claim.script or self.tr(
            "Hello, this is the follow-up nurse of the hospital. May I ask a few questions about how you are?"))
        self.form.set_questionnaire(claim.questionnaire)
        self.notes_edit.clear()
        self._set_outcome(None)
        self._clear_errors()
        self._set_editable(True)
        self._default_callback(claim)
        first = self.form.first_input()
        (first or self.outcome_buttons["completed"]).setFocus()

    def _show_patient(self, claim: Claim, profile: Profile | None) -> None:
        if profile is None:
            self.patient_label.setText(claim.patient_id)
            self.alerts_label.hide()
            return
        age = self.tr("%1 years").replace("%1", str(profile.age)) if profile.age is not None else ""
        parts = (profile.name, sex_text(profile.sex), age, vip_text(profile.vip_level),
                 value_tier_text(profile.value_tier), profile.customer_no)  # fmt: skip
        self.patient_label.setText(" · ".join(p for p in parts if p))
        alerts = [a.subject for a in profile.alerts if a.kind in ("complaint", "discharge")]
        if profile.deceased_on is not None:
            alerts.insert(0, self.tr("Recorded as deceased on %1").replace("%1", profile.deceased_on.isoformat()))
        self.alerts_label.setText("\n".join(alerts))
        self.alerts_label.setVisible(bool(alerts))

    def _default_callback(self, claim: Claim) -> None:
        suggested = claim.policy.window.next_open(self._clock() + timedelta(hours=2))
        self.callback_edit.setDateTime(QDateTime(suggested))

    def _set_outcome(self, code: str | None) -> None:
        self.outcome_group.setExclusive(False)
        for key, button in self.outcome_buttons.items():
            button.setChecked(key == code)
        self.outcome_group.setExclusive(True)
        self._on_outcome_group_button_toggled()

    def outcome(self) -> str | None:
        return next((code for code, button in self.outcome_buttons.items() if button.isChecked()), None)

    def choose_outcome(self, code: str) -> None:
        self.outcome_buttons[code].setChecked(True)

    def _on_outcome_group_button_toggled(self, *_args: object) -> None:
        callback = self.outcome() == "callback"
        for widget in (self.callback_label, self.callback_edit):
            widget.setVisible(callback)
        self.form.setEnabled(self.outcome() in (None, "completed"))

    def _on_dial_button_clicked(self) -> None:
        if self.claim is None or not self.claim.phone:
            return
        if self._bridge is not None and self._bridge.can_dial:
            self._bridge.dial(self.claim.phone)
            self.message_bar.show_message(self.tr("Dialling %1…").replace("%1", self.claim.phone))
        else:
            self.message_bar.show_message(self.tr("No softphone connected: dial %1 by hand, then record the outcome.")
                                          .replace("%1", self.claim.phone))

    # --- saving -----------------------------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        if self.claim is None or self.saved is not None:
            return
        self._runner.spawn(self.save(), key="followups.save", owner=self)

    async def save(self) -> OutcomeResult | None:
        claim, outcome = self.claim, self.outcome()
        if claim is None:
            return None
        self._clear_errors()
        if outcome is None:
            self._show_field_error("outcome", "invalid")
            return None
        now = self._clock()
        answers = self.form.answers() if outcome == "completed" and claim.questionnaire else None
        callback_at = self.callback_edit.dateTime().toPython() if outcome == "callback" else None
        duration = int((now - self.started_at).total_seconds()) if self.started_at else None
        self.save_button.setEnabled(False)
        try:
            result, changes = await self._runner.run_db(
                record_outcome, self._db, task_id=claim.task_id, agent_id=self._session.id, outcome=outcome,
                notes=self.notes_edit.toPlainText(), duration_seconds=duration, callback_at=callback_at,
                answers=answers or None, now=now,
            )  # fmt: skip
        except WorklistError as exc:
            self.save_button.setEnabled(True)
            self._show_field_error(exc.field, exc.code)
            return None
        except StoreError as exc:
            self.save_button.setEnabled(True)
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return None
        self._after_save(result, changes)
        return result

    def _after_save(self, result: OutcomeResult, changes: Changes) -> None:
        self.saved = result
        self._set_editable(False)
        text = self.tr("Saved: %1, the task is now %2.").replace("%1", word(OUTCOMES, self.outcome())).replace(
            "%2", word(TASK_STATES, result.state))
        level = Level.INFO
        if result.escalation_id:
            text += " " + self.tr("A red flag was sent to the department's doctor.")
            level = Level.WARNING
        if result.next_try_at is not None:
            text += " " + self.tr("Next call: %1.").replace("%1", result.next_try_at.strftime("%Y-%m-%d %H:%M"))
        if result.cancelled_task_ids:
            text += " " + self.tr("%n other task(s) of the patient were cancelled.", "",
                                  len(result.cancelled_task_ids))
        self.message_bar.show_message(text + " " + self.tr("Press F9 for the next call."), level)
        self.next_button.show()
        self.next_button.setFocus()
        self.changes_made.emit(changes)
        self.outcome_saved.emit(result)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.form, self.notes_edit, self.callback_edit, self.save_button, self.dial_button,
                       *self.outcome_buttons.values()):  # fmt: skip
            widget.setEnabled(editable)
        self.next_button.setVisible(not editable)
        if editable:
            self._on_outcome_group_button_toggled()

    def _show_field_error(self, field: str, code: str) -> None:
        if field.startswith("answers."):
            self.form.show_error(field.split(".", 1)[1], code)
            return
        label = {"outcome": self.outcome_error, "callback_at": self.callback_error, "notes": self.notes_error}.get(field)
        if label is None:
            self.message_bar.show_message(error_text(code), Level.ERROR)
            return
        label.setText(error_text(code))
        label.show()

    def _clear_errors(self) -> None:
        self.form.clear_errors()
        for label in (self.outcome_error, self.callback_error, self.notes_error):
            label.hide()

    # --- leaving ----------------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self.saved is None and bool(self.outcome() or self.notes_edit.toPlainText().strip()
                                           or self.form.answers())

    def _on_back_button_clicked(self) -> None:
        self._runner.spawn(self._confirm_leave(), key="followups.leave", owner=self)

    async def _confirm_leave(self) -> None:
        if self.is_dirty():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave this call?"),
                              self.tr("What you entered for this call is not saved. Leave it?"),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if await ask(box) != QMessageBox.StandardButton.Yes.value:
                return
        await self.leave()

    async def leave(self) -> None:
        """Back to the list; an unsaved claim is put back so it shows as "to call" again."""
        claim, self.claim = self.claim, None
        if claim is not None and self.saved is None:
            changes = await self._runner.run_db(release_task, self._db, task_id=claim.task_id,
                                                nurse_id=self._session.id)
            self.changes_made.emit(changes)
        self.closed.emit()
