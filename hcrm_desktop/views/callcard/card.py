"""The call card: one per call, with the call's state, who is calling, and what the lookup found.

Content by lookup result: one match (the profile), several (a ranked chooser), none (the quick-create
form), a withheld or unreadable number (a search). Notes typed on the card stay with it whatever happens
to the record. `painted` fires once after the first paint following new content, for the pop timing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.domain.phones import PhoneError, mask_phone, normalize_phone
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.lookup import LookupResult, PhoneMatch
from hcrm_desktop.services.profile import Profile, TimelineItem
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.labels import relation_text
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.callcard.actions import CardWrapUp
from hcrm_desktop.views.callcard.chooser import MatchChooser
from hcrm_desktop.views.callcard.profilecard import ProfileCard
from hcrm_desktop.views.callcard.quickcreate import QuickCreateForm
from hcrm_desktop.views.callcard.withheld import CallerSearch
from hcrm_desktop.views.callcard.words import call_state_text


@dataclass(frozen=True)
class Resolution:
    """What the screen pop read for a number: the lookup, and the profile when exactly one matched."""

    lookup: LookupResult | None
    profile: Profile | None = None
    first_page: list[TimelineItem] | None = None
    error: str = ""  # a PhoneError code: the number could not be read


class CallCard(QFrame):
    painted = Signal()
    accept_requested = Signal(str)
    hangup_requested = Signal(str)
    dial_requested = Signal(str)
    changes_made = Signal(object)
    title_changed = Signal()
    booking_requested = Signal(str)  # patient id, from the wrap-up's booking section

    def __init__(self, *, db: Database, runner: TaskRunner, call_id: str, remote: str, actor_id: str,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callCard")
        self._db = db
        self._runner = runner
        self._actor_id = actor_id
        self._today = today
        self.call_id = call_id
        self.remote = remote
        self.state = "ringing"
        self.kind = "looking"  # looking | profile | chooser | create | withheld | unreadable
        self.match: PhoneMatch | None = None
        self._paint_pending = False
        self._build()

    def _build(self) -> None:
        self.state_label = QLabel(self)
        self.state_label.setObjectName("callState")
        self.number_label = QLabel(self)
        self.number_label.setObjectName("callNumber")
        self.relation_label = QLabel(self)
        self.relation_label.setObjectName("relationLine")
        self.relation_label.hide()
        self.call_id_label = QLabel(self)
        self.call_id_label.setObjectName("hintLabel")
        self.accept_button = QPushButton(self.tr("Answer"), self)
        self.accept_button.setObjectName("answerButton")
        self.hangup_button = QPushButton(self.tr("Hang up"), self)
        self.hangup_button.setObjectName("hangupButton")
        for button in (self.accept_button, self.hangup_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(self.call_id))
        self.hangup_button.clicked.connect(lambda: self.hangup_requested.emit(self.call_id))
        bar = QHBoxLayout()
        bar.setSpacing(12)
        for label in (self.state_label, self.number_label, self.relation_label):
            bar.addWidget(label)
        bar.addStretch(1)
        for item in (self.call_id_label, self.accept_button, self.hangup_button):
            bar.addWidget(item)
        self.looking_label = QLabel(self.tr("Looking up the caller…"), self)
        self.looking_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.profile_card = ProfileCard(db=self._db, runner=self._runner, today=self._today, parent=self)
        self.profile_card.dial_requested.connect(self.dial_requested)
        self.profile_card.action_requested.connect(self._on_profile_card_action_requested)
        self.profile_card.profile_shown.connect(self.title_changed)
        self.chooser = MatchChooser(self)
        self.chooser.chosen.connect(self._on_chooser_chosen)
        self.content = QStackedWidget(self)
        for page in (self.looking_label, self.profile_card, self.chooser):
            self.content.addWidget(page)
        self.quick_create: QuickCreateForm | None = None
        self.search: CallerSearch | None = None
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("callNotes")
        self.notes_edit.setPlaceholderText(self.tr(
            "Notes on this call. They stay on this card and go into the wrap-up (Alt+1 to Alt+5)."))
        self.notes_edit.setMaximumWidth(260)
        self.notes_caption = QLabel(self.tr("Call notes"), self)
        self.notes_caption.setObjectName("sectionHeading")
        notes = QVBoxLayout()
        notes.addWidget(self.notes_caption)
        notes.addWidget(self.notes_edit, 1)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.content, 1)
        body.addLayout(notes)
        self.wrapup = CardWrapUp(card=self, db=self._db, runner=self._runner, actor_id=self._actor_id)
        self.wrapup.booking_requested.connect(self.booking_requested)
        body.addWidget(self.wrapup.area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self._show_call()

    # --- the call ----------------------------------------------------------------------------------------

    def today(self) -> date:
        return self._today or date.today()

    def start_call(self, call_id: str, remote: str) -> None:
        """Give a prepared card its call."""
        self.call_id, self.remote, self.state = call_id, remote, "ringing"
        self._show_call()

    def set_state(self, state: str) -> None:
        self.state = state
        self.wrapup.on_call_state(state)
        self._show_call()
        self.title_changed.emit()

    def _show_call(self) -> None:
        self.state_label.setText(call_state_text(self.state))
        self.state_label.setProperty("state", self.state)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        self.number_label.setText(self.number_text())
        self.call_id_label.setText(self.tr("Call {id}").format(id=self.call_id))
        self.accept_button.setVisible(self.state == "ringing")
        self.hangup_button.setVisible(self.state != "ended")

    def number_text(self) -> str:
        if self.kind in ("withheld",) or not self.remote:
            return self.tr("Withheld number")
        return mask_phone(self.remote)

    def title(self) -> str:
        """The tab's text: who, and the call's state."""
        if self.kind == "profile" and self.profile_card.profile is not None:
            who = self.profile_card.profile.name
        elif self.kind == "chooser":
            who = self.tr("{count} matches").format(count=len(self.chooser.matches))
        else:
            who = self.number_text()
        return f"{who} · {call_state_text(self.state)}"

    # --- what the lookup found ---------------------------------------------------------------------------

    def show_resolution(self, resolution: Resolution) -> None:
        lookup = resolution.lookup
        if resolution.error or lookup is None:
            self._show_search("unreadable", self.tr(
                "The caller's number could not be read ({number}). Ask who is calling and search:").format(
                number=self.remote or "—"))
        elif lookup.withheld:
            self._show_search("withheld", self.tr(
                "The caller withheld the number, so nobody could be recognised. Ask who is calling and search:"))
        elif not lookup.matches:
            self._show_quick_create(lookup.normalized or self.remote)
        elif len(lookup.matches) == 1:
            self.match = lookup.matches[0]
            self._show_relation(self.match)
            if resolution.profile is not None:
                self._show_profile(resolution.profile, resolution.first_page)
            else:
                self.open_patient(self.match.patient_id)
        else:
            self.kind = "chooser"
            self.chooser.show_matches(lookup.matches, self.today())
            self.content.setCurrentWidget(self.chooser)
        self._show_call()
        self.title_changed.emit()
        self.expect_paint()

    def _show_profile(self, profile: Profile, first_page: list[TimelineItem] | None) -> None:
        self.kind = "profile"
        self.profile_card.show_profile(profile, first_page)
        self.content.setCurrentWidget(self.profile_card)

    def open_patient(self, patient_id: str) -> None:
        self.kind = "profile"
        self.content.setCurrentWidget(self.profile_card)
        self.profile_card.load(patient_id)
        self.title_changed.emit()

    def _show_relation(self, match: PhoneMatch | None) -> None:
        if match is None or match.relation == "self":
            self.relation_label.hide()
            return
        who = relation_text(match.relation)
        name = f" {match.contact_name}" if match.contact_name else ""
        self.relation_label.setText(self.tr("Caller: the patient's {who}{name}").format(who=who, name=name))
        self.relation_label.show()

    def _show_quick_create(self, number: str) -> None:
        self.kind = "create"
        try:
            parsed = normalize_phone(self.remote)
        except PhoneError:
            parsed = None
        phone = parsed.national if parsed is not None else number  # 13800138000, 010-12345678
        self.quick_create = QuickCreateForm(db=self._db, runner=self._runner, actor_id=self._actor_id,
                                            phone=phone, parent=self)
        self.quick_create.created.connect(self._on_quick_create_created)
        self.quick_create.open_requested.connect(self.open_patient)
        self.content.addWidget(self.quick_create)
        self.content.setCurrentWidget(self.quick_create)

    def _show_search(self, kind: str, heading: str) -> None:
        self.kind = kind
        self.search = CallerSearch(db=self._db, runner=self._runner, heading=heading, parent=self)
        self.search.chosen.connect(self.open_patient)
        self.content.addWidget(self.search)
        self.content.setCurrentWidget(self.search)

    def apply_changes(self, changes: Changes) -> None:
        if self.kind == "profile":
            self.profile_card.apply_changes(changes)

    def focus_content(self) -> None:
        """Give the keyboard to what the agent needs first (only called when nobody is typing)."""
        if self.kind == "chooser":
            self.chooser.list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.kind == "create" and self.quick_create is not None:
            self.quick_create.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.kind in ("withheld", "unreadable") and self.search is not None:
            self.search.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- events ------------------------------------------------------------------------------------------

    def _on_chooser_chosen(self, patient_id: str) -> None:
        self.match = next((m for m in self.chooser.matches if m.patient_id == patient_id), None)
        self._show_relation(self.match)
        self.open_patient(patient_id)

    def _on_quick_create_created(self, patient_id: str, changes: object) -> None:
        self.changes_made.emit(changes)
        self.open_patient(patient_id)

    def _on_profile_card_action_requested(self, action: str) -> None:
        self.wrapup.open(action)

    def expect_paint(self) -> None:
        """Emit `painted` after the next paint (at once if the card is not on screen: a background tab)."""
        if self.isVisible():
            self._paint_pending = True
            self.update()
        else:
            QTimer.singleShot(0, self.painted.emit)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._paint_pending:
            self._paint_pending = False
            QTimer.singleShot(0, self.painted.emit)  # after the children have painted too
