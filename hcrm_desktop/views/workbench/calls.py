"""The call cards of the workbench, one tab per call, newest last.

A card that arrives while the agent is typing goes behind, marked, so the keyboard stays where it was;
otherwise it comes to the front. Ended calls can be closed; the others stay until they end or are closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from hcrm_desktop.views.callcard import CallCard

NEW_MARK = "● "  # a call card that came in behind, not looked at yet


def user_is_typing(window: QWidget) -> bool:
    """True when the keyboard is in an editable field of `window` that holds text: a form is being typed
    in. (An empty field that merely has the focus is not: a new call may take the keyboard from it.)"""
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not window.window() or not focus.isVisible():
        return False
    if isinstance(focus, QLineEdit):
        return not focus.isReadOnly() and bool(focus.text())
    if isinstance(focus, QPlainTextEdit | QTextEdit):
        return not focus.isReadOnly() and not focus.document().isEmpty()
    if isinstance(focus, QComboBox):
        return focus.isEditable() and bool(focus.currentText())
    return isinstance(focus, QAbstractSpinBox)


class CallStack(QTabWidget):
    """`card_count_changed` when a card comes or goes."""

    card_count_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callStack")
        self.setMovable(True)
        self.setDocumentMode(True)
        self.cards: dict[str, CallCard] = {}  # the calls on screen, by call id (not the spare)
        self.spare: CallCard | None = None
        self.unseen: set[CallCard] = set()  # came in behind a form being typed in; marked until looked at
        self.currentChanged.connect(self._on_current_changed)

    def card(self, call_id: str) -> CallCard | None:
        return self.cards.get(call_id)

    def add_card(self, card: CallCard) -> bool:
        """Show a card for a new call (the prepared spare or a new one); True when it came to the front,
        False when it waits behind (someone is typing)."""
        typing = user_is_typing(self)
        self.cards[card.call_id] = card
        card.title_changed.connect(lambda c=card: self._on_card_title_changed(c))
        if card is self.spare:
            self.spare = None
            index = self.indexOf(card)
            self.setTabText(index, card.title())
            self.setTabVisible(index, True)
        else:
            index = self.addTab(card, card.title())
        self._add_close_button(card)
        front = not typing or len(self.cards) == 1 and not self.isVisible()
        if front:
            self.setCurrentIndex(index)
        else:
            self.unseen.add(card)
            self.setTabText(index, self.tab_text(card))
        self.card_count_changed.emit()
        return front

    def set_spare(self, card: CallCard) -> None:
        """Keep a card built and styled in a hidden tab, so a ring only fills it in (saves ~30 ms)."""
        if self.spare is not None:
            return
        self.spare = card
        self.setTabVisible(self.addTab(card, ""), False)
        card.ensurePolished()

    def take_cards(self) -> list[CallCard]:
        """Remove every card without deleting it (a rebuilt workbench adopts them)."""
        cards = list(self.cards.values())
        for card in cards:
            self.removeTab(self.indexOf(card))
            card.setParent(None)  # type: ignore[call-overload]  # detach; the new stack takes it
        self.cards.clear()
        return cards

    def adopt(self, cards: list[CallCard]) -> None:
        for card in cards:
            self.cards[card.call_id] = card
            card.title_changed.connect(lambda c=card: self._on_card_title_changed(c))
            self.addTab(card, card.title())
            self._add_close_button(card)
        self.card_count_changed.emit()

    def _add_close_button(self, card: CallCard) -> None:
        button = QToolButton(self)
        button.setObjectName("tabCloseButton")
        button.setText("×")
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(self.tr("Close this card"))
        button.clicked.connect(lambda: self.close_card(card))
        self.tabBar().setTabButton(self.indexOf(card), QTabBar.ButtonPosition.RightSide, button)

    def close_card(self, card: CallCard) -> None:
        """Close a card (its × button): the call, if still on, goes on; only the card goes."""
        if card.call_id in self.cards and self.cards[card.call_id] is card:
            del self.cards[card.call_id]
        self.unseen.discard(card)
        index = self.indexOf(card)
        if index >= 0:
            self.removeTab(index)
        card.deleteLater()
        self.card_count_changed.emit()

    def tab_text(self, card: CallCard) -> str:
        return f"{NEW_MARK}{card.title()}" if card in self.unseen else card.title()

    def _on_card_title_changed(self, card: CallCard) -> None:
        index = self.indexOf(card)
        if index >= 0:
            self.setTabText(index, self.tab_text(card))

    def _on_current_changed(self, index: int) -> None:
        card = self.widget(index)
        if isinstance(card, CallCard) and card in self.unseen:
            self.unseen.discard(card)
            self.setTabText(index, self.tab_text(card))
