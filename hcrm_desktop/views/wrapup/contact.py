"""What a wrap-up form is about (the call, the customer) and the type keys Alt+1..Alt+5 its host installs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hcrm_desktop.domain.enums import Channel, Direction
from hcrm_desktop.views.wrapup.words import TYPE_KEYS, TYPES


@dataclass(frozen=True)
class ContactContext:
    """What the form knows about the contact besides what is typed: the call and who it is about."""

    call_id: str | None = None
    remote: str = ""
    channel: str = Channel.PHONE.value
    direction: str = Direction.INBOUND.value
    answered_at: datetime | None = None  # local
    ended_at: datetime | None = None
    patient_id: str | None = None
    patient_name: str = ""


def install_type_shortcuts(host: QWidget, on_type: Callable[[str], Any], types: tuple[str, ...] = tuple(TYPES),
                           context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> dict[str, QShortcut]:
    """Alt+1..Alt+5 for the wrap-up types, active while `host` is visible in the active window."""
    shortcuts = {}
    for code in types:
        shortcut = QShortcut(QKeySequence(TYPE_KEYS[code]), host)
        shortcut.setContext(context)
        shortcut.activated.connect(lambda c=code: on_type(c))
        shortcuts[code] = shortcut
    return shortcuts
