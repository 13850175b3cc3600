"""One case: header with the state badge and countdown, the facts, buttons for the steps the user may take
now (only those), the inline action form, the timeline of events and the attached files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.complaints import (
    REPLIERS,
    WORKERS,
    Action,
    ComplaintError,
    allowed_actions,
    handler_ok,
)
from hcrm_desktop.domain.enums import ComplaintState, Role
from hcrm_desktop.domain.sla import SlaPolicy
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.complaint_files import AttachmentError, add_attachment_file, export_attachment
from hcrm_desktop.services.complaint_lists import (
    CaseDetail,
    Choice,
    department_choices,
    handler_choices,
    load_case,
)
from hcrm_desktop.services.complaints import assign, change_severity, reply, sla_state, transition
from hcrm_desktop.services.patients import ValidationError
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.errors import StoreError
from hcrm_desktop.ui.errors import store_error_text
from hcrm_desktop.ui.messagebar import Level, MessageBar
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.complaints.actionform import ActionForm, FormValues
from hcrm_desktop.views.complaints.model import COLOURS
from hcrm_desktop.views.complaints.words import (
    action_text,
    category_text,
    channel_text,
    countdown_text,
    error_text,
    event_text,
    severity_text,
    state_text,
)

SHORTCUTS = {
    "acknowledge": "Ctrl+Shift+A", "start": "Ctrl+Shift+P", "resolve": "Ctrl+Shift+R", "close": "Ctrl+Shift+L",
    "reopen": "Ctrl+Shift+O", "assign": "Ctrl+Shift+G", "severity": "Ctrl+Shift+V", "reply": "Ctrl+Shift+M",
    "attach": "Ctrl+Shift+F",
}  # fmt: skip
BADGE = {"new": "#1565c0", "acknowledged": "#6a1b9a", "in_progress": "#ef6c00", "resolved": "#2e7d32",
         "closed": "#546e7a"}  # fmt: skip
FORM_ACTIONS = {"resolve", "close", "reopen"}


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


class CaseDetailPane(QFrame):
    changes_made = Signal(object)
    case_loaded = Signal(str)  # the case id, once shown

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, policy: SlaPolicy,
                 shortcut_host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self._db, self._runner, self._session, self._policy = db, runner, session, policy
        self.detail: CaseDetail | None = None
        self.allowed: set[str] = set()
        self._choices: tuple[list[Choice], list[Choice]] | None = None
        self._build()
        for name, keys in SHORTCUTS.items():
            shortcut = QShortcut(QKeySequence(keys), shortcut_host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda name=name: self.trigger(name))
        self.show_case(None)

    # --- building ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.case_no_label = QLabel(self)
        self.case_no_label.setObjectName("dialogHeading")
        self.state_badge = QLabel(self)
        self.state_badge.setObjectName("stateBadge")
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("caseCountdown")
        self.subject_label = QLabel(self)
        self.subject_label.setObjectName("caseSubject")
        self.subject_label.setWordWrap(True)
        self.message_bar = MessageBar(self)
        top = QHBoxLayout()
        for widget in (self.case_no_label, self.state_badge):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.countdown_label)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        captions = {
            "severity": self.tr("Severity"), "category": self.tr("Category"), "patient": self.tr("Patient"),
            "department": self.tr("Department concerned"), "staff": self.tr("Staff involved"),
            "assigned": self.tr("Handling department"), "handler": self.tr("Handler"), "channel": self.tr("Channel"),
            "opened": self.tr("Opened"), "dues": self.tr("Acknowledge / resolve by"),
            "escalated": self.tr("Escalated to"), "resolution": self.tr("Resolution"),
            "satisfaction": self.tr("Satisfaction"), "description": self.tr("Description"),
        }  # fmt: skip
        for key, caption in captions.items():
            label = self.fact_labels[key] = QLabel(self)
            label.setObjectName(f"fact_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(caption, label)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        texts = {a.value: action_text(a.value) for a in Action} | {
            "assign": self.tr("Assign…"), "severity": self.tr("Severity…"), "reply": self.tr("Reply…"),
            "attach": self.tr("Attach file…")}
        for name, text in texts.items():
            button = self.buttons[name] = QPushButton(text, self)
            button.setObjectName(f"case_{name}")
            button.setToolTip(QKeySequence(SHORTCUTS[name]).toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(lambda _checked=False, name=name: self.trigger(name))
            row.addWidget(button)
        row.addStretch(1)
        self.form = ActionForm(self)
        self.form.submitted.connect(self._on_form_submitted)
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("caseFiles")
        self.files.itemActivated.connect(self._on_files_item_activated)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.files, self.tr("Files"))
        self.empty_label = QLabel(self.tr("Choose a case in the list."), self)
        self.empty_label.setObjectName("hintLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(top)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.message_bar)
        layout.addLayout(self.facts)
        layout.addLayout(row)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        self._content = [self.case_no_label, self.state_badge, self.countdown_label, self.subject_label, self.tabs,
                         *self.fact_labels.values(), *self.buttons.values()]

    # --- showing ----------------------------------------------------------------------------------------

    @property
    def case_id(self) -> str | None:
        return self.detail.case.id if self.detail else None

    def load(self, case_id: str | None) -> None:
        if case_id is None:
            self.show_case(None)
            return
        self._runner.spawn(self._load(case_id), key="complaints.detail", owner=self)

    async def _load(self, case_id: str) -> None:
        try:
            detail = await self._runner.run_db(load_case, self._db, case_id)
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        keep_form = detail is not None and self.case_id == case_id and self.form.isVisible()
        self.show_case(detail, keep_form=keep_form)
        self.case_loaded.emit(case_id)

    def show_case(self, detail: CaseDetail | None, *, keep_form: bool = False) -> None:
        self.detail = detail
        self.empty_label.setVisible(detail is None)
        for widget in self._content:
            widget.setVisible(detail is not None)
        for row in range(self.facts.rowCount()):
            self.facts.setRowVisible(row, detail is not None)
        if not keep_form:
            self.form.close_form()
        if detail is None:
            self.allowed = set()
            return
        self.message_bar.clear()
        c = detail.case
        self.case_no_label.setText(c.case_no)
        self.state_badge.setText(state_text(c.state))
        self.state_badge.setStyleSheet(f"color: white; background: {BADGE.get(c.state, '#546e7a')};"
                                       " border-radius: 4px; padding: 2px 8px;")
        self.subject_label.setText(c.subject)
        self._show_facts(detail)
        self._show_buttons(detail)
        self.refresh_countdown(datetime.now())
        self.timeline.clear()
        for event in reversed(detail.events):
            who = event.actor_name or self.tr("System")
            text = f"{_when(event.at)}  {who}  {event_text(event)}" + (f"\n{event.note}" if event.note else "")
            self.timeline.addItem(text)
        self.files.clear()
        for info in detail.attachments:
            item = QListWidgetItem(f"{info.filename}  ({info.size_bytes / 1024:.0f} KB, {_when(info.added_at)})")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(self.tr("Enter or double-click to save a copy"))
            self.files.addItem(item)
        self.tabs.setTabText(1, self.tr("Files ({n})").format(n=len(detail.attachments)))

    def _show_facts(self, d: CaseDetail) -> None:
        c = d.case
        patient = f"{d.patient_name} ({d.customer_no})" if d.patient_name else self.tr("No patient linked")
        satisfaction = (str(c.satisfaction) if c.satisfaction else
                        self.tr("Patient unreachable") if c.state == ComplaintState.CLOSED else "—")
        escalated = "—"
        if c.escalated:
            escalated = d.escalated_to_name or self.tr("Supervisor")
            escalated += f" ({_when(c.escalated_at)})" if c.escalated_at else ""
        values = {
            "severity": severity_text(c.severity), "category": category_text(c.category) or "—", "patient": patient,
            "department": d.department_name or "—", "staff": c.staff_involved or "—",
            "assigned": d.assigned_department_name or "—", "handler": d.handler_name or self.tr("Unassigned"),
            "channel": channel_text(c.channel) or "—", "opened": _when(c.opened_at),
            "dues": f"{_when(c.acknowledge_due)} / {_when(c.resolve_due)}", "escalated": escalated,
            "resolution": c.resolution or "—", "satisfaction": satisfaction, "description": c.description or "—",
        }  # fmt: skip
        if c.reopened_count:
            values["resolution"] += "  " + self.tr("(reopened {n}×)").format(n=c.reopened_count)
        for key, value in values.items():
            self.fact_labels[key].setText(value)

    def _show_buttons(self, d: CaseDetail) -> None:
        c, role, me = d.case, self._session.role, self._session.id
        open_case = c.state != ComplaintState.CLOSED
        self.allowed = {a.value for a in allowed_actions(c.state, role, actor_id=me, handler_id=c.handler_id)}
        if open_case and role in (Role.SUPERVISOR, Role.ADMIN):
            self.allowed.add("assign")
        if open_case and role in WORKERS and handler_ok(role, me, c.handler_id):
            self.allowed.add("severity")
        if open_case and role in REPLIERS:
            self.allowed |= {"reply", "attach"}
        for name, button in self.buttons.items():
            button.setVisible(name in self.allowed)

    def refresh_countdown(self, now: datetime) -> None:
        """Recompute the header's countdown (the view calls this on its 30-second tick)."""
        if self.detail is None:
            return
        sla = sla_state(self.detail.case, now, self._policy)
        if sla is None:
            self.countdown_label.clear()
            return
        due = self.detail.case.acknowledge_due if sla[0] == "acknowledge" else self.detail.case.resolve_due
        remaining = self._policy.remaining_minutes(due, now) if due else None
        self.countdown_label.setText(countdown_text(remaining, sla[0], self._policy.calendar.day_minutes))
        self.countdown_label.setStyleSheet(f"color: {COLOURS[sla[1]]}; font-weight: 600;")

    # --- acting -----------------------------------------------------------------------------------------

    def trigger(self, name: str) -> None:
        """A button or its shortcut: act at once (acknowledge, start), or open the form, or pick a file."""
        if self.detail is None or name not in self.allowed:
            return
        if name in ("acknowledge", "start"):
            self._spawn_write(FormValues(kind=name, note=""))
        elif name == "attach":
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
            if path:
                self.attach_file(Path(path))
        elif name == "assign":
            self._runner.spawn(self._open_assign(), key="complaints.assign", owner=self)
        elif name == "severity":
            self.form.open_for("severity", severity=self.detail.case.severity)
        else:
            self.form.open_for(name)

    async def _open_assign(self) -> None:
        if self._choices is None:
            handlers = await self._runner.run_db(handler_choices, self._db)
            self._choices = (handlers, await self._runner.run_db(department_choices, self._db))
        if self.detail is not None:
            c = self.detail.case
            self.form.open_for("assign", handlers=self._choices[0], departments=self._choices[1],
                               handler_id=c.handler_id, department_id=c.assigned_department_id)

    def _on_form_submitted(self, values: FormValues) -> None:
        self._spawn_write(values)

    def _spawn_write(self, values: FormValues) -> None:
        self._runner.spawn(self._write(values), key="complaints.write", owner=self)

    async def _write(self, v: FormValues) -> None:
        if self.detail is None:
            return
        c, me = self.detail.case, self._session.id
        try:
            if v.kind == "reply":
                _case, changes = await self._runner.run_db(reply, self._db, c.id, actor_id=me, note=v.note)
            elif v.kind == "severity":
                _case, changes = await self._runner.run_db(change_severity, self._db, c.id, actor_id=me,
                                                           severity=v.severity or c.severity)
            elif v.kind == "assign":
                _case, changes = await self._runner.run_db(
                    assign, self._db, c.id, actor_id=me, handler_id=v.handler_id, department_id=v.department_id,
                    note=v.note or None)
            else:
                _case, changes = await self._runner.run_db(
                    transition, self._db, c.id, v.kind, actor_id=me, note=v.note or None,
                    satisfaction=v.satisfaction, unreachable=v.unreachable, expected_state=c.state)
        except ComplaintError as exc:
            self._show_error(exc.code, exc.field)
            if exc.code == "stale":
                self.load(c.id)
            return
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except StoreError as exc:
            self.message_bar.show_message(store_error_text(exc.code, exc.path), Level.ERROR)
            return
        self.form.close_form()
        self._published(changes)

    def _show_error(self, code: str, field: str | None) -> None:
        form_field = "note" if field == "resolution" else field
        if self.form.isVisible() and form_field in self.form.errors:
            self.form.show_errors({str(form_field): code})
        else:
            self.message_bar.show_message(error_text(code), Level.WARNING)

    def _published(self, changes: Changes) -> None:
        self.changes_made.emit(changes)
        if self.case_id is not None:
            self.load(self.case_id)

    def attach_file(self, path: Path) -> None:
        self._runner.spawn(self._attach(path), key="complaints.attach", owner=self)

    async def _attach(self, path: Path) -> None:
        if self.detail is None:
            return
        try:
            _info, changes = await self._runner.run_db(add_attachment_file, self._db, self.detail.case.id,
                                                       actor_id=self._session.id, path=path)
        except AttachmentError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.WARNING)
            return
        self.tabs.setCurrentWidget(self.files)
        self._published(changes)

    def _on_files_item_activated(self, item: QListWidgetItem) -> None:
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), item.text().split("  ")[0])
        if attachment_id and path:
            self.export_file(str(attachment_id), Path(path))

    def export_file(self, attachment_id: str, target: Path) -> None:
        self._runner.spawn(self._export(attachment_id, target), key="complaints.export", owner=self)

    async def _export(self, attachment_id: str, target: Path) -> None:
        try:
            written = await self._runner.run_db(export_attachment, self._db, attachment_id, target)
        except AttachmentError as exc:
            self.message_bar.show_message(error_text(exc.code), Level.WARNING)
            return
        self.message_bar.show_message(self.tr("Saved to {path}").format(path=str(written)), Level.INFO)
